//! The migration skeleton, written once: which statements a diff needs, in an order every engine
//! can run. Engines differ only through [`MigrationDialect`] hooks and the [`Dialect`]
//! capabilities.
//!
//! Order: extensions and named types first; then table and column renames, foreign keys that go
//! away (so nothing they point at is held), other dropped constraints and indexes, new
//! tables, column drops, changes and additions, new constraints and indexes, new foreign keys;
//! then dropped tables, dropped types and extensions, and comments. Each step only needs what the
//! steps before it made, and on MySQL/MariaDB (no transactional DDL) a failure leaves every
//! earlier statement applied and none of the later ones.

use std::collections::BTreeSet;

use schema_core::diff::{AlterTable, Change, Diff, TableChange};
use schema_core::{Diagnostic, Diagnostics, Schema, TableDef};

use super::hooks::{ConstraintKind, MigrationDialect};
use super::rebuild;
use crate::Dialect;
use crate::order::Plan;
use crate::quote::{identifier, string};
use crate::writer;

/// The statements of one direction of a migration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Statements {
    /// Statements that must be committed before the others run (PostgreSQL enum values).
    pub committed_first: Vec<String>,
    /// The migration proper.
    pub main: Vec<String>,
}

/// The statements that turn `from` into `to`, given their `diff`.
pub(crate) fn statements<D: MigrationDialect + ?Sized>(
    dialect: &D,
    from: &Schema,
    to: &Schema,
    diff: &Diff,
) -> Result<Statements, Diagnostics> {
    let mut out = Statements::default();
    let mut problems: Vec<Diagnostic> = Vec::new();
    let engine = dialect.engine();
    let alters: Vec<&AlterTable> = diff
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::AlterTable(alter) => Some(alter),
            _ => None,
        })
        .collect();
    let created: Vec<&TableDef> = diff
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::CreateTable(table) => Some(table),
            _ => None,
        })
        .collect();
    let dropped: Vec<&TableDef> = diff
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::DropTable(table) => Some(table),
            _ => None,
        })
        .collect();
    let rebuilt = |alter: &AlterTable| dialect.rebuilds_tables() && rebuild::needed(alter);

    // Extensions (as the writer counts them: declared and required by the types used).
    let (old_extensions, new_extensions) = (extensions(dialect, from), extensions(dialect, to));
    for extension in new_extensions.difference(&old_extensions) {
        out.main.push(format!(
            "CREATE EXTENSION IF NOT EXISTS {}",
            identifier(dialect, extension)
        ));
    }

    // Named types.
    let mut retyped: BTreeSet<String> = BTreeSet::new();
    let mut old_types_to_drop: Vec<String> = Vec::new();
    for change in &diff.changes {
        match change {
            Change::CreateEnum(e) if dialect.supports_enum_types() => {
                out.main.push(writer::create_enum(dialect, e))
            }
            Change::AddEnumValues { from: old, to: new } if dialect.supports_enum_types() => {
                let target = if dialect.enum_values_need_commit() {
                    &mut out.committed_first
                } else {
                    &mut out.main
                };
                target.extend(add_enum_values(dialect, old, new));
            }
            Change::ReplaceEnum { to: new, .. } if dialect.supports_enum_types() => {
                let old_name = format!("{}__old", new.name);
                out.main.push(format!(
                    "ALTER TYPE {} RENAME TO {}",
                    identifier(dialect, &new.name),
                    identifier(dialect, &old_name)
                ));
                out.main.push(writer::create_enum(dialect, new));
                retyped.insert(new.name.clone());
                old_types_to_drop.push(format!("DROP TYPE {}", identifier(dialect, &old_name)));
            }
            Change::CreateDomain(d) if dialect.supports_domains() => {
                out.main.push(writer::create_domain(dialect, d))
            }
            Change::ReplaceDomain { to: new, .. } if dialect.supports_domains() => {
                let old_name = format!("{}__old", new.name);
                out.main.push(format!(
                    "ALTER DOMAIN {} RENAME TO {}",
                    identifier(dialect, &new.name),
                    identifier(dialect, &old_name)
                ));
                out.main.push(writer::create_domain(dialect, new));
                retyped.insert(new.name.clone());
                old_types_to_drop.push(format!("DROP DOMAIN {}", identifier(dialect, &old_name)));
            }
            _ => {}
        }
    }

    // Views, triggers and functions go first when they or the tables change; back at the end.
    let derived = super::derived::statements(dialect, from, to, diff);
    out.main.extend(derived.before);

    // Renames.
    for change in &diff.changes {
        if let Change::RenameTable { from: old, to: new } = change {
            out.main.push(format!(
                "ALTER TABLE {} RENAME TO {}",
                identifier(dialect, old),
                identifier(dialect, new)
            ));
        }
    }
    for alter in alters.iter().filter(|a| !rebuilt(a)) {
        for change in &alter.changes {
            // The column keeps its old definition under the new name; changes come later.
            if let TableChange::RenameColumn { from: old, to: new } = change
                && let Some(column) = alter.from.find_column(old)
            {
                let renamed = schema_core::Column {
                    name: new.clone(),
                    ..column.clone()
                };
                match dialect.rename_column(&alter.from, old, &renamed) {
                    Ok(statement) => out.main.push(statement),
                    Err(problem) => problems.push(problem),
                }
            }
        }
    }

    // Foreign keys that go away, everywhere first; then the other constraints and indexes.
    if !dialect.rebuilds_tables() {
        for table in &dropped {
            for fk in &table.foreign_keys {
                out.main.push(dialect.drop_constraint(
                    &table.name,
                    ConstraintKind::ForeignKey,
                    &fk.name,
                ));
            }
        }
    }
    for alter in alters.iter().filter(|a| !rebuilt(a)) {
        for change in &alter.changes {
            if let TableChange::DropForeignKey(fk) = change {
                out.main.push(dialect.drop_constraint(
                    &alter.to.name,
                    ConstraintKind::ForeignKey,
                    &fk.name,
                ));
            }
        }
        for fk in held_foreign_keys(dialect, alter) {
            out.main.push(dialect.drop_constraint(
                &alter.to.name,
                ConstraintKind::ForeignKey,
                &fk.name,
            ));
        }
    }
    for alter in alters.iter().filter(|a| !rebuilt(a)) {
        let table = &alter.to.name;
        for change in &alter.changes {
            let statement = match change {
                TableChange::DropIndex(index) if index.applies_to(engine) => {
                    dialect.drop_index(table, &index.name)
                }
                TableChange::DropExclusion(e) if e.applies_to(engine) => {
                    dialect.drop_constraint(table, ConstraintKind::Exclusion, &e.name)
                }
                TableChange::DropCheck(check) => {
                    dialect.drop_constraint(table, ConstraintKind::Check, &check.name)
                }
                TableChange::DropUnique(unique) => {
                    dialect.drop_constraint(table, ConstraintKind::Unique, &unique.name)
                }
                TableChange::DropPrimaryKey(pk) => {
                    dialect.drop_constraint(table, ConstraintKind::PrimaryKey, &pk.name)
                }
                _ => continue,
            };
            out.main.push(statement);
        }
    }

    // New tables: foreign keys inline where the engine allows forward references, added at the
    // end otherwise.
    let forward = dialect.supports_forward_references();
    for table in &created {
        let plan = Plan {
            tables: vec![table],
            deferred: if forward {
                Vec::new()
            } else {
                table.foreign_keys.iter().map(|fk| (*table, fk)).collect()
            },
        };
        match writer::create_table(dialect, table, &plan) {
            Ok(statement) => out.main.push(statement),
            Err(found) => problems.extend(found),
        }
    }

    // Columns, then new constraints and indexes, table by table.
    for alter in &alters {
        if rebuilt(alter) {
            match rebuild::statements(dialect, alter) {
                Ok(statements) => out.main.extend(statements),
                Err(found) => problems.extend(found),
            }
            continue;
        }
        match column_statements(dialect, alter, &retyped) {
            Ok(statements) => out.main.extend(statements),
            Err(found) => problems.extend(found),
        }
        out.main.extend(constraint_additions(dialect, alter));
    }
    for table in &created {
        out.main.extend(
            table
                .indexes
                .iter()
                .filter(|index| index.applies_to(engine))
                .map(|index| writer::create_index(dialect, table, index)),
        );
    }

    // New foreign keys.
    if !forward {
        for table in &created {
            for fk in &table.foreign_keys {
                out.main
                    .push(add(dialect, &table.name, &writer::foreign_key(dialect, fk)));
            }
        }
    }
    for alter in alters.iter().filter(|a| !rebuilt(a)) {
        for fk in held_foreign_keys(dialect, alter) {
            out.main.push(add(
                dialect,
                &alter.to.name,
                &writer::foreign_key(dialect, fk),
            ));
        }
        for change in &alter.changes {
            if let TableChange::AddForeignKey(fk) = change {
                out.main.push(add(
                    dialect,
                    &alter.to.name,
                    &writer::foreign_key(dialect, fk),
                ));
            }
        }
    }

    // What goes away: the maintenance routines of dropped partitioned tables first.
    let old_tables = Schema {
        tables: dropped.iter().map(|t| (*t).clone()).collect(),
        ..Schema::default()
    };
    out.main.extend(
        crate::partitions::maintenance_functions(dialect, &old_tables)
            .iter()
            .filter_map(|create| super::derived::drop_function(dialect, from, create)),
    );
    for table in &dropped {
        out.main
            .push(format!("DROP TABLE {}", identifier(dialect, &table.name)));
    }
    out.main.extend(old_types_to_drop);
    for change in &diff.changes {
        match change {
            Change::DropEnum(e) if dialect.supports_enum_types() => out
                .main
                .push(format!("DROP TYPE {}", identifier(dialect, &e.name))),
            Change::DropDomain(d) if dialect.supports_domains() => out
                .main
                .push(format!("DROP DOMAIN {}", identifier(dialect, &d.name))),
            _ => {}
        }
    }
    for extension in old_extensions.difference(&new_extensions) {
        out.main.push(format!(
            "DROP EXTENSION IF EXISTS {}",
            identifier(dialect, extension)
        ));
    }

    // Partitions of new partitioned tables, and their maintenance routines.
    out.main
        .extend(crate::partitions::statements(dialect, &created));
    let new_tables = Schema {
        tables: created.iter().map(|t| (*t).clone()).collect(),
        ..Schema::default()
    };
    out.main.extend(crate::partitions::maintenance_functions(
        dialect,
        &new_tables,
    ));
    out.main.extend(derived.after);

    // Comments, where they are statements of their own.
    if dialect.comment_style() == crate::CommentStyle::CommentOn {
        for table in &created {
            if table.comment.is_some() {
                out.main.push(writer::table_comment(
                    dialect,
                    &table.name,
                    table.comment.as_deref(),
                ));
            }
            for column in table.columns.iter().filter(|c| c.comment.is_some()) {
                out.main.push(writer::column_comment(
                    dialect,
                    &table.name,
                    &column.name,
                    column.comment.as_deref(),
                ));
            }
        }
    }
    for alter in alters.iter().filter(|a| !rebuilt(a)) {
        for change in &alter.changes {
            if let TableChange::SetComment { to: comment, .. } = change
                && let Some(statement) =
                    dialect.set_table_comment(&alter.to.name, comment.as_deref())
            {
                out.main.push(statement);
            }
        }
    }
    Diagnostics::check(problems, out)
}

