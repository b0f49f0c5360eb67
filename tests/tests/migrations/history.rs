//! The build API's migrations option: the first run writes the initial migration and the
//! snapshot, an unchanged schema writes nothing, a change writes the next version, a refused
//! change writes nothing anywhere.

use std::path::{Path, PathBuf};

use schema_core::{Column, Engine, Schema, SqlType, TableDef};
use schema_dialects::build::generate;

fn schema(extra: Option<Column>) -> Schema {
    let mut table = TableDef::new("notes")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("body", SqlType::Text))
        .primary_key(["id"]);
    if let Some(column) = extra {
        table = table.column(column);
    }
    Schema::builder().table_def(table).build().unwrap()
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for engine in Engine::ALL {
        if let Ok(entries) = std::fs::read_dir(dir.join(engine.key())) {
            found.extend(entries.map(|e| e.unwrap().path()));
        }
    }
    found.sort();
    found
}

fn run(dir: &Path, schema: Schema, acknowledged: &[&str]) -> Result<Vec<PathBuf>, String> {
    generate(schema)
        .out_dir(dir.join("db"))
        .migrations(dir.join("migrations"))
        .acknowledge(acknowledged.iter().copied())
        .run()
        .map(|report| report.migrations)
        .map_err(|e| e.to_string())
}

#[test]
fn the_build_api_keeps_the_history() {
    let dir = super::support::scratch_dir(Engine::Sqlite);
    let migrations = dir.join("migrations");

    let written = run(&dir, schema(None), &[]).unwrap();
    assert_eq!(
        written.len(),
        7,
        "up and down for 3 engines, and the snapshot: {written:?}"
    );
    assert!(migrations.join("postgres/0001_initial.up.sql").exists());
    let snapshot = std::fs::read_to_string(migrations.join("schema.json")).unwrap();

    let before = files(&migrations);
    assert_eq!(run(&dir, schema(None), &[]).unwrap(), Vec::<PathBuf>::new());
    assert_eq!(
        files(&migrations),
        before,
        "an unchanged schema writes nothing"
    );
    assert_eq!(
        std::fs::read_to_string(migrations.join("schema.json")).unwrap(),
        snapshot
    );

    let tagged = Column::new("tag", SqlType::Varchar(20)).nullable();
    let written = run(&dir, schema(Some(tagged.clone())), &[]).unwrap();
    assert!(
        written
            .iter()
            .any(|p| p.ends_with("mysql/0002_alter_notes.up.sql")),
        "{written:?}"
    );
    assert!(written.iter().any(|p| p.ends_with("schema.json")));

    // Narrowing the new column: refused, nothing written anywhere.
    let before = files(&migrations);
    let snapshot = std::fs::read_to_string(migrations.join("schema.json")).unwrap();
    let narrow = Column::new("tag", SqlType::Varchar(5)).nullable();
    let error = run(&dir, schema(Some(narrow.clone())), &[]).unwrap_err();
    assert!(
        error.contains("column notes.tag changes from varchar(20) to varchar(5)")
            && error.contains("\"narrow column notes.tag\""),
        "{error}"
    );
    assert_eq!(files(&migrations), before);
    assert_eq!(
        std::fs::read_to_string(migrations.join("schema.json")).unwrap(),
        snapshot
    );

    // Acknowledged: written as version 3.
    let written = run(&dir, schema(Some(narrow)), &["narrow column notes.tag"]).unwrap();
    assert!(
        written
            .iter()
            .any(|p| p.ends_with("sqlite/0003_alter_notes.down.sql")),
        "{written:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_snapshot_is_reported_not_overwritten() {
    let dir = super::support::scratch_dir(Engine::Sqlite);
    std::fs::create_dir_all(dir.join("migrations")).unwrap();
    std::fs::write(dir.join("migrations/schema.json"), "{ not json").unwrap();
    let error = run(&dir, schema(None), &[]).unwrap_err();
    assert!(
        error.contains("schema.json: not a schema snapshot"),
        "{error}"
    );
    assert!(
        error.contains("help: restore it from version control"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("migrations/schema.json")).unwrap(),
        "{ not json"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
