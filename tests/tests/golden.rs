//! Golden DDL: each engine's script for the shared fixture, and each engine's diagnostics for a
//! schema that breaks engine rules. Review changed snapshots by eye (`cargo insta review`).

mod dialect_fixture;

use schema_core::Engine;
use schema_dialects::dialect;

fn script(engine: Engine) -> String {
    dialect(engine)
        .render(&dialect_fixture::schema(engine))
        .unwrap_or_else(|e| panic!("{engine}: {e}"))
        .to_string()
}

fn diagnostics(engine: Engine) -> String {
    match dialect(engine).render(&dialect_fixture::broken()) {
        Ok(script) => panic!("{engine}: the broken schema rendered:\n{script}"),
        Err(errors) => errors.to_string(),
    }
}

#[test]
fn postgres_script() {
    insta::assert_snapshot!(script(Engine::Postgres));
}

#[test]
fn mysql_script() {
    insta::assert_snapshot!(script(Engine::MySql));
}

#[test]
fn sqlite_script() {
    insta::assert_snapshot!(script(Engine::Sqlite));
}

#[test]
fn postgres_diagnostics() {
    insta::assert_snapshot!(diagnostics(Engine::Postgres));
}

#[test]
fn mysql_diagnostics() {
    insta::assert_snapshot!(diagnostics(Engine::MySql));
}

#[test]
fn sqlite_diagnostics() {
    insta::assert_snapshot!(diagnostics(Engine::Sqlite));
}

#[test]
fn rendering_is_deterministic() {
    for engine in Engine::ALL {
        assert_eq!(script(engine), script(engine));
    }
}

#[test]
fn check_reports_what_render_refuses() {
    for engine in Engine::ALL {
        let schema = dialect_fixture::broken();
        let found = dialect(engine).check(&schema);
        let refused = dialect(engine).render(&schema).unwrap_err();
        assert_eq!(found, refused.into_vec(), "{engine}");
        assert!(
            dialect(engine)
                .check(&dialect_fixture::schema(engine))
                .is_empty(),
            "{engine}"
        );
    }
}
