//! SQLite 3.37+: STRICT tables, inline foreign keys, `--` doc comments.

use schema_core::{Engine, SqlType, TableDef};

use crate::{CommentStyle, Dialect, IdentityStyle, quote};

/// The SQLite writer.
///
/// Every table is STRICT, so values must have the column's storage class; the CHECKs from
/// [`types`](crate::types) narrow the storage classes to the logical types.
///
/// ```
/// use schema_core::{Column, Identity, Schema, SqlType, TableDef};
/// use schema_dialects::{Dialect, Sqlite};
/// let schema = Schema::builder()
///     .table_def(
///         TableDef::new("t")
///             .column(Column::new("id", SqlType::BigInt).identity(Identity::ByDefault))
///             .primary_key(["id"]),
///     )
///     .build()
///     .unwrap();
/// let script = Sqlite.render(&schema).unwrap();
/// assert_eq!(
///     script.statements[1],
///     "CREATE TABLE \"t\" (\n  \"id\" INTEGER NOT NULL CONSTRAINT \"t_pkey\" PRIMARY KEY AUTOINCREMENT\n) STRICT"
/// );
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Sqlite;

impl Dialect for Sqlite {
    fn engine(&self) -> Engine {
        Engine::Sqlite
    }

    /// Foreign keys are resolved when rows change, not when the table is created.
    fn supports_forward_references(&self) -> bool {
        true
    }

    fn checks_foreign_key_targets_lazily(&self) -> bool {
        true
    }

