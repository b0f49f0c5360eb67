//! Catalog assertions: after applying a fixture, each engine's catalog (pg_catalog,
//! information_schema, sqlite_schema and pragmas) holds exactly what the model says.

use schema_core::{Engine, Identity, Schema, SqlType, TableDef};
use schema_tests::TestDb;

use crate::fixtures;
use crate::support::{apply, render};

/// One column as the engine reports it.
#[derive(Debug)]
struct ColumnInfo {
    name: String,
    /// PostgreSQL `format_type`, MySQL `COLUMN_TYPE` (integer display widths removed), SQLite's
    /// declared type.
    ty: String,
    not_null: bool,
    default: Option<String>,
    /// PostgreSQL `attidentity`, MySQL `EXTRA`, empty on SQLite.
    generated: String,
    comment: Option<String>,
}

/// A key, check, foreign key or index as the engine reports it.
#[derive(Debug, Clone, PartialEq)]
struct ForeignKeyInfo {
    /// None on SQLite, which does not keep constraint names.
    name: Option<String>,
    columns: Vec<String>,
    references: String,
    referenced_columns: Vec<String>,
    on_delete: String,
    on_update: String,
}

#[derive(Debug, Clone, PartialEq)]
struct IndexInfo {
    name: Option<String>,
    columns: Vec<String>,
    unique: bool,
    predicate: Option<String>,
}

/// One table as the engine reports it.
#[derive(Debug)]
struct TableInfo {
    columns: Vec<ColumnInfo>,
    primary_key: Vec<String>,
    /// PostgreSQL and MySQL only (SQLite drops the name).
    primary_key_name: Option<String>,
    /// Unique constraints (and, on MySQL, every unique index).
    uniques: Vec<IndexInfo>,
    /// Check constraint names (PostgreSQL, MySQL).
    checks: Vec<String>,
    foreign_keys: Vec<ForeignKeyInfo>,
    /// Secondary indexes, not those backing a primary key or unique constraint.
    indexes: Vec<IndexInfo>,
    comment: Option<String>,
    /// SQLite: the CREATE TABLE statement as stored.
    sql: String,
    /// SQLite: `pragma table_list`'s strict flag.
    strict: bool,
}

fn list(text: Option<String>) -> Vec<String> {
    text.filter(|t| !t.is_empty())
        .map(|t| t.split(',').map(str::to_string).collect())
        .unwrap_or_default()
}

fn yes(value: &Option<String>) -> bool {
    matches!(value.as_deref(), Some("YES" | "1" | "true" | "t"))
}

fn introspect(db: &mut TestDb, table: &str) -> TableInfo {
    match db.engine() {
        Engine::Postgres => postgres(db, table),
        Engine::MySql => mysql(db, table),
        Engine::Sqlite => sqlite(db, table),
    }
}

