//! The harness itself works on every available engine.

use schema_core::Engine;
use schema_tests::TestDb;

#[test]
fn each_engine_runs_a_script_and_reports_its_own_errors() {
    for mut db in TestDb::all() {
        db.run("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(10) NOT NULL); INSERT INTO t VALUES (1, 'a');");
        assert_eq!(db.column("SELECT name FROM t"), ["a"]);
        assert_eq!(db.value("SELECT COUNT(*) FROM t").as_deref(), Some("1"));
        let message = db.reject("INSERT INTO t VALUES (1, 'b')");
        assert!(!message.is_empty(), "{}: empty error", db.engine());
    }
}

#[test]
fn each_test_database_starts_empty() {
    for engine in [Engine::Postgres, Engine::MySql] {
        let (Some(mut a), Some(mut b)) = (TestDb::new(engine), TestDb::new(engine)) else {
            continue;
        };
        a.run("CREATE TABLE only_in_a (id INTEGER)");
        assert!(
            b.execute("SELECT * FROM only_in_a").is_err(),
            "{engine}: databases are shared"
        );
    }
}
