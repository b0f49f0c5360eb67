//! The logical-to-engine type mapping.
//!
//! | logical | PostgreSQL | MySQL/MariaDB | SQLite (STRICT) |
//! |---|---|---|---|
//! | boolean | `boolean` | `BOOLEAN` | `INTEGER` + `CHECK (c IN (0, 1))` |
//! | smallint | `smallint` | `SMALLINT` | `INTEGER` + `CHECK (c BETWEEN -32768 AND 32767)` |
//! | integer | `integer` | `INT` | `INTEGER` + `CHECK (c BETWEEN -2147483648 AND 2147483647)` |
//! | bigint | `bigint` | `BIGINT` | `INTEGER` |
//! | real | `real` | `FLOAT` | `REAL` |
//! | double | `double precision` | `DOUBLE` | `REAL` |
//! | decimal(p,s) | `numeric(p,s)` / `numeric` | `DECIMAL(p,s)` / `DECIMAL(65,30)` | `TEXT` + a CHECK for plain decimal notation |
//! | text | `text` | `LONGTEXT` | `TEXT` |
//! | varchar(n) | `varchar(n)` | `VARCHAR(n)` | `TEXT` + `CHECK (length(c) <= n)` |
//! | char(n) | `char(n)` | `CHAR(n)` | `TEXT` + `CHECK (length(c) <= n)` |
//! | bytes | `bytea` | `LONGBLOB` | `BLOB` |
//! | uuid | `uuid` | `BINARY(16)` | `BLOB` + `CHECK (length(c) = 16)` |
//! | date | `date` | `DATE` | `TEXT` + `CHECK (c IS date(c))` |
//! | time | `time` | `TIME(6)` | `TEXT` + `CHECK (c GLOB '[0-9][0-9]:[0-9][0-9]*' AND time(c) IS NOT NULL)` |
//! | timestamp | `timestamp` | `DATETIME(6)` | `TEXT` + `CHECK (c GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime(c) IS NOT NULL)` |
//! | timestamptz | `timestamptz` | `DATETIME(6)` holding UTC | `TEXT` (ISO-8601 UTC) + same CHECK |
//! | json | `json` | `JSON` | `TEXT` + `CHECK (json_valid(c))` |
//! | jsonb | `jsonb` | `JSON` | `TEXT` + `CHECK (json_valid(c))` |
//! | inet | `inet` | `VARCHAR(45)` | `TEXT` |
//! | enum | the `CREATE TYPE`d enum, quoted | `ENUM('a', 'b')` | `TEXT` + `CHECK (c IN ('a', 'b'))` |
//! | raw | the given text | the given text | the given text (one of SQLite's STRICT types) |
//!
//! Why:
//! - Every engine gets its exact type where it has one; the SQLite CHECKs give STRICT tables the
//!   same domain the other engines enforce (a smallint that overflows fails everywhere).
//! - MySQL: `DECIMAL` without precision means `(10,0)` and would round, so an unconstrained
//!   decimal is `DECIMAL(65,30)` (covers rust_decimal's 28 digits of scale); `TEXT` holds only
//!   64 KiB, so text is `LONGTEXT` (and bytes `LONGBLOB`); `TIMESTAMP` ends in 2038, so instants are
//!   `DATETIME(6)` holding UTC; MySQL 8 has no UUID type and drivers bind a Uuid as 16 bytes, so
//!   `BINARY(16)`; `VARCHAR(45)` holds the longest IPv6 text form (IPv4-mapped).
//! - SQLite: decimals are `TEXT` because `REAL` would lose precision (a GLOB CHECK keeps the text a
//!   number: digits, one point, a leading sign; no exponent); dates and times are ISO-8601
//!   text, which its date functions read and sort correctly. Time and timestamp CHECKs use
//!   `IS NOT NULL` rather than comparing to the canonical form, so fractional seconds, a `T` or a
//!   space, and zone offsets are accepted; the GLOB in front refuses the other inputs the date
//!   functions read (a Julian day number, `now`), which are no fixed instant. Decimals compare as
//!   numbers in CHECKs and index predicates because the writer wraps them in
//!   `CAST(... AS NUMERIC)` there (`expr::as_written`); queries of the application must do the
//!   same, since TEXT compares as text.
//!   A nullable column's CHECK lets NULL through (`c IS NULL OR ...`) where the test alone would
//!   reject it (`IS NOT NULL`, and `json_valid(NULL)`, which is 0 on SQLite 3.40).

use schema_core::{Column, Diagnostic, SqlType};

use crate::{Dialect, quote};

/// The column type of `column` on `dialect`, or the problem when a raw type has no text for it.
///
/// ```
/// use schema_core::{Column, Engine, SqlType};
/// use schema_dialects::{dialect, types};
/// let column = Column::new("total", SqlType::Decimal { precision: None, scale: None });
/// assert_eq!(types::column_type(dialect(Engine::MySql), "invoices", &column).unwrap(), "DECIMAL(65,30)");
/// assert_eq!(types::column_type(dialect(Engine::Sqlite), "invoices", &column).unwrap(), "TEXT");
/// ```
pub fn column_type<D: Dialect + ?Sized>(
    dialect: &D,
    table: &str,
    column: &Column,
) -> Result<String, Diagnostic> {
    match &column.sql_type {
        SqlType::Raw(per_engine) => per_engine
            .get(&dialect.engine())
            .map(|text| text.trim().to_string())
            .ok_or_else(|| {
                let engine = dialect.engine();
                Diagnostic::new(format!("the raw column type gives no type for {engine}"))
                    .table(table)
                    .column(&column.name)
                    .engine(engine)
                    .help(format!(
                        "add `{} = \"...\"` to the column's `raw(...)` type, or use a logical type",
                        engine.key()
                    ))
            }),
        other => Ok(dialect.type_name(other)),
    }
}

