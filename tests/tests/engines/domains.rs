//! Domains: PostgreSQL creates the named type (`CREATE DOMAIN ... CHECK`) and the columns use
//! it; MySQL/MariaDB and SQLite get the base type and the CHECK on each column, with `VALUE`
//! replaced by the column. On every engine the CHECK refuses a bad value.

use schema_core::{Column, DomainType, Engine, Schema, SqlType, TableDef};
use schema_tests::TestDb;

use crate::fixtures;
use crate::support::{apply, count};

fn email() -> SqlType {
    SqlType::Domain(DomainType::new(
        "email",
        SqlType::Varchar(320),
        "VALUE LIKE '%_@_%' AND VALUE = lower(VALUE)",
    ))
}

fn positive() -> SqlType {
    SqlType::Domain(DomainType::new(
        "positive_count",
        SqlType::Integer,
        "VALUE > 0",
    ))
}

fn schema() -> Schema {
    fixtures::schema(vec![
        TableDef::new("accounts")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("email", email()))
            .column(Column::new("backup_email", email()).nullable())
            .column(Column::new("seats", positive()))
            .primary_key(["id"])
            .unique(["email"]),
        TableDef::new("teams")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("size", positive()))
            .primary_key(["id"]),
    ])
}

#[test]
fn a_domain_check_rejects_bad_values_on_every_engine() {
    for mut db in TestDb::all() {
        let engine = db.engine();
        let script = apply(&mut db, &schema());
        let domains = script
            .statements
            .iter()
            .filter(|s| s.starts_with("CREATE DOMAIN"))
            .count();
        assert_eq!(
            domains,
            if engine == Engine::Postgres { 2 } else { 0 },
            "{engine}"
        );
        db.run("INSERT INTO accounts (id, email, seats) VALUES (1, 'ada@example.org', 3)");
        db.run("INSERT INTO accounts (id, email, backup_email, seats) VALUES (2, 'bob@example.org', NULL, 1)");
        for bad in [
            "INSERT INTO accounts (id, email, seats) VALUES (3, 'no-at-sign', 1)",
            "INSERT INTO accounts (id, email, seats) VALUES (4, 'Upper@Example.org', 1)",
            "INSERT INTO accounts (id, email, seats) VALUES (5, 'c@example.org', 0)",
            "INSERT INTO accounts (id, email, backup_email, seats) VALUES (6, 'd@example.org', 'nope', 1)",
            "INSERT INTO teams (id, size) VALUES (1, -2)",
        ] {
            let message = db.reject(bad);
            assert!(
                ["check", "constraint", "email", "positive_count"]
                    .iter()
                    .any(|w| message.to_lowercase().contains(w)),
                "{engine}: {message}"
            );
        }
        assert_eq!(count(&mut db, "accounts", ""), 2, "{engine}");
        if engine == Engine::Postgres {
            let kinds = db.column("SELECT typname::text FROM pg_type WHERE typtype = 'd' AND typname IN ('email', 'positive_count') ORDER BY typname");
            assert_eq!(kinds, ["email", "positive_count"]);
            let used = db.value("SELECT domain_name::text FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'email'");
            assert_eq!(used.as_deref(), Some("email"));
        }
    }
}

#[test]
fn two_definitions_of_one_domain_are_refused() {
    let other = SqlType::Domain(DomainType::new("email", SqlType::Text, "VALUE <> ''"));
    let result = Schema::builder()
        .table_def(TableDef::new("a").column(Column::new("e", email())))
        .table_def(TableDef::new("b").column(Column::new("e", other)))
        .build();
    let message = result.unwrap_err().to_string();
    assert!(
        message.contains("domain `email` is defined differently"),
        "{message}"
    );
}
