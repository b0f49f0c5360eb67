//! The entity-relationship graph of a schema: entities (tables, later views), their attributes
//! with key markers, and relationships with cardinalities derived from the model.

use std::collections::BTreeSet;

use crate::{FkAction, ForeignKey, Schema, TableDef, View};

/// What an entity of the diagram is: a table, or a view (drawn as a distinct node kind, with
/// edges to what it reads).
///
/// ```
/// use schema_core::erd::EntityKind;
/// assert_eq!(EntityKind::View.label(), "view");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntityKind {
    /// A base table.
    Table,
    /// A view (drawn dashed / marked `view`).
    View,
}

impl EntityKind {
    /// `table` or `view`.
    ///
    /// ```
    /// assert_eq!(schema_core::erd::EntityKind::Table.label(), "table");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Table => "table",
            EntityKind::View => "view",
        }
    }
}

/// One side of a relationship: how many rows may stand on it for one row on the other side.
///
/// ```
/// use schema_core::erd::Cardinality;
/// assert_eq!(Cardinality::ZeroOrMany.to_string(), "0..*");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Cardinality {
    /// Exactly one row (a NOT NULL foreign key's referenced row).
    ExactlyOne,
    /// At most one row (a nullable foreign key's referenced row, or the referencing row of a
    /// foreign key covered by a unique key).
    ZeroOrOne,
    /// Any number of rows (the referencing rows of an ordinary foreign key).
    ZeroOrMany,
}

impl std::fmt::Display for Cardinality {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Cardinality::ExactlyOne => "1",
            Cardinality::ZeroOrOne => "0..1",
            Cardinality::ZeroOrMany => "0..*",
        })
    }
}

/// One column of an entity, with its key markers.
///
/// ```
/// use schema_core::{Column, Schema, SqlType, TableDef};
/// use schema_core::erd::Erd;
/// let schema = Schema::builder()
///     .table_def(TableDef::new("t").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
///     .build()
///     .unwrap();
/// let erd = Erd::from_schema(&schema);
/// assert!(erd.entities[0].attributes[0].primary_key);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    /// The column name.
    pub name: String,
    /// The logical type, as [`SqlType`](crate::SqlType) displays it.
    pub type_name: String,
    /// Whether NULL is allowed.
    pub nullable: bool,
    /// Part of the primary key.
    pub primary_key: bool,
    /// Part of a foreign key.
    pub foreign_key: bool,
    /// Part of a UNIQUE constraint or a unique, non-partial index.
    pub unique: bool,
    /// The column comment.
    pub comment: Option<String>,
}

/// A table (or, later, a view) of the diagram.
///
/// ```
/// use schema_core::{Column, Schema, SqlType, TableDef};
/// use schema_core::erd::{EntityKind, Erd};
/// let schema = Schema::builder()
///     .table_def(TableDef::new("t").comment("Things").column(Column::new("id", SqlType::BigInt)))
///     .build()
///     .unwrap();
/// let entity = &Erd::from_schema(&schema).entities[0];
/// assert_eq!((entity.kind, entity.comment.as_deref()), (EntityKind::Table, Some("Things")));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The table or view name.
    pub name: String,
    /// Table or view.
    pub kind: EntityKind,
    /// The comment (the table's purpose).
    pub comment: Option<String>,
    /// The columns, in declaration order.
    pub attributes: Vec<Attribute>,
}

