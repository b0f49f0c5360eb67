//! Triggers, functions and the built-in behaviours (`updated_at`, audit).

use std::collections::BTreeSet;

use super::{did_you_mean, unknown_column};
use crate::{Diagnostic, Schema, SqlType, TableDef};

pub(super) fn check(schema: &Schema, found: &mut Vec<Diagnostic>) {
    for table in &schema.tables {
        updated_at(table, found);
    }
    audit_table(schema, found);
    let mut seen = BTreeSet::new();
    for trigger in &schema.triggers {
        if !seen.insert(trigger.name.as_str()) {
            found.push(Diagnostic::new(format!(
                "the schema declares trigger `{}` more than once",
                trigger.name
            )));
        }
        if schema.table(&trigger.table).is_none() {
            let help = did_you_mean(
                &trigger.table,
                schema.tables.iter().map(|t| t.name.as_str()),
            )
            .unwrap_or_else(|| "a trigger fires on a table of the schema".into());
            found.push(
                Diagnostic::new(format!(
                    "trigger `{}` is on table `{}`, which is not in the schema",
                    trigger.name, trigger.table
                ))
                .help(help),
            );
        }
        if trigger.events.is_empty() {
            found.push(
                Diagnostic::new(format!("trigger `{}` fires on no event", trigger.name))
                    .help("name INSERT, UPDATE or DELETE, e.g. `[TriggerEvent::Update]`"),
            );
        }
        if trigger.bodies.is_empty() {
            found.push(
                Diagnostic::new(format!(
                    "trigger `{}` has no body for any engine",
                    trigger.name
                ))
                .help("add one with `.body(Engine::Postgres, \"...\")`"),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for function in &schema.functions {
        if !seen.insert(function.name.as_str()) {
            found.push(Diagnostic::new(format!(
                "the schema declares function `{}` more than once",
                function.name
            )));
        }
        // A SECURITY DEFINER function runs with its owner's rights; with the caller's
        // search_path, a caller's own `lower()` or operator in an earlier schema runs as the owner.
        if function.security_definer
            && function
                .search_path
                .as_deref()
                .is_none_or(|p| p.trim().is_empty())
        {
            found.push(
                Diagnostic::new(format!(
                    "function `{}` is SECURITY DEFINER without a fixed search_path, so a caller can make it run their own objects with the owner's rights",
                    function.name
                ))
                .help("fix the path: `.search_path(\"pg_catalog, public\")` (SET search_path = pg_catalog, public)"),
            );
        }
    }
}

/// The `updated_at` column exists and holds a timestamp.
fn updated_at(table: &TableDef, found: &mut Vec<Diagnostic>) {
    let Some(name) = &table.updated_at else {
        return;
    };
    match table.find_column(name) {
        None => found.push(unknown_column(table, name, "updated_at")),
        Some(column) if !matches!(column.sql_type, SqlType::Timestamp | SqlType::TimestampTz) => {
            found.push(
                Diagnostic::new(format!(
                    "updated_at column has type {}, but the engine writes the current time into it",
                    column.sql_type
                ))
                .table(&table.name)
                .column(name)
                .help("use a timestamp type, e.g. `DateTime<Utc>` (timestamptz)"),
            );
        }
        Some(_) => {}
    }
}

/// The audit triggers write five columns of the audit table; a schema that declares its own
/// `audit_log` must have them.
fn audit_table(schema: &Schema, found: &mut Vec<Diagnostic>) {
    if !schema.tables.iter().any(|t| t.audit) {
        return;
    }
    let Some(audit) = schema.table(crate::AUDIT_LOG_TABLE) else {
        return;
    };
    if audit.audit {
        found.push(
            Diagnostic::new(
                "the audit table is audited itself, so every audit row would write another",
            )
            .table(&audit.name)
            .help("drop `audit` from the audit table"),
        );
    }
    for column in ["table_name", "operation", "old_row", "new_row", "actor"] {
        if audit.find_column(column).is_none() {
            found.push(
                Diagnostic::new(format!(
                    "the audit triggers write column `{column}`, which this table does not have"
                ))
                .table(&audit.name)
                .help("leave the audit table out of the schema: the library adds its own (`schema_core::audit_log_table()`)"),
            );
        }
    }
}
