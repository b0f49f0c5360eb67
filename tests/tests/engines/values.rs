//! Column values on the engines: defaults fill in, identity generates, and each logical type's
//! domain holds — natively on PostgreSQL and MySQL, through the CHECKs the SQLite writer adds
//! to its STRICT tables.

use schema_core::Engine;
use schema_tests::TestDb;

use crate::fixtures;
use crate::support::{apply, boolean, bytes_literal, count, rejected, text, uuid_literal};

#[test]
fn defaults_fill_in_literals_now_current_date_and_expressions() {
    let schema = fixtures::schema(fixtures::types());
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &schema);
        db.run("INSERT INTO type_samples (body) VALUES ('only the body')");
        let columns = ["flag", "small", "rate", "email", "status", "answer"];
        let select: Vec<String> = columns.iter().map(|c| text(engine, c)).collect();
        let row = db.rows(&format!("SELECT {} FROM type_samples", select.join(", ")));
        let got: Vec<String> = row[0]
            .iter()
            .map(|v| v.clone().unwrap_or_else(|| "NULL".into()))
            .collect();
        let flag = if engine == Engine::Postgres {
            "true"
        } else {
            "1"
        };
        assert_eq!(
            got,
            [flag, "7", "1.2500", "nobody@example.com", "draft", "42"],
            "{engine}: defaults"
        );

        let today = match engine {
            Engine::Sqlite => "born = date('now')",
            _ => "born = CURRENT_DATE",
        };
        assert_eq!(
            count(&mut db, "type_samples", today),
            1,
            "{engine}: current_date default"
        );
        // now: within a minute of the engine's clock (UTC for SQLite; the MySQL harness session
        // runs in UTC, as sqlx sets time_zone '+00:00').
        let recent = match engine {
            Engine::Postgres => {
                "seen > localtimestamp - interval '1 minute' AND created_at > now() - interval '1 minute'"
            }
            Engine::MySql => {
                "seen > NOW(6) - INTERVAL 1 MINUTE AND created_at > UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE"
            }
            Engine::Sqlite => {
                "datetime(seen) > datetime('now', '-1 minute') AND datetime(created_at) > datetime('now', '-1 minute')"
            }
        };
        assert_eq!(
            count(&mut db, "type_samples", recent),
            1,
            "{engine}: now default"
        );
        // Nullable columns without a default are NULL.
        assert_eq!(
            count(
                &mut db,
                "type_samples",
                "medium IS NULL AND doc IS NULL AND uid IS NULL"
            ),
            1,
            "{engine}"
        );
    }
}

#[test]
fn a_timestamptz_now_default_is_utc_on_mysql_in_any_session_time_zone() {
    let schema = fixtures::schema(fixtures::types());
    let Some(mut db) = TestDb::new(Engine::MySql) else {
        return;
    };
    apply(&mut db, &schema);
    // timestamptz is DATETIME(6) holding UTC, so its `now` default must be UTC whatever the
    // session's time zone (sqlx sets '+00:00', which hides the difference elsewhere).
    db.run("SET time_zone = '+05:00'");
    db.run("INSERT INTO type_samples (body) VALUES ('far east')");
    let utc = "created_at BETWEEN UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE AND UTC_TIMESTAMP(6)";
    let stored = db.value(&format!(
        "SELECT {} FROM type_samples",
        text(Engine::MySql, "created_at")
    ));
    let now = db.value(&format!(
        "SELECT {}",
        text(Engine::MySql, "UTC_TIMESTAMP(6)")
    ));
    assert_eq!(
        count(&mut db, "type_samples", utc),
        1,
        "MySQL: the default stored {stored:?}, UTC is {now:?}"
    );
}

