//! The canonical JSON snapshot of a schema, kept next to the migrations.

use std::fmt;

use schema_core::Schema;

/// The snapshot text of `schema`: pretty JSON with a trailing newline, the same for the same
/// schema (the model is canonical: sorted, every object named).
///
/// ```
/// use schema_dialects::migrate::{from_snapshot, to_snapshot};
/// use schema_core::{Column, Schema, SqlType, TableDef};
/// let schema = Schema::builder().table_def(TableDef::new("t").column(Column::new("a", SqlType::Text))).build().unwrap();
/// let text = to_snapshot(&schema);
/// assert_eq!(from_snapshot(&text).unwrap(), schema);
/// ```
pub fn to_snapshot(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema always serializes");
    text.push('\n');
    text
}

/// Reads a snapshot written by [`to_snapshot`].
///
/// ```
/// let error = schema_dialects::migrate::from_snapshot("{").unwrap_err();
/// assert!(error.to_string().contains("not a schema snapshot"));
/// ```
pub fn from_snapshot(text: &str) -> Result<Schema, SnapshotError> {
    serde_json::from_str(text).map_err(|e| SnapshotError(e.to_string()))
}

/// A snapshot that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotError(String);

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a schema snapshot: {}", self.0)
    }
}

impl std::error::Error for SnapshotError {}
