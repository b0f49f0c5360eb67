//! Objects derived from the tables that hold no rows: views, triggers (custom, `updated_at`,
//! audit) and functions. When any of them changes, or a table they may read changes, the
//! migration drops all of the old ones before touching tables and creates all of the new ones at
//! the end, in the writer's order (functions, views, triggers). Dropping first lets tables change
//! under them (PostgreSQL refuses to retype a column a view reads; SQLite's table rebuild drops
//! a table's triggers and cannot rename a table a view names).
//!
//! Roles, grants and row-level security are handled the same way when they change: the old
//! grants are revoked and policies dropped first, the new ones written at the end (roles are
//! created if missing; a role the schema no longer declares is left alone, since roles belong to
//! the whole server).
//!
//! The drop statements are read from the writer's own CREATE statements, so they name exactly
//! what the writer made (generated trigger and function names included).

use schema_core::Schema;
use schema_core::diff::{Change, Diff, TableChange};

use super::hooks::MigrationDialect;
use crate::TriggerStyle;
use crate::quote::identifier;

/// What to run before the table changes and after them.
#[derive(Debug, Default)]
pub(crate) struct Derived {
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// The statements that replace the derived objects of `from` by those of `to`.
pub(crate) fn statements<D: MigrationDialect + ?Sized>(
    dialect: &D,
    from: &Schema,
    to: &Schema,
    diff: &Diff,
) -> Derived {
    let tables_change = diff.changes.iter().any(|c| {
        matches!(
            c,
            Change::AlterTable(_) | Change::DropTable(_) | Change::RenameTable { .. }
        )
    });
    let old_views = crate::views::statements(dialect, from);
    let new_views = crate::views::statements(dialect, to);
    let old_triggers = crate::triggers::statements(dialect, from);
    let new_triggers = crate::triggers::statements(dialect, to);
    let old_functions = crate::triggers::functions(dialect, from);
    let new_functions = crate::triggers::functions(dialect, to);
    let redo_views = old_views != new_views || (tables_change && !old_views.is_empty());
    let redo_triggers = old_triggers != new_triggers
        || (tables_change && !old_triggers.is_empty())
        || diff.changes.iter().any(|c| match c {
            Change::AlterTable(alter) => alter.changes.iter().any(|t| {
                matches!(
                    t,
                    TableChange::SetUpdatedAt { .. } | TableChange::SetAudit(_)
                )
            }),
            _ => false,
        });
    let redo_functions = old_functions != new_functions;
    let old_access = crate::security::access(dialect, from);
    let new_access = crate::security::access(dialect, to);
    let new_roles = crate::security::roles(dialect, to);
    let redo_access =
        old_access != new_access || crate::security::roles(dialect, from) != new_roles;
    let mut derived = Derived::default();
    if redo_access {
        derived.before.extend(
            old_access
                .iter()
                .rev()
                .filter_map(|s| undo_access(dialect, s)),
        );
    }
    if redo_views {
        let mut views = crate::views::order(dialect, from);
        views.reverse();
        for view in views {
            let stored = view.materialized && dialect.supports_materialized_views();
            derived.before.push(format!(
                "DROP {}VIEW IF EXISTS {}",
                if stored { "MATERIALIZED " } else { "" },
                identifier(dialect, &view.name)
            ));
        }
    }
    if redo_triggers || redo_functions {
        derived
            .before
            .extend(old_triggers.iter().filter_map(|s| drop_trigger(dialect, s)));
        derived.before.extend(
            old_triggers
                .iter()
                .filter_map(|s| drop_function(dialect, from, s)),
        );
    }
    if redo_functions {
        derived.before.extend(
            old_functions
                .iter()
                .filter_map(|s| drop_function(dialect, from, s)),
        );
        derived.after.extend(new_functions);
    }
    if redo_views {
        derived.after.extend(new_views);
    }
    if redo_triggers || redo_functions {
        derived.after.extend(new_triggers);
    }
    if redo_access {
        derived.after.extend(new_roles);
        derived.after.extend(new_access);
    }
    derived
}

/// The statement that undoes one of the writer's access statements: a policy dropped, row-level
/// security switched off, a grant revoked.
fn undo_access<D: MigrationDialect + ?Sized>(dialect: &D, statement: &str) -> Option<String> {
    if let Some(rest) = statement.strip_prefix("CREATE POLICY ") {
        let (name, rest) = quoted_identifier(dialect, rest)?;
        let table_at = rest.find(" ON ")? + 4;
        let (table, _) = quoted_identifier(dialect, &rest[table_at..])?;
        return Some(format!("DROP POLICY IF EXISTS {name} ON {table}"));
    }
    if let Some(table) = statement
        .strip_prefix("ALTER TABLE ")
        .and_then(|r| r.strip_suffix(" ENABLE ROW LEVEL SECURITY"))
    {
        return Some(format!("ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"));
    }
    if let Some(table) = statement
        .strip_prefix("ALTER TABLE ")
        .and_then(|r| r.strip_suffix(" FORCE ROW LEVEL SECURITY"))
    {
        return Some(format!("ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY"));
    }
    let revoke = |grant: &str| -> Option<String> {
        let to = grant.rfind(" TO ")?;
        Some(format!("{} FROM {}", &grant[..to], &grant[to + 4..]))
    };
    if let Some(rest) = statement.strip_prefix("GRANT ") {
        return revoke(rest).map(|r| format!("REVOKE {r}"));
    }
    if statement.starts_with("ALTER DEFAULT PRIVILEGES") && statement.contains(" GRANT ") {
        return revoke(&statement.replacen(" GRANT ", " REVOKE ", 1));
    }
    None
}

/// `DROP TRIGGER IF EXISTS "name" [ON "table"]` for a `CREATE TRIGGER` statement.
fn drop_trigger<D: MigrationDialect + ?Sized>(dialect: &D, create: &str) -> Option<String> {
    let rest = create.strip_prefix("CREATE TRIGGER ")?;
    let (name, rest) = quoted_identifier(dialect, rest)?;
    let scope = if dialect.trigger_style() == TriggerStyle::Function {
        let table_at = rest.find(" ON ")? + 4;
        let (table, _) = quoted_identifier(dialect, &rest[table_at..])?;
        format!(" ON {table}")
    } else {
        String::new()
    };
    Some(format!("DROP TRIGGER IF EXISTS {name}{scope}"))
}

/// `DROP FUNCTION IF EXISTS "name"(types)` for a `CREATE FUNCTION` statement (the argument
/// types of a schema function; generated functions have unique names, so the name is enough),
/// `DROP PROCEDURE IF EXISTS` for a `CREATE PROCEDURE`.
pub(crate) fn drop_function<D: MigrationDialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
    create: &str,
) -> Option<String> {
    let create = create.trim_start_matches(|c: char| c.is_whitespace());
    if let Some(rest) = create.strip_prefix("CREATE PROCEDURE ") {
        let name = rest.split('(').next()?.trim();
        return Some(format!("DROP PROCEDURE IF EXISTS {name}"));
    }
    let rest = create.strip_prefix("CREATE FUNCTION ")?;
    let (name, _) = quoted_identifier(dialect, rest)?;
    Some(
        match schema
            .functions
            .iter()
            .find(|f| identifier(dialect, &f.name) == name)
        {
            Some(function) => {
                let types: Vec<&str> = function.args.iter().map(|a| a.sql_type.as_str()).collect();
                format!("DROP FUNCTION IF EXISTS {name}({})", types.join(", "))
            }
            None => format!("DROP FUNCTION IF EXISTS {name}"),
        },
    )
}

/// The quoted identifier `text` starts with (quotes kept), and the text after it.
fn quoted_identifier<'a, D: MigrationDialect + ?Sized>(
    dialect: &D,
    text: &'a str,
) -> Option<(String, &'a str)> {
    let quote = dialect.identifier_quote();
    let mut chars = text.char_indices();
    if chars.next()?.1 != quote {
        return None;
    }
    let mut escaped = false;
    let mut previous_quote = false;
    for (i, c) in chars {
        if previous_quote {
            if c == quote && !escaped {
                escaped = true;
                previous_quote = false;
                continue;
            }
            return Some((text[..i].to_string(), &text[i..]));
        }
        escaped = false;
        previous_quote = c == quote;
    }
    previous_quote.then(|| (text.to_string(), ""))
}
