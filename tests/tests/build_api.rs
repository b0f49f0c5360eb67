//! The build-script API: validates first, writes one script per engine, rewrites only changed
//! files, and reports every problem at once.

use std::path::PathBuf;

use schema_core::{Column, Engine, ForeignKey, Schema, SqlType, TableDef};
use schema_dialects::build::{BuildError, generate};

fn out_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("schema-build-api-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn tenants() -> TableDef {
    TableDef::new("tenants")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("name", SqlType::Varchar(100)))
        .primary_key(["id"])
}

#[test]
fn writes_one_script_per_engine_and_only_when_content_changes() {
    let dir = out_dir("writes");
    let first = generate(Schema::builder().table_def(tenants()))
        .out_dir(&dir)
        .run()
        .unwrap();
    let names: Vec<String> = first
        .files
        .iter()
        .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["postgres.sql", "mysql.sql", "sqlite.sql"]);
    assert!(first.files.iter().all(|f| f.changed));
    for file in &first.files {
        let script = std::fs::read_to_string(&file.path).unwrap();
        assert!(script.contains("tenants"), "{}: {script}", file.engine);
    }

    let again = generate(Schema::builder().table_def(tenants()))
        .out_dir(&dir)
        .run()
        .unwrap();
    assert!(
        again.files.iter().all(|f| !f.changed),
        "unchanged schema rewrote files"
    );

    let widened = tenants().column(Column::new("plan", SqlType::Text).nullable());
    let changed = generate(Schema::builder().table_def(widened))
        .engines([Engine::Sqlite, Engine::Postgres])
        .file_prefix("app_")
        .out_dir(&dir)
        .run()
        .unwrap();
    assert_eq!(changed.files.len(), 2);
    assert!(changed.files[0].path.ends_with("app_sqlite.sql"));
    assert!(changed.files.iter().all(|f| f.changed));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_invalid_schema_writes_nothing_and_reports_every_problem() {
    let dir = out_dir("invalid");
    let invoices = TableDef::new("invoices")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("tenant_id", SqlType::Integer))
        .primary_key(["id", "missing"])
        .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"]));
    let error = generate(Schema::builder().table_def(tenants()).table_def(invoices))
        .out_dir(&dir)
        .run()
        .unwrap_err();
    let BuildError::Invalid(diagnostics) = &error else {
        panic!("expected an invalid schema, got {error}");
    };
    let text = error.to_string();
    assert_eq!(diagnostics.len(), 2, "{text}");
    assert!(
        text.contains("table `invoices`, column `missing`"),
        "{text}"
    );
    assert!(
        text.contains("table `invoices`, column `tenant_id`"),
        "{text}"
    );
    assert!(!dir.exists(), "files were written for an invalid schema");
}

#[test]
fn engine_specific_problems_are_reported_for_every_engine_at_once() {
    let dir = out_dir("engines");
    let long = "a_column_name_that_is_far_too_long_for_postgres_and_for_mysql_too";
    let table = TableDef::new("t")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new(long, SqlType::Integer))
        .primary_key(["id"]);
    let error = generate(Schema::builder().table_def(table))
        .out_dir(&dir)
        .run()
        .unwrap_err();
    let text = error.to_string();
    assert!(text.contains("PostgreSQL"), "{text}");
    assert!(text.contains("MySQL"), "{text}");
    assert!(text.contains(long), "{text}");
    assert!(!dir.exists());
}