fn postgres(db: &mut TestDb, table: &str) -> TableInfo {
    let exists = db.value(&format!(
        "SELECT CAST(COUNT(*) AS text) FROM pg_class WHERE relname = '{table}' AND relkind = 'r' \
         AND relnamespace = 'public'::regnamespace"
    ));
    assert_eq!(
        exists.as_deref(),
        Some("1"),
        "PostgreSQL: table {table} does not exist"
    );
    let oid = format!("'public.\"{table}\"'::regclass");
    let columns = db
        .rows(&format!(
            "SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), \
                    CASE WHEN a.attnotnull THEN 'YES' ELSE 'NO' END, \
                    pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, \
                    col_description(a.attrelid, a.attnum) \
             FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum \
             WHERE a.attrelid = {oid} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
        ))
        .into_iter()
        .map(|row| ColumnInfo {
            name: row[0].clone().unwrap(),
            ty: row[1].clone().unwrap(),
            not_null: yes(&row[2]),
            default: row[3].clone(),
            generated: row[4].clone().unwrap_or_default(),
            comment: row[5].clone(),
        })
        .collect();
    let key_columns = |array: &str, relation: &str| {
        format!(
            "(SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) \
              FROM unnest(c.{array}) WITH ORDINALITY k(attnum, ord) \
              JOIN pg_attribute a ON a.attrelid = c.{relation} AND a.attnum = k.attnum)"
        )
    };
    let constraints = db.rows(&format!(
        "SELECT c.contype::text, c.conname::text, {}, \
                CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text END, {}, \
                c.confdeltype::text, c.confupdtype::text \
         FROM pg_constraint c WHERE c.conrelid = {oid} ORDER BY c.conname",
        key_columns("conkey", "conrelid"),
        key_columns("confkey", "confrelid"),
    ));
    let action = |code: &Option<String>| {
        match code.as_deref() {
            Some("a") => "NO ACTION",
            Some("r") => "RESTRICT",
            Some("c") => "CASCADE",
            Some("n") => "SET NULL",
            Some("d") => "SET DEFAULT",
            other => panic!("PostgreSQL: unknown referential action {other:?}"),
        }
        .to_string()
    };
    let mut info = TableInfo {
        columns,
        primary_key: Vec::new(),
        primary_key_name: None,
        uniques: Vec::new(),
        checks: Vec::new(),
        foreign_keys: Vec::new(),
        indexes: Vec::new(),
        comment: db.value(&format!("SELECT obj_description({oid}, 'pg_class')")),
        sql: String::new(),
        strict: false,
    };
    for row in constraints {
        let name = row[1].clone().unwrap();
        match row[0].as_deref() {
            Some("p") => {
                info.primary_key = list(row[2].clone());
                info.primary_key_name = Some(name);
            }
            Some("u") => info.uniques.push(IndexInfo {
                name: Some(name),
                columns: list(row[2].clone()),
                unique: true,
                predicate: None,
            }),
            Some("c") => info.checks.push(name),
            Some("f") => info.foreign_keys.push(ForeignKeyInfo {
                name: Some(name),
                columns: list(row[2].clone()),
                references: row[3].clone().unwrap().trim_matches('"').to_string(),
                referenced_columns: list(row[4].clone()),
                on_delete: action(&row[5]),
                on_update: action(&row[6]),
            }),
            other => panic!("PostgreSQL: unexpected constraint type {other:?} on {table}"),
        }
    }
    info.indexes = db
        .rows(&format!(
            "SELECT i.relname::text, CASE WHEN x.indisunique THEN 'YES' ELSE 'NO' END, \
                    (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) \
                     FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord) \
                     JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum), \
                    pg_get_expr(x.indpred, x.indrelid) \
             FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid \
             WHERE x.indrelid = {oid} AND NOT EXISTS (SELECT 1 FROM pg_constraint c \
                 WHERE c.conrelid = x.indrelid AND c.conindid = x.indexrelid AND c.contype IN ('p', 'u')) \
             ORDER BY 1"
        ))
        .into_iter()
        .map(|row| IndexInfo {
            name: row[0].clone(),
            unique: yes(&row[1]),
            columns: list(row[2].clone()),
            predicate: row[3].clone(),
        })
        .collect();
    info
}

/// MariaDB shows integer display widths (`int(11)`), MySQL 8 does not; `tinyint(1)` is how
/// both spell BOOLEAN.
fn mysql_type(column_type: &str) -> String {
    let ty = column_type.to_lowercase();
    for int in ["smallint", "mediumint", "int", "bigint"] {
        if let Some(rest) = ty.strip_prefix(&format!("{int}("))
            && let Some(close) = rest.find(')')
        {
            return format!("{int}{}", &rest[close + 1..]);
        }
    }
    ty
}

