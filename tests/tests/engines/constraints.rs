//! Keys and checks on the engines: the good row goes in, the bad row is refused with the
//! constraint named, and nothing else changes.

use schema_core::Engine;
use schema_tests::TestDb;

use crate::fixtures;
use crate::support::{apply, count, rejected, render};

/// A fresh database per engine with the `keys` fixture applied.
fn keys_dbs() -> Vec<TestDb> {
    let schema = fixtures::schema(fixtures::keys());
    let mut dbs = TestDb::all();
    for db in &mut dbs {
        apply(db, &schema);
    }
    dbs
}

fn account(id: i64, email: &str, name: &str, tenant: i64, handle: &str) -> String {
    format!(
        "INSERT INTO accounts (id, email, name, tenant, handle) VALUES ({id}, '{email}', '{name}', {tenant}, '{handle}')"
    )
}

#[test]
fn not_null_rejects_null_and_accepts_a_value() {
    for mut db in keys_dbs() {
        let engine = db.engine();
        let insert = "INSERT INTO accounts (id, email, name, tenant, handle) VALUES (1, 'a@x.org', NULL, 1, 'ann')";
        let expected: &[&str] = match engine {
            Engine::Postgres => &["not-null", "\"name\""],
            Engine::MySql => &["cannot be null", "'name'"],
            Engine::Sqlite => &["NOT NULL constraint failed", "accounts.name"],
        };
        rejected(&mut db, insert, expected);
        db.run(&account(1, "a@x.org", "Ann", 1, "ann"));
        // A nullable column takes NULL.
        db.run("UPDATE accounts SET nickname = NULL WHERE id = 1");
        assert_eq!(count(&mut db, "accounts", ""), 1, "{engine}");
    }
}

#[test]
fn primary_keys_reject_duplicates_single_and_composite() {
    for mut db in keys_dbs() {
        let engine = db.engine();
        db.run(&account(1, "a@x.org", "Ann", 1, "ann"));
        let expected: &[&str] = match engine {
            Engine::Postgres => &["accounts_pkey"],
            Engine::MySql => &["Duplicate entry", "PRIMARY"],
            Engine::Sqlite => &["constraint failed", "accounts.id"],
        };
        rejected(&mut db, &account(1, "b@x.org", "Bob", 1, "bob"), expected);
        assert_eq!(count(&mut db, "accounts", ""), 1, "{engine}");

        db.run("INSERT INTO memberships (group_id, account_id, role) VALUES (1, 1, 'owner')");
        db.run("INSERT INTO memberships (group_id, account_id, role) VALUES (1, 2, 'member')");
        db.run("INSERT INTO memberships (group_id, account_id, role) VALUES (2, 1, 'member')");
        let expected: &[&str] = match engine {
            Engine::Postgres => &["memberships_pkey"],
            Engine::MySql => &["Duplicate entry", "PRIMARY"],
            Engine::Sqlite => &[
                "constraint failed",
                "memberships.group_id, memberships.account_id",
            ],
        };
        rejected(
            &mut db,
            "INSERT INTO memberships (group_id, account_id, role) VALUES (1, 2, 'again')",
            expected,
        );
        // Primary key columns are NOT NULL, also in a composite key (SQLite allows NULL in a
        // non-STRICT table's key).
        db.reject("INSERT INTO memberships (group_id, account_id, role) VALUES (NULL, 3, 'ghost')");
        assert_eq!(count(&mut db, "memberships", ""), 3, "{engine}");
    }
}

#[test]
fn unique_constraints_reject_duplicates_single_and_composite() {
    for mut db in keys_dbs() {
        let engine = db.engine();
        db.run(&account(1, "a@x.org", "Ann", 1, "ann"));
        let expected: &[&str] = match engine {
            Engine::Sqlite => &["UNIQUE constraint failed", "accounts.email"],
            _ => &["accounts_email_key"],
        };
        rejected(&mut db, &account(2, "a@x.org", "Bob", 1, "bob"), expected);

        // The same handle in another tenant is fine; twice in one tenant is not.
        db.run(&account(2, "b@x.org", "Bob", 2, "ann"));
        let expected: &[&str] = match engine {
            Engine::Sqlite => &[
                "UNIQUE constraint failed",
                "accounts.tenant, accounts.handle",
            ],
            _ => &["accounts_tenant_handle_key"],
        };
        rejected(&mut db, &account(3, "c@x.org", "Cid", 1, "ann"), expected);
        assert_eq!(count(&mut db, "accounts", ""), 2, "{engine}");
    }
}

