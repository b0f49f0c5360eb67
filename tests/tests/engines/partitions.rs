//! Partitioned tables on the engines: rows land in the partition their key says (read from the
//! catalogs: PostgreSQL `tableoid`/`pg_inherits`, MySQL partition selection and
//! `information_schema.PARTITIONS`), out-of-window rows go to the default partition, and
//! PostgreSQL's maintenance function creates the next partitions idempotently, moves rows out of
//! the default partition and detaches what is past retention.

use schema_core::{
    Column, Engine, Literal, Partition, PartitionInterval, Partitioning, Schema, SqlType, TableDef,
};
use schema_dialects::{dialect, partitions::maintenance_statement};
use schema_tests::TestDb;

use crate::support::{apply, count};

fn events() -> TableDef {
    TableDef::new("events")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("created_at", SqlType::TimestampTz))
        .column(Column::new("kind", SqlType::Varchar(20)))
        .primary_key(["id", "created_at"])
        .partitioned(
            Partitioning::range(["created_at"])
                .lifecycle(PartitionInterval::Month, "2026-01-01", 3)
                .premake(1)
                .retention(2)
                .only_on([Engine::Postgres, Engine::MySql]),
        )
}

fn text(value: &str) -> Literal {
    Literal::Text(value.into())
}

/// Range (with a lifecycle), list and hash partitioning (also read back by `introspect.rs`).
pub fn schema() -> Schema {
    Schema::builder()
        .table_def(events())
        .table_def(
            TableDef::new("shipments")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("region", SqlType::Varchar(8)))
                .primary_key(["id", "region"])
                .partitioned(
                    Partitioning::list(["region"])
                        .partition(Partition::list("shipments_eu", [text("de"), text("fr")]))
                        .partition(Partition::list("shipments_us", [text("us")]))
                        .only_on([Engine::Postgres, Engine::MySql]),
                ),
        )
        .table_def(
            TableDef::new("sessions")
                .column(Column::new("id", SqlType::BigInt))
                .primary_key(["id"])
                .partitioned(
                    Partitioning::hash(["id"], 4).only_on([Engine::Postgres, Engine::MySql]),
                ),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The partition holding the row with `id`.
fn partition_of(db: &mut TestDb, table: &str, id: i64, partitions: &[&str]) -> String {
    if db.engine() == Engine::Postgres {
        return db
            .value(&format!(
                "SELECT tableoid::regclass::text FROM {table} WHERE id = {id}"
            ))
            .unwrap();
    }
    let holding: Vec<&str> = partitions
        .iter()
        .copied()
        .filter(|p| {
            let n = db.value(&format!(
                "SELECT COUNT(*) FROM {table} PARTITION (`{p}`) WHERE id = {id}"
            ));
            n.as_deref() == Some("1")
        })
        .collect();
    assert_eq!(holding.len(), 1, "row {id} is in {holding:?}");
    holding[0].to_string()
}

#[test]
fn rows_land_in_their_partition_and_outsiders_in_the_default() {
    for mut db in TestDb::all()
        .into_iter()
        .filter(|db| db.engine() != Engine::Sqlite)
    {
        let engine = db.engine();
        apply(&mut db, &schema());
        db.run("INSERT INTO events (id, created_at, kind) VALUES (1, '2026-01-15 10:00:00', 'a'), (2, '2026-02-01 00:00:00', 'b'), (3, '2026-03-31 23:59:59', 'c'), (4, '2027-06-01 00:00:00', 'late')");
        let names = [
            "events_p202601",
            "events_p202602",
            "events_p202603",
            "events_default",
        ];
        assert_eq!(
            partition_of(&mut db, "events", 1, &names),
            "events_p202601",
            "{engine}"
        );
        assert_eq!(
            partition_of(&mut db, "events", 2, &names),
            "events_p202602",
            "{engine}"
        );
        assert_eq!(
            partition_of(&mut db, "events", 3, &names),
            "events_p202603",
            "{engine}"
        );
        assert_eq!(
            partition_of(&mut db, "events", 4, &names),
            "events_default",
            "{engine}"
        );
        db.run("INSERT INTO shipments (id, region) VALUES (1, 'fr'), (2, 'us')");
        let names = ["shipments_eu", "shipments_us"];
        assert_eq!(
            partition_of(&mut db, "shipments", 1, &names),
            "shipments_eu",
            "{engine}"
        );
        assert_eq!(
            partition_of(&mut db, "shipments", 2, &names),
            "shipments_us",
            "{engine}"
        );
        // No partition takes 'jp' and there is no default.
        db.reject("INSERT INTO shipments (id, region) VALUES (3, 'jp')");
        db.run("INSERT INTO sessions (id) VALUES (1), (2), (3), (4), (5), (6), (7), (8)");
        assert_eq!(count(&mut db, "sessions", ""), 8, "{engine}");
        let partitions = match engine {
            Engine::Postgres => db.column("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'sessions'::regclass ORDER BY 1"),
            _ => db.column("SELECT PARTITION_METHOD FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'sessions'"),
        };
        assert_eq!(partitions.len(), 4, "{engine}: {partitions:?}");
    }
}

#[test]
fn mysql_puts_rows_before_the_window_in_the_first_partition() {
    let Some(mut db) = TestDb::new(Engine::MySql) else {
        return;
    };
    apply(&mut db, &schema());
    db.run("INSERT INTO events (id, created_at, kind) VALUES (1, '2025-06-01 00:00:00', 'early')");
    let names = [
        "events_p202601",
        "events_p202602",
        "events_p202603",
        "events_default",
    ];
    assert_eq!(partition_of(&mut db, "events", 1, &names), "events_p202601");
    let catch_all = db.value("SELECT PARTITION_DESCRIPTION FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'events' AND PARTITION_NAME = 'events_default'");
    assert_eq!(catch_all.as_deref(), Some("MAXVALUE"));
}

#[test]
fn postgres_rows_before_the_window_go_to_the_default_partition() {
    let Some(mut db) = TestDb::new(Engine::Postgres) else {
        return;
    };
    apply(&mut db, &schema());
    db.run(
        "INSERT INTO events (id, created_at, kind) VALUES (1, '2025-06-01 00:00:00+00', 'early')",
    );
    assert_eq!(partition_of(&mut db, "events", 1, &[]), "events_default");
}

#[test]
fn maintenance_creates_upcoming_partitions_idempotently_and_detaches_expired_ones() {
    let Some(mut db) = TestDb::new(Engine::Postgres) else {
        return;
    };
    let schema = schema();
    apply(&mut db, &schema);
    let call =
        maintenance_statement(dialect(Engine::Postgres), schema.table("events").unwrap()).unwrap();
    assert_eq!(call, "SELECT * FROM \"events_maintain_partitions\"()");
    // Mid-March 2026: March exists, April (one ahead) is created; nothing has expired yet.
    let at = |day: &str| format!("SELECT * FROM events_maintain_partitions('{day} 12:00:00+00')");
    assert_eq!(db.column(&at("2026-03-15")), ["created events_p202604"]);
    assert!(
        db.column(&at("2026-03-15")).is_empty(),
        "a second run changes nothing"
    );
    // A May row lands in the default partition until May's partition exists; creating it moves
    // the row (PostgreSQL refuses to create a partition whose rows sit in the default).
    db.run("INSERT INTO events (id, created_at, kind) VALUES (7, '2026-05-10 08:00:00+00', 'early bird')");
    assert_eq!(partition_of(&mut db, "events", 7, &[]), "events_default");
    db.run("INSERT INTO events (id, created_at, kind) VALUES (8, '2026-01-20 08:00:00+00', 'old')");
    // Late April: May is created (with the moved row), and with retention 2 January (ended
    // 2026-02-01, two periods before April) is detached, not dropped.
    assert_eq!(
        db.column(&at("2026-04-20")),
        ["created events_p202605", "detached events_p202601"]
    );
    assert_eq!(partition_of(&mut db, "events", 7, &[]), "events_p202605");
    assert_eq!(count(&mut db, "events_default", ""), 0);
    let attached = db.column("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass ORDER BY 1");
    assert_eq!(
        attached,
        [
            "events_default",
            "events_p202602",
            "events_p202603",
            "events_p202604",
            "events_p202605"
        ]
    );
    // The detached partition keeps its rows as a plain table.
    assert_eq!(count(&mut db, "events_p202601", ""), 1);
    assert_eq!(count(&mut db, "events", "id = 8"), 0);
    // The new partition has the parent's primary key (attached, so the index came with it).
    db.reject(
        "INSERT INTO events (id, created_at, kind) VALUES (7, '2026-05-10 08:00:00+00', 'twice')",
    );
    assert!(
        db.column(&at("2026-04-20")).is_empty(),
        "a second run changes nothing"
    );
    // Dropping needs consent.
    assert_eq!(
        db.column("SELECT * FROM events_maintain_partitions('2026-05-02 00:00:00+00', drop_detached => true)"),
        ["created events_p202606", "dropped events_p202602"]
    );
    assert_eq!(db.value("SELECT to_regclass('events_p202602')::text"), None);
}

#[test]
fn sqlite_refuses_partitioning() {
    let table = events().partitioned(Partitioning::range(["created_at"]).lifecycle(
        PartitionInterval::Month,
        "2026-01-01",
        3,
    ));
    let schema = Schema::builder().table_def(table).build().unwrap();
    let problems = dialect(Engine::Sqlite).check(&schema);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].to_string(),
        "error: SQLite: table `events`: SQLite has no RANGE partitioning\n  help: partition only on the engines that have it: `.only_on([Engine::Postgres, Engine::MySql])`"
    );
    // Partitioned elsewhere only: a plain table on SQLite, which works.
    let Some(mut db) = TestDb::new(Engine::Sqlite) else {
        return;
    };
    apply(&mut db, &self::schema());
    db.run("INSERT INTO events (id, created_at, kind) VALUES (1, '2026-01-15T10:00:00Z', 'a')");
    assert_eq!(count(&mut db, "events", ""), 1);
}

