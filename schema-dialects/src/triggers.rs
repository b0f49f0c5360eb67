//! Triggers and functions: the built-in `updated_at` and audit-trail triggers, custom triggers
//! with a body per engine, and PostgreSQL functions.
//!
//! The built-ins are written from the model, so users write no SQL:
//! - `updated_at`: PostgreSQL a `BEFORE UPDATE` trigger function setting `NEW.col`; MySQL a
//!   `BEFORE UPDATE` trigger `SET NEW.col = UTC_TIMESTAMP(6)` (not `ON UPDATE
//!   CURRENT_TIMESTAMP(6)`, which writes the session's local time into a column that holds UTC);
//!   SQLite an `AFTER UPDATE` trigger that updates the row, guarded twice against recursion
//!   (`WHEN NEW.col IS NOT <now>` and the same condition in the UPDATE's WHERE: SQLite's `now` is
//!   fixed for the whole statement, so the second firing, if `recursive_triggers` is on, finds
//!   the value already set and does nothing).
//! - audit: one row per changed row in `audit_log` with the old and new row as JSON, the
//!   operation, the time and the actor.

use schema_core::{
    AUDIT_LOG_TABLE, Column, Function, Schema, SqlType, TableDef, Trigger, TriggerEvent,
};

use crate::quote::{identifier, string};
use crate::{Dialect, TriggerStyle};

/// Every trigger statement of `schema` (functions they need first), in table order.
pub(crate) fn statements<D: Dialect + ?Sized>(dialect: &D, schema: &Schema) -> Vec<String> {
    let mut statements = Vec::new();
    let style = dialect.trigger_style();
    if style == TriggerStyle::Function && schema.tables.iter().any(|t| t.audit) {
        statements.push(audit_function(dialect));
    }
    for table in &schema.tables {
        statements.extend(built_in(dialect, table));
    }
    for trigger in &schema.triggers {
        if let Some(body) = trigger.bodies.get(&dialect.engine()) {
            statements.extend(custom(dialect, trigger, body));
        }
    }
    statements
}

/// The `updated_at` and audit triggers of `table`.
fn built_in<D: Dialect + ?Sized>(dialect: &D, table: &TableDef) -> Vec<String> {
    let mut statements = Vec::new();
    if let Some(column) = table
        .updated_at
        .as_deref()
        .and_then(|c| table.find_column(c))
    {
        statements.extend(updated_at(dialect, table, column));
    }
    if table.audit {
        statements.extend(audit(dialect, table));
    }
    statements
}

/// The names of the triggers, trigger functions and functions the script creates on `dialect`,
/// each kept exactly by the engine (PostgreSQL would silently truncate past 63 bytes).
pub(crate) fn check<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
    found: &mut Vec<schema_core::Diagnostic>,
) {
    let style = dialect.trigger_style();
    let events = [
        TriggerEvent::Insert,
        TriggerEvent::Update,
        TriggerEvent::Delete,
    ];
    for table in &schema.tables {
        let mut names: Vec<(&str, String)> = Vec::new();
        if table.updated_at.is_some() {
            names.push(("trigger", updated_at_trigger_name(&table.name)));
            if style == TriggerStyle::Function {
                names.push(("function", format!("{}_set_updated_at", table.name)));
            }
        }
        if table.audit {
            match style {
                TriggerStyle::Function => names.push(("trigger", format!("{}_audit", table.name))),
                TriggerStyle::Inline { .. } => names.extend(events.iter().map(|e| {
                    (
                        "trigger",
                        format!("{}_audit_{}", table.name, e.keyword().to_lowercase()),
                    )
                })),
            }
        }
        if table
            .partitioning
            .as_ref()
            .is_some_and(|p| p.lifecycle.is_some() && p.applies_to(dialect.engine()))
            && dialect.partition_style().is_some()
        {
            names.push((
                "maintenance routine",
                crate::partitions::maintenance_function_name(&table.name),
            ));
        }
        for (kind, name) in names {
            let at = |d: schema_core::Diagnostic| d.table(&table.name);
            crate::check::identifier(dialect, kind, &name, &at, found);
        }
    }
    for trigger in schema
        .triggers
        .iter()
        .filter(|t| t.bodies.contains_key(&dialect.engine()))
    {
        let at = |d: schema_core::Diagnostic| d.table(&trigger.table);
        let names: Vec<String> = match style {
            TriggerStyle::Function => vec![trigger.name.clone(), format!("{}_fn", trigger.name)],
            TriggerStyle::Inline { .. } if trigger.events.len() > 1 => trigger
                .events
                .iter()
                .map(|e| format!("{}_{}", trigger.name, e.keyword().to_lowercase()))
                .collect(),
            TriggerStyle::Inline { .. } => vec![trigger.name.clone()],
        };
        for name in names {
            crate::check::identifier(dialect, "trigger", &name, &at, found);
        }
    }
    if dialect.supports_functions() {
        for function in &schema.functions {
            crate::check::identifier(dialect, "function", &function.name, &|d| d, found);
        }
    }
}