/// A foreign key seen as a relationship between two entities.
///
/// The referencing table is the child, the referenced table the parent. See
/// [`Erd::from_schema`] for how the cardinalities are derived.
///
/// ```
/// use schema_core::{Column, ForeignKey, Schema, SqlType, TableDef};
/// use schema_core::erd::{Cardinality, Erd};
/// let schema = Schema::builder()
///     .table_def(TableDef::new("p").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
///     .table_def(
///         TableDef::new("c")
///             .column(Column::new("p_id", SqlType::BigInt).nullable())
///             .foreign_key(ForeignKey::to("p", ["id"]).columns(["p_id"])),
///     )
///     .build()
///     .unwrap();
/// let rel = &Erd::from_schema(&schema).relationships[0];
/// assert_eq!((rel.parent_side, rel.child_side), (Cardinality::ZeroOrOne, Cardinality::ZeroOrMany));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relationship {
    /// The foreign key constraint name.
    pub name: String,
    /// The referencing table.
    pub child: String,
    /// The referencing columns.
    pub child_columns: Vec<String>,
    /// The referenced table.
    pub parent: String,
    /// The referenced columns.
    pub parent_columns: Vec<String>,
    /// How many parent rows one child row has: exactly one, or zero or one when a referencing
    /// column is nullable.
    pub parent_side: Cardinality,
    /// How many child rows one parent row has: zero or one when the referencing columns are
    /// covered by a unique key, else zero or many.
    pub child_side: Cardinality,
    /// Whether every referencing column is part of the child's primary key (the child's
    /// identity depends on the parent; drawn with a solid line in Mermaid).
    pub identifying: bool,
    /// ON DELETE action.
    pub on_delete: FkAction,
    /// ON UPDATE action.
    pub on_update: FkAction,
}

/// The entity-relationship graph of a schema, in the schema's (sorted) table order and each
/// table's foreign-key order, so every renderer's output is deterministic.
///
/// ```
/// use schema_core::{Column, ForeignKey, Schema, SqlType, TableDef};
/// use schema_core::erd::{Cardinality, Erd};
/// let schema = Schema::builder()
///     .table_def(TableDef::new("users").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
///     .table_def(
///         TableDef::new("profiles")
///             .column(Column::new("user_id", SqlType::BigInt))
///             .primary_key(["user_id"])
///             .foreign_key(ForeignKey::to("users", ["id"]).columns(["user_id"])),
///     )
///     .build()
///     .unwrap();
/// let erd = Erd::from_schema(&schema);
/// let rel = &erd.relationships[0];
/// assert_eq!(rel.parent_side, Cardinality::ExactlyOne);
/// assert_eq!(rel.child_side, Cardinality::ZeroOrOne); // the FK is the child's primary key
/// assert!(rel.identifying);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Erd {
    /// Tables, then views, each sorted by name.
    pub entities: Vec<Entity>,
    /// Every foreign key, by child table, then in declaration order.
    pub relationships: Vec<Relationship>,
    /// What each view reads: `(view, table or view)`, by view, then by name.
    pub view_reads: Vec<(String, String)>,
}

impl Erd {
    /// Builds the graph.
    ///
    /// Cardinality rules:
    /// - parent side: [`Cardinality::ZeroOrOne`] if any referencing column is nullable (a NULL
    ///   in any column of a foreign key means "no parent" under SQL's default MATCH SIMPLE),
    ///   else [`Cardinality::ExactlyOne`];
    /// - child side: [`Cardinality::ZeroOrOne`] if the primary key, a UNIQUE constraint, or a
    ///   unique index without a predicate has all its columns among the referencing columns
    ///   (then no two child rows can share a parent), else [`Cardinality::ZeroOrMany`]. A partial
    ///   unique index does not count: rows outside its predicate may repeat.
    ///
    /// ```
    /// let erd = schema_core::erd::Erd::from_schema(&schema_core::Schema::default());
    /// assert!(erd.entities.is_empty());
    /// ```
    pub fn from_schema(schema: &Schema) -> Erd {
        let mut entities: Vec<Entity> = schema.tables.iter().map(entity).collect();
        entities.extend(schema.views.iter().map(view_entity));
        let names = crate::RelationNames::of(schema);
        let view_reads = schema
            .views
            .iter()
            .flat_map(|view| {
                view.names_read_in(&names)
                    .into_iter()
                    .map(move |read| (view.name.clone(), read))
            })
            .collect();
        let relationships = schema
            .tables
            .iter()
            .flat_map(|table| {
                table
                    .foreign_keys
                    .iter()
                    .map(move |fk| relationship(table, fk))
            })
            .collect();
        Erd {
            entities,
            relationships,
            view_reads,
        }
    }

    /// The entity with this name.
    ///
    /// ```
    /// assert!(schema_core::erd::Erd::default().entity("t").is_none());
    /// ```
    pub fn entity(&self, name: &str) -> Option<&Entity> {
        // Entities come in table order, sorted by name in a built schema.
        crate::schema::find_by_name(&self.entities, name, |entity| &entity.name)
    }

