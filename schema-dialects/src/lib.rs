//! PostgreSQL, MySQL/MariaDB and SQLite DDL from a [`schema_core::Schema`].
//!
//! Each engine is a [`Dialect`]: [`Dialect::check`] reports every engine-specific problem at
//! once, [`Dialect::render`] writes one deterministic, dependency-ordered [`Script`].
//!
//! ```
//! use schema_core::{Column, Engine, ForeignKey, Schema, SqlType, TableDef};
//! use schema_dialects::dialect;
//!
//! let schema = Schema::builder()
//!     .table_def(
//!         TableDef::new("invoices")
//!             .column(Column::new("id", SqlType::BigInt))
//!             .column(Column::new("tenant_id", SqlType::BigInt))
//!             .primary_key(["id"])
//!             .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"])),
//!     )
//!     .table_def(TableDef::new("tenants").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
//!     .build()
//!     .unwrap();
//! for engine in Engine::ALL {
//!     let script = dialect(engine).render(&schema).unwrap();
//!     // Referenced tables first.
//!     let tenants = script.statements.iter().position(|s| s.contains("TABLE \"tenants\"") || s.contains("TABLE `tenants`"));
//!     let invoices = script.statements.iter().position(|s| s.contains("TABLE \"invoices\"") || s.contains("TABLE `invoices`"));
//!     assert!(tenants < invoices, "{engine}");
//! }
//! ```

use std::fmt;

use schema_core::Engine;

pub mod build;
mod check;
mod dialect;
pub mod dictionary;
pub mod docs;
#[cfg(feature = "live")]
pub mod drift;
mod expr;
mod features;
#[cfg(feature = "live")]
pub mod introspect;
mod key_length;
pub mod migrate;
mod mysql;
mod object_styles;
mod order;
mod parse_cache;
pub mod partitions;
mod postgres;
pub mod quote;
#[cfg(test)]
mod sea_query_gaps;
mod security;
mod sqlite;
mod triggers;
pub mod types;
pub mod viewer;
pub mod views;
mod writer;

pub use dialect::{CommentStyle, Dialect, IdentifierLimit, IdentityStyle};
pub use mysql::MySql;
pub use object_styles::{PartitionStyle, SecurityInvokerViews, TriggerStyle};
pub use postgres::Postgres;
pub use sqlite::Sqlite;

/// The dialect for `engine`.
///
/// ```
/// use schema_core::Engine;
/// assert_eq!(schema_dialects::dialect(Engine::MySql).engine(), Engine::MySql);
/// ```
pub fn dialect(engine: Engine) -> &'static dyn Dialect {
    match engine {
        Engine::Postgres => &Postgres,
        Engine::MySql => &MySql,
        Engine::Sqlite => &Sqlite,
    }
}

/// A DDL script: statements in execution order.
///
/// Its `Display` writes each statement followed by `;` and a blank line.
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::Script;
/// let script = Script { engine: Engine::Sqlite, statements: vec!["PRAGMA foreign_keys = ON".into()] };
/// assert_eq!(script.to_string(), "PRAGMA foreign_keys = ON;\n\n");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Script {
    /// The engine the script is for.
    pub engine: Engine,
    /// Statements without trailing semicolons.
    pub statements: Vec<String>,
}

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for statement in &self.statements {
            writeln!(f, "{statement};\n")?;
        }
        Ok(())
    }
}
