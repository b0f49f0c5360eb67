//! Table and column names: present and unique.

use std::collections::BTreeSet;

use crate::{Diagnostic, Schema};

pub(super) fn check(schema: &Schema, found: &mut Vec<Diagnostic>) {
    let mut seen = BTreeSet::new();
    for table in &schema.tables {
        if table.name.is_empty() {
            found.push(Diagnostic::new("a table has an empty name"));
        } else if !seen.insert(table.name.as_str()) {
            found.push(
                Diagnostic::new("the schema declares this table more than once")
                    .table(&table.name)
                    .help("give each table its own name, e.g. `#[table(name = \"...\")]`"),
            );
        }
        if table.columns.is_empty() {
            found.push(Diagnostic::new("the table has no columns").table(&table.name));
        }
        let mut columns = BTreeSet::new();
        for column in &table.columns {
            if column.name.is_empty() {
                found.push(Diagnostic::new("a column has an empty name").table(&table.name));
            } else if !columns.insert(column.name.as_str()) {
                found.push(
                    Diagnostic::new("the table declares this column more than once")
                        .table(&table.name)
                        .column(&column.name),
                );
            }
        }
    }
}
