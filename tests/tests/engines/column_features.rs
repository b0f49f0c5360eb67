//! Generated columns, collations, random UUID defaults and SQLite WITHOUT ROWID on the engines.

use std::collections::BTreeMap;

use schema_core::{Column, ColumnDefault, Engine, GeneratedKind, Schema, SqlType, TableDef};
use schema_dialects::dialect;
use schema_tests::TestDb;

use crate::fixtures;
use crate::index_features::refused;
use crate::support::{apply, rejected, text};

fn lines(kind: GeneratedKind) -> Schema {
    fixtures::schema(vec![
        TableDef::new("order_lines")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("price", SqlType::BigInt))
            .column(Column::new("qty", SqlType::Integer))
            .column(Column::new("total", SqlType::BigInt).generated("price * qty", kind))
            .primary_key(["id"]),
    ])
}

#[test]
fn a_stored_generated_column_computes_on_every_engine() {
    let schema = lines(GeneratedKind::Stored);
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &schema);
        db.run("INSERT INTO order_lines (id, price, qty) VALUES (1, 250, 4)");
        db.run("UPDATE order_lines SET qty = 5 WHERE id = 1");
        assert_eq!(
            db.value("SELECT total FROM order_lines").as_deref(),
            Some("1250"),
            "{engine}"
        );
        // The engine owns the value.
        db.reject("INSERT INTO order_lines (id, price, qty, total) VALUES (2, 1, 1, 99)");
    }
}

#[test]
fn a_virtual_generated_column_computes_where_the_engine_has_them() {
    let schema = lines(GeneratedKind::Virtual);
    for mut db in TestDb::all() {
        let engine = db.engine();
        if !dialect(engine).supports_generated_columns(GeneratedKind::Virtual) {
            refused(engine, &schema, &["no virtual generated columns"]);
            continue;
        }
        apply(&mut db, &schema);
        db.run("INSERT INTO order_lines (id, price, qty) VALUES (1, 3, 7)");
        assert_eq!(
            db.value("SELECT total FROM order_lines").as_deref(),
            Some("21"),
            "{engine}"
        );
        let virtual_kind = match engine {
            Engine::MySql => db.value("SELECT EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'total'").unwrap(),
            _ => db.value("SELECT hidden FROM pragma_table_xinfo('order_lines') WHERE name = 'total'").unwrap(),
        };
        // MariaDB: VIRTUAL GENERATED; SQLite: hidden = 2 for virtual columns.
        assert!(
            virtual_kind == "VIRTUAL GENERATED" || virtual_kind == "2",
            "{engine}: {virtual_kind}"
        );
    }
}

#[test]
fn a_column_collation_changes_comparison() {
    let name = Column::new("name", SqlType::Varchar(40))
        .collation(Engine::Postgres, "und-x-icu")
        .collation(Engine::MySql, "utf8mb4_general_ci")
        .collation(Engine::Sqlite, "NOCASE");
    let schema = fixtures::schema(vec![
        TableDef::new("people")
            .column(Column::new("id", SqlType::BigInt))
            .column(name)
            .column(Column::new("plain", SqlType::Varchar(40)))
            .primary_key(["id"]),
    ]);
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &schema);
        db.run("INSERT INTO people (id, name, plain) VALUES (1, 'B', 'B')");
        db.run("INSERT INTO people (id, name, plain) VALUES (2, 'a', 'a')");
        let by_name = db.column("SELECT name FROM people ORDER BY name");
        let by_plain = db.column("SELECT plain FROM people ORDER BY plain");
        // The default (binary / C) order puts upper case first; the collation does not.
        assert_eq!(by_plain, ["B", "a"], "{engine}");
        assert_eq!(by_name, ["a", "B"], "{engine}");
        if engine != Engine::Postgres {
            // Case-insensitive collations also compare equal.
            assert_eq!(
                db.value("SELECT COUNT(*) FROM people WHERE name = 'b'")
                    .as_deref(),
                Some("1"),
                "{engine}"
            );
        }
    }
    let wrong =
        fixtures::schema(vec![TableDef::new("t").column(
            Column::new("n", SqlType::Integer).collation(Engine::Sqlite, "NOCASE"),
        )]);
    refused(Engine::Sqlite, &wrong, &["collations apply to text"]);
}

#[test]
fn a_random_uuid_default_fills_sixteen_distinct_bytes() {
    let schema = fixtures::schema(vec![
        TableDef::new("tokens")
            .column(Column::new("id", SqlType::Uuid).default(ColumnDefault::RandomUuid))
            .column(Column::new("n", SqlType::Integer))
            .primary_key(["id"]),
    ]);
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &schema);
        db.run("INSERT INTO tokens (n) VALUES (1)");
        db.run("INSERT INTO tokens (n) VALUES (2)");
        let ids = match engine {
            Engine::Postgres => db.column(&format!("SELECT {} FROM tokens", text(engine, "id"))),
            Engine::MySql => db.column("SELECT HEX(id) FROM tokens WHERE LENGTH(id) = 16"),
            Engine::Sqlite => db.column("SELECT hex(id) FROM tokens WHERE length(id) = 16"),
        };
        assert_eq!(ids.len(), 2, "{engine}: {ids:?}");
        assert_ne!(ids[0], ids[1], "{engine}");
    }
}

#[test]
fn without_rowid_drops_the_sqlite_rowid_and_does_not_apply_elsewhere() {
    let schema = fixtures::schema(vec![
        TableDef::new("pairs")
            .column(Column::new("a", SqlType::Text))
            .column(Column::new("b", SqlType::Varchar(10)))
            .primary_key(["b"])
            .without_rowid(),
    ]);
    for mut db in TestDb::all() {
        let engine = db.engine();
        let script = apply(&mut db, &schema);
        db.run("INSERT INTO pairs (a, b) VALUES ('x', 'y')");
        if engine == Engine::Sqlite {
            assert!(script.statements[1].ends_with(") STRICT, WITHOUT ROWID"));
            rejected(&mut db, "SELECT rowid FROM pairs", &["no such column"]);
        }
    }
    let with_identity = fixtures::schema(vec![
        TableDef::new("t")
            .column(Column::new("id", SqlType::BigInt).identity(schema_core::Identity::ByDefault))
            .primary_key(["id"])
            .without_rowid(),
    ]);
    refused(Engine::Sqlite, &with_identity, &["WITHOUT ROWID"]);
    let _ = BTreeMap::<(), ()>::new();
}
