//! Drift: how a live database differs from the declared schema, in words and as the migration
//! that would make the database match the code (feature `live`).
//!
//! The declared schema is first projected onto what the engine can hold
//! ([`as_deployed`](crate::introspect::as_deployed)); objects whose canonical forms agree
//! ([`comparable`](crate::introspect::comparable)) take the declared spelling, so only real
//! differences reach the diff ([`schema_core::diff`]) and the migration writer
//! ([`crate::migrate`]). Views, which the diff does not cover, are compared here and fixed by
//! dropping and recreating the ones that differ (a last step, `_views`).
//!
//! ```
//! use schema_core::{Column, Engine, Schema, SqlType, TableDef};
//! use schema_dialects::drift::drift;
//!
//! let table = |nullable: bool| {
//!     let mut paid_at = Column::new("paid_at", SqlType::Timestamp);
//!     paid_at.nullable = nullable;
//!     Schema::builder()
//!         .table_def(TableDef::new("invoices").column(Column::new("id", SqlType::BigInt)).column(paid_at).primary_key(["id"]))
//!         .build()
//!         .unwrap()
//! };
//! let (declared, live) = (table(true), table(false));
//! let found = drift(Engine::Postgres, &declared, &live);
//! assert_eq!(
//!     found.differences,
//!     ["table `invoices`: column `paid_at` is NOT NULL in the database but nullable in the code"]
//! );
//! assert!(found.fix.steps[0].up.contains("DROP NOT NULL"));
//! assert!(drift(Engine::Postgres, &declared, &declared).is_empty());
//! ```

use std::fmt;

use schema_core::diff::{Change, DataLoss, Diff, TableChange};
use schema_core::{Column, Engine, Schema, TableDef};

use crate::introspect::{as_deployed, comparable};
use crate::migrate::{Migration, MigrationStep};

/// The differences between a live database and the declared schema on one engine.
#[derive(Clone, Debug, PartialEq)]
pub struct Drift {
    /// The engine.
    pub engine: Engine,
    /// Each difference in words, naming table and object, database side first.
    pub differences: Vec<String>,
    /// The typed changes that turn the database into the declared schema.
    pub diff: Diff,
    /// The migration that applies them (empty steps when there is no drift).
    pub fix: Migration,
    /// What the fix would lose (columns or tables only the database has, narrowed types, ...);
    /// the fix is written anyway, so read this before running it.
    pub data_loss: Vec<DataLoss>,
}

impl Drift {
    /// Whether the database matches the code.
    pub fn is_empty(&self) -> bool {
        self.differences.is_empty()
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return writeln!(f, "no drift: the {} database matches the code", self.engine);
        }
        writeln!(
            f,
            "{} difference(s) between the {} database and the code:",
            self.differences.len(),
            self.engine
        )?;
        for difference in &self.differences {
            writeln!(f, "  - {difference}")?;
        }
        if !self.data_loss.is_empty() {
            writeln!(f, "warning: the fix below may lose data:")?;
            for loss in &self.data_loss {
                writeln!(f, "  - {}", loss.detail)?;
            }
        }
        for step in &self.fix.steps {
            writeln!(f, "\n-- fix{}:\n{}", step.suffix, step.up)?;
        }
        Ok(())
    }
}

