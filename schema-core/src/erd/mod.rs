//! Entity-relationship diagrams of a schema as text: Mermaid `erDiagram`, DBML and Graphviz DOT.
//!
//! [`Erd`] is the graph every renderer (including the HTML viewer and data dictionary in
//! `schema-dialects`) reads: entities with key markers and relationships with cardinalities
//! derived from the model. Every name and comment is escaped for the format it goes into, and
//! the output depends only on the schema, so it can be committed and diffed.
//!
//! ```
//! use schema_core::{Column, ForeignKey, Schema, SqlType, TableDef};
//! let schema = Schema::builder()
//!     .table_def(TableDef::new("tenants").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
//!     .table_def(
//!         TableDef::new("invoices")
//!             .column(Column::new("id", SqlType::BigInt))
//!             .column(Column::new("tenant_id", SqlType::BigInt).nullable())
//!             .primary_key(["id"])
//!             .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"])),
//!     )
//!     .build()
//!     .unwrap();
//! assert!(schema_core::erd::mermaid(&schema).contains("tenants |o..o{ invoices"));
//! assert!(schema_core::erd::dbml(&schema).contains("> \"tenants\".\"id\""));
//! assert!(schema_core::erd::dot(&schema).contains("arrowtail=crowodot, arrowhead=teeodot"));
//! ```

mod dbml;
mod dot;
mod mermaid;
mod model;
mod text;

pub use dbml::dbml;
pub use dot::{dot, dot_of};
pub use mermaid::{mermaid, mermaid_of};
pub use model::{Attribute, Cardinality, Entity, EntityKind, Erd, Relationship};
pub use text::escape_html;
