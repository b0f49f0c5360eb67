//! Triggers on the engines: `updated_at` changes on UPDATE on every engine (and SQLite's
//! trigger does not recurse, even with `recursive_triggers` on), the audit trail records old and
//! new rows, a custom trigger with per-engine bodies refuses a row, and a PostgreSQL function
//! runs.

use schema_core::{
    AUDIT_LOG_TABLE, Column, ColumnDefault, Engine, Function, Identity, Schema, SqlType, TableDef,
    Trigger, TriggerEvent, TriggerTiming, Volatility,
};
use schema_tests::TestDb;

use crate::support::{apply, count, text};

/// Built-in and custom triggers and a function (also read back by `introspect.rs`).
pub fn schema() -> Schema {
    Schema::builder()
        .table_def(
            TableDef::new("projects")
                .column(Column::new("id", SqlType::BigInt).identity(Identity::ByDefault))
                .column(Column::new("name", SqlType::Varchar(100)))
                .column(Column::new("budget", SqlType::Integer))
                .column(Column::new("created_at", SqlType::TimestampTz).default(ColumnDefault::Now))
                .column(Column::new("updated_at", SqlType::TimestampTz).default(ColumnDefault::Now))
                .primary_key(["id"])
                .updated_at("updated_at")
                .audited(),
        )
        .trigger(
            Trigger::new(
                "projects_budget_positive",
                "projects",
                TriggerTiming::Before,
                [TriggerEvent::Insert, TriggerEvent::Update],
            )
            .body(
                Engine::Postgres,
                "IF NEW.budget < 0 THEN\n  RAISE EXCEPTION 'budget must not be negative';\nEND IF;\nRETURN NEW;",
            )
            .body(
                Engine::MySql,
                "IF NEW.budget < 0 THEN\n  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'budget must not be negative';\nEND IF;",
            )
            .body(Engine::Sqlite, "SELECT RAISE(ABORT, 'budget must not be negative');")
            .when("NEW.budget < 0"),
        )
        .function(
            Function::new("project_count", "bigint", "SELECT count(*) FROM projects")
                .volatility(Volatility::Stable)
                .security_definer()
                .search_path("pg_catalog, public")
                .comment("How many projects exist, whoever asks"),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The stored `updated_at`, as text.
fn updated_at(db: &mut TestDb) -> String {
    let sql = format!(
        "SELECT {} FROM projects WHERE id = 1",
        text(db.engine(), "updated_at")
    );
    db.value(&sql).expect("updated_at is NOT NULL")
}

/// Sleeps long enough for the engines' clocks (microseconds) to move.
fn tick() {
    std::thread::sleep(std::time::Duration::from_millis(20));
}

#[test]
fn updated_at_changes_on_update_on_every_engine() {
    for mut db in TestDb::all() {
        let engine = db.engine();
        if engine == Engine::Sqlite {
            // The guard must hold even when recursion is allowed.
            db.run("PRAGMA recursive_triggers = ON");
        }
        apply(&mut db, &schema());
        db.run("INSERT INTO projects (id, name, budget) VALUES (1, 'Apollo', 10)");
        let first = updated_at(&mut db);
        tick();
        db.run("UPDATE projects SET budget = 11 WHERE id = 1");
        let second = updated_at(&mut db);
        assert!(second > first, "{engine}: {second} should be after {first}");
        tick();
        // Setting updated_at explicitly is overruled too: the engine keeps the time of the change.
        db.run(&format!(
            "UPDATE projects SET name = 'Apollo 2', updated_at = {} WHERE id = 1",
            if engine == Engine::Postgres {
                "'2000-01-01 00:00:00+00'"
            } else {
                "'2000-01-01 00:00:00'"
            }
        ));
        let third = updated_at(&mut db);
        assert!(third > second, "{engine}: {third} should be after {second}");
        assert_eq!(count(&mut db, "projects", ""), 1, "{engine}");
        if engine == Engine::MySql {
            // UTC, like the column's default (UTC_TIMESTAMP(6)), not the session's time zone.
            let skew = db.value("SELECT ABS(TIMESTAMPDIFF(SECOND, updated_at, UTC_TIMESTAMP(6))) FROM projects WHERE id = 1");
            assert!(
                skew.unwrap().parse::<i64>().unwrap() < 60,
                "{engine}: updated_at is not UTC"
            );
        }
    }
}

#[test]
fn the_audit_trail_records_old_and_new_rows_on_every_engine() {
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &schema());
        if engine == Engine::Postgres {
            db.run("SET app.actor = 'alice@example.org'");
        } else if engine == Engine::MySql {
            db.run("SET @app_actor = 'alice@example.org'");
        }
        db.run("INSERT INTO projects (id, name, budget) VALUES (1, 'Apollo', 10)");
        // The clock moves, so updated_at changes: still one audit row for the UPDATE (SQLite's
        // second UPDATE that sets updated_at is not logged as a change of its own).
        tick();
        db.run("UPDATE projects SET budget = 20 WHERE id = 1");
        db.run("DELETE FROM projects WHERE id = 1");
        let json = |column: &str, key: &str| match engine {
            Engine::Postgres => format!("{column}->>'{key}'"),
            Engine::MySql => format!("JSON_UNQUOTE(JSON_EXTRACT({column}, '$.{key}'))"),
            Engine::Sqlite => format!("json_extract({column}, '$.{key}')"),
        };
        let sql = format!(
            "SELECT table_name, operation, {}, {}, {}, {} FROM {AUDIT_LOG_TABLE} ORDER BY id",
            text(engine, &json("old_row", "budget")),
            text(engine, &json("new_row", "budget")),
            text(engine, &json("new_row", "name")),
            text(engine, "actor"),
        );
        let rows = db.rows(&sql);
        let actor = match engine {
            Engine::Sqlite => None,
            _ => Some("alice@example.org".to_string()),
        };
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            rows,
            [
                vec![
                    s("projects"),
                    s("INSERT"),
                    None,
                    s("10"),
                    s("Apollo"),
                    actor.clone()
                ],
                vec![
                    s("projects"),
                    s("UPDATE"),
                    s("10"),
                    s("20"),
                    s("Apollo"),
                    actor.clone()
                ],
                vec![
                    s("projects"),
                    s("DELETE"),
                    s("20"),
                    None,
                    None,
                    actor.clone()
                ],
            ],
            "{engine}"
        );
    }
}