fn mysql(db: &mut TestDb, table: &str) -> TableInfo {
    let here = format!("TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table}'");
    let comment = db.rows(&format!(
        "SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE {here}"
    ));
    assert_eq!(comment.len(), 1, "MySQL: table {table} does not exist");
    let columns = db
        .rows(&format!(
            "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT \
             FROM information_schema.COLUMNS WHERE {here} ORDER BY ORDINAL_POSITION"
        ))
        .into_iter()
        .map(|row| ColumnInfo {
            name: row[0].clone().unwrap(),
            ty: mysql_type(row[1].as_deref().unwrap()),
            not_null: row[2].as_deref() == Some("NO"),
            // MariaDB reports a nullable column without default as the default `NULL`.
            default: row[3].clone().filter(|d| d != "NULL"),
            generated: row[4].clone().unwrap_or_default().to_lowercase(),
            comment: row[5].clone().filter(|c| !c.is_empty()),
        })
        .collect();
    let constraints = db.rows(&format!(
        "SELECT c.CONSTRAINT_TYPE, c.CONSTRAINT_NAME, \
                (SELECT GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION) \
                 FROM information_schema.KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA \
                 AND k.TABLE_NAME = c.TABLE_NAME AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME), \
                (SELECT MIN(k.REFERENCED_TABLE_NAME) \
                 FROM information_schema.KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA \
                 AND k.TABLE_NAME = c.TABLE_NAME AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME), \
                (SELECT GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION) \
                 FROM information_schema.KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA \
                 AND k.TABLE_NAME = c.TABLE_NAME AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME), \
                r.DELETE_RULE, r.UPDATE_RULE \
         FROM information_schema.TABLE_CONSTRAINTS c \
         LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r \
           ON r.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND r.TABLE_NAME = c.TABLE_NAME \
           AND r.CONSTRAINT_NAME = c.CONSTRAINT_NAME \
         WHERE c.CONSTRAINT_SCHEMA = DATABASE() AND c.TABLE_NAME = '{table}' ORDER BY c.CONSTRAINT_NAME"
    ));
    let mut info = TableInfo {
        columns,
        primary_key: Vec::new(),
        primary_key_name: None,
        uniques: Vec::new(),
        checks: Vec::new(),
        foreign_keys: Vec::new(),
        indexes: Vec::new(),
        comment: comment[0][0].clone().filter(|c| !c.is_empty()),
        sql: String::new(),
        strict: false,
    };
    for row in constraints {
        let name = row[1].clone().unwrap();
        match row[0].as_deref() {
            Some("PRIMARY KEY") => {
                info.primary_key = list(row[2].clone());
                info.primary_key_name = Some(name);
            }
            Some("UNIQUE") => info.uniques.push(IndexInfo {
                name: Some(name),
                columns: list(row[2].clone()),
                unique: true,
                predicate: None,
            }),
            Some("CHECK") => info.checks.push(name),
            Some("FOREIGN KEY") => info.foreign_keys.push(ForeignKeyInfo {
                name: Some(name),
                columns: list(row[2].clone()),
                references: row[3].clone().unwrap_or_default(),
                referenced_columns: list(row[4].clone()),
                on_delete: row[5].clone().unwrap_or_default(),
                on_update: row[6].clone().unwrap_or_default(),
            }),
            other => panic!("MySQL: unexpected constraint type {other:?} on {table}"),
        }
    }
    // Check constraints: TABLE_CONSTRAINTS lists them on MariaDB and MySQL 8.0.16+, but read
    // CHECK_CONSTRAINTS too, which is where the standard puts them.
    for name in db.column(&format!(
        "SELECT CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS \
         WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = '{table}'"
    )) {
        if !info.checks.contains(&name) {
            info.checks.push(name);
        }
    }
    // Unique constraints are unique indexes on MySQL, so they are listed here as well.
    info.indexes = db
        .rows(&format!(
            "SELECT INDEX_NAME, CAST(MIN(NON_UNIQUE) AS CHAR), \
                    GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) \
             FROM information_schema.STATISTICS WHERE {here} AND INDEX_NAME <> 'PRIMARY' \
             GROUP BY INDEX_NAME ORDER BY INDEX_NAME"
        ))
        .into_iter()
        .map(|row| IndexInfo {
            name: row[0].clone(),
            unique: row[1].as_deref() == Some("0"),
            columns: list(row[2].clone()),
            predicate: None,
        })
        .collect();
    info
}

