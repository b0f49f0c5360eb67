//! Attribute names, shared by parsing, checks and messages.

use std::fmt::{self, Display};

use syn::{Ident, Path};

/// The name of an attribute or attribute key.
#[derive(Copy, Clone, PartialEq, Eq)]
pub struct Symbol(pub &'static str);

// Attribute paths.
pub const TABLE: Symbol = Symbol("table");
pub const COLUMN: Symbol = Symbol("column");
pub const SQL_ENUM: Symbol = Symbol("sql_enum");
pub const DOMAIN: Symbol = Symbol("domain");
pub const DOC: Symbol = Symbol("doc");

// Shared keys.
pub const NAME: Symbol = Symbol("name");
pub const COMMENT: Symbol = Symbol("comment");
pub const PRIMARY_KEY: Symbol = Symbol("primary_key");
pub const UNIQUE: Symbol = Symbol("unique");
pub const INDEX: Symbol = Symbol("index");
pub const CHECK: Symbol = Symbol("check");
pub const REFERENCES: Symbol = Symbol("references");
pub const ON_DELETE: Symbol = Symbol("on_delete");
pub const ON_UPDATE: Symbol = Symbol("on_update");
pub const ALLOW: Symbol = Symbol("allow");

// `allow(...)` keys.
pub const REASON: Symbol = Symbol("reason");

// `#[table(...)]` keys and their parts.
pub const FOREIGN_KEY: Symbol = Symbol("foreign_key");
pub const FD: Symbol = Symbol("fd");
pub const COLUMNS: Symbol = Symbol("columns");
pub const TARGET: Symbol = Symbol("target");
pub const WHERE: Symbol = Symbol("where");
pub const SQL: Symbol = Symbol("sql");

// `#[column(...)]` keys.
pub const IDENTITY: Symbol = Symbol("identity");
pub const FK_NAME: Symbol = Symbol("fk_name");
pub const DEFAULT: Symbol = Symbol("default");
pub const DEFAULT_SQL: Symbol = Symbol("default_sql");
pub const TEXT: Symbol = Symbol("text");
pub const VARCHAR: Symbol = Symbol("varchar");
pub const CHAR: Symbol = Symbol("char");
pub const NUMERIC: Symbol = Symbol("numeric");
pub const DECIMAL: Symbol = Symbol("decimal");
pub const JSON: Symbol = Symbol("json");
pub const JSONB: Symbol = Symbol("jsonb");
pub const BYTES: Symbol = Symbol("bytes");
pub const RAW: Symbol = Symbol("raw");

// `raw(...)` keys.
pub const POSTGRES: Symbol = Symbol("postgres");
pub const MYSQL: Symbol = Symbol("mysql");
pub const SQLITE: Symbol = Symbol("sqlite");

// `#[sql_enum(...)]` keys.
pub const RENAME: Symbol = Symbol("rename");

// Values.
pub const ALWAYS: Symbol = Symbol("always");
pub const BY_DEFAULT: Symbol = Symbol("by_default");
pub const NOW: Symbol = Symbol("now");
pub const CURRENT_DATE: Symbol = Symbol("current_date");
pub const RANDOM_UUID: Symbol = Symbol("random_uuid");

// Index, unique and exclusion keys (issue 3).
pub const METHOD: Symbol = Symbol("method");
pub const OPCLASS: Symbol = Symbol("opclass");
pub const EXPR: Symbol = Symbol("expr");
pub const INCLUDE: Symbol = Symbol("include");
pub const NULLS_NOT_DISTINCT: Symbol = Symbol("nulls_not_distinct");
pub const FULLTEXT: Symbol = Symbol("fulltext");
pub const ENGINES: Symbol = Symbol("engines");
pub const EXCLUDE: Symbol = Symbol("exclude");
pub const USING: Symbol = Symbol("using");
pub const ELEMENTS: Symbol = Symbol("elements");
pub const WITHOUT_ROWID: Symbol = Symbol("without_rowid");

// Access control (issue 5).
pub const TENANT_ISOLATED: Symbol = Symbol("tenant_isolated");
pub const POLICY: Symbol = Symbol("policy");
pub const ROW_SECURITY: Symbol = Symbol("row_security");
pub const GRANT: Symbol = Symbol("grant");
pub const BY: Symbol = Symbol("by");
pub const SETTING: Symbol = Symbol("setting");
pub const TO: Symbol = Symbol("to");
pub const COMMAND: Symbol = Symbol("command");
pub const RESTRICTIVE: Symbol = Symbol("restrictive");
pub const WITH_CHECK: Symbol = Symbol("with_check");
pub const ALL: Symbol = Symbol("all");
pub const SELECT: Symbol = Symbol("select");
pub const INSERT: Symbol = Symbol("insert");
pub const UPDATE: Symbol = Symbol("update");
pub const DELETE: Symbol = Symbol("delete");
pub const TRUNCATE: Symbol = Symbol("truncate");
pub const TRIGGER: Symbol = Symbol("trigger");
pub const FORCED: Symbol = Symbol("forced");
pub const NOT_FORCED: Symbol = Symbol("not_forced");
pub const OFF: Symbol = Symbol("off");

// Column keys (issue 3).
pub const GENERATED: Symbol = Symbol("generated");
pub const STORED: Symbol = Symbol("stored");
pub const VIRTUAL: Symbol = Symbol("virtual");
pub const COLLATION: Symbol = Symbol("collation");
pub const DEFERRABLE: Symbol = Symbol("deferrable");
pub const MATCH_FULL: Symbol = Symbol("match_full");

// Triggers and views (issue 4).
pub const AUDIT: Symbol = Symbol("audit");
pub const UPDATED_AT: Symbol = Symbol("updated_at");
pub const VIEW: Symbol = Symbol("view");
pub const SQL_KEY: Symbol = Symbol("sql");
pub const ENGINE_SQL: Symbol = Symbol("engine_sql");
pub const MATERIALIZED: Symbol = Symbol("materialized");
pub const SECURITY_INVOKER: Symbol = Symbol("security_invoker");
/// The keys `#[view(...)]` accepts on the struct.
pub const VIEW_KEYS: &[Symbol] = &[
    NAME,
    COMMENT,
    SQL_KEY,
    ENGINE_SQL,
    MATERIALIZED,
    SECURITY_INVOKER,
    UNIQUE,
];
/// The keys `#[view(...)]` accepts on a field.
pub const VIEW_FIELD_KEYS: &[Symbol] = &[NAME, COMMENT];

// Values of `deferrable` and key-part options.
pub const INITIALLY_DEFERRED: Symbol = Symbol("initially_deferred");
pub const INITIALLY_IMMEDIATE: Symbol = Symbol("initially_immediate");
pub const ASC: Symbol = Symbol("asc");
pub const DESC: Symbol = Symbol("desc");
pub const NULLS_FIRST: Symbol = Symbol("nulls_first");
pub const NULLS_LAST: Symbol = Symbol("nulls_last");
/// The options a key column in `index(columns(...))` takes after its name.
pub const KEY_PART_OPTIONS: &[Symbol] = &[ASC, DESC, NULLS_FIRST, NULLS_LAST];
/// The values of `deferrable = ...`.
pub const DEFERRABLE_VALUES: &[Symbol] = &[INITIALLY_DEFERRED, INITIALLY_IMMEDIATE];

/// The keys `#[table(...)]` accepts.
pub const TABLE_KEYS: &[Symbol] = &[
    NAME,
    COMMENT,
    PRIMARY_KEY,
    UNIQUE,
    INDEX,
    CHECK,
    FOREIGN_KEY,
    ALLOW,
    FD,
    EXCLUDE,
    WITHOUT_ROWID,
    AUDIT,
    TENANT_ISOLATED,
    POLICY,
    ROW_SECURITY,
    GRANT,
    RENAMED_FROM,
];
/// The keys of `tenant_isolated(...)`.
pub const TENANT_KEYS: &[Symbol] = &[BY, SETTING, TO];
/// The keys of `policy(...)`.
pub const POLICY_KEYS: &[Symbol] = &[NAME, COMMAND, RESTRICTIVE, TO, USING, WITH_CHECK];
/// The modes of `row_security(...)`.
pub const ROW_SECURITY_MODES: &[Symbol] = &[FORCED, NOT_FORCED, OFF];
/// The keys of `row_security(...)`.
pub const ROW_SECURITY_KEYS: &[Symbol] = &[FORCED, NOT_FORCED, OFF, ENGINES];

/// `renamed_from = "old_name"` on a table or column: a migration renames instead of dropping.
pub const RENAMED_FROM: Symbol = Symbol("renamed_from");

/// The type keys of `#[column(...)]`; a column takes at most one.
pub const TYPE_KEYS: &[Symbol] = &[
    TEXT, VARCHAR, CHAR, NUMERIC, DECIMAL, JSON, JSONB, BYTES, RAW, CIDR, INTERVAL, TSVECTOR,
    CITEXT,
];

// Type keys of issue 3, and `array` (which wraps the column's type, so it is no type key).
pub const CIDR: Symbol = Symbol("cidr");
pub const INTERVAL: Symbol = Symbol("interval");
pub const TSVECTOR: Symbol = Symbol("tsvector");
pub const CITEXT: Symbol = Symbol("citext");
pub const ARRAY: Symbol = Symbol("array");

/// The keys `#[column(...)]` accepts.
pub const COLUMN_KEYS: &[Symbol] = &[
    NAME,
    COMMENT,
    PRIMARY_KEY,
    IDENTITY,
    UNIQUE,
    INDEX,
    CHECK,
    REFERENCES,
    ON_DELETE,
    ON_UPDATE,
    FK_NAME,
    DEFERRABLE,
    MATCH_FULL,
    DEFAULT,
    DEFAULT_SQL,
    GENERATED,
    STORED,
    VIRTUAL,
    COLLATION,
    TEXT,
    VARCHAR,
    CHAR,
    NUMERIC,
    DECIMAL,
    JSON,
    JSONB,
    BYTES,
    RAW,
    CIDR,
    INTERVAL,
    TSVECTOR,
    CITEXT,
    ARRAY,
    ALLOW,
    UPDATED_AT,
    RENAMED_FROM,
];

/// The keys of `allow(...)` besides the rule codes.
pub const ALLOW_KEYS: &[Symbol] = &[REASON];
/// The keys of `unique(...)` in its long form.
pub const UNIQUE_KEYS: &[Symbol] = &[NAME, COLUMNS, NULLS_NOT_DISTINCT];
/// The keys of `index(...)` in its long form.
pub const INDEX_KEYS: &[Symbol] = &[
    NAME,
    COLUMNS,
    UNIQUE,
    WHERE,
    METHOD,
    OPCLASS,
    EXPR,
    INCLUDE,
    NULLS_NOT_DISTINCT,
    FULLTEXT,
    ENGINES,
];
/// The keys of `exclude(...)`.
pub const EXCLUDE_KEYS: &[Symbol] = &[NAME, USING, ELEMENTS, WHERE, ENGINES];
/// The keys of `check(...)`.
pub const CHECK_KEYS: &[Symbol] = &[NAME, SQL];
/// The keys of `foreign_key(...)`.
pub const FOREIGN_KEY_KEYS: &[Symbol] = &[
    NAME, COLUMNS, REFERENCES, TARGET, ON_DELETE, ON_UPDATE, DEFERRABLE, MATCH_FULL,
];
/// The keys of `raw(...)`.
pub const RAW_KEYS: &[Symbol] = &[POSTGRES, MYSQL, SQLITE];
/// The keys `#[domain(...)]` accepts (besides a base type key).
pub const DOMAIN_KEYS: &[Symbol] = &[
    NAME, CHECK, TEXT, VARCHAR, CHAR, NUMERIC, DECIMAL, JSON, JSONB, BYTES, RAW, CIDR, INTERVAL,
    TSVECTOR, CITEXT,
];
/// The keys `#[sql_enum(...)]` accepts on the enum.
pub const SQL_ENUM_KEYS: &[Symbol] = &[NAME];
/// The keys `#[sql_enum(...)]` accepts on a variant.
pub const VARIANT_KEYS: &[Symbol] = &[RENAME];

impl PartialEq<Symbol> for Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for &Ident {
    fn eq(&self, word: &Symbol) -> bool {
        *self == word.0
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl PartialEq<Symbol> for &Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl Display for Symbol {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(self.0)
    }
}
