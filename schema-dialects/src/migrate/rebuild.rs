//! The table rebuild SQLite documents for changes its ALTER TABLE cannot make
//! (<https://www.sqlite.org/lang_altertable.html>, "Making Other Kinds Of Table Schema Changes"):
//! create the new table under a temporary name, copy the rows, drop the old table, rename the new
//! one, create its indexes again. Foreign keys are switched off around the transaction and
//! checked before it commits (`migrate/files.rs`). Views and triggers, which SQLite refuses to
//! keep across the rename or drops with the old table, are not this file's: a table change makes
//! `derived.rs` drop all of them before and create them after.

use schema_core::Diagnostic;
use schema_core::diff::{AlterTable, TableChange};

use super::hooks::MigrationDialect;
use crate::order::Plan;
use crate::quote::identifier;
use crate::writer;

/// Whether the change needs a rebuild: anything but column renames and indexes.
pub(crate) fn needed(alter: &AlterTable) -> bool {
    alter.changes.iter().any(|change| {
        !matches!(
            change,
            TableChange::RenameColumn { .. } | TableChange::AddIndex(_) | TableChange::DropIndex(_)
        )
    })
}

/// The rebuild of one table, keeping every retained column's values.
pub(crate) fn statements<D: MigrationDialect + ?Sized>(
    dialect: &D,
    alter: &AlterTable,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let table = &alter.to;
    let temporary_name = format!("{}__new", table.name);
    let mut temporary = table.clone();
    temporary.name = temporary_name.clone();
    let plan = Plan {
        tables: vec![&temporary],
        deferred: Vec::new(),
    };
    let create = writer::create_table(dialect, &temporary, &plan)?;
    let mut targets = Vec::new();
    let mut sources = Vec::new();
    for column in table.columns.iter().filter(|c| c.generated.is_none()) {
        let Some(old) = alter.from.find_column(alter.old_column_name(&column.name)) else {
            continue;
        };
        let mut source = identifier(dialect, &old.name);
        let old_type = crate::types::column_type(dialect, &table.name, old).map_err(|p| vec![p])?;
        let new_type =
            crate::types::column_type(dialect, &table.name, column).map_err(|p| vec![p])?;
        if old_type != new_type {
            source = format!("CAST({source} AS {})", dialect.type_name(&column.sql_type));
        }
        if let (true, false, Some(default)) = (old.nullable, column.nullable, &column.default) {
            source = format!(
                "COALESCE({source}, {})",
                writer::default_value(dialect, &column.sql_type, default)
            );
        }
        targets.push(identifier(dialect, &column.name));
        sources.push(source);
    }
    let name = identifier(dialect, &table.name);
    let temporary_quoted = identifier(dialect, &temporary_name);
    let mut statements = vec![
        create,
        format!(
            "INSERT INTO {temporary_quoted} ({}) SELECT {} FROM {name}",
            targets.join(", "),
            sources.join(", ")
        ),
        format!("DROP TABLE {name}"),
        format!("ALTER TABLE {temporary_quoted} RENAME TO {name}"),
    ];
    let engine = dialect.engine();
    statements.extend(
        table
            .indexes
            .iter()
            .filter(|index| index.applies_to(engine))
            .map(|index| writer::create_index(dialect, table, index)),
    );
    Ok(statements)
}
