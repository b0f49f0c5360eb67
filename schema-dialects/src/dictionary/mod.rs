//! The data dictionary: every table's purpose, columns with each engine's type, nullability,
//! defaults, constraints, indexes, its foreign keys and the tables referencing it, as Markdown
//! or a standalone HTML page.
//!
//! Both formats render one dialect-free document ([`Document`]): headings, paragraphs and
//! tables of cells. Each kind of object contributes its own sections (see `sections.rs`); views,
//! triggers, policies, roles and grants slot in as further section builders once the model has
//! them, without touching the renderers.
//!
//! ```
//! use schema_core::{Column, Engine, Schema, SqlType, TableDef};
//! let schema = Schema::builder()
//!     .table_def(
//!         TableDef::new("tenants")
//!             .comment("A customer organisation")
//!             .column(Column::new("id", SqlType::Uuid))
//!             .primary_key(["id"]),
//!     )
//!     .build()
//!     .unwrap();
//! let md = schema_dialects::dictionary::markdown(&schema, &Engine::ALL);
//! assert!(md.contains("A customer organisation"));
//! assert!(md.contains("| `id` | `uuid` | `BINARY(16)` | `BLOB` | no |"));
//! ```

mod document;
mod html;
mod markdown;
mod objects;
mod sections;

use schema_core::{Engine, Schema};

pub use document::{Block, Cell, Document};

/// The dictionary of `schema` with column types for `engines`, as a [`Document`].
///
/// ```
/// let doc = schema_dialects::dictionary::document(&Default::default(), &[]);
/// assert!(!doc.blocks.is_empty());
/// ```
pub fn document(schema: &Schema, engines: &[Engine]) -> Document {
    sections::document(schema, engines)
}

/// The dictionary as GitHub-flavoured Markdown.
///
/// ```
/// let md = schema_dialects::dictionary::markdown(&Default::default(), &[]);
/// assert!(md.starts_with("# Data dictionary\n"));
/// ```
pub fn markdown(schema: &Schema, engines: &[Engine]) -> String {
    markdown::render(&document(schema, engines))
}

/// The dictionary as one self-contained HTML page (inline CSS, no scripts, nothing fetched).
///
/// ```
/// let page = schema_dialects::dictionary::html(&Default::default(), &[]);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// ```
pub fn html(schema: &Schema, engines: &[Engine]) -> String {
    html::render(&document(schema, engines))
}
