//! The PostgreSQL types of issue 3 (cidr, interval, tsvector, citext, arrays): native and
//! behaving on PostgreSQL; emulated (cidr as text, citext as a case-insensitive collation) or
//! refused with a help line on MySQL/MariaDB and SQLite.

use schema_core::{Column, Engine, Schema, SqlType, TableDef};
use schema_dialects::dialect;
use schema_tests::TestDb;

use crate::fixtures;
use crate::index_features::refused;
use crate::support::{apply, rejected};

fn one_column(ty: SqlType) -> Schema {
    fixtures::schema(vec![
        TableDef::new("samples")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("v", ty))
            .primary_key(["id"]),
    ])
}

#[test]
fn citext_compares_without_case_everywhere() {
    for mut db in TestDb::all() {
        let engine = db.engine();
        let schema = one_column(SqlType::CiText);
        let script = apply(&mut db, &schema);
        if engine == Engine::Postgres {
            assert_eq!(
                script.statements[0],
                "CREATE EXTENSION IF NOT EXISTS \"citext\""
            );
        }
        db.run("INSERT INTO samples (id, v) VALUES (1, 'Ada@Example.org')");
        let found = db.value("SELECT COUNT(*) FROM samples WHERE v = 'ada@example.ORG'");
        assert_eq!(found.as_deref(), Some("1"), "{engine}");
    }
    // A unique citext refuses a case variant (MySQL's LONGTEXT cannot be a key: refused there).
    let unique = fixtures::schema(vec![
        TableDef::new("samples")
            .column(Column::new("v", SqlType::CiText))
            .unique(["v"]),
    ]);
    for mut db in TestDb::all() {
        let engine = db.engine();
        if !dialect(engine).can_be_key(&SqlType::CiText) {
            refused(engine, &unique, &["samples_v_key"]);
            continue;
        }
        apply(&mut db, &unique);
        db.run("INSERT INTO samples (v) VALUES ('a@x.org')");
        rejected(&mut db, "INSERT INTO samples (v) VALUES ('A@X.org')", &[]);
    }
}

#[test]
fn cidr_is_native_on_postgres_and_text_elsewhere() {
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &one_column(SqlType::Cidr));
        db.run("INSERT INTO samples (id, v) VALUES (1, '10.0.0.0/8')");
        if engine == Engine::Postgres {
            // Host bits right of the mask are refused.
            rejected(
                &mut db,
                "INSERT INTO samples (id, v) VALUES (2, '10.0.0.1/8')",
                &["cidr"],
            );
            let inside = db.value("SELECT COUNT(*) FROM samples WHERE '10.1.2.3'::inet << v");
            assert_eq!(inside.as_deref(), Some("1"));
        }
    }
}

#[test]
fn interval_tsvector_and_arrays_work_on_postgres_and_are_refused_elsewhere() {
    let cases = [
        (
            SqlType::Interval,
            "no interval type",
            "'1 day 2 hours'",
            "SELECT CAST(EXTRACT(EPOCH FROM v) AS bigint) FROM samples",
            "93600",
        ),
        (
            SqlType::TsVector,
            "no tsvector type",
            "to_tsvector('english', 'The rooms were booked')",
            "SELECT COUNT(*) FROM samples WHERE v @@ to_tsquery('english', 'book')",
            "1",
        ),
        (
            SqlType::Array(Box::new(SqlType::Integer)),
            "no array types",
            "'{3,1,2}'",
            "SELECT array_length(v, 1) FROM samples",
            "3",
        ),
        (
            SqlType::Array(Box::new(SqlType::Text)),
            "no array types",
            "ARRAY['a', 'b']",
            "SELECT v[2] FROM samples",
            "b",
        ),
    ];
    for (ty, refusal, value, query, expected) in cases {
        let schema = one_column(ty.clone());
        for mut db in TestDb::all() {
            let engine = db.engine();
            if engine != Engine::Postgres {
                refused(engine, &schema, &[refusal]);
                continue;
            }
            apply(&mut db, &schema);
            db.run(&format!("INSERT INTO samples (id, v) VALUES (1, {value})"));
            assert_eq!(db.value(query).as_deref(), Some(expected), "{ty}");
        }
    }
}