/// How the `live` schema (from [`introspect`](crate::introspect)) differs from `declared` on
/// `engine`, and the migration that fixes it.
pub fn drift(engine: Engine, declared: &Schema, live: &Schema) -> Drift {
    let target = as_deployed(declared, engine);
    let aligned = aligned(engine, live, &target);
    let tables_only = separately_compared_as_declared(aligned.clone(), &target);
    let forward = schema_core::diff::diff(&tables_only, &target);
    let mut differences: Vec<String> = forward.changes.iter().flat_map(describe).collect();
    differences.extend(view_differences(engine, &aligned, &target));
    let routines = routine_differences(engine, &aligned, &target);
    differences.extend(routines.iter().cloned());
    let data_loss = forward.data_loss();
    let fix = if forward.is_empty() {
        Migration {
            engine,
            steps: Vec::new(),
        }
    } else {
        crate::migrate::unguarded(
            engine,
            &tables_bare(&tables_only),
            &tables_bare(&target),
            &forward,
        )
        .unwrap_or_else(|error| Migration {
            engine,
            steps: vec![MigrationStep {
                suffix: "",
                up: format!("-- no fix can be written: {error}\n"),
                down: String::new(),
            }],
        })
    };
    let mut fix = fix;
    if !routines.is_empty() {
        // Said in the fix itself, so nobody takes it for complete.
        let note: String = routines
            .iter()
            .map(|r| format!("-- not fixed by this script, recreate it from the DDL: {r}\n"))
            .collect();
        fix.steps.push(MigrationStep {
            suffix: "_triggers",
            up: note,
            down: String::new(),
        });
    }
    // A table the fix alters may be read by views (SQLite's table rebuild and PostgreSQL's
    // type changes refuse then): every view is dropped before and created after.
    let alters_tables = forward
        .changes
        .iter()
        .any(|c| matches!(c, Change::AlterTable(_) | Change::DropTable(_)));
    let (drops, creates) = view_statements(engine, &aligned, &target, alters_tables);
    let script = |statements: &[String]| statements.iter().map(|s| format!("{s};\n\n")).collect();
    if alters_tables && !drops.is_empty() {
        fix.steps.insert(
            0,
            MigrationStep {
                suffix: "_drop_views",
                up: script(&drops),
                down: String::new(),
            },
        );
    }
    let mut last: Vec<String> = if alters_tables { Vec::new() } else { drops };
    last.extend(creates);
    last.extend(rebuilt_triggers(engine, &forward, &target));
    if !last.is_empty() {
        fix.steps.push(MigrationStep {
            suffix: "_views",
            up: script(&last),
            down: String::new(),
        });
    }
    Drift {
        engine,
        differences,
        diff: forward,
        fix,
        data_loss,
    }
}

/// Views differ in words (the migration writer does not cover views yet: the fix says so).
fn view_differences(engine: Engine, live: &Schema, target: &Schema) -> Vec<String> {
    let (live, target) = (comparable(live, engine), comparable(target, engine));
    let mut found = Vec::new();
    for view in &target.views {
        match live.view(&view.name) {
            None => found.push(format!("view `{}` is missing from the database", view.name)),
            Some(existing) if existing != view => {
                let mut what = Vec::new();
                if existing.sql != view.sql {
                    what.push("its query");
                }
                if existing.columns != view.columns {
                    what.push("its columns");
                }
                if existing.materialized != view.materialized {
                    what.push("whether it is materialized");
                }
                if existing.security_invoker != view.security_invoker {
                    what.push("whose rights it runs with");
                }
                if existing.comment != view.comment {
                    what.push("its comment");
                }
                if existing.indexes != view.indexes {
                    what.push("its indexes");
                }
                found.push(format!(
                    "view `{}` differs in the database: {}",
                    view.name,
                    what.join(", ")
                ));
            }
            Some(_) => {}
        }
    }
    for view in &live.views {
        if target.view(&view.name).is_none() {
            found.push(format!(
                "view `{}` is in the database but not in the code",
                view.name
            ));
        }
    }
    found
}

