//! The design advisor: anti-pattern rules with stable codes, and normal-form analysis.
//!
//! [`advise`] runs every rule of the [`RULES`] catalog over a built [`Schema`] and returns the
//! [`Advice`]: findings in a deterministic order (table, column, code), the findings switched off
//! by an [`Allow`](crate::Allow) with its reason, and each table's normal form. It never panics
//! and never branches on an engine; the identifier limit it checks is the smallest of the
//! engines (63 bytes, PostgreSQL), so a name that passes is portable.
//!
//! Codes are grouped by family: `S0xx` the advisor's own checks of suppressions and declared
//! dependencies, `S1xx` column types, `S2xx` keys, indexes and relations, `S3xx` modelling and
//! normal forms, `S4xx` names and documentation, `S5xx` row-level security. The `S5xx` findings
//! are errors that also fail [`Schema::builder`](crate::Schema::builder)`.build()` unless the
//! table allows them with a reason; the advisor lists the allowed ones as suppressed.
//!
//! ```
//! use schema_core::advisor::{advise, Severity};
//! use schema_core::{Column, Schema, SqlType, TableDef};
//!
//! let schema = Schema::builder()
//!     .table_def(
//!         TableDef::new("events")
//!             .comment("Things that happened")
//!             .column(Column::new("id", SqlType::BigInt))
//!             .column(Column::new("happened_at", SqlType::Timestamp))
//!             .primary_key(["id"]),
//!     )
//!     .build()
//!     .unwrap();
//! let advice = advise(&schema);
//! assert_eq!(advice.findings.len(), 1);
//! assert_eq!(advice.findings[0].code, "S101");
//! assert_eq!(advice.findings[0].severity, Severity::Warning);
//! assert!(advice.to_string().starts_with("warning[S101]: events.happened_at:"));
//! ```

mod docs;
mod heuristics;
mod keys;
mod modelling;
mod names;
pub mod normal_forms;
pub(crate) mod security;
mod suppress;
mod types;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Schema, TableDef};

pub use docs::catalog_markdown;
pub use names::{RESERVED_WORDS, is_reserved, plain_identifier};
pub use normal_forms::{NormalForm, TableNormalForm};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
///
/// ```
/// use schema_core::advisor::Severity;
/// assert!(Severity::Info < Severity::Error);
/// assert_eq!(Severity::Warning.to_string(), "warning");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; often a judgement call.
    Info,
    /// Likely a design mistake.
    Warning,
    /// Almost certainly wrong, or a suppression that cannot be honoured.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One rule of the catalog.
///
/// ```
/// let rule = schema_core::advisor::rule("S101").unwrap();
/// assert_eq!(rule.name, "timestamp-without-time-zone");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The stable code, e.g. `S101`.
    pub code: &'static str,
    /// A short kebab-case name.
    pub name: &'static str,
    /// The default severity.
    pub severity: Severity,
    /// Why it matters, in one line.
    pub rationale: &'static str,
    /// What to do instead, in one line.
    pub fix: &'static str,
    /// A declaration that triggers the rule.
    pub example: &'static str,
}

macro_rules! catalog {
    ($($konst:ident = $code:literal $name:literal $severity:ident
        rationale: $rationale:literal fix: $fix:literal example: $example:literal;)+) => {
        $(
            #[doc = concat!("`", $code, "` ", $name, ": ", $rationale)]
            ///
            #[doc = concat!("```\nlet rule = schema_core::advisor::", stringify!($konst), ";\nassert_eq!(rule.code, \"", $code, "\");\nassert_eq!(schema_core::advisor::rule(\"", $code, "\"), Some(&rule));\n```")]
            pub const $konst: Rule = Rule {
                code: $code,
                name: $name,
                severity: Severity::$severity,
                rationale: $rationale,
                fix: $fix,
                example: $example,
            };
        )+
        /// Every rule, ordered by code.
        ///
        /// ```
        /// let codes: Vec<_> = schema_core::advisor::RULES.iter().map(|r| r.code).collect();
        /// let mut sorted = codes.clone();
        /// sorted.sort();
        /// assert_eq!(codes, sorted);
        /// ```
        pub const RULES: &[Rule] = &[$($konst),+];
    };
}

