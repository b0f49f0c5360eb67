//! Table definitions.

use serde::{Deserialize, Serialize};

use crate::index::canonical_engines;
use crate::{
    Allow, Check, Column, Deferrable, Engine, Exclusion, FkAction, ForeignKey,
    FunctionalDependency, Index, IndexMethod, KeyPart, Partitioning, PrimaryKey, TableSecurity,
    Unique,
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
    /// Exclusion constraints (PostgreSQL).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<Exclusion>,
    /// SQLite `WITHOUT ROWID`: the table is stored clustered by its primary key. Other engines
    /// have no rowid to drop (InnoDB always clusters by the primary key; PostgreSQL has heaps).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub without_rowid: bool,
    /// How the table is partitioned (PostgreSQL, MySQL), see [`Partitioning`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partitioning: Option<Partitioning>,
    /// A timestamp column the engine sets to the current time on every UPDATE (a trigger, or
    /// MySQL `ON UPDATE`), see [`TableDef::updated_at`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Every INSERT, UPDATE and DELETE is recorded in the audit table
    /// ([`audit_log_table`](crate::audit_log_table)), see [`TableDef::audited`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub audit: bool,
    /// The table's previous name: a migration renames the table instead of dropping it and
    /// creating a new one (ignored once the old name no longer exists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// Row-level security: its mode, tenant isolation and policies.
    #[serde(default, skip_serializing_if = "TableSecurity::is_empty")]
    pub security: TableSecurity,
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
            exclusions: Vec::new(),
            without_rowid: false,
            partitioning: None,
            updated_at: None,
            audit: false,
            renamed_from: None,
            security: TableSecurity::default(),
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
            nulls_not_distinct: false,
        });
        self
    }

    /// Adds a named UNIQUE constraint under which NULLs are equal (`UNIQUE NULLS NOT DISTINCT`),
    /// so at most one row may hold NULL in the columns.
    ///
    /// ```
    /// use schema_core::{Column, SqlType, TableDef};
    /// let t = TableDef::new("t")
    ///     .column(Column::new("a", SqlType::Integer).nullable())
    ///     .unique_nulls_not_distinct("", ["a"]);
    /// assert!(t.uniques[0].nulls_not_distinct);
    /// ```
    pub fn unique_nulls_not_distinct<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        name: impl Into<String>,
        columns: I,
    ) -> Self {
        self.uniques.push(Unique {
            name: name.into(),
            columns: strings(columns),
            nulls_not_distinct: true,
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

    /// Adds an exclusion constraint.
    ///
    /// ```
    /// use schema_core::{Exclusion, IndexMethod, TableDef};
    /// let t = TableDef::new("bookings")
    ///     .exclusion(Exclusion::using(IndexMethod::Gist).element("room_id", "=").element("during", "&&"));
    /// assert_eq!(t.exclusions.len(), 1);
    /// ```
    pub fn exclusion(mut self, exclusion: Exclusion) -> Self {
        self.exclusions.push(exclusion);
        self
    }

    /// Makes the table `WITHOUT ROWID` on SQLite.
    ///
    /// ```
    /// assert!(schema_core::TableDef::new("t").without_rowid().without_rowid);
    /// ```
    pub fn without_rowid(mut self) -> Self {
        self.without_rowid = true;
        self
    }

    /// Partitions the table.
    ///
    /// ```
    /// use schema_core::{Partitioning, PartitionInterval, TableDef};
    /// let t = TableDef::new("events")
    ///     .partitioned(Partitioning::range(["created_at"]).lifecycle(PartitionInterval::Month, "2026-01-01", 6));
    /// assert!(t.partitioning.unwrap().default_partition);
    /// ```
    pub fn partitioned(mut self, partitioning: Partitioning) -> Self {
        self.partitioning = Some(partitioning);
        self
    }

    /// Keeps timestamp column `column` set to the current time on every UPDATE: PostgreSQL a
    /// `BEFORE UPDATE` trigger, MySQL `ON UPDATE`, SQLite an `AFTER UPDATE` trigger guarded
    /// against recursion. Give the column a `now` default too, so inserts set it.
    ///
    /// ```
    /// assert_eq!(schema_core::TableDef::new("t").updated_at("updated_at").updated_at.as_deref(), Some("updated_at"));
    /// ```
    pub fn updated_at(mut self, column: impl Into<String>) -> Self {
        self.updated_at = Some(column.into());
        self
    }

    /// Records every row change in the audit table (see [`audit_log_table`](crate::audit_log_table)).
    ///
    /// ```
    /// assert!(schema_core::TableDef::new("t").audited().audit);
    /// ```
    pub fn audited(mut self) -> Self {
        self.audit = true;
        self
    }

    /// Declares the table's previous name, so a migration renames it and keeps its rows.
    ///
    /// ```
    /// let t = schema_core::TableDef::new("customers").renamed_from("clients");
    /// assert_eq!(t.renamed_from.as_deref(), Some("clients"));
    /// ```
    pub fn renamed_from(mut self, old_name: impl Into<String>) -> Self {
        self.renamed_from = Some(old_name.into());
        self
    }

    /// The column with this name.
    pub fn find_column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.name == name)
    }

    /// The first foreign key whose ON DELETE or ON UPDATE action writes `column`.
    ///
    /// ```
    /// use schema_core::{Column, FkAction, ForeignKey, SqlType, TableDef};
    /// let t = TableDef::new("t")
    ///     .column(Column::new("p", SqlType::BigInt).nullable())
    ///     .foreign_key(ForeignKey::to("p", ["id"]).columns(["p"]).on_delete(FkAction::SetNull));
    /// assert!(t.foreign_key_writing("p").is_some());
    /// ```
    pub fn foreign_key_writing(&self, column: &str) -> Option<&ForeignKey> {
        self.foreign_keys.iter().find(|fk| {
            fk.columns.iter().any(|c| c == column)
                && (fk.on_delete.writes_referencing_columns()
                    || fk.on_update.writes_referencing_columns())
        })
    }

    /// Whether `columns` (in any order) are exactly the primary key or a unique constraint, the
    /// targets a foreign key may reference.
    pub fn has_key_on(&self, columns: &[String]) -> bool {
        let same_set = |key: &[String]| {
            key.len() == columns.len() && key.iter().all(|column| columns.contains(column))
        };
        self.primary_key.iter().any(|pk| same_set(&pk.columns))
            || self.uniques.iter().any(|unique| same_set(&unique.columns))
            || self.indexes.iter().any(|index| {
                index.unique
                    && index.predicate.is_none()
                    && index.expressions.is_empty()
                    && index.engines.is_empty()
                    && index.parts.values().all(|p| p.prefix.is_none())
                    && same_set(&index.columns)
            })
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
            deferrable: None,
            match_full: false,
        }
    }

    /// Makes the constraint deferrable: checked at COMMIT when initially deferred (or after
    /// `SET CONSTRAINTS ... DEFERRED`), so rows may be inserted in any order inside a transaction.
    ///
    /// ```
    /// use schema_core::{Deferrable, ForeignKey};
    /// let fk = ForeignKey::to("a", ["id"]).columns(["a_id"]).deferrable(Deferrable::InitiallyDeferred);
    /// assert_eq!(fk.deferrable, Some(Deferrable::InitiallyDeferred));
    /// ```
    pub fn deferrable(mut self, deferrable: Deferrable) -> Self {
        self.deferrable = Some(deferrable);
        self
    }

    /// `MATCH FULL`: the referencing columns are either all NULL or all match a referenced row
    /// (without it, one NULL column exempts the row from the check).
    ///
    /// ```
    /// assert!(schema_core::ForeignKey::to("a", ["x", "y"]).match_full().match_full);
    /// ```
    pub fn match_full(mut self) -> Self {
        self.match_full = true;
        self
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
            expressions: Vec::new(),
            method: None,
            parts: Default::default(),
            include: Vec::new(),
            nulls_not_distinct: false,
            engines: Vec::new(),
        }
    }

    /// An index over one SQL expression, e.g. `lower(email)`; add columns in front with
    /// [`Index::on`] and [`expression`](Index::expression) instead.
    ///
    /// ```
    /// let index = schema_core::Index::on_expression("lower(email)").unique();
    /// assert!(index.columns.is_empty());
    /// ```
    pub fn on_expression(expr: impl Into<String>) -> Self {
        Index::on(Vec::<String>::new()).expression(expr)
    }

    /// Appends an expression key part (after the columns).
    ///
    /// ```
    /// let index = schema_core::Index::on(["tenant_id"]).expression("lower(email)");
    /// assert_eq!(index.expressions, ["lower(email)"]);
    /// ```
    pub fn expression(mut self, expr: impl Into<String>) -> Self {
        self.expressions.push(expr.into());
        self
    }

    /// Sets the access method.
    ///
    /// ```
    /// use schema_core::{Index, IndexMethod};
    /// assert_eq!(Index::on(["doc"]).using(IndexMethod::Gin).method, Some(IndexMethod::Gin));
    /// ```
    pub fn using(mut self, method: IndexMethod) -> Self {
        self.method = Some(method);
        self
    }

    /// Sets the options (order, NULLs, operator class, prefix) of key column `column`.
    ///
    /// ```
    /// use schema_core::{Index, KeyPart};
    /// let index = Index::on(["at"]).part("at", KeyPart::new().desc());
    /// assert!(index.parts.contains_key("at"));
    /// ```
    pub fn part(mut self, column: impl Into<String>, part: KeyPart) -> Self {
        self.parts.insert(column.into(), part);
        self
    }

    /// Stores non-key columns in the index (`INCLUDE`).
    ///
    /// ```
    /// let index = schema_core::Index::on(["a"]).include(["b"]);
    /// assert_eq!(index.include, ["b"]);
    /// ```
    pub fn include<I: IntoIterator<Item = S>, S: Into<String>>(mut self, columns: I) -> Self {
        self.include = strings(columns);
        self
    }

    /// Unique index under which NULLs are equal (`NULLS NOT DISTINCT`).
    ///
    /// ```
    /// assert!(schema_core::Index::on(["a"]).unique().nulls_not_distinct().nulls_not_distinct);
    /// ```
    pub fn nulls_not_distinct(mut self) -> Self {
        self.nulls_not_distinct = true;
        self
    }

    /// Creates the index only on these engines; elsewhere it is skipped on purpose (the script
    /// says so in a comment).
    ///
    /// ```
    /// use schema_core::{Engine, Index};
    /// let index = Index::on(["a"]).only_on([Engine::Postgres]);
    /// assert!(!index.applies_to(Engine::Sqlite));
    /// ```
    pub fn only_on(mut self, engines: impl IntoIterator<Item = Engine>) -> Self {
        self.engines = canonical_engines(engines);
        self
    }

    /// Whether the index is created on `engine`.
    pub fn applies_to(&self, engine: Engine) -> bool {
        engine.in_scope(&self.engines)
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
