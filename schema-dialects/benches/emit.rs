//! Runtime benches over the corpus (`benches/corpus`): validation, the three engine scripts,
//! the advisor, the diagrams and the data dictionary, for 30, 300, 3,000 and 10,000 tables.
//!
//! Throughput is in tables, so criterion's `thrpt` line is tables per second and the per-table
//! time is `time / N`; `benches/run.sh` runs this and prints the per-table table.
//! `CORPUS_SIZES=30,300` limits the sizes (a quick run).

mod corpus;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group};
use schema_core::{Engine, Schema, advisor, erd};
use schema_dialects::{dialect, dictionary};

/// A dialect-free diagram renderer.
type DiagramFn = fn(&Schema) -> String;
/// A dictionary renderer over some engines.
type DictionaryFn = fn(&Schema, &[Engine]) -> String;

const ENGINES: [Engine; 3] = [Engine::Postgres, Engine::MySql, Engine::Sqlite];

fn sizes() -> Vec<usize> {
    match std::env::var("CORPUS_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|n| {
                n.trim()
                    .parse()
                    .expect("CORPUS_SIZES: a comma-separated list of sizes")
            })
            .collect(),
        Err(_) => corpus::SIZES.to_vec(),
    }
}

/// Fewer samples for the large corpora, so a full run stays within minutes.
fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    n: usize,
) {
    group.throughput(Throughput::Elements(n as u64));
    group.sample_size(if n >= 3_000 { 10 } else { 20 });
}

fn benches(c: &mut Criterion) {
    for n in sizes() {
        let tables = corpus::tables(n);
        let schema = corpus::schema(n);

        let mut group = c.benchmark_group("validate");
        configure(&mut group, n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &tables, |b, tables| {
            b.iter_batched(
                || tables.clone(),
                |tables| {
                    let builder = tables
                        .into_iter()
                        .fold(Schema::builder(), |b, t| b.table_def(t));
                    builder.build().expect("the corpus is valid")
                },
                BatchSize::LargeInput,
            )
        });
        group.finish();

        for engine in ENGINES {
            let mut group = c.benchmark_group(format!("script/{}", engine.key()));
            configure(&mut group, n);
            group.bench_with_input(BenchmarkId::from_parameter(n), &schema, |b, schema| {
                b.iter(|| dialect(engine).render(schema).expect("renders").to_string())
            });
            group.finish();
        }

        let mut group = c.benchmark_group("script/all-engines");
        configure(&mut group, n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &schema, |b, schema| {
            b.iter(|| {
                ENGINES.map(|engine| dialect(engine).render(schema).expect("renders").to_string())
            })
        });
        group.finish();

        let mut group = c.benchmark_group("advisor");
        configure(&mut group, n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &schema, |b, schema| {
            b.iter(|| advisor::advise(schema))
        });
        group.finish();

        let renderers: [(&str, DiagramFn); 3] = [
            ("diagram/mermaid", erd::mermaid),
            ("diagram/dbml", erd::dbml),
            ("diagram/dot", erd::dot),
        ];
        for (name, render) in renderers {
            let mut group = c.benchmark_group(name);
            configure(&mut group, n);
            group.bench_with_input(BenchmarkId::from_parameter(n), &schema, |b, schema| {
                b.iter(|| render(black_box(schema)))
            });
            group.finish();
        }

        let next = corpus::evolved(n);
        let mut group = c.benchmark_group("diff");
        configure(&mut group, n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &next, |b, next| {
            b.iter(|| schema_core::diff::diff(black_box(&schema), next))
        });
        group.finish();

        // The evolved corpus drops a column per group and tightens a CHECK: acknowledged.
        let losses: Vec<String> = schema_core::diff::diff(&schema, &next)
            .data_loss()
            .iter()
            .map(|loss| loss.key())
            .collect();
        let acknowledged: Vec<&str> = losses.iter().map(String::as_str).collect();
        let mut group = c.benchmark_group("migration/postgres");
        configure(&mut group, n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &next, |b, next| {
            b.iter(|| {
                schema_dialects::migrate::migration(Engine::Postgres, &schema, next, &acknowledged)
                    .expect("the migration renders")
            })
        });
        group.finish();

        let dictionaries: [(&str, DictionaryFn); 2] = [
            ("dictionary/markdown", dictionary::markdown),
            ("dictionary/html", dictionary::html),
        ];
        for (name, render) in dictionaries {
            let mut group = c.benchmark_group(name);
            configure(&mut group, n);
            group.bench_with_input(BenchmarkId::from_parameter(n), &schema, |b, schema| {
                b.iter(|| render(black_box(schema), &ENGINES))
            });
            group.finish();
        }
    }
}