/// The CHECK (without the keyword) keeping `column`'s values in its logical type's domain on
/// engines whose storage type is wider, allowing NULL for nullable columns.
///
/// ```
/// use schema_core::{Column, Engine, SqlType};
/// use schema_dialects::{dialect, types};
/// let column = Column::new("d", SqlType::Date).nullable();
/// assert_eq!(
///     types::domain_check(dialect(Engine::Sqlite), &column).as_deref(),
///     Some("\"d\" IS date(\"d\")")
/// );
/// assert_eq!(types::domain_check(dialect(Engine::Postgres), &column), None);
/// ```
pub fn domain_check<D: Dialect + ?Sized>(dialect: &D, column: &Column) -> Option<String> {
    let quoted = quote::identifier(dialect, &column.name);
    dialect.type_check(&quoted, &column.sql_type, column.nullable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialect;
    use schema_core::{Engine, EnumType};

    fn names(ty: SqlType) -> [String; 3] {
        Engine::ALL.map(|e| dialect(e).type_name(&ty))
    }

    #[test]
    fn the_table_in_the_module_doc() {
        let dec = |precision, scale| SqlType::Decimal { precision, scale };
        let rows: Vec<(SqlType, [&str; 3])> = vec![
            (SqlType::Boolean, ["boolean", "BOOLEAN", "INTEGER"]),
            (SqlType::SmallInt, ["smallint", "SMALLINT", "INTEGER"]),
            (SqlType::Integer, ["integer", "INT", "INTEGER"]),
            (SqlType::BigInt, ["bigint", "BIGINT", "INTEGER"]),
            (SqlType::Real, ["real", "FLOAT", "REAL"]),
            (SqlType::Double, ["double precision", "DOUBLE", "REAL"]),
            (
                dec(Some(12), Some(2)),
                ["numeric(12,2)", "DECIMAL(12,2)", "TEXT"],
            ),
            (dec(Some(12), None), ["numeric(12)", "DECIMAL(12)", "TEXT"]),
            (dec(None, None), ["numeric", "DECIMAL(65,30)", "TEXT"]),
            (SqlType::Text, ["text", "LONGTEXT", "TEXT"]),
            (SqlType::Varchar(10), ["varchar(10)", "VARCHAR(10)", "TEXT"]),
            (SqlType::Char(2), ["char(2)", "CHAR(2)", "TEXT"]),
            (SqlType::Bytes, ["bytea", "LONGBLOB", "BLOB"]),
            (SqlType::Uuid, ["uuid", "BINARY(16)", "BLOB"]),
            (SqlType::Date, ["date", "DATE", "TEXT"]),
            (SqlType::Time, ["time", "TIME(6)", "TEXT"]),
            (SqlType::Timestamp, ["timestamp", "DATETIME(6)", "TEXT"]),
            (SqlType::TimestampTz, ["timestamptz", "DATETIME(6)", "TEXT"]),
            (SqlType::Json, ["json", "JSON", "TEXT"]),
            (SqlType::Jsonb, ["jsonb", "JSON", "TEXT"]),
            (SqlType::Inet, ["inet", "VARCHAR(45)", "TEXT"]),
            (
                SqlType::Enum(EnumType::new("Mood", ["ok", "it's"])),
                ["\"Mood\"", "ENUM('ok', 'it''s')", "TEXT"],
            ),
        ];
        for (ty, expected) in rows {
            assert_eq!(names(ty.clone()), expected.map(String::from), "{ty}");
        }
    }

    #[test]
    fn sqlite_domain_checks() {
        let lite = dialect(Engine::Sqlite);
        let check = |ty: SqlType, nullable: bool| {
            let mut column = Column::new("c", ty);
            column.nullable = nullable;
            domain_check(lite, &column)
        };
        assert_eq!(
            check(SqlType::SmallInt, false).unwrap(),
            "\"c\" BETWEEN -32768 AND 32767"
        );
        assert_eq!(
            check(SqlType::Varchar(5), false).unwrap(),
            "length(\"c\") <= 5"
        );
        assert_eq!(check(SqlType::Uuid, false).unwrap(), "length(\"c\") = 16");
        assert_eq!(
            check(SqlType::Time, false).unwrap(),
            "\"c\" GLOB '[0-9][0-9]:[0-9][0-9]*' AND time(\"c\") IS NOT NULL"
        );
        assert_eq!(
            check(SqlType::TimestampTz, true).unwrap(),
            "\"c\" IS NULL OR (\"c\" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime(\"c\") IS NOT NULL)"
        );
        assert_eq!(
            check(SqlType::Jsonb, true).unwrap(),
            "\"c\" IS NULL OR json_valid(\"c\")"
        );
        assert_eq!(check(SqlType::Jsonb, false).unwrap(), "json_valid(\"c\")");
        assert_eq!(check(SqlType::Date, true).unwrap(), "\"c\" IS date(\"c\")");
        assert_eq!(
            check(SqlType::Enum(EnumType::new("e", ["a", "b"])), false).unwrap(),
            "\"c\" IN ('a', 'b')"
        );
        assert!(
            check(
                SqlType::Decimal {
                    precision: None,
                    scale: None
                },
                true
            )
            .unwrap()
            .starts_with("\"c\" GLOB '*[0-9]*' AND")
        );
        assert_eq!(check(SqlType::BigInt, false), None);
        assert_eq!(check(SqlType::Text, false), None);
    }
}
