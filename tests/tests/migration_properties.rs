//! Property test: random schemas and random edits round-trip on every engine. For each pair
//! (A, B): A is built by its initial migration and filled with rows; the migration A → B runs
//! through sqlx's migrator; the catalog then equals B built directly; every column B keeps from
//! A (under its old or new name) holds the same values; migrating down restores A's catalog
//! and the values again.
//!
//! 200 cases per engine by default, spread over a few threads per server; `PROPTEST_CASES`
//! raises it.

#[path = "migrations/support.rs"]
#[allow(dead_code)]
mod support;

use std::cell::RefCell;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use schema_core::diff::diff;
use schema_core::{
    Column, ColumnDefault, Engine, ForeignKey, Index, Literal, Schema, SqlType, TableDef,
};
use schema_dialects::dialect;
use schema_dialects::migrate::{migration, next_version, write_migration};
use schema_tests::TestDb;

/// Column types whose values print the same after every widening below.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Ty {
    SmallInt,
    Integer,
    BigInt,
    Varchar(u32),
    Text,
    Boolean,
    Double,
    Decimal(u16),
    Date,
}

impl Ty {
    fn sql(self) -> SqlType {
        match self {
            Ty::SmallInt => SqlType::SmallInt,
            Ty::Integer => SqlType::Integer,
            Ty::BigInt => SqlType::BigInt,
            Ty::Varchar(n) => SqlType::Varchar(n),
            Ty::Text => SqlType::Text,
            Ty::Boolean => SqlType::Boolean,
            Ty::Double => SqlType::Double,
            Ty::Decimal(p) => SqlType::Decimal {
                precision: Some(p),
                scale: Some(2),
            },
            Ty::Date => SqlType::Date,
        }
    }

    /// A wider type holding every value, or `None`.
    fn widened(self) -> Option<Ty> {
        Some(match self {
            Ty::SmallInt => Ty::Integer,
            Ty::Integer => Ty::BigInt,
            Ty::Varchar(20) => Ty::Varchar(40),
            Ty::Varchar(_) => Ty::Text,
            Ty::Decimal(p) => Ty::Decimal(p + 2),
            _ => return None,
        })
    }

    /// The SQL literal of row `i`'s value.
    fn value(self, i: usize) -> String {
        match self {
            Ty::SmallInt | Ty::Integer | Ty::BigInt => (i * 7 + 1).to_string(),
            Ty::Varchar(_) | Ty::Text => format!("'v{i}'"),
            Ty::Boolean => if i.is_multiple_of(2) { "TRUE" } else { "FALSE" }.to_string(),
            Ty::Double => format!("{i}.5"),
            Ty::Decimal(_) => format!("{i}.25"),
            Ty::Date => format!("'2024-01-0{}'", i + 1),
        }
    }

    /// A default of the type; `alternative` gives a second one.
    fn default(self, alternative: bool) -> ColumnDefault {
        let n = if alternative { 6 } else { 5 };
        match self {
            Ty::SmallInt | Ty::Integer | Ty::BigInt => ColumnDefault::int(n),
            Ty::Varchar(_) | Ty::Text => ColumnDefault::text(format!("d{n}")),
            Ty::Boolean => ColumnDefault::bool(alternative),
            Ty::Double | Ty::Decimal(_) => ColumnDefault::Value(Literal::Number(format!("{n}.5"))),
            Ty::Date => ColumnDefault::text(format!("2020-01-0{n}")),
        }
    }

    /// Whether every engine can index it without a prefix length.
    fn indexable(self) -> bool {
        !matches!(self, Ty::Text)
    }
}

#[derive(Clone, Debug)]
struct Col {
    name: String,
    ty: Ty,
    nullable: bool,
    default: Option<bool>,
    renamed_from: Option<String>,
    /// Referenced table, for `ref_*` columns.
    references: Option<String>,
    /// Added by an edit: existing rows all hold its default (or NULL).
    added: bool,
}

#[derive(Clone, Debug)]
struct Tab {
    name: String,
    renamed_from: Option<String>,
    columns: Vec<Col>,
    indexes: Vec<String>,
    uniques: Vec<String>,
    checks: Vec<String>,
}

fn ty() -> impl Strategy<Value = Ty> {
    prop::sample::select(vec![
        Ty::SmallInt,
        Ty::Integer,
        Ty::BigInt,
        Ty::Varchar(20),
        Ty::Varchar(30),
        Ty::Text,
        Ty::Boolean,
        Ty::Double,
        Ty::Decimal(10),
        Ty::Date,
    ])
}