/// Column drops, changes and additions of one table.
fn column_statements<D: MigrationDialect + ?Sized>(
    dialect: &D,
    alter: &AlterTable,
    retyped: &BTreeSet<String>,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let table = &alter.to;
    let name = identifier(dialect, &table.name);
    let mut statements = Vec::new();
    let mut problems = Vec::new();
    let add_column = |statements: &mut Vec<String>, problems: &mut Vec<Diagnostic>, column| {
        match writer::column_definition(dialect, table, column, None) {
            Ok(definition) => {
                statements.push(format!("ALTER TABLE {name} ADD COLUMN {definition}"))
            }
            Err(problem) => problems.push(problem),
        }
        if let (Some(comment), crate::CommentStyle::CommentOn) =
            (&column.comment, dialect.comment_style())
        {
            statements.push(writer::column_comment(
                dialect,
                &table.name,
                &column.name,
                Some(comment),
            ));
        }
    };
    for change in &alter.changes {
        match change {
            TableChange::DropColumn(column) => statements.push(format!(
                "ALTER TABLE {name} DROP COLUMN {}",
                identifier(dialect, &column.name)
            )),
            // A generated column's expression cannot be altered in place: it is computed again.
            TableChange::AlterColumn { from, to } if from.generated != to.generated => {
                statements.push(format!(
                    "ALTER TABLE {name} DROP COLUMN {}",
                    identifier(dialect, &to.name)
                ));
                add_column(&mut statements, &mut problems, to);
            }
            TableChange::AlterColumn { from, to } => {
                let retype = named_type(&to.sql_type).is_some_and(|n| retyped.contains(n));
                match dialect.alter_column(table, from, to, retype) {
                    Ok(found) => statements.extend(found),
                    Err(problem) => problems.push(problem),
                }
            }
            TableChange::AddColumn(column) => add_column(&mut statements, &mut problems, column),
            _ => {}
        }
    }
    if problems.is_empty() {
        Ok(statements)
    } else {
        Err(problems)
    }
}

