//! Views and materialized views: a named query whose output columns are declared in Rust.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Engine, Index, SqlType};

/// A view (or a PostgreSQL materialized view): a named `SELECT` (CTEs allowed).
///
/// The body is SQL because SQL is its natural language. `schema-dialects` parses it with each
/// engine's grammar to find the tables and views it reads (so the script creates them first) and
/// to check that every table and column it names exists.
///
/// On PostgreSQL a view runs with the permissions and Row-Level Security of the querying role
/// (`WITH (security_invoker = true)`, PostgreSQL 15+) unless `security_invoker` is switched off:
/// a view owned by a superuser would otherwise bypass RLS and leak every tenant's rows.
///
/// ```
/// use schema_core::{Index, SqlType, View, ViewColumn};
/// let open = View::new("open_invoices", "SELECT id, tenant_id FROM invoices WHERE paid_at IS NULL")
///     .comment("Invoices still waiting for payment")
///     .column(ViewColumn::new("id", SqlType::BigInt))
///     .column(ViewColumn::new("tenant_id", SqlType::BigInt));
/// assert!(open.security_invoker && !open.materialized);
///
/// let totals = View::new("tenant_totals", "SELECT tenant_id, sum(total_cents) AS total FROM invoices GROUP BY tenant_id")
///     .materialized()
///     .unique_index(Index::on(["tenant_id"]));
/// assert!(totals.materialized);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// The view name.
    pub name: String,
    /// Documentation, written as a view comment where the engine has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The query, e.g. `SELECT id FROM invoices WHERE paid_at IS NULL`; `WITH ...` CTEs allowed.
    pub sql: String,
    /// A different query text for an engine whose SQL differs (date functions, JSON, ...);
    /// engines without an entry use [`sql`](View::sql).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub engine_sql: BTreeMap<Engine, String>,
    /// The output columns, in order. When given, the view is created with this column list, so
    /// the names do not depend on how the query spells its select items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<ViewColumn>,
    /// A materialized view (PostgreSQL): the result is stored and refreshed on demand.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub materialized: bool,
    /// PostgreSQL `security_invoker`: the query runs with the querying role's permissions and
    /// Row-Level Security policies (default `true`). Ignored by materialized views, which store
    /// rows once for everybody.
    #[serde(default = "yes", skip_serializing_if = "Clone::clone")]
    pub security_invoker: bool,
    /// Indexes on a materialized view; `REFRESH MATERIALIZED VIEW CONCURRENTLY` needs one unique
    /// index over plain columns without a predicate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<Index>,
    /// Row-level-security rules (`S506`, `S507`) waived for this view, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allows: Vec<crate::Allow>,
}

fn yes() -> bool {
    true
}

/// One output column of a view.
///
/// ```
/// use schema_core::{SqlType, ViewColumn};
/// let total = ViewColumn::new("total_cents", SqlType::BigInt).nullable().comment("Sum of the open invoices");
/// assert!(total.nullable);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViewColumn {
    /// The column name.
    pub name: String,
    /// The type the query returns, for documentation and the data dictionary (engines infer the
    /// real type from the query).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sql_type: Option<SqlType>,
    /// Whether the column may be NULL.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nullable: bool,
    /// Documentation, written as a column comment where the engine has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl ViewColumn {
    /// A NOT NULL output column of `sql_type`.
    pub fn new(name: impl Into<String>, sql_type: SqlType) -> Self {
        ViewColumn {
            name: name.into(),
            sql_type: Some(sql_type),
            nullable: false,
            comment: None,
        }
    }

    /// An output column whose type is left to the query.
    ///
    /// ```
    /// assert!(schema_core::ViewColumn::untyped("n").sql_type.is_none());
    /// ```
    pub fn untyped(name: impl Into<String>) -> Self {
        ViewColumn {
            name: name.into(),
            sql_type: None,
            nullable: false,
            comment: None,
        }
    }

    /// Marks the column nullable.
    pub fn nullable(mut self) -> Self {
        self.nullable = true;
        self
    }

    /// Sets the column comment.
    pub fn comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }
}

