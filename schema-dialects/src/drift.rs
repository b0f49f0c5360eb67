//! Drift: how a live database differs from the declared schema, in words and as the migration
//! that would make the database match the code (feature `live`).
//!
//! The declared schema is first projected onto what the engine can hold
//! ([`as_deployed`](crate::introspect::as_deployed)); objects whose canonical forms agree
//! ([`comparable`](crate::introspect::comparable)) take the declared spelling, so only real
//! differences reach the diff ([`schema_core::diff`]). Every change it finds (tables, views,
//! triggers, functions, row-level security, partitioning) is said in words, and the fix is the
//! migration writer's ([`crate::migrate`]) from the database to the code. What the writer refuses
//! (changing an existing table's partitioning) is left out of the fix and named in a comment.
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
    let forward = schema_core::diff::diff(&aligned, &target);
    let differences = describe_all(&forward);
    let data_loss = forward.data_loss();
    let fix = fix(engine, &aligned, &target, &forward);
    Drift {
        engine,
        differences,
        diff: forward,
        fix,
        data_loss,
    }
}

/// The migration writer's migration from the database to the code. A change it refuses (a
/// table's partitioning) is left out of it and named in a comment step instead.
fn fix(engine: Engine, live: &Schema, target: &Schema, forward: &Diff) -> Migration {
    let mut reachable = target.clone();
    let mut not_fixed = Vec::new();
    for table in &mut reachable.tables {
        if let Some(existing) = live.table(&table.name)
            && existing.partitioning != table.partitioning
        {
            not_fixed.extend(partition_differences(
                &table.name,
                existing.partitioning.as_ref(),
                table.partitioning.as_ref(),
            ));
            table.partitioning = existing.partitioning.clone();
        }
    }
    let forward = if not_fixed.is_empty() {
        forward.clone()
    } else {
        schema_core::diff::diff(live, &reachable)
    };
    let mut fix = if forward.is_empty() {
        Migration {
            engine,
            steps: Vec::new(),
        }
    } else {
        crate::migrate::unguarded(engine, live, &reachable, &forward).unwrap_or_else(|error| {
            Migration {
                engine,
                steps: vec![MigrationStep {
                    suffix: "",
                    up: format!("-- no fix can be written: {error}\n"),
                    down: String::new(),
                }],
            }
        })
    };
    if !not_fixed.is_empty() {
        // Said in the fix itself, so nobody takes it for complete.
        let note: String = not_fixed
            .iter()
            .map(|d| {
                format!("-- not fixed by this script (the rows would have to move to a new table): {d}\n")
            })
            .collect();
        fix.steps.push(MigrationStep {
            suffix: "_partitioning",
            up: note,
            down: String::new(),
        });
    }
    fix
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

/// Row-level security in words: the mode, tenant isolation, then each policy missing, extra or
/// different.
fn security_differences(
    table: &str,
    live: &schema_core::TableSecurity,
    code: &schema_core::TableSecurity,
) -> Vec<String> {
    let mut found = Vec::new();
    if live.row_security != code.row_security {
        let words = |mode: Option<schema_core::RowSecurity>| match mode {
            None => "off".to_string(),
            Some(mode) => mode.key().replace('_', " "),
        };
        found.push(format!(
            "table `{table}`: row-level security is {} in the database but {} in the code",
            words(live.row_security),
            words(code.row_security)
        ));
    }
    if live.tenant != code.tenant {
        found.push(format!(
            "table `{table}`: tenant isolation is {} in the database but {} in the code",
            tenant_words(live.tenant.as_ref()),
            tenant_words(code.tenant.as_ref())
        ));
    }
    for policy in &code.policies {
        match live.policies.iter().find(|p| p.name == policy.name) {
            None => found.push(format!(
                "table `{table}`: policy `{}` is missing from the database",
                policy.name
            )),
            Some(other) if other != policy => found.push(format!(
                "table `{table}`: policy `{}` differs in the database",
                policy.name
            )),
            Some(_) => {}
        }
    }
    for policy in &live.policies {
        if !code.policies.iter().any(|p| p.name == policy.name) {
            found.push(format!(
                "table `{table}`: policy `{}` is in the database but not in the code",
                policy.name
            ));
        }
    }
    if found.is_empty() {
        found.push(format!("table `{table}`: row-level security differs"));
    }
    found
}

fn tenant_words(tenant: Option<&schema_core::TenantIsolation>) -> String {
    match tenant {
        None => "off".to_string(),
        Some(t) => format!("by `{}` from setting `{}`", t.column, t.setting),
    }
}

/// `live` with every object that equals its declared namesake in canonical form replaced by
/// the declared one, so spelling (quotes, parentheses, casts, bodies) is not reported as drift.
fn aligned(engine: Engine, live: &Schema, target: &Schema) -> Schema {
    let mut aligned = live.clone();
    for view in &mut aligned.views {
        // A view declared without a column list takes the query's names: nothing to compare.
        if target
            .view(&view.name)
            .is_some_and(|v| v.columns.is_empty())
        {
            view.columns.clear();
        }
    }
    let canonical_live = comparable(&aligned, engine);
    let canonical_target = comparable(target, engine);
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
    macro_rules! align {
        ($field:ident) => {
            for object in &mut aligned.$field {
                let same = |list: &[_]| list.iter().find(|o: &&_| same_name(*o, object)).cloned();
                if let (Some(l), Some(d), Some(original)) = (
                    same(&canonical_live.$field),
                    same(&canonical_target.$field),
                    same(&target.$field),
                ) && l == d
                {
                    *object = original;
                }
            }
        };
    }
    align!(views);
    align!(triggers);
    align!(functions);
    if canonical_live.security == canonical_target.security {
        aligned.security = target.security.clone();
    }
    aligned
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
    if live.security == canon.security {
        table.security = declared.security.clone();
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
    schema_core::Exclusion,
    schema_core::View,
    schema_core::Trigger,
    schema_core::Function
);

fn same_name<T: Named>(a: &T, b: &T) -> bool {
    a.name() == b.name()
}

/// Every change in words; a view, trigger or function dropped and created again under one name
/// is one difference.
fn describe_all(forward: &Diff) -> Vec<String> {
    let mut found = Vec::new();
    for change in &forward.changes {
        let replaced = forward
            .changes
            .iter()
            .find_map(|other| match (change, other) {
                (Change::DropView(old), Change::CreateView(new)) if old.name == new.name => {
                    Some(view_differs(old, new))
                }
                (Change::DropTrigger(old), Change::CreateTrigger(new)) if old.name == new.name => {
                    Some(format!("trigger `{}` differs in the database", new.name))
                }
                (Change::DropFunction(old), Change::CreateFunction(new))
                    if old.name == new.name =>
                {
                    Some(format!("function `{}` differs in the database", new.name))
                }
                _ => None,
            });
        let created_again = forward.changes.iter().any(|other| match (other, change) {
            (Change::DropView(old), Change::CreateView(new)) => old.name == new.name,
            (Change::DropTrigger(old), Change::CreateTrigger(new)) => old.name == new.name,
            (Change::DropFunction(old), Change::CreateFunction(new)) => old.name == new.name,
            _ => false,
        });
        match replaced {
            Some(words) => found.push(words),
            None if created_again => {}
            None => found.extend(describe(change)),
        }
    }
    found
}

/// A view whose definition differs, naming what differs.
fn view_differs(live: &schema_core::View, code: &schema_core::View) -> String {
    let mut what = Vec::new();
    if live.sql != code.sql {
        what.push("its query");
    }
    if live.columns != code.columns {
        what.push("its columns");
    }
    if live.materialized != code.materialized {
        what.push("whether it is materialized");
    }
    if live.security_invoker != code.security_invoker {
        what.push("whose rights it runs with");
    }
    if live.comment != code.comment {
        what.push("its comment");
    }
    if live.indexes != code.indexes {
        what.push("its indexes");
    }
    format!(
        "view `{}` differs in the database: {}",
        code.name,
        what.join(", ")
    )
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
        Change::CreateView(v) => one(format!("view `{}` is missing from the database", v.name)),
        Change::DropView(v) => one(format!(
            "view `{}` is in the database but not in the code",
            v.name
        )),
        Change::CreateTrigger(t) => {
            one(format!("trigger `{}` is missing from the database", t.name))
        }
        Change::DropTrigger(t) => one(format!(
            "trigger `{}` is in the database but not in the code",
            t.name
        )),
        Change::CreateFunction(f) => one(format!(
            "function `{}` is missing from the database",
            f.name
        )),
        Change::DropFunction(f) => one(format!(
            "function `{}` is in the database but not in the code",
            f.name
        )),
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
        TableChange::SetPartitioning { from, to } => {
            partition_differences(table, from.as_ref(), to.as_ref())
        }
        TableChange::SetUpdatedAt { from, to } => {
            let words = |c: &Option<String>| match c {
                Some(c) => format!("sets `{c}` on update"),
                None => "has no updated_at trigger".to_string(),
            };
            vec![format!(
                "table `{table}` {} in the database but {} in the code",
                words(from),
                words(to)
            )]
        }
        TableChange::SetAudit(on) => {
            let words = |on: bool| if on { "is audited" } else { "is not audited" };
            vec![format!(
                "table `{table}` {} in the database but {} in the code",
                words(!on),
                words(*on)
            )]
        }
        TableChange::SetSecurity { from, to } => security_differences(table, from, to),
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
