//! Introspection round trip: apply our DDL, read the database back, and get the declared model
//! again (in the normal form of `schema_dialects::introspect::comparable`, after
//! `as_deployed` drops what the engine cannot hold).

use schema_core::{Engine, Schema};
use schema_dialects::dialect;
use schema_dialects::introspect::{as_deployed, comparable};
use schema_tests::TestDb;

/// Applies `schema` on each of `engines` and asserts the introspected model equals it.
fn round_trip(schema: &Schema, engines: &[Engine]) {
    for mut db in engines.iter().copied().filter_map(TestDb::new) {
        let engine = db.engine();
        let script = dialect(engine).render(schema).unwrap();
        for statement in &script.statements {
            db.run(statement);
        }
        let live = db.introspect().unwrap_or_else(|e| panic!("{engine}: {e}"));
        let expected = without_access_control(comparable(&as_deployed(schema, engine), engine));
        let found = without_access_control(comparable(&live, engine));
        if let Ok(path) = std::env::var("DUMP_INTROSPECTED") {
            std::fs::write(
                format!("{path}.{}.json", engine.key()),
                format!("{live:#?}"),
            )
            .unwrap();
        }
        assert_tables_equal(engine, &expected, &found);
    }
}

/// Roles, grants and row-level security are not read back by introspection yet (a gap: a
/// dropped policy is not seen as drift); they are proven on the engines by
/// `engines/access.rs` and `engines/rls_attacks.rs` instead, and compared here without them.
fn without_access_control(mut schema: Schema) -> Schema {
    schema.security = Default::default();
    for table in &mut schema.tables {
        table.security = Default::default();
    }
    schema
}

/// Table by table, so a failure shows the one table that differs.
fn assert_tables_equal(engine: schema_core::Engine, expected: &Schema, found: &Schema) {
    let names = |s: &Schema| s.tables.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(expected), names(found), "{engine}: tables");
    for (e, f) in expected.tables.iter().zip(&found.tables) {
        for (ec, fc) in e.columns.iter().zip(&f.columns) {
            assert_eq!(ec, fc, "{engine}: table `{}` column", e.name);
        }
        assert_eq!(e, f, "{engine}: table `{}`", e.name);
    }
    assert_eq!(
        expected.extensions, found.extensions,
        "{engine}: extensions"
    );
    assert_eq!(expected, found, "{engine}");
}

#[test]
fn saas_billing_round_trips() {
    round_trip(
        &saas_billing_schema::schema().build().unwrap(),
        &Engine::ALL,
    );
}

#[test]
fn feature_tour_round_trips() {
    round_trip(
        &feature_tour_schema::schema().build().unwrap(),
        &Engine::ALL,
    );
}

#[test]
fn feature_tour_variants_round_trip() {
    use Engine::*;
    round_trip(
        &feature_tour_schema::postgres_schema().build().unwrap(),
        &[Postgres],
    );
    round_trip(
        &feature_tour_schema::deferrable_schema().build().unwrap(),
        &[Postgres, Sqlite],
    );
    round_trip(
        &feature_tour_schema::virtual_schema().build().unwrap(),
        &[MySql, Sqlite],
    );
}