fn sqlite(db: &mut TestDb, table: &str) -> TableInfo {
    let sql = db.rows(&format!(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '{table}'"
    ));
    assert_eq!(sql.len(), 1, "SQLite: table {table} does not exist");
    let sql = sql[0][0].clone().unwrap_or_default();
    let strict = db.value(&format!(
        "SELECT strict FROM pragma_table_list WHERE name = '{table}'"
    ));
    let rows = db.rows(&format!(
        "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}') ORDER BY cid"
    ));
    let mut primary_key: Vec<(i64, String)> = rows
        .iter()
        .filter_map(|row| {
            let position: i64 = row[4].as_deref()?.parse().ok()?;
            (position > 0).then(|| (position, row[0].clone().unwrap()))
        })
        .collect();
    primary_key.sort();
    let columns = rows
        .into_iter()
        .map(|row| ColumnInfo {
            name: row[0].clone().unwrap(),
            ty: row[1].clone().unwrap_or_default().to_uppercase(),
            not_null: row[2].as_deref() == Some("1"),
            default: row[3].clone(),
            generated: String::new(),
            comment: None,
        })
        .collect();
    let index_columns = |db: &mut TestDb, index: &str| {
        db.column(&format!(
            "SELECT name FROM pragma_index_info('{index}') ORDER BY seqno"
        ))
    };
    let mut uniques = Vec::new();
    let mut indexes = Vec::new();
    for row in db.rows(&format!(
        "SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}') ORDER BY name"
    )) {
        let name = row[0].clone().unwrap();
        let columns = index_columns(db, &name);
        let unique = row[1].as_deref() == Some("1");
        match row[2].as_deref() {
            Some("u") => uniques.push(IndexInfo {
                name: None,
                columns,
                unique,
                predicate: None,
            }),
            Some("c") => {
                let index_sql = db
                    .value(&format!(
                        "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = '{name}'"
                    ))
                    .unwrap_or_default();
                let predicate = (row[3].as_deref() == Some("1")).then(|| {
                    let at = index_sql
                        .to_uppercase()
                        .rfind(" WHERE ")
                        .expect("partial index has a WHERE");
                    index_sql[at + 7..].to_string()
                });
                indexes.push(IndexInfo {
                    name: Some(name),
                    columns,
                    unique,
                    predicate,
                });
            }
            _ => {}
        }
    }
    let mut foreign_keys: Vec<(i64, ForeignKeyInfo)> = Vec::new();
    for row in db.rows(&format!(
        "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}') \
         ORDER BY id, seq"
    )) {
        let id: i64 = row[0].as_deref().unwrap().parse().unwrap();
        let column = row[2].clone().unwrap();
        let to = row[3].clone().unwrap_or_else(|| "<implicit primary key>".into());
        match foreign_keys.iter_mut().find(|(known, _)| *known == id) {
            Some((_, fk)) => {
                fk.columns.push(column);
                fk.referenced_columns.push(to);
            }
            None => foreign_keys.push((
                id,
                ForeignKeyInfo {
                    name: None,
                    columns: vec![column],
                    references: row[1].clone().unwrap(),
                    referenced_columns: vec![to],
                    on_update: row[4].clone().unwrap(),
                    on_delete: row[5].clone().unwrap(),
                },
            )),
        }
    }
    TableInfo {
        columns,
        primary_key: primary_key.into_iter().map(|(_, name)| name).collect(),
        primary_key_name: None,
        uniques,
        checks: Vec::new(),
        foreign_keys: foreign_keys.into_iter().map(|(_, fk)| fk).collect(),
        indexes,
        comment: None,
        sql,
        strict: strict.as_deref() == Some("1"),
    }
}

