//! Validation of views, triggers, functions and partitioned tables: each rule reports its
//! problem with the object named and a help line.

use schema_core::{
    Column, Function, Index, Literal, Partition, PartitionInterval, Partitioning, Schema, SqlType,
    TableDef, Trigger, TriggerEvent, TriggerTiming, View, ViewColumn,
};

fn events() -> TableDef {
    TableDef::new("events")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("created_at", SqlType::TimestampTz))
        .column(Column::new("name", SqlType::Text))
}

fn errors(builder: schema_core::SchemaBuilder) -> Vec<String> {
    builder
        .build()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_unique_key_must_include_the_partition_key() {
    let table = events().primary_key(["id"]).unique(["name"]).partitioned(
        Partitioning::range(["created_at"]).lifecycle(PartitionInterval::Month, "2026-01-01", 2),
    );
    assert_eq!(
        errors(Schema::builder().table_def(table)),
        [
            "error: table `events`: primary key `events_pkey` (id) leaves out partition column(s) created_at, but each partition checks uniqueness only within itself\n  help: add created_at to the key, e.g. (id, created_at)",
            "error: table `events`: unique constraint `events_name_key` (name) leaves out partition column(s) created_at, but each partition checks uniqueness only within itself\n  help: add created_at to the key, e.g. (name, created_at)",
        ]
    );
}

#[test]
fn partition_problems_are_reported_together() {
    let table = events().partitioned(
        Partitioning::range(["created_on"])
            .lifecycle(PartitionInterval::Month, "2026-01-15", 0)
            .partition(Partition::list("events_x", [Literal::Int(1)])),
    );
    let found = errors(Schema::builder().table_def(table));
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(
        found[0].contains("the partition key names column `created_on`, which does not exist")
            && found[0].contains("did you mean `created_at`?"),
        "{}",
        found[0]
    );
    assert!(found[1].contains("partition `events_x`: its bound does not match RANGE partitioning"));
    assert!(found[2].contains(
        "a partition lifecycle needs RANGE partitioning on one date or timestamp column"
    ));
    assert!(
        found[3].contains("lifecycle start 2026-01-15 is not the first day of a Month period")
            && found[3].contains("start on 2026-01-01")
    );
    assert!(found[4].contains("a lifecycle window of 0 partitions creates none"));
}

#[test]
fn a_weekly_window_starts_on_a_monday() {
    let table = events().primary_key(["id", "created_at"]).partitioned(
        Partitioning::range(["created_at"]).lifecycle(PartitionInterval::Week, "2026-01-01", 2),
    );
    let found = errors(Schema::builder().table_def(table));
    assert_eq!(found.len(), 1);
    assert!(
        found[0].ends_with("help: start on a Monday (weeks are ISO weeks)"),
        "{}",
        found[0]
    );
}

#[test]
fn security_definer_needs_a_fixed_search_path() {
    let found = errors(
        Schema::builder().function(Function::new("f", "bigint", "SELECT 1").security_definer()),
    );
    assert_eq!(
        found,
        [
            "error: function `f` is SECURITY DEFINER without a fixed search_path, so a caller can make it run their own objects with the owner's rights\n  help: fix the path: `.search_path(\"pg_catalog, public\")` (SET search_path = pg_catalog, public)"
        ]
    );
}

#[test]
fn trigger_and_updated_at_problems() {
    let table = events().updated_at("name");
    let found = errors(Schema::builder().table_def(table).trigger(Trigger::new(
        "t",
        "event",
        TriggerTiming::After,
        [TriggerEvent::Insert],
    )));
    assert_eq!(
        found,
        [
            "error: table `events`, column `name`: updated_at column has type text, but the engine writes the current time into it\n  help: use a timestamp type, e.g. `DateTime<Utc>` (timestamptz)",
            "error: trigger `t` is on table `event`, which is not in the schema\n  help: did you mean `events`?",
            "error: trigger `t` has no body for any engine\n  help: add one with `.body(Engine::Postgres, \"...\")`",
        ]
    );
}

#[test]
fn view_problems() {
    // Views are checked in name order.
    let found = errors(
        Schema::builder()
            .table_def(events())
            .view_def(View::new("events", "SELECT 1"))
            .view_def(View::new("plain", "SELECT id FROM events").unique_index(Index::on(["id"])))
            .view_def(
                View::new(
                    "counts",
                    "SELECT name, count(*) AS n FROM events GROUP BY name",
                )
                .materialized()
                .column(ViewColumn::new("name", SqlType::Text))
                .column(ViewColumn::new("n", SqlType::BigInt))
                .index(Index::on(["nme"])),
            ),
    );
    assert_eq!(
        found,
        [
            "error: materialized view `counts` has no unique index over plain columns, which REFRESH MATERIALIZED VIEW CONCURRENTLY needs\n  help: add one over the view's key, e.g. `.unique_index(Index::on([\"id\"]))`",
            "error: index `counts_nme_idx` of materialized view `counts` names column `nme`, which the view does not return\n  help: did you mean `name`?",
            "error: view `events` has the name of a table\n  help: give the view its own name, e.g. `<table>_summary`",
            "error: view `plain` has indexes, but only a materialized view stores rows to index\n  help: make it materialized (`.materialized()`) or drop the indexes",
        ]
    );
}

#[test]
fn hash_partitions_take_every_remainder_once() {
    use schema_core::PartitionBound;
    let mut partitioning = Partitioning::hash(["id"], 3);
    partitioning.partitions.pop();
    partitioning.partitions.push(Partition {
        name: "events_other".into(),
        bound: PartitionBound::Hash {
            modulus: 3,
            remainder: 0,
        },
    });
    let found = errors(Schema::builder().table_def(events().partitioned(partitioning)));
    assert_eq!(
        found,
        [
            "error: table `events`: hash partitions must share one modulus and take each remainder 0 to 2 once, but have remainders [0, 0, 1]\n  help: declare them with `Partitioning::hash([...], 3)`"
        ]
    );
}
