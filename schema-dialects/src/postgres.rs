//! PostgreSQL 13+: named enum types, `COMMENT ON`, standard identity columns.

use schema_core::{Engine, GeneratedKind, GrantObject, IndexMethod, Role, SqlType};

use crate::{CommentStyle, Dialect, IdentifierLimit, IdentityStyle, quote};
use quote::{identifier, string};

/// The PostgreSQL writer.
///
/// ```
/// use schema_core::{Column, Schema, SqlType, TableDef};
/// use schema_dialects::{Dialect, Postgres};
/// let schema = Schema::builder()
///     .table_def(TableDef::new("t").column(Column::new("at", SqlType::TimestampTz)).comment("Times"))
///     .build()
///     .unwrap();
/// let script = Postgres.render(&schema).unwrap();
/// assert_eq!(script.statements[1], "COMMENT ON TABLE \"t\" IS 'Times'");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Postgres;

/// `varchar(n)` and `char(n)` accept at most this length.
const MAX_LENGTH: u32 = 10_485_760;
/// `numeric(p, s)` accepts at most this precision.
const MAX_PRECISION: u16 = 1000;

impl Dialect for Postgres {
    fn engine(&self) -> Engine {
        Engine::Postgres
    }

    /// NAMEDATALEN - 1; longer names are truncated with only a NOTICE.
    fn identifier_limit(&self) -> Option<IdentifierLimit> {
        Some(IdentifierLimit::Bytes(63))
    }

    /// Enum labels are limited like identifiers.
    fn enum_value_limit(&self) -> Option<IdentifierLimit> {
        Some(IdentifierLimit::Bytes(63))
    }

    fn supports_enum_types(&self) -> bool {
        true
    }

    fn merges_duplicate_unique_constraints(&self) -> bool {
        true
    }

    fn identity_style(&self) -> IdentityStyle {
        IdentityStyle::Generated
    }

    /// `json` has no equality operator, so no B-tree (or hash, or GIN) operator class.
    fn can_be_key(&self, sql_type: &SqlType) -> bool {
        *sql_type != SqlType::Json
    }

    fn supports_index_method(&self, method: IndexMethod) -> bool {
        method != IndexMethod::FullText
    }

    fn supports_operator_classes(&self) -> bool {
        true
    }

    fn supports_include_columns(&self) -> bool {
        true
    }

    fn supports_index_nulls_order(&self) -> bool {
        true
    }

    /// PostgreSQL 15+.
    fn supports_nulls_not_distinct(&self) -> bool {
        true
    }

    fn supports_exclusion_constraints(&self) -> bool {
        true
    }

    fn supports_domains(&self) -> bool {
        true
    }

    fn supports_deferrable_constraints(&self) -> bool {
        true
    }

    fn enforces_match_full(&self) -> bool {
        true
    }

    /// PostgreSQL 12-17 have only STORED generated columns.
    fn supports_generated_columns(&self, kind: GeneratedKind) -> bool {
        kind == GeneratedKind::Stored
    }

    fn index_method_clause(&self, method: IndexMethod) -> Option<String> {
        Some(format!("USING {method}"))
    }

    fn supports_extensions(&self) -> bool {
        true
    }

    /// `citext` is an extension type.
    fn required_extensions(&self, schema: &schema_core::Schema) -> Vec<String> {
        let citext = schema
            .tables
            .iter()
            .flat_map(|t| &t.columns)
            .any(|c| c.sql_type.uses(&|t| *t == SqlType::CiText));
        if citext {
            vec!["citext".into()]
        } else {
            Vec::new()
        }
    }

    fn supports_identity_always(&self) -> bool {
        true
    }

    /// Accepted, though a row is only checked when written.
    fn allows_volatile_checks(&self) -> bool {
        true
    }

    fn supports_materialized_views(&self) -> bool {
        true
    }

    fn security_invoker_views(&self) -> crate::SecurityInvokerViews {
        crate::SecurityInvokerViews::WithOption
    }

    fn trigger_style(&self) -> crate::TriggerStyle {
        crate::TriggerStyle::Function
    }

