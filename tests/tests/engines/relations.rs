//! Foreign keys on the engines: missing parents are refused, and each ON DELETE / ON UPDATE
//! action does what it says. On SQLite this only works because the script turns
//! `PRAGMA foreign_keys` on (the harness starts with it off, like any plain connection).

use schema_core::Engine;
use schema_tests::TestDb;

use crate::fixtures;
use crate::support::{apply, count, rejected};

fn relations_dbs() -> Vec<TestDb> {
    let schema = fixtures::schema(fixtures::relations());
    let mut dbs = TestDb::all();
    for db in &mut dbs {
        apply(db, &schema);
        db.run("INSERT INTO customers (id, name) VALUES (1, 'Ann'), (2, 'Bob'), (3, 'Cid')");
    }
    dbs
}

/// What the engine says when a foreign key refuses a change: the constraint name where the
/// engine reports it.
fn fk_error(engine: Engine, name: &str) -> Vec<String> {
    match engine {
        Engine::Sqlite => vec!["FOREIGN KEY constraint failed".into()],
        _ => vec![name.into()],
    }
}

fn reject_fk(db: &mut TestDb, sql: &str, name: &str) {
    let expected = fk_error(db.engine(), name);
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    rejected(db, sql, &expected);
}

#[test]
fn a_missing_parent_is_refused_and_an_existing_one_accepted() {
    for mut db in relations_dbs() {
        let engine = db.engine();
        reject_fk(
            &mut db,
            "INSERT INTO orders (customer_id, number) VALUES (99, 1)",
            "orders_customer_id_fkey",
        );
        db.run("INSERT INTO orders (customer_id, number) VALUES (1, 1)");
        // Also on UPDATE of the child.
        reject_fk(
            &mut db,
            "UPDATE orders SET customer_id = 98 WHERE number = 1",
            "orders_customer_id_fkey",
        );
        // A NULL reference is no reference.
        db.run("INSERT INTO notes (id, customer_id) VALUES (1, NULL)");
        assert_eq!(count(&mut db, "orders", "customer_id = 1"), 1, "{engine}");
    }
}

#[test]
fn composite_foreign_keys_match_on_every_column() {
    for mut db in relations_dbs() {
        let engine = db.engine();
        db.run("INSERT INTO orders (customer_id, number) VALUES (1, 1), (2, 2)");
        db.run(
            "INSERT INTO order_lines (customer_id, order_number, line) VALUES (1, 1, 1), (2, 2, 1)",
        );
        // Each column exists in some order, but not the pair.
        reject_fk(
            &mut db,
            "INSERT INTO order_lines (customer_id, order_number, line) VALUES (1, 2, 1)",
            "order_lines_order_fkey",
        );
        assert_eq!(count(&mut db, "order_lines", ""), 2, "{engine}");
    }
}

#[test]
fn on_delete_and_on_update_cascade_follow_the_parent() {
    for mut db in relations_dbs() {
        let engine = db.engine();
        db.run("INSERT INTO orders (customer_id, number) VALUES (1, 1), (1, 2), (2, 1)");
        db.run(
            "INSERT INTO order_lines (customer_id, order_number, line) VALUES (1, 1, 1), (1, 1, 2), (1, 2, 1), (2, 1, 1)",
        );
        db.run("DELETE FROM customers WHERE id = 1");
        assert_eq!(
            count(&mut db, "orders", ""),
            1,
            "{engine}: orders of customer 1 cascade"
        );
        assert_eq!(
            count(&mut db, "order_lines", ""),
            1,
            "{engine}: lines cascade through orders"
        );
        assert_eq!(
            count(&mut db, "order_lines", "customer_id = 2"),
            1,
            "{engine}"
        );

        // ON UPDATE CASCADE through two levels, the second a composite key.
        db.run("UPDATE customers SET id = 20 WHERE id = 2");
        assert_eq!(
            count(&mut db, "orders", "customer_id = 20"),
            1,
            "{engine}: orders follow the key"
        );
        assert_eq!(
            count(
                &mut db,
                "order_lines",
                "customer_id = 20 AND order_number = 1"
            ),
            1,
            "{engine}"
        );
    }
}

#[test]
fn on_delete_set_null_keeps_the_child_without_its_parent() {
    for mut db in relations_dbs() {
        let engine = db.engine();
        db.run("INSERT INTO notes (id, customer_id) VALUES (1, 1), (2, 1), (3, 2)");
        db.run("DELETE FROM customers WHERE id = 1");
        assert_eq!(count(&mut db, "notes", ""), 3, "{engine}");
        assert_eq!(
            count(&mut db, "notes", "customer_id IS NULL"),
            2,
            "{engine}"
        );
        assert_eq!(count(&mut db, "notes", "customer_id = 2"), 1, "{engine}");
    }
}