/// Triggers (the tables' `updated_at` and audit triggers and custom ones), functions,
/// row-level security (mode, tenant isolation, policies) and partitions, in words; the migration writer does
/// not cover them, so the fix names them in a comment.
fn routine_differences(engine: Engine, live: &Schema, target: &Schema) -> Vec<String> {
    let (live, target) = (comparable(live, engine), comparable(target, engine));
    let mut found = Vec::new();
    for table in &target.tables {
        let Some(existing) = live.table(&table.name) else {
            continue;
        };
        if existing.updated_at != table.updated_at {
            let words = |c: &Option<String>| match c {
                Some(c) => format!("sets `{c}` on update"),
                None => "has no updated_at trigger".to_string(),
            };
            found.push(format!(
                "table `{}` {} in the database but {} in the code",
                table.name,
                words(&existing.updated_at),
                words(&table.updated_at)
            ));
        }
        let security = (&existing.security, &table.security);
        if security.0.row_security != security.1.row_security {
            let words = |mode: Option<schema_core::RowSecurity>| match mode {
                None => "off".to_string(),
                Some(mode) => mode.key().replace('_', " "),
            };
            found.push(format!(
                "table `{}`: row-level security is {} in the database but {} in the code",
                table.name,
                words(security.0.row_security),
                words(security.1.row_security)
            ));
        }
        if security.0.tenant != security.1.tenant {
            found.push(format!(
                "table `{}`: tenant isolation is {} in the database but {} in the code",
                table.name,
                tenant_words(security.0.tenant.as_ref()),
                tenant_words(security.1.tenant.as_ref())
            ));
        }
        let policies = |s: &schema_core::TableSecurity| {
            s.policies
                .iter()
                .map(|p| (p.name.clone(), format!("{p:?}")))
                .collect::<Vec<_>>()
        };
        let (live_policies, code_policies) = (policies(security.0), policies(security.1));
        for (name, text) in &code_policies {
            match live_policies.iter().find(|(n, _)| n == name) {
                None => found.push(format!(
                    "table `{}`: policy `{name}` is missing from the database",
                    table.name
                )),
                Some((_, other)) if other != text => found.push(format!(
                    "table `{}`: policy `{name}` differs in the database",
                    table.name
                )),
                Some(_) => {}
            }
        }
        for (name, _) in &live_policies {
            if !code_policies.iter().any(|(n, _)| n == name) {
                found.push(format!(
                    "table `{}`: policy `{name}` is in the database but not in the code",
                    table.name
                ));
            }
        }
        found.extend(partition_differences(
            &table.name,
            existing.partitioning.as_ref(),
            table.partitioning.as_ref(),
        ));
        if existing.audit != table.audit {
            let words = |on: bool| if on { "is audited" } else { "is not audited" };
            found.push(format!(
                "table `{}` {} in the database but {} in the code",
                table.name,
                words(existing.audit),
                words(table.audit)
            ));
        }
    }
    let named = |kind: &str, declared: Vec<(String, String)>, database: Vec<(String, String)>| {
        let mut found = Vec::new();
        for (name, text) in &declared {
            match database.iter().find(|(n, _)| n == name) {
                None => found.push(format!("{kind} `{name}` is missing from the database")),
                Some((_, other)) if other != text => {
                    found.push(format!("{kind} `{name}` differs in the database"))
                }
                Some(_) => {}
            }
        }
        for (name, _) in &database {
            if !declared.iter().any(|(n, _)| n == name) {
                found.push(format!(
                    "{kind} `{name}` is in the database but not in the code"
                ));
            }
        }
        found
    };
    let triggers = |s: &Schema| {
        s.triggers
            .iter()
            .map(|t| (t.name.clone(), format!("{t:?}")))
            .collect()
    };
    let functions = |s: &Schema| {
        s.functions
            .iter()
            .map(|f| (f.name.clone(), format!("{f:?}")))
            .collect()
    };
    found.extend(named("trigger", triggers(&target), triggers(&live)));
    found.extend(named("function", functions(&target), functions(&live)));
    found
}

/// Partitioning in words: the scheme, then each partition missing or extra.
fn partition_differences(
    table: &str,
    live: Option<&schema_core::Partitioning>,
    code: Option<&schema_core::Partitioning>,
) -> Vec<String> {
    let scheme = |p: Option<&schema_core::Partitioning>| match p {
        None => "not partitioned".to_string(),
        Some(p) => format!("partitioned by {} ({})", p.kind, p.columns.join(", ")),
    };
    if scheme(live) != scheme(code) {
        return vec![format!(
            "table `{table}` is {} in the database but {} in the code",
            scheme(live),
            scheme(code)
        )];
    }
    let (Some(live), Some(code)) = (live, code) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for partition in &code.partitions {
        match live.partitions.iter().find(|p| p.name == partition.name) {
            None => found.push(format!(
                "table `{table}`: partition `{}` is missing from the database",
                partition.name
            )),
            Some(other) if other != partition => found.push(format!(
                "table `{table}`: partition `{}` has other bounds in the database",
                partition.name
            )),
            Some(_) => {}
        }
    }
    for partition in &live.partitions {
        if !code.partitions.iter().any(|p| p.name == partition.name) {
            found.push(format!(
                "table `{table}`: partition `{}` is in the database but not in the code",
                partition.name
            ));
        }
    }
    if live.default_partition != code.default_partition {
        found.push(format!(
            "table `{table}`: the default partition is {} in the database but {} in the code",
            if live.default_partition {
                "there"
            } else {
                "missing"
            },
            if code.default_partition {
                "declared"
            } else {
                "not declared"
            }
        ));
    }
    found
}

fn tenant_words(tenant: Option<&schema_core::TenantIsolation>) -> String {
    match tenant {
        None => "off".to_string(),
        Some(t) => format!("by `{}` from setting `{}`", t.column, t.setting),
    }
}