catalog! {
    UNKNOWN_CODE = "S001" "unknown-rule-code" Error
        rationale: "A suppression naming no rule silences nothing and hides a typo."
        fix: "Name a code from docs/ADVISOR.md, or remove the `allow`."
        example: "#[column(allow(S999, reason = \"...\"))]";
    EMPTY_REASON = "S002" "suppression-without-reason" Error
        rationale: "A suppression without a reason cannot be reviewed."
        fix: "Say why the rule does not apply here: `allow(S101, reason = \"...\")`."
        example: "Column::new(..).allow(\"S101\", \"\")";
    UNUSED_ALLOW = "S003" "unused-suppression" Info
        rationale: "A suppression that matches no finding is stale and may hide a future one."
        fix: "Remove the `allow`."
        example: "#[column(allow(S104, reason = \"...\"))] on a text column";
    BAD_FD = "S004" "dependency-names-unknown-column" Error
        rationale: "A functional dependency over a column that does not exist cannot be analysed."
        fix: "Name existing columns in `fd(...)`."
        example: "TableDef::new(\"t\").functional_dependency([\"zip\"], [\"citty\"])";
    TIMESTAMP_WITHOUT_TZ = "S101" "timestamp-without-time-zone" Warning
        rationale: "A timestamp without time zone records a wall-clock reading, not an instant; its meaning changes with the server's or client's zone."
        fix: "Use timestamptz (`DateTime<Utc>` / `OffsetDateTime`); MySQL stores it as UTC DATETIME."
        example: "pub created_at: NaiveDateTime";
    FLOAT_FOR_EXACT = "S102" "float-for-exact-value" Warning
        rationale: "Binary floating point cannot represent most decimal fractions; sums of money drift by cents."
        fix: "Use numeric(p, s) (`rust_decimal::Decimal`) or an integer count of minor units (`total_cents: i64`)."
        example: "pub price: f64";
    MONEY_TYPE = "S103" "money-type" Warning
        rationale: "PostgreSQL's money type depends on lc_monetary, has a fixed scale and no currency."
        fix: "Use numeric(p, s) plus a currency column, or integer minor units."
        example: "#[column(raw(postgres = \"money\"))]";
    CHAR_N = "S104" "char-n" Info
        rationale: "char(n) pads with spaces, compares with trailing blanks ignored, and is no faster than varchar."
        fix: "Use varchar(n) or text with a CHECK on the length."
        example: "#[column(char(10))] pub code: String";
    ARBITRARY_VARCHAR = "S105" "arbitrary-varchar-length" Info
        rationale: "A reflexive length like 255 is a guess, not a rule of the domain; it rejects valid data or allows nonsense."
        fix: "Use text, or a length that the domain defines (320 for e-mail, 3 for ISO 4217)."
        example: "#[column(varchar(255))] pub title: String";
    JSON_NOT_JSONB = "S106" "json-instead-of-jsonb" Warning
        rationale: "json stores text: no equality operator, no GIN index, reparsed on every access."
        fix: "Use jsonb (`serde_json::Value` maps to it) unless key order or duplicate keys must be kept."
        example: "#[column(json)] pub payload: String";
    SERIAL = "S107" "serial-instead-of-identity" Warning
        rationale: "serial creates a loosely owned sequence: grants, copies and dumps get it wrong; identity columns are the SQL standard."
        fix: "Use `#[column(identity)]` on an i64 key."
        example: "#[column(raw(postgres = \"bigserial\"))]";
    INT_KEY_OVERFLOW = "S108" "integer-key-may-overflow" Warning
        rationale: "A 32-bit (or 16-bit) generated key runs out at 2 147 483 647 rows, and widening it rewrites the table."
        fix: "Use a bigint (`i64`) key."
        example: "#[column(primary_key, identity)] pub id: i32";
    NULLABLE_BOOLEAN = "S109" "nullable-boolean" Info
        rationale: "A nullable boolean has three states; code that reads it as two gets NULL wrong."
        fix: "Make it NOT NULL with a default, or use an enum naming the third state."
        example: "pub verified: Option<bool>";
    ENUM_VALUES = "S110" "enum-values-cannot-be-removed" Info
        rationale: "PostgreSQL cannot drop or reorder enum values; MySQL rewrites the table to change an ENUM."
        fix: "For a set that may shrink, use a lookup table with a foreign key, or text with a CHECK."
        example: "pub status: OrderStatus  // #[derive(SqlEnum)]";
    NO_PRIMARY_KEY = "S201" "table-without-primary-key" Warning
        rationale: "Without a primary key rows cannot be addressed one by one; replication and ORMs need it."
        fix: "Add `#[column(primary_key)]` or `#[table(primary_key(...))]`."
        example: "a table with no key";
    FK_WITHOUT_INDEX = "S202" "foreign-key-without-index" Warning
        rationale: "Deleting or updating a parent row scans the child table when no index starts with the foreign-key columns."
        fix: "Add `#[column(index)]`, or an index/unique/primary key whose leading columns are the foreign key."
        example: "#[column(references = Tenant)] pub tenant_id: i64  // no index";
    DUPLICATE_INDEX = "S203" "duplicate-index" Warning
        rationale: "Two indexes over the same columns double the write cost for no read benefit."
        fix: "Drop one of them."
        example: "#[column(unique, index)] pub email: String";
    PREFIX_INDEX = "S204" "prefix-redundant-index" Info
        rationale: "An index whose columns are the leading columns of another index serves no query the longer one cannot."
        fix: "Drop the shorter index (unless it is unique)."
        example: "index(tenant_id) next to index(tenant_id, created_at)";
    POLYMORPHIC = "S205" "polymorphic-association" Warning
        rationale: "A type column plus an id column without a foreign key cannot be checked by the database; orphans accumulate."
        fix: "Use one nullable foreign key per target table with a CHECK that exactly one is set, or a common parent table."
        example: "commentable_type: String, commentable_id: i64";
    EAV = "S206" "entity-attribute-value" Warning
        rationale: "Entity-attribute-value tables lose types, constraints and foreign keys, and need a join per attribute."
        fix: "Model the attributes as columns, or a jsonb column with a CHECK where they are truly open."
        example: "entity_id, attribute, value";
    UNRELATED_TABLE = "S207" "unrelated-table" Info
        rationale: "A table with no foreign key in or out is often a missing relation."
        fix: "Add the foreign key that relates it, or move it to its own schema."
        example: "a table no other table references and that references none";
    MISSING_FK = "S208" "missing-foreign-key" Warning
        rationale: "A column named after a table's key but without a foreign key lets orphans in."
        fix: "Add `#[column(references = Customer)]`."
        example: "pub customer_id: i64  // table customers exists";
    REPEATED_GROUP = "S301" "repeated-column-group" Warning
        rationale: "phone1, phone2, phone3 is a list spread over columns (a 1NF violation): the fourth does not fit, searching needs an OR per column."
        fix: "Move the values to a child table with one row per value."
        example: "phone1: String, phone2: Option<String>";
    COMMA_LIST = "S302" "comma-separated-list" Warning
        rationale: "A list in one text column (a 1NF violation) cannot be indexed, constrained or joined."
        fix: "Use a child table (or a junction table for references)."
        example: "pub tag_ids: String  // \"1,5,9\"";
    NOT_2NF = "S303" "partial-key-dependency" Warning
        rationale: "A non-key column that depends on part of a composite key repeats for every row sharing that part (2NF violation)."
        fix: "Move the dependent columns to a table keyed by that part (see the proposed decomposition)."
        example: "fd(product_id -> product_name) in a table keyed by (order_id, product_id)";
    NOT_3NF = "S304" "transitive-dependency" Warning
        rationale: "A non-key column that depends on another non-key column repeats and can contradict itself (3NF violation)."
        fix: "Move the dependent columns to a table keyed by their determinant (see the 3NF synthesis)."
        example: "fd(zip -> city) in customers";
    NOT_BCNF = "S305" "not-bcnf" Info
        rationale: "A determinant that is not a key allows update anomalies even in 3NF."
        fix: "Decompose into BCNF if the dependencies it loses (listed) can be enforced otherwise."
        example: "fd(street, city -> zip), fd(zip -> city)";
    COPIED_PARENT_COLUMN = "S306" "copied-parent-column" Warning
        rationale: "A copy of a parent's column reachable through a foreign key (customer_name next to customer_id) goes stale when the parent changes."
        fix: "Read it through the foreign key (a join or a view), or declare why the copy is a snapshot."
        example: "orders.customer_name with customers.name";
    PARTIAL_KEY_BY_NAME = "S307" "partial-key-dependency-by-name" Info
        rationale: "In a table keyed by (order_id, product_id), product_name likely depends on product_id alone (2NF)."
        fix: "Move it to the table product_id refers to, or declare the dependency with `fd(...)` to have it analysed."
        example: "product_name in order_items keyed by (order_id, product_id)";
    NAME_TOO_LONG = "S401" "name-over-identifier-limit" Error
        rationale: "PostgreSQL silently truncates names over 63 bytes (MySQL rejects over 64), so two long names can collide."
        fix: "Shorten the name to at most 63 bytes."
        example: "a 70-character column name";
    NAME_NEEDS_QUOTES = "S402" "name-needs-quotes" Warning
        rationale: "Upper case, spaces or punctuation force quoting in every query, and case folding differs between engines."
        fix: "Use lower_snake_case: letters, digits and underscores, not starting with a digit."
        example: "#[column(name = \"CreatedAt\")]";
    RESERVED_WORD = "S403" "reserved-word" Warning
        rationale: "A reserved word as a name must be quoted in hand-written SQL on at least one engine."
        fix: "Rename it, e.g. `order` to `sort_order`, `user` to `app_user`."
        example: "pub order: i32";
    TABLE_WITHOUT_COMMENT = "S404" "table-without-comment" Info
        rationale: "A table without a comment leaves its meaning to guesswork; the comment is written to the catalog."
        fix: "Add a doc comment (`///`) on the struct."
        example: "a struct without a doc comment";
    COLUMNS_WITHOUT_COMMENTS = "S405" "undocumented-columns" Info
        rationale: "A table with several non-key columns and not one column comment documents nothing of its content."
        fix: "Add doc comments (`///`) on the fields whose meaning is not obvious."
        example: "four non-key columns, none documented";
    TOO_MANY_COLUMNS = "S406" "too-many-columns" Info
        rationale: "A table with more than 50 columns usually mixes several concepts."
        fix: "Split it into tables with a one-to-one relation per concept."
        example: "a table with 60 columns";
    RLS_WITHOUT_POLICY = "S501" "row-security-without-policy" Error
        rationale: "Row-level security with no policy denies every row to every role but superusers: the table looks protected and simply does not work."
        fix: "Add a policy or `tenant_isolated(by = ...)`, or leave row security off; refused at build time unless allowed with a reason."
        example: "TableDef::new(\"t\").row_security(RowSecurity::Forced)  // no policy";
    POLICY_WITHOUT_RLS = "S502" "policy-without-row-security" Error
        rationale: "A policy on a table whose row-level security is off is ignored: every role with a grant sees every row."
        fix: "Remove `row_security = off`: a table with policies has row security enabled and forced by default."
        example: "#[table(row_security(off), policy(...))]";
    POLICY_WITHOUT_WITH_CHECK = "S503" "write-policy-without-with-check" Error
        rationale: "USING filters the rows a command sees; WITH CHECK guards the rows it writes. An INSERT, UPDATE or ALL policy without WITH CHECK leaves what may be written to chance (INSERT refuses all, UPDATE and ALL silently reuse USING)."
        fix: "Write `with_check = \"...\"` (usually the same condition as `using`)."
        example: "policy(name = \"p\", command = update, using = \"owner = current_user\")";
    POLICY_USING_TRUE = "S504" "policy-allows-every-row" Error
        rationale: "A permissive `USING (true)` or `WITH CHECK (true)` opens every row to its roles, and OR-ed with the other policies it voids them; it belongs only to an explicit admin role."
        fix: "Give the policy a real condition, or apply it `to(...)` roles declared with `Role::admin()`."
        example: "policy(name = \"p\", using = \"true\")  // to PUBLIC";
    RLS_NOT_FORCED = "S505" "row-security-not-forced" Error
        rationale: "Without FORCE ROW LEVEL SECURITY the table owner bypasses every policy, and applications often connect as the owner."
        fix: "Leave row security at its default (enabled and forced)."
        example: "#[table(row_security(not_forced), tenant_isolated(by = tenant_id))]";
    DEFINER_VIEW_OVER_RLS = "S506" "view-bypasses-row-security" Error
        rationale: "A view runs with its owner's rights unless it is security_invoker, so a plain view over a table with row-level security returns every tenant's rows (checked where the script is written, since it needs the view's parsed body)."
        fix: "Keep the view `security_invoker` (the default), or waive with `View::allow(\"S506\", reason)` if only trusted roles read it."
        example: "View::new(\"all_invoices\", \"SELECT * FROM invoices\").security_invoker(false)";
    MATERIALIZED_VIEW_OVER_RLS = "S507" "materialized-view-over-row-security" Error
        rationale: "A materialized view stores its rows once for everybody and cannot have policies, so granting one over a table with row-level security to a tenant role hands it every tenant's rows (checked where the script is written)."
        fix: "Grant it only to admin roles, read the base tables (or a security_invoker view) instead, or waive with `View::allow(\"S507\", reason)`."
        example: "a materialized view over invoices granted to billing_rw";
}

