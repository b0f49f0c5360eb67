//! Index methods, operator classes, expression keys, INCLUDE, sort order, NULLS NOT DISTINCT,
//! MySQL FULLTEXT and prefix indexes, and engine-specific indexes: created and used where the
//! engine has them, a validation error naming the engine where it has not.

use schema_core::{Column, Engine, Index, IndexMethod, KeyPart, Schema, SqlType, TableDef};
use schema_dialects::dialect;
use schema_tests::TestDb;

use crate::fixtures;
use crate::support::{apply, count, rejected, render};

/// Asserts `schema` is refused on `engine` with a message containing every one of `expected`.
pub fn refused(engine: Engine, schema: &Schema, expected: &[&str]) {
    let problems = dialect(engine).check(schema);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let text = text.join("\n");
    assert!(!problems.is_empty(), "{engine}: should be refused");
    for part in expected {
        assert!(text.contains(part), "{engine}: `{part}` not in:\n{text}");
    }
}

fn users(index: Index) -> Schema {
    fixtures::schema(vec![
        TableDef::new("users")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("email", SqlType::Varchar(320)))
            .column(Column::new("tenant", SqlType::BigInt).nullable())
            .column(Column::new("at", SqlType::TimestampTz).nullable())
            .primary_key(["id"])
            .index(index),
    ])
}

#[test]
fn a_unique_expression_index_rejects_the_same_email_in_other_case() {
    let schema = users(Index::on_expression("lower(email)").unique());
    for mut db in TestDb::all() {
        let engine = db.engine();
        if !dialect(engine).supports_expression_indexes() {
            refused(engine, &schema, &["users_lower_email_idx", "MariaDB"]);
            continue;
        }
        apply(&mut db, &schema);
        db.run("INSERT INTO users (id, email) VALUES (1, 'a@x.org')");
        rejected(
            &mut db,
            "INSERT INTO users (id, email) VALUES (2, 'A@x.org')",
            &[],
        );
        db.run("INSERT INTO users (id, email) VALUES (3, 'b@x.org')");
        assert_eq!(count(&mut db, "users", ""), 2, "{engine}");
    }
}

#[test]
fn include_columns_and_nulls_order_on_postgres_only() {
    let schema = users(
        Index::on(["tenant", "at"])
            .part("at", KeyPart::new().desc().nulls_last())
            .include(["email"]),
    );
    for mut db in TestDb::all() {
        let engine = db.engine();
        if engine != Engine::Postgres {
            refused(engine, &schema, &["INCLUDE", "NULLS FIRST/LAST"]);
            continue;
        }
        apply(&mut db, &schema);
        let def = db
            .value("SELECT indexdef FROM pg_indexes WHERE indexname = 'users_tenant_at_idx'")
            .unwrap();
        assert!(
            def.ends_with("(tenant, at DESC NULLS LAST) INCLUDE (email)"),
            "{def}"
        );
    }
}

#[test]
fn descending_key_parts_are_recorded_on_every_engine() {
    let schema = users(Index::on(["tenant", "at"]).part("at", KeyPart::new().desc()));
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &schema);
        let descending = match engine {
            Engine::Postgres => db
                .value("SELECT indexdef FROM pg_indexes WHERE indexname = 'users_tenant_at_idx'")
                .unwrap()
                .contains("at DESC"),
            // MariaDB 10.8+ and MySQL 8 keep descending key parts (COLLATION 'D').
            Engine::MySql => {
                db.value("SELECT COLLATION FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'users_tenant_at_idx' AND COLUMN_NAME = 'at'")
                    .as_deref()
                    == Some("D")
            }
            Engine::Sqlite => {
                db.value("SELECT \"desc\" FROM pragma_index_xinfo('users_tenant_at_idx') WHERE name = 'at'")
                    .as_deref()
                    == Some("1")
            }
        };
        assert!(descending, "{engine}");
    }
}