/// `CREATE FUNCTION` for every schema function (PostgreSQL), then their comments.
pub(crate) fn functions<D: Dialect + ?Sized>(dialect: &D, schema: &Schema) -> Vec<String> {
    if !dialect.supports_functions() {
        return Vec::new();
    }
    let mut statements: Vec<String> = schema
        .functions
        .iter()
        .map(|f| create_function(dialect, f))
        .collect();
    for function in &schema.functions {
        if let Some(comment) = &function.comment {
            let types: Vec<&str> = function.args.iter().map(|a| a.sql_type.as_str()).collect();
            statements.push(format!(
                "COMMENT ON FUNCTION {}({}) IS {}",
                identifier(dialect, &function.name),
                types.join(", "),
                string(dialect, comment)
            ));
        }
    }
    statements
}

fn create_function<D: Dialect + ?Sized>(dialect: &D, function: &Function) -> String {
    let args: Vec<String> = function
        .args
        .iter()
        .map(|a| format!("{} {}", identifier(dialect, &a.name), a.sql_type))
        .collect();
    let mut sql = format!(
        "CREATE FUNCTION {}({}) RETURNS {} LANGUAGE {} {}",
        identifier(dialect, &function.name),
        args.join(", "),
        function.returns,
        function.language,
        function.volatility.keyword()
    );
    if function.security_definer {
        sql.push_str(" SECURITY DEFINER");
    }
    if let Some(path) = &function.search_path {
        sql.push_str(&format!(" SET search_path = {path}"));
    }
    sql.push_str(" AS ");
    sql.push_str(&dollar_quoted(function.body.trim()));
    sql
}

/// `$tag$\n<body>\n$tag$` with a tag that does not occur in the body.
pub(crate) fn dollar_quoted(body: &str) -> String {
    let mut tag = "body".to_string();
    while body.contains(&format!("${tag}$")) {
        tag.push('_');
    }
    format!("${tag}$\n{body}\n${tag}$")
}

/// A trigger function (`RETURNS trigger`, PL/pgSQL) with `body` between BEGIN and END.
fn trigger_function<D: Dialect + ?Sized>(dialect: &D, name: &str, body: &str) -> String {
    format!(
        "CREATE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS {}",
        identifier(dialect, name),
        dollar_quoted(&format!("BEGIN\n{}\nEND", indent(body.trim())))
    )
}