/// The identifier limit every engine accepts: PostgreSQL's 63 bytes, the smallest.
///
/// ```
/// assert_eq!(schema_core::advisor::PORTABLE_IDENTIFIER_BYTES, 63);
/// ```
pub const PORTABLE_IDENTIFIER_BYTES: usize = 63;

/// The rule with this code.
///
/// ```
/// assert!(schema_core::advisor::rule("S201").is_some());
/// assert!(schema_core::advisor::rule("S999").is_none());
/// ```
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.code == code)
}

/// One finding: a rule that fired on a table or column.
///
/// ```
/// use schema_core::advisor::{Finding, TIMESTAMP_WITHOUT_TZ};
/// let f = Finding::new(&TIMESTAMP_WITHOUT_TZ, "events", Some("at"), "`at` is a timestamp without time zone");
/// assert_eq!(f.location(), "events.at");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule code, e.g. `S101`.
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// The table concerned.
    pub table: String,
    /// The column concerned, if the finding is about one column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What was found.
    pub message: String,
    /// What to do: the rule's fix, sometimes made concrete.
    pub help: String,
}

impl Finding {
    /// A finding of `rule` with the rule's severity and fix.
    pub fn new(rule: &Rule, table: &str, column: Option<&str>, message: impl Into<String>) -> Self {
        Finding {
            code: rule.code.to_string(),
            severity: rule.severity,
            table: table.to_string(),
            column: column.map(str::to_string),
            message: message.into(),
            help: rule.fix.to_string(),
        }
    }

