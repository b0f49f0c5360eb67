//! Foreign keys.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A FOREIGN KEY constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignKey {
    /// The constraint name; filled with `<table>_<columns>_fkey` when left empty.
    pub name: String,
    /// The referencing columns of this table.
    pub columns: Vec<String>,
    /// The referenced table.
    pub references: String,
    /// The referenced columns; they must form the primary key or a unique constraint.
    pub referenced_columns: Vec<String>,
    /// What happens to referencing rows when the referenced row is deleted.
    #[serde(default)]
    pub on_delete: FkAction,
    /// What happens to referencing rows when the referenced key changes.
    #[serde(default)]
    pub on_update: FkAction,
    /// Whether (and how) the check may be deferred to the end of the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferrable: Option<Deferrable>,
    /// `MATCH FULL`: all referencing columns NULL, or all of them matching.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub match_full: bool,
}

/// When a deferrable constraint is checked by default.
///
/// ```
/// use schema_core::Deferrable;
/// assert_eq!(Deferrable::InitiallyDeferred.to_string(), "DEFERRABLE INITIALLY DEFERRED");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deferrable {
    /// Checked after each statement unless a transaction runs `SET CONSTRAINTS ... DEFERRED`.
    InitiallyImmediate,
    /// Checked at COMMIT.
    InitiallyDeferred,
}

impl fmt::Display for Deferrable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Deferrable::InitiallyImmediate => "DEFERRABLE INITIALLY IMMEDIATE",
            Deferrable::InitiallyDeferred => "DEFERRABLE INITIALLY DEFERRED",
        })
    }
}

/// A referential action.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FkAction {
    /// Reject the change at the end of the statement (the SQL default).
    #[default]
    NoAction,
    /// Reject the change immediately.
    Restrict,
    /// Delete or update the referencing rows too.
    Cascade,
    /// Set the referencing columns to NULL.
    SetNull,
    /// Set the referencing columns to their defaults.
    SetDefault,
}

impl FkAction {
    /// Whether the action writes the referencing columns (CASCADE, SET NULL, SET DEFAULT).
    ///
    /// ```
    /// use schema_core::FkAction;
    /// assert!(FkAction::SetNull.writes_referencing_columns());
    /// assert!(!FkAction::Restrict.writes_referencing_columns());
    /// ```
    pub fn writes_referencing_columns(self) -> bool {
        matches!(
            self,
            FkAction::Cascade | FkAction::SetNull | FkAction::SetDefault
        )
    }
}

impl fmt::Display for FkAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FkAction::NoAction => "NO ACTION",
            FkAction::Restrict => "RESTRICT",
            FkAction::Cascade => "CASCADE",
            FkAction::SetNull => "SET NULL",
            FkAction::SetDefault => "SET DEFAULT",
        })
    }
}