/// The type each engine's catalog reports for a logical type (see schema-dialects' type table):
/// PostgreSQL's `format_type`, MySQL's `COLUMN_TYPE` without integer display widths, SQLite's
/// declared type. Several spellings where MariaDB and MySQL 8 differ.
fn expected_types(engine: Engine, ty: &SqlType) -> Vec<String> {
    let one = |s: &str| vec![s.to_string()];
    match (engine, ty) {
        (Engine::Postgres, SqlType::Boolean) => one("boolean"),
        (Engine::Postgres, SqlType::SmallInt) => one("smallint"),
        (Engine::Postgres, SqlType::Integer) => one("integer"),
        (Engine::Postgres, SqlType::BigInt) => one("bigint"),
        (Engine::Postgres, SqlType::Real) => one("real"),
        (Engine::Postgres, SqlType::Double) => one("double precision"),
        (
            Engine::Postgres,
            SqlType::Decimal {
                precision: Some(p),
                scale: Some(s),
            },
        ) => one(&format!("numeric({p},{s})")),
        (
            Engine::Postgres,
            SqlType::Decimal {
                precision: None, ..
            },
        ) => one("numeric"),
        (Engine::Postgres, SqlType::Text) => one("text"),
        (Engine::Postgres, SqlType::Varchar(n)) => one(&format!("character varying({n})")),
        (Engine::Postgres, SqlType::Char(n)) => one(&format!("character({n})")),
        (Engine::Postgres, SqlType::Bytes) => one("bytea"),
        (Engine::Postgres, SqlType::Uuid) => one("uuid"),
        (Engine::Postgres, SqlType::Date) => one("date"),
        (Engine::Postgres, SqlType::Time) => one("time without time zone"),
        (Engine::Postgres, SqlType::Timestamp) => one("timestamp without time zone"),
        (Engine::Postgres, SqlType::TimestampTz) => one("timestamp with time zone"),
        (Engine::Postgres, SqlType::Json) => one("json"),
        (Engine::Postgres, SqlType::Jsonb) => one("jsonb"),
        (Engine::Postgres, SqlType::Inet) => one("inet"),
        (Engine::Postgres, SqlType::Enum(e)) => one(&e.name),
        (Engine::MySql, SqlType::Boolean) => one("tinyint(1)"),
        (Engine::MySql, SqlType::SmallInt) => one("smallint"),
        (Engine::MySql, SqlType::Integer) => one("int"),
        (Engine::MySql, SqlType::BigInt) => one("bigint"),
        (Engine::MySql, SqlType::Real) => one("float"),
        (Engine::MySql, SqlType::Double) => one("double"),
        (
            Engine::MySql,
            SqlType::Decimal {
                precision: Some(p),
                scale: Some(s),
            },
        ) => one(&format!("decimal({p},{s})")),
        // Plain DECIMAL is DECIMAL(10,0) on MySQL and would round: the widest exact type.
        (
            Engine::MySql,
            SqlType::Decimal {
                precision: None, ..
            },
        ) => one("decimal(65,30)"),
        (Engine::MySql, SqlType::Text) => one("longtext"),
        (Engine::MySql, SqlType::Varchar(n)) => one(&format!("varchar({n})")),
        (Engine::MySql, SqlType::Char(n)) => one(&format!("char({n})")),
        (Engine::MySql, SqlType::Bytes) => one("longblob"),
        (Engine::MySql, SqlType::Uuid) => one("binary(16)"),
        (Engine::MySql, SqlType::Date) => one("date"),
        (Engine::MySql, SqlType::Time) => one("time(6)"),
        (Engine::MySql, SqlType::Timestamp | SqlType::TimestampTz) => one("datetime(6)"),
        // MariaDB's JSON is an alias of LONGTEXT (plus a json_valid CHECK); MySQL 8 has JSON.
        (Engine::MySql, SqlType::Json | SqlType::Jsonb) => vec!["longtext".into(), "json".into()],
        (Engine::MySql, SqlType::Inet) => one("varchar(45)"),
        (Engine::MySql, SqlType::Enum(e)) => {
            let values: Vec<String> = e
                .values
                .iter()
                .map(|v| format!("'{}'", v.replace('\'', "''")))
                .collect();
            one(&format!("enum({})", values.join(",")))
        }
        (
            Engine::Sqlite,
            SqlType::Boolean | SqlType::SmallInt | SqlType::Integer | SqlType::BigInt,
        ) => one("INTEGER"),
        (Engine::Sqlite, SqlType::Real | SqlType::Double) => one("REAL"),
        (Engine::Sqlite, SqlType::Bytes | SqlType::Uuid) => one("BLOB"),
        (Engine::Sqlite, SqlType::Raw(_)) | (_, SqlType::Raw(_)) => Vec::new(),
        (Engine::Sqlite, _) => one("TEXT"),
        (engine, other) => panic!("{engine}: no expected type for {other}"),
    }
}

