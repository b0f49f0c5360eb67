//! Golden DDL of views, materialized views, triggers, functions and partitioned tables on each
//! engine, and the engine diagnostics for partitioning rules. Review changed snapshots by eye.

mod objects_fixture;

use objects_fixture::schema;
use schema_core::{
    Column, Engine, ForeignKey, Literal, Partition, Partitioning, Schema, SqlType, TableDef,
};
use schema_dialects::dialect;

fn script(engine: Engine) -> String {
    dialect(engine)
        .render(&schema())
        .unwrap_or_else(|e| panic!("{engine}: {e}"))
        .to_string()
}

#[test]
fn postgres_objects() {
    insta::assert_snapshot!(script(Engine::Postgres));
}

#[test]
fn mysql_objects() {
    insta::assert_snapshot!(script(Engine::MySql));
}

#[test]
fn sqlite_objects() {
    insta::assert_snapshot!(script(Engine::Sqlite));
}

/// InnoDB partitioned tables take no foreign keys in either direction; SQLite has no
/// partitioning; MySQL 8 has no DEFAULT list partition; MySQL range partitions ascend.
#[test]
fn partitioning_diagnostics() {
    let schema = Schema::builder()
        .table_def(
            TableDef::new("tenants")
                .column(Column::new("id", SqlType::BigInt))
                .primary_key(["id"])
                .partitioned(Partitioning::hash(["id"], 4)),
        )
        .table_def(
            TableDef::new("orders")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("tenant_id", SqlType::BigInt))
                .column(Column::new("region", SqlType::Varchar(8)))
                .primary_key(["id", "region"])
                .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"]))
                .partitioned(
                    Partitioning::list(["region"])
                        .partition(Partition::list("orders_eu", [Literal::Text("de".into())]))
                        .with_default(),
                ),
        )
        .table_def(
            TableDef::new("readings")
                .column(Column::new("n", SqlType::BigInt))
                .partitioned(
                    Partitioning::range(["n"])
                        .partition(Partition::range(
                            "readings_high",
                            [Literal::Int(0)],
                            [Literal::Int(20)],
                        ))
                        .partition(Partition::range(
                            "readings_low",
                            [Literal::Int(20)],
                            [Literal::Int(10)],
                        ))
                        .only_on([Engine::MySql]),
                ),
        )
        .build()
        .unwrap();
    let report: Vec<String> = Engine::ALL
        .into_iter()
        .flat_map(|engine| dialect(engine).check(&schema))
        .map(|d| d.to_string())
        .collect();
    insta::assert_snapshot!(report.join("\n"));
}
