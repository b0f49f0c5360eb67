//! MySQL 8 and MariaDB 10.5+: InnoDB tables in utf8mb4, inline comments, `AUTO_INCREMENT`.

use schema_core::{Engine, IndexMethod, Role, SqlType, TableDef};

use crate::{CommentStyle, Dialect, IdentifierLimit, IdentityStyle, quote};

/// The MySQL/MariaDB writer.
///
/// Tables are `ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`. The collation is
/// explicit because the servers' defaults differ (MySQL 8: `utf8mb4_0900_ai_ci`, which MariaDB
/// 10.11 does not have; MariaDB: `utf8mb4_general_ci`), so unique keys would accept different rows
/// on each. `utf8mb4_bin` exists on both and compares like PostgreSQL's and SQLite's defaults
/// (case- and accent-sensitive), so a schema accepts the same data on every engine; it differs
/// from them only in ignoring trailing spaces (PAD SPACE).
///
/// String literals assume the default `sql_mode` (backslash escapes on).
///
/// ```
/// use schema_core::{Column, Schema, SqlType, TableDef};
/// use schema_dialects::{Dialect, MySql};
/// let schema = Schema::builder()
///     .table_def(TableDef::new("t").column(Column::new("id", SqlType::Uuid)).primary_key(["id"]))
///     .build()
///     .unwrap();
/// let script = MySql.render(&schema).unwrap();
/// assert!(script.statements[0].starts_with("CREATE TABLE `t` (\n  `id` BINARY(16) NOT NULL,"));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct MySql;

/// VARCHAR(n) in utf8mb4 (4 bytes a character) fits MySQL's 65,535-byte row limit up to here.
const MAX_VARCHAR: u32 = 16_383;
const MAX_CHAR: u32 = 255;
const MAX_PRECISION: u16 = 65;
const MAX_SCALE: u16 = 30;

impl Dialect for MySql {
    fn engine(&self) -> Engine {
        Engine::MySql
    }

    fn identifier_limit(&self) -> Option<IdentifierLimit> {
        Some(IdentifierLimit::Chars(64))
    }

    fn allows_trailing_space_in_identifiers(&self) -> bool {
        false
    }

    fn enum_value_limit(&self) -> Option<IdentifierLimit> {
        Some(IdentifierLimit::Chars(255))
    }

    fn supports_partial_indexes(&self) -> bool {
        false
    }