    /// Replaces the help with a concrete fix.
    ///
    /// ```
    /// use schema_core::advisor::{Finding, CHAR_N};
    /// let f = Finding::new(&CHAR_N, "t", Some("c"), "m").help("use varchar(3)");
    /// assert_eq!(f.help, "use varchar(3)");
    /// ```
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    /// `table` or `table.column`.
    ///
    /// ```
    /// use schema_core::advisor::{Finding, NO_PRIMARY_KEY};
    /// assert_eq!(Finding::new(&NO_PRIMARY_KEY, "t", None, "m").location(), "t");
    /// ```
    pub fn location(&self) -> String {
        match &self.column {
            Some(column) => format!("{}.{column}", self.table),
            None => self.table.clone(),
        }
    }

    fn sort_key(&self) -> (&str, Option<&str>, &str, &str) {
        (
            &self.table,
            self.column.as_deref(),
            &self.code,
            &self.message,
        )
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {}: {}\n  = help: {}",
            self.severity,
            self.code,
            self.location(),
            self.message,
            self.help
        )
    }
}

/// A finding switched off by an `allow`, with the reason given.
///
/// ```
/// use schema_core::advisor::{Finding, Suppressed, CHAR_N};
/// let s = Suppressed { finding: Finding::new(&CHAR_N, "t", Some("c"), "m"), reason: "ISO code".into() };
/// assert_eq!(s.reason, "ISO code");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppressed {
    /// The finding.
    pub finding: Finding,
    /// Why it does not apply, as written in the `allow`.
    pub reason: String,
}