#[test]
fn restrict_and_no_action_block_the_parent_delete() {
    for mut db in relations_dbs() {
        let engine = db.engine();
        db.run("INSERT INTO invoices (id, customer_id) VALUES (1, 1)");
        db.run("INSERT INTO tickets (id, customer_id) VALUES (1, 2)");
        reject_fk(
            &mut db,
            "DELETE FROM customers WHERE id = 1",
            "invoices_customer_id_fkey",
        );
        reject_fk(
            &mut db,
            "DELETE FROM customers WHERE id = 2",
            "tickets_customer_id_fkey",
        );
        // ON UPDATE defaults to NO ACTION: the referenced key cannot change either.
        reject_fk(
            &mut db,
            "UPDATE customers SET id = 10 WHERE id = 1",
            "invoices_customer_id_fkey",
        );
        assert_eq!(count(&mut db, "customers", ""), 3, "{engine}");
        // A parent without children goes.
        db.run("DELETE FROM customers WHERE id = 3");
        // Once the children are gone, so can the parents.
        db.run("DELETE FROM invoices");
        db.run("DELETE FROM tickets");
        db.run("DELETE FROM customers WHERE id IN (1, 2)");
        assert_eq!(count(&mut db, "customers", ""), 0, "{engine}");
    }
}

#[test]
fn a_self_reference_builds_a_tree_and_cascades_down_it() {
    for mut db in relations_dbs() {
        let engine = db.engine();
        db.run("INSERT INTO categories (id, parent_id) VALUES (1, NULL)");
        db.run("INSERT INTO categories (id, parent_id) VALUES (2, 1)");
        db.run("INSERT INTO categories (id, parent_id) VALUES (3, 2)");
        db.run("INSERT INTO categories (id, parent_id) VALUES (4, NULL)");
        reject_fk(
            &mut db,
            "INSERT INTO categories (id, parent_id) VALUES (5, 99)",
            "categories_parent_id_fkey",
        );
        // A row may reference itself.
        db.run("INSERT INTO categories (id, parent_id) VALUES (6, 6)");
        db.run("DELETE FROM categories WHERE id = 1");
        assert_eq!(
            count(&mut db, "categories", ""),
            2,
            "{engine}: the subtree of 1 is gone"
        );
    }
}

#[test]
fn a_foreign_key_cycle_accepts_rows_in_a_valid_order() {
    for mut db in relations_dbs() {
        let engine = db.engine();
        db.run("INSERT INTO teams (id, captain_id) VALUES (1, NULL)");
        db.run("INSERT INTO players (id, team_id) VALUES (10, 1), (11, 1)");
        db.run("UPDATE teams SET captain_id = 10 WHERE id = 1");
        reject_fk(
            &mut db,
            "INSERT INTO teams (id, captain_id) VALUES (2, 99)",
            "teams_captain_id_fkey",
        );
        reject_fk(
            &mut db,
            "INSERT INTO players (id, team_id) VALUES (12, 2)",
            "players_team_id_fkey",
        );
        // The team cannot go while it has players (NO ACTION) ...
        reject_fk(
            &mut db,
            "DELETE FROM teams WHERE id = 1",
            "players_team_id_fkey",
        );
        // ... but its captain can (SET NULL).
        db.run("DELETE FROM players WHERE id = 10");
        assert_eq!(count(&mut db, "teams", "captain_id IS NULL"), 1, "{engine}");
        assert_eq!(count(&mut db, "players", ""), 1, "{engine}");
    }
}

#[test]
fn on_delete_set_default_hands_the_child_to_the_default_parent() {
    let schema = fixtures::schema(fixtures::set_default());
    for mut db in TestDb::all() {
        let engine = db.engine();
        if engine == Engine::MySql {
            let problems = schema_dialects::dialect(engine)
                .render(&schema)
                .expect_err("MySQL: InnoDB rejects SET DEFAULT, so the writer must refuse it");
            assert!(
                problems.to_string().contains("pets_owner_id_fkey"),
                "{problems}"
            );
            continue;
        }
        apply(&mut db, &schema);
        db.run("INSERT INTO owners (id) VALUES (0), (1), (2)");
        db.run("INSERT INTO pets (id, owner_id) VALUES (1, 1), (2, 1), (3, 2)");
        db.run("DELETE FROM owners WHERE id = 1");
        assert_eq!(
            count(&mut db, "pets", "owner_id = 0"),
            2,
            "{engine}: ON DELETE SET DEFAULT"
        );
        db.run("UPDATE owners SET id = 5 WHERE id = 2");
        assert_eq!(
            count(&mut db, "pets", "owner_id = 0"),
            3,
            "{engine}: ON UPDATE SET DEFAULT"
        );
        // The default must itself have a parent.
        db.run("DELETE FROM pets");
        db.run("INSERT INTO pets (id, owner_id) VALUES (1, 5)");
        db.run("DELETE FROM owners WHERE id = 0");
        reject_fk(
            &mut db,
            "DELETE FROM owners WHERE id = 5",
            "pets_owner_id_fkey",
        );
        assert_eq!(count(&mut db, "pets", ""), 1, "{engine}");
    }
}