#[test]
fn identity_generates_values_and_by_default_accepts_explicit_ones() {
    let schema = fixtures::schema(fixtures::types());
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &schema);
        db.run("INSERT INTO type_samples (body) VALUES ('a')");
        db.run("INSERT INTO type_samples (body) VALUES ('b')");
        assert_eq!(
            db.column("SELECT id FROM type_samples ORDER BY id"),
            ["1", "2"],
            "{engine}"
        );
        db.run("INSERT INTO type_samples (id, body) VALUES (100, 'explicit')");
        db.run("INSERT INTO type_samples (body) VALUES ('c')");
        assert_eq!(
            db.value("SELECT COUNT(DISTINCT id) FROM type_samples")
                .as_deref(),
            Some("4"),
            "{engine}"
        );
        // The identity column is NOT NULL: an explicit NULL never lands.
        let null_id = db.execute("INSERT INTO type_samples (id, body) VALUES (NULL, 'null id')");
        if null_id.is_ok() {
            // MySQL and SQLite treat NULL as "generate one".
            assert_ne!(
                engine,
                Engine::Postgres,
                "PostgreSQL accepted a NULL identity"
            );
            assert_eq!(count(&mut db, "type_samples", "id IS NULL"), 0, "{engine}");
        }
    }
}

#[test]
fn identity_always_refuses_explicit_values_on_postgres_and_is_refused_elsewhere() {
    let schema = fixtures::schema(fixtures::always());
    for mut db in TestDb::all() {
        let engine = db.engine();
        if engine != Engine::Postgres {
            // Only PostgreSQL can refuse explicit values; elsewhere the writer must say so
            // rather than write a key that silently accepts them.
            let problems = schema_dialects::dialect(engine)
                .render(&schema)
                .expect_err("identity ALWAYS cannot be expressed: the writer must refuse it");
            assert!(
                problems
                    .iter()
                    .any(|p| p.table.as_deref() == Some("audit_log")
                        && p.column.as_deref() == Some("id")),
                "{engine}: the refusal names the column:\n{problems}"
            );
            continue;
        }
        apply(&mut db, &schema);
        db.run("INSERT INTO audit_log (message) VALUES ('one')");
        db.run("INSERT INTO audit_log (message) VALUES ('two')");
        assert_eq!(
            db.column("SELECT id FROM audit_log ORDER BY id"),
            ["1", "2"],
            "{engine}"
        );
        if engine == Engine::Postgres {
            rejected(
                &mut db,
                "INSERT INTO audit_log (id, message) VALUES (7, 'forged')",
                &["cannot insert a non-DEFAULT value into column \"id\""],
            );
            assert_eq!(count(&mut db, "audit_log", ""), 2);
        }
    }
}

/// One good `profiles` row with `column` replaced by `value` (SQL text).
fn profile(engine: Engine, id: i64, column: &str, value: &str) -> String {
    let uid = uuid_literal(engine, id as u8);
    let active = boolean(engine, true).to_string();
    let mut values = vec![
        ("id", id.to_string()),
        ("nick", "'abcdefgh'".to_string()),
        ("uid", uid),
        ("prefs", "'{\"theme\": \"dark\"}'".to_string()),
        ("active", active),
        ("birthday", "'2024-02-29'".to_string()),
        ("status", "'open'".to_string()),
        ("level", "32767".to_string()),
        ("last_seen", "'2024-01-02 03:04:05.123456'".to_string()),
        ("country", "NULL".to_string()),
        ("wakes_at", "NULL".to_string()),
    ];
    for (name, v) in &mut values {
        if *name == column {
            *v = value.to_string();
        }
    }
    let names: Vec<&str> = values.iter().map(|(n, _)| *n).collect();
    let values: Vec<&str> = values.iter().map(|(_, v)| v.as_str()).collect();
    format!(
        "INSERT INTO profiles ({}) VALUES ({})",
        names.join(", "),
        values.join(", ")
    )
}

fn domains_dbs() -> Vec<TestDb> {
    let schema = fixtures::schema(fixtures::domains());
    let mut dbs = TestDb::all();
    for db in &mut dbs {
        apply(db, &schema);
        if db.engine() == Engine::MySql {
            // MySQL enforces ENUM, lengths and dates only in strict mode.
            let mode = db.value("SELECT @@SESSION.sql_mode").unwrap_or_default();
            assert!(
                mode.contains("STRICT_TRANS_TABLES") || mode.contains("STRICT_ALL_TABLES"),
                "MySQL: the session is not in strict mode ({mode}); these tests need it"
            );
        }
    }
    dbs
}