/// Everything the advisor found in a schema.
///
/// ```
/// use schema_core::advisor::{advise, Severity};
/// let advice = advise(&schema_core::Schema::default());
/// assert!(advice.findings.is_empty());
/// assert!(advice.at_least(Severity::Info).next().is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    /// The findings in force, ordered by table, column, code and message.
    pub findings: Vec<Finding>,
    /// The findings an `allow` switched off, in the same order.
    pub suppressed: Vec<Suppressed>,
    /// Each table's normal form, in table order.
    pub normal_forms: Vec<TableNormalForm>,
}

impl Advice {
    /// The findings of at least `severity`.
    ///
    /// ```
    /// use schema_core::advisor::{advise, Severity};
    /// use schema_core::{Column, Schema, SqlType, TableDef};
    /// let schema = Schema::builder()
    ///     .table_def(TableDef::new("t").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
    ///     .build()
    ///     .unwrap();
    /// let advice = advise(&schema);
    /// assert_eq!(advice.at_least(Severity::Info).count(), 1); // S404: no comment
    /// assert_eq!(advice.at_least(Severity::Warning).count(), 0);
    /// ```
    pub fn at_least(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity >= severity)
    }
}

impl fmt::Display for Advice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            writeln!(f, "{finding}")?;
        }
        for table in self.normal_forms.iter().filter(|nf| nf.declared) {
            writeln!(f, "{table}")?;
        }
        let count = |severity| {
            self.findings
                .iter()
                .filter(|x| x.severity == severity)
                .count()
        };
        write!(
            f,
            "advisor: {} error(s), {} warning(s), {} info, {} suppressed",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
            self.suppressed.len()
        )
    }
}

