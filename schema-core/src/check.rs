//! CHECK constraints.

use serde::{Deserialize, Serialize};

/// A CHECK constraint: a boolean SQL expression every row must satisfy.
///
/// The expression is SQL because SQL is its natural language; every engine writer parses it
/// with that engine's grammar and checks that the columns it names exist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// The constraint name; filled with `<table>_<column>_check` (column checks) or
    /// `<table>_check<n>` when left empty.
    pub name: String,
    /// The boolean expression, e.g. `total_cents >= 0`.
    pub expr: String,
    /// The column this check was declared on, if it was declared on a column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}