/// The error a domain violation gives: the engine's own for a native type, a CHECK on SQLite.
fn domain_error(engine: Engine, postgres: &'static str, mysql: &'static str) -> &'static str {
    match engine {
        Engine::Postgres => postgres,
        Engine::MySql => mysql,
        Engine::Sqlite => "CHECK constraint failed",
    }
}

#[test]
fn good_values_of_every_guarded_type_are_accepted() {
    for mut db in domains_dbs() {
        let engine = db.engine();
        db.run(&profile(engine, 1, "", ""));
        // Eight characters, sixteen bytes: length is counted in characters.
        db.run(&profile(engine, 2, "nick", "'éééééééé'"));
        db.run(&profile(engine, 3, "active", boolean(engine, false)));
        db.run(&profile(engine, 4, "level", "NULL"));
        db.run(&profile(engine, 5, "last_seen", "NULL"));
        db.run(&profile(engine, 6, "level", "-32768"));
        assert_eq!(count(&mut db, "profiles", ""), 6, "{engine}");
        let nick = text(engine, "nick");
        assert_eq!(
            db.value(&format!("SELECT {nick} FROM profiles WHERE id = 2"))
                .as_deref(),
            Some("éééééééé")
        );
    }
}

#[test]
fn varchar_length_is_enforced() {
    for mut db in domains_dbs() {
        let engine = db.engine();
        let error = domain_error(
            engine,
            "value too long for type character varying(8)",
            "Data too long for column 'nick'",
        );
        rejected(
            &mut db,
            &profile(engine, 1, "nick", "'abcdefghi'"),
            &[error],
        );
        rejected(
            &mut db,
            &profile(engine, 1, "nick", "'éééééééééé'"),
            &[error],
        );
        assert_eq!(count(&mut db, "profiles", ""), 0, "{engine}");
    }
}

#[test]
fn uuids_are_sixteen_bytes() {
    for mut db in domains_dbs() {
        let engine = db.engine();
        match engine {
            Engine::Postgres => {
                rejected(
                    &mut db,
                    &profile(engine, 1, "uid", "'not-a-uuid'"),
                    &["invalid input syntax for type uuid"],
                );
            }
            Engine::MySql => {
                rejected(
                    &mut db,
                    &profile(engine, 1, "uid", &bytes_literal(&[1; 17])),
                    &["Data too long for column 'uid'"],
                );
            }
            Engine::Sqlite => {
                rejected(
                    &mut db,
                    &profile(engine, 1, "uid", &bytes_literal(&[1; 15])),
                    &["CHECK constraint failed"],
                );
                rejected(
                    &mut db,
                    &profile(engine, 1, "uid", &bytes_literal(&[1; 17])),
                    &["CHECK constraint failed"],
                );
                // STRICT: text is not a BLOB.
                rejected(
                    &mut db,
                    &profile(engine, 1, "uid", "'00000000-0000-4000-8000-000000000001'"),
                    &["cannot store TEXT value in BLOB column"],
                );
            }
        }
        db.run(&profile(engine, 1, "", ""));
        assert_eq!(count(&mut db, "profiles", ""), 1, "{engine}");
    }
}

#[test]
fn json_must_be_valid() {
    for mut db in domains_dbs() {
        let engine = db.engine();
        // MariaDB's JSON adds CHECK (json_valid(...)) named after the column.
        let error = domain_error(engine, "invalid input syntax for type json", "prefs");
        rejected(
            &mut db,
            &profile(engine, 1, "prefs", "'{\"theme\": '"),
            &[error],
        );
        db.run(&profile(engine, 1, "prefs", "'[1, 2, {\"a\": null}]'"));
        assert_eq!(count(&mut db, "profiles", ""), 1, "{engine}");
    }
}

