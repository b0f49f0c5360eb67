//! Dialect-neutral validation: every rule that holds on every engine.
//!
//! Each submodule checks one concern and pushes every problem it finds; nothing stops at the
//! first error. Engine-specific rules (identifier limits, expression grammar, capabilities) live
//! in `schema-dialects`.

mod columns;
mod domains;
mod enums;
mod foreign_keys;
mod generated;
mod indexes;
mod keys;
mod names;
mod partitions;
mod security;
mod tables;
mod triggers;
mod views;

use crate::{Diagnostic, Schema, TableDef, suggest};

/// Every dialect-neutral problem in `schema`.
pub(crate) fn schema(schema: &Schema) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    tables::check(schema, &mut found);
    enums::check(schema, &mut found);
    domains::check(schema, &mut found);
    names::check(schema, &mut found);
    views::check(schema, &mut found);
    triggers::check(schema, &mut found);
    partitions::check(schema, &mut found);
    security::check(schema, &mut found);
    for table in &schema.tables {
        columns::check(table, &mut found);
        keys::check(table, &mut found);
        foreign_keys::check(schema, table, &mut found);
        generated::check(table, &mut found);
        indexes::check(table, &mut found);
    }
    found
}

/// `help: did you mean ...` for a misspelled name, if one of `candidates` is close.
pub(crate) fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    suggest::closest(wrong, candidates).map(|candidate| format!("did you mean `{candidate}`?"))
}

/// A diagnostic for a column list entry that names no column of `table`.
pub(crate) fn unknown_column(table: &TableDef, column: &str, context: &str) -> Diagnostic {
    let diagnostic = Diagnostic::new(format!(
        "{context} names column `{column}`, which does not exist"
    ))
    .table(&table.name)
    .column(column);
    let help = did_you_mean(column, table.columns.iter().map(|c| c.name.as_str()))
        .unwrap_or_else(|| suggest::column_list(table));
    diagnostic.help(help)
}