fn indent(body: &str) -> String {
    body.lines()
        .map(|l| format!("  {l}").trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn events(events: &[TriggerEvent]) -> String {
    events
        .iter()
        .map(|e| e.keyword())
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// The name of the `updated_at` trigger of `table`, `<table>_updated_at`.
pub(crate) fn updated_at_trigger_name(table: &str) -> String {
    format!("{table}_updated_at")
}

fn updated_at<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, column: &Column) -> Vec<String> {
    let name = updated_at_trigger_name(&table.name);
    let quoted_table = identifier(dialect, &table.name);
    let quoted_column = identifier(dialect, &column.name);
    let now = dialect.now(&column.sql_type);
    match dialect.trigger_style() {
        TriggerStyle::Function => {
            let function = format!("{}_set_updated_at", table.name);
            vec![
                trigger_function(
                    dialect,
                    &function,
                    &format!("NEW.{quoted_column} := {now};\nRETURN NEW;"),
                ),
                format!(
                    "CREATE TRIGGER {} BEFORE UPDATE ON {quoted_table} FOR EACH ROW EXECUTE FUNCTION {}()",
                    identifier(dialect, &name),
                    identifier(dialect, &function)
                ),
            ]
        }
        TriggerStyle::Inline {
            assigns_new: true, ..
        } => vec![format!(
            "CREATE TRIGGER {} BEFORE UPDATE ON {quoted_table} FOR EACH ROW SET NEW.{quoted_column} = {now}",
            identifier(dialect, &name)
        )],
        TriggerStyle::Inline {
            assigns_new: false, ..
        } => vec![format!(
            "CREATE TRIGGER {} AFTER UPDATE ON {quoted_table} FOR EACH ROW WHEN NEW.{quoted_column} IS NOT {now}\nBEGIN\n  UPDATE {quoted_table} SET {quoted_column} = {now} WHERE {} AND {quoted_column} IS NOT {now};\nEND",
            identifier(dialect, &name),
            same_row(dialect, table)
        )],
    }
}

/// The condition that finds the triggering row again: the primary key, else the rowid.
fn same_row<D: Dialect + ?Sized>(dialect: &D, table: &TableDef) -> String {
    match &table.primary_key {
        Some(pk) if !pk.columns.is_empty() => pk
            .columns
            .iter()
            .map(|c| {
                let c = identifier(dialect, c);
                format!("{c} = NEW.{c}")
            })
            .collect::<Vec<_>>()
            .join(" AND "),
        _ => "rowid = NEW.rowid".to_string(),
    }
}

/// The name of the shared PostgreSQL audit trigger function.
pub(crate) const AUDIT_FUNCTION: &str = "audit_log_row";

fn audit_columns<D: Dialect + ?Sized>(dialect: &D) -> String {
    ["table_name", "operation", "old_row", "new_row", "actor"]
        .iter()
        .map(|c| identifier(dialect, c))
        .collect::<Vec<_>>()
        .join(", ")
}

fn audit_function<D: Dialect + ?Sized>(dialect: &D) -> String {
    trigger_function(
        dialect,
        AUDIT_FUNCTION,
        &format!(
            "INSERT INTO {} ({})\nVALUES (TG_TABLE_NAME, TG_OP,\n  CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,\n  CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END,\n  {});\nRETURN NULL;",
            identifier(dialect, AUDIT_LOG_TABLE),
            audit_columns(dialect),
            dialect.session_actor()
        ),
    )
}

fn audit<D: Dialect + ?Sized>(dialect: &D, table: &TableDef) -> Vec<String> {
    let quoted_table = identifier(dialect, &table.name);
    match dialect.trigger_style() {
        TriggerStyle::Function => vec![format!(
            "CREATE TRIGGER {} AFTER INSERT OR UPDATE OR DELETE ON {quoted_table} FOR EACH ROW EXECUTE FUNCTION {}()",
            identifier(dialect, &format!("{}_audit", table.name)),
            identifier(dialect, AUDIT_FUNCTION)
        )],
        TriggerStyle::Inline {
            assigns_new,
            when_clause,
        } => [TriggerEvent::Insert, TriggerEvent::Update, TriggerEvent::Delete]
            .into_iter()
            .map(|event| {
                // Where `updated_at` is kept by a second UPDATE (SQLite), that UPDATE is not a
                // change of its own: one audit row per changed row, as on the other engines.
                let when = match (&table.updated_at, event, assigns_new, when_clause) {
                    (Some(stamp), TriggerEvent::Update, false, true) => {
                        format!(" WHEN NOT ({})", only_column_changed(dialect, table, stamp))
                    }
                    _ => String::new(),
                };
                let old = if event == TriggerEvent::Insert { "NULL".into() } else { json_row(dialect, table, "OLD") };
                let new = if event == TriggerEvent::Delete { "NULL".into() } else { json_row(dialect, table, "NEW") };
                format!(
                    "CREATE TRIGGER {} AFTER {} ON {quoted_table} FOR EACH ROW{when}\nBEGIN\n  INSERT INTO {} ({}) VALUES ({}, {}, {old}, {new}, {});\nEND",
                    identifier(dialect, &format!("{}_audit_{}", table.name, event.keyword().to_lowercase())),
                    event.keyword(),
                    identifier(dialect, AUDIT_LOG_TABLE),
                    audit_columns(dialect),
                    string(dialect, &table.name),
                    string(dialect, event.keyword()),
                    dialect.session_actor()
                )
            })
            .collect(),
    }
}

/// `NEW."c" IS OLD."c" AND ... AND NEW."stamp" IS NOT OLD."stamp"`: only `stamp` changed.
fn only_column_changed<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, stamp: &str) -> String {
    let mut parts: Vec<String> = table
        .columns
        .iter()
        .filter(|c| c.name != stamp)
        .map(|c| {
            let c = identifier(dialect, &c.name);
            format!("NEW.{c} IS OLD.{c}")
        })
        .collect();
    let stamp = identifier(dialect, stamp);
    parts.push(format!("NEW.{stamp} IS NOT OLD.{stamp}"));
    parts.join(" AND ")
}

/// `json_object('col', OLD."col", ...)`; byte-stored values as hex text (JSON has no bytes).
fn json_row<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, row: &str) -> String {
    let pairs: Vec<String> = table
        .columns
        .iter()
        .map(|column| {
            let value = format!("{row}.{}", identifier(dialect, &column.name));
            let bytes = matches!(column.sql_type, SqlType::Bytes)
                || (column.sql_type == SqlType::Uuid && dialect.stores_uuid_as_bytes());
            let value = if bytes {
                format!("hex({value})")
            } else {
                value
            };
            format!("{}, {value}", string(dialect, &column.name))
        })
        .collect();
    format!("{}({})", dialect.json_object_function(), pairs.join(", "))
}