#[test]
fn booleans_are_true_or_false() {
    for mut db in domains_dbs() {
        let engine = db.engine();
        match engine {
            Engine::Postgres => {
                rejected(
                    &mut db,
                    &profile(engine, 1, "active", "'maybe'"),
                    &["invalid input syntax for type boolean"],
                );
            }
            // BOOLEAN is TINYINT(1) on MySQL: 2 would fit; the writer's CHECK keeps 0/1.
            Engine::MySql => {
                rejected(&mut db, &profile(engine, 1, "active", "2"), &["failed"]);
            }
            Engine::Sqlite => {
                rejected(
                    &mut db,
                    &profile(engine, 1, "active", "2"),
                    &["CHECK constraint failed"],
                );
                rejected(
                    &mut db,
                    &profile(engine, 1, "active", "'yes'"),
                    &["cannot store TEXT value in INTEGER column"],
                );
            }
        }
        db.run(&profile(engine, 1, "active", boolean(engine, true)));
        db.run(&profile(engine, 2, "active", boolean(engine, false)));
        assert_eq!(count(&mut db, "profiles", ""), 2, "{engine}");
    }
}

#[test]
fn dates_must_be_real_dates() {
    for mut db in domains_dbs() {
        let engine = db.engine();
        let error = domain_error(engine, "date", "Incorrect date value");
        rejected(
            &mut db,
            &profile(engine, 1, "birthday", "'not a date'"),
            &[error],
        );
        // Well formed but not a day of the calendar.
        rejected(
            &mut db,
            &profile(engine, 1, "birthday", "'2023-02-29'"),
            &[error],
        );
        // A timestamp is not a date.
        if engine == Engine::Sqlite {
            rejected(
                &mut db,
                &profile(engine, 1, "birthday", "'2024-02-29 10:00:00'"),
                &[error],
            );
        }
        let error = domain_error(engine, "timestamp", "Incorrect datetime value");
        rejected(
            &mut db,
            &profile(engine, 1, "last_seen", "'yesterday-ish'"),
            &[error],
        );
        if engine == Engine::Sqlite {
            // datetime('now') is not NULL, but the text 'now' is no instant: stored as is, it
            // would read as a different time on every query. Likewise a bare Julian day number.
            // (SQLite itself refuses a CHECK calling datetime('now'), with its own message.)
            db.reject(&profile(engine, 1, "last_seen", "'now'"));
            rejected(
                &mut db,
                &profile(engine, 1, "last_seen", "'2460000.5'"),
                &[error],
            );
        }
        db.run(&profile(engine, 1, "birthday", "'2023-02-28'"));
        assert_eq!(count(&mut db, "profiles", ""), 1, "{engine}");
    }
}

#[test]
fn enum_columns_take_only_their_values() {
    for mut db in domains_dbs() {
        let engine = db.engine();
        let error = domain_error(
            engine,
            "invalid input value for enum invoice_status: \"void\"",
            "Data truncated for column 'status'",
        );
        rejected(&mut db, &profile(engine, 1, "status", "'void'"), &[error]);
        // Case matters: 'Open' is not 'open' (MySQL's ENUM would store 'open' under a
        // case-insensitive collation; the writer's utf8mb4_bin keeps it exact).
        db.reject(&profile(engine, 1, "status", "'Open'"));
        for (id, value) in [(1, "draft"), (2, "open"), (3, "paid")] {
            db.run(&profile(engine, id, "status", &format!("'{value}'")));
        }
        assert_eq!(count(&mut db, "profiles", ""), 3, "{engine}");
        // The value reads back as written.
        let status = text(engine, "status");
        assert_eq!(
            db.column(&format!("SELECT {status} FROM profiles ORDER BY id")),
            ["draft", "open", "paid"]
        );
    }
}

#[test]
fn small_integers_stay_in_range() {
    for mut db in domains_dbs() {
        let engine = db.engine();
        let error = domain_error(
            engine,
            "smallint out of range",
            "Out of range value for column 'level'",
        );
        rejected(&mut db, &profile(engine, 1, "level", "32768"), &[error]);
        rejected(&mut db, &profile(engine, 1, "level", "-32769"), &[error]);
        assert_eq!(count(&mut db, "profiles", ""), 0, "{engine}");
    }
}