#[test]
fn nulls_not_distinct_allows_one_null_on_postgres_and_is_refused_elsewhere() {
    let table = TableDef::new("slots")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("a", SqlType::Integer).nullable())
        .column(Column::new("b", SqlType::Integer).nullable())
        .primary_key(["id"])
        .unique_nulls_not_distinct("", ["a"])
        .index(Index::on(["b"]).unique().nulls_not_distinct());
    let schema = fixtures::schema(vec![table]);
    for mut db in TestDb::all() {
        let engine = db.engine();
        if !dialect(engine).supports_nulls_not_distinct() {
            refused(
                engine,
                &schema,
                &["slots_a_key", "slots_b_idx", "NULLS NOT DISTINCT"],
            );
            continue;
        }
        apply(&mut db, &schema);
        db.run("INSERT INTO slots (id, a, b) VALUES (1, NULL, 1)");
        rejected(
            &mut db,
            "INSERT INTO slots (id, a, b) VALUES (2, NULL, 2)",
            &["slots_a_key"],
        );
        db.run("INSERT INTO slots (id, a, b) VALUES (3, 3, NULL)");
        rejected(
            &mut db,
            "INSERT INTO slots (id, a, b) VALUES (4, 4, NULL)",
            &["slots_b_idx"],
        );
    }
}

fn documents(indexes: Vec<Index>) -> Schema {
    let table = TableDef::new("documents")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("title", SqlType::Text))
        .column(Column::new("body", SqlType::Text))
        .column(Column::new("meta", SqlType::Jsonb))
        .column(Column::new("at", SqlType::TimestampTz))
        .primary_key(["id"]);
    let table = indexes.into_iter().fold(table, TableDef::index);
    Schema::builder()
        .extension("pg_trgm")
        .table_def(table)
        .build()
        .unwrap()
}

fn postgres_methods() -> Vec<Index> {
    let pg = [Engine::Postgres];
    vec![
        Index::on(["meta"])
            .using(IndexMethod::Gin)
            .part("meta", KeyPart::new().opclass("jsonb_path_ops"))
            .only_on(pg),
        Index::on(["title"])
            .using(IndexMethod::Gin)
            .part("title", KeyPart::new().opclass("gin_trgm_ops"))
            .only_on(pg),
        Index::on(["body"])
            .using(IndexMethod::Gist)
            .part("body", KeyPart::new().opclass("gist_trgm_ops"))
            .only_on(pg),
        Index::on(["at"]).using(IndexMethod::Brin).only_on(pg),
        Index::on(["title"])
            .named("documents_title_hash")
            .using(IndexMethod::Hash)
            .only_on(pg),
        Index::on(["body"])
            .named("documents_body_spgist")
            .using(IndexMethod::SpGist)
            .only_on(pg),
    ]
}