    fn stored_function_synonyms(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("octet_length", "length"),
            ("ucase", "upper"),
            ("lcase", "lower"),
            ("curdate", "current_date"),
            ("curtime", "current_time"),
        ]
    }

    fn keeps_primary_key_names(&self) -> bool {
        false
    }

    fn unique_indexes_are_constraints(&self) -> bool {
        true
    }

    fn identity_style(&self) -> IdentityStyle {
        IdentityStyle::AutoIncrement
    }

    /// InnoDB turns `USING HASH` silently into a B-tree, so hash is refused; FULLTEXT is native.
    fn supports_index_method(&self, method: IndexMethod) -> bool {
        matches!(method, IndexMethod::BTree | IndexMethod::FullText)
    }

    /// MySQL 8.0.13+ has functional key parts, MariaDB (10.11) has none: an expression index
    /// would need a generated column, which is better declared explicitly.
    fn supports_expression_indexes(&self) -> bool {
        false
    }

    /// MariaDB: a syntax error; MySQL 8 accepts it. The writer adds a CHECK instead.
    fn generated_columns_take_not_null(&self) -> bool {
        false
    }

    fn supports_prefix_indexes(&self) -> bool {
        true
    }

    fn index_keyword(&self, method: IndexMethod) -> Option<&'static str> {
        (method == IndexMethod::FullText).then_some("FULLTEXT")
    }

    /// InnoDB parses `SET DEFAULT` and rejects the table.
    fn supports_set_default_action(&self) -> bool {
        false
    }

    /// MySQL 8.0.16+ (error 3823); MariaDB accepts it.
    fn allows_checks_on_referential_action_columns(&self) -> bool {
        false
    }

    /// MySQL 8.0.16+ (error 3818); MariaDB accepts it.
    fn allows_checks_on_identity_columns(&self) -> bool {
        false
    }

    /// BLOB/TEXT (and JSON) columns can only be indexed with a prefix length.
    fn can_be_key(&self, sql_type: &SqlType) -> bool {
        if let SqlType::Domain(domain) = sql_type {
            return self.can_be_key(&domain.base);
        }
        !matches!(
            sql_type,
            SqlType::Text | SqlType::Bytes | SqlType::Json | SqlType::Jsonb | SqlType::CiText
        )
    }

    /// InnoDB with DYNAMIC rows (the default): 3072 bytes.
    fn max_key_bytes(&self) -> Option<usize> {
        Some(3072)
    }

    /// InnoDB key widths; utf8mb4 reserves 4 bytes per character.
    fn key_bytes(&self, sql_type: &SqlType, prefix: Option<u32>) -> Option<usize> {
        const UTF8MB4: usize = 4;
        if let Some(prefix) = prefix {
            let per_unit = if matches!(sql_type, SqlType::Bytes) {
                1
            } else {
                UTF8MB4
            };
            return Some(prefix as usize * per_unit);
        }
        Some(match sql_type {
            SqlType::Boolean => 1,
            SqlType::SmallInt => 2,
            SqlType::Integer | SqlType::Real => 4,
            SqlType::BigInt | SqlType::Double => 8,
            SqlType::Decimal { precision, scale } => decimal_bytes(
                precision.unwrap_or(65),
                scale.unwrap_or(if precision.is_some() { 0 } else { 30 }),
            ),
            SqlType::Varchar(n) | SqlType::Char(n) => *n as usize * UTF8MB4,
            SqlType::Uuid => 16,
            SqlType::Date => 3,
            SqlType::Time => 6,
            SqlType::Timestamp | SqlType::TimestampTz => 8,
            SqlType::Inet => 45 * UTF8MB4,
            SqlType::Enum(e) if e.values.len() > 255 => 2,
            SqlType::Enum(_) => 1,
            _ => return None,
        })
    }

    fn security_invoker_views(&self) -> crate::SecurityInvokerViews {
        crate::SecurityInvokerViews::SqlSecurity
    }

    fn trigger_style(&self) -> crate::TriggerStyle {
        crate::TriggerStyle::Inline {
            assigns_new: true,
            when_clause: false,
        }
    }

    fn json_object_function(&self) -> &'static str {
        "JSON_OBJECT"
    }

    fn session_actor(&self) -> &'static str {
        "COALESCE(@app_actor, CURRENT_USER())"
    }

    fn partition_style(&self) -> Option<crate::PartitionStyle> {
        Some(crate::PartitionStyle::Inline)
    }

    /// MariaDB has `PARTITION p DEFAULT` for LIST; MySQL 8 does not, and scripts run on both.
    fn supports_default_list_partition(&self) -> bool {
        false
    }

    fn allows_foreign_keys_with_partitioning(&self) -> bool {
        false
    }

    fn comment_style(&self) -> CommentStyle {
        CommentStyle::Inline
    }

    fn comment_limits(&self) -> Option<(usize, usize)> {
        Some((2048, 1024))
    }

    fn column_names_ignore_case(&self) -> bool {
        true
    }

    fn backslash_escapes(&self) -> bool {
        true
    }

    fn parser_dialect(&self) -> Box<dyn sqlparser::dialect::Dialect> {
        Box::new(sqlparser::dialect::MySqlDialect {})
    }

    fn identifier_quote(&self) -> char {
        '`'
    }

    fn type_name(&self, sql_type: &SqlType) -> String {
        match sql_type {
            SqlType::Boolean => "BOOLEAN".into(),
            SqlType::SmallInt => "SMALLINT".into(),
            SqlType::Integer => "INT".into(),
            SqlType::BigInt => "BIGINT".into(),
            SqlType::Real => "FLOAT".into(),
            SqlType::Double => "DOUBLE".into(),
            SqlType::Decimal {
                precision: Some(p),
                scale: Some(s),
            } => format!("DECIMAL({p},{s})"),
            SqlType::Decimal {
                precision: Some(p),
                scale: None,
            } => format!("DECIMAL({p})"),
            SqlType::Decimal { .. } => "DECIMAL(65,30)".into(),
            SqlType::Text => "LONGTEXT".into(),
            SqlType::Varchar(n) => format!("VARCHAR({n})"),
            SqlType::Char(n) => format!("CHAR({n})"),
            SqlType::Bytes => "LONGBLOB".into(),
            SqlType::Uuid => "BINARY(16)".into(),
            SqlType::Date => "DATE".into(),
            SqlType::Time => "TIME(6)".into(),
            SqlType::Timestamp | SqlType::TimestampTz => "DATETIME(6)".into(),
            SqlType::Json | SqlType::Jsonb => "JSON".into(),
            SqlType::Inet => "VARCHAR(45)".into(),
            // The longest network: an IPv6 address and `/128`.
            SqlType::Cidr => "VARCHAR(43)".into(),
            SqlType::CiText => "LONGTEXT COLLATE utf8mb4_general_ci".into(),
            // Refused by `type_problem`.
            SqlType::Interval | SqlType::TsVector | SqlType::Array(_) => String::new(),
            SqlType::Domain(domain) => self.type_name(&domain.base),
            SqlType::Enum(enum_type) => {
                let values: Vec<String> = enum_type
                    .values
                    .iter()
                    .map(|v| quote::string(self, v))
                    .collect();
                format!("ENUM({})", values.join(", "))
            }
            SqlType::Raw(per_engine) => per_engine.get(&Engine::MySql).cloned().unwrap_or_default(),
        }
    }

    /// `BOOLEAN` is `TINYINT(1)` and would take 2; `VARCHAR(45)` would take any text as an
    /// address. Both checks are deterministic, as MySQL 8 requires in a CHECK.
    fn type_check(&self, c: &str, sql_type: &SqlType, nullable: bool) -> Option<String> {
        match sql_type {
            SqlType::Domain(domain) => self.type_check(c, &domain.base, nullable),
            SqlType::Boolean => Some(format!("{c} IN (0, 1)")),
            // IS_IPV4(NULL) is 0, so NULL must be let through explicitly.
            SqlType::Inet if nullable => {
                Some(format!("{c} IS NULL OR IS_IPV4({c}) OR IS_IPV6({c})"))
            }
            SqlType::Inet => Some(format!("IS_IPV4({c}) OR IS_IPV6({c})")),
            _ => None,
        }
    }

    fn type_problem(&self, sql_type: &SqlType) -> Option<(String, String)> {
        match sql_type {
            SqlType::Interval => Some((
                "MySQL has no interval type".into(),
                "store the duration as a count, e.g. seconds in an i64".into(),
            )),
            SqlType::TsVector => Some((
                "MySQL has no tsvector type".into(),
                "index the text column instead: `index(columns(body), fulltext)`".into(),
            )),
            SqlType::Array(_) => Some((
                format!("MySQL has no array types (`{sql_type}`)"),
                "store the list as `#[column(json)]`".into(),
            )),
            SqlType::Varchar(n) if *n > MAX_VARCHAR => Some((
                format!(
                    "`{sql_type}` does not fit MySQL's row size in utf8mb4 (at most varchar({MAX_VARCHAR}))"
                ),
                "use `text` (LONGTEXT) for long strings".into(),
            )),
            SqlType::Char(n) if *n > MAX_CHAR => Some((
                format!("`{sql_type}` is longer than MySQL's CHAR limit of {MAX_CHAR}"),
                "use `varchar(n)` or `text`".into(),
            )),
            SqlType::Decimal {
                precision: Some(p), ..
            } if *p > MAX_PRECISION => Some((
                format!("`{sql_type}` has more than MySQL's {MAX_PRECISION} digits of precision"),
                format!("use a precision of at most {MAX_PRECISION}"),
            )),
            SqlType::Decimal { scale: Some(s), .. } if *s > MAX_SCALE => Some((
                format!("`{sql_type}` has more than MySQL's {MAX_SCALE} digits of scale"),
                format!("use a scale of at most {MAX_SCALE}"),
            )),
            _ => None,
        }
    }

    /// The precision matches the DATETIME(6) column. An instant (timestamptz) is stored as UTC,
    /// so its default is `UTC_TIMESTAMP(6)` (an expression default): `CURRENT_TIMESTAMP` is the
    /// session's local time and would disagree with the UTC values drivers write.
    fn now(&self, sql_type: &SqlType) -> String {
        match sql_type {
            SqlType::TimestampTz => "(UTC_TIMESTAMP(6))".into(),
            _ => "CURRENT_TIMESTAMP(6)".into(),
        }
    }

    /// `UUID()` is text with dashes; the column is BINARY(16). MySQL's and MariaDB's `UUID()` is
    /// version 1 (time-based: unique, not secret). An expression default: MySQL 8.0.13+.
    fn random_uuid(&self) -> String {
        "(UNHEX(REPLACE(UUID(), '-', '')))".into()
    }

    /// An expression default (MySQL 8.0.13+, MariaDB 10.2+): `CURRENT_DATE` alone is not
    /// accepted as a DATE column's default by MySQL.
    fn current_date(&self) -> String {
        "(CURRENT_DATE)".into()
    }

    /// BLOB, TEXT and JSON columns take only expression defaults; a raw type might be one of
    /// them, and a parenthesised literal is accepted by every type.
    fn literal_default_needs_parentheses(&self, sql_type: &SqlType) -> bool {
        if let SqlType::Domain(domain) = sql_type {
            return self.literal_default_needs_parentheses(&domain.base);
        }
        matches!(
            sql_type,
            SqlType::Text
                | SqlType::Bytes
                | SqlType::Json
                | SqlType::Jsonb
                | SqlType::CiText
                | SqlType::Raw(_)
        )
    }

    fn table_options(&self, table: &TableDef) -> Vec<String> {
        let mut options = vec![
            "ENGINE=InnoDB".to_string(),
            "DEFAULT CHARSET=utf8mb4".to_string(),
            "COLLATE=utf8mb4_bin".to_string(),
        ];
        if let Some(comment) = &table.comment {
            options.push(format!("COMMENT={}", quote::string(self, comment)));
        }
        options
    }

    fn supports_roles(&self) -> bool {
        true
    }

    /// MariaDB (10.11) activates one default role per user (`SET DEFAULT ROLE r FOR u`); MySQL 8
    /// writes `SET DEFAULT ROLE ALL TO u` instead.
    fn activates_every_group(&self) -> bool {
        false
    }

    /// Group roles with `CREATE ROLE IF NOT EXISTS`; login roles are users at any host, created
    /// locked: an account without a password would accept anyone, so set one and unlock it
    /// (`ALTER USER 'app'@'%' IDENTIFIED BY '...' ACCOUNT UNLOCK`) out of band.
    fn create_role(&self, role: &Role) -> Vec<String> {
        if role.login {
            vec![format!(
                "CREATE USER IF NOT EXISTS {} ACCOUNT LOCK",
                self.role_name(role)
            )]
        } else {
            vec![format!(
                "CREATE ROLE IF NOT EXISTS {}",
                self.role_name(role)
            )]
        }
    }

    fn role_name(&self, role: &Role) -> String {
        let name = crate::quote::string(self, &role.name);
        if role.login {
            format!("{name}@'%'")
        } else {
            name
        }
    }

    fn activate_groups(&self, login: &Role, groups: &[&Role]) -> Vec<String> {
        groups
            .first()
            .map(|group| {
                format!(
                    "SET DEFAULT ROLE {} FOR {}",
                    self.role_name(group),
                    self.role_name(login)
                )
            })
            .into_iter()
            .collect()
    }
}

/// Bytes of a MySQL `DECIMAL(p, s)`: 4 bytes per 9 digits, on each side of the point, plus the
/// leftover digits' bytes.
fn decimal_bytes(precision: u16, scale: u16) -> usize {
    const LEFTOVER: [usize; 10] = [0, 1, 1, 2, 2, 3, 3, 4, 4, 4];
    let side = |digits: usize| digits / 9 * 4 + LEFTOVER[digits % 9];
    side(usize::from(precision.saturating_sub(scale))) + side(usize::from(scale))
}
