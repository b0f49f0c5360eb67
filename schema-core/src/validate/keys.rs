//! Column lists of keys, constraints and indexes name existing columns, each once.

use std::collections::BTreeSet;

use super::unknown_column;
use crate::{Diagnostic, TableDef};

pub(super) fn check(table: &TableDef, found: &mut Vec<Diagnostic>) {
    if let Some(pk) = &table.primary_key {
        column_list(
            table,
            &pk.columns,
            &format!("primary key `{}`", pk.name),
            found,
        );
        // A primary key identifies every row, so none of its columns may be NULL.
        for column in pk.columns.iter().filter_map(|name| table.find_column(name)) {
            if column.nullable {
                found.push(
                    Diagnostic::new("primary key column is nullable")
                        .table(&table.name)
                        .column(&column.name)
                        .help("use a non-Option type for primary key columns"),
                );
            }
        }
    }
    for unique in &table.uniques {
        column_list(
            table,
            &unique.columns,
            &format!("unique constraint `{}`", unique.name),
            found,
        );
    }
    for index in &table.indexes {
        let what = format!("index `{}`", index.name);
        // An expression index may have no plain column; `indexes.rs` checks it has some key.
        if index.expressions.is_empty() || !index.columns.is_empty() {
            column_list(table, &index.columns, &what, found);
        }
    }
    for fk in &table.foreign_keys {
        column_list(
            table,
            &fk.columns,
            &format!("foreign key `{}`", fk.name),
            found,
        );
    }
    for check in &table.checks {
        if check.expr.trim().is_empty() {
            found.push(
                Diagnostic::new(format!("check `{}` has an empty expression", check.name))
                    .table(&table.name),
            );
        }
        if let Some(column) = &check.column
            && table.find_column(column).is_none()
        {
            found.push(unknown_column(
                table,
                column,
                &format!("check `{}`", check.name),
            ));
        }
    }
}

fn column_list(table: &TableDef, columns: &[String], what: &str, found: &mut Vec<Diagnostic>) {
    if columns.is_empty() {
        found.push(Diagnostic::new(format!("{what} lists no columns")).table(&table.name));
    }
    let mut seen = BTreeSet::new();
    for column in columns {
        if table.find_column(column).is_none() {
            found.push(unknown_column(table, column, what));
        } else if !seen.insert(column) {
            found.push(
                Diagnostic::new(format!("{what} lists this column more than once"))
                    .table(&table.name)
                    .column(column),
            );
        }
    }
}