#[test]
fn column_and_table_checks_reject_bad_rows_by_name() {
    for mut db in keys_dbs() {
        let engine = db.engine();
        // Column check, generated name.
        rejected(
            &mut db,
            &account(1, "a@x.org", "", 1, "ann"),
            &["accounts_name_check"],
        );
        // Column check on a column with a default.
        rejected(
            &mut db,
            "INSERT INTO accounts (id, email, name, tenant, handle, balance) VALUES (1, 'a@x.org', 'Ann', 1, 'ann', -1)",
            &["accounts_balance_check"],
        );
        // Named table check.
        rejected(
            &mut db,
            &account(1, "a@x.org", "Ann", 0, "ann"),
            &["accounts_tenant_positive"],
        );
        // Unnamed table check over two columns.
        rejected(
            &mut db,
            &account(1, "same", "Ann", 1, "same"),
            &["accounts_check1"],
        );

        db.run(&account(1, "a@x.org", "Ann", 1, "ann"));
        // Checks hold on UPDATE too.
        rejected(
            &mut db,
            "UPDATE accounts SET balance = -5 WHERE id = 1",
            &["accounts_balance_check"],
        );
        assert_eq!(count(&mut db, "accounts", "balance = 0"), 1, "{engine}");
    }
}

#[test]
fn a_check_on_a_decimal_compares_numbers() {
    for mut db in keys_dbs() {
        let engine = db.engine();
        // The default (50.00) passes `credit <= 100`; as text, '50.00' <= '100' would not.
        db.run("INSERT INTO credit_lines (id) VALUES (1)");
        db.run("INSERT INTO credit_lines (id, credit) VALUES (2, 99.50)");
        db.run("INSERT INTO credit_lines (id, credit) VALUES (3, 100)");
        rejected(
            &mut db,
            "INSERT INTO credit_lines (id, credit) VALUES (4, 150.25)",
            &["credit_lines_credit_check"],
        );
        rejected(
            &mut db,
            "UPDATE credit_lines SET credit = 1000 WHERE id = 1",
            &["credit_lines_credit_check"],
        );
        // Not a number at all (SQLite: the writer's decimal-notation CHECK on the TEXT column).
        let error = match engine {
            Engine::Postgres => "invalid input syntax for type numeric",
            Engine::MySql => "Incorrect decimal value",
            Engine::Sqlite => "CHECK constraint failed",
        };
        rejected(
            &mut db,
            "INSERT INTO credit_lines (id, credit) VALUES (5, 'abc')",
            &[error],
        );
        assert_eq!(count(&mut db, "credit_lines", ""), 3, "{engine}");
        // The refused update left the default in place. (`+ 0`: on SQLite a decimal is TEXT,
        // and a query of the application compares it as text unless it asks for a number.)
        assert_eq!(
            count(&mut db, "credit_lines", "id = 1 AND credit + 0 = 50"),
            1,
            "{engine}"
        );
    }
}

#[test]
fn unique_indexes_reject_duplicates_and_partial_ones_only_where_they_apply() {
    let schema = fixtures::schema([fixtures::indexes(), fixtures::partial_index()].concat());
    let full = fixtures::schema(fixtures::indexes());
    for mut db in TestDb::all() {
        let engine = db.engine();
        // MySQL cannot express the partial index (checked in the catalog tests).
        let partial = engine != Engine::MySql;
        apply(&mut db, if partial { &schema } else { &full });
        let event = |id: i64, slug: &str| {
            format!(
                "INSERT INTO events (id, account_id, kind, slug, happened_at) \
                 VALUES ({id}, 1, 'login', '{slug}', '2024-01-02 03:04:05')"
            )
        };
        db.run(&event(1, "a"));
        db.run(&event(2, "b"));
        let expected: &[&str] = match engine {
            Engine::Sqlite => &["UNIQUE constraint failed", "events.slug"],
            _ => &["events_slug_idx"],
        };
        rejected(&mut db, &event(3, "a"), expected);
        // Non-unique indexes take duplicates.
        db.run(&event(4, "c"));
        assert_eq!(count(&mut db, "events", "kind = 'login'"), 3, "{engine}");
        if !partial {
            assert!(
                render(engine, &full)
                    .statements
                    .iter()
                    .all(|s| !s.contains("sessions"))
            );
            continue;
        }
        // One live session per account; revoked ones do not count.
        db.run("INSERT INTO sessions (id, account_id, revoked_at) VALUES (1, 7, '2024-01-01 00:00:00')");
        db.run("INSERT INTO sessions (id, account_id, revoked_at) VALUES (2, 7, '2024-01-02 00:00:00')");
        db.run("INSERT INTO sessions (id, account_id, revoked_at) VALUES (3, 7, NULL)");
        let expected: &[&str] = match engine {
            Engine::Sqlite => &["UNIQUE constraint failed", "sessions.account_id"],
            _ => &["sessions_one_live"],
        };
        rejected(
            &mut db,
            "INSERT INTO sessions (id, account_id, revoked_at) VALUES (4, 7, NULL)",
            expected,
        );
        db.run("INSERT INTO sessions (id, account_id, revoked_at) VALUES (4, 8, NULL)");
        assert_eq!(count(&mut db, "sessions", ""), 4, "{engine}");
    }
}
