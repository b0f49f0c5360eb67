//! Table definitions.

use serde::{Deserialize, Serialize};

use crate::{
    Allow, Check, Column, FkAction, ForeignKey, FunctionalDependency, Index, PrimaryKey, Unique,
};

/// One table: its columns, keys, constraints and indexes.
///
/// Constraint and index names may be left empty; [`Schema::builder`](crate::Schema::builder)
/// fills them with deterministic names, so a built schema always names everything.
///
/// ```
/// use schema_core::{Column, FkAction, ForeignKey, Index, SqlType, TableDef};
/// let invoices = TableDef::new("invoices")
///     .column(Column::new("id", SqlType::BigInt))
///     .column(Column::new("tenant_id", SqlType::Uuid))
///     .column(Column::new("number", SqlType::Integer))
///     .primary_key(["id"])
///     .unique(["tenant_id", "number"])
///     .check("number > 0")
///     .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"]).on_delete(FkAction::Cascade))
///     .index(Index::on(["tenant_id"]));
/// assert_eq!(invoices.columns.len(), 3);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableDef {
    /// The table name.
    pub name: String,
    /// Documentation, written as a table comment where the engine has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The columns, in declaration order.
    pub columns: Vec<Column>,
    /// The primary key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_key: Option<PrimaryKey>,
    /// UNIQUE constraints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uniques: Vec<Unique>,
    /// CHECK constraints, column checks first in column order, then table checks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// FOREIGN KEY constraints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreign_keys: Vec<ForeignKey>,
    /// Secondary indexes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<Index>,
    /// Design-advisor rules switched off for the whole table, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allows: Vec<Allow>,
    /// Declared functional dependencies, read by the advisor's normal-form analysis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functional_dependencies: Vec<FunctionalDependency>,
}

impl TableDef {
    /// An empty table.
    pub fn new(name: impl Into<String>) -> Self {
        TableDef {
            name: name.into(),
            comment: None,
            columns: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            checks: Vec::new(),
            foreign_keys: Vec::new(),
            indexes: Vec::new(),
            allows: Vec::new(),
            functional_dependencies: Vec::new(),
        }
    }

    /// Sets the table comment.
    pub fn comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// Appends a column.
    pub fn column(mut self, column: Column) -> Self {
        self.columns.push(column);
        self
    }

    /// Sets the primary key (a default name is generated).
    pub fn primary_key<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.primary_key = Some(PrimaryKey {
            name: String::new(),
            columns: strings(columns),
        });
        self
    }

    /// Adds a UNIQUE constraint (a default name is generated).
    pub fn unique<I: IntoIterator<Item = S>, S: Into<String>>(self, columns: I) -> Self {
        self.named_unique("", columns)
    }

    /// Adds a named UNIQUE constraint.
    pub fn named_unique<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        name: impl Into<String>,
        columns: I,
    ) -> Self {
        self.uniques.push(Unique {
            name: name.into(),
            columns: strings(columns),
        });
        self
    }

    /// Adds a table CHECK constraint (a default name is generated).
    pub fn check(self, expr: impl Into<String>) -> Self {
        self.named_check("", expr)
    }

    /// Adds a named table CHECK constraint.
    pub fn named_check(mut self, name: impl Into<String>, expr: impl Into<String>) -> Self {
        self.checks.push(Check {
            name: name.into(),
            expr: expr.into(),
            column: None,
        });
        self
    }

    /// Adds a CHECK constraint declared on one column (named `<table>_<column>_check` by default).
    pub fn column_check(mut self, column: impl Into<String>, expr: impl Into<String>) -> Self {
        self.checks.push(Check {
            name: String::new(),
            expr: expr.into(),
            column: Some(column.into()),
        });
        self
    }

    /// Adds a foreign key.
    pub fn foreign_key(mut self, foreign_key: ForeignKey) -> Self {
        self.foreign_keys.push(foreign_key);
        self
    }

    /// Adds an index.
    pub fn index(mut self, index: Index) -> Self {
        self.indexes.push(index);
        self
    }

    /// Switches a design-advisor rule off for this table, with the reason why.
    ///
    /// ```
    /// use schema_core::TableDef;
    /// let t = TableDef::new("audit_events").allow("S301", "append-only log, read by time");
    /// assert_eq!(t.allows[0].code, "S301");
    /// ```
    pub fn allow(mut self, code: impl Into<String>, reason: impl Into<String>) -> Self {
        self.allows.push(Allow::new(code, reason));
        self
    }

    /// Declares the functional dependency `from -> to` for the normal-form analysis.
    ///
    /// ```
    /// use schema_core::TableDef;
    /// let t = TableDef::new("addresses").functional_dependency(["zip"], ["city", "state"]);
    /// assert_eq!(t.functional_dependencies[0].to_string(), "zip -> city, state");
    /// ```
    pub fn functional_dependency<I, S, J, T>(mut self, from: I, to: J) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
        J: IntoIterator<Item = T>,
        T: Into<String>,
    {
        self.functional_dependencies
            .push(FunctionalDependency::new(from, to));
        self
    }

    /// The column with this name.
    pub fn find_column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.name == name)
    }

    /// Whether `columns` (in any order) are exactly the primary key or a unique constraint, the
    /// targets a foreign key may reference.
    pub fn has_key_on(&self, columns: &[String]) -> bool {
        let same_set = |key: &[String]| {
            key.len() == columns.len() && key.iter().all(|column| columns.contains(column))
        };
        self.primary_key.iter().any(|pk| same_set(&pk.columns))
            || self.uniques.iter().any(|unique| same_set(&unique.columns))
            || self
                .indexes
                .iter()
                .any(|index| index.unique && index.predicate.is_none() && same_set(&index.columns))
    }
}

impl ForeignKey {
    /// A foreign key to `table`'s `columns`; set the referencing columns with
    /// [`columns`](ForeignKey::columns).
    pub fn to<I: IntoIterator<Item = S>, S: Into<String>>(
        table: impl Into<String>,
        referenced_columns: I,
    ) -> Self {
        ForeignKey {
            name: String::new(),
            columns: Vec::new(),
            references: table.into(),
            referenced_columns: strings(referenced_columns),
            on_delete: FkAction::NoAction,
            on_update: FkAction::NoAction,
        }
    }

    /// Sets the referencing columns.
    pub fn columns<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.columns = strings(columns);
        self
    }

    /// Sets the constraint name.
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Sets the ON DELETE action.
    pub fn on_delete(mut self, action: FkAction) -> Self {
        self.on_delete = action;
        self
    }

    /// Sets the ON UPDATE action.
    pub fn on_update(mut self, action: FkAction) -> Self {
        self.on_update = action;
        self
    }
}

impl Index {
    /// A non-unique index on `columns`.
    pub fn on<I: IntoIterator<Item = S>, S: Into<String>>(columns: I) -> Self {
        Index {
            name: String::new(),
            columns: strings(columns),
            unique: false,
            predicate: None,
        }
    }

    /// Makes the index unique.
    pub fn unique(mut self) -> Self {
        self.unique = true;
        self
    }

    /// Sets the index name.
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Makes the index partial: only rows matching `predicate` are indexed.
    pub fn filter(mut self, predicate: impl Into<String>) -> Self {
        self.predicate = Some(predicate.into());
        self
    }
}

fn strings<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}
