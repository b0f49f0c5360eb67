//! Changes that may lose data or fail on existing rows, named exactly.

use std::fmt;

use super::Diff;
use super::change::{Change, TableChange};
use crate::{Column, SqlType, TableDef};

/// What kind of loss a change risks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LossKind {
    /// A table and all its rows are dropped.
    DropTable,
    /// A column and all its values are dropped.
    DropColumn,
    /// A column's type can hold fewer values than before: values that do not fit fail the
    /// migration or are cut.
    NarrowColumn,
    /// A nullable column becomes NOT NULL without a default: rows holding NULL fail the migration.
    SetNotNull,
    /// A NOT NULL column without a default is added to an existing table: existing rows have no
    /// value for it.
    AddRequiredColumn,
    /// Values are removed from an enum: rows holding them fail the migration.
    DropEnumValue,
}

impl LossKind {
    /// The words used in acknowledgement keys, e.g. `drop column`.
    ///
    /// ```
    /// assert_eq!(schema_core::diff::LossKind::NarrowColumn.words(), "narrow column");
    /// ```
    pub fn words(self) -> &'static str {
        match self {
            LossKind::DropTable => "drop table",
            LossKind::DropColumn => "drop column",
            LossKind::NarrowColumn => "narrow column",
            LossKind::SetNotNull => "set not null",
            LossKind::AddRequiredColumn => "add required column",
            LossKind::DropEnumValue => "drop enum value",
        }
    }
}

/// One change that may lose data, with what exactly may be lost.
///
/// ```
/// use schema_core::diff::{DataLoss, LossKind};
/// let loss = DataLoss { kind: LossKind::DropTable, object: "invoices".into(), detail: "every row of table invoices".into() };
/// assert_eq!(loss.key(), "drop table invoices");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataLoss {
    /// The kind of change.
    pub kind: LossKind,
    /// The object: `table`, `table.column` or `enum.value`.
    pub object: String,
    /// What may be lost, in words.
    pub detail: String,
}

impl DataLoss {
    /// The text that acknowledges this change, e.g. `drop column invoices.note`.
    pub fn key(&self) -> String {
        format!("{} {}", self.kind.words(), self.object)
    }
}

impl fmt::Display for DataLoss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key(), self.detail)
    }
}

pub(super) fn of(diff: &Diff) -> Vec<DataLoss> {
    let mut found = Vec::new();
    for change in &diff.changes {
        match change {
            Change::DropTable(table) => found.push(DataLoss {
                kind: LossKind::DropTable,
                object: table.name.clone(),
                detail: format!(
                    "table {} is dropped with every row in it (columns {})",
                    table.name,
                    column_list(table)
                ),
            }),
            Change::ReplaceEnum { from, to } => {
                for value in from.values.iter().filter(|v| !to.values.contains(v)) {
                    found.push(DataLoss {
                        kind: LossKind::DropEnumValue,
                        object: format!("{}.{value}", from.name),
                        detail: format!(
                            "value '{value}' is removed from enum {}: rows holding it make the migration fail",
                            from.name
                        ),
                    });
                }
            }
            Change::AlterTable(alter) => {
                for table_change in &alter.changes {
                    found.extend(column_loss(&alter.to, table_change));
                }
            }
            _ => {}
        }
    }
    found
}

