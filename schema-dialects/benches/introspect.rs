//! Introspection of a 300-table PostgreSQL database next to `pg_dump --schema-only` on the
//! same database: creates a fresh database, applies the corpus's PostgreSQL script, times both
//! (alternating, wall and — for pg_dump, a child process — user+sys), prints medians, drops the
//! database. Needs the `live` feature and a server:
//!
//! `SCHEMA_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test cargo bench -p schema-dialects --features live --bench introspect -- [runs=5] [tables=300]`

mod corpus;

use std::process::Command;
use std::time::{Duration, Instant};

use schema_core::Engine;
use sqlx::{AssertSqlSafe, Connection};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let runs: usize = args
        .first()
        .map_or(5, |n| n.parse().expect("runs: a number"));
    let tables: usize = args
        .get(1)
        .map_or(300, |n| n.parse().expect("tables: a number"));
    let server = std::env::var("SCHEMA_BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let name = format!("schema_bench_introspect_{}", std::process::id());
    let url = match server.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{name}"),
        None => panic!("SCHEMA_BENCH_POSTGRES_URL: a URL ending in /<database>"),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");

    let script = schema_dialects::dialect(Engine::Postgres)
        .render(&corpus::schema(tables))
        .expect("the corpus renders")
        .to_string();
    runtime.block_on(async {
        let mut admin = schema_dialects::introspect::connect(&server)
            .await
            .expect("connect to the server");
        sqlx::raw_sql(AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut admin)
            .await
            .expect("create the database");
        let mut db = schema_dialects::introspect::connect(&url)
            .await
            .expect("connect to the database");
        sqlx::raw_sql(AssertSqlSafe(script))
            .execute(&mut db)
            .await
            .expect("apply the corpus script");
        db.close().await.ok();
        admin.close().await.ok();
    });

    let mut ours = Vec::new();
    let mut pg_dump = Vec::new();
    let mut pg_dump_cpu = Vec::new();
    let mut read_tables = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let schema = runtime
            .block_on(schema_dialects::introspect::introspect_url(&url))
            .expect("introspect the database");
        ours.push(start.elapsed());
        read_tables = schema.tables.len();

        let before = children_cpu();
        let start = Instant::now();
        let output = Command::new("pg_dump")
            .args(["--schema-only", "--dbname", &url])
            .output()
            .expect("run pg_dump");
        pg_dump.push(start.elapsed());
        pg_dump_cpu.push(children_cpu() - before);
        assert!(
            output.status.success(),
            "pg_dump failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    runtime.block_on(async {
        let mut admin = schema_dialects::introspect::connect(&server)
            .await
            .expect("connect to the server");
        sqlx::raw_sql(AssertSqlSafe(format!("DROP DATABASE \"{name}\"")))
            .execute(&mut admin)
            .await
            .expect("drop the database");
    });

    assert_eq!(read_tables, tables, "introspection read every table");
    let (ours, pg_dump, pg_dump_cpu) = (median(ours), median(pg_dump), median(pg_dump_cpu));
    println!("introspection of {tables} tables, median of {runs} runs:");
    println!("  ours (introspect_url, wall)      {:>8.1} ms", ms(ours));
    println!(
        "  pg_dump --schema-only (wall)     {:>8.1} ms  (user+sys {:.1} ms)",
        ms(pg_dump),
        ms(pg_dump_cpu)
    );
    println!(
        "  ratio ours / pg_dump (wall)      {:>8.2}",
        ours.as_secs_f64() / pg_dump.as_secs_f64()
    );
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// User + system time of the finished child processes, from `/proc/self/stat` (Linux).
fn children_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    // After the command name: state is field 3, cutime 16, cstime 17 (1-based, see proc(5)).
    let ticks = |i: usize| {
        fields
            .get(i - 3)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    let per_second = 100; // USER_HZ on Linux
    Duration::from_millis((ticks(16) + ticks(17)) * 1000 / per_second)
}
