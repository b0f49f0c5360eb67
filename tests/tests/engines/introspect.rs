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
    let _turn = crate::drift::FIXED_ROLES
        .lock()
        .unwrap_or_else(|e| e.into_inner());
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

/// Row-level security on PostgreSQL: ENABLE/FORCE, tenant isolation (read back as such, with
/// its column and setting) and a policy for one role; SQLite, which has none, reads back none.
#[test]
fn row_level_security_round_trips() {
    use schema_core::{
        Column, Policy, PolicyCommand, Role, RowSecurity, SqlType, TableDef, TenantIsolation,
    };
    use schema_tests::{RoleGuard, unique_suffix};
    let support = format!("introspect_support_{}", unique_suffix());
    let _roles = RoleGuard::postgres(vec![support.clone()]);
    let schema = Schema::builder()
        .role(Role::login(&support))
        .table_def(
            TableDef::new("notes")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("org_id", SqlType::BigInt))
                .primary_key(["id"])
                .tenant_isolated(TenantIsolation::by("org_id").setting("app.org_id"))
                .row_security_only_on([Engine::Postgres]),
        )
        .table_def(
            TableDef::new("audit")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("owner", SqlType::Text))
                .primary_key(["id"])
                .row_security(RowSecurity::NotForced)
                .allow("S505", "the owner reads every row on purpose")
                .policy(
                    Policy::new("audit_own_rows")
                        .command(PolicyCommand::Select)
                        .to([&support])
                        .using("owner = current_user"),
                )
                .row_security_only_on([Engine::Postgres]),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    round_trip(&schema, &[Engine::Postgres, Engine::Sqlite]);
    let Some(mut db) = TestDb::new(Engine::Postgres) else {
        return;
    };
    for statement in dialect(Engine::Postgres)
        .render(&schema)
        .unwrap()
        .statements
    {
        db.run(&statement);
    }
    let live = db.introspect().unwrap();
    let notes = &live.table("notes").unwrap().security;
    assert_eq!(
        notes.tenant.as_ref().map(|t| t.setting.as_str()),
        Some("app.org_id")
    );
    assert_eq!(notes.row_security, Some(RowSecurity::Forced));
    let audit = &live.table("audit").unwrap().security;
    assert_eq!(audit.row_security, Some(RowSecurity::NotForced));
    assert_eq!(audit.policies[0].to, std::slice::from_ref(&support));
    // Drift: the policy dropped and row security switched off by hand are named.
    db.run("DROP POLICY audit_own_rows ON audit");
    db.run("ALTER TABLE notes NO FORCE ROW LEVEL SECURITY");
    let live = db.introspect().unwrap();
    let found = schema_dialects::drift::drift(Engine::Postgres, &schema, &live);
    assert_eq!(
        found.differences,
        [
            "table `audit`: policy `audit_own_rows` is missing from the database",
            "table `notes`: row-level security is not forced in the database but forced in the code",
        ],
        "{found}"
    );
}

#[test]
fn partitions_round_trip_on_postgres() {
    let schema = crate::partitions::schema();
    round_trip(&schema, &[Engine::Postgres]);
    let Some(mut db) = TestDb::new(Engine::Postgres) else {
        return;
    };
    for statement in dialect(Engine::Postgres)
        .render(&schema)
        .unwrap()
        .statements
    {
        db.run(&statement);
    }
    let live = db.introspect().unwrap();
    let events = live.table("events").unwrap().partitioning.as_ref().unwrap();
    assert_eq!(events.partitions.len(), 3, "{events:?}");
    assert!(events.default_partition);
    assert_eq!(
        live.table("sessions")
            .unwrap()
            .partitioning
            .as_ref()
            .unwrap()
            .partitions
            .len(),
        4
    );
}
