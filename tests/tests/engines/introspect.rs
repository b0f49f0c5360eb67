//! Introspection round trip: apply our DDL, read the database back, and get the declared model
//! again (in the normal form of `schema_dialects::introspect::comparable`, after
//! `as_deployed` drops what the engine cannot hold).

use schema_core::{Engine, Schema};
use schema_dialects::dialect;
use schema_tests::{TestDb, round_trip_difference};

/// Applies `schema` on each of `engines` and asserts the introspected model equals it.
fn round_trip(schema: &Schema, engines: &[Engine]) {
    for mut db in engines.iter().copied().filter_map(TestDb::new) {
        let engine = db.engine();
        let script = dialect(engine).render(schema).unwrap();
        for statement in &script.statements {
            db.run(statement);
        }
        let live = db.introspect().unwrap_or_else(|e| panic!("{engine}: {e}"));
        if let Some(difference) = round_trip_difference(engine, schema, &live) {
            panic!("{difference}");
        }
    }
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

#[test]
fn views_round_trip() {
    round_trip(&crate::views::schema(), &Engine::ALL);
}

#[test]
fn triggers_and_functions_round_trip() {
    let schema = crate::triggers::schema();
    round_trip(&schema, &Engine::ALL);
    // Not vacuous: the built-ins and the custom trigger are read back as such.
    for mut db in TestDb::all() {
        let engine = db.engine();
        for statement in dialect(engine).render(&schema).unwrap().statements {
            db.run(&statement);
        }
        let live = db.introspect().unwrap();
        let projects = live.table("projects").unwrap();
        assert_eq!(
            projects.updated_at.as_deref(),
            Some("updated_at"),
            "{engine}"
        );
        assert!(projects.audit, "{engine}");
        let names: Vec<&str> = live.triggers.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["projects_budget_positive"], "{engine}");
        assert_eq!(live.triggers[0].events.len(), 2, "{engine}");
        if engine == Engine::Postgres {
            assert_eq!(live.functions[0].name, "project_count");
            assert_eq!(
                live.functions[0].search_path.as_deref(),
                Some("pg_catalog, public")
            );
        }
    }
}
