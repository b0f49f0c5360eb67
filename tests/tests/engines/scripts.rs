//! Whole scripts: the text a user feeds to psql / mariadb / sqlite3 runs as one batch, and every
//! kind of statement the writers emit runs on its engine.

use std::collections::BTreeSet;

use schema_core::Engine;
use schema_tests::TestDb;

use crate::fixtures;
use crate::support::{apply, render};

/// The statement's kind: its leading keywords, e.g. `CREATE TABLE`, `ALTER TABLE ... ADD
/// CONSTRAINT`, `COMMENT ON COLUMN`.
fn kind(statement: &str) -> String {
    let words: Vec<String> = statement
        .split_whitespace()
        .take(3)
        .map(|w| w.to_uppercase())
        .collect();
    let keyword = |w: &String| w.chars().all(|c| c.is_ascii_uppercase() || c == '_');
    let mut kind: Vec<&str> = words
        .iter()
        .take_while(|w| keyword(w))
        .map(String::as_str)
        .collect();
    if kind.first() == Some(&"ALTER") {
        let upper = statement.to_uppercase();
        kind.truncate(2);
        for clause in [
            "ADD CONSTRAINT",
            "ADD FOREIGN KEY",
            "ADD COLUMN",
            "ALTER COLUMN",
        ] {
            if upper.contains(clause) {
                return format!("{} ... {clause}", kind.join(" "));
            }
        }
    }
    kind.join(" ")
}

#[test]
fn the_whole_script_runs_as_one_batch() {
    let schema = fixtures::schema(fixtures::everything());
    for mut db in TestDb::all() {
        let engine = db.engine();
        let script = render(engine, &schema);
        let text = script.to_string();
        assert!(
            text.ends_with(";\n\n"),
            "{engine}: the script text ends its last statement"
        );
        db.run(&text);
        let tables: Vec<String> = match engine {
            Engine::Postgres => db.column(
                "SELECT relname::text FROM pg_class WHERE relkind = 'r' \
                 AND relnamespace = 'public'::regnamespace ORDER BY 1",
            ),
            Engine::MySql => db.column(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1",
            ),
            Engine::Sqlite => db.column(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1",
            ),
        };
        let mut tables = tables;
        tables.sort();
        let mut expected: Vec<String> = schema.tables.iter().map(|t| t.name.clone()).collect();
        expected.sort();
        assert_eq!(tables, expected, "{engine}: tables after the whole script");
    }
}

#[test]
fn every_statement_kind_the_writers_emit_runs() {
    // Every fixture, so every kind of statement, each applied statement by statement.
    let per_engine = |engine: Engine| match engine {
        Engine::MySql => vec![fixtures::everything(), fixtures::always()],
        _ => vec![
            fixtures::everything(),
            fixtures::partial_index(),
            fixtures::always(),
        ],
    };
    for mut db in TestDb::all() {
        let engine = db.engine();
        let mut kinds = BTreeSet::new();
        for tables in per_engine(engine) {
            let schema = fixtures::schema(tables);
            if engine != Engine::Postgres
                && schema_dialects::dialect(engine).render(&schema).is_err()
            {
                continue; // identity ALWAYS where the engine cannot express it
            }
            let script = apply(&mut db, &schema);
            kinds.extend(script.statements.iter().map(|s| kind(s)));
        }
        eprintln!("{engine}: statement kinds run: {kinds:?}");
        let expected: &[&str] = match engine {
            Engine::Postgres => &[
                "CREATE TYPE",
                "CREATE TABLE",
                "CREATE INDEX",
                "CREATE UNIQUE INDEX",
                "ALTER TABLE ... ADD CONSTRAINT",
                "COMMENT ON TABLE",
                "COMMENT ON COLUMN",
            ],
            Engine::MySql => &[
                "CREATE TABLE",
                "CREATE INDEX",
                "CREATE UNIQUE INDEX",
                "ALTER TABLE ... ADD CONSTRAINT",
            ],
            Engine::Sqlite => &[
                "PRAGMA FOREIGN_KEYS",
                "CREATE TABLE",
                "CREATE INDEX",
                "CREATE UNIQUE INDEX",
            ],
        };
        for kind in expected {
            assert!(
                kinds.contains(*kind),
                "{engine}: no `{kind}` statement ran; kinds: {kinds:?}"
            );
        }
    }
}

#[test]
fn the_sqlite_script_turns_foreign_keys_on_first() {
    let schema = fixtures::schema(fixtures::relations());
    let Some(mut db) = TestDb::new(Engine::Sqlite) else {
        return;
    };
    assert_eq!(
        db.value("PRAGMA foreign_keys").as_deref(),
        Some("0"),
        "the harness starts with foreign keys off"
    );
    let script = apply(&mut db, &schema);
    let first = script.statements[0]
        .to_uppercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        first, "PRAGMA FOREIGN_KEYS = ON",
        "the SQLite script starts with the pragma"
    );
    assert_eq!(db.value("PRAGMA foreign_keys").as_deref(), Some("1"));
    // And every foreign key the script declared is consistent with the (empty) data.
    assert!(db.rows("PRAGMA foreign_key_check").is_empty());
}
