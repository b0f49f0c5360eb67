//! The [`Dialect`] trait: what an engine can express (capabilities) and the small hooks its
//! writer fills in.
//!
//! Shared code asks "does this engine support X?" through the capability methods, never "is this
//! MySQL?". Each capability has a documented default; an engine module overrides only what differs,
//! the way sqlparser's dialects do. The statement skeleton is written once (in `writer.rs`) and the
//! engine-specific validation once (in `check.rs`); both call these methods.

use std::fmt;

use schema_core::{
    Diagnostic, Diagnostics, Engine, GeneratedKind, GrantObject, IndexMethod, Role, Schema,
    SqlType, TableDef,
};

use crate::Script;

/// One engine's writer and capability matrix.
///
/// Get one with [`dialect`](crate::dialect). [`check`](Dialect::check) reports every
/// engine-specific problem at once; [`render`](Dialect::render) checks first and then writes the
/// whole dependency-ordered script.
///
/// ```
/// use schema_core::{Column, Engine, Schema, SqlType, TableDef};
/// use schema_dialects::dialect;
///
/// let schema = Schema::builder()
///     .table_def(TableDef::new("tenants").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
///     .build()
///     .unwrap();
/// let script = dialect(Engine::Postgres).render(&schema).unwrap();
/// assert_eq!(
///     script.statements,
///     ["CREATE TABLE \"tenants\" (\n  \"id\" bigint NOT NULL,\n  CONSTRAINT \"tenants_pkey\" PRIMARY KEY (\"id\")\n)"]
/// );
/// assert!(!dialect(Engine::MySql).supports_partial_indexes());
/// ```
pub trait Dialect: Sync {
    /// The engine this dialect writes for.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::Sqlite).engine(), Engine::Sqlite);
    /// ```
    fn engine(&self) -> Engine;