/// Runs every rule over `schema`.
///
/// ```
/// use schema_core::advisor::advise;
/// use schema_core::{Column, Schema, SqlType, TableDef};
/// let schema = Schema::builder()
///     .table_def(
///         TableDef::new("events")
///             .comment("Things that happened")
///             .column(Column::new("id", SqlType::BigInt))
///             .column(Column::new("happened_at", SqlType::Timestamp).allow("S101", "local wall-clock time by design"))
///             .primary_key(["id"]),
///     )
///     .build()
///     .unwrap();
/// let advice = advise(&schema);
/// assert!(advice.findings.is_empty());
/// assert_eq!(advice.suppressed[0].reason, "local wall-clock time by design");
/// ```
pub fn advise(schema: &Schema) -> Advice {
    let mut raw = Vec::new();
    for table in &schema.tables {
        types::check(table, &mut raw);
        keys::check(schema, table, &mut raw);
        modelling::check(table, &mut raw);
        names::check(table, &mut raw);
        heuristics::check(schema, table, &mut raw);
    }
    keys::check_relations(schema, &mut raw);
    raw.extend(security::pitfalls(schema));
    let mut normal_forms = Vec::new();
    for table in &schema.tables {
        normal_forms.push(normal_forms::analyse_table(table, &mut raw));
    }
    let (mut findings, mut suppressed) = suppress::apply(schema, raw);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup();
    suppressed.sort_by(|a, b| a.finding.sort_key().cmp(&b.finding.sort_key()));
    Advice {
        findings,
        suppressed,
        normal_forms,
    }
}

/// Names of the columns of `table`, for did-you-mean help.
fn column_names(table: &TableDef) -> impl Iterator<Item = &str> {
    table.columns.iter().map(|c| c.name.as_str())
}
