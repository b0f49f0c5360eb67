//! The benchmark corpus (`schema-dialects/benches/corpus`): its `#[derive(Table)]` source
//! compiles and builds exactly the model the runtime benches use, and a corpus of 300 tables is
//! valid and renders on every engine.
//!
//! `corpus/derived30.rs` is the generator's derive source for 30 tables, committed so this test
//! compiles it; `SCHEMA_UPDATE_CORPUS=1` rewrites it.

#[path = "../../schema-dialects/benches/corpus/mod.rs"]
mod corpus;

#[rustfmt::skip]
#[allow(dead_code, clippy::duplicated_attributes)] // the structs exist for their derives
#[path = "corpus/derived30.rs"]
mod derived30;

use schema_core::Engine;

const DERIVED30: &str = "tests/corpus/derived30.rs";

#[test]
fn committed_derive_source_is_current() {
    let generated = corpus::derive_source::single_file(&corpus::tables(30));
    if std::env::var_os("SCHEMA_UPDATE_CORPUS").is_some() {
        std::fs::write(DERIVED30, &generated).expect("write the derive source");
    }
    let committed = std::fs::read_to_string(DERIVED30).expect("read the derive source");
    assert!(
        committed == generated,
        "{DERIVED30} is stale; run SCHEMA_UPDATE_CORPUS=1 cargo test -p schema-tests --test corpus"
    );
}

#[test]
fn derive_source_builds_the_model() {
    let derived = derived30::schema()
        .build()
        .expect("the derived corpus is valid");
    // The derive source carries the tables; views and row-level security are the runtime
    // corpus's additions.
    let model = corpus::tables(30)
        .into_iter()
        .fold(schema_core::Schema::builder(), |b, t| b.table_def(t))
        .build()
        .expect("the corpus tables are valid");
    assert_eq!(derived.tables.len(), 30);
    for (derived, model) in derived.tables.iter().zip(&model.tables) {
        assert_eq!(derived, model, "table {} differs", model.name);
    }
    assert_eq!(derived, model);
}

#[test]
fn corpus_of_300_tables_renders_on_every_engine() {
    let schema = corpus::schema(300);
    assert_eq!(schema.tables.len(), 300);
    assert_eq!(schema.views.len(), 60);
    assert!(
        schema
            .tables
            .iter()
            .any(|t| !t.security.policies.is_empty())
    );
    assert!(
        schema
            .tables
            .iter()
            .any(|t| t.foreign_keys.iter().any(|fk| fk.columns.len() > 1))
    );
    assert!(schema.tables.iter().any(|t| {
        t.primary_key
            .as_ref()
            .is_some_and(|pk| pk.columns.len() > 1)
    }));
    for engine in [Engine::Postgres, Engine::MySql, Engine::Sqlite] {
        let script = schema_dialects::dialect(engine)
            .render(&schema)
            .unwrap_or_else(|errors| panic!("{engine:?}: {errors}"));
        let creates = script
            .statements
            .iter()
            .filter(|s| s.contains("CREATE TABLE"))
            .count();
        assert_eq!(creates, 300, "{engine:?}");
    }
}

#[test]
fn corpus_is_deterministic_and_sea_orm_source_covers_every_table() {
    assert_eq!(corpus::tables(300), corpus::tables(300));
    let modules = corpus::sea_orm_source::modules(&corpus::tables(300));
    assert_eq!(modules.len(), 301); // enums + one entity per table
    assert!(
        modules
            .iter()
            .skip(1)
            .all(|(_, source)| source.contains("DeriveEntityModel"))
    );
}