impl View {
    /// A plain view over `sql`, `security_invoker` on.
    pub fn new(name: impl Into<String>, sql: impl Into<String>) -> Self {
        View {
            name: name.into(),
            comment: None,
            sql: sql.into(),
            engine_sql: BTreeMap::new(),
            columns: Vec::new(),
            materialized: false,
            security_invoker: true,
            indexes: Vec::new(),
            allows: Vec::new(),
        }
    }

    /// Waives a row-level-security rule for this view, saying why: `S506` (a view that is not
    /// `security_invoker` reads a table with row-level security) or `S507` (a materialized
    /// view over such a table is granted to a role that is not an admin role).
    ///
    /// ```
    /// let v = schema_core::View::new("all_totals", "SELECT 1").allow("S506", "read by the nightly export only");
    /// assert_eq!(v.allows[0].code, "S506");
    /// ```
    pub fn allow(mut self, code: impl Into<String>, reason: impl Into<String>) -> Self {
        self.allows.push(crate::Allow::new(code, reason));
        self
    }

    /// Whether `code` is waived with a non-empty reason.
    pub fn allows(&self, code: &str) -> bool {
        self.allows
            .iter()
            .any(|allow| allow.code == code && !allow.reason.trim().is_empty())
    }

    /// Sets the view comment.
    pub fn comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// Appends a declared output column.
    pub fn column(mut self, column: ViewColumn) -> Self {
        self.columns.push(column);
        self
    }

    /// Uses `sql` on `engine` instead of the common query.
    ///
    /// ```
    /// use schema_core::{Engine, View};
    /// let v = View::new("recent", "SELECT id FROM events WHERE at > now() - interval '1 day'")
    ///     .sql_for(Engine::Sqlite, "SELECT id FROM events WHERE at > datetime('now', '-1 day')");
    /// assert!(v.sql_on(Engine::Sqlite).starts_with("SELECT id FROM events WHERE at > datetime"));
    /// assert!(v.sql_on(Engine::Postgres).contains("interval"));
    /// ```
    pub fn sql_for(mut self, engine: Engine, sql: impl Into<String>) -> Self {
        self.engine_sql.insert(engine, sql.into());
        self
    }

    /// The query text used on `engine`.
    pub fn sql_on(&self, engine: Engine) -> &str {
        self.engine_sql.get(&engine).unwrap_or(&self.sql)
    }

    /// Makes the view materialized (PostgreSQL).
    pub fn materialized(mut self) -> Self {
        self.materialized = true;
        self
    }

    /// Sets PostgreSQL `security_invoker` (on by default).
    ///
    /// ```
    /// assert!(!schema_core::View::new("v", "SELECT 1 AS one").security_invoker(false).security_invoker);
    /// ```
    pub fn security_invoker(mut self, on: bool) -> Self {
        self.security_invoker = on;
        self
    }

    /// Adds a unique index (a materialized view's key, which `REFRESH ... CONCURRENTLY` needs).
    pub fn unique_index(self, index: Index) -> Self {
        self.index(index.unique())
    }

    /// Adds an index (materialized views only).
    pub fn index(mut self, index: Index) -> Self {
        self.indexes.push(index);
        self
    }

    /// The unique index `REFRESH MATERIALIZED VIEW CONCURRENTLY` can use: unique, over plain
    /// columns, without a predicate.
    ///
    /// ```
    /// use schema_core::{Index, View};
    /// let v = View::new("t", "SELECT 1 AS id").materialized().unique_index(Index::on(["id"]));
    /// assert!(v.concurrent_refresh_key().is_some());
    /// ```
    pub fn concurrent_refresh_key(&self) -> Option<&Index> {
        self.indexes.iter().find(|index| {
            index.unique
                && index.predicate.is_none()
                && index.expressions.is_empty()
                && !index.columns.is_empty()
        })
    }
}

