//! MySQL's 3072-byte key limit: a key at the limit runs on the server, one byte-width over it is
//! refused by validation (the server would refuse it or silently index a prefix).

use schema_core::{Column, Engine, Index, Schema, SqlType, TableDef};
use schema_dialects::dialect;
use schema_tests::TestDb;

use crate::support::apply;

fn table(width: u32) -> Schema {
    Schema::builder()
        .table_def(
            TableDef::new("keyed")
                .column(Column::new("code", SqlType::Varchar(width)))
                .column(Column::new("body", SqlType::Varchar(width)))
                .column(Column::new("n", SqlType::BigInt))
                .primary_key(["code"])
                .unique(["body"])
                .index(Index::on(["body"])),
        )
        .build()
        .unwrap()
}

#[test]
fn a_key_at_the_limit_runs_and_one_over_it_is_refused_before_the_server_sees_it() {
    let Some(mut db) = TestDb::new(Engine::MySql) else {
        return;
    };
    // 768 characters × 4 bytes (utf8mb4) = 3072 bytes, exactly the limit.
    apply(&mut db, &table(768));
    let sub_parts = db.column(
        "SELECT COALESCE(CAST(sub_part AS CHAR), 'full') FROM information_schema.statistics \
         WHERE table_schema = DATABASE() AND table_name = 'keyed'",
    );
    assert!(
        sub_parts.iter().all(|p| p == "full"),
        "a key was cut to a prefix: {sub_parts:?}"
    );

    let problems = dialect(Engine::MySql).check(&table(769));
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    for (message, what) in messages.iter().zip([
        "primary key `keyed_pkey`",
        "unique constraint `keyed_body_key`",
        "index `keyed_body_idx`",
    ]) {
        assert!(
            message.contains(what) && message.contains("3076 bytes"),
            "{message}"
        );
    }
    // What validation prevents: the server cuts the plain index to a prefix without an error.
    db.run("CREATE TABLE cut (body VARCHAR(769) NOT NULL) DEFAULT CHARSET=utf8mb4");
    db.run("CREATE INDEX cut_body_idx ON cut (body)");
    assert_eq!(
        db.value("SELECT CAST(sub_part AS CHAR) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'cut'").as_deref(),
        Some("768")
    );
}

#[test]
fn engines_without_a_key_byte_limit_accept_the_wide_key() {
    for engine in [Engine::Postgres, Engine::Sqlite] {
        assert!(dialect(engine).check(&table(2000)).is_empty(), "{engine}");
    }
}