#[test]
fn char_length_and_times_of_day_are_enforced() {
    for mut db in domains_dbs() {
        let engine = db.engine();
        let error = domain_error(
            engine,
            "value too long for type character(2)",
            "Data too long for column 'country'",
        );
        rejected(&mut db, &profile(engine, 1, "country", "'DEU'"), &[error]);
        let error = domain_error(engine, "time", "Incorrect time value");
        rejected(
            &mut db,
            &profile(engine, 1, "wakes_at", "'25:61:00'"),
            &[error],
        );
        rejected(
            &mut db,
            &profile(engine, 1, "wakes_at", "'half past six'"),
            &[error],
        );
        db.run(&profile(engine, 1, "country", "'DE'"));
        db.run(&profile(engine, 2, "wakes_at", "'06:30:00.123456'"));
        assert_eq!(count(&mut db, "profiles", ""), 2, "{engine}");
    }
}

#[test]
fn addresses_must_be_ip_addresses_where_the_engine_can_tell() {
    use schema_core::{Column, Schema, SqlType, TableDef};
    let schema = Schema::builder()
        .table_def(
            TableDef::new("hosts")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("ip", SqlType::Inet))
                .column(Column::new("gateway", SqlType::Inet).nullable())
                .primary_key(["id"]),
        )
        .build()
        .unwrap();
    for mut db in TestDb::all() {
        let engine = db.engine();
        apply(&mut db, &schema);
        db.run("INSERT INTO hosts (id, ip, gateway) VALUES (1, '192.0.2.1', NULL)");
        db.run("INSERT INTO hosts (id, ip, gateway) VALUES (2, '2001:db8::1', '192.0.2.254')");
        let bad = "INSERT INTO hosts (id, ip) VALUES (3, 'not an address')";
        match engine {
            Engine::Postgres => {
                rejected(&mut db, bad, &["invalid input syntax for type inet"]);
            }
            Engine::MySql => {
                rejected(&mut db, bad, &["failed"]);
                rejected(
                    &mut db,
                    "INSERT INTO hosts (id, ip, gateway) VALUES (4, '192.0.2.9', '999.1.1.1')",
                    &["failed"],
                );
            }
            // SQLite has no address functions: TEXT takes any text (documented in the README).
            Engine::Sqlite => db.run(bad),
        }
        assert_eq!(
            count(&mut db, "hosts", ""),
            if engine == Engine::Sqlite { 3 } else { 2 },
            "{engine}"
        );
    }
}

#[test]
fn a_column_a_foreign_key_action_writes_keeps_its_domain_through_the_parent_on_mysql() {
    use schema_core::{Column, FkAction, ForeignKey, Schema, SqlType, TableDef};
    use schema_dialects::dialect;
    // MySQL 8 refuses a CHECK on a column an ON DELETE/UPDATE action writes, so the writer leaves
    // the type CHECK off there: the foreign key admits only the parent's (checked) values.
    let schema = Schema::builder()
        .table_def(
            TableDef::new("flags")
                .column(Column::new("flag", SqlType::Boolean))
                .primary_key(["flag"]),
        )
        .table_def(
            TableDef::new("uses")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("flag", SqlType::Boolean).nullable())
                .primary_key(["id"])
                .foreign_key(
                    ForeignKey::to("flags", ["flag"])
                        .columns(["flag"])
                        .on_delete(FkAction::SetNull),
                ),
        )
        .build()
        .unwrap();
    let mysql = dialect(Engine::MySql).render(&schema).unwrap().to_string();
    assert!(
        mysql.contains("`flag` BOOLEAN NOT NULL CHECK (`flag` IN (0, 1))"),
        "{mysql}"
    );
    assert!(mysql.contains("`flag` BOOLEAN,"), "{mysql}");
    let Some(mut db) = TestDb::new(Engine::MySql) else {
        return;
    };
    apply(&mut db, &schema);
    rejected(&mut db, "INSERT INTO flags (flag) VALUES (2)", &["failed"]);
    db.run("INSERT INTO flags (flag) VALUES (1)");
    rejected(
        &mut db,
        "INSERT INTO uses (id, flag) VALUES (1, 2)",
        &["foreign key"],
    );
    db.run("INSERT INTO uses (id, flag) VALUES (1, 1)");
    db.run("DELETE FROM flags");
    assert_eq!(count(&mut db, "uses", "flag IS NULL"), 1);
}
