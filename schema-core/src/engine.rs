//! The database engines a schema can be written for.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A database engine family.
///
/// The core model never branches on an engine: this type only names one, as data, where a
/// schema carries engine-specific text (a raw column type) or where a diagnostic concerns a
/// single engine.
///
/// ```
/// use schema_core::Engine;
/// assert_eq!(Engine::MySql.to_string(), "MySQL");
/// assert_eq!(Engine::ALL.len(), 3);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// PostgreSQL 13 and later.
    Postgres,
    /// MySQL 8 and MariaDB 10.5 and later.
    #[serde(rename = "mysql")]
    MySql,
    /// SQLite 3.37 and later.
    Sqlite,
}

impl Engine {
    /// Every engine, in a stable order.
    pub const ALL: [Engine; 3] = [Engine::Postgres, Engine::MySql, Engine::Sqlite];

    /// The lowercase key used in file names and attributes: `postgres`, `mysql`, `sqlite`.
    pub fn key(self) -> &'static str {
        match self {
            Engine::Postgres => "postgres",
            Engine::MySql => "mysql",
            Engine::Sqlite => "sqlite",
        }
    }

    /// Looks an engine up by its [`key`](Engine::key).
    ///
    /// ```
    /// use schema_core::Engine;
    /// assert_eq!(Engine::from_key("sqlite"), Some(Engine::Sqlite));
    /// assert_eq!(Engine::from_key("oracle"), None);
    /// ```
    pub fn from_key(key: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|engine| engine.key() == key)
    }

    /// Whether an object scoped to `engines` (an `only_on(...)` list) exists on this engine;
    /// an empty list means every engine.
    ///
    /// ```
    /// use schema_core::Engine;
    /// assert!(Engine::MySql.in_scope(&[]));
    /// assert!(!Engine::MySql.in_scope(&[Engine::Postgres]));
    /// ```
    pub fn in_scope(self, engines: &[Engine]) -> bool {
        engines.is_empty() || engines.contains(&self)
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Engine::Postgres => "PostgreSQL",
            Engine::MySql => "MySQL",
            Engine::Sqlite => "SQLite",
        })
    }
}
