//! Schema diff: what changed between two schemas, as a typed list of [`Change`]s.
//!
//! Dialect-free: the engines turn the changes into SQL (`schema_dialects::migrate`). Renames are
//! never guessed: a table or column is renamed only when the new schema says so with
//! `renamed_from` (and the old schema still has the old name and not the new one); otherwise a
//! missing name is a drop and a new name an addition. Changes that may lose data are listed by
//! [`Diff::data_loss`] so a migration can refuse them until they are acknowledged.
//!
//! ```
//! use schema_core::diff::{Change, TableChange, diff};
//! use schema_core::{Column, Schema, SqlType, TableDef};
//!
//! let before = Schema::builder()
//!     .table_def(TableDef::new("users").column(Column::new("mail", SqlType::Text)))
//!     .build()
//!     .unwrap();
//! let after = Schema::builder()
//!     .table_def(
//!         TableDef::new("users")
//!             .column(Column::new("email", SqlType::Text).renamed_from("mail"))
//!             .column(Column::new("name", SqlType::Text).nullable()),
//!     )
//!     .build()
//!     .unwrap();
//! let changes = diff(&before, &after);
//! let Change::AlterTable(alter) = &changes.changes[0] else { panic!() };
//! assert!(matches!(&alter.changes[0], TableChange::RenameColumn { from, to } if from == "mail" && to == "email"));
//! assert!(matches!(&alter.changes[1], TableChange::AddColumn(c) if c.name == "name"));
//! assert!(changes.data_loss().is_empty());
//! assert!(diff(&after, &after).is_empty());
//! ```

mod change;
mod columns;
mod constraints;
mod loss;
mod objects;
mod renames;
mod tables;
mod types;

pub use change::{AlterTable, Change, TableChange};
pub use loss::{DataLoss, LossKind, widens};

use crate::Schema;
use renames::Renames;

/// The changes that turn one schema into another, in a canonical order (types first, then tables
/// by name).
///
/// ```
/// use schema_core::Schema;
/// assert!(schema_core::diff::diff(&Schema::default(), &Schema::default()).is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    /// The changes.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Every change that may lose data or fail on existing rows, in change order.
    ///
    /// ```
    /// use schema_core::diff::{LossKind, diff};
    /// use schema_core::{Column, Schema, SqlType, TableDef};
    /// let t = |columns: &[&str]| {
    ///     let table = columns.iter().fold(TableDef::new("t"), |t, c| t.column(Column::new(*c, SqlType::Text)));
    ///     Schema::builder().table_def(table).build().unwrap()
    /// };
    /// let loss = diff(&t(&["a", "b"]), &t(&["a"])).data_loss();
    /// assert_eq!(loss[0].kind, LossKind::DropColumn);
    /// assert_eq!(loss[0].key(), "drop column t.b");
    /// ```
    pub fn data_loss(&self) -> Vec<DataLoss> {
        loss::of(self)
    }
}

/// The changes from `old` to `new`, with renames declared by `new`'s `renamed_from`.
pub fn diff(old: &Schema, new: &Schema) -> Diff {
    compute(old, new, &Renames::declared(old, new))
}

/// The changes from `new` back to `old`: the down migration of [`diff`]`(old, new)`, undoing its
/// renames.
///
/// ```
/// use schema_core::diff::{Change, diff_back};
/// use schema_core::{Column, Schema, SqlType, TableDef};
/// let old = Schema::builder().table_def(TableDef::new("a").column(Column::new("x", SqlType::Text))).build().unwrap();
/// let new = Schema::builder().table_def(TableDef::new("b").renamed_from("a").column(Column::new("x", SqlType::Text))).build().unwrap();
/// let back = diff_back(&old, &new);
/// assert!(matches!(&back.changes[0], Change::RenameTable { from, to } if from == "b" && to == "a"));
/// ```
pub fn diff_back(old: &Schema, new: &Schema) -> Diff {
    compute(new, old, &Renames::declared(old, new).reversed())
}

fn compute(from: &Schema, to: &Schema, renames: &Renames) -> Diff {
    let mut changes = types::changes(from, to);
    changes.extend(tables::changes(from, to, renames));
    changes.extend(objects::changes(from, to));
    Diff { changes }
}