fn col(prefix: &'static str) -> impl Strategy<Value = Col> {
    (
        0u32..1000,
        ty(),
        any::<bool>(),
        prop::option::of(any::<bool>()),
    )
        .prop_map(move |(n, ty, nullable, default)| Col {
            name: format!("{prefix}{n}"),
            ty,
            nullable,
            default: default.map(|_| false),
            renamed_from: None,
            references: None,
            added: false,
        })
}

fn tables() -> impl Strategy<Value = Vec<Tab>> {
    prop::collection::vec(
        (
            prop::collection::vec(col("c"), 1..5),
            prop::collection::vec(any::<prop::sample::Index>(), 0..2),
            prop::option::of(any::<prop::sample::Index>()),
        ),
        1..4,
    )
    .prop_map(|specs| {
        let mut tables = Vec::new();
        for (i, (mut columns, indexed, parent)) in specs.into_iter().enumerate() {
            columns.dedup_by(|a, b| a.name == b.name);
            let mut seen = std::collections::BTreeSet::new();
            columns.retain(|c| seen.insert(c.name.clone()));
            let indexes = indexed
                .iter()
                .map(|ix| &columns[ix.index(columns.len())])
                .filter(|c| c.ty.indexable())
                .map(|c| c.name.clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            if let (Some(parent), true) = (parent, i > 0) {
                let target = format!("t{}", parent.index(i));
                columns.push(Col {
                    name: format!("ref_{target}"),
                    ty: Ty::BigInt,
                    nullable: true,
                    default: None,
                    renamed_from: None,
                    references: Some(target),
                    added: false,
                });
            }
            tables.push(Tab {
                name: format!("t{i}"),
                renamed_from: None,
                columns,
                indexes,
                uniques: Vec::new(),
                checks: Vec::new(),
            });
        }
        tables
    })
}

/// One random edit; indexes pick a table and a column.
#[derive(Clone, Debug)]
enum Edit {
    AddColumn(prop::sample::Index, Col),
    DropColumn(prop::sample::Index, prop::sample::Index),
    RenameColumn(prop::sample::Index, prop::sample::Index),
    RenameTable(prop::sample::Index),
    Widen(prop::sample::Index, prop::sample::Index),
    MakeNullable(prop::sample::Index, prop::sample::Index),
    MakeNotNullWithDefault(prop::sample::Index, prop::sample::Index),
    ChangeDefault(prop::sample::Index, prop::sample::Index),
    DropDefault(prop::sample::Index, prop::sample::Index),
    AddIndex(prop::sample::Index, prop::sample::Index),
    DropIndexes(prop::sample::Index),
    AddUnique(prop::sample::Index, prop::sample::Index),
    AddCheck(prop::sample::Index, prop::sample::Index),
    AddTable(Col),
    DropTable(prop::sample::Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    let ix = any::<prop::sample::Index>;
    prop_oneof![
        (ix(), col("n")).prop_map(|(t, mut c)| {
            // Existing rows need a value: nullable or with a default.
            if !c.nullable && c.default.is_none() {
                c.default = Some(false);
            }
            c.added = true;
            Edit::AddColumn(t, c)
        }),
        (ix(), ix()).prop_map(|(t, c)| Edit::DropColumn(t, c)),
        (ix(), ix()).prop_map(|(t, c)| Edit::RenameColumn(t, c)),
        ix().prop_map(Edit::RenameTable),
        (ix(), ix()).prop_map(|(t, c)| Edit::Widen(t, c)),
        (ix(), ix()).prop_map(|(t, c)| Edit::MakeNullable(t, c)),
        (ix(), ix()).prop_map(|(t, c)| Edit::MakeNotNullWithDefault(t, c)),
        (ix(), ix()).prop_map(|(t, c)| Edit::ChangeDefault(t, c)),
        (ix(), ix()).prop_map(|(t, c)| Edit::DropDefault(t, c)),
        (ix(), ix()).prop_map(|(t, c)| Edit::AddIndex(t, c)),
        ix().prop_map(Edit::DropIndexes),
        (ix(), ix()).prop_map(|(t, c)| Edit::AddUnique(t, c)),
        (ix(), ix()).prop_map(|(t, c)| Edit::AddCheck(t, c)),
        col("c").prop_map(Edit::AddTable),
        ix().prop_map(Edit::DropTable),
    ]
}

/// Applies an edit to the tables of B (already a copy of A). Renames are declared, and every
/// reference to a renamed object follows it.
fn apply(tables: &mut Vec<Tab>, edit: &Edit) {
    if tables.is_empty() {
        return;
    }
    let count = tables.len();
    let pick = |t: &prop::sample::Index| t.index(count);
    match edit {
        Edit::AddColumn(t, c) => {
            let table = &mut tables[pick(t)];
            if table.columns.iter().all(|x| x.name != c.name) {
                table.columns.push(c.clone());
            }
        }
        Edit::DropColumn(t, c) => {
            let table = &mut tables[pick(t)];
            if table.columns.len() > 1 {
                let name = table.columns.remove(c.index(table.columns.len())).name;
                table.indexes.retain(|x| *x != name);
                table.uniques.retain(|x| *x != name);
                table.checks.retain(|x| *x != name);
            }
        }
        Edit::RenameColumn(t, c) => {
            let table = &mut tables[pick(t)];
            let n = table.columns.len();
            let column = &mut table.columns[c.index(n)];
            if column.renamed_from.is_none() {
                let old = column.name.clone();
                let new = format!("{old}_r");
                column.renamed_from = Some(old.clone());
                column.name = new.clone();
                for list in [&mut table.indexes, &mut table.uniques, &mut table.checks] {
                    for name in list.iter_mut().filter(|n| **n == old) {
                        *name = new.clone();
                    }
                }
            }
        }
        Edit::RenameTable(t) => {
            let i = pick(t);
            if tables[i].renamed_from.is_none() {
                let old = tables[i].name.clone();
                let new = format!("{old}_r");
                tables[i].renamed_from = Some(old.clone());
                tables[i].name = new.clone();
                for column in tables.iter_mut().flat_map(|t| &mut t.columns) {
                    if column.references.as_deref() == Some(&old) {
                        column.references = Some(new.clone());
                    }
                }
            }
        }
        Edit::Widen(t, c) => {
            let table = &mut tables[pick(t)];
            let n = table.columns.len();
            let column = &mut table.columns[c.index(n)];
            if let Some(wider) = column.ty.widened()
                && column.references.is_none()
                && (wider.indexable()
                    || !table.indexes.contains(&column.name)
                        && !table.uniques.contains(&column.name))
            {
                column.ty = wider;
            }
        }
        Edit::MakeNullable(t, c) => {
            let table = &mut tables[pick(t)];
            let n = table.columns.len();
            table.columns[c.index(n)].nullable = true;
        }
        Edit::MakeNotNullWithDefault(t, c) => {
            let table = &mut tables[pick(t)];
            let n = table.columns.len();
            let column = &mut table.columns[c.index(n)];
            if column.references.is_none() && !table.uniques.contains(&column.name) {
                column.nullable = false;
                column.default.get_or_insert(false);
            }
        }
        Edit::ChangeDefault(t, c) => {
            let table = &mut tables[pick(t)];
            let n = table.columns.len();
            let column = &mut table.columns[c.index(n)];
            if column.references.is_none() {
                column.default = Some(!column.default.unwrap_or(true));
            }
        }
        Edit::DropDefault(t, c) => {
            let table = &mut tables[pick(t)];
            let n = table.columns.len();
            let column = &mut table.columns[c.index(n)];
            if column.nullable {
                column.default = None;
            }
        }
        Edit::AddIndex(t, c) | Edit::AddUnique(t, c) => {
            let table = &mut tables[pick(t)];
            let n = table.columns.len();
            let column = table.columns[c.index(n)].clone();
            let unique = matches!(edit, Edit::AddUnique(..));
            // Unique values only where rows differ: booleans repeat, defaults may.
            let fits = column.ty.indexable()
                && (!unique
                    || (!matches!(column.ty, Ty::Boolean)
                        && column.references.is_none()
                        && !column.added));
            let list = if unique {
                &mut table.uniques
            } else {
                &mut table.indexes
            };
            if fits && !list.contains(&column.name) {
                list.push(column.name);
            }
        }
        Edit::DropIndexes(t) => tables[pick(t)].indexes.clear(),
        Edit::AddCheck(t, c) => {
            let table = &mut tables[pick(t)];
            let n = table.columns.len();
            let name = table.columns[c.index(n)].name.clone();
            if !table.checks.contains(&name) {
                table.checks.push(name);
            }
        }
        Edit::AddTable(c) => {
            let name = format!("t{}", tables.len() + 10);
            if tables.iter().all(|t| t.name != name) {
                tables.push(Tab {
                    name,
                    renamed_from: None,
                    columns: vec![c.clone()],
                    indexes: Vec::new(),
                    uniques: Vec::new(),
                    checks: Vec::new(),
                });
            }
        }
        Edit::DropTable(t) => {
            let i = pick(t);
            let name = tables[i].name.clone();
            let referenced = tables
                .iter()
                .flat_map(|t| &t.columns)
                .any(|c| c.references.as_deref() == Some(&name));
            if !referenced && tables.len() > 1 {
                tables.remove(i);
            }
        }
    }
}

fn schema(tables: &[Tab]) -> Result<Schema, String> {
    let mut builder = Schema::builder();
    for tab in tables {
        let mut table = TableDef::new(&tab.name)
            .column(Column::new("id", SqlType::BigInt))
            .primary_key(["id"]);
        if let Some(from) = &tab.renamed_from {
            table = table.renamed_from(from);
        }
        for col in &tab.columns {
            let mut column = Column::new(&col.name, col.ty.sql());
            column.nullable = col.nullable;
            column.default = col.default.map(|alt| col.ty.default(alt));
            column.renamed_from = col.renamed_from.clone();
            table = table.column(column);
            if let Some(target) = &col.references {
                table = table.foreign_key(ForeignKey::to(target, ["id"]).columns([&col.name]));
            }
        }
        for name in &tab.indexes {
            table = table.index(Index::on([name]));
        }
        for name in &tab.uniques {
            table = table.unique([name]);
        }
        for name in &tab.checks {
            table = table.column_check(name, format!("{name} IS NULL OR {name} = {name}"));
        }
        builder = builder.table_def(table);
    }
    builder.build().map_err(|e| e.to_string())
}

const ROWS: usize = 3;

/// Rows: ids 1..=3, values by row; nullable columns NULL in the first row; references to an
/// existing parent row.
fn insert_rows(db: &mut TestDb, tables: &[Tab]) {
    for tab in tables {
        for i in 0..ROWS {
            let mut names = vec!["id".to_string()];
            let mut values = vec![(i + 1).to_string()];
            for col in &tab.columns {
                names.push(col.name.clone());
                values.push(match (&col.references, col.nullable && i == 0) {
                    (Some(_), _) => (i + 1).to_string(),
                    (None, true) => "NULL".to_string(),
                    (None, false) => col.ty.value(i),
                });
            }
            db.run(&format!(
                "INSERT INTO {} ({}) VALUES ({})",
                tab.name,
                names.join(", "),
                values.join(", ")
            ));
        }
    }
}

/// Every value of `table.column` as text, by id.
fn values(db: &mut TestDb, table: &str, column: &str) -> Vec<Option<String>> {
    let text = match db.engine() {
        Engine::MySql => "CHAR",
        _ => "TEXT",
    };
    db.rows(&format!(
        "SELECT CAST({column} AS {text}) FROM {table} ORDER BY id"
    ))
    .into_iter()
    .map(|row| row.into_iter().next().flatten())
    .collect()
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200)
}

/// The column of A that B's `(table, column)` keeps, if any.
fn source<'a>(a: &'a [Tab], table: &Tab, column: &Col) -> Option<(&'a Tab, &'a Col)> {
    let table_name = table.renamed_from.as_deref().unwrap_or(&table.name);
    let old_table = a.iter().find(|t| t.name == table_name)?;
    let column_name = column.renamed_from.as_deref().unwrap_or(&column.name);
    let old_column = old_table.columns.iter().find(|c| c.name == column_name)?;
    Some((old_table, old_column))
}

