//! Exclusion constraints: PostgreSQL refuses an overlapping booking of the same room; other
//! engines refuse the schema, or skip a constraint marked `engines(postgres)` with a comment.

use std::collections::BTreeMap;

use schema_core::{Column, Engine, Exclusion, IndexMethod, Schema, SqlType, TableDef};
use schema_tests::TestDb;

use crate::index_features::refused;
use crate::support::{apply, count, rejected};

fn bookings(exclusion: Exclusion) -> Schema {
    let range = SqlType::Raw(BTreeMap::from([
        (Engine::Postgres, "tstzrange".to_string()),
        (Engine::MySql, "VARCHAR(100)".to_string()),
        (Engine::Sqlite, "TEXT".to_string()),
    ]));
    Schema::builder()
        .extension("btree_gist")
        .table_def(
            TableDef::new("bookings")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("room_id", SqlType::BigInt))
                .column(Column::new("during", range))
                .column(Column::new("cancelled", SqlType::Boolean))
                .primary_key(["id"])
                .exclusion(exclusion),
        )
        .build()
        .unwrap()
}

fn no_overlap() -> Exclusion {
    Exclusion::using(IndexMethod::Gist)
        .element("room_id", "=")
        .element("during", "&&")
        .filter("NOT cancelled")
}

#[test]
fn an_overlapping_booking_of_the_same_room_is_refused() {
    let schema = bookings(no_overlap());
    for mut db in TestDb::all() {
        let engine = db.engine();
        if engine != Engine::Postgres {
            refused(
                engine,
                &schema,
                &["bookings_room_id_during_excl", "no exclusion constraints"],
            );
            continue;
        }
        apply(&mut db, &schema);
        let insert = |id: i64, room: i64, from: u32, to: u32, cancelled: bool| {
            format!(
                "INSERT INTO bookings (id, room_id, during, cancelled) VALUES ({id}, {room}, tstzrange('2026-01-01 {from:02}:00Z', '2026-01-01 {to:02}:00Z'), {cancelled})"
            )
        };
        db.run(&insert(1, 1, 9, 11, false));
        rejected(
            &mut db,
            &insert(2, 1, 10, 12, false),
            &["bookings_room_id_during_excl"],
        );
        db.run(&insert(3, 1, 11, 12, false)); // adjacent, [) ranges do not overlap
        db.run(&insert(4, 2, 9, 11, false)); // another room
        db.run(&insert(5, 1, 9, 11, true)); // cancelled bookings take no part
        assert_eq!(count(&mut db, "bookings", ""), 4);
        let kind = db.value("SELECT contype::text FROM pg_constraint WHERE conname = 'bookings_room_id_during_excl'");
        assert_eq!(kind.as_deref(), Some("x"));
    }
}

#[test]
fn an_exclusion_for_postgres_only_is_skipped_elsewhere_with_a_comment() {
    let schema = bookings(no_overlap().only_on([Engine::Postgres]));
    for mut db in TestDb::all() {
        let engine = db.engine();
        let script = apply(&mut db, &schema);
        let sql = script.statements.join("\n");
        match engine {
            Engine::Postgres => assert!(sql.contains("EXCLUDE USING gist"), "{sql}"),
            _ => {
                assert!(!sql.contains("EXCLUDE"), "{sql}");
                assert!(
                    sql.contains(
                        "-- exclusion constraint bookings_room_id_during_excl is not created on"
                    ),
                    "{sql}"
                );
            }
        }
    }
}
