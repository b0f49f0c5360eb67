//! Generated columns and per-column collations.

use crate::{Diagnostic, TableDef};

pub(super) fn check(table: &TableDef, found: &mut Vec<Diagnostic>) {
    for column in &table.columns {
        let problem = |message: &str| {
            Diagnostic::new(message)
                .table(&table.name)
                .column(&column.name)
        };
        for (engine, collation) in &column.collation {
            if collation.trim().is_empty() {
                found.push(
                    problem(&format!("the {engine} collation is empty"))
                        .help("name a collation, e.g. `collation(postgres = \"C\")`"),
                );
            }
        }
        let Some(generated) = &column.generated else {
            continue;
        };
        // Every engine computes the value itself, so a second source of values is a conflict.
        if generated.expr.trim().is_empty() {
            found.push(problem("generated column has an empty expression"));
        }
        if column.default.is_some() {
            found.push(
                problem("generated column also has a default")
                    .help("remove the default: the expression gives the value"),
            );
        }
        if column.identity.is_some() {
            found.push(
                problem("generated column is also an identity column")
                    .help("keep either `identity` or `generated`"),
            );
        }
    }
}
