//! Reads a live PostgreSQL, MySQL/MariaDB or SQLite database back into a
//! [`Schema`](schema_core::Schema) (feature `live`).
//!
//! Types come back as the logical types our writers would have written them (MySQL
//! `BINARY(16)` is a UUID, SQLite `TEXT` with our `length(c) <= 32` CHECK is a `varchar(32)`, and
//! that CHECK is recognised as the type's, not reported as a user check). Introspecting the DDL
//! of a schema gives the schema back, up to what the engine cannot hold: see
//! [`as_deployed`] for the list and [`comparable`] for the normal form in which to compare.
//!
//! ```no_run
//! # async fn example() -> Result<(), schema_dialects::introspect::IntrospectError> {
//! let live = schema_dialects::introspect::introspect_url("postgres://postgres@127.0.0.1/app").await?;
//! println!("{}", live.tables.len());
//! # Ok(())
//! # }
//! ```

mod mysql;
mod normalize;
mod postgres;
mod recover;
mod routines;
mod sql_text;
mod sqlite;

use std::fmt;

use schema_core::{Engine, FkAction, Schema};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Connection, Row};

pub use normalize::{CANDIDATES, as_deployed, canonical_query, canonical_sql, comparable};

/// Why a database could not be read.
///
/// ```
/// let error = schema_dialects::introspect::IntrospectError::new("no such table");
/// assert_eq!(error.to_string(), "no such table");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntrospectError {
    message: String,
}

impl IntrospectError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        IntrospectError {
            message: message.into(),
        }
    }
}

impl fmt::Display for IntrospectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IntrospectError {}

impl From<sqlx::Error> for IntrospectError {
    fn from(error: sqlx::Error) -> Self {
        IntrospectError::new(error.to_string())
    }
}

/// The engine behind an open connection.
///
/// ```
/// # async fn example(connection: &sqlx::AnyConnection) {
/// let engine = schema_dialects::introspect::engine_of(connection);
/// # }
/// ```
pub fn engine_of(connection: &AnyConnection) -> Result<Engine, IntrospectError> {
    match connection.backend_name() {
        "PostgreSQL" => Ok(Engine::Postgres),
        "MySQL" => Ok(Engine::MySql),
        "SQLite" => Ok(Engine::Sqlite),
        other => Err(IntrospectError::new(format!(
            "cannot introspect a {other} database: PostgreSQL, MySQL/MariaDB and SQLite are supported"
        ))),
    }
}

/// Connects to `url` (`postgres://`, `mysql://`, `sqlite://`) and reads its schema.
///
/// ```no_run
/// # async fn example() {
/// let schema = schema_dialects::introspect::introspect_url("sqlite://app.db").await.unwrap();
/// # }
/// ```
pub async fn introspect_url(url: &str) -> Result<Schema, IntrospectError> {
    let mut connection = connect(url).await?;
    let schema = introspect(&mut connection).await;
    connection.close().await.ok();
    schema
}

/// Opens a connection to `url` with sqlx's drivers for the three engines installed.
///
/// ```no_run
/// # async fn example() {
/// let connection = schema_dialects::introspect::connect("sqlite::memory:").await.unwrap();
/// # }
/// ```
pub async fn connect(url: &str) -> Result<AnyConnection, IntrospectError> {
    sqlx::any::install_default_drivers();
    AnyConnection::connect(url)
        .await
        .map_err(|e| IntrospectError::new(format!("cannot connect to {url}: {e}")))
}

/// Reads the schema of the database `connection` is connected to (PostgreSQL: the current
/// schema; MySQL: the current database; SQLite: `main`).
///
/// ```no_run
/// # async fn example(connection: &mut sqlx::AnyConnection) {
/// let schema = schema_dialects::introspect::introspect(connection).await.unwrap();
/// # }
/// ```
pub async fn introspect(connection: &mut AnyConnection) -> Result<Schema, IntrospectError> {
    let mut schema = match engine_of(connection)? {
        Engine::Postgres => postgres::introspect(connection).await?,
        Engine::MySql => mysql::introspect(connection).await?,
        Engine::Sqlite => sqlite::introspect(connection).await?,
    };
    schema.tables.sort_by(|a, b| a.name.cmp(&b.name));
    schema.extensions.sort();
    Ok(schema)
}

