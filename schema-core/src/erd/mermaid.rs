//! Mermaid `erDiagram` (rendered by GitHub in Markdown and `.mmd` files).

use std::fmt::Write;

use super::model::{Cardinality, EntityKind, Erd, Relationship};
use super::text::{identifier, one_line};

/// Mermaid `erDiagram` text of the schema.
///
/// Entities are named by their table name when it is a plain identifier, otherwise by a safe
/// identifier with the real name as alias (`_x_1a2b3c4d["x y"]`); views carry a `view` alias.
/// Attributes are `type name PK, FK, UK "comment"`; types and names outside Mermaid's word
/// syntax are reduced to it (the original goes into the comment). Relationship lines use
/// crow's-foot ends from [`Erd`]'s cardinalities, a solid line for an identifying key and a
/// dashed one otherwise, and the referencing columns as label.
///
/// ```
/// use schema_core::{Column, ForeignKey, Schema, SqlType, TableDef};
/// let schema = Schema::builder()
///     .table_def(TableDef::new("tenants").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
///     .table_def(
///         TableDef::new("invoices")
///             .column(Column::new("id", SqlType::BigInt))
///             .column(Column::new("tenant_id", SqlType::BigInt))
///             .primary_key(["id"])
///             .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"])),
///     )
///     .build()
///     .unwrap();
/// let text = schema_core::erd::mermaid(&schema);
/// assert!(text.starts_with("erDiagram\n"));
/// assert!(text.contains("  tenants ||..o{ invoices : \"tenant_id\"\n"));
/// assert!(text.contains("    bigint tenant_id FK\n"));
/// ```
pub fn mermaid(schema: &crate::Schema) -> String {
    mermaid_of(&Erd::from_schema(schema))
}

/// [`mermaid`] of an already built [`Erd`].
///
/// ```
/// assert_eq!(schema_core::erd::mermaid_of(&Default::default()), "erDiagram\n");
/// ```
pub fn mermaid_of(erd: &Erd) -> String {
    let mut out = String::from("erDiagram\n");
    for entity in &erd.entities {
        let id = identifier(&entity.name);
        let alias = match entity.kind {
            EntityKind::Table if id == entity.name => String::new(),
            EntityKind::Table => format!("[\"{}\"]", label(&entity.name)),
            _ => format!("[\"{} (view)\"]", label(&entity.name)),
        };
        if let Some(comment) = &entity.comment {
            let _ = writeln!(out, "  %% {}: {}", label(&entity.name), one_line(comment));
        }
        let _ = writeln!(out, "  {id}{alias} {{");
        for attribute in &entity.attributes {
            let name = word(&attribute.name);
            let mut keys = Vec::new();
            if attribute.primary_key {
                keys.push("PK");
            }
            if attribute.foreign_key {
                keys.push("FK");
            }
            if attribute.unique && !attribute.primary_key {
                keys.push("UK");
            }
            let mut notes = Vec::new();
            if name != attribute.name {
                notes.push(format!("column {}", attribute.name));
            }
            if attribute.nullable {
                notes.push("nullable".to_string());
            }
            if let Some(comment) = &attribute.comment {
                notes.push(comment.clone());
            }
            let _ = write!(out, "    {} {name}", word(&attribute.type_name));
            if !keys.is_empty() {
                let _ = write!(out, " {}", keys.join(", "));
            }
            if !notes.is_empty() {
                let _ = write!(out, " \"{}\"", label(&notes.join("; ")));
            }
            out.push('\n');
        }
        out.push_str("  }\n");
    }
    for rel in &erd.relationships {
        let _ = writeln!(
            out,
            "  {} {}{}{} {} : \"{}\"",
            identifier(&rel.parent),
            parent_end(rel.parent_side),
            if rel.identifying { "--" } else { ".." },
            child_end(rel.child_side),
            identifier(&rel.child),
            label(&rel_label(rel)),
        );
    }
    // A view reads a table or view: a dashed (non-identifying) line, labelled `reads`.
    for (view, read) in &erd.view_reads {
        let _ = writeln!(
            out,
            "  {} }}o..o{{ {} : \"reads\"",
            identifier(read),
            identifier(view),
        );
    }
    out
}

fn rel_label(rel: &Relationship) -> String {
    if rel.child_columns.len() == 1 {
        rel.child_columns[0].clone()
    } else {
        format!("({})", rel.child_columns.join(", "))
    }
}

/// The marker on the parent (left) end.
fn parent_end(cardinality: Cardinality) -> &'static str {
    match cardinality {
        Cardinality::ExactlyOne => "||",
        Cardinality::ZeroOrOne => "|o",
        _ => "}o",
    }
}

/// The marker on the child (right) end.
fn child_end(cardinality: Cardinality) -> &'static str {
    match cardinality {
        Cardinality::ExactlyOne => "||",
        Cardinality::ZeroOrOne => "o|",
        _ => "o{",
    }
}

/// Text inside Mermaid double quotes: one line, no double quote (Mermaid has no escape for it).
fn label(text: &str) -> String {
    one_line(text).replace('"', "'")
}

/// A word in Mermaid's attribute syntax `[A-Za-z_][A-Za-z0-9_()\[\]-]*`.
fn word(text: &str) -> String {
    let mut out: String = text
        .replace(", ", "_")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "_()[]-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        out.insert(0, '_');
    }
    out
}