    /// The names of the entities `name` references or is referenced by (not itself), sorted.
    ///
    /// ```
    /// assert!(schema_core::erd::Erd::default().neighbours("t").is_empty());
    /// ```
    pub fn neighbours(&self, name: &str) -> Vec<&str> {
        let set: BTreeSet<&str> = self
            .relationships
            .iter()
            .filter_map(|rel| {
                if rel.child == name && rel.parent != name {
                    Some(rel.parent.as_str())
                } else if rel.parent == name && rel.child != name {
                    Some(rel.child.as_str())
                } else {
                    None
                }
            })
            .collect();
        set.into_iter().collect()
    }
}

fn view_entity(view: &View) -> Entity {
    Entity {
        name: view.name.clone(),
        kind: EntityKind::View,
        comment: view.comment.clone(),
        attributes: view
            .columns
            .iter()
            .map(|column| Attribute {
                name: column.name.clone(),
                type_name: column
                    .sql_type
                    .as_ref()
                    .map_or_else(String::new, ToString::to_string),
                nullable: column.nullable,
                primary_key: false,
                foreign_key: false,
                unique: view
                    .indexes
                    .iter()
                    .any(|i| i.unique && i.columns.contains(&column.name)),
                comment: column.comment.clone(),
            })
            .collect(),
    }
}

fn entity(table: &TableDef) -> Entity {
    let in_pk = |column: &str| {
        table
            .primary_key
            .as_ref()
            .is_some_and(|pk| pk.columns.iter().any(|c| c == column))
    };
    let in_fk = |column: &str| {
        table
            .foreign_keys
            .iter()
            .any(|fk| fk.columns.iter().any(|c| c == column))
    };
    let in_unique = |column: &str| {
        table
            .uniques
            .iter()
            .any(|u| u.columns.iter().any(|c| c == column))
            || table
                .indexes
                .iter()
                .any(|i| i.unique && i.predicate.is_none() && i.columns.iter().any(|c| c == column))
    };
    Entity {
        name: table.name.clone(),
        kind: EntityKind::Table,
        comment: table.comment.clone(),
        attributes: table
            .columns
            .iter()
            .map(|column| Attribute {
                name: column.name.clone(),
                type_name: column.sql_type.to_string(),
                nullable: column.nullable,
                primary_key: in_pk(&column.name),
                foreign_key: in_fk(&column.name),
                unique: in_unique(&column.name),
                comment: column.comment.clone(),
            })
            .collect(),
    }
}

/// Whether some key of `table` has all its columns among `columns`.
fn covered_by_unique_key(table: &TableDef, columns: &[String]) -> bool {
    let within = |key: &[String]| !key.is_empty() && key.iter().all(|k| columns.contains(k));
    table.primary_key.iter().any(|pk| within(&pk.columns))
        || table.uniques.iter().any(|u| within(&u.columns))
        || table
            .indexes
            .iter()
            .any(|i| i.unique && i.predicate.is_none() && within(&i.columns))
}

fn relationship(table: &TableDef, fk: &ForeignKey) -> Relationship {
    let nullable = fk
        .columns
        .iter()
        .any(|name| table.find_column(name).is_none_or(|column| column.nullable));
    let identifying = !fk.columns.is_empty()
        && table
            .primary_key
            .as_ref()
            .is_some_and(|pk| fk.columns.iter().all(|c| pk.columns.contains(c)));
    Relationship {
        name: fk.name.clone(),
        child: table.name.clone(),
        child_columns: fk.columns.clone(),
        parent: fk.references.clone(),
        parent_columns: fk.referenced_columns.clone(),
        parent_side: if nullable {
            Cardinality::ZeroOrOne
        } else {
            Cardinality::ExactlyOne
        },
        child_side: if covered_by_unique_key(table, &fk.columns) {
            Cardinality::ZeroOrOne
        } else {
            Cardinality::ZeroOrMany
        },
        identifying,
        on_delete: fk.on_delete,
        on_update: fk.on_update,
    }
}