    /// "object name reserved for internal use".
    fn reserved_name_prefix(&self) -> Option<&'static str> {
        Some("sqlite_")
    }

    fn identity_style(&self) -> IdentityStyle {
        IdentityStyle::RowidAlias
    }

    fn supports_deferrable_constraints(&self) -> bool {
        true
    }

    fn without_rowid_option(&self) -> Option<&'static str> {
        Some("WITHOUT ROWID")
    }

    fn trigger_style(&self) -> crate::TriggerStyle {
        crate::TriggerStyle::Inline {
            assigns_new: false,
            when_clause: true,
        }
    }

    fn comment_style(&self) -> CommentStyle {
        CommentStyle::SqlLineComments
    }

    fn raw_type_names(&self) -> Option<&'static [&'static str]> {
        Some(&["INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"])
    }

    fn column_names_ignore_case(&self) -> bool {
        true
    }

    fn stores_decimal_as_text(&self) -> bool {
        true
    }

    fn parser_dialect(&self) -> Box<dyn sqlparser::dialect::Dialect> {
        Box::new(sqlparser::dialect::SQLiteDialect {})
    }

    fn prologue(&self) -> Vec<String> {
        vec!["PRAGMA foreign_keys = ON".into()]
    }

    fn type_name(&self, sql_type: &SqlType) -> String {
        match sql_type {
            SqlType::Boolean | SqlType::SmallInt | SqlType::Integer | SqlType::BigInt => {
                "INTEGER".into()
            }
            SqlType::Real | SqlType::Double => "REAL".into(),
            SqlType::Bytes | SqlType::Uuid => "BLOB".into(),
            SqlType::Raw(per_engine) => {
                per_engine.get(&Engine::Sqlite).cloned().unwrap_or_default()
            }
            SqlType::CiText => "TEXT COLLATE NOCASE".into(),
            // Refused by `type_problem`.
            SqlType::Interval | SqlType::TsVector | SqlType::Array(_) => String::new(),
            SqlType::Domain(domain) => self.type_name(&domain.base),
            SqlType::Decimal { .. }
            | SqlType::Text
            | SqlType::Varchar(_)
            | SqlType::Char(_)
            | SqlType::Date
            | SqlType::Time
            | SqlType::Timestamp
            | SqlType::TimestampTz
            | SqlType::Json
            | SqlType::Jsonb
            | SqlType::Inet
            | SqlType::Cidr
            | SqlType::Enum(_) => "TEXT".into(),
        }
    }

    /// `IN`, `BETWEEN`, `<=`, `=` and `IS` are NULL (accepted) or true for a NULL value; the
    /// `IS NOT NULL` tests and `json_valid` are not, so nullable columns let NULL through first.
    fn type_check(&self, c: &str, sql_type: &SqlType, nullable: bool) -> Option<String> {
        let check = match sql_type {
            SqlType::Domain(domain) => return self.type_check(c, &domain.base, nullable),
            SqlType::Boolean => format!("{c} IN (0, 1)"),
            SqlType::SmallInt => format!("{c} BETWEEN -32768 AND 32767"),
            SqlType::Integer => format!("{c} BETWEEN -2147483648 AND 2147483647"),
            SqlType::Varchar(n) | SqlType::Char(n) => format!("length({c}) <= {n}"),
            SqlType::Uuid => format!("length({c}) = 16"),
            // Plain decimal notation: digits, at most one point, a sign only in front (what
            // rust_decimal and the other engines write); `abc` or `1e5` is refused.
            SqlType::Decimal { .. } => format!(
                "{c} GLOB '*[0-9]*' AND {c} NOT GLOB '*[^0-9.+-]*' AND {c} NOT GLOB '*.*.*' AND {c} NOT GLOB '?*[+-]*'"
            ),
            SqlType::Date => format!("{c} IS date({c})"),
            SqlType::Time
            | SqlType::Timestamp
            | SqlType::TimestampTz
            | SqlType::Json
            | SqlType::Jsonb => {
                // The GLOB keeps out what the date functions also read but is no fixed instant:
                // a Julian day number ('2460000.5') or 'now'; it is tested first, so `time('now')`
                // (refused as non-deterministic inside a CHECK) is never evaluated.
                let test = match sql_type {
                    SqlType::Time => {
                        format!("{c} GLOB '[0-9][0-9]:[0-9][0-9]*' AND time({c}) IS NOT NULL")
                    }
                    SqlType::Json | SqlType::Jsonb => format!("json_valid({c})"),
                    _ => format!(
                        "{c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND datetime({c}) IS NOT NULL"
                    ),
                };
                match (nullable, test.contains(" AND ")) {
                    (false, _) => test,
                    (true, false) => format!("{c} IS NULL OR {test}"),
                    (true, true) => format!("{c} IS NULL OR ({test})"),
                }
            }
            SqlType::Enum(enum_type) => {
                let values: Vec<String> = enum_type
                    .values
                    .iter()
                    .map(|v| quote::string(self, v))
                    .collect();
                format!("{c} IN ({})", values.join(", "))
            }
            _ => return None,
        };
        Some(check)
    }

    fn type_problem(&self, sql_type: &SqlType) -> Option<(String, String)> {
        let (message, help) = match sql_type {
            SqlType::Interval => (
                "SQLite has no interval type".to_string(),
                "store the duration as a count, e.g. seconds in an i64",
            ),
            SqlType::TsVector => (
                "SQLite has no tsvector type".to_string(),
                "full-text search in SQLite is an FTS5 virtual table, which this library does not write",
            ),
            SqlType::Array(_) => (
                format!("SQLite has no array types (`{sql_type}`)"),
                "store the list as `#[column(json)]`",
            ),
            _ => return None,
        };
        Some((message, help.to_string()))
    }

    fn bool_literal(&self, value: bool) -> &'static str {
        if value { "1" } else { "0" }
    }

    /// ISO-8601 with milliseconds; `Z` marks UTC for timestamptz.
    fn now(&self, sql_type: &SqlType) -> String {
        match sql_type {
            SqlType::TimestampTz => "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))".into(),
            _ => "(strftime('%Y-%m-%dT%H:%M:%f', 'now'))".into(),
        }
    }

    /// Random bytes, not version-stamped: SQLite has no UUID function.
    fn random_uuid(&self) -> String {
        "(randomblob(16))".into()
    }

    /// SQLite separates table options with commas.
    fn table_options(&self, table: &TableDef) -> Vec<String> {
        match (table.without_rowid, self.without_rowid_option()) {
            (true, Some(option)) => vec![format!("STRICT, {option}")],
            _ => vec!["STRICT".into()],
        }
    }
}
