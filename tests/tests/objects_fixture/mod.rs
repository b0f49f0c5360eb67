//! One schema with every object kind of issue 4 (views, a materialized view, the built-in and a
//! custom trigger, a function, range/list/hash partitioned tables with a lifecycle): the golden
//! DDL of `golden_objects.rs`, applied on the engines in `engines/objects.rs`.

use schema_core::{
    Column, ColumnDefault, Engine, FkAction, ForeignKey, Function, Identity, Index, Literal,
    Partition, PartitionInterval, Partitioning, Schema, SqlType, TableDef, Trigger, TriggerEvent,
    TriggerTiming, View, ViewColumn, Volatility,
};

/// The schema, valid on every engine.
pub fn schema() -> Schema {
    Schema::builder()
        .table_def(
            TableDef::new("tenants")
                .column(Column::new("id", SqlType::BigInt).identity(Identity::ByDefault))
                .column(Column::new("name", SqlType::Varchar(100)))
                .column(Column::new("updated_at", SqlType::TimestampTz).default(ColumnDefault::Now))
                .primary_key(["id"])
                .updated_at("updated_at")
                .audited(),
        )
        .table_def(
            TableDef::new("invoices")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("tenant_id", SqlType::BigInt))
                .column(Column::new("total_cents", SqlType::BigInt))
                .column(Column::new("doc", SqlType::Uuid))
                .primary_key(["id"])
                .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"]).on_delete(FkAction::Cascade))
                .audited(),
        )
        .table_def(
            TableDef::new("events")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("created_at", SqlType::TimestampTz))
                .primary_key(["id", "created_at"])
                .partitioned(
                    Partitioning::range(["created_at"])
                        .lifecycle(PartitionInterval::Month, "2026-01-01", 2)
                        .premake(2)
                        .retention(12)
                        .only_on([Engine::Postgres, Engine::MySql]),
                ),
        )
        .table_def(
            TableDef::new("shipments")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("region", SqlType::Varchar(8)))
                .primary_key(["id", "region"])
                .partitioned(
                    Partitioning::list(["region"])
                        .partition(Partition::list("shipments_eu", [Literal::Text("de".into()), Literal::Text("fr".into())]))
                        .only_on([Engine::Postgres, Engine::MySql]),
                ),
        )
        .table_def(
            TableDef::new("sessions")
                .column(Column::new("id", SqlType::BigInt))
                .primary_key(["id"])
                .partitioned(Partitioning::hash(["id"], 2).only_on([Engine::Postgres, Engine::MySql])),
        )
        .view_def(
            View::new("tenant_totals", "SELECT tenant_id, SUM(total_cents) AS total_cents FROM invoices GROUP BY tenant_id")
                .comment("Billed per tenant")
                .materialized()
                .column(ViewColumn::new("tenant_id", SqlType::BigInt))
                .column(ViewColumn::new("total_cents", SqlType::BigInt).comment("Sum of all invoices"))
                .unique_index(Index::on(["tenant_id"])),
        )
        .view_def(
            View::new("big_invoices", "SELECT i.id, t.name FROM invoices i JOIN tenants t ON t.id = i.tenant_id WHERE i.total_cents > 100000")
                .comment("Invoices over 1000.00"),
        )
        .trigger(
            Trigger::new("invoices_total_positive", "invoices", TriggerTiming::Before, [TriggerEvent::Insert, TriggerEvent::Update])
                .when("NEW.total_cents < 0")
                .body(Engine::Postgres, "RAISE EXCEPTION 'negative total';")
                .body(Engine::MySql, "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative total';")
                .body(Engine::Sqlite, "SELECT RAISE(ABORT, 'negative total');"),
        )
        .function(
            Function::new("tenant_name", "text", "SELECT name FROM tenants WHERE id = tenant")
                .arg("tenant", "bigint")
                .volatility(Volatility::Stable)
                .comment("A tenant's display name"),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}