/// One catalog row, every value as text (queries cast to text, so every driver reads it).
type TextRow = Vec<Option<String>>;

async fn rows(connection: &mut AnyConnection, sql: &str) -> Result<Vec<TextRow>, IntrospectError> {
    let rows = sqlx::query(AssertSqlSafe(sql.to_string()))
        .fetch_all(connection)
        .await
        .map_err(|e| IntrospectError::new(format!("catalog query failed: {e}\n{sql}")))?;
    Ok(rows.iter().map(as_text).collect())
}

fn as_text(row: &AnyRow) -> TextRow {
    (0..row.len())
        .map(|i| {
            if let Ok(value) = row.try_get::<Option<String>, _>(i) {
                return value;
            }
            if let Ok(value) = row.try_get::<Option<Vec<u8>>, _>(i) {
                return value.map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
            }
            if let Ok(value) = row.try_get::<Option<i64>, _>(i) {
                return value.map(|v| v.to_string());
            }
            if let Ok(value) = row.try_get::<Option<i32>, _>(i) {
                return value.map(|v| v.to_string());
            }
            if let Ok(value) = row.try_get::<Option<bool>, _>(i) {
                return value.map(|v| v.to_string());
            }
            None
        })
        .collect()
}

/// The text of column `i` of a row, empty for NULL.
fn text(row: &TextRow, i: usize) -> String {
    row.get(i).cloned().flatten().unwrap_or_default()
}

/// The text of column `i`, `None` for NULL or empty.
fn opt(row: &TextRow, i: usize) -> Option<String> {
    row.get(i).cloned().flatten().filter(|s| !s.is_empty())
}

/// `sql` without parentheses around the whole of it.
fn strip_outer_parens(sql: &str) -> &str {
    let mut sql = sql.trim();
    while sql.starts_with('(') && sql.ends_with(')') && closes_at_end(sql) {
        sql = sql[1..sql.len() - 1].trim();
    }
    sql
}

/// Whether the `(` at the start of `sql` is closed by its last character (quotes respected).
fn closes_at_end(sql: &str) -> bool {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    for (i, c) in sql.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => {
                depth -= 1;
                if depth == 0 {
                    return i == sql.len() - 1;
                }
            }
            _ => {}
        }
    }
    false
}

/// Splits `sql` at commas outside parentheses and quotes.
fn split_top_level(sql: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut quote: Option<char> = None;
    let mut current = String::new();
    for c in sql.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth -= 1,
            (None, ',') if depth == 0 => {
                parts.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        parts.push(current.trim().to_string());
    }
    parts
}

/// The foreign-key action a catalog spells `rule` (`CASCADE`, `SET NULL`, ...: the words
/// [`FkAction`]'s `Display` writes); anything else is NO ACTION.
fn fk_action(rule: &str) -> FkAction {
    [
        FkAction::Cascade,
        FkAction::SetNull,
        FkAction::SetDefault,
        FkAction::Restrict,
    ]
    .into_iter()
    .find(|action| action.to_string().eq_ignore_ascii_case(rule))
    .unwrap_or(FkAction::NoAction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outer_parentheses_only_when_they_enclose_everything() {
        assert_eq!(strip_outer_parens("((a > 0))"), "a > 0");
        assert_eq!(
            strip_outer_parens("(a > 0) AND (b > 0)"),
            "(a > 0) AND (b > 0)"
        );
        assert_eq!(strip_outer_parens("(')')"), "')'");
    }

    #[test]
    fn top_level_commas() {
        assert_eq!(
            split_top_level("a WITH =, tstzrange(a, b) WITH &&, 'x,y'"),
            ["a WITH =", "tstzrange(a, b) WITH &&", "'x,y'"]
        );
    }
}