/// On engines that rebuild a table to alter it (SQLite), its triggers go with the old table:
/// the declared triggers of every rebuilt table are created again.
fn rebuilt_triggers(engine: Engine, forward: &Diff, target: &Schema) -> Vec<String> {
    if !crate::migrate::hooks::migration_dialect(engine).rebuilds_tables() {
        return Vec::new();
    }
    let rebuilt: Vec<&str> = forward
        .changes
        .iter()
        .filter_map(|change| match change {
            Change::AlterTable(alter) if crate::migrate::rebuild::needed(alter) => {
                Some(alter.to.name.as_str())
            }
            _ => None,
        })
        .collect();
    if rebuilt.is_empty() {
        return Vec::new();
    }
    let mut wanted = target.clone();
    wanted.tables.retain(|t| rebuilt.contains(&t.name.as_str()));
    wanted
        .triggers
        .retain(|t| rebuilt.contains(&t.table.as_str()));
    crate::triggers::statements(crate::dialect(engine), &wanted)
}

/// The statements that drop the views only the database has or that differ (dependent views
/// first), and those that create the declared views that are missing or differ (in dependency
/// order, with their indexes and comments); with `all`, every view is dropped and created.
fn view_statements(
    engine: Engine,
    live: &Schema,
    target: &Schema,
    all: bool,
) -> (Vec<String>, Vec<String>) {
    let target_dialect = crate::dialect(engine);
    let (canon_live, canon_target) = (comparable(live, engine), comparable(target, engine));
    let differs = |name: &str| all || canon_live.view(name) != canon_target.view(name);
    let mut drops = Vec::new();
    for view in crate::views::order(target_dialect, live).into_iter().rev() {
        if differs(&view.name) {
            drops.push(format!(
                "DROP {}VIEW IF EXISTS {}",
                if view.materialized {
                    "MATERIALIZED "
                } else {
                    ""
                },
                crate::quote::identifier(target_dialect, &view.name)
            ));
        }
    }
    let mut wanted = target.clone();
    wanted.views.retain(|v| differs(&v.name));
    let creates = if wanted.views.is_empty() {
        Vec::new()
    } else {
        crate::views::statements(target_dialect, &wanted)
    };
    (drops, creates)
}

/// `live` with every object that equals its declared namesake in canonical form replaced by
/// the declared one, so spelling (quotes, parentheses, casts) is not reported as drift.
fn aligned(engine: Engine, live: &Schema, target: &Schema) -> Schema {
    let canonical_live = comparable(live, engine);
    let canonical_target = comparable(target, engine);
    let mut aligned = live.clone();
    for table in &mut aligned.tables {
        let (Some(declared), Some(live_canon), Some(declared_canon)) = (
            target.table(&table.name),
            canonical_live.table(&table.name),
            canonical_target.table(&table.name),
        ) else {
            continue;
        };
        align_table(table, declared, live_canon, declared_canon);
    }
    for view in &mut aligned.views {
        // A view declared without a column list takes the query's names: nothing to compare.
        if target
            .view(&view.name)
            .is_some_and(|v| v.columns.is_empty())
        {
            view.columns.clear();
        }
    }
    aligned
}

/// `schema` without what drift fixes in steps of its own (views, triggers, functions, access
/// control), so the migration writer neither drops nor recreates them.
fn tables_bare(schema: &Schema) -> Schema {
    let mut bare = schema.clone();
    bare.views.clear();
    bare.triggers.clear();
    bare.functions.clear();
    bare.security = Default::default();
    for table in &mut bare.tables {
        table.updated_at = None;
        table.audit = false;
        table.security = Default::default();
    }
    bare
}

/// `live` with what drift compares on its own (views, triggers, functions, roles and grants,
/// and per table `updated_at`, auditing, partitioning and row-level security, which
/// introspection does not read everywhere) taken from `target`, so the schema diff, which
/// covers them since migrations do, leaves them to `view_differences` and
/// `routine_differences` as before.
fn separately_compared_as_declared(mut live: Schema, target: &Schema) -> Schema {
    live.views = target.views.clone();
    live.triggers = target.triggers.clone();
    live.functions = target.functions.clone();
    live.security = target.security.clone();
    for table in &mut live.tables {
        if let Some(declared) = target.table(&table.name) {
            table.updated_at = declared.updated_at.clone();
            table.audit = declared.audit;
            table.partitioning = declared.partitioning.clone();
            table.security = declared.security.clone();
        }
    }
    live
}

