//! DEFERRABLE foreign keys and MATCH FULL: out-of-order inserts inside one transaction are
//! accepted and a dangling row is refused at COMMIT, where the engine can defer; a partly NULL
//! composite key is refused under MATCH FULL. Engines that cannot are refused by validation.

use schema_core::{Column, Deferrable, Engine, ForeignKey, Schema, SqlType, TableDef};
use schema_dialects::dialect;
use schema_tests::TestDb;

use crate::fixtures;
use crate::index_features::refused;
use crate::support::{apply, count, rejected};

fn parent_child(fk: ForeignKey) -> Schema {
    fixtures::schema(vec![
        TableDef::new("parents")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("code", SqlType::Integer))
            .primary_key(["id"])
            .unique(["id", "code"]),
        TableDef::new("children")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("parent_id", SqlType::BigInt).nullable())
            .column(Column::new("parent_code", SqlType::Integer).nullable())
            .primary_key(["id"])
            .foreign_key(fk),
    ])
}

#[test]
fn initially_deferred_checks_at_commit() {
    let schema = parent_child(
        ForeignKey::to("parents", ["id"])
            .columns(["parent_id"])
            .deferrable(Deferrable::InitiallyDeferred),
    );
    for mut db in TestDb::all() {
        let engine = db.engine();
        if !dialect(engine).supports_deferrable_constraints() {
            refused(
                engine,
                &schema,
                &["children_parent_id_fkey", "is deferrable"],
            );
            continue;
        }
        apply(&mut db, &schema);
        // The child first, its parent later: fine by COMMIT.
        db.run(
            "BEGIN; INSERT INTO children (id, parent_id) VALUES (1, 10); INSERT INTO parents (id, code) VALUES (10, 1); COMMIT",
        );
        // A child whose parent never comes: refused at COMMIT, nothing kept.
        let message =
            db.reject("BEGIN; INSERT INTO children (id, parent_id) VALUES (2, 99); COMMIT");
        assert!(
            message.to_lowercase().contains("foreign key"),
            "{engine}: {message}"
        );
        db.execute("ROLLBACK").ok();
        assert_eq!(count(&mut db, "children", ""), 1, "{engine}");
    }
}

#[test]
fn initially_immediate_checks_each_statement_unless_deferred() {
    let schema = parent_child(
        ForeignKey::to("parents", ["id"])
            .columns(["parent_id"])
            .deferrable(Deferrable::InitiallyImmediate),
    );
    for mut db in TestDb::all() {
        let engine = db.engine();
        if !dialect(engine).supports_deferrable_constraints() {
            refused(engine, &schema, &["is deferrable"]);
            continue;
        }
        apply(&mut db, &schema);
        let defer = match engine {
            Engine::Postgres => "SET CONSTRAINTS ALL DEFERRED",
            _ => "PRAGMA defer_foreign_keys = ON",
        };
        db.run(&format!(
            "BEGIN; {defer}; INSERT INTO children (id, parent_id) VALUES (1, 10); INSERT INTO parents (id, code) VALUES (10, 1); COMMIT"
        ));
        assert_eq!(count(&mut db, "children", ""), 1, "{engine}");
        if engine == Engine::Postgres {
            // Immediate by default: the statement itself fails.
            rejected(
                &mut db,
                "INSERT INTO children (id, parent_id) VALUES (2, 99)",
                &["children_parent_id_fkey"],
            );
            let deferrable = db.value("SELECT condeferrable::text || ' ' || condeferred::text FROM pg_constraint WHERE conname = 'children_parent_id_fkey'");
            assert_eq!(deferrable.as_deref(), Some("true false"));
        }
    }
}

#[test]
fn match_full_refuses_a_partly_null_key_on_postgres() {
    let schema = parent_child(
        ForeignKey::to("parents", ["id", "code"])
            .columns(["parent_id", "parent_code"])
            .match_full(),
    );
    for mut db in TestDb::all() {
        let engine = db.engine();
        if !dialect(engine).enforces_match_full() {
            refused(engine, &schema, &["MATCH FULL", "does not enforce"]);
            continue;
        }
        apply(&mut db, &schema);
        db.run("INSERT INTO parents (id, code) VALUES (1, 7)");
        db.run("INSERT INTO children (id, parent_id, parent_code) VALUES (1, 1, 7)");
        db.run("INSERT INTO children (id, parent_id, parent_code) VALUES (2, NULL, NULL)");
        rejected(
            &mut db,
            "INSERT INTO children (id, parent_id, parent_code) VALUES (3, 1, NULL)",
            &["children_parent_id_parent_code_fkey"],
        );
        let kind = db.value("SELECT confmatchtype::text FROM pg_constraint WHERE conname = 'children_parent_id_parent_code_fkey'");
        assert_eq!(kind.as_deref(), Some("f"));
    }
}

#[test]
fn without_match_full_a_partly_null_key_passes_everywhere() {
    // The contrast that makes MATCH FULL worth refusing where it is ignored.
    let schema = parent_child(
        ForeignKey::to("parents", ["id", "code"]).columns(["parent_id", "parent_code"]),
    );
    for mut db in TestDb::all() {
        apply(&mut db, &schema);
        db.run("INSERT INTO children (id, parent_id, parent_code) VALUES (3, 1, NULL)");
    }
}

#[test]
fn several_foreign_keys_to_the_same_table() {
    let schema = fixtures::schema(vec![
        TableDef::new("people")
            .column(Column::new("id", SqlType::BigInt))
            .primary_key(["id"]),
        TableDef::new("transfers")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("sender", SqlType::BigInt))
            .column(Column::new("receiver", SqlType::BigInt))
            .primary_key(["id"])
            .foreign_key(ForeignKey::to("people", ["id"]).columns(["sender"]))
            .foreign_key(ForeignKey::to("people", ["id"]).columns(["receiver"])),
    ]);
    for mut db in TestDb::all() {
        apply(&mut db, &schema);
        db.run("INSERT INTO people (id) VALUES (1)");
        db.run("INSERT INTO people (id) VALUES (2)");
        db.run("INSERT INTO transfers (id, sender, receiver) VALUES (1, 1, 2)");
        db.reject("INSERT INTO transfers (id, sender, receiver) VALUES (2, 1, 3)");
        db.reject("INSERT INTO transfers (id, sender, receiver) VALUES (3, 3, 1)");
    }
}