/// Runs the cases in `streams` threads, each with its own databases: the servers spend most of
/// the time waiting on disk for DDL, so the streams overlap.
fn run(engine: Engine, streams: u32) {
    if TestDb::new(engine).is_none() {
        return;
    }
    let total = cases();
    let threads: Vec<_> = (0..streams)
        .map(|i| {
            let share = total / streams + u32::from(i < total % streams);
            std::thread::spawn(move || run_stream(engine, share))
        })
        .collect();
    let failures: Vec<String> = threads
        .into_iter()
        .filter_map(|t| match t.join() {
            Ok(Ok(())) => None,
            Ok(Err(message)) => Some(message),
            Err(_) => Some(format!("{engine}: a stream panicked")),
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn run_stream(engine: Engine, cases: u32) -> Result<(), String> {
    let migrated = TestDb::new(engine).expect("engine available");
    let direct = TestDb::new(engine).expect("engine available");
    let dbs = RefCell::new((migrated, direct));
    let mut runner = TestRunner::new(Config {
        cases,
        max_shrink_iters: 100,
        ..Config::default()
    });
    let strategy = (tables(), prop::collection::vec(edit(), 1..5));
    let result = runner.run(&strategy, |(a_tables, edits)| {
        let mut b_tables = a_tables.clone();
        for edit in &edits {
            apply(&mut b_tables, edit);
        }
        let (Ok(a), Ok(b)) = (schema(&a_tables), schema(&b_tables)) else {
            return Err(TestCaseError::reject("edits made an invalid schema"));
        };
        let (db, direct) = &mut *dbs.borrow_mut();
        support::reset(db);
        support::reset(direct);
        let dir = support::scratch_dir(engine);
        let write = |from: &Schema, to: &Schema, name: &str| -> Result<i64, TestCaseError> {
            let acknowledged: Vec<String> =
                diff(from, to).data_loss().iter().map(|l| l.key()).collect();
            let acknowledged: Vec<&str> = acknowledged.iter().map(String::as_str).collect();
            let m = migration(engine, from, to, &acknowledged)
                .map_err(|e| TestCaseError::fail(format!("{engine}: {e}")))?;
            let version = next_version(&dir).unwrap();
            write_migration(&dir, version, name, &m).unwrap();
            Ok(version - 1)
        };
        write(&Schema::default(), &a, "initial")?;
        db.migrate(&dir)
            .map_err(|e| TestCaseError::fail(format!("{engine}: initial: {e}")))?;
        insert_rows(db, &a_tables);
        let catalog_a = support::catalog(db);
        let mut before = Vec::new();
        for tab in &a_tables {
            for col in &tab.columns {
                before.push((
                    (tab.name.clone(), col.name.clone()),
                    values(db, &tab.name, &col.name),
                ));
            }
        }
        let version_a = write(&a, &b, "change")?;
        if let Err(e) = db.migrate(&dir) {
            return Err(TestCaseError::fail(format!("{engine}: up failed: {e}")));
        }
        let catalog_b = support::catalog(db);
        for statement in &dialect(engine).render(&b).unwrap().statements {
            direct.run(statement);
        }
        let built = support::catalog(direct);
        prop_assert!(
            catalog_b == built,
            "{engine}: migrated catalog differs from B\n{}",
            support::difference(&catalog_b, &built)
        );
        // Every kept column keeps its values (a NULL may become the new default).
        for tab in &b_tables {
            for col in &tab.columns {
                let Some((old_tab, old_col)) = source(&a_tables, tab, col) else {
                    continue;
                };
                let old = &before
                    .iter()
                    .find(|(key, _)| key.0 == old_tab.name && key.1 == old_col.name)
                    .expect("read before")
                    .1;
                let now = values(db, &tab.name, &col.name);
                for (was, is) in old.iter().zip(&now) {
                    if was.is_some() || col.nullable {
                        prop_assert_eq!(was, is, "{}: {}.{} after up", engine, tab.name, col.name);
                    }
                }
            }
        }
        // A down script that re-adds a dropped NOT NULL column without default cannot restore
        // its values, and says so in its header; the way down is checked for everything else.
        let down_loses = schema_core::diff::diff_back(&a, &b)
            .data_loss()
            .iter()
            .any(|l| l.kind == schema_core::diff::LossKind::AddRequiredColumn);
        if down_loses {
            let _ = std::fs::remove_dir_all(&dir);
            return Ok(());
        }
        db.undo(&dir, version_a)
            .map_err(|e| TestCaseError::fail(format!("{engine}: down failed: {e}")))?;
        let catalog_down = support::catalog(db);
        prop_assert!(
            catalog_down == catalog_a,
            "{engine}: down does not restore A\n{}",
            support::difference(&catalog_down, &catalog_a)
        );
        for tab in &b_tables {
            for col in &tab.columns {
                let Some((old_tab, old_col)) = source(&a_tables, tab, col) else {
                    continue;
                };
                if old_col.nullable && !col.nullable {
                    continue; // NULLs were filled with the default on the way up
                }
                let old = &before
                    .iter()
                    .find(|(key, _)| key.0 == old_tab.name && key.1 == old_col.name)
                    .expect("read before")
                    .1;
                prop_assert_eq!(
                    old,
                    &values(db, &old_tab.name, &old_col.name),
                    "{}: {}.{} after down",
                    engine,
                    old_tab.name,
                    old_col.name
                );
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    });
    result.map_err(|e| e.to_string())
}

#[test]
fn random_edits_round_trip_on_postgres() {
    run(Engine::Postgres, 3);
}

#[test]
fn random_edits_round_trip_on_mysql() {
    run(Engine::MySql, 4);
}

#[test]
fn random_edits_round_trip_on_sqlite() {
    run(Engine::Sqlite, 1);
}