criterion_group! {
    name = emit;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = benches
}

/// `CORPUS_ONCE=1`: each operation once per size, each in its own function, for an instruction
/// count that does not depend on the load of the machine (`benches/instructions.sh` runs this
/// under callgrind and reads the inclusive cost of every `once_*` function).
mod once {
    use super::*;

    pub fn run() {
        for n in sizes() {
            let tables = corpus::tables(n);
            let schema = corpus::schema(n);
            let next = corpus::evolved(n);
            let losses: Vec<String> = schema_core::diff::diff(&schema, &next)
                .data_loss()
                .iter()
                .map(|loss| loss.key())
                .collect();
            let acknowledged: Vec<&str> = losses.iter().map(String::as_str).collect();
            black_box(once_validate(tables));
            black_box(once_script_postgres(&schema));
            black_box(once_script_mysql(&schema));
            black_box(once_script_sqlite(&schema));
            black_box(once_advisor(&schema));
            black_box(once_diagram_mermaid(&schema));
            black_box(once_diagram_dbml(&schema));
            black_box(once_diagram_dot(&schema));
            black_box(once_dictionary_markdown(&schema));
            black_box(once_dictionary_html(&schema));
            black_box(once_diff(&schema, &next));
            black_box(once_migration_postgres(&schema, &next, &acknowledged));
        }
    }

    #[inline(never)]
    fn once_validate(tables: Vec<schema_core::TableDef>) -> Schema {
        let builder = tables
            .into_iter()
            .fold(Schema::builder(), |b, t| b.table_def(t));
        builder.build().expect("the corpus is valid")
    }

    #[inline(never)]
    fn once_script_postgres(schema: &Schema) -> String {
        dialect(Engine::Postgres)
            .render(schema)
            .expect("renders")
            .to_string()
    }

    #[inline(never)]
    fn once_script_mysql(schema: &Schema) -> String {
        dialect(Engine::MySql)
            .render(schema)
            .expect("renders")
            .to_string()
    }

    #[inline(never)]
    fn once_script_sqlite(schema: &Schema) -> String {
        dialect(Engine::Sqlite)
            .render(schema)
            .expect("renders")
            .to_string()
    }

    #[inline(never)]
    fn once_advisor(schema: &Schema) -> advisor::Advice {
        advisor::advise(schema)
    }

    #[inline(never)]
    fn once_diagram_mermaid(schema: &Schema) -> String {
        erd::mermaid(schema)
    }

    #[inline(never)]
    fn once_diagram_dbml(schema: &Schema) -> String {
        erd::dbml(schema)
    }

    #[inline(never)]
    fn once_diagram_dot(schema: &Schema) -> String {
        erd::dot(schema)
    }

    #[inline(never)]
    fn once_dictionary_markdown(schema: &Schema) -> String {
        dictionary::markdown(schema, &ENGINES)
    }

    #[inline(never)]
    fn once_dictionary_html(schema: &Schema) -> String {
        dictionary::html(schema, &ENGINES)
    }

    #[inline(never)]
    fn once_diff(schema: &Schema, next: &Schema) -> schema_core::diff::Diff {
        schema_core::diff::diff(schema, next)
    }

    #[inline(never)]
    fn once_migration_postgres(
        schema: &Schema,
        next: &Schema,
        acknowledged: &[&str],
    ) -> schema_dialects::migrate::Migration {
        schema_dialects::migrate::migration(Engine::Postgres, schema, next, acknowledged)
            .expect("the migration renders")
    }
}

fn main() {
    if std::env::var_os("CORPUS_ONCE").is_some() {
        once::run();
        return;
    }
    emit();
    Criterion::default().configure_from_args().final_summary();
}
