//! Derive macros for schema-core: `#[derive(Table)]` and `#[derive(SqlEnum)]`.
//!
//! Use them through `schema_core` (`use schema_core::{SqlEnum, Table};`), which re-exports both
//! and holds the traits they implement. The examples below are not compiled here (a proc-macro
//! crate cannot use its own derives); the same code runs as doctests in `schema-core` and as
//! tests in `tests/tests/derive.rs`.
//!
//! ```ignore
//! use chrono::{DateTime, Utc};
//! use schema_core::{Schema, SqlEnum, Table};
//!
//! /// A customer of the platform.                       // → table comment
//! #[derive(Table)]
//! #[table(name = "tenants")]
//! pub struct Tenant {
//!     #[column(primary_key, identity)]
//!     pub id: i64,
//!     #[column(varchar(63), unique)]
//!     pub slug: String,
//! }
//!
//! #[derive(SqlEnum)]
//! #[sql_enum(name = "invoice_status")]
//! pub enum InvoiceStatus { Draft, Open, #[sql_enum(rename = "paid_in_full")] Paid }
//!
//! /// One bill sent to a tenant.
//! #[derive(Table)]
//! #[table(
//!     name = "invoices",
//!     unique(tenant_id, number),
//!     index(columns(tenant_id, issued_at)),
//!     index(name = "invoices_open", columns(tenant_id), where = "paid_at IS NULL"),
//!     check(name = "invoices_total_nonneg", sql = "total_cents >= 0"),
//! )]
//! pub struct Invoice {
//!     #[column(primary_key, identity)]
//!     pub id: i64,
//!     #[column(references = Tenant, on_delete = cascade)]
//!     pub tenant_id: i64,                  // must be Tenant's key type (or Option of it)
//!     pub number: i32,
//!     #[column(default = 0)]
//!     pub total_cents: i64,
//!     #[column(default = "draft")]
//!     pub status: InvoiceStatus,
//!     #[column(default = now)]
//!     pub issued_at: DateTime<Utc>,
//!     pub paid_at: Option<DateTime<Utc>>,  // Option<T> = nullable; everything else NOT NULL
//!     /// Free text for the customer.      // → column comment
//!     #[column(text)]
//!     pub note: Option<String>,
//! }
//!
//! let schema = Schema::builder().table::<Tenant>().table::<Invoice>().build().unwrap();
//! ```
//!
//! # `#[derive(Table)]`
//!
//! On a struct with named fields; each field is one column, in declaration order. Generic
//! parameters, tuple structs, unit structs, enums and unions are rejected. The derive implements
//! [`schema_core::Table`](https://docs.rs/schema-core): `NAME`, `PRIMARY_KEY` (SQL column names),
//! `type PrimaryKey` (the key field's type, a tuple for a composite key, `NoPrimaryKey` without
//! one) and `table_def()`. Constraint and index names are left empty unless given, and filled
//! by `Schema::builder()` with deterministic names.
//!
//! ## Container attributes: `#[table(...)]`
//!
//! Everything is optional. Field lists are Rust field names, so a typo is a compile error at the
//! name, with the nearest field suggested.
//!
//! - `name = "invoices"`: the SQL table name. Default: the struct name in snake_case
//!   (`InvoiceLine` → `invoice_line`).
//! - `comment = "..."`: the table comment. Default: the struct's doc comment (`///` lines,
//!   joined with newlines), or none.
//! - `primary_key(tenant_id, id)`: a composite primary key, in key order. For a one-column key
//!   put `#[column(primary_key)]` on the field instead (not both).
//! - `unique(a, b)` or `unique(name = "x", columns(a, b))`: a UNIQUE constraint;
//!   `nulls_not_distinct` in the long form makes NULLs equal (PostgreSQL 15+, an error elsewhere).
//! - `index(a, b)`, `index(columns(a, b))`, `index(name = "x", columns(a), unique,
//!   where = "paid_at IS NULL")`: a secondary index; `unique` makes it unique, `where` partial.
//!   Further keys (each an error on an engine that lacks the feature, see the README's support
//!   matrix, unless the index is limited to other engines with `engines(...)`):
//!   - key-part options after a field in `columns(...)`: `desc` / `asc`, `nulls_first` /
//!     `nulls_last`, and a prefix length `title(20)` (MySQL): `columns(a desc nulls_last, b(20))`;
//!   - `method = btree | hash | gin | gist | brin | spgist | fulltext` (`fulltext` alone is the
//!     same as `method = fulltext`); only B-tree indexes may be `unique`;
//!   - `opclass = jsonb_path_ops`: the operator class of every key column (PostgreSQL);
//!   - `expr = "lower(email)"`: an expression key part after the columns (repeatable); an index
//!     may have only expressions;
//!   - `include(a, b)`: non-key columns stored in the index (PostgreSQL `INCLUDE`);
//!   - `nulls_not_distinct` (with `unique`);
//!   - `engines(postgres, sqlite)`: create the index only there; elsewhere the script says in a
//!     `--` comment that it was skipped on purpose.
//! - `exclude(using = gist, elements((room_id, "="), ("tstzrange(starts_at, ends_at)", "&&")),
//!   where = "NOT cancelled", name = "x", engines(postgres))`: an exclusion constraint (PostgreSQL;
//!   `using` defaults to `gist`). Elements are a field or an SQL expression and an operator.
//! - `without_rowid`: SQLite `WITHOUT ROWID` (needs a primary key, no identity); other engines
//!   have no rowid and ignore it.
//! - `check(sql = "total_cents >= 0")`, `check(name = "x", sql = "...")` or
//!   `check = "..."`: a table CHECK constraint, in SQL.
//! - `foreign_key(columns(tenant_id, customer_id), references = Customer, target(tenant_id, id),
//!   on_delete = cascade, on_update = restrict, name = "x")`: a (composite) foreign key.
//!   `columns` and `references` (a Rust type with `#[derive(Table)]`) are required; without
//!   `target(...)` the referenced table's primary key is used. The referencing fields' types must
//!   match the referenced key's, each possibly wrapped in `Option`.
//! - `allow(S101, S102, reason = "...")`: switches design-advisor rules off for the whole table
//!   (`TableDef::allows`). The reason is required and must not be empty; codes are a capital
//!   letter and three digits. Whether a code names a rule is checked by the advisor at build
//!   time (the catalog lives in schema-core), with a did-you-mean. Repeatable.
//! - `fd(zip -> city, state)`, `fd(street, city -> zip)`: a functional dependency for the
//!   advisor's normal-form analysis (`TableDef::functional_dependencies`); both sides list
//!   fields and may not be empty. Repeatable.
//!
//! ## Field attributes: `#[column(...)]`
//!
//! Everything is optional. A field of type `Option<T>` (syntactically: a path ending in
//! `Option` with one type argument) is nullable; every other column is NOT NULL. The SQL type is
//! `<T as ColumnType>::sql_type()`, with `T` the field type without `Option`; a type without a
//! mapping is a compile error at the field unless a type is given below.
//!
//! - `name = "..."`: the SQL column name. Default: the field name (without `r#`).
//! - `comment = "..."`: the column comment. Default: the field's doc comment, or none.
//! - `primary_key`: this column is the primary key (not on an `Option` field).
//! - `identity` (generated BY DEFAULT) or `identity = always`: the engine generates the value.
//!   Not with a default, not on an `Option` field, and not on an obviously non-integer type
//!   (`String`, `bool`, floats, `Uuid`, dates, `text`/`varchar`/... overrides); other
//!   non-integer types are caught by schema validation at build time.
//! - `unique`: a one-column UNIQUE constraint. `index`: a one-column index.
//! - `check = "amount >= 0"`: a CHECK constraint declared on this column.
//! - `references = Tenant` (Tenant's primary key) or `references = Tenant(slug)` (the column
//!   of Tenant's field `slug`, which must be unique there): a foreign key. The field's type
//!   must be the referenced field's type or `Option` of it — checked at compile time.
//!   - `on_delete = ...`, `on_update = ...`: `cascade`, `restrict`, `set_null`, `set_default` or
//!     `no_action` (the default). `set_null` needs an `Option` field.
//!   - `fk_name = "..."`: the constraint name.
//!   - `deferrable = initially_deferred | initially_immediate`: a deferrable foreign key
//!     (PostgreSQL, SQLite; an error on MySQL). Also a key of `foreign_key(...)`.
//!   - `match_full`: `MATCH FULL` (PostgreSQL; an error where it is parsed but not enforced).
//!     Also a key of `foreign_key(...)`.
//! - `default = <value>`: `0`, `-1`, `1.5`, `-0.25`, `true`, `"text"`, `now` (the current
//!   instant), `current_date` or `random_uuid` (uuid columns: `gen_random_uuid()`, 16 bytes from
//!   MySQL's `UUID()`, SQLite `randomblob(16)`). Integers become `Literal::Int`, decimals
//!   `Literal::Number` (kept as written).
//! - `generated = "price_cents * nights"` with `stored` (the default) or `virtual`: a generated
//!   column (PostgreSQL has only `stored`). Not with a default or `identity`.
//! - `collation(postgres = "und-x-icu", mysql = "utf8mb4_general_ci", sqlite = "NOCASE")`: the
//!   column's collation per engine (names differ); engines without an entry use the default.
//! - `array` on a `Vec<T>` field: a PostgreSQL array of `T`'s type (or of the type key given,
//!   `#[column(array, citext)]`); an error on MySQL and SQLite (use `json` there).
//! - `default_sql = "gen_random_uuid()"`: a default as raw SQL (`ColumnDefault::Sql`); use only
//!   where no typed value fits. Not together with `default`.
//! - A type, at most one, replacing the Rust type's mapping (the Rust type then needs no
//!   `ColumnType` impl): `text`, `varchar(n)`, `char(n)`, `numeric` / `numeric(p)` /
//!   `numeric(p, s)` (`decimal(...)` is the same), `json`, `jsonb`, `bytes`, `cidr`, `interval`,
//!   `tsvector`, `citext` (see the README's type table for each engine), or
//!   `raw(postgres = "tsvector", mysql = "TEXT", sqlite = "TEXT")` with any non-empty subset of
//!   the engines.
//! - `allow(S104, reason = "...")`: switches design-advisor rules off for this column
//!   (`Column::allows`); the same grammar as on the table. Repeatable.
//!
//! # `#[derive(SqlEnum)]`
//!
//! On an enum of unit variants (at least one); implements `schema_core::SqlEnum`, and through it
//! `ColumnType`, so the enum can be a field type.
//!
//! - `#[sql_enum(name = "invoice_status")]` on the enum: the SQL type name. Default: the enum
//!   name in snake_case.
//! - `#[sql_enum(rename = "paid_in_full")]` on a variant: its value. Default: the variant name
//!   in snake_case (`PaidInFull` → `paid_in_full`). Two variants may not share a value.
//!
//! # `#[derive(Domain)]`
//!
//! On a newtype (`pub struct Email(pub String);`); implements `ColumnType` as
//! `SqlType::Domain`: PostgreSQL creates the domain, MySQL and SQLite give each column the base
//! type and the check with `VALUE` replaced by the column.
//!
//! - `check = "VALUE LIKE '%_@_%'"` (required): the rule every value satisfies.
//! - `name = "email"`: the type name. Default: the struct name in snake_case.
//! - a base type key (`varchar(320)`, `text`, `numeric(12, 2)`, ... as on `#[column(...)]`).
//!   Default: the inner field's type (`<String as ColumnType>::sql_type()`).
//!
//! # `#[derive(View)]`
//!
//! On a struct with named fields, one per output column (`Option<T>` = nullable, the doc comment
//! = the column comment); implements `schema_core::ViewDef`, added with
//! `Schema::builder().view::<T>()`.
//!
//! - `sql = "SELECT ..."` (required): the query; CTEs allowed. Dependencies and the columns it
//!   reads are checked per engine when the script is written.
//! - `name = "open_invoices"`: the view name. Default: the struct name in snake_case.
//! - `comment = "..."`: the view comment. Default: the struct's doc comment.
//! - `engine_sql(sqlite = "SELECT ...")`: the query for engines whose SQL differs.
//! - `materialized`: a PostgreSQL materialized view (a plain view on MySQL and SQLite).
//! - `unique(field, ...)`: a unique index on a materialized view, which
//!   `REFRESH MATERIALIZED VIEW CONCURRENTLY` needs. Repeatable.
//! - `security_invoker = false`: PostgreSQL views run as the invoker (with Row-Level Security)
//!   unless switched off.
//! - On a field: `#[view(name = "...", comment = "...")]`.
//!
//! # Triggers on tables
//!
//! - `#[table(audit)]`: every INSERT, UPDATE and DELETE is recorded in the library's
//!   `audit_log` table (old and new row as JSON, operation, time, actor).
//! - `#[column(updated_at)]` on one timestamp field (with `default = now`): the engine sets it to
//!   the current time on every UPDATE.
//!
//! # Clippy
//!
//! Clippy's `duplicated_attributes` lint misreads a field named in two lists of the same kind
//! (`index(columns(tenant_id, issued_at)), index(columns(tenant_id))`) as a duplicated
//! attribute (rust-clippy#13238). It is a false positive; silence it on the struct with
//! `#[allow(clippy::duplicated_attributes)]`.
//!
//! # Errors
//!
//! Every problem in the input is reported at once, each at its own span: unknown keys (with the
//! nearest valid key and the full list), duplicate keys, malformed values (ending with the form
//! to write instead), conflicts (on both spans), fields missing from column lists, and through
//! the type system, references to types that are not tables and key type mismatches. After an
//! error the derive still emits a minimal impl, so code using the type shows no follow-up errors.

mod expand;
mod internals;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// `#[derive(Table)]`: implements `schema_core::Table` for a struct; see the [crate docs](crate)
/// for the attributes.
#[proc_macro_derive(Table, attributes(table, column))]
pub fn derive_table(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::table::expand(&input).into()
}

/// `#[derive(Domain)]`: implements `schema_core::ColumnType` for a newtype as a domain
/// (`SqlType::Domain`); see the [crate docs](crate) for the attributes.
#[proc_macro_derive(Domain, attributes(domain))]
pub fn derive_domain(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::domain::expand(&input).into()
}

/// `#[derive(View)]`: implements `schema_core::ViewDef` for a struct whose fields are the
/// view's output columns; see the [crate docs](crate) for the attributes.
#[proc_macro_derive(View, attributes(view, table, column))]
pub fn derive_view(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::view::expand(&input).into()
}

/// `#[derive(SqlEnum)]`: implements `schema_core::SqlEnum` for a fieldless enum; see the
/// [crate docs](crate) for the attributes.
#[proc_macro_derive(SqlEnum, attributes(sql_enum))]
pub fn derive_sql_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::sql_enum::expand(&input).into()
}