/// For each kind of object: where the live and declared objects of one name are equal in
/// canonical form, take the declared object.
fn align_table(table: &mut TableDef, declared: &TableDef, live: &TableDef, canon: &TableDef) {
    macro_rules! align {
        ($field:ident) => {
            for object in &mut table.$field {
                let same = |list: &[_]| list.iter().find(|o: &&_| same_name(*o, object)).cloned();
                let (Some(l), Some(d), Some(original)) = (
                    same(&live.$field),
                    same(&canon.$field),
                    same(&declared.$field),
                ) else {
                    continue;
                };
                if l == d {
                    *object = original;
                }
            }
        };
    }
    align!(columns);
    align!(checks);
    align!(indexes);
    align!(exclusions);
    if live.comment == canon.comment {
        table.comment = declared.comment.clone();
    }
}

/// Objects that carry a name.
trait Named {
    fn name(&self) -> &str;
}

macro_rules! named {
    ($($t:ty),*) => {
        $(impl Named for $t {
            fn name(&self) -> &str {
                &self.name
            }
        })*
    };
}
named!(
    Column,
    schema_core::Check,
    schema_core::Index,
    schema_core::Exclusion
);

fn same_name<T: Named>(a: &T, b: &T) -> bool {
    a.name() == b.name()
}

/// One change in words, from the database's side.
fn describe(change: &Change) -> Vec<String> {
    let one = |text: String| vec![text];
    match change {
        Change::CreateExtension(name) => one(format!(
            "extension `{name}` is not installed in the database"
        )),
        Change::DropExtension(name) => one(format!(
            "extension `{name}` is installed in the database but not declared in the code"
        )),
        Change::CreateEnum(e) => one(format!(
            "enum type `{}` is missing from the database",
            e.name
        )),
        Change::DropEnum(e) => one(format!(
            "enum type `{}` is in the database but not in the code",
            e.name
        )),
        Change::AddEnumValues { from, to } | Change::ReplaceEnum { from, to } => one(format!(
            "enum type `{}` has values {:?} in the database but {:?} in the code",
            to.name, from.values, to.values
        )),
        Change::CreateDomain(d) => one(format!("domain `{}` is missing from the database", d.name)),
        Change::DropDomain(d) => one(format!(
            "domain `{}` is in the database but not in the code",
            d.name
        )),
        Change::ReplaceDomain { from, to } => one(format!(
            "domain `{}` is `{}` CHECK ({}) in the database but `{}` CHECK ({}) in the code",
            to.name, from.base, from.check, to.base, to.check
        )),
        Change::CreateTable(t) => one(format!("table `{}` is missing from the database", t.name)),
        Change::DropTable(t) => one(format!(
            "table `{}` is in the database but not in the code",
            t.name
        )),
        Change::RenameTable { from, to } => {
            one(format!("table `{to}` is called `{from}` in the database"))
        }
        Change::AlterTable(alter) => alter
            .changes
            .iter()
            .flat_map(|c| describe_table_change(&alter.to.name, c))
            .collect(),
        // Views and routines are compared (and described) by `view_differences` and
        // `routine_differences`.
        Change::CreateView(_)
        | Change::DropView(_)
        | Change::CreateTrigger(_)
        | Change::DropTrigger(_)
        | Change::CreateFunction(_)
        | Change::DropFunction(_) => Vec::new(),
        Change::ChangeSecurity { .. } => {
            one("roles, grants or default privileges differ".to_string())
        }
    }
}

