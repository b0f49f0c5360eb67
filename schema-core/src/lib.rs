//! A dialect-neutral, serde-serializable model of a relational schema, its validation, and the
//! traits `#[derive(Table)]` and `#[derive(SqlEnum)]` implement.
//!
//! Declare tables as Rust types, assemble them with [`Schema::builder`], and hand the
//! [`Schema`] to `schema-dialects` for PostgreSQL, MySQL/MariaDB and SQLite DDL.
//!
//! ```
//! use schema_core::{Schema, SqlEnum, Table};
//!
//! /// A customer of the platform.
//! #[derive(Table)]
//! #[table(name = "tenants")]
//! pub struct Tenant {
//!     #[column(primary_key, identity)]
//!     pub id: i64,
//!     /// Shown in URLs.
//!     #[column(varchar(63), unique)]
//!     pub slug: String,
//! }
//!
//! #[derive(SqlEnum)]
//! #[sql_enum(name = "invoice_status")]
//! pub enum InvoiceStatus { Draft, Open, Paid }
//!
//! /// One bill sent to a tenant.
//! #[derive(Table)]
//! #[table(name = "invoices", unique(tenant_id, number), check(sql = "total_cents >= 0"))]
//! pub struct Invoice {
//!     #[column(primary_key, identity)]
//!     pub id: i64,
//!     #[column(references = Tenant, on_delete = cascade, index)]
//!     pub tenant_id: i64,
//!     pub number: i32,
//!     pub total_cents: i64,
//!     #[column(default = "draft")]
//!     pub status: InvoiceStatus,
//!     pub note: Option<String>,
//! }
//!
//! let schema = Schema::builder().table::<Tenant>().table::<Invoice>().build().unwrap();
//! let invoices = schema.table("invoices").unwrap();
//! assert_eq!(invoices.foreign_keys[0].references, "tenants");
//! assert!(invoices.find_column("note").unwrap().nullable);
//! ```
//!
//! Validation reports every problem at once, each naming its table and column:
//!
//! ```
//! use schema_core::{Column, ForeignKey, Schema, SqlType, TableDef};
//! let errors = Schema::builder()
//!     .table_def(
//!         TableDef::new("invoices")
//!             .column(Column::new("id", SqlType::BigInt))
//!             .column(Column::new("tenant_id", SqlType::Integer))
//!             .primary_key(["id"])
//!             .foreign_key(ForeignKey::to("tenant", ["id"]).columns(["tenant_id"])),
//!     )
//!     .table_def(TableDef::new("tenants").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
//!     .build()
//!     .unwrap_err();
//! assert_eq!(
//!     errors.to_string(),
//!     "1 problem in the schema:\n\
//!      error: table `invoices`: foreign key `invoices_tenant_id_fkey` references table `tenant`, which is not in the schema\n  \
//!      help: did you mean `tenants`?\n"
//! );
//! ```

mod advice_data;
pub mod advisor;
mod check;
mod column;
mod column_type;
mod diagnostic;
pub mod diff;
mod engine;
pub mod erd;
mod foreign_key;
mod function;
mod index;
mod key;
pub mod naming;
mod partition;
mod schema;
mod security;
mod sql_type;
pub mod suggest;
mod table;
mod table_trait;
mod trigger;
mod validate;
mod view;

pub use advice_data::{Allow, FunctionalDependency};
pub use check::Check;
pub use column::{Column, ColumnDefault, Generated, GeneratedKind, Identity, Literal};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use engine::Engine;
pub use foreign_key::{Deferrable, FkAction, ForeignKey};
pub use function::{Function, FunctionArg, Volatility};
pub use index::{Exclusion, ExclusionElement, Index, IndexMethod, KeyPart, NullsOrder, SortOrder};
pub use key::{PrimaryKey, Unique};
pub use partition::{
    CivilDate, Lifecycle, Partition, PartitionBound, PartitionInterval, PartitionKind, Partitioning,
};
pub use schema::{Schema, SchemaBuilder};
pub use security::{
    DEFAULT_TENANT_SETTING, DefaultObjects, DefaultPrivileges, Grant, GrantObject, Policy,
    PolicyCommand, Privilege, Role, RowSecurity, Security, TableSecurity, TenantIsolation,
};
pub use sql_type::{DomainType, EnumType, SqlType};
pub use table::TableDef;
pub use table_trait::{__private, ColumnType, NoPrimaryKey, SqlEnum, Table};
pub use trigger::{AUDIT_LOG_TABLE, Trigger, TriggerEvent, TriggerTiming, audit_log_table};
pub use view::{RelationNames, View, ViewColumn, ViewDef};

#[cfg(feature = "derive")]
pub use schema_derive::{Domain, SqlEnum, Table, View};
