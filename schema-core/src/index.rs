//! Secondary indexes.

use serde::{Deserialize, Serialize};

/// A B-tree index over one or more columns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    /// The index name; filled with `<table>_<columns>_idx` when left empty.
    pub name: String,
    /// The indexed columns, in order.
    pub columns: Vec<String>,
    /// Whether the index enforces uniqueness.
    #[serde(default)]
    pub unique: bool,
    /// A partial index's predicate (`WHERE ...`), as SQL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<String>,
}
