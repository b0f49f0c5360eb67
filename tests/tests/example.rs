//! The saas-billing example: its committed scripts are exactly what the writers produce, and
//! each runs on its engine, accepts good rows and rejects bad ones with the engine's own error.

use schema_core::{Engine, Schema};
use schema_dialects::dialect;
use schema_tests::{RoleGuard, TestDb};

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

/// The example's roles have fixed names and are shared by the whole server, so the tests that
/// apply its scripts take turns: each creates them, and drops them before the next one starts.
static EXAMPLE_ROLES: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The example's roles, dropped after the test (best effort: roles are shared by the server).
fn role_guards() -> [RoleGuard; 2] {
    use saas_billing_schema::{APP_GROUP, APP_LOGIN};
    [
        RoleGuard::postgres(vec![APP_LOGIN.to_string(), APP_GROUP.to_string()]),
        RoleGuard::mysql(vec![APP_LOGIN.to_string()], vec![APP_GROUP.to_string()]),
    ]
}

#[test]
fn the_example_runs_on_every_engine_and_rejects_bad_rows() {
    let _turn = EXAMPLE_ROLES.lock().unwrap_or_else(|e| e.into_inner());
    let _roles = role_guards();
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

#[test]
fn the_application_role_sees_only_the_tenant_it_sets() {
    // On PostgreSQL the example's application connects as `billing_app`, neither owner nor
    // superuser; row-level security limits it to the tenant set for the transaction.
    let _turn = EXAMPLE_ROLES.lock().unwrap_or_else(|e| e.into_inner());
    let _roles = role_guards();
    let Some(mut db) = TestDb::new(Engine::Postgres) else {
        return;
    };
    db.run(
        &dialect(Engine::Postgres)
            .render(&schema())
            .unwrap()
            .to_string(),
    );
    db.run(&sample_rows(Engine::Postgres));
    // Every table with policies in the model: row-level security enabled, forced, and exactly
    // its policies in the catalog; every other table (the shared plans, the audit log, usage)
    // without row-level security.
    let schema = schema();
    let mut protected = 0;
    for table in &schema.tables {
        let mut policies = table.security.policy_names(&table.name);
        policies.sort();
        let on = table.security.has_policies();
        protected += usize::from(on);
        assert_eq!(
            db.column(&format!(
                "SELECT relrowsecurity::text || ':' || relforcerowsecurity::text FROM pg_class WHERE oid = '{}'::regclass",
                table.name
            )),
            [format!("{on}:{on}")],
            "{}",
            table.name
        );
        assert_eq!(
            db.column(&format!(
                "SELECT policyname::text FROM pg_policies WHERE tablename = '{}' ORDER BY 1",
                table.name
            )),
            policies,
            "{}",
            table.name
        );
    }
    assert_eq!(protected, 10);
    let mut app = db
        .connect_as(saas_billing_schema::APP_LOGIN, None)
        .expect("login as billing_app");
    assert_eq!(
        app.value(
            "SELECT (rolsuper OR rolbypassrls)::text FROM pg_roles WHERE rolname = current_user"
        )
        .as_deref(),
        Some("false")
    );
    let counts = "SELECT (SELECT count(*) FROM tenants) || ',' || (SELECT count(*) FROM users) || ',' || \
                  (SELECT count(*) FROM invoices) || ',' || (SELECT count(*) FROM invoice_lines) || ',' || \
                  (SELECT count(*) FROM payments) || ',' || (SELECT count(*) FROM plans)";
    // No tenant set: nothing but the shared plans.
    assert_eq!(app.value(counts).as_deref(), Some("0,0,0,0,0,1"));
    let acme = format!(
        "{}-{}-{}-{}-{}",
        &ACME[..8],
        &ACME[8..12],
        &ACME[12..16],
        &ACME[16..20],
        &ACME[20..]
    );
    let nobody = format!(
        "{}-{}-{}-{}-{}",
        &NOBODY[..8],
        &NOBODY[8..12],
        &NOBODY[12..16],
        &NOBODY[16..20],
        &NOBODY[20..]
    );
    for (tenant, expected) in [
        (acme.as_str(), "1,1,1,1,1,1"),
        (nobody.as_str(), "0,0,0,0,0,1"),
    ] {
        app.run("BEGIN");
        app.run(&format!(
            "SELECT set_config('app.tenant_id', '{tenant}', true)"
        ));
        assert_eq!(app.value(counts).as_deref(), Some(expected), "{tenant}");
        app.run("COMMIT");
    }
    // Another tenant cannot write into Acme's invoice, nor read it through a line or payment.
    app.run("BEGIN");
    app.run(&format!(
        "SELECT set_config('app.tenant_id', '{nobody}', true)"
    ));
    let refused = app
        .affected("INSERT INTO invoice_lines (invoice_id, line_no, description, quantity, unit_price_cents, amount_cents) VALUES (1, 2, 'x', 1, 1, 1)")
        .unwrap_err();
    assert!(refused.contains("row-level security"), "{refused}");
    app.run("ROLLBACK");
    // The application writes its own tenant's rows, audit trigger included.
    app.run("BEGIN");
    app.run(&format!(
        "SELECT set_config('app.tenant_id', '{acme}', true)"
    ));
    assert_eq!(
        app.affected(
            "INSERT INTO invoices (tenant_id, number, status, currency, total_cents, issued_at, due_at) \
             VALUES (current_setting('app.tenant_id')::uuid, 2, 'open', 'EUR', 100, now(), now())"
        ),
        Ok(1)
    );
    assert_eq!(
        app.affected("UPDATE invoices SET total_cents = 200 WHERE number = 2"),
        Ok(1)
    );
    app.run("COMMIT");
    // Through the security_invoker view: Acme's open invoices with Acme set, none without.
    app.run("BEGIN");
    app.run(&format!(
        "SELECT set_config('app.tenant_id', '{acme}', true)"
    ));
    assert_eq!(
        app.column("SELECT count(*)::text FROM open_invoices"),
        ["2"]
    );
    app.run("COMMIT");
    assert_eq!(
        app.column("SELECT count(*)::text FROM open_invoices"),
        ["0"]
    );
    let refused = app.affected("SELECT * FROM tenant_revenue").unwrap_err();
    assert!(refused.contains("permission denied"), "{refused}");
    let refused = app.affected("SELECT * FROM audit_log").unwrap_err();
    assert!(refused.contains("permission denied"), "{refused}");
    assert_eq!(
        db.value("SELECT count(*)::text FROM audit_log WHERE table_name = 'invoices' AND actor = 'billing_app'")
            .as_deref(),
        Some("2")
    );
    // The grants hold too: the audit log is append-only for the application.
    let refused = app.affected("DELETE FROM audit_events").unwrap_err();
    assert!(refused.contains("permission denied"), "{refused}");
}
