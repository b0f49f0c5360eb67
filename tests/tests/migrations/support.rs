//! Round trips on the real engines: apply A through sqlx's migrator, migrate to B, compare the
//! catalog with B's DDL applied to a fresh database, introspect and diff against B again
//! (no drift), migrate down, compare with A again.
//!
//! The comparison reads the engine's catalog (columns with types, nullability, defaults,
//! identity and comments; constraints with their definitions; indexes; enum types and domains;
//! table comments), sorted, so it does not depend on the order the statements ran in. Column
//! order is left out: PostgreSQL and MySQL append added columns at the end.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use schema_core::{Engine, Schema};
use schema_dialects::dialect;
use schema_dialects::migrate::{migration, next_version, write_migration};
use schema_tests::TestDb;

/// A fresh folder for one engine's migration files.
pub fn scratch_dir(engine: Engine) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "schema-migrations-{}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        engine.key()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Writes the migration `from` → `to` into `dir` as the next version(s); returns the version
/// before it.
pub fn add_migration(
    engine: Engine,
    dir: &std::path::Path,
    from: &Schema,
    to: &Schema,
    acknowledged: &[&str],
    name: &str,
) -> i64 {
    let version = next_version(dir).unwrap();
    let migration = migration(engine, from, to, acknowledged)
        .unwrap_or_else(|e| panic!("{engine}: no migration for {name}:\n{e}"));
    write_migration(dir, version, name, &migration).unwrap();
    version - 1
}

