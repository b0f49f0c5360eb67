//! Drift detection on the real engines: our DDL applied as is shows no drift; changes made by
//! hand are named in words, and running the fix migration makes the drift empty again.

use schema_core::{Engine, Schema};
use schema_dialects::dialect;
use schema_dialects::drift::{Drift, drift};
use schema_tests::TestDb;

fn saas() -> Schema {
    saas_billing_schema::schema().build().unwrap()
}

fn drift_of(db: &mut TestDb, declared: &Schema) -> Drift {
    let live = db.introspect().unwrap();
    drift(db.engine(), declared, &live)
}

/// The saas-billing schema creates roles with fixed names, which are shared by every database
/// of a PostgreSQL or MariaDB server: tests applying it there take turns.
pub static FIXED_ROLES: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn applied(engine: Engine, declared: &Schema) -> Option<TestDb> {
    let mut db = TestDb::new(engine)?;
    for statement in dialect(engine).render(declared).unwrap().statements {
        db.run(&statement);
    }
    Some(db)
}

fn assert_names(found: &Drift, expected: &[&str]) {
    for text in expected {
        assert!(
            found.differences.iter().any(|d| d == text),
            "{}: expected {text:?} in the drift report:\n{found}",
            found.engine
        );
    }
    assert_eq!(
        found.differences.len(),
        expected.len(),
        "{}: unexpected differences:\n{found}",
        found.engine
    );
}

/// Runs every step of the fix, then the drift must be gone.
fn fix_and_recheck(db: &mut TestDb, declared: &Schema, found: &Drift) {
    for step in &found.fix.steps {
        db.run(&step.up);
    }
    let after = drift_of(db, declared);
    assert!(
        after.is_empty(),
        "{}: drift left after the fix:\n{after}",
        db.engine()
    );
}

#[test]
fn our_own_ddl_shows_no_drift() {
    let _turn = FIXED_ROLES.lock().unwrap_or_else(|e| e.into_inner());
    let declared = saas();
    for engine in Engine::ALL {
        let Some(mut db) = applied(engine, &declared) else {
            continue;
        };
        let found = drift_of(&mut db, &declared);
        assert!(found.is_empty(), "{engine}:\n{found}");
        assert!(found.fix.steps.is_empty());
    }
}

#[test]
fn hand_made_changes_are_named_and_fixed() {
    let _turn = FIXED_ROLES.lock().unwrap_or_else(|e| e.into_inner());
    let declared = saas();
    let cases: [(Engine, &[&str], &[&str]); 3] = [
        (
            Engine::Postgres,
            &[
                "DROP INDEX \"invoices_tenant_id_issued_at_idx\"",
                "ALTER TABLE \"invoices\" ADD COLUMN \"note\" text",
                "ALTER TABLE \"invoices\" ALTER COLUMN \"total_cents\" SET DEFAULT 5",
                "ALTER TABLE \"invoices\" ALTER COLUMN \"paid_at\" SET NOT NULL",
                "ALTER TABLE \"payments\" DROP CONSTRAINT \"payments_amount_cents_check\"",
            ],
            &[
                "table `invoices`: index `invoices_tenant_id_issued_at_idx` is missing from the database",
                "table `invoices`: column `note` is in the database but not in the code",
                "table `invoices`: column `total_cents` has default 5 in the database but 0 in the code",
                "table `invoices`: column `paid_at` is NOT NULL in the database but nullable in the code",
                "table `payments`: check `payments_amount_cents_check` is missing from the database",
            ],
        ),
        (
            Engine::MySql,
            &[
                "DROP INDEX `invoices_tenant_id_issued_at_idx` ON `invoices`",
                "ALTER TABLE `invoices` ADD COLUMN `note` LONGTEXT",
                "ALTER TABLE `invoices` ALTER COLUMN `total_cents` SET DEFAULT 5",
                "ALTER TABLE `invoices` MODIFY `paid_at` DATETIME(6) NOT NULL",
                "ALTER TABLE `payments` DROP CONSTRAINT `payments_amount_cents_check`",
            ],
            &[
                "table `invoices`: index `invoices_tenant_id_issued_at_idx` is missing from the database",
                "table `invoices`: column `note` is in the database but not in the code",
                "table `invoices`: column `total_cents` has default 5 in the database but 0 in the code",
                "table `invoices`: column `paid_at` is NOT NULL in the database but nullable in the code",
                "table `payments`: check `payments_amount_cents_check` is missing from the database",
            ],
        ),
        (
            // SQLite cannot change a default or a constraint in place; a hand-made index and
            // column are what drifts there.
            Engine::Sqlite,
            &[
                "DROP INDEX \"invoices_tenant_id_issued_at_idx\"",
                "ALTER TABLE \"invoices\" ADD COLUMN \"note\" TEXT",
                "CREATE INDEX \"invoices_note_idx\" ON \"invoices\" (\"note\")",
            ],
            &[
                "table `invoices`: index `invoices_tenant_id_issued_at_idx` is missing from the database",
                "table `invoices`: column `note` is in the database but not in the code",
                "table `invoices`: index `invoices_note_idx` is in the database but not in the code",
            ],
        ),
    ];
    for (engine, changes, expected) in cases {
        let Some(mut db) = applied(engine, &declared) else {
            continue;
        };
        for change in changes {
            db.run(change);
        }
        let found = drift_of(&mut db, &declared);
        assert_names(&found, expected);
        assert!(
            found.data_loss.iter().any(|l| l.object == "invoices.note"),
            "{engine}: dropping the hand-made column is flagged as data loss:\n{found}"
        );
        fix_and_recheck(&mut db, &declared, &found);
    }
}

