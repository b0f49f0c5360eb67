//! Foreign keys reference an existing key of an existing table, with matching types.

use super::{did_you_mean, unknown_column};
use crate::{Diagnostic, FkAction, ForeignKey, Schema, TableDef};

pub(super) fn check(schema: &Schema, table: &TableDef, found: &mut Vec<Diagnostic>) {
    for fk in &table.foreign_keys {
        let problem = |message: String| Diagnostic::new(message).table(&table.name);
        let Some(target) = schema.table(&fk.references) else {
            let diagnostic = problem(format!(
                "foreign key `{}` references table `{}`, which is not in the schema",
                fk.name, fk.references
            ));
            found.push(
                match did_you_mean(
                    &fk.references,
                    schema.tables.iter().map(|t| t.name.as_str()),
                ) {
                    Some(help) => diagnostic.help(help),
                    None => {
                        diagnostic.help(format!("add `{}` to the schema builder", fk.references))
                    }
                },
            );
            continue;
        };
        if fk.columns.len() != fk.referenced_columns.len() {
            found.push(problem(format!(
                "foreign key `{}` has {} column(s) but references {} column(s) of `{}`",
                fk.name,
                fk.columns.len(),
                fk.referenced_columns.len(),
                target.name
            )));
            continue;
        }
        let missing: Vec<&String> = fk
            .referenced_columns
            .iter()
            .filter(|column| target.find_column(column).is_none())
            .collect();
        for column in &missing {
            found.push(unknown_column(
                target,
                column,
                &format!("foreign key `{}` of table `{}`", fk.name, table.name),
            ));
        }
        if missing.is_empty() && !target.has_key_on(&fk.referenced_columns) {
            // Engines require the referenced columns to be unique, or a parent row is ambiguous.
            found.push(
                problem(format!(
                    "foreign key `{}` references ({}) of `{}`, which is neither its primary key nor a unique constraint",
                    fk.name,
                    fk.referenced_columns.join(", "),
                    target.name
                ))
                .help(format!("add `unique({})` to `{}`", fk.referenced_columns.join(", "), target.name)),
            );
        }
        column_types(table, target, fk, found);
        actions(table, fk, found);
    }
}

/// The referencing and referenced columns have the same logical type.
fn column_types(table: &TableDef, target: &TableDef, fk: &ForeignKey, found: &mut Vec<Diagnostic>) {
    for (local, remote) in fk.columns.iter().zip(&fk.referenced_columns) {
        let (Some(local), Some(remote)) = (table.find_column(local), target.find_column(remote))
        else {
            continue;
        };
        if local.sql_type != remote.sql_type {
            found.push(
                Diagnostic::new(format!(
                    "foreign key `{}`: column has type `{}` but references `{}.{}` of type `{}`",
                    fk.name, local.sql_type, target.name, remote.name, remote.sql_type
                ))
                .table(&table.name)
                .column(&local.name)
                .help(format!("declare the column as `{}`", remote.sql_type)),
            );
        }
    }
}

/// SET NULL needs nullable columns and SET DEFAULT needs defaults, or the action itself fails.
fn actions(table: &TableDef, fk: &ForeignKey, found: &mut Vec<Diagnostic>) {
    for action in [fk.on_delete, fk.on_update] {
        for column in fk.columns.iter().filter_map(|name| table.find_column(name)) {
            let problem = match action {
                FkAction::SetNull if !column.nullable => "is NOT NULL",
                FkAction::SetDefault if column.default.is_none() => "has no default",
                _ => continue,
            };
            found.push(
                Diagnostic::new(format!(
                    "foreign key `{}` uses {action}, but the column {problem}",
                    fk.name
                ))
                .table(&table.name)
                .column(&column.name)
                .help(match action {
                    FkAction::SetNull => "make the column an Option, or use another action",
                    _ => "give the column a default, or use another action",
                }),
            );
        }
    }
}