/// The engine's catalog, one sorted line per object.
pub fn catalog(db: &mut TestDb) -> Vec<String> {
    let queries: &[&str] = match db.engine() {
        Engine::Postgres => &[
            "SELECT concat_ws('|', 'column', c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::text, coalesce(pg_get_expr(d.adbin, d.adrelid), '-'), a.attidentity::text, a.attgenerated::text, coalesce(co.collname::text, '-'), coalesce(col_description(c.oid, a.attnum), '-')) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum LEFT JOIN pg_collation co ON co.oid = a.attcollation WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT LIKE '\\_sqlx%'",
            "SELECT concat_ws('|', 'table', relname::text, coalesce(obj_description(oid, 'pg_class'), '-')) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relname NOT LIKE '\\_sqlx%'",
            "SELECT concat_ws('|', 'constraint', coalesce(conrelid::regclass::text, '-'), coalesce(contypid::regtype::text, '-'), conname::text, pg_get_constraintdef(oid)) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND coalesce(conrelid::regclass::text, '') NOT LIKE '\\_sqlx%'",
            "SELECT concat_ws('|', 'index', indexname::text, indexdef) FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_sqlx%'",
            "SELECT concat_ws('|', 'enum', t.typname::text, string_agg(e.enumlabel::text, ',' ORDER BY e.enumsortorder)) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname",
            "SELECT concat_ws('|', 'domain', typname::text, format_type(typbasetype, typtypmod)) FROM pg_type WHERE typtype = 'd' AND typnamespace = 'public'::regnamespace",
            "SELECT concat_ws('|', 'extension', extname::text) FROM pg_extension",
            "SELECT concat_ws('|', 'view', viewname::text, definition) FROM pg_views WHERE schemaname = 'public'",
            "SELECT concat_ws('|', 'matview', matviewname::text, definition) FROM pg_matviews WHERE schemaname = 'public'",
            "SELECT concat_ws('|', 'trigger', tgrelid::regclass::text, pg_get_triggerdef(oid)) FROM pg_trigger WHERE NOT tgisinternal",
            "SELECT concat_ws('|', 'function', proname::text, pg_get_functiondef(oid)) FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
            "SELECT concat_ws('|', 'policy', tablename::text, policyname::text, permissive, array_to_string(roles, ','), cmd, coalesce(qual, '-'), coalesce(with_check, '-')) FROM pg_policies WHERE schemaname = 'public'",
            "SELECT concat_ws('|', 'rls', relname::text, relrowsecurity::text, relforcerowsecurity::text) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relname NOT LIKE '\\_sqlx%'",
        ],
        Engine::MySql => &[
            "SELECT CONCAT_WS('|', 'column', table_name, column_name, column_type, is_nullable, COALESCE(column_default, '-'), extra, COALESCE(collation_name, '-'), column_comment, COALESCE(generation_expression, '-')) FROM information_schema.columns WHERE table_schema = database() AND table_name NOT LIKE '\\_sqlx%'",
            "SELECT CONCAT_WS('|', 'table', table_name, table_comment) FROM information_schema.tables WHERE table_schema = database() AND table_name NOT LIKE '\\_sqlx%'",
            "SELECT CONCAT_WS('|', 'constraint', table_name, constraint_name, constraint_type) FROM information_schema.table_constraints WHERE constraint_schema = database() AND table_name NOT LIKE '\\_sqlx%'",
            "SELECT CONCAT_WS('|', 'check', table_name, constraint_name, check_clause) FROM information_schema.check_constraints WHERE constraint_schema = database()",
            "SELECT CONCAT_WS('|', 'fk', rc.table_name, rc.constraint_name, rc.referenced_table_name, rc.update_rule, rc.delete_rule, GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position), GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position)) FROM information_schema.referential_constraints rc JOIN information_schema.key_column_usage k ON k.constraint_schema = rc.constraint_schema AND k.constraint_name = rc.constraint_name AND k.table_name = rc.table_name WHERE rc.constraint_schema = database() GROUP BY rc.table_name, rc.constraint_name, rc.referenced_table_name, rc.update_rule, rc.delete_rule",
            "SELECT CONCAT_WS('|', 'index', table_name, index_name, non_unique, index_type, GROUP_CONCAT(CONCAT(column_name, ':', COALESCE(sub_part, ''), ':', COALESCE(collation, '')) ORDER BY seq_in_index)) FROM information_schema.statistics WHERE table_schema = database() AND table_name NOT LIKE '\\_sqlx%' GROUP BY table_name, index_name, non_unique, index_type",
            "SELECT CONCAT_WS('|', 'view', table_name, view_definition) FROM information_schema.views WHERE table_schema = database()",
            "SELECT CONCAT_WS('|', 'trigger', trigger_name, event_object_table, action_timing, event_manipulation, action_statement) FROM information_schema.triggers WHERE trigger_schema = database()",
            "SELECT CONCAT_WS('|', 'routine', routine_type, routine_name, routine_definition) FROM information_schema.routines WHERE routine_schema = database()",
        ],
        Engine::Sqlite => &[
            "SELECT type || '|' || name || '|' || tbl_name || '|' || coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_sqlx%' ESCAPE '\\'",
        ],
    };
    // MySQL writes the database name into view definitions; each test has its own database.
    let database = match db.engine() {
        Engine::MySql => db
            .value("SELECT database()")
            .map(|name| format!("`{name}`.")),
        _ => None,
    };
    let mut lines: Vec<String> = queries
        .iter()
        .flat_map(|query| db.column(query))
        .map(|line| match &database {
            Some(name) => line.replace(name.as_str(), ""),
            None => line,
        })
        // SQLite keeps the CREATE text: ALTER TABLE edits it in place, so spacing may differ.
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(""))
        .collect();
    lines.sort();
    lines
}

/// Empties a database reused across cases (creating a database per case is slow on servers).
pub fn reset(db: &mut TestDb) {
    match db.engine() {
        Engine::Postgres => db.run("DROP SCHEMA public CASCADE; CREATE SCHEMA public"),
        Engine::MySql => {
            let objects = db.column(
                "SELECT CONCAT(IF(table_type = 'VIEW', 'VIEW', 'TABLE'), ' `', table_name, '`') FROM information_schema.tables WHERE table_schema = database() UNION ALL SELECT CONCAT(routine_type, ' `', routine_name, '`') FROM information_schema.routines WHERE routine_schema = database()",
            );
            let mut sql = "SET FOREIGN_KEY_CHECKS = 0;".to_string();
            for object in objects {
                sql.push_str(&format!("DROP {object};"));
            }
            sql.push_str("SET FOREIGN_KEY_CHECKS = 1");
            db.run(&sql);
        }
        Engine::Sqlite => *db = TestDb::new(Engine::Sqlite).expect("SQLite"),
    }
}

