//! The golden schema of views, triggers, functions and partitions (`objects_fixture`) runs on
//! every engine statement by statement, and its objects behave.

use schema_core::Engine;
use schema_tests::TestDb;

use crate::objects_fixture::schema;
use crate::support::{apply, count};

#[test]
fn the_golden_objects_script_runs_and_behaves_on_every_engine() {
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &schema());
        let uuid = crate::support::uuid_literal(engine, 1);
        db.run("INSERT INTO tenants (name) VALUES ('Acme')");
        db.run(&format!(
            "INSERT INTO invoices (id, tenant_id, total_cents, doc) VALUES (1, 1, 250000, {uuid})"
        ));
        let message = db.reject(&format!(
            "INSERT INTO invoices (id, tenant_id, total_cents, doc) VALUES (2, 1, -1, {uuid})"
        ));
        assert!(message.contains("negative total"), "{engine}: {message}");
        assert_eq!(count(&mut db, "audit_log", ""), 2, "{engine}");
        assert_eq!(
            count(&mut db, "audit_log", "table_name = 'invoices'"),
            1,
            "{engine}"
        );
        assert_eq!(
            db.column("SELECT name FROM big_invoices"),
            ["Acme"],
            "{engine}"
        );
        db.run("INSERT INTO events (id, created_at) VALUES (1, '2026-01-02 00:00:00')");
        db.run("INSERT INTO sessions (id) VALUES (1), (2), (3)");
        db.run("INSERT INTO shipments (id, region) VALUES (1, 'de')");
        if engine == Engine::Postgres {
            assert_eq!(db.value("SELECT tenant_name(1)").as_deref(), Some("Acme"));
            db.run("REFRESH MATERIALIZED VIEW CONCURRENTLY tenant_totals");
            assert_eq!(
                db.value("SELECT total_cents::text FROM tenant_totals")
                    .as_deref(),
                Some("250000")
            );
        } else {
            assert_eq!(
                count(&mut db, "tenant_totals", "total_cents = 250000"),
                1,
                "{engine}"
            );
        }
    }
}