/// The primary key, uniques, checks, exclusions and indexes one table gains.
fn constraint_additions<D: MigrationDialect + ?Sized>(
    dialect: &D,
    alter: &AlterTable,
) -> Vec<String> {
    let table = &alter.to;
    let engine = dialect.engine();
    alter
        .changes
        .iter()
        .filter_map(|change| match change {
            TableChange::AddPrimaryKey(pk) => {
                Some(add(dialect, &table.name, &writer::primary_key(dialect, pk)))
            }
            TableChange::AddUnique(unique) => Some(add(
                dialect,
                &table.name,
                &writer::unique_constraint(dialect, unique),
            )),
            TableChange::AddCheck(check) => Some(add(
                dialect,
                &table.name,
                &writer::check_constraint(dialect, table, check),
            )),
            TableChange::AddExclusion(e) if e.applies_to(engine) => Some(add(
                dialect,
                &table.name,
                &writer::exclusion_constraint(dialect, table, e),
            )),
            TableChange::AddIndex(index) if index.applies_to(engine) => {
                Some(writer::create_index(dialect, table, index))
            }
            _ => None,
        })
        .collect()
}

/// Unchanged foreign keys of the table that an index being dropped holds up, on engines where
/// a foreign key needs an index (MySQL refuses to drop it): dropped first and added again last,
/// so the engine finds or makes the index it needs.
fn held_foreign_keys<'a, D: MigrationDialect + ?Sized>(
    dialect: &D,
    alter: &'a AlterTable,
) -> Vec<&'a schema_core::ForeignKey> {
    if !dialect.foreign_keys_need_an_index() {
        return Vec::new();
    }
    let dropped_keys: Vec<&[String]> = alter
        .changes
        .iter()
        .filter_map(|change| match change {
            TableChange::DropIndex(index) => Some(index.columns.as_slice()),
            TableChange::DropUnique(unique) => Some(unique.columns.as_slice()),
            TableChange::DropPrimaryKey(pk) => Some(pk.columns.as_slice()),
            _ => None,
        })
        .collect();
    let changed = |name: &str| {
        alter.changes.iter().any(|change| {
            matches!(change, TableChange::DropForeignKey(fk) | TableChange::AddForeignKey(fk) if fk.name == name)
        })
    };
    alter
        .to
        .foreign_keys
        .iter()
        .filter(|fk| !changed(&fk.name))
        .filter(|fk| dropped_keys.iter().any(|key| key.starts_with(&fk.columns)))
        .collect()
}