/// Applies `schema` to a fresh database on every engine and checks each table with `check`.
fn each_table(schema: &Schema, check: impl Fn(&mut TestDb, &TableDef, &TableInfo)) {
    for mut db in TestDb::all() {
        apply(&mut db, schema);
        for table in &schema.tables {
            let info = introspect(&mut db, &table.name);
            check(&mut db, table, &info);
        }
    }
}

#[test]
fn every_table_and_column_exists_with_the_mapped_type_and_nullability() {
    let schema = fixtures::schema(fixtures::everything());
    each_table(&schema, |db, table, info| {
        let engine = db.engine();
        let names: Vec<&str> = info.columns.iter().map(|c| c.name.as_str()).collect();
        let expected: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, expected, "{engine}: columns of {}", table.name);
        for (column, found) in table.columns.iter().zip(&info.columns) {
            let types = expected_types(engine, &column.sql_type);
            assert!(
                types.contains(&found.ty),
                "{engine}: {}.{} ({}) has type `{}`, expected {types:?}",
                table.name,
                column.name,
                column.sql_type,
                found.ty
            );
            // A STRICT table's primary key is NOT NULL even where table_info does not say so.
            let in_sqlite_key = engine == Engine::Sqlite && info.primary_key.contains(&column.name);
            assert_eq!(
                found.not_null || in_sqlite_key,
                !column.nullable,
                "{engine}: {}.{} nullability",
                table.name,
                column.name
            );
        }
        if engine == Engine::Sqlite {
            assert!(
                info.strict,
                "SQLite: {} is not STRICT:\n{}",
                table.name, info.sql
            );
        }
    });
}

#[test]
fn defaults_and_identity_are_declared() {
    let schema = fixtures::schema([fixtures::types(), fixtures::always()].concat());
    for mut db in TestDb::all() {
        let engine = db.engine();
        // MySQL and SQLite cannot refuse explicit values: the writer may say so instead.
        let schema = match dialect_accepts(engine, &schema) {
            true => schema.clone(),
            false => fixtures::schema(fixtures::types()),
        };
        apply(&mut db, &schema);
        for table in &schema.tables {
            let info = introspect(&mut db, &table.name);
            for (column, found) in table.columns.iter().zip(&info.columns) {
                let at = format!("{engine}: {}.{}", table.name, column.name);
                assert_eq!(
                    found.default.is_some(),
                    column.default.is_some(),
                    "{at}: default is {:?}, the model says {:?}",
                    found.default,
                    column.default
                );
                match (engine, column.identity) {
                    (Engine::Postgres, Some(Identity::ByDefault)) => {
                        assert_eq!(found.generated, "d", "{at}")
                    }
                    (Engine::Postgres, Some(Identity::Always)) => {
                        assert_eq!(found.generated, "a", "{at}")
                    }
                    (Engine::MySql, Some(_)) => {
                        assert!(found.generated.contains("auto_increment"), "{at}")
                    }
                    (Engine::Sqlite, Some(_)) => {
                        let sql = info.sql.to_uppercase();
                        assert!(
                            sql.contains("AUTOINCREMENT"),
                            "{at}: no AUTOINCREMENT in\n{}",
                            info.sql
                        );
                        assert_eq!(
                            info.primary_key,
                            std::slice::from_ref(&column.name),
                            "{at}: rowid alias"
                        );
                    }
                    (Engine::Postgres, None) => assert_eq!(found.generated, "", "{at}"),
                    (Engine::MySql, None) => {
                        assert!(!found.generated.contains("auto_increment"), "{at}")
                    }
                    (Engine::Sqlite, None) => {}
                }
            }
        }
    }
}

fn dialect_accepts(engine: Engine, schema: &Schema) -> bool {
    schema_dialects::dialect(engine).render(schema).is_ok()
}