    /// Engine-specific problems in `schema` (identifier limits, expression grammar, features the
    /// engine cannot express), every one at once, each naming table, column and engine with a
    /// help line. Dialect-neutral validation already ran in `Schema::builder().build()`.
    ///
    /// ```
    /// # use schema_core::{Column, Engine, Index, Schema, SqlType, TableDef};
    /// let schema = Schema::builder()
    ///     .table_def(TableDef::new("t").column(Column::new("a", SqlType::Text)).index(Index::on(["a"])))
    ///     .build()
    ///     .unwrap();
    /// assert!(schema_dialects::dialect(Engine::Postgres).check(&schema).is_empty());
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).check(&schema).len(), 1); // LONGTEXT key
    /// ```
    fn check(&self, schema: &Schema) -> Vec<Diagnostic> {
        crate::check::schema(self, schema)
    }

    /// The whole DDL script for `schema`, dependency-ordered, after [`check`](Dialect::check).
    ///
    /// ```
    /// # use schema_core::{Column, Engine, Schema, SqlType, TableDef};
    /// let schema = Schema::builder()
    ///     .table_def(TableDef::new("t").column(Column::new("a", SqlType::Boolean)))
    ///     .build()
    ///     .unwrap();
    /// let script = schema_dialects::dialect(Engine::Sqlite).render(&schema).unwrap();
    /// assert_eq!(script.statements[0], "PRAGMA foreign_keys = ON");
    /// assert!(script.statements[1].ends_with(") STRICT"));
    /// ```
    fn render(&self, schema: &Schema) -> Result<Script, Diagnostics> {
        crate::writer::render(self, schema)
    }

    // ----- capabilities -------------------------------------------------------------------

    /// The longest identifier the engine keeps, if it has a limit.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// use schema_dialects::{dialect, IdentifierLimit};
    /// assert_eq!(dialect(Engine::Postgres).identifier_limit(), Some(IdentifierLimit::Bytes(63)));
    /// assert_eq!(dialect(Engine::Sqlite).identifier_limit(), None);
    /// ```
    fn identifier_limit(&self) -> Option<IdentifierLimit> {
        None
    }

    /// Whether identifiers may end with a space (MySQL rejects such names). Default: true.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(!schema_dialects::dialect(Engine::MySql).allows_trailing_space_in_identifiers());
    /// ```
    fn allows_trailing_space_in_identifiers(&self) -> bool {
        true
    }

    /// A prefix the engine reserves for its own tables and indexes (SQLite: `sqlite_`).
    /// Default: none.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::Sqlite).reserved_name_prefix(), Some("sqlite_"));
    /// ```
    fn reserved_name_prefix(&self) -> Option<&'static str> {
        None
    }

    /// The longest enum value the engine accepts, if it has a limit.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// use schema_dialects::{dialect, IdentifierLimit};
    /// assert_eq!(dialect(Engine::MySql).enum_value_limit(), Some(IdentifierLimit::Chars(255)));
    /// ```
    fn enum_value_limit(&self) -> Option<IdentifierLimit> {
        None
    }

    /// Whether enums are named types created before the tables (`CREATE TYPE ... AS ENUM`).
    /// Default: false (an inline `ENUM(...)` or a CHECK).
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_enum_types());
    /// ```
    fn supports_enum_types(&self) -> bool {
        false
    }

    /// Whether indexes may have a `WHERE` predicate. Default: true.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Sqlite).supports_partial_indexes());
    /// ```
    fn supports_partial_indexes(&self) -> bool {
        true
    }

    /// Whether domains are named types created before the tables (`CREATE DOMAIN`). Default:
    /// false (each column gets the base type and the domain's CHECK, `VALUE` replaced by the
    /// column).
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_domains());
    /// assert!(!schema_dialects::dialect(Engine::Sqlite).supports_domains());
    /// ```
    fn supports_domains(&self) -> bool {
        false
    }

    /// Whether indexes of this access method can be created. Default: only B-tree.
    ///
    /// ```
    /// # use schema_core::{Engine, IndexMethod};
    /// use schema_dialects::dialect;
    /// assert!(dialect(Engine::Postgres).supports_index_method(IndexMethod::Gin));
    /// assert!(dialect(Engine::MySql).supports_index_method(IndexMethod::FullText));
    /// assert!(!dialect(Engine::Sqlite).supports_index_method(IndexMethod::Hash));
    /// ```
    fn supports_index_method(&self, method: IndexMethod) -> bool {
        method == IndexMethod::BTree
    }

    /// Whether index key parts may name an operator class (`jsonb_path_ops`). Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_operator_classes());
    /// ```
    fn supports_operator_classes(&self) -> bool {
        false
    }

    /// Whether an index key may be an expression (`lower(email)`). Default: true.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(!schema_dialects::dialect(Engine::MySql).supports_expression_indexes());
    /// ```
    fn supports_expression_indexes(&self) -> bool {
        true
    }

    /// Whether an index may store non-key columns (`INCLUDE (...)`). Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_include_columns());
    /// ```
    fn supports_include_columns(&self) -> bool {
        false
    }

    /// Whether index key parts may say `NULLS FIRST` / `NULLS LAST`. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(!schema_dialects::dialect(Engine::Sqlite).supports_index_nulls_order());
    /// ```
    fn supports_index_nulls_order(&self) -> bool {
        false
    }

    /// Whether unique constraints and indexes may be `NULLS NOT DISTINCT`. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_nulls_not_distinct());
    /// ```
    fn supports_nulls_not_distinct(&self) -> bool {
        false
    }

    /// Whether an index may cover only a prefix of a text column (`title(20)`). Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::MySql).supports_prefix_indexes());
    /// ```
    fn supports_prefix_indexes(&self) -> bool {
        false
    }

    /// Whether `EXCLUDE USING ...` constraints exist. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_exclusion_constraints());
    /// ```
    fn supports_exclusion_constraints(&self) -> bool {
        false
    }

    /// Whether foreign keys may be `DEFERRABLE INITIALLY DEFERRED / IMMEDIATE`. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Sqlite).supports_deferrable_constraints());
    /// assert!(!schema_dialects::dialect(Engine::MySql).supports_deferrable_constraints());
    /// ```
    fn supports_deferrable_constraints(&self) -> bool {
        false
    }

    /// Whether `MATCH FULL` on a foreign key is enforced (InnoDB and SQLite parse and ignore it).
    /// Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).enforces_match_full());
    /// ```
    fn enforces_match_full(&self) -> bool {
        false
    }

    /// Whether generated columns of this kind exist. Default: both kinds.
    ///
    /// ```
    /// # use schema_core::{Engine, GeneratedKind};
    /// assert!(!schema_dialects::dialect(Engine::Postgres).supports_generated_columns(GeneratedKind::Virtual));
    /// ```
    fn supports_generated_columns(&self, kind: GeneratedKind) -> bool {
        let _ = kind;
        true
    }

    /// Whether a generated column may be declared NOT NULL (MariaDB refuses it). Where it may
    /// not, a NOT NULL generated column gets `CHECK (c IS NOT NULL)` instead. Default: true.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(!schema_dialects::dialect(Engine::MySql).generated_columns_take_not_null());
    /// ```
    fn generated_columns_take_not_null(&self) -> bool {
        true
    }

    /// Whether the catalog keeps the name given to a primary key (MySQL calls every one
    /// `PRIMARY`). Default: true.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(!schema_dialects::dialect(Engine::MySql).keeps_primary_key_names());
    /// ```
    fn keeps_primary_key_names(&self) -> bool {
        true
    }

    /// Whether a unique index over plain columns and a UNIQUE constraint are one and the same
    /// object in the catalog (MySQL), so neither can be told from the other when read back.
    /// Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::MySql).unique_indexes_are_constraints());
    /// ```
    fn unique_indexes_are_constraints(&self) -> bool {
        false
    }

    /// Function names the engine stores in place of the ones written, as `(stored, written)`
    /// (MariaDB keeps `LENGTH(x)` as `octet_length(x)`, `UPPER` as `ucase`), so expressions read back compare equal.
    /// Default: none.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).stored_function_synonyms().is_empty());
    /// ```
    fn stored_function_synonyms(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }

    /// Whether `CREATE TABLE` silently keeps only the first of several UNIQUE constraints (or
    /// primary key) over the same columns in the same order (PostgreSQL), so the others are not
    /// in the catalog. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).merges_duplicate_unique_constraints());
    /// ```
    fn merges_duplicate_unique_constraints(&self) -> bool {
        false
    }

    /// The table option that drops the rowid (SQLite `WITHOUT ROWID`); `None` where tables have
    /// no rowid alias to drop, so the setting does not apply. Default: `None`.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::Sqlite).without_rowid_option(), Some("WITHOUT ROWID"));
    /// ```
    fn without_rowid_option(&self) -> Option<&'static str> {
        None
    }

    /// The clause naming a non-default index method, written after the table (`USING gin`).
    /// Default: none (only B-tree exists).
    ///
    /// ```
    /// # use schema_core::{Engine, IndexMethod};
    /// assert_eq!(schema_dialects::dialect(Engine::Postgres).index_method_clause(IndexMethod::Gist).as_deref(), Some("USING gist"));
    /// ```
    fn index_method_clause(&self, method: IndexMethod) -> Option<String> {
        let _ = method;
        None
    }

    /// The keyword before `INDEX` for an index method written that way (MySQL `FULLTEXT`).
    /// Default: none.
    ///
    /// ```
    /// # use schema_core::{Engine, IndexMethod};
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).index_keyword(IndexMethod::FullText), Some("FULLTEXT"));
    /// ```
    fn index_keyword(&self, method: IndexMethod) -> Option<&'static str> {
        let _ = method;
        None
    }

    /// Extensions the schema's types need on this engine besides the declared ones (PostgreSQL:
    /// `citext` for citext columns). Default: none.
    ///
    /// ```
    /// # use schema_core::{Column, Engine, Schema, SqlType, TableDef};
    /// let schema = Schema::builder()
    ///     .table_def(TableDef::new("t").column(Column::new("email", SqlType::CiText)))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(schema_dialects::dialect(Engine::Postgres).required_extensions(&schema), ["citext"]);
    /// ```
    fn required_extensions(&self, schema: &Schema) -> Vec<String> {
        let _ = schema;
        Vec::new()
    }

    /// Whether the schema's extensions are created (`CREATE EXTENSION IF NOT EXISTS`).
    /// Default: false (engines without extensions ignore the list).
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_extensions());
    /// ```
    fn supports_extensions(&self) -> bool {
        false
    }

    /// Whether a CREATE TABLE may reference a table created later (so foreign keys in cycles stay
    /// inline). Default: false (they are added by ALTER TABLE after every table exists).
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Sqlite).supports_forward_references());
    /// assert!(!schema_dialects::dialect(Engine::MySql).supports_forward_references());
    /// ```
    fn supports_forward_references(&self) -> bool {
        false
    }

    /// Whether a foreign key may reference columns that only a unique *index* (not a constraint)
    /// covers before that index exists. Engines that check the target when the constraint is
    /// created need such foreign keys added after the indexes. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(!schema_dialects::dialect(Engine::Postgres).checks_foreign_key_targets_lazily());
    /// ```
    fn checks_foreign_key_targets_lazily(&self) -> bool {
        false
    }

    /// How identity columns are written.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// use schema_dialects::{dialect, IdentityStyle};
    /// assert_eq!(dialect(Engine::MySql).identity_style(), IdentityStyle::AutoIncrement);
    /// ```
    fn identity_style(&self) -> IdentityStyle;

    /// Whether `Identity::Always` (explicit values rejected) can be expressed. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_identity_always());
    /// ```
    fn supports_identity_always(&self) -> bool {
        false
    }

    /// Whether `ON DELETE/UPDATE SET DEFAULT` works (InnoDB parses and rejects it). Default: true.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(!schema_dialects::dialect(Engine::MySql).supports_set_default_action());
    /// ```
    fn supports_set_default_action(&self) -> bool {
        true
    }

    /// Whether a CHECK may name a column that a foreign key with a CASCADE / SET NULL / SET
    /// DEFAULT action writes (MySQL 8 rejects it). Default: true.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(!schema_dialects::dialect(Engine::MySql).allows_checks_on_referential_action_columns());
    /// ```
    fn allows_checks_on_referential_action_columns(&self) -> bool {
        true
    }

    /// Whether a CHECK may name an identity column (MySQL 8 rejects it). Default: true.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Sqlite).allows_checks_on_identity_columns());
    /// ```
    fn allows_checks_on_identity_columns(&self) -> bool {
        true
    }

    /// Whether a CHECK may call functions whose value changes between calls (`now()`,
    /// `random()`): PostgreSQL accepts them, MySQL and SQLite reject them. Index predicates may
    /// never call them. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).allows_volatile_checks());
    /// assert!(!schema_dialects::dialect(Engine::Sqlite).allows_volatile_checks());
    /// ```
    fn allows_volatile_checks(&self) -> bool {
        false
    }

    /// Whether a column of this type may be part of a primary key, unique constraint, index or
    /// foreign key without a prefix length. Default: true.
    ///
    /// ```
    /// # use schema_core::{Engine, SqlType};
    /// assert!(!schema_dialects::dialect(Engine::MySql).can_be_key(&SqlType::Text));
    /// assert!(schema_dialects::dialect(Engine::MySql).can_be_key(&SqlType::Varchar(64)));
    /// ```
    fn can_be_key(&self, sql_type: &SqlType) -> bool {
        let _ = sql_type;
        true
    }

    /// The most bytes one index key may hold, if the engine limits it. Default: none.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).max_key_bytes(), Some(3072));
    /// assert_eq!(schema_dialects::dialect(Engine::Postgres).max_key_bytes(), None);
    /// ```
    fn max_key_bytes(&self) -> Option<usize> {
        None
    }

    /// The most bytes a value of `sql_type` takes in an index key (`prefix` characters or bytes
    /// when the key part is a prefix), where [`max_key_bytes`](Dialect::max_key_bytes) applies.
    /// `None` when unknown or unbounded. Default: none.
    ///
    /// ```
    /// # use schema_core::{Engine, SqlType};
    /// let mysql = schema_dialects::dialect(Engine::MySql);
    /// assert_eq!(mysql.key_bytes(&SqlType::Varchar(320), None), Some(1280));
    /// assert_eq!(mysql.key_bytes(&SqlType::Uuid, None), Some(16));
    /// ```
    fn key_bytes(&self, sql_type: &SqlType, prefix: Option<u32>) -> Option<usize> {
        let _ = (sql_type, prefix);
        None
    }

    /// Where documentation comments go.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// use schema_dialects::{dialect, CommentStyle};
    /// assert_eq!(dialect(Engine::Postgres).comment_style(), CommentStyle::CommentOn);
    /// ```
    fn comment_style(&self) -> CommentStyle;

    /// The longest table and column comments, in characters, if limited.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).comment_limits(), Some((2048, 1024)));
    /// ```
    fn comment_limits(&self) -> Option<(usize, usize)> {
        None
    }

    /// The only type names a raw column type may use (SQLite STRICT tables), if restricted.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Sqlite).raw_type_names().unwrap().contains(&"ANY"));
    /// ```
    fn raw_type_names(&self) -> Option<&'static [&'static str]> {
        None
    }

    /// Whether unquoted identifiers in SQL expressions are folded to lower case (PostgreSQL), so
    /// `Total` does not name the column `"Total"`. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).folds_unquoted_identifiers());
    /// ```
    fn folds_unquoted_identifiers(&self) -> bool {
        false
    }

    /// Whether column names compare without regard to (ASCII) case. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Sqlite).column_names_ignore_case());
    /// ```
    fn column_names_ignore_case(&self) -> bool {
        false
    }

    /// Whether a backslash in a string literal starts an escape (MySQL's default `sql_mode`).
    /// Default: false (standard SQL strings, where only `'` is doubled).
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::MySql).backslash_escapes());
    /// ```
    fn backslash_escapes(&self) -> bool {
        false
    }

    /// Whether UUIDs are stored as 16 bytes (so UUID defaults become blob literals). Default: true.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(!schema_dialects::dialect(Engine::Postgres).stores_uuid_as_bytes());
    /// ```
    fn stores_uuid_as_bytes(&self) -> bool {
        true
    }

    /// Whether decimals are stored as text (so decimal defaults are string literals).
    /// Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Sqlite).stores_decimal_as_text());
    /// ```
    fn stores_decimal_as_text(&self) -> bool {
        false
    }

    /// The sqlparser dialect CHECK, DEFAULT and index-predicate SQL is parsed with.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// let parser = schema_dialects::dialect(Engine::MySql).parser_dialect();
    /// assert!(parser.is_delimited_identifier_start('`'));
    /// ```
    fn parser_dialect(&self) -> Box<dyn sqlparser::dialect::Dialect>;

    // ----- views, triggers, functions, partitions (see `object_styles.rs`) ---------------

    /// Whether the engine has materialized views. Default: false.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_materialized_views());
    /// ```
    fn supports_materialized_views(&self) -> bool {
        false
    }

    /// How a view runs with the querying user's rights. Default: not applicable.
    fn security_invoker_views(&self) -> crate::SecurityInvokerViews {
        crate::SecurityInvokerViews::NotApplicable
    }

    /// How the engine writes row triggers.
    fn trigger_style(&self) -> crate::TriggerStyle;

    /// The function that builds a JSON object from key/value arguments, for audit rows of
    /// engines without a row-to-JSON conversion. Default: `json_object`.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).json_object_function(), "JSON_OBJECT");
    /// ```
    fn json_object_function(&self) -> &'static str {
        "json_object"
    }

    /// Who is acting, for the audit trail: an application setting first, then the database
    /// user. Default: `NULL` (no session state).
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).session_actor().contains("app.actor"));
    /// ```
    fn session_actor(&self) -> &'static str {
        "NULL"
    }

    /// Whether the schema's functions are created (PostgreSQL); elsewhere they are left out.
    /// Default: false.
    fn supports_functions(&self) -> bool {
        false
    }

    /// How partitions are declared; `None` when the engine has no partitioning. Default: none.
    fn partition_style(&self) -> Option<crate::PartitionStyle> {
        None
    }

    /// Whether the engine can partition by `kind`. Default: whenever it has partitioning.
    ///
    /// ```
    /// # use schema_core::{Engine, PartitionKind};
    /// assert!(schema_dialects::dialect(Engine::MySql).supports_partitioning(PartitionKind::Hash));
    /// assert!(!schema_dialects::dialect(Engine::Sqlite).supports_partitioning(PartitionKind::Range));
    /// ```
    fn supports_partitioning(&self, kind: schema_core::PartitionKind) -> bool {
        let _ = kind;
        self.partition_style().is_some()
    }

    /// Whether a LIST-partitioned table may have a DEFAULT partition. Default: false.
    fn supports_default_list_partition(&self) -> bool {
        false
    }

    /// Whether a partitioned table may reference or be referenced by a foreign key (InnoDB
    /// refuses both). Default: true.
    fn allows_foreign_keys_with_partitioning(&self) -> bool {
        true
    }

    /// A date `YYYY-MM-DD` as a partition bound on a column of `sql_type`. Default: the quoted
    /// date. PostgreSQL writes midnight UTC for `timestamptz`, so bounds do not depend on the
    /// session time zone.
    ///
    /// ```
    /// # use schema_core::{Engine, SqlType};
    /// let pg = schema_dialects::dialect(Engine::Postgres);
    /// assert_eq!(pg.date_bound("2026-01-01", &SqlType::TimestampTz), "'2026-01-01 00:00:00+00'");
    /// ```
    fn date_bound(&self, date: &str, sql_type: &SqlType) -> String {
        let _ = sql_type;
        crate::quote::string(self, date)
    }

    // ----- writing hooks ------------------------------------------------------------------

    /// The character that opens and closes a quoted identifier (doubled inside). Default: `"`.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).identifier_quote(), '`');
    /// ```
    fn identifier_quote(&self) -> char {
        '"'
    }

    /// Statements that open every script. Default: none.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::Sqlite).prologue(), ["PRAGMA foreign_keys = ON"]);
    /// ```
    fn prologue(&self) -> Vec<String> {
        Vec::new()
    }

    /// The column type for a logical type (never called for [`SqlType::Raw`], which the writer
    /// looks up itself). See the table in [`types`](crate::types).
    ///
    /// ```
    /// # use schema_core::{Engine, SqlType};
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).type_name(&SqlType::Text), "LONGTEXT");
    /// ```
    fn type_name(&self, sql_type: &SqlType) -> String;

    /// A CHECK (without the keyword) that keeps values of `sql_type` in the logical type's domain
    /// where the engine's storage type is wider; `column` is already quoted. For a `nullable`
    /// column the CHECK must let NULL through. Default: none.
    ///
    /// ```
    /// # use schema_core::{Engine, SqlType};
    /// let d = schema_dialects::dialect(Engine::Sqlite);
    /// assert_eq!(d.type_check("\"ok\"", &SqlType::Boolean, false).as_deref(), Some("\"ok\" IN (0, 1)"));
    /// assert_eq!(d.type_check("j", &SqlType::Json, true).as_deref(), Some("j IS NULL OR json_valid(j)"));
    /// ```
    fn type_check(&self, column: &str, sql_type: &SqlType, nullable: bool) -> Option<String> {
        let _ = (column, sql_type, nullable);
        None
    }

    /// A problem with a type's parameters on this engine (a length or precision past its limit),
    /// as `(message, help)`. Default: none.
    ///
    /// ```
    /// # use schema_core::{Engine, SqlType};
    /// assert!(schema_dialects::dialect(Engine::MySql).type_problem(&SqlType::Char(300)).is_some());
    /// ```
    fn type_problem(&self, sql_type: &SqlType) -> Option<(String, String)> {
        let _ = sql_type;
        None
    }

    /// A boolean literal. Default: `TRUE` / `FALSE`.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::Sqlite).bool_literal(true), "1");
    /// ```
    fn bool_literal(&self, value: bool) -> &'static str {
        if value { "TRUE" } else { "FALSE" }
    }

    /// A binary literal. Default: `X'0a1b'`.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).blob_literal(&[0xab, 1]), "X'ab01'");
    /// ```
    fn blob_literal(&self, bytes: &[u8]) -> String {
        format!("X'{}'", crate::quote::hex(bytes))
    }

    /// The default for `ColumnDefault::Now` on a column of `sql_type` (a timestamp type).
    ///
    /// ```
    /// # use schema_core::{Engine, SqlType};
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).now(&SqlType::Timestamp), "CURRENT_TIMESTAMP(6)");
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).now(&SqlType::TimestampTz), "(UTC_TIMESTAMP(6))");
    /// ```
    fn now(&self, sql_type: &SqlType) -> String;

    /// The default for `ColumnDefault::RandomUuid` on a uuid column, as the engine stores UUIDs.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::Postgres).random_uuid(), "gen_random_uuid()");
    /// assert_eq!(schema_dialects::dialect(Engine::Sqlite).random_uuid(), "(randomblob(16))");
    /// ```
    fn random_uuid(&self) -> String;

    /// The default for `ColumnDefault::CurrentDate`. Default: `CURRENT_DATE`.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert_eq!(schema_dialects::dialect(Engine::Postgres).current_date(), "CURRENT_DATE");
    /// ```
    fn current_date(&self) -> String {
        "CURRENT_DATE".to_string()
    }

    /// Whether a literal default on a column of this type must be written `DEFAULT (...)`
    /// (MySQL's LONGTEXT, LONGBLOB and JSON). Default: false.
    ///
    /// ```
    /// # use schema_core::{Engine, SqlType};
    /// assert!(schema_dialects::dialect(Engine::MySql).literal_default_needs_parentheses(&SqlType::Json));
    /// ```
    fn literal_default_needs_parentheses(&self, sql_type: &SqlType) -> bool {
        let _ = sql_type;
        false
    }

    /// Table options written after the closing parenthesis of CREATE TABLE. Default: none.
    ///
    /// ```
    /// # use schema_core::{Engine, TableDef};
    /// let options = schema_dialects::dialect(Engine::Sqlite).table_options(&TableDef::new("t"));
    /// assert_eq!(options, ["STRICT"]);
    /// ```
    fn table_options(&self, table: &TableDef) -> Vec<String> {
        let _ = table;
        Vec::new()
    }

    // ----- access control (see `security.rs`) ---------------------------------------------

    /// Whether the engine has server-side roles and `GRANT`. Default: no (SQLite: access is
    /// the database file's permissions).
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::MySql).supports_roles());
    /// assert!(!schema_dialects::dialect(Engine::Sqlite).supports_roles());
    /// ```
    fn supports_roles(&self) -> bool {
        false
    }

    /// Whether the engine has row-level security policies. Default: no.
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_row_level_security());
    /// assert!(!schema_dialects::dialect(Engine::MySql).supports_row_level_security());
    /// ```
    fn supports_row_level_security(&self) -> bool {
        false
    }

    /// Whether the engine has `ALTER DEFAULT PRIVILEGES`. Default: no (those declarations are
    /// not written).
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(!schema_dialects::dialect(Engine::MySql).supports_default_privileges());
    /// ```
    fn supports_default_privileges(&self) -> bool {
        false
    }

    /// Whether `GRANT` can name this kind of object. Default: tables and columns.
    ///
    /// ```
    /// # use schema_core::{Engine, GrantObject};
    /// let sequence = GrantObject::Sequence("s".into());
    /// assert!(schema_dialects::dialect(Engine::Postgres).supports_grants_on(&sequence));
    /// assert!(!schema_dialects::dialect(Engine::MySql).supports_grants_on(&sequence));
    /// ```
    fn supports_grants_on(&self, object: &GrantObject) -> bool {
        matches!(object, GrantObject::Table(_) | GrantObject::Columns { .. })
    }

    /// Whether a login role has the privileges of every group it is a member of as soon as it
    /// connects. Default: yes (MariaDB activates one default role per user).
    ///
    /// ```
    /// # use schema_core::Engine;
    /// assert!(schema_dialects::dialect(Engine::Postgres).activates_every_group());
    /// ```
    fn activates_every_group(&self) -> bool {
        true
    }

    /// The statements creating `role` when it does not exist yet (roles outlive a database, so
    /// a script must be re-runnable). Default: none.
    ///
    /// ```
    /// # use schema_core::{Engine, Role};
    /// let sql = schema_dialects::dialect(Engine::MySql).create_role(&Role::group("readers"));
    /// assert_eq!(sql, ["CREATE ROLE IF NOT EXISTS 'readers'"]);
    /// ```
    fn create_role(&self, role: &Role) -> Vec<String> {
        let _ = role;
        Vec::new()
    }

    /// How `GRANT ... TO` names `role`. Default: the quoted identifier.
    ///
    /// ```
    /// # use schema_core::{Engine, Role};
    /// assert_eq!(schema_dialects::dialect(Engine::MySql).role_name(&Role::login("app")), "'app'@'%'");
    /// assert_eq!(schema_dialects::dialect(Engine::Postgres).role_name(&Role::login("app")), "\"app\"");
    /// ```
    fn role_name(&self, role: &Role) -> String {
        crate::quote::identifier(self, &role.name)
    }

    /// Statements that make the groups' privileges active when `login` connects. Default: none.
    ///
    /// ```
    /// # use schema_core::{Engine, Role};
    /// let group = Role::group("rw");
    /// let sql = schema_dialects::dialect(Engine::MySql).activate_groups(&Role::login("app"), &[&group]);
    /// assert_eq!(sql, ["SET DEFAULT ROLE 'rw' FOR 'app'@'%'"]);
    /// ```
    fn activate_groups(&self, login: &Role, groups: &[&Role]) -> Vec<String> {
        let _ = (login, groups);
        Vec::new()
    }

    /// Revocations of what the engine grants to every role by default, written once the
    /// schema's `roles` exist. Default: none.
    ///
    /// ```
    /// # use schema_core::{Engine, Role};
    /// let sql = schema_dialects::dialect(Engine::Postgres).least_privilege(&[&Role::login("app")]);
    /// assert!(sql.iter().any(|s| s.contains("REVOKE ALL ON SCHEMA \"public\" FROM PUBLIC")));
    /// ```
    fn least_privilege(&self, roles: &[&Role]) -> Vec<String> {
        let _ = roles;
        Vec::new()
    }
}

