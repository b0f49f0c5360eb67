//! Triggers read back, shared by the engines: which live triggers are the writer's built-ins
//! (`updated_at`, the audit trail) and which are the user's, and the inverse of the writer's
//! formatting (bodies indented between `BEGIN` and `END`, one trigger per event where the engine
//! has no multi-event triggers).

use schema_core::{Engine, Schema, Trigger, TriggerEvent, TriggerTiming};

/// One trigger as a catalog reports it.
#[derive(Clone, Debug)]
pub(super) struct LiveTrigger {
    pub name: String,
    pub table: String,
    pub timing: TriggerTiming,
    pub events: Vec<TriggerEvent>,
    pub when: Option<String>,
    /// The body between `BEGIN` and `END` (or the trigger function's), as stored.
    pub body: String,
}

/// Files `triggers` into `schema`: `<table>_updated_at` sets the table's `updated_at` column
/// (found as `NEW.<column>` in the body), `<table>_audit` / `<table>_audit_<event>` its audit
/// flag, the rest become [`Trigger`]s with a body for `engine` (per-event triggers named
/// `<name>_<event>` with one body are merged back into one).
pub(super) fn file(schema: &mut Schema, engine: Engine, triggers: Vec<LiveTrigger>) {
    let quote = |name: &str| crate::quote::identifier(crate::dialect(engine), name);
    // Each trigger with the name its first part has in the database.
    let mut custom: Vec<(Trigger, String)> = Vec::new();
    for live in triggers {
        let Some(table) = schema.tables.iter_mut().find(|t| t.name == live.table) else {
            continue;
        };
        if live.name == format!("{}_updated_at", table.name) {
            // What the writer assigns: PostgreSQL `NEW."c" := ...`, MySQL `SET NEW.`c` = ...`,
            // SQLite `UPDATE ... SET "c" = ...`.
            let assigned = |c: &&schema_core::Column| {
                let q = quote(&c.name);
                [
                    format!("NEW.{q} :="),
                    format!("SET NEW.{q} ="),
                    format!("SET {q} ="),
                ]
                .iter()
                .any(|pattern| live.body.contains(pattern))
            };
            let column = table.columns.iter().find(assigned);
            if let Some(column) = column {
                table.updated_at = Some(column.name.clone());
                continue;
            }
        }
        let audit = format!("{}_audit", table.name);
        if live.name == audit
            || [
                TriggerEvent::Insert,
                TriggerEvent::Update,
                TriggerEvent::Delete,
            ]
            .iter()
            .any(|e| live.name == format!("{audit}_{}", e.keyword().to_lowercase()))
        {
            table.audit = true;
            continue;
        }
        let body = unindent(&live.body);
        let merged = custom.iter_mut().map(|(t, _)| t).find(|t| {
            t.table == live.table
                && t.timing == live.timing
                && t.when == live.when
                && t.bodies.get(&engine) == Some(&body)
                && live.events.iter().all(|e| {
                    live.name
                        .strip_suffix(&format!("_{}", e.keyword().to_lowercase()))
                        == Some(t.name.as_str())
                })
        });
        match merged {
            Some(trigger) => {
                trigger.events.extend(live.events.iter().copied());
                trigger.events.sort();
                trigger.events.dedup();
            }
            None => {
                // A per-event trigger named `<name>_<event>` starts a group named `<name>`.
                let name = match live.events.as_slice() {
                    [event] => live
                        .name
                        .strip_suffix(&format!("_{}", event.keyword().to_lowercase()))
                        .unwrap_or(&live.name)
                        .to_string(),
                    _ => live.name.clone(),
                };
                let stored = live.name.clone();
                let mut trigger =
                    Trigger::new(name, live.table, live.timing, live.events).body(engine, body);
                trigger.when = live.when;
                custom.push((trigger, stored));
            }
        }
    }
    // The writer names a single-event trigger as declared: it keeps its name.
    let mut custom: Vec<Trigger> = custom
        .into_iter()
        .map(|(mut trigger, stored)| {
            if trigger.events.len() == 1 {
                trigger.name = stored;
            }
            trigger
        })
        .collect();
    custom.sort_by(|a, b| a.name.cmp(&b.name));
    schema.triggers = custom;
}

/// `text` without the writer's `BEGIN`/`END` frame and two-space indentation.
pub(super) fn unindent(text: &str) -> String {
    let mut body = text.trim();
    if let Some(inner) = body
        .strip_prefix("BEGIN")
        .and_then(|b| b.strip_suffix("END"))
    {
        body = inner.trim_matches('\n');
    }
    let lines: Vec<&str> = body.lines().collect();
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// A trigger body in a canonical spelling for comparison: whitespace collapsed.
pub(crate) fn canonical_body(body: &str) -> String {
    body.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writers_frame_comes_off() {
        assert_eq!(
            unindent("BEGIN\n  IF NEW.a < 0 THEN\n    SIGNAL x;\n  END IF;\nEND"),
            "IF NEW.a < 0 THEN\n  SIGNAL x;\nEND IF;"
        );
        assert_eq!(unindent("\nBEGIN\n  RETURN NEW;\nEND\n"), "RETURN NEW;");
    }
}