#[test]
fn primary_keys_and_unique_constraints_have_their_columns_in_order() {
    let schema = fixtures::schema([fixtures::keys(), fixtures::relations()].concat());
    each_table(&schema, |db, table, info| {
        let engine = db.engine();
        let pk = table
            .primary_key
            .as_ref()
            .expect("fixture tables have primary keys");
        assert_eq!(
            info.primary_key, pk.columns,
            "{engine}: primary key of {}",
            table.name
        );
        match engine {
            Engine::Postgres => {
                assert_eq!(info.primary_key_name.as_deref(), Some(pk.name.as_str()))
            }
            // MySQL names every primary key PRIMARY.
            Engine::MySql => assert_eq!(info.primary_key_name.as_deref(), Some("PRIMARY")),
            Engine::Sqlite => {}
        }
        for unique in &table.uniques {
            let found = info.uniques.iter().find(|u| u.columns == unique.columns);
            let found = found.unwrap_or_else(|| {
                panic!(
                    "{engine}: {} has no unique constraint on {:?}: {:?}",
                    table.name, unique.columns, info.uniques
                )
            });
            if engine != Engine::Sqlite {
                assert_eq!(
                    found.name.as_deref(),
                    Some(unique.name.as_str()),
                    "{engine}: {}",
                    table.name
                );
            }
        }
        // MySQL lists a unique index as a unique constraint too: they are the same thing there.
        let uniques: Vec<&IndexInfo> = info
            .uniques
            .iter()
            .filter(|u| {
                engine != Engine::MySql
                    || !table
                        .indexes
                        .iter()
                        .any(|i| i.unique && Some(&i.name) == u.name.as_ref())
            })
            .collect();
        assert_eq!(
            uniques.len(),
            table.uniques.len(),
            "{engine}: unique constraints of {}: {uniques:?}",
            table.name
        );
    });
}

#[test]
fn check_constraints_exist_by_name() {
    let schema = fixtures::schema(fixtures::keys());
    each_table(&schema, |db, table, info| {
        let engine = db.engine();
        for check in &table.checks {
            match engine {
                Engine::Sqlite => assert!(
                    info.sql.contains(&check.name),
                    "SQLite: check `{}` is not in\n{}",
                    check.name,
                    info.sql
                ),
                _ => assert!(
                    info.checks.contains(&check.name),
                    "{engine}: {} has no check `{}`; it has {:?}",
                    table.name,
                    check.name,
                    info.checks
                ),
            }
        }
    });
}

#[test]
fn foreign_keys_reference_their_targets_with_their_actions() {
    let schema = fixtures::schema(fixtures::relations());
    each_table(&schema, |db, table, info| {
        let engine = db.engine();
        let mut expected: Vec<ForeignKeyInfo> = table
            .foreign_keys
            .iter()
            .map(|fk| ForeignKeyInfo {
                name: (engine != Engine::Sqlite).then(|| fk.name.clone()),
                columns: fk.columns.clone(),
                references: fk.references.clone(),
                referenced_columns: fk.referenced_columns.clone(),
                on_delete: fk.on_delete.to_string(),
                on_update: fk.on_update.to_string(),
            })
            .collect();
        let mut found = info.foreign_keys.clone();
        let key = |fk: &ForeignKeyInfo| (fk.references.clone(), fk.columns.clone());
        expected.sort_by_key(key);
        found.sort_by_key(key);
        assert_eq!(found, expected, "{engine}: foreign keys of {}", table.name);
    });
}

