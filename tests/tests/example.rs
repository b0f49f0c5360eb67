//! The saas-billing example: its committed scripts are exactly what the writers produce, and
//! each runs on its engine, accepts good rows and rejects bad ones with the engine's own error.

use schema_core::{Engine, Schema};
use schema_dialects::dialect;
use schema_tests::TestDb;

fn schema() -> Schema {
    saas_billing_schema::schema()
        .build()
        .expect("the example schema is valid")
}

fn committed_script(engine: Engine) -> String {
    let path = format!(
        "{}/../examples/saas-billing/db/{}.sql",
        env!("CARGO_MANIFEST_DIR"),
        engine.key()
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn committed_scripts_are_what_the_writers_produce() {
    let schema = schema();
    for engine in Engine::ALL {
        let rendered = dialect(engine).render(&schema).unwrap().to_string();
        assert!(
            rendered == committed_script(engine),
            "examples/saas-billing/db/{}.sql is stale: run `cargo build -p saas-billing` and commit it",
            engine.key()
        );
    }
}

/// A UUID literal as each engine stores it.
fn uuid(engine: Engine, hex: &str) -> String {
    match engine {
        Engine::Postgres => format!("'{hex}'::uuid"),
        Engine::MySql => format!("UNHEX('{hex}')"),
        Engine::Sqlite => format!("X'{hex}'"),
    }
}

const ACME: &str = "0ac30e00000040008000000000000001";
const NOBODY: &str = "00000000000000000000000000000000";

fn sample_rows(engine: Engine) -> String {
    let acme = uuid(engine, ACME);
    format!(
        "INSERT INTO tenants (id, slug, name) VALUES ({acme}, 'acme', 'Acme Corp');
         INSERT INTO users (email, display_name) VALUES ('ada@acme.test', 'Ada');
         INSERT INTO memberships (tenant_id, user_id, role) VALUES ({acme}, 1, 'owner');
         INSERT INTO plans (code, name, monthly_price_cents, currency) VALUES ('pro', 'Pro', 4900, 'EUR');
         INSERT INTO subscriptions (tenant_id, plan_id, status) VALUES ({acme}, 1, 'active');
         INSERT INTO invoices (tenant_id, subscription_id, number, status, currency, total_cents, issued_at, due_at)
              VALUES ({acme}, 1, 1, 'open', 'EUR', 9800, '2026-11-01 00:00:00', '2026-11-15 00:00:00');
         INSERT INTO invoice_lines (invoice_id, line_no, description, quantity, unit_price_cents, amount_cents)
              VALUES (1, 1, 'Pro plan, November', 2, 4900, 9800);
         UPDATE subscriptions SET latest_invoice_id = 1 WHERE id = 1;
         INSERT INTO payments (invoice_id, amount_cents, method, provider_ref) VALUES (1, 9800, 'card', 'ch_001');"
    )
}

/// (rule, statement, a fragment of the engine's error message)
fn violations(engine: Engine) -> Vec<(&'static str, String, &'static str)> {
    let acme = uuid(engine, ACME);
    let nobody = uuid(engine, NOBODY);
    let invoice = |tenant: &str, number: i32, total: i64| {
        format!(
            "INSERT INTO invoices (tenant_id, number, currency, total_cents, issued_at, due_at)
             VALUES ({tenant}, {number}, 'EUR', {total}, '2026-11-01 00:00:00', '2026-11-15 00:00:00')"
        )
    };
    vec![
        ("foreign key", invoice(&nobody, 2, 0), "foreign key"),
        ("check", invoice(&acme, 3, -1), "invoices_total_nonnegative"),
        ("unique", invoice(&acme, 1, 0), "number"),
        (
            "enum",
            "INSERT INTO payments (invoice_id, amount_cents, method, provider_ref) VALUES (1, 100, 'cheque', 'x')".into(),
            "",
        ),
        ("not null", "INSERT INTO users (email, display_name) VALUES (NULL, 'Nobody')".into(), "email"),
        (
            "restrict",
            "DELETE FROM invoices WHERE id = 1".into(),
            "",
        ),
    ]
}

#[test]
fn the_example_runs_on_every_engine_and_rejects_bad_rows() {
    let schema = schema();
    for mut db in TestDb::all() {
        let engine = db.engine();
        db.run(&dialect(engine).render(&schema).unwrap().to_string());
        db.run(&sample_rows(engine));
        assert_eq!(
            db.value("SELECT COUNT(*) FROM invoice_lines").as_deref(),
            Some("1"),
            "{engine}"
        );
        for (rule, sql, fragment) in violations(engine) {
            let message = db.reject(&sql);
            assert!(
                message.to_lowercase().contains(&fragment.to_lowercase()),
                "{engine}: {rule} rejected with `{message}`, which does not mention `{fragment}`"
            );
        }
        assert_eq!(
            db.value("SELECT COUNT(*) FROM invoices").as_deref(),
            Some("1"),
            "{engine}"
        );
        // Deleting the tenant cascades through subscriptions and invoices, except where
        // a payment restricts it.
        let message = db.reject(&format!(
            "DELETE FROM tenants WHERE id = {}",
            uuid(engine, ACME)
        ));
        assert!(!message.is_empty());
        db.run("DELETE FROM payments");
        db.run(&format!(
            "DELETE FROM tenants WHERE id = {}",
            uuid(engine, ACME)
        ));
        assert_eq!(
            db.value("SELECT COUNT(*) FROM invoices").as_deref(),
            Some("0"),
            "{engine}"
        );
        assert_eq!(
            db.value("SELECT COUNT(*) FROM invoice_lines").as_deref(),
            Some("0"),
            "{engine}"
        );
        assert_eq!(
            db.value("SELECT COUNT(*) FROM memberships").as_deref(),
            Some("0"),
            "{engine}"
        );
    }
}