/// The catalog of `schema`'s DDL applied to `db` (emptied first).
pub fn direct_catalog(db: &mut TestDb, schema: &Schema) -> Vec<String> {
    reset(db);
    let engine = db.engine();
    let script = dialect(engine)
        .render(schema)
        .unwrap_or_else(|e| panic!("{engine}: {e}"));
    for statement in &script.statements {
        db.run(statement);
    }
    catalog(db)
}

/// Two databases on one engine, reused across cases: one to migrate, one to build directly.
pub struct Lab {
    /// The database migrations run on.
    pub migrated: TestDb,
    /// The database the target's DDL is applied to.
    pub direct: TestDb,
}

impl Lab {
    /// Two fresh databases, or `None` when the engine is skipped.
    pub fn new(engine: Engine) -> Option<Lab> {
        Some(Lab {
            migrated: TestDb::new(engine)?,
            direct: TestDb::new(engine)?,
        })
    }
}

/// Lines only in `left` and only in `right`, for a readable failure.
pub fn difference(left: &[String], right: &[String]) -> String {
    let only = |a: &[String], b: &[String]| -> Vec<String> {
        a.iter().filter(|l| !b.contains(l)).cloned().collect()
    };
    format!(
        "only after migrating:\n  {}\nonly built directly:\n  {}",
        only(left, right).join("\n  "),
        only(right, left).join("\n  ")
    )
}

/// Applies `a`, migrates to `b` (acknowledging `acknowledged`), runs `setup` on A's database
/// first (rows to keep) and `verify` after migrating; compares catalogs both ways.
pub fn round_trip(
    lab: &mut Lab,
    name: &str,
    a: &Schema,
    b: &Schema,
    acknowledged: &[&str],
    setup: &dyn Fn(&mut TestDb),
    verify: &dyn Fn(&mut TestDb),
) {
    let engine = lab.migrated.engine();
    reset(&mut lab.migrated);
    let db = &mut lab.migrated;
    let dir = scratch_dir(engine);
    add_migration(engine, &dir, &Schema::default(), a, &[], "initial");
    db.migrate(&dir)
        .unwrap_or_else(|e| panic!("{engine} {name}: initial migration failed: {e}"));
    let catalog_a = catalog(db);
    let direct_a = direct_catalog(&mut lab.direct, a);
    assert!(
        catalog_a == direct_a,
        "{engine} {name}: initial migration differs from A's DDL\n{}",
        difference(&catalog_a, &direct_a)
    );
    setup(db);
    let before = add_migration(engine, &dir, a, b, acknowledged, name);
    if let Err(e) = db.migrate(&dir) {
        panic!(
            "{engine} {name}: migration failed: {e}\n{}",
            files(&dir, before)
        );
    }
    let catalog_b = catalog(db);
    let direct_b = direct_catalog(&mut lab.direct, b);
    assert!(
        catalog_b == direct_b,
        "{engine} {name}: migrated catalog differs from B's DDL\n{}\n{}",
        difference(&catalog_b, &direct_b),
        files(&dir, before)
    );
    // Diff again: B read back from the migrated database has no drift from B.
    let mut live = db
        .introspect()
        .unwrap_or_else(|e| panic!("{engine} {name}: introspection failed: {e}"));
    live.tables.retain(|t| !t.name.starts_with("_sqlx"));
    let drift = schema_dialects::drift::drift(engine, b, &live);
    assert!(
        drift.is_empty(),
        "{engine} {name}: after migrating, diffing again finds changes:\n{drift}"
    );
    verify(db);
    if let Err(e) = db.undo(&dir, before) {
        panic!(
            "{engine} {name}: down migration failed: {e}\n{}",
            files(&dir, before)
        );
    }
    let catalog_down = catalog(db);
    assert!(
        catalog_down == catalog_a,
        "{engine} {name}: down migration does not restore A\n{}\n{}",
        difference(&catalog_down, &catalog_a),
        files(&dir, before)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The migration files after version `after`, for failure messages.
fn files(dir: &std::path::Path, after: i64) -> String {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.split_once('_'))
                .and_then(|(v, _)| v.parse::<i64>().ok())
                .is_some_and(|v| v > after)
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            format!(
                "--- {}\n{}",
                p.display(),
                std::fs::read_to_string(p).unwrap()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