#[test]
fn the_audit_actor_falls_back_to_the_database_role() {
    for mut db in TestDb::all()
        .into_iter()
        .filter(|db| db.engine() != Engine::Sqlite)
    {
        let engine = db.engine();
        apply(&mut db, &schema());
        db.run("INSERT INTO projects (id, name, budget) VALUES (1, 'Apollo', 10)");
        let actor = db
            .value(&format!("SELECT actor FROM {AUDIT_LOG_TABLE}"))
            .unwrap();
        assert!(
            actor.starts_with("postgres") || actor.starts_with("root"),
            "{engine}: {actor}"
        );
    }
}

#[test]
fn a_custom_trigger_refuses_a_row_on_every_engine() {
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &schema());
        db.run("INSERT INTO projects (id, name, budget) VALUES (1, 'Apollo', 10)");
        let message = db.reject("INSERT INTO projects (id, name, budget) VALUES (2, 'Gemini', -1)");
        assert!(
            message.contains("budget must not be negative"),
            "{engine}: {message}"
        );
        let message = db.reject("UPDATE projects SET budget = -5 WHERE id = 1");
        assert!(
            message.contains("budget must not be negative"),
            "{engine}: {message}"
        );
        assert_eq!(count(&mut db, "projects", "budget = 10"), 1, "{engine}");
    }
}

#[test]
fn a_security_definer_function_runs_with_its_fixed_search_path() {
    let Some(mut db) = TestDb::new(Engine::Postgres) else {
        return;
    };
    apply(&mut db, &schema());
    db.run("INSERT INTO projects (id, name, budget) VALUES (1, 'Apollo', 10)");
    assert_eq!(
        db.value("SELECT project_count()::text").as_deref(),
        Some("1")
    );
    let config = db.value(
        "SELECT array_to_string(proconfig, ',') FROM pg_proc WHERE proname = 'project_count'",
    );
    assert_eq!(config.as_deref(), Some("search_path=pg_catalog, public"));
    let definer = db.value("SELECT prosecdef::text FROM pg_proc WHERE proname = 'project_count'");
    assert_eq!(definer.as_deref(), Some("true"));
}

/// A SQLite table rebuild (a migration adding a CHECK) drops the table's triggers with the old
/// table and cannot rename under a view that reads it: the migration drops and recreates both,
/// so `updated_at`, the audit trail and the view still work after it.
#[test]
fn triggers_and_views_survive_a_sqlite_table_rebuild() {
    let Some(mut db) = TestDb::new(Engine::Sqlite) else {
        return;
    };
    let with_view = |schema: Schema| {
        let mut schema = schema;
        schema.views.push(schema_core::View::new(
            "project_names",
            "SELECT id, name FROM projects",
        ));
        schema
    };
    let before = with_view(schema());
    let mut after = before.clone();
    after
        .tables
        .iter_mut()
        .find(|t| t.name == "projects")
        .unwrap()
        .checks
        .push(schema_core::Check {
            name: "projects_budget_cap".into(),
            expr: "budget < 1000000".into(),
            column: None,
        });
    apply(&mut db, &before);
    db.run("INSERT INTO projects (id, name, budget) VALUES (1, 'Apollo', 10)");
    let migration =
        schema_dialects::migrate::migration(Engine::Sqlite, &before, &after, &[]).unwrap();
    let up: Vec<&str> = migration.steps.iter().map(|s| s.up.as_str()).collect();
    assert!(
        up.iter().any(|s| s.contains("RENAME TO \"projects\"")),
        "a rebuild: {up:?}"
    );
    for step in up {
        db.run(step);
    }
    db.reject("UPDATE projects SET budget = 2000000 WHERE id = 1");
    let first = updated_at(&mut db);
    tick();
    db.run("UPDATE projects SET budget = 11 WHERE id = 1");
    assert!(
        updated_at(&mut db) > first,
        "updated_at is kept after the rebuild"
    );
    assert_eq!(count(&mut db, AUDIT_LOG_TABLE, "operation = 'UPDATE'"), 1);
    assert_eq!(db.column("SELECT name FROM project_names"), ["Apollo"]);
}