/// An identifier length limit.
///
/// ```
/// use schema_dialects::IdentifierLimit;
/// assert!(IdentifierLimit::Bytes(3).exceeded_by("éé"));
/// assert!(!IdentifierLimit::Chars(3).exceeded_by("éé"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentifierLimit {
    /// At most this many bytes of UTF-8 (PostgreSQL: 63, longer names are silently truncated).
    Bytes(usize),
    /// At most this many characters (MySQL: 64).
    Chars(usize),
}

impl IdentifierLimit {
    /// Whether `name` is longer than the limit.
    ///
    /// ```
    /// use schema_dialects::IdentifierLimit;
    /// assert!(IdentifierLimit::Chars(2).exceeded_by("abc"));
    /// ```
    pub fn exceeded_by(self, name: &str) -> bool {
        self.length_of(name) > self.max()
    }

    /// The length of `name` in this limit's unit.
    ///
    /// ```
    /// use schema_dialects::IdentifierLimit;
    /// assert_eq!(IdentifierLimit::Bytes(63).length_of("é"), 2);
    /// ```
    pub fn length_of(self, name: &str) -> usize {
        match self {
            IdentifierLimit::Bytes(_) => name.len(),
            IdentifierLimit::Chars(_) => name.chars().count(),
        }
    }