#[test]
fn mysql_maintenance_splits_the_catch_all_idempotently_and_detaches_expired_months() {
    let Some(mut db) = TestDb::new(Engine::MySql) else {
        return;
    };
    let schema = schema();
    apply(&mut db, &schema);
    let call =
        maintenance_statement(dialect(Engine::MySql), schema.table("events").unwrap()).unwrap();
    assert_eq!(
        call,
        "CALL `events_maintain_partitions`(UTC_TIMESTAMP(6), FALSE)"
    );
    let maintain = |db: &mut TestDb, at: &str, drop: bool| {
        db.run(&format!(
            "CALL events_maintain_partitions('{at} 12:00:00', {})",
            if drop { "TRUE" } else { "FALSE" }
        ));
        db.value("SELECT @partition_maintenance")
    };
    // Mid-March 2026: March exists, April (one ahead) is split off the catch-all.
    assert_eq!(
        maintain(&mut db, "2026-03-15", false).as_deref(),
        Some("created events_p202604")
    );
    assert_eq!(
        maintain(&mut db, "2026-03-15", false),
        None,
        "a second run changes nothing"
    );
    // A May row sits in the catch-all until May's partition exists; the split moves it.
    db.run("INSERT INTO events (id, created_at, kind) VALUES (7, '2026-05-10 08:00:00', 'early bird'), (8, '2026-01-20 08:00:00', 'old')");
    let names = [
        "events_p202601",
        "events_p202602",
        "events_p202603",
        "events_p202604",
        "events_default",
    ];
    assert_eq!(partition_of(&mut db, "events", 7, &names), "events_default");
    assert_eq!(
        maintain(&mut db, "2026-04-20", false).as_deref(),
        Some("created events_p202605; detached events_p202601")
    );
    let names = [
        "events_p202602",
        "events_p202603",
        "events_p202604",
        "events_p202605",
        "events_default",
    ];
    assert_eq!(partition_of(&mut db, "events", 7, &names), "events_p202605");
    let partitions = db.column("SELECT PARTITION_NAME FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'events' ORDER BY PARTITION_ORDINAL_POSITION");
    assert_eq!(
        partitions,
        [
            "events_p202602",
            "events_p202603",
            "events_p202604",
            "events_p202605",
            "events_default"
        ]
    );
    // January's rows live on in a plain table of the partition's name.
    assert_eq!(count(&mut db, "events_p202601", "id = 8"), 1);
    assert_eq!(count(&mut db, "events", "id = 8"), 0);
    assert_eq!(
        maintain(&mut db, "2026-04-20", false),
        None,
        "a second run changes nothing"
    );
    // Dropping needs consent.
    assert_eq!(
        maintain(&mut db, "2026-05-02", true).as_deref(),
        Some("created events_p202606; dropped events_p202602")
    );
}