#[test]
fn postgres_index_methods_and_operator_classes_are_used_and_skipped_elsewhere() {
    let schema = documents(postgres_methods());
    for mut db in TestDb::all() {
        let engine = db.engine();
        let script = apply(&mut db, &schema);
        match engine {
            Engine::Postgres => {
                assert_eq!(
                    script.statements[0],
                    "CREATE EXTENSION IF NOT EXISTS \"pg_trgm\""
                );
                let methods = db.column(
                    "SELECT am.amname || ' ' || i.relname FROM pg_class i JOIN pg_am am ON am.oid = i.relam \
                     JOIN pg_index x ON x.indexrelid = i.oid WHERE x.indrelid = 'documents'::regclass AND NOT x.indisprimary ORDER BY i.relname",
                );
                assert_eq!(
                    methods,
                    [
                        "brin documents_at_idx",
                        "gist documents_body_idx",
                        "spgist documents_body_spgist",
                        "gin documents_meta_idx",
                        "hash documents_title_hash",
                        "gin documents_title_idx",
                    ]
                );
                let defs = db
                    .column("SELECT indexdef FROM pg_indexes WHERE tablename = 'documents'")
                    .join("\n");
                assert!(defs.contains("meta jsonb_path_ops"), "{defs}");
                assert!(defs.contains("title gin_trgm_ops"), "{defs}");
                // The trigram index serves a LIKE with a leading wildcard.
                db.run("INSERT INTO documents (id, title, body, meta, at) VALUES (1, 'Quarterly report', 'x', '{\"a\": 1}', now())");
                db.run("SET enable_seqscan = off");
                let plan = db
                    .column("EXPLAIN SELECT id FROM documents WHERE title LIKE '%report%'")
                    .join("\n");
                assert!(plan.contains("documents_title_idx"), "{plan}");
                let plan = db
                    .column("EXPLAIN SELECT id FROM documents WHERE meta @> '{\"a\": 1}'")
                    .join("\n");
                assert!(plan.contains("documents_meta_idx"), "{plan}");
            }
            _ => {
                // Skipped on purpose, and the script says so.
                let create = script
                    .statements
                    .iter()
                    .find(|s| s.contains("CREATE TABLE"))
                    .unwrap();
                assert!(
                    create.starts_with("-- index documents_meta_idx is not created on"),
                    "{create}"
                );
                assert!(!script.statements.iter().any(|s| s.contains("CREATE INDEX")));
            }
        }
    }
    // Without `engines(postgres)` the same indexes are errors on the other engines.
    let unmarked: Vec<Index> = postgres_methods()
        .into_iter()
        .map(|mut i| {
            i.engines.clear();
            i
        })
        .collect();
    let schema = documents(unmarked);
    for engine in [Engine::MySql, Engine::Sqlite] {
        refused(
            engine,
            &schema,
            &[
                "`gin` method",
                "`gist` method",
                "`brin` method",
                "`hash` method",
                "`spgist` method",
                "operator class",
            ],
        );
    }
}

#[test]
fn mysql_fulltext_and_prefix_indexes_work_and_are_refused_elsewhere() {
    let schema = documents(vec![
        Index::on(["body"]).using(IndexMethod::FullText),
        Index::on(["title"])
            .unique()
            .part("title", KeyPart::new().prefix(10)),
    ]);
    for mut db in TestDb::all() {
        let engine = db.engine();
        if engine != Engine::MySql {
            refused(engine, &schema, &["`fulltext` method", "prefix of `title`"]);
            continue;
        }
        let script = apply(&mut db, &schema);
        assert!(
            script
                .statements
                .iter()
                .any(|s| s.starts_with("CREATE FULLTEXT INDEX `documents_body_idx`"))
        );
        let sub_part = db.value("SELECT SUB_PART FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'documents_title_idx'");
        assert_eq!(sub_part.as_deref(), Some("10"));
        let kind = db.value("SELECT INDEX_TYPE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'documents_body_idx'");
        assert_eq!(kind.as_deref(), Some("FULLTEXT"));
        db.run("INSERT INTO documents (id, title, body, meta, at) VALUES (1, 'Quarterly report', 'profits rose sharply', '{}', NOW())");
        // The unique prefix: the first 10 characters decide.
        rejected(
            &mut db,
            "INSERT INTO documents (id, title, body, meta, at) VALUES (2, 'Quarterly forecast', 'x', '{}', NOW())",
            &["Duplicate entry"],
        );
        let hits = db.value("SELECT COUNT(*) FROM documents WHERE MATCH(body) AGAINST ('profits')");
        assert_eq!(hits.as_deref(), Some("1"));
    }
}

#[test]
fn an_unsupported_index_is_never_written_silently() {
    // The writer refuses, not just `check`: render runs the checks first.
    let schema = users(Index::on(["tenant"]).using(IndexMethod::Hash));
    for engine in [Engine::MySql, Engine::Sqlite] {
        assert!(dialect(engine).render(&schema).is_err(), "{engine}");
    }
    let sql = render(Engine::Postgres, &schema).statements.join("\n");
    assert!(sql.contains("USING hash (\"tenant\")"), "{sql}");
}
