//! Views on the engines: a view (with a CTE, reading another view) returns the expected rows on
//! every engine, PostgreSQL views run as the invoker, and a materialized view refreshes
//! concurrently on PostgreSQL.

use schema_core::{
    Column, Engine, FkAction, ForeignKey, Index, Schema, SqlType, TableDef, View, ViewColumn,
};
use schema_dialects::{dialect, views::refresh_concurrently};
use schema_tests::TestDb;

use crate::support::{apply, count, text};

fn tenants() -> TableDef {
    TableDef::new("tenants")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("name", SqlType::Varchar(100)))
        .primary_key(["id"])
}

fn invoices() -> TableDef {
    TableDef::new("invoices")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("tenant_id", SqlType::BigInt))
        .column(Column::new("total_cents", SqlType::BigInt))
        .column(Column::new("paid", SqlType::Boolean))
        .primary_key(["id"])
        .foreign_key(
            ForeignKey::to("tenants", ["id"])
                .columns(["tenant_id"])
                .on_delete(FkAction::Cascade),
        )
}

/// Declared in the "wrong" order on purpose: the script must create `open_invoices` first.
pub fn schema() -> Schema {
    Schema::builder()
        .table_def(tenants())
        .table_def(invoices())
        .view_def(
            View::new(
                "a_tenant_open_totals",
                "SELECT t.name, o.open_cents FROM tenants t JOIN (SELECT tenant_id, SUM(total_cents) AS open_cents FROM open_invoices GROUP BY tenant_id) o ON o.tenant_id = t.id",
            )
            .comment("Open amount per tenant")
            .column(ViewColumn::new("tenant_name", SqlType::Varchar(100)))
            .column(ViewColumn::new("open_cents", SqlType::BigInt)),
        )
        .view_def(
            View::new(
                "open_invoices",
                "WITH unpaid AS (SELECT id, tenant_id, total_cents FROM invoices WHERE paid = FALSE) SELECT id, tenant_id, total_cents FROM unpaid",
            )
            .sql_for(Engine::Sqlite, "WITH unpaid AS (SELECT id, tenant_id, total_cents FROM invoices WHERE paid = 0) SELECT id, tenant_id, total_cents FROM unpaid")
            .column(ViewColumn::new("id", SqlType::BigInt).comment("The invoice"))
            .column(ViewColumn::new("tenant_id", SqlType::BigInt))
            .column(ViewColumn::new("total_cents", SqlType::BigInt)),
        )
        .view_def(
            View::new(
                "tenant_invoice_counts",
                "SELECT tenant_id, COUNT(*) AS invoices FROM invoices GROUP BY tenant_id",
            )
            .materialized()
            .column(ViewColumn::new("tenant_id", SqlType::BigInt))
            .column(ViewColumn::new("invoices", SqlType::BigInt))
            .unique_index(Index::on(["tenant_id"])),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn fill(db: &mut TestDb) {
    let (yes, no) = if db.engine() == Engine::Postgres {
        ("TRUE", "FALSE")
    } else {
        ("1", "0")
    };
    db.run("INSERT INTO tenants (id, name) VALUES (1, 'Acme'), (2, 'Globex'), (3, 'Initech')");
    db.run(&format!(
        "INSERT INTO invoices (id, tenant_id, total_cents, paid) VALUES (1, 1, 100, {no}), (2, 1, 250, {no}), (3, 1, 999, {yes}), (4, 2, 40, {no}), (5, 3, 7, {yes})"
    ));
}

#[test]
fn views_return_the_expected_rows_on_every_engine() {
    for mut db in TestDb::all() {
        let engine = db.engine();
        let script = apply(&mut db, &schema());
        let open = script.statements.iter().position(|s| {
            s.contains("VIEW") && s.contains("open_invoices") && !s.contains("a_tenant")
        });
        let totals = script
            .statements
            .iter()
            .position(|s| s.contains("VIEW") && s.contains("a_tenant_open_totals"));
        assert!(
            open < totals,
            "{engine}: a view must come after the view it reads"
        );
        fill(&mut db);
        let sql = format!(
            "SELECT tenant_name, {} FROM a_tenant_open_totals ORDER BY tenant_name",
            text(engine, "open_cents")
        );
        let rows: Vec<Vec<String>> = db
            .rows(&sql)
            .into_iter()
            .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
            .collect();
        assert_eq!(rows, [["Acme", "350"], ["Globex", "40"]], "{engine}");
        assert_eq!(
            db.column("SELECT id FROM open_invoices ORDER BY id"),
            ["1", "2", "4"],
            "{engine}"
        );
        // PostgreSQL stored the materialized view at creation (no rows yet); elsewhere it is a
        // plain view, always current.
        let counted = count(&mut db, "tenant_invoice_counts", "tenant_id = 1");
        assert_eq!(
            counted,
            if engine == Engine::Postgres { 0 } else { 1 },
            "{engine}"
        );
    }
}

#[test]
fn a_materialized_view_refreshes_concurrently_on_postgres() {
    let Some(mut db) = TestDb::new(Engine::Postgres) else {
        return;
    };
    let schema = schema();
    apply(&mut db, &schema);
    let relkind =
        db.value("SELECT relkind::text FROM pg_class WHERE relname = 'tenant_invoice_counts'");
    assert_eq!(relkind.as_deref(), Some("m"));
    let unique = db.value("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'tenant_invoice_counts' AND indexdef LIKE 'CREATE UNIQUE INDEX%'");
    assert_eq!(unique.as_deref(), Some("1"));
    fill(&mut db);
    let view = schema.view("tenant_invoice_counts").unwrap();
    let refresh = refresh_concurrently(dialect(Engine::Postgres), view).unwrap();
    assert_eq!(
        refresh,
        "REFRESH MATERIALIZED VIEW CONCURRENTLY \"tenant_invoice_counts\""
    );
    // CONCURRENTLY needs a populated view; it was populated (empty) at creation.
    db.run(&refresh);
    assert_eq!(
        db.value("SELECT invoices::text FROM tenant_invoice_counts WHERE tenant_id = 1")
            .as_deref(),
        Some("3")
    );
    db.run("INSERT INTO invoices (id, tenant_id, total_cents, paid) VALUES (6, 1, 1, FALSE)");
    db.run(&refresh);
    assert_eq!(
        db.value("SELECT invoices::text FROM tenant_invoice_counts WHERE tenant_id = 1")
            .as_deref(),
        Some("4")
    );
    // Plain views run with the invoker's rights (and RLS).
    let options = db.value(
        "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'open_invoices'",
    );
    assert_eq!(options.as_deref(), Some("security_invoker=true"));
}

#[test]
fn mysql_views_are_sql_security_invoker() {
    let Some(mut db) = TestDb::new(Engine::MySql) else {
        return;
    };
    apply(&mut db, &schema());
    let security = db.column("SELECT SECURITY_TYPE FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME");
    assert_eq!(security, ["INVOKER", "INVOKER", "INVOKER"]);
}