fn column_loss(table: &TableDef, change: &TableChange) -> Option<DataLoss> {
    let object = |c: &Column| format!("{}.{}", table.name, c.name);
    match change {
        TableChange::DropColumn(column) => Some(DataLoss {
            kind: LossKind::DropColumn,
            object: object(column),
            detail: format!(
                "column {} ({}) is dropped with every value in it",
                object(column),
                column.sql_type
            ),
        }),
        TableChange::AddColumn(column)
            if !column.nullable
                && column.default.is_none()
                && column.identity.is_none()
                && column.generated.is_none() =>
        {
            Some(DataLoss {
                kind: LossKind::AddRequiredColumn,
                object: object(column),
                detail: format!(
                    "column {} is NOT NULL without a default: adding it fails if table {} has rows (give it a default or make it nullable)",
                    object(column),
                    table.name
                ),
            })
        }
        // Values dropped from a named enum are reported once, for the enum.
        TableChange::AlterColumn { from, to }
            if !widens(&from.sql_type, &to.sql_type)
                && !same_enum(&from.sql_type, &to.sql_type) =>
        {
            Some(DataLoss {
                kind: LossKind::NarrowColumn,
                object: object(to),
                detail: format!(
                    "column {} changes from {} to {}: values that do not fit are cut or make the migration fail",
                    object(to),
                    from.sql_type,
                    to.sql_type
                ),
            })
        }
        TableChange::AlterColumn { from, to }
            if from.nullable && !to.nullable && to.default.is_none() && to.generated.is_none() =>
        {
            Some(DataLoss {
                kind: LossKind::SetNotNull,
                object: object(to),
                detail: format!(
                    "column {} becomes NOT NULL without a default: rows holding NULL make the migration fail",
                    object(to)
                ),
            })
        }
        _ => None,
    }
}

fn same_enum(a: &SqlType, b: &SqlType) -> bool {
    matches!((a, b), (SqlType::Enum(a), SqlType::Enum(b)) if a.name == b.name)
}

fn column_list(table: &TableDef) -> String {
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    names.join(", ")
}

/// Whether every value of `from` is a value of `to` (same type, or a wider one).
///
/// ```
/// use schema_core::SqlType;
/// use schema_core::diff::widens;
/// assert!(widens(&SqlType::Integer, &SqlType::BigInt));
/// assert!(widens(&SqlType::Varchar(20), &SqlType::Text));
/// assert!(!widens(&SqlType::Varchar(20), &SqlType::Varchar(10)));
/// assert!(!widens(&SqlType::BigInt, &SqlType::Integer));
/// ```
pub fn widens(from: &SqlType, to: &SqlType) -> bool {
    use SqlType::*;
    let int_rank = |t: &SqlType| match t {
        SmallInt => Some(1),
        Integer => Some(2),
        BigInt => Some(3),
        _ => None,
    };
    let int_digits = |t: &SqlType| match t {
        SmallInt => 5,
        Integer => 10,
        _ => 19,
    };
    if from == to {
        return true;
    }
    match (from, to) {
        (a, b) if int_rank(a).is_some() && int_rank(b).is_some() => int_rank(a) <= int_rank(b),
        (SmallInt | Integer, Double) | (Real, Double) => true,
        (
            a @ (SmallInt | Integer | BigInt),
            Decimal {
                precision: Some(p),
                scale,
            },
        ) => u32::from(*p).saturating_sub(u32::from(scale.unwrap_or(0))) >= int_digits(a),
        (
            _,
            Decimal {
                precision: None, ..
            },
        ) if from.is_numeric() => true,
        (
            Decimal {
                precision: Some(p1),
                scale: s1,
            },
            Decimal {
                precision: Some(p2),
                scale: s2,
            },
        ) => {
            let (s1, s2) = (s1.unwrap_or(0), s2.unwrap_or(0));
            s2 >= s1 && p2.saturating_sub(s2) >= p1.saturating_sub(s1)
        }
        (Varchar(n), Varchar(m)) | (Char(n), Varchar(m)) | (Char(n), Char(m)) => m >= n,
        (_, Text) => {
            from.is_textual()
                || from.is_numeric()
                || matches!(from, Uuid | Date | Time | Timestamp | TimestampTz)
        }
        (Json, Jsonb) | (Jsonb, Json) | (Text, CiText) => true,
        (Timestamp, TimestampTz) => true,
        (Enum(a), Enum(b)) => a.values.iter().all(|v| b.values.contains(v)),
        (Enum(e), Varchar(m)) => e.values.iter().all(|v| v.chars().count() <= *m as usize),
        (Domain(d), _) => widens(&d.base, to),
        (_, Domain(d)) => widens(from, &d.base),
        (Array(a), Array(b)) => widens(a, b),
        _ => false,
    }
}