impl View {
    /// The tables and views of `schema` whose names appear as words in the common query (string
    /// literals and comments skipped), sorted; for diagrams and documentation, which have no SQL
    /// parser. The script's order and the validation of what a view reads come from parsing the
    /// body with each engine's grammar in `schema-dialects`.
    ///
    /// ```
    /// use schema_core::{Column, Schema, SqlType, TableDef, View};
    /// let schema = Schema::builder()
    ///     .table_def(TableDef::new("invoices").column(Column::new("id", SqlType::BigInt)))
    ///     .view_def(View::new("v", "SELECT id FROM Invoices WHERE note <> 'invoices'"))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(schema.views[0].names_read(&schema), ["invoices"]);
    /// ```
    pub fn names_read(&self, schema: &crate::Schema) -> Vec<String> {
        self.names_read_in(&RelationNames::of(schema))
    }

    /// [`names_read`](View::names_read) against an index built once: for every view of a
    /// schema, the cost stays linear in the schema's size.
    ///
    /// ```
    /// use schema_core::{Column, RelationNames, Schema, SqlType, TableDef, View};
    /// let schema = Schema::builder()
    ///     .table_def(TableDef::new("invoices").column(Column::new("id", SqlType::BigInt)))
    ///     .view_def(View::new("v", "SELECT id FROM invoices"))
    ///     .view_def(View::new("w", "SELECT id FROM v"))
    ///     .build()
    ///     .unwrap();
    /// let names = RelationNames::of(&schema);
    /// let reads: Vec<Vec<String>> = schema.views.iter().map(|v| v.names_read_in(&names)).collect();
    /// assert_eq!(reads, [vec!["invoices"], vec!["v"]]);
    /// ```
    pub fn names_read_in(&self, names: &RelationNames<'_>) -> Vec<String> {
        let mut found: Vec<String> = words(&self.sql)
            .iter()
            .filter_map(|word| names.by_folded_name.get(&word.to_ascii_lowercase()))
            .flatten()
            .filter(|name| **name != self.name)
            .map(|name| name.to_string())
            .collect();
        found.sort();
        found.dedup();
        found
    }
}

/// The names of a schema's tables and views by their ASCII-lower-cased spelling, for
/// [`View::names_read_in`].
#[derive(Clone, Debug, Default)]
pub struct RelationNames<'a> {
    by_folded_name: BTreeMap<String, Vec<&'a str>>,
}

impl<'a> RelationNames<'a> {
    /// The index of `schema`'s tables and views.
    pub fn of(schema: &'a crate::Schema) -> Self {
        let mut by_folded_name: BTreeMap<String, Vec<&'a str>> = BTreeMap::new();
        let names = schema.tables.iter().map(|t| t.name.as_str());
        for name in names.chain(schema.views.iter().map(|v| v.name.as_str())) {
            by_folded_name
                .entry(name.to_ascii_lowercase())
                .or_default()
                .push(name);
        }
        RelationNames { by_folded_name }
    }
}

/// The identifier-like words of `sql`, quoted identifiers unquoted, string literals and
/// comments skipped.
fn words(sql: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                while let Some(c) = chars.next() {
                    if c == '\'' && chars.peek() != Some(&'\'') {
                        break;
                    }
                    if c == '\'' {
                        chars.next();
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' | '`' => {
                let word: String = chars.by_ref().take_while(|&d| d != c).collect();
                words.push(word);
            }
            c if c.is_alphanumeric() || c == '_' => {
                let mut word = c.to_string();
                while let Some(&d) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' || d == '$' {
                        word.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                words.push(word);
            }
            _ => {}
        }
    }
    words
}

/// A type whose fields are a view's output columns, usually `#[derive(View)]`.
///
/// ```
/// use schema_core::{SqlType, View, ViewColumn};
/// struct OpenInvoice;
/// impl schema_core::ViewDef for OpenInvoice {
///     fn view_def() -> View {
///         View::new("open_invoices", "SELECT id FROM invoices").column(ViewColumn::new("id", SqlType::BigInt))
///     }
/// }
/// let schema = schema_core::Schema::builder()
///     .table_def(schema_core::TableDef::new("invoices").column(schema_core::Column::new("id", SqlType::BigInt)))
///     .view::<OpenInvoice>()
///     .build()
///     .unwrap();
/// assert_eq!(schema.views[0].name, "open_invoices");
/// ```
pub trait ViewDef {
    /// The view model.
    fn view_def() -> View;
}
