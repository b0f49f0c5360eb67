//! Columns: renamed, dropped, changed, added.

use super::change::TableChange;
use super::renames::Renames;
use crate::{Column, TableDef};

/// The declared column renames of `after`.
pub(super) fn renames(before: &TableDef, after: &TableDef, renames: &Renames) -> Vec<TableChange> {
    after
        .columns
        .iter()
        .filter_map(|column| {
            let source = renames.column_source(&after.name, &column.name);
            (source != column.name && before.find_column(source).is_some()).then(|| {
                TableChange::RenameColumn {
                    from: source.to_string(),
                    to: column.name.clone(),
                }
            })
        })
        .collect()
}

/// Dropped columns (in old order), changed columns and added columns (in new order).
pub(super) fn changes(before: &TableDef, after: &TableDef, renames: &Renames) -> Vec<TableChange> {
    let mut changes: Vec<TableChange> = before
        .columns
        .iter()
        .filter(|c| {
            after.find_column(&c.name).is_none() && !renames.column_renamed(&after.name, &c.name)
        })
        .map(|c| TableChange::DropColumn(c.clone()))
        .collect();
    for column in &after.columns {
        match before.find_column(renames.column_source(&after.name, &column.name)) {
            Some(old) if !same_definition(old, column) => changes.push(TableChange::AlterColumn {
                from: old.clone(),
                to: column.clone(),
            }),
            Some(_) => {}
            None => changes.push(TableChange::AddColumn(column.clone())),
        }
    }
    changes
}

/// Whether two columns are the same in the database: names, rename declarations and advisor
/// settings do not count.
pub(crate) fn same_definition(a: &Column, b: &Column) -> bool {
    a.sql_type == b.sql_type
        && a.nullable == b.nullable
        && a.default == b.default
        && a.identity == b.identity
        && a.comment == b.comment
        && a.generated == b.generated
        && a.collation == b.collation
}
