//! Likely normal-form violations found by naming, for tables without declared dependencies
//! (S306, S307). Declared `fd(...)` replace the guesswork with the exact analysis.

use super::{COPIED_PARENT_COLUMN, Finding, PARTIAL_KEY_BY_NAME};
use crate::{Schema, TableDef};

/// Both heuristics for one table.
pub(super) fn check(schema: &Schema, table: &TableDef, found: &mut Vec<Finding>) {
    if !table.functional_dependencies.is_empty() {
        return;
    }
    copied_parent_columns(schema, table, found);
    partial_key_by_name(table, found);
}

fn is_fk_column(table: &TableDef, name: &str) -> bool {
    table
        .foreign_keys
        .iter()
        .any(|fk| fk.columns.iter().any(|c| c == name))
}

fn is_key_column(table: &TableDef, name: &str) -> bool {
    table
        .primary_key
        .as_ref()
        .is_some_and(|pk| pk.columns.iter().any(|c| c == name))
}

/// Why: `customer_name` next to `customer_id` duplicates `customers.name`, which the foreign key
/// already reaches; the copy goes stale (a transitive dependency, 3NF).
fn copied_parent_columns(schema: &Schema, table: &TableDef, found: &mut Vec<Finding>) {
    for fk in &table.foreign_keys {
        let [fk_column] = fk.columns.as_slice() else {
            continue;
        };
        let Some(stem) = fk_column.strip_suffix("_id") else {
            continue;
        };
        let Some(parent) = schema.table(&fk.references) else {
            continue;
        };
        for column in &table.columns {
            let Some(rest) = column
                .name
                .strip_prefix(stem)
                .and_then(|r| r.strip_prefix('_'))
            else {
                continue;
            };
            if column.name == *fk_column || is_fk_column(table, &column.name) {
                continue;
            }
            let copied = parent.find_column(rest).filter(|parent_column| {
                !fk.referenced_columns.contains(&parent_column.name)
                    && !is_key_column(parent, &parent_column.name)
            });
            if let Some(parent_column) = copied {
                found.push(
                    Finding::new(
                        &COPIED_PARENT_COLUMN,
                        &table.name,
                        Some(&column.name),
                        format!(
                            "`{}` repeats `{}.{}`, which `{fk_column}` already reaches ({fk_column} -> {})",
                            column.name, parent.name, parent_column.name, column.name
                        ),
                    )
                    .help(format!(
                        "drop `{}` and read `{}.{}` through the foreign key, or `allow` it with the reason it is a snapshot",
                        column.name, parent.name, parent_column.name
                    )),
                );
            }
        }
    }
}

/// Why: in a table keyed by (order_id, product_id), `product_name` depends on part of the key.
fn partial_key_by_name(table: &TableDef, found: &mut Vec<Finding>) {
    let Some(pk) = &table.primary_key else {
        return;
    };
    if pk.columns.len() < 2 {
        return;
    }
    for key_column in &pk.columns {
        let Some(stem) = key_column.strip_suffix("_id") else {
            continue;
        };
        for column in &table.columns {
            if is_key_column(table, &column.name) || is_fk_column(table, &column.name) {
                continue;
            }
            let depends = column
                .name
                .strip_prefix(stem)
                .is_some_and(|rest| rest.starts_with('_') && rest.len() > 1);
            if depends {
                found.push(
                    Finding::new(
                        &PARTIAL_KEY_BY_NAME,
                        &table.name,
                        Some(&column.name),
                        format!(
                            "`{}` likely depends on `{key_column}` alone, part of the key ({})",
                            column.name,
                            pk.columns.join(", ")
                        ),
                    )
                    .help(format!(
                        "move `{}` to the table `{key_column}` refers to, or declare `fd({key_column} -> {})` to have it analysed",
                        column.name, column.name
                    )),
                );
            }
        }
    }
}
