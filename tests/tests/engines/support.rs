//! Rendering, applying and small SQL helpers shared by the engine tests.

use schema_core::{Engine, Schema};
use schema_dialects::{Script, dialect};
use schema_tests::TestDb;

/// The engine's script for `schema`, panicking with every diagnostic if the writer refuses it.
pub fn render(engine: Engine, schema: &Schema) -> Script {
    match dialect(engine).render(schema) {
        Ok(script) => {
            assert_eq!(
                script.engine, engine,
                "the script says it is for another engine"
            );
            script
        }
        Err(problems) => panic!("{engine}: the writer refused a valid fixture:\n{problems}"),
    }
}

/// Renders `schema` for the database's engine and runs it statement by statement; a failing
/// statement panics with its SQL and the engine's message. Returns the script.
pub fn apply(db: &mut TestDb, schema: &Schema) -> Script {
    let engine = db.engine();
    let script = render(engine, schema);
    for (i, statement) in script.statements.iter().enumerate() {
        if let Err(message) = db.execute(statement) {
            panic!(
                "{engine}: statement {} of the rendered script failed: {message}\n--- SQL ---\n{statement}",
                i + 1
            );
        }
    }
    script
}

/// `name` quoted as an identifier for `engine`.
pub fn ident(engine: Engine, name: &str) -> String {
    match engine {
        Engine::MySql => format!("`{}`", name.replace('`', "``")),
        _ => format!("\"{}\"", name.replace('"', "\"\"")),
    }
}

/// `expr` cast to text, so the harness can read any column type (the sqlx Any driver reads only
/// integers, floats, text and bytes).
pub fn text(engine: Engine, expr: &str) -> String {
    match engine {
        Engine::Postgres => format!("CAST({expr} AS text)"),
        Engine::MySql => format!("CAST({expr} AS CHAR)"),
        Engine::Sqlite => format!("CAST({expr} AS TEXT)"),
    }
}

/// How many rows `table` holds (optionally filtered by a WHERE clause).
pub fn count(db: &mut TestDb, table: &str, filter: &str) -> i64 {
    let table = ident(db.engine(), table);
    let sql = if filter.is_empty() {
        format!("SELECT COUNT(*) FROM {table}")
    } else {
        format!("SELECT COUNT(*) FROM {table} WHERE {filter}")
    };
    db.value(&sql)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}: no count from {sql}", db.engine()))
}

/// Runs `sql`, which must fail with a message containing every one of `expected` (compared
/// case-insensitively, so engines' quoting and capitalisation do not matter); returns the
/// message.
pub fn rejected(db: &mut TestDb, sql: &str, expected: &[&str]) -> String {
    let message = db.reject(sql);
    let lower = message.to_lowercase();
    for part in expected {
        assert!(
            lower.contains(&part.to_lowercase()),
            "{}: the error for\n  {sql}\nshould mention `{part}` but is:\n  {message}",
            db.engine()
        );
    }
    message
}

/// A binary literal of `bytes` for `engine` (X'..' is accepted by all three).
pub fn bytes_literal(bytes: &[u8]) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
    format!("X'{hex}'")
}

/// A UUID literal for a uuid column on `engine` (`n` fills the last byte).
pub fn uuid_literal(engine: Engine, n: u8) -> String {
    match engine {
        Engine::Postgres => format!("'00000000-0000-4000-8000-0000000000{n:02x}'"),
        _ => {
            let mut bytes = [0u8; 16];
            bytes[6] = 0x40;
            bytes[8] = 0x80;
            bytes[15] = n;
            bytes_literal(&bytes)
        }
    }
}

/// The literal for a boolean on `engine`.
pub fn boolean(engine: Engine, value: bool) -> &'static str {
    match (engine, value) {
        (Engine::Postgres, true) => "TRUE",
        (Engine::Postgres, false) => "FALSE",
        (_, true) => "1",
        (_, false) => "0",
    }
}