fn custom<D: Dialect + ?Sized>(dialect: &D, trigger: &Trigger, body: &str) -> Vec<String> {
    let table = identifier(dialect, &trigger.table);
    let timing = trigger.timing.keyword();
    match dialect.trigger_style() {
        TriggerStyle::Function => {
            let function = format!("{}_fn", trigger.name);
            let when = trigger
                .when
                .as_ref()
                .map(|w| format!(" WHEN ({w})"))
                .unwrap_or_default();
            vec![
                trigger_function(dialect, &function, body),
                format!(
                    "CREATE TRIGGER {} {timing} {} ON {table} FOR EACH ROW{when} EXECUTE FUNCTION {}()",
                    identifier(dialect, &trigger.name),
                    events(&trigger.events),
                    identifier(dialect, &function)
                ),
            ]
        }
        TriggerStyle::Inline { when_clause, .. } => trigger
            .events
            .iter()
            .map(|event| {
                let name = if trigger.events.len() == 1 {
                    trigger.name.clone()
                } else {
                    format!("{}_{}", trigger.name, event.keyword().to_lowercase())
                };
                let body = indent(body.trim());
                let (when, body) = match (&trigger.when, when_clause) {
                    (Some(w), true) => (format!(" WHEN {w}"), body),
                    (Some(w), false) => (String::new(), format!("  IF {w} THEN\n{}\n  END IF;", indent(&body))),
                    (None, _) => (String::new(), body),
                };
                format!(
                    "CREATE TRIGGER {} {timing} {} ON {table} FOR EACH ROW{when}\nBEGIN\n{body}\nEND",
                    identifier(dialect, &name),
                    event.keyword()
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use schema_core::{Column, Engine, Schema, SqlType, TableDef};

    use crate::dialect;

    #[test]
    fn generated_trigger_names_are_checked_against_the_identifier_limit() {
        let name = "a".repeat(50);
        let schema = Schema::builder()
            .table_def(
                TableDef::new(name.clone())
                    .column(Column::new("id", SqlType::BigInt))
                    .column(Column::new("updated_at", SqlType::TimestampTz))
                    .primary_key(["id"])
                    .updated_at("updated_at"),
            )
            .build()
            .unwrap();
        let found: Vec<String> = dialect(Engine::Postgres)
            .check(&schema)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [format!(
                "error: PostgreSQL: table `{name}`: function name `{name}_set_updated_at` is 65 bytes long; PostgreSQL allows 63 bytes and would silently truncate it\n  help: give the function an explicit, shorter `name = \"...\"`"
            )]
        );
        assert!(dialect(Engine::Sqlite).check(&schema).is_empty());
    }
}
