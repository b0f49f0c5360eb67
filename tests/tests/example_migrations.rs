//! The saas-billing example's migration history: the committed snapshot is the current schema,
//! each engine has at least two successive migrations, and sqlx's migrator applying them builds
//! exactly what the committed final DDL builds (catalogs compared); down to nothing and up again
//! works.

#[path = "migrations/support.rs"]
#[allow(dead_code)]
mod support;

use std::path::PathBuf;

use schema_core::Engine;
use schema_dialects::migrate::{SNAPSHOT_FILE, from_snapshot};
use schema_tests::TestDb;

use support::{catalog, difference};

fn migrations_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/saas-billing/migrations")
}

#[test]
fn the_snapshot_is_the_current_schema() {
    let path = migrations_dir().join(SNAPSHOT_FILE);
    let snapshot = from_snapshot(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let schema = saas_billing_schema::schema().build().unwrap();
    assert!(
        snapshot == schema,
        "{} is stale: run `cargo build -p saas-billing` to write the next migration, and commit it",
        path.display()
    );
}

#[test]
fn each_engine_has_at_least_two_migrations() {
    for engine in Engine::ALL {
        let ups = std::fs::read_dir(migrations_dir().join(engine.key()))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".up.sql")
            })
            .count();
        assert!(ups >= 2, "{engine}: {ups} migrations");
    }
}

#[test]
fn the_migrations_build_the_committed_ddl() {
    for engine in Engine::ALL {
        let Some(mut migrated) = TestDb::new(engine) else {
            continue;
        };
        let dir = migrations_dir().join(engine.key());
        migrated
            .migrate(&dir)
            .unwrap_or_else(|e| panic!("{engine}: {e}"));
        let after_migrations = catalog(&mut migrated);

        let mut direct = TestDb::new(engine).expect("engine available");
        let script = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(format!("../examples/saas-billing/db/{}.sql", engine.key())),
        )
        .unwrap();
        direct.run(&script);
        let built = catalog(&mut direct);
        assert!(
            after_migrations == built,
            "{engine}: the migrations and db/{}.sql differ\n{}",
            engine.key(),
            difference(&after_migrations, &built)
        );

        migrated
            .undo(&dir, 0)
            .unwrap_or_else(|e| panic!("{engine}: down: {e}"));
        let empty = catalog(&mut TestDb::new(engine).expect("engine available"));
        assert_eq!(catalog(&mut migrated), empty, "{engine}: down to nothing");
        migrated
            .migrate(&dir)
            .unwrap_or_else(|e| panic!("{engine}: up again: {e}"));
        assert_eq!(catalog(&mut migrated), built, "{engine}: up again");
    }
}
