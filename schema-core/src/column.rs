//! Columns: name, type, nullability, default and identity.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Allow, Engine, SqlType};

/// One column of a table.
///
/// ```
/// use schema_core::{Column, ColumnDefault, SqlType};
/// let status = Column::new("status", SqlType::Varchar(16))
///     .default(ColumnDefault::text("draft"))
///     .comment("Where the invoice is in its life");
/// assert!(!status.nullable);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// The column name.
    pub name: String,
    /// The logical type.
    pub sql_type: SqlType,
    /// Whether NULL is allowed. Columns are NOT NULL unless declared nullable.
    pub nullable: bool,
    /// The default value, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<ColumnDefault>,
    /// Whether the engine generates the value (identity / auto-increment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// Documentation, written as a column comment where the engine has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Design-advisor rules switched off for this column, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allows: Vec<Allow>,
    /// A generated column: the value is computed from an SQL expression over other columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Generated>,
    /// The collation per engine (names differ between engines); an engine without an entry uses
    /// the table's default collation.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub collation: BTreeMap<Engine, String>,
    /// The column's previous name: a migration renames the column instead of dropping it and
    /// adding a new one (ignored once the old name no longer exists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
}

/// How a generated column is computed.
///
/// ```
/// use schema_core::{Column, GeneratedKind, SqlType};
/// let total = Column::new("total", SqlType::BigInt).generated("price * qty", GeneratedKind::Stored);
/// assert_eq!(total.generated.unwrap().expr, "price * qty");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Generated {
    /// The SQL expression, over columns of the same row.
    pub expr: String,
    /// Stored (computed on write) or virtual (computed on read).
    pub kind: GeneratedKind,
}

/// Whether a generated column's value is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeneratedKind {
    /// Computed when the row is written and stored (`STORED`; MariaDB also calls it PERSISTENT).
    Stored,
    /// Computed when read (`VIRTUAL`); PostgreSQL 15 has no virtual generated columns.
    Virtual,
}

impl Column {
    /// A NOT NULL column without default.
    pub fn new(name: impl Into<String>, sql_type: SqlType) -> Self {
        Column {
            name: name.into(),
            sql_type,
            nullable: false,
            default: None,
            identity: None,
            comment: None,
            allows: Vec::new(),
            generated: None,
            collation: BTreeMap::new(),
            renamed_from: None,
        }
    }

    /// Makes the column generated from `expr`.
    ///
    /// ```
    /// use schema_core::{Column, GeneratedKind, SqlType};
    /// let c = Column::new("n", SqlType::Integer).generated("a + b", GeneratedKind::Virtual);
    /// assert_eq!(c.generated.unwrap().kind, GeneratedKind::Virtual);
    /// ```
    pub fn generated(mut self, expr: impl Into<String>, kind: GeneratedKind) -> Self {
        self.generated = Some(Generated {
            expr: expr.into(),
            kind,
        });
        self
    }

    /// Sets the collation on one engine.
    ///
    /// ```
    /// use schema_core::{Column, Engine, SqlType};
    /// let c = Column::new("name", SqlType::Text).collation(Engine::Sqlite, "NOCASE");
    /// assert_eq!(c.collation[&Engine::Sqlite], "NOCASE");
    /// ```
    pub fn collation(mut self, engine: Engine, collation: impl Into<String>) -> Self {
        self.collation.insert(engine, collation.into());
        self
    }

    /// Declares the column's previous name, so a migration renames it and keeps its values.
    ///
    /// ```
    /// use schema_core::{Column, SqlType};
    /// let c = Column::new("email", SqlType::Text).renamed_from("mail");
    /// assert_eq!(c.renamed_from.as_deref(), Some("mail"));
    /// ```
    pub fn renamed_from(mut self, old_name: impl Into<String>) -> Self {
        self.renamed_from = Some(old_name.into());
        self
    }

    /// Allows NULL.
    pub fn nullable(mut self) -> Self {
        self.nullable = true;
        self
    }

    /// Sets the default value.
    pub fn default(mut self, default: ColumnDefault) -> Self {
        self.default = Some(default);
        self
    }

    /// Lets the engine generate the value.
    pub fn identity(mut self, identity: Identity) -> Self {
        self.identity = Some(identity);
        self
    }

    /// Sets the column comment.
    pub fn comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// Switches a design-advisor rule off for this column, with the reason why.
    ///
    /// ```
    /// use schema_core::{Column, SqlType};
    /// let c = Column::new("currency", SqlType::Char(3)).allow("S104", "ISO 4217 codes");
    /// assert_eq!(c.allows[0].reason, "ISO 4217 codes");
    /// ```
    pub fn allow(mut self, code: impl Into<String>, reason: impl Into<String>) -> Self {
        self.allows.push(Allow::new(code, reason));
        self
    }
}

/// How an identity column's values are generated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Identity {
    /// The engine supplies a value unless the insert gives one
    /// (PostgreSQL `GENERATED BY DEFAULT AS IDENTITY`, MySQL `AUTO_INCREMENT`,
    /// SQLite `INTEGER PRIMARY KEY`).
    ByDefault,
    /// The engine always supplies the value; PostgreSQL rejects explicit values.
    Always,
}

/// A column default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnDefault {
    /// A constant value.
    Value(Literal),
    /// The current instant, in the column's own type and precision.
    Now,
    /// Today's date.
    CurrentDate,
    /// A random (version 4) UUID: PostgreSQL `gen_random_uuid()`, MySQL/MariaDB 16 bytes from
    /// `UUID()`, SQLite `randomblob(16)`.
    RandomUuid,
    /// An SQL expression, checked by each engine's parser; use only where no typed value fits.
    Sql(String),
}

impl ColumnDefault {
    /// A text default.
    pub fn text(value: impl Into<String>) -> Self {
        ColumnDefault::Value(Literal::Text(value.into()))
    }

    /// An integer default.
    pub fn int(value: i64) -> Self {
        ColumnDefault::Value(Literal::Int(value))
    }

    /// A boolean default.
    pub fn bool(value: bool) -> Self {
        ColumnDefault::Value(Literal::Bool(value))
    }
}

/// A constant value written in SQL.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Literal {
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A number written in decimal notation, kept as text so no precision is lost.
    Number(String),
    /// A string.
    Text(String),
}