fn describe_table_change(table: &str, change: &TableChange) -> Vec<String> {
    let missing = |kind: &str, name: &str| {
        vec![format!(
            "table `{table}`: {kind} `{name}` is missing from the database"
        )]
    };
    let extra = |kind: &str, name: &str| {
        vec![format!(
            "table `{table}`: {kind} `{name}` is in the database but not in the code"
        )]
    };
    match change {
        TableChange::RenameColumn { from, to } => vec![format!(
            "table `{table}`: column `{to}` is called `{from}` in the database"
        )],
        TableChange::AddColumn(c) => missing("column", &c.name),
        TableChange::DropColumn(c) => extra("column", &c.name),
        TableChange::AlterColumn { from, to } => column_differences(table, from, to),
        TableChange::AddPrimaryKey(k) => missing("primary key", &k.name),
        TableChange::DropPrimaryKey(k) => extra("primary key", &k.name),
        TableChange::AddUnique(u) => missing("unique constraint", &u.name),
        TableChange::DropUnique(u) => extra("unique constraint", &u.name),
        TableChange::AddCheck(c) => missing("check", &c.name),
        TableChange::DropCheck(c) => extra("check", &c.name),
        TableChange::AddForeignKey(k) => missing("foreign key", &k.name),
        TableChange::DropForeignKey(k) => extra("foreign key", &k.name),
        TableChange::AddIndex(i) => missing("index", &i.name),
        TableChange::DropIndex(i) => extra("index", &i.name),
        TableChange::AddExclusion(e) => missing("exclusion constraint", &e.name),
        TableChange::DropExclusion(e) => extra("exclusion constraint", &e.name),
        TableChange::SetComment { from, to } => vec![format!(
            "table `{table}`: the comment is {} in the database but {} in the code",
            shown(from.as_deref()),
            shown(to.as_deref())
        )],
        TableChange::SetWithoutRowid(on) => vec![format!(
            "table `{table}`: WITHOUT ROWID is {} in the database but {} in the code",
            if *on { "off" } else { "on" },
            if *on { "on" } else { "off" }
        )],
        TableChange::SetPartitioning { .. } => {
            vec![format!("table `{table}`: the partitioning differs")]
        }
        TableChange::SetUpdatedAt { from, to } => vec![format!(
            "table `{table}`: the updated_at column is {} in the database but {} in the code",
            shown(from.as_deref()),
            shown(to.as_deref())
        )],
        TableChange::SetAudit(on) => vec![format!(
            "table `{table}`: auditing is {} in the database but {} in the code",
            if *on { "off" } else { "on" },
            if *on { "on" } else { "off" }
        )],
        TableChange::SetSecurity { .. } => {
            vec![format!("table `{table}`: row-level security differs")]
        }
    }
}

fn shown(text: Option<&str>) -> String {
    text.map_or_else(|| "none".to_string(), |t| format!("{t:?}"))
}

/// Each property of a column that differs, in words.
fn column_differences(table: &str, live: &Column, code: &Column) -> Vec<String> {
    let at = format!("table `{table}`: column `{}`", code.name);
    let mut found = Vec::new();
    if live.sql_type != code.sql_type {
        found.push(format!(
            "{at} is `{}` in the database but `{}` in the code",
            live.sql_type, code.sql_type
        ));
    }
    if live.nullable != code.nullable {
        let word = |nullable: bool| if nullable { "nullable" } else { "NOT NULL" };
        found.push(format!(
            "{at} is {} in the database but {} in the code",
            word(live.nullable),
            word(code.nullable)
        ));
    }
    if live.default != code.default {
        found.push(format!(
            "{at} has default {} in the database but {} in the code",
            default_words(live),
            default_words(code)
        ));
    }
    if live.identity != code.identity {
        found.push(format!(
            "{at} has identity {:?} in the database but {:?} in the code",
            live.identity, code.identity
        ));
    }
    if live.generated != code.generated {
        let words = |c: &Column| {
            c.generated.as_ref().map_or_else(
                || "not generated".to_string(),
                |g| format!("generated as ({})", g.expr),
            )
        };
        found.push(format!(
            "{at} is {} in the database but {} in the code",
            words(live),
            words(code)
        ));
    }
    if live.collation != code.collation {
        found.push(format!(
            "{at} has collation {:?} in the database but {:?} in the code",
            live.collation.values().next(),
            code.collation.values().next()
        ));
    }
    if live.comment != code.comment {
        found.push(format!(
            "{at} has comment {} in the database but {} in the code",
            shown(live.comment.as_deref()),
            shown(code.comment.as_deref())
        ));
    }
    if found.is_empty() {
        found.push(format!("{at} differs"));
    }
    found
}

fn default_words(column: &Column) -> String {
    use schema_core::{ColumnDefault, Literal};
    match &column.default {
        None => "none".into(),
        Some(ColumnDefault::Now) => "now".into(),
        Some(ColumnDefault::CurrentDate) => "the current date".into(),
        Some(ColumnDefault::RandomUuid) => "a random UUID".into(),
        Some(ColumnDefault::Sql(sql)) => format!("`{sql}`"),
        Some(ColumnDefault::Value(Literal::Bool(b))) => b.to_string(),
        Some(ColumnDefault::Value(Literal::Int(n))) => n.to_string(),
        Some(ColumnDefault::Value(Literal::Number(n))) => n.clone(),
        Some(ColumnDefault::Value(Literal::Text(t))) => format!("{t:?}"),
    }
}