#[test]
fn row_level_security_drift_is_named_and_fixed() {
    let _turn = FIXED_ROLES.lock().unwrap_or_else(|e| e.into_inner());
    let declared = saas();
    let Some(mut db) = applied(Engine::Postgres, &declared) else {
        return;
    };
    db.run("CREATE POLICY \"extra_policy\" ON \"invoices\" USING (true)");
    let found = drift_of(&mut db, &declared);
    assert_names(
        &found,
        &["table `invoices`: policy `extra_policy` is in the database but not in the code"],
    );
    fix_and_recheck(&mut db, &declared, &found);
}

#[test]
fn views_drift_in_words() {
    let declared = crate::views::schema();
    for engine in Engine::ALL {
        let Some(mut db) = applied(engine, &declared) else {
            continue;
        };
        let found = drift_of(&mut db, &declared);
        assert!(found.is_empty(), "{engine}:\n{found}");
        db.run("DROP VIEW a_tenant_open_totals");
        db.run("CREATE VIEW extra_view AS SELECT id FROM tenants");
        let found = drift_of(&mut db, &declared);
        assert_names(
            &found,
            &[
                "view `a_tenant_open_totals` is missing from the database",
                "view `extra_view` is in the database but not in the code",
            ],
        );
        fix_and_recheck(&mut db, &declared, &found);
        // A view replaced by hand under its own name is one difference, fixed by the migration
        // writer dropping and creating it again.
        db.run("DROP VIEW a_tenant_open_totals");
        db.run("CREATE VIEW a_tenant_open_totals (tenant_name, open_cents) AS SELECT name, 0 FROM tenants");
        let found = drift_of(&mut db, &declared);
        assert_eq!(found.differences.len(), 1, "{engine}:\n{found}");
        assert!(
            found.differences[0]
                .starts_with("view `a_tenant_open_totals` differs in the database: its query"),
            "{engine}:\n{found}"
        );
        fix_and_recheck(&mut db, &declared, &found);
    }
}

#[test]
fn partitioning_drift_is_named_but_left_out_of_the_fix() {
    let declared = crate::partitions::schema();
    let Some(mut db) = applied(Engine::Postgres, &declared) else {
        return;
    };
    let found = drift_of(&mut db, &declared);
    assert!(found.is_empty(), "{found}");
    let mut code = declared.clone();
    for table in &mut code.tables {
        if table.name == "shipments"
            && let Some(partitioning) = &mut table.partitioning
        {
            partitioning.partitions.retain(|p| p.name != "shipments_us");
        }
        if table.name == "sessions" {
            table
                .columns
                .push(schema_core::Column::new("note", schema_core::SqlType::Text).nullable());
        }
    }
    let found = drift_of(&mut db, &code);
    let unchanged =
        "table `shipments`: partition `shipments_us` is in the database but not in the code";
    assert_names(
        &found,
        &[
            unchanged,
            "table `sessions`: column `note` is missing from the database",
        ],
    );
    // The migration writer refuses to repartition a table: the fix says so in a comment and
    // makes the rest of the changes.
    let note = found
        .fix
        .steps
        .iter()
        .find(|s| s.suffix == "_partitioning")
        .unwrap_or_else(|| panic!("{found}"));
    assert!(note.up.contains("-- not fixed by this script"), "{found}");
    assert!(note.up.contains(unchanged), "{found}");
    for step in found
        .fix
        .steps
        .iter()
        .filter(|s| s.suffix != "_partitioning")
    {
        assert!(!step.up.contains("PARTITION"), "{found}");
        db.run(&step.up);
    }
    let after = drift_of(&mut db, &code);
    assert_names(&after, &[unchanged]);
}

#[test]
fn triggers_and_functions_drift_in_words() {
    let declared = crate::triggers::schema();
    for engine in Engine::ALL {
        let Some(mut db) = applied(engine, &declared) else {
            continue;
        };
        let found = drift_of(&mut db, &declared);
        assert!(found.is_empty(), "{engine}:\n{found}");
        let mut expected = vec![
            "table `projects` sets `updated_at` on update in the database but has no updated_at trigger in the code",
        ];
        db.run("DROP TABLE audit_log");
        let mut code = declared.clone();
        code.tables.retain(|t| t.name != "audit_log");
        for table in &mut code.tables {
            table.updated_at = None;
            table.audit = false;
        }
        expected.push("table `projects` is audited in the database but is not audited in the code");
        code.triggers.clear();
        expected.push("trigger `projects_budget_positive` is in the database but not in the code");
        if engine == Engine::Postgres {
            code.functions.clear();
            expected.push("function `project_count` is in the database but not in the code");
        }
        let live = db.introspect().unwrap();
        let found = drift(engine, &code, &live);
        assert_names(&found, &expected);
        // The migration writer drops the triggers and functions the code no longer declares.
        fix_and_recheck(&mut db, &code, &found);
    }
}
