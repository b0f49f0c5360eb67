//! The `schema` command, run as a user runs it, on an SQLite file.

use std::path::PathBuf;
use std::process::{Command, Output};

use schema_core::{Column, ColumnDefault, Engine, Index, Schema, SqlType, TableDef};
use schema_dialects::dialect;
use schema_dialects::introspect::{as_deployed, comparable};
use schema_dialects::migrate::{from_snapshot, to_snapshot};
use sqlx::{AssertSqlSafe, Connection};

fn schema(with_note: bool) -> Schema {
    let mut invoices = TableDef::new("invoices")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("total_cents", SqlType::BigInt).default(ColumnDefault::int(0)))
        .column(Column::new("paid_at", SqlType::TimestampTz).nullable())
        .primary_key(["id"])
        .check("total_cents >= 0")
        .index(Index::on(["paid_at"]));
    if with_note {
        invoices = invoices.column(Column::new("note", SqlType::Varchar(200)).nullable());
    }
    Schema::builder().table_def(invoices).build().unwrap()
}

/// A fresh directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("schema-cli-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schema"))
        .args(args)
        .output()
        .expect("the schema binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// An SQLite file holding `schema`'s DDL, plus `extra` statements; its URL.
fn database(dir: &std::path::Path, schema: &Schema, extra: &[&str]) -> String {
    let url = format!("sqlite://{}?mode=rwc", dir.join("app.db").display());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut connection = schema_dialects::introspect::connect(&url).await.unwrap();
        let mut statements = dialect(Engine::Sqlite).render(schema).unwrap().statements;
        statements.extend(extra.iter().map(|s| s.to_string()));
        for statement in statements {
            sqlx::raw_sql(AssertSqlSafe(statement))
                .execute(&mut connection)
                .await
                .unwrap();
        }
        connection.close().await.unwrap();
    });
    url
}

#[test]
fn help_and_usage_errors() {
    let help = run(&["help"]);
    assert!(help.status.success());
    assert!(stdout(&help).contains("schema drift <url> <snapshot.json>"));
    let wrong = run(&["introspect"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("usage:"));
    let unreachable = run(&["introspect", "postgres://nobody@127.0.0.1:1/none"]);
    assert_eq!(unreachable.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unreachable.stderr).contains("cannot connect"));
}

#[test]
fn introspect_prints_the_declared_model() {
    let dir = scratch("introspect");
    let declared = schema(false);
    let url = database(&dir, &declared, &[]);
    let output = run(&["introspect", &url]);
    assert!(output.status.success(), "{output:?}");
    let live = from_snapshot(&stdout(&output)).unwrap();
    let engine = Engine::Sqlite;
    assert_eq!(
        comparable(&live, engine),
        comparable(&as_deployed(&declared, engine), engine)
    );
}

#[test]
fn drift_names_the_difference_and_prints_the_fix() {
    let dir = scratch("drift");
    let declared = schema(false);
    let snapshot = dir.join("schema.json");
    std::fs::write(&snapshot, to_snapshot(&declared)).unwrap();
    let snapshot = snapshot.to_str().unwrap();

    let url = database(&dir, &declared, &[]);
    let clean = run(&["drift", &url, snapshot]);
    assert_eq!(clean.status.code(), Some(0), "{clean:?}");
    assert!(stdout(&clean).contains("no drift"));

    let dir = scratch("drift-changed");
    let url = database(
        &dir,
        &declared,
        &[
            "ALTER TABLE \"invoices\" ADD COLUMN \"note\" TEXT",
            "DROP INDEX \"invoices_paid_at_idx\"",
        ],
    );
    let drifted = run(&["drift", &url, snapshot]);
    assert_eq!(drifted.status.code(), Some(1), "{drifted:?}");
    let report = stdout(&drifted);
    assert!(
        report.contains("table `invoices`: column `note` is in the database but not in the code"),
        "{report}"
    );
    assert!(
        report.contains(
            "table `invoices`: index `invoices_paid_at_idx` is missing from the database"
        ),
        "{report}"
    );
    assert!(
        report.contains("CREATE INDEX \"invoices_paid_at_idx\""),
        "{report}"
    );
    assert!(report.contains("may lose data"), "{report}");
}

#[test]
fn advise_runs_the_advisor_on_the_live_schema() {
    let dir = scratch("advise");
    let url = database(&dir, &schema(false), &[]);
    let output = run(&["advise", &url]);
    assert!(output.status.success(), "{output:?}");
    // The advisor's findings on the live schema: the table has no comment (SQLite keeps none).
    let advice = stdout(&output);
    assert!(advice.contains("S404"), "{advice}");
}

#[test]
fn diff_lists_changes_and_writes_the_migration() {
    let dir = scratch("diff");
    let (old, new) = (dir.join("old.json"), dir.join("new.json"));
    std::fs::write(&old, to_snapshot(&schema(false))).unwrap();
    std::fs::write(&new, to_snapshot(&schema(true))).unwrap();
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let output = run(&["diff", old, new, "--sql", "postgres"]);
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.contains("alter table invoices: add column note"),
        "{text}"
    );
    assert!(
        text.contains("ALTER TABLE \"invoices\" ADD COLUMN \"note\" varchar(200)"),
        "{text}"
    );
    let back = run(&["diff", new, old]);
    assert_eq!(
        back.status.code(),
        Some(1),
        "dropping a column may lose data"
    );
    assert!(stdout(&back).contains("drop column invoices.note"));
    assert_eq!(run(&["diff", old, old]).status.code(), Some(0));
}