/// `ALTER TABLE "t" ADD <constraint>`.
fn add<D: Dialect + ?Sized>(dialect: &D, table: &str, constraint: &str) -> String {
    format!(
        "ALTER TABLE {} ADD {constraint}",
        identifier(dialect, table)
    )
}

/// `ALTER TYPE "e" ADD VALUE IF NOT EXISTS 'v' AFTER 'u'` for each new value, in order.
fn add_enum_values<D: Dialect + ?Sized>(
    dialect: &D,
    old: &schema_core::EnumType,
    new: &schema_core::EnumType,
) -> Vec<String> {
    let mut statements = Vec::new();
    for (i, value) in new.values.iter().enumerate() {
        if old.values.contains(value) {
            continue;
        }
        let place = match i.checked_sub(1).map(|p| &new.values[p]) {
            Some(previous) => format!(" AFTER {}", string(dialect, previous)),
            None => match new.values.iter().find(|v| old.values.contains(v)) {
                Some(first_kept) => format!(" BEFORE {}", string(dialect, first_kept)),
                None => String::new(),
            },
        };
        statements.push(format!(
            "ALTER TYPE {} ADD VALUE IF NOT EXISTS {}{place}",
            identifier(dialect, &new.name),
            string(dialect, value)
        ));
    }
    statements
}

/// The engine's extensions for `schema`, as the writer creates them.
fn extensions<D: Dialect + ?Sized>(dialect: &D, schema: &Schema) -> BTreeSet<String> {
    if !dialect.supports_extensions() {
        return BTreeSet::new();
    }
    schema
        .extensions
        .iter()
        .cloned()
        .chain(dialect.required_extensions(schema))
        .collect()
}

/// The enum or domain name of a column type.
fn named_type(sql_type: &schema_core::SqlType) -> Option<&str> {
    match sql_type {
        schema_core::SqlType::Enum(e) => Some(&e.name),
        schema_core::SqlType::Domain(d) => Some(&d.name),
        _ => None,
    }
}
