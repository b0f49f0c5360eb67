//! Every statement the writers emit runs on its real engine: the shared fixture's script, applied
//! statement by statement and as one script, then rows that exercise every default.
//!
//! PostgreSQL and MySQL/MariaDB run when `SCHEMA_TEST_POSTGRES_URL` / `SCHEMA_TEST_MYSQL_URL` are
//! set (see `schema_tests::TestDb`); SQLite always runs.

mod dialect_fixture;

use schema_core::{Column, ColumnDefault, Engine, ForeignKey, Index, Schema, SqlType, TableDef};
use schema_dialects::{Script, dialect};
use schema_tests::TestDb;

fn script(engine: Engine, schema: &Schema) -> Script {
    dialect(engine)
        .render(schema)
        .unwrap_or_else(|e| panic!("{engine}: {e}"))
}

/// Applies each statement on its own, so a failure names the statement.
fn apply(db: &mut TestDb, script: &Script) {
    for statement in &script.statements {
        db.run(statement);
    }
}

/// `expr` as text, so the test driver can read any column type.
fn text(engine: Engine, expr: &str) -> String {
    match engine {
        Engine::MySql => format!("CAST({expr} AS CHAR)"),
        _ => format!("CAST({expr} AS TEXT)"),
    }
}

/// The quoted form of `name` for `engine`, for hand-written queries.
fn q(engine: Engine, name: &str) -> String {
    schema_dialects::quote::identifier(dialect(engine), name)
}

#[test]
fn the_fixture_applies_statement_by_statement() {
    for engine in Engine::ALL {
        let Some(mut db) = TestDb::new(engine) else {
            continue;
        };
        let script = script(engine, &dialect_fixture::schema(engine));
        apply(&mut db, &script);
        let tables = match engine {
            Engine::Postgres => {
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"
            }
            Engine::MySql => {
                "SELECT table_name FROM information_schema.tables WHERE table_schema = database() ORDER BY 1"
            }
            Engine::Sqlite => {
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1"
            }
        };
        let mut tables = db.column(tables);
        tables.sort();
        assert_eq!(
            tables,
            [
                "all_types",
                "categories",
                "currencies",
                "invoices",
                "line_item_notes",
                "line_items",
                "teams",
                "tenants",
                "users"
            ],
            "{engine}"
        );
    }
}

#[test]
fn the_fixture_applies_as_one_script() {
    for engine in Engine::ALL {
        let Some(mut db) = TestDb::new(engine) else {
            continue;
        };
        db.run(&script(engine, &dialect_fixture::schema(engine)).to_string());
    }
}

#[test]
fn every_default_is_accepted_by_its_column() {
    for engine in Engine::ALL {
        let Some(mut db) = TestDb::new(engine) else {
            continue;
        };
        apply(&mut db, &script(engine, &dialect_fixture::schema(engine)));
        let display = q(engine, "DisplayName");
        db.run(&format!(
            "INSERT INTO tenants (slug, {display}) VALUES ('acme', 'Acme')"
        ));
        db.run("INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro')");
        db.run("INSERT INTO invoices (tenant_id, number) VALUES (1, 7)");
        db.run("INSERT INTO line_items (invoice_id, line_no, unit_price) VALUES (1, 1, 9.5)");
        db.run(&format!(
            "INSERT INTO all_types ({}) VALUES (NULL)",
            q(engine, "int")
        ));

        let columns = ["currency", "status", "note", "number"]
            .map(|c| text(engine, c))
            .join(", ");
        let invoice = &db.rows(&format!("SELECT {columns} FROM invoices"))[0];
        assert_eq!(
            invoice,
            &[
                Some("EUR".into()),
                Some("draft".into()),
                Some("it's \\ fine".into()),
                Some("7".into())
            ],
            "{engine}"
        );
        assert_eq!(
            db.value("SELECT quantity FROM line_items").as_deref(),
            Some("1"),
            "{engine}"
        );
        let columns = ["small", "computed", "vc", &q(engine, "dec")]
            .map(|c| text(engine, c))
            .join(", ");
        let all = &db.rows(&format!("SELECT {columns} FROM all_types"))[0];
        assert_eq!(
            all,
            &[
                Some("-1".into()),
                Some("3".into()),
                Some("".into()),
                Some("7".into())
            ],
            "{engine}"
        );
        let lengths = match engine {
            Engine::Postgres => "SELECT length(bytes), octet_length(id::text) FROM all_types",
            _ => "SELECT length(bytes), length(id) FROM all_types",
        };
        let lengths = &db.rows(lengths)[0];
        let uuid_length = if engine == Engine::Postgres {
            "36"
        } else {
            "16"
        };
        assert_eq!(
            lengths,
            &[Some("2".into()), Some(uuid_length.into())],
            "{engine}"
        );
        // The generated timestamps and dates are readable as such by the engine itself.
        let today = match engine {
            Engine::Sqlite => {
                "SELECT count(*) FROM invoices WHERE issued_on = date('now') AND datetime((SELECT created_at FROM tenants)) IS NOT NULL"
            }
            _ => "SELECT count(*) FROM invoices WHERE issued_on = CURRENT_DATE",
        };
        assert_eq!(db.value(today).as_deref(), Some("1"), "{engine}");
    }
}