    /// The limit itself.
    ///
    /// ```
    /// use schema_dialects::IdentifierLimit;
    /// assert_eq!(IdentifierLimit::Chars(64).max(), 64);
    /// ```
    pub fn max(self) -> usize {
        match self {
            IdentifierLimit::Bytes(n) | IdentifierLimit::Chars(n) => n,
        }
    }
}

impl fmt::Display for IdentifierLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdentifierLimit::Bytes(n) => write!(f, "{n} bytes"),
            IdentifierLimit::Chars(n) => write!(f, "{n} characters"),
        }
    }
}

/// How an engine writes identity columns.
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::{dialect, IdentityStyle};
/// assert_eq!(dialect(Engine::Sqlite).identity_style(), IdentityStyle::RowidAlias);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentityStyle {
    /// `GENERATED BY DEFAULT AS IDENTITY` / `GENERATED ALWAYS AS IDENTITY` (SQL standard).
    Generated,
    /// `AUTO_INCREMENT`: the column must be the first column of some key or index.
    AutoIncrement,
    /// `INTEGER PRIMARY KEY AUTOINCREMENT`: only the sole primary key column can be generated.
    RowidAlias,
}

/// Where documentation comments on tables and columns go.
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::{dialect, CommentStyle};
/// assert_eq!(dialect(Engine::MySql).comment_style(), CommentStyle::Inline);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentStyle {
    /// `COMMENT ON TABLE / COLUMN ... IS '...'` statements after the tables.
    CommentOn,
    /// `COMMENT '...'` on columns and a `COMMENT='...'` table option.
    Inline,
    /// SQL `--` line comments inside the CREATE TABLE (kept in the stored table SQL).
    SqlLineComments,
}
