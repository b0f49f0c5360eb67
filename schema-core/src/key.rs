//! Primary keys and unique constraints.

use serde::{Deserialize, Serialize};

/// The primary key of a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrimaryKey {
    /// The constraint name; filled with `<table>_pkey` by [`Schema::builder`](crate::Schema::builder)
    /// when left empty.
    pub name: String,
    /// The key columns, in key order.
    pub columns: Vec<String>,
}

/// A UNIQUE constraint over one or more columns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unique {
    /// The constraint name; filled with `<table>_<columns>_key` when left empty.
    pub name: String,
    /// The columns, in order.
    pub columns: Vec<String>,
    /// NULLs are equal to each other (`UNIQUE NULLS NOT DISTINCT`), so only one row may hold
    /// NULL in the columns.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nulls_not_distinct: bool,
}