    fn session_actor(&self) -> &'static str {
        "coalesce(nullif(current_setting('app.actor', true), ''), current_user)"
    }

    fn supports_functions(&self) -> bool {
        true
    }

    fn partition_style(&self) -> Option<crate::PartitionStyle> {
        Some(crate::PartitionStyle::Declarative)
    }

    fn supports_default_list_partition(&self) -> bool {
        true
    }

    fn date_bound(&self, date: &str, sql_type: &SqlType) -> String {
        match sql_type {
            SqlType::TimestampTz => quote::string(self, &format!("{date} 00:00:00+00")),
            _ => quote::string(self, date),
        }
    }

    fn comment_style(&self) -> CommentStyle {
        CommentStyle::CommentOn
    }

    fn folds_unquoted_identifiers(&self) -> bool {
        true
    }

    fn stores_uuid_as_bytes(&self) -> bool {
        false
    }

    fn parser_dialect(&self) -> Box<dyn sqlparser::dialect::Dialect> {
        Box::new(sqlparser::dialect::PostgreSqlDialect {})
    }

    fn type_name(&self, sql_type: &SqlType) -> String {
        match sql_type {
            SqlType::Boolean => "boolean".into(),
            SqlType::SmallInt => "smallint".into(),
            SqlType::Integer => "integer".into(),
            SqlType::BigInt => "bigint".into(),
            SqlType::Real => "real".into(),
            SqlType::Double => "double precision".into(),
            SqlType::Decimal {
                precision: Some(p),
                scale: Some(s),
            } => format!("numeric({p},{s})"),
            SqlType::Decimal {
                precision: Some(p),
                scale: None,
            } => format!("numeric({p})"),
            SqlType::Decimal { .. } => "numeric".into(),
            SqlType::Text => "text".into(),
            SqlType::Varchar(n) => format!("varchar({n})"),
            SqlType::Char(n) => format!("char({n})"),
            SqlType::Bytes => "bytea".into(),
            SqlType::Uuid => "uuid".into(),
            SqlType::Date => "date".into(),
            SqlType::Time => "time".into(),
            SqlType::Timestamp => "timestamp".into(),
            SqlType::TimestampTz => "timestamptz".into(),
            SqlType::Json => "json".into(),
            SqlType::Jsonb => "jsonb".into(),
            SqlType::Inet => "inet".into(),
            SqlType::Cidr => "cidr".into(),
            SqlType::Interval => "interval".into(),
            SqlType::TsVector => "tsvector".into(),
            SqlType::CiText => "citext".into(),
            SqlType::Array(inner) => format!("{}[]", self.type_name(inner)),
            SqlType::Domain(domain) => quote::identifier(self, &domain.name),
            SqlType::Enum(enum_type) => quote::identifier(self, &enum_type.name),
            SqlType::Raw(per_engine) => per_engine
                .get(&Engine::Postgres)
                .cloned()
                .unwrap_or_default(),
        }
    }

    fn type_problem(&self, sql_type: &SqlType) -> Option<(String, String)> {
        match sql_type {
            SqlType::Varchar(n) | SqlType::Char(n) if *n > MAX_LENGTH => Some((
                format!("`{sql_type}` is longer than PostgreSQL's limit of {MAX_LENGTH}"),
                "use `text` for unbounded strings".into(),
            )),
            SqlType::Decimal {
                precision: Some(p), ..
            } if *p > MAX_PRECISION => Some((
                format!(
                    "`{sql_type}` has more than PostgreSQL's {MAX_PRECISION} digits of precision"
                ),
                "use a smaller precision, or none for an unconstrained numeric".into(),
            )),
            _ => None,
        }
    }

    /// In core since PostgreSQL 13.
    fn random_uuid(&self) -> String {
        "gen_random_uuid()".into()
    }

    /// The session's time zone decides what `timestamp` (without zone) receives.
    fn now(&self, _sql_type: &SqlType) -> String {
        "CURRENT_TIMESTAMP".into()
    }

    /// bytea's hex input format (standard_conforming_strings is on since 9.1).
    fn blob_literal(&self, bytes: &[u8]) -> String {
        format!("'\\x{}'", quote::hex(bytes))
    }

    fn supports_roles(&self) -> bool {
        true
    }

    fn supports_row_level_security(&self) -> bool {
        true
    }

    fn supports_default_privileges(&self) -> bool {
        true
    }

    fn supports_grants_on(&self, _object: &GrantObject) -> bool {
        true
    }

    /// Roles are cluster-wide, so `CREATE ROLE` (which has no `IF NOT EXISTS`) runs in a `DO`
    /// block that turns "already exists" into `ALTER ROLE`, giving an existing role the declared
    /// LOGIN/NOLOGIN. Catching the error rather than testing `pg_roles` first also holds when two
    /// sessions run the script at once (the loser gets a unique violation on `pg_authid`).
    fn create_role(&self, role: &Role) -> Vec<String> {
        let name = identifier(self, &role.name);
        let login = if role.login { "LOGIN" } else { "NOLOGIN" };
        let mut statements = vec![format!(
            "DO $$\nBEGIN\n  CREATE ROLE {name} {login};\nEXCEPTION WHEN duplicate_object OR unique_violation THEN\n  ALTER ROLE {name} {login};\nEND\n$$"
        )];
        if let Some(comment) = &role.comment {
            statements.push(format!(
                "COMMENT ON ROLE {name} IS {}",
                string(self, comment)
            ));
        }
        statements
    }

    /// PostgreSQL gives every role (`PUBLIC`) USAGE on the `public` schema (and CREATE before
    /// 15), CONNECT and TEMP on the database and EXECUTE on new functions; all of it is taken
    /// back, and CONNECT given to the declared login roles.
    fn least_privilege(&self, roles: &[&Role]) -> Vec<String> {
        let mut database = String::from(
            "DO $$\nBEGIN\n  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());\n",
        );
        for role in roles.iter().filter(|r| r.login) {
            database.push_str(&format!(
                "  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), {});\n",
                string(self, &role.name)
            ));
        }
        database.push_str("END\n$$");
        vec![
            database,
            "REVOKE ALL ON SCHEMA \"public\" FROM PUBLIC".to_string(),
            "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC".to_string(),
        ]
    }
}