/// A timestamptz default is the current instant in UTC whatever the session's time zone.
#[test]
fn now_defaults_for_instants_are_utc() {
    for engine in Engine::ALL {
        let Some(mut db) = TestDb::new(engine) else {
            continue;
        };
        apply(&mut db, &script(engine, &dialect_fixture::schema(engine)));
        let (zone, drift) = match engine {
            Engine::Postgres => (
                Some("SET TIME ZONE '+05:00'"),
                "SELECT abs(extract(epoch FROM created_at - now())) < 60 FROM tenants",
            ),
            Engine::MySql => (
                Some("SET time_zone = '+05:00'"),
                "SELECT abs(timestampdiff(SECOND, created_at, utc_timestamp())) < 60 FROM tenants",
            ),
            Engine::Sqlite => (
                None,
                "SELECT abs(julianday(created_at) - julianday('now')) * 86400 < 60 FROM tenants",
            ),
        };
        if let Some(zone) = zone {
            db.run(zone);
        }
        let display = q(engine, "DisplayName");
        db.run(&format!(
            "INSERT INTO tenants (slug, {display}) VALUES ('acme', 'Acme')"
        ));
        let close = db.value(drift);
        assert!(
            matches!(close.as_deref(), Some("1" | "t" | "true")),
            "{engine}: {close:?}"
        );
    }
}

#[test]
fn the_cycle_and_the_composite_keys_hold_rows() {
    for engine in Engine::ALL {
        let Some(mut db) = TestDb::new(engine) else {
            continue;
        };
        apply(&mut db, &script(engine, &dialect_fixture::schema(engine)));
        db.run("INSERT INTO teams (id) VALUES (1)");
        db.run("INSERT INTO users (id, team_id, email) VALUES (10, 1, 'a@example.com')");
        db.run("UPDATE teams SET owner_id = 10 WHERE id = 1");
        db.reject("UPDATE teams SET owner_id = 99 WHERE id = 1");
        db.reject("INSERT INTO users (id, team_id, email) VALUES (11, 1, 'a@example.com')");
        db.run("INSERT INTO categories (name) VALUES ('root')");
        db.run("INSERT INTO categories (parent_id, name) VALUES (1, 'child')");
        db.reject("INSERT INTO categories (parent_id, name) VALUES (1, 'child')");
        db.run("DELETE FROM categories WHERE id = 1");
        assert_eq!(
            db.value("SELECT count(*) FROM categories").as_deref(),
            Some("0"),
            "{engine}"
        );
    }
}

#[test]
fn domain_checks_reject_what_the_logical_type_cannot_hold() {
    for engine in Engine::ALL {
        let Some(mut db) = TestDb::new(engine) else {
            continue;
        };
        apply(&mut db, &script(engine, &dialect_fixture::schema(engine)));
        let int = q(engine, "int");
        db.run(&format!("INSERT INTO all_types ({int}) VALUES (1)"));
        for bad in [
            "UPDATE all_types SET small = 40000",
            "UPDATE all_types SET vc = 'this is more than twenty'",
            "UPDATE all_types SET prio = 'urgent'",
            "UPDATE all_types SET js = '{'",
            "UPDATE all_types SET ts = 'not a time'",
        ] {
            db.reject(bad);
        }
        db.run("UPDATE all_types SET js = NULL, day = NULL, tstz = NULL");
        db.run("UPDATE all_types SET ts = '2024-02-29 10:00:00.5', at_time = '23:59:59'");
        if engine == Engine::Sqlite {
            // Read by datetime() as a Julian day, but not an ISO-8601 instant.
            db.reject("UPDATE all_types SET ts = '2460000.5'");
            db.reject("UPDATE all_types SET at_time = '12'");
            db.reject("UPDATE all_types SET ts = 'now'");
            db.run("UPDATE all_types SET ts = '2024-02-29T10:00:00Z', tstz = '2024-02-29 10:00:00+02:00'");
        }
    }
}

/// A foreign key onto a unique *index* (not a constraint) waits for the index on engines that
/// check the target when the constraint is created.
#[test]
fn a_foreign_key_onto_a_unique_index_runs() {
    let schema = Schema::builder()
        .table_def(
            TableDef::new("parents")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("code", SqlType::Varchar(8)))
                .primary_key(["id"])
                .index(Index::on(["code"]).unique()),
        )
        .table_def(
            TableDef::new("children")
                .column(Column::new("code", SqlType::Varchar(8)).default(ColumnDefault::text("x")))
                .foreign_key(ForeignKey::to("parents", ["code"]).columns(["code"])),
        )
        .build()
        .unwrap();
    for engine in Engine::ALL {
        let Some(mut db) = TestDb::new(engine) else {
            continue;
        };
        apply(&mut db, &script(engine, &schema));
        db.run("INSERT INTO parents (id, code) VALUES (1, 'x')");
        db.run("INSERT INTO children (code) VALUES ('x')");
        db.reject("INSERT INTO children (code) VALUES ('y')");
    }
}