/// Lower case, without quotes, parentheses or blanks: `("revoked_at" IS NULL)` = `revoked_at is null`.
fn normalized(predicate: &str) -> String {
    predicate
        .chars()
        .filter(|c| !matches!(c, '"' | '`' | '(' | ')') && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn check_indexes(engine: Engine, table: &TableDef, info: &TableInfo) {
    for index in &table.indexes {
        let found = info
            .indexes
            .iter()
            .find(|i| i.name.as_deref() == Some(index.name.as_str()));
        let found = found.unwrap_or_else(|| {
            panic!(
                "{engine}: {} has no index `{}`; it has {:?}",
                table.name, index.name, info.indexes
            )
        });
        assert_eq!(
            found.columns, index.columns,
            "{engine}: columns of index {}",
            index.name
        );
        assert_eq!(
            found.unique, index.unique,
            "{engine}: uniqueness of index {}",
            index.name
        );
        assert_eq!(
            found.predicate.as_deref().map(normalized),
            index.predicate.as_deref().map(normalized),
            "{engine}: predicate of index {}",
            index.name
        );
    }
    // Nothing more, except on MySQL the index it creates for a foreign key that has none and
    // the index that is a unique constraint.
    for found in &info.indexes {
        let name = found.name.clone().unwrap_or_default();
        let declared = table.indexes.iter().any(|i| i.name == name);
        let mysql_key = engine == Engine::MySql
            && (table.foreign_keys.iter().any(|fk| fk.name == name)
                || table.uniques.iter().any(|u| u.name == name));
        assert!(
            declared || mysql_key,
            "{engine}: {} has an undeclared index {found:?}",
            table.name
        );
    }
}

#[test]
fn indexes_have_their_names_columns_and_uniqueness() {
    let schema = fixtures::schema([fixtures::indexes(), fixtures::relations()].concat());
    each_table(&schema, |db, table, info| {
        check_indexes(db.engine(), table, info)
    });
}

#[test]
fn partial_indexes_keep_their_predicate_and_mysql_refuses_them() {
    let schema = fixtures::schema(fixtures::partial_index());
    for mut db in TestDb::all() {
        let engine = db.engine();
        if engine == Engine::MySql {
            // MySQL has no partial index; dropping the WHERE would make the index reject rows
            // the model allows, so the writer must refuse.
            let problems = schema_dialects::dialect(engine).render(&schema).expect_err(
                "MySQL: a partial index must be refused, not written without its WHERE",
            );
            assert!(
                problems.to_string().contains("sessions_one_live")
                    || problems
                        .iter()
                        .any(|p| p.table.as_deref() == Some("sessions")),
                "MySQL: the refusal should name the index or its table:\n{problems}"
            );
            continue;
        }
        apply(&mut db, &schema);
        let table = &schema.tables[0];
        let info = introspect(&mut db, &table.name);
        check_indexes(engine, table, &info);
    }
}

#[test]
fn comments_are_stored_where_the_engine_has_them() {
    let schema = fixtures::schema(fixtures::types());
    each_table(&schema, |db, table, info| {
        let engine = db.engine();
        if engine == Engine::Sqlite {
            return;
        }
        assert_eq!(
            info.comment, table.comment,
            "{engine}: comment on {}",
            table.name
        );
        for (column, found) in table.columns.iter().zip(&info.columns) {
            assert_eq!(
                found.comment, column.comment,
                "{engine}: comment on {}.{}",
                table.name, column.name
            );
        }
    });
}

#[test]
fn enum_types_hold_their_values_in_order() {
    let schema = fixtures::schema(fixtures::domains());
    let status = fixtures::status();
    for mut db in TestDb::all() {
        let engine = db.engine();
        let script = apply(&mut db, &schema);
        match engine {
            Engine::Postgres => {
                let values = db.column(&format!(
                    "SELECT enumlabel::text FROM pg_enum WHERE enumtypid = '\"{}\"'::regtype ORDER BY enumsortorder",
                    status.name
                ));
                assert_eq!(
                    values, status.values,
                    "PostgreSQL: values of enum {}",
                    status.name
                );
            }
            // The column type itself is checked by the types test; SQLite's domain is a CHECK.
            Engine::MySql => {}
            Engine::Sqlite => {
                let sql = db
                    .value("SELECT sql FROM sqlite_schema WHERE name = 'profiles'")
                    .unwrap();
                for value in &status.values {
                    assert!(
                        sql.contains(&format!("'{value}'")),
                        "SQLite: enum value {value} not in\n{sql}\n{script}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_script_renders_the_same_twice() {
    let schema = fixtures::schema(fixtures::everything());
    for engine in Engine::ALL {
        assert_eq!(
            render(engine, &schema),
            render(engine, &schema),
            "{engine}: rendering is not deterministic"
        );
    }
}
