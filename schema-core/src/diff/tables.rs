//! Tables: created, dropped, renamed, altered.

use std::borrow::Cow;

use super::change::{AlterTable, Change, TableChange};
use super::renames::Renames;
use super::{columns, constraints};
use crate::{Schema, TableDef};

/// Table renames, then altered tables, created tables and dropped tables, each by name.
pub(super) fn changes(from: &Schema, to: &Schema, renames: &Renames) -> Vec<Change> {
    let mut changes: Vec<Change> = renames
        .tables()
        .iter()
        .map(|(from, to)| Change::RenameTable {
            from: from.clone(),
            to: to.clone(),
        })
        .collect();
    let mut created = Vec::new();
    for table in &to.tables {
        match from.table(renames.table_source(&table.name)) {
            Some(before) => {
                if let Some(alter) = alter(before, table, renames) {
                    changes.push(Change::AlterTable(alter));
                }
            }
            None => created.push(Change::CreateTable(table.clone())),
        }
    }
    changes.extend(created);
    changes.extend(
        from.tables
            .iter()
            .filter(|t| to.table(&t.name).is_none() && !renames.table_renamed(&t.name))
            .map(|t| Change::DropTable(t.clone())),
    );
    changes
}

/// The changes inside one table, `None` when there are none.
fn alter(before: &TableDef, after: &TableDef, renames: &Renames) -> Option<AlterTable> {
    // Compared under the new name; copied only when renamed (most tables are not), and kept
    // only when something changed.
    let from: Cow<TableDef> = if before.name == after.name {
        Cow::Borrowed(before)
    } else {
        let mut renamed = before.clone();
        renamed.name = after.name.clone();
        Cow::Owned(renamed)
    };
    let mut changes = columns::renames(&from, after, renames);
    changes.extend(constraints::drops(&from, after));
    changes.extend(columns::changes(&from, after, renames));
    changes.extend(constraints::additions(&from, after));
    if from.comment != after.comment {
        changes.push(TableChange::SetComment {
            from: from.comment.clone(),
            to: after.comment.clone(),
        });
    }
    if from.without_rowid != after.without_rowid {
        changes.push(TableChange::SetWithoutRowid(after.without_rowid));
    }
    if from.partitioning != after.partitioning {
        changes.push(TableChange::SetPartitioning {
            from: from.partitioning.clone(),
            to: after.partitioning.clone(),
        });
    }
    if from.updated_at != after.updated_at {
        changes.push(TableChange::SetUpdatedAt {
            from: from.updated_at.clone(),
            to: after.updated_at.clone(),
        });
    }
    if from.audit != after.audit {
        changes.push(TableChange::SetAudit(after.audit));
    }
    if from.security != after.security {
        changes.push(TableChange::SetSecurity {
            from: from.security.clone(),
            to: after.security.clone(),
        });
    }
    (!changes.is_empty()).then(|| AlterTable {
        from: from.into_owned(),
        to: after.clone(),
        changes,
    })
}
