//! PostgreSQL, MySQL/MariaDB and SQLite DDL from a [`schema_core::Schema`].
//! (Interface fixed; writers in progress.)

use std::fmt;

use schema_core::{Diagnostic, Diagnostics, Engine, Schema};

/// One engine's writer.
pub trait Dialect: Sync {
    /// The engine this dialect writes for.
    fn engine(&self) -> Engine;

    /// Engine-specific problems in `schema` (identifier limits, expression grammar, features the
    /// engine cannot express). Dialect-neutral validation already ran in `Schema::builder().build()`.
    fn check(&self, schema: &Schema) -> Vec<Diagnostic>;

    /// The whole DDL script for `schema`, dependency-ordered, after [`check`](Dialect::check).
    fn render(&self, schema: &Schema) -> Result<Script, Diagnostics>;
}

/// The dialect for `engine`.
pub fn dialect(engine: Engine) -> &'static dyn Dialect {
    todo!("{engine}")
}

/// A DDL script: statements in execution order.
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
