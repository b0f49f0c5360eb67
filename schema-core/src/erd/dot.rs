//! Graphviz DOT.

use std::fmt::Write;

use super::model::{Cardinality, EntityKind, Erd};
use super::text::escape_html;

/// Graphviz DOT text of the schema: one node per table with an HTML-like label (a header row,
/// then one row per column: key markers `PK`/`FK`/`UK`, name, logical type, `NULL` when
/// nullable), one port per column, and one edge per foreign key from the referencing columns to
/// the referenced ones with crow's-foot ends (`teetee` exactly one, `teeodot` zero or one,
/// `crowodot` zero or many). Views (once in the model) are dashed, grey-headed nodes.
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
/// let text = schema_core::erd::dot(&schema);
/// assert!(text.starts_with("digraph schema {\n"));
/// assert!(text.contains("\"invoices\":c1 -> \"tenants\":c0 [arrowtail=crowodot, arrowhead=teetee"));
/// ```
pub fn dot(schema: &crate::Schema) -> String {
    dot_of(&Erd::from_schema(schema))
}

/// [`dot`] of an already built [`Erd`].
///
/// ```
/// assert!(schema_core::erd::dot_of(&Default::default()).ends_with("}\n"));
/// ```
pub fn dot_of(erd: &Erd) -> String {
    let mut out = String::from(
        "digraph schema {\n  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.4, ranksep=1.2];\n  \
         node [shape=plaintext, fontname=\"Helvetica\", fontsize=10];\n  \
         edge [dir=both, fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n",
    );
    for entity in &erd.entities {
        let (border, header, style) = match entity.kind {
            EntityKind::Table => ("#34495e", "#d6e4f0", "solid"),
            _ => ("#7f8c8d", "#e5e5e5", "dashed"),
        };
        let title = match entity.kind {
            EntityKind::Table => format!("<B>{}</B>", escape_html(&entity.name)),
            _ => format!("<I>view</I> <B>{}</B>", escape_html(&entity.name)),
        };
        let tooltip = entity
            .comment
            .as_deref()
            .map(|c| format!(", tooltip=\"{}\"", dot_string(c)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} [style={style}{tooltip}, label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\"{border}\">",
            dot_string_quoted(&entity.name)
        );
        let _ = writeln!(
            out,
            "    <TR><TD COLSPAN=\"3\" BGCOLOR=\"{header}\">{title}</TD></TR>"
        );
        for (index, attribute) in entity.attributes.iter().enumerate() {
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
            let name = if attribute.primary_key {
                format!("<U>{}</U>", escape_html(&attribute.name))
            } else {
                escape_html(&attribute.name)
            };
            let null = if attribute.nullable { " NULL" } else { "" };
            let _ = writeln!(
                out,
                "    <TR><TD ALIGN=\"LEFT\">{}</TD><TD ALIGN=\"LEFT\" PORT=\"c{index}\">{name}</TD><TD ALIGN=\"LEFT\">{}{null}</TD></TR>",
                keys.join(" "),
                escape_html(&attribute.type_name),
            );
        }
        out.push_str("  </TABLE>>];\n");
    }
    for rel in &erd.relationships {
        let port = |entity: &str, columns: &[String]| -> String {
            let found = erd.entity(entity).and_then(|e| {
                columns
                    .first()
                    .and_then(|c| e.attributes.iter().position(|a| &a.name == c))
            });
            match found {
                Some(index) => format!("{}:c{index}", dot_string_quoted(entity)),
                None => dot_string_quoted(entity),
            }
        };
        let label = if rel.child_columns.len() > 1 {
            format!(
                ", label=\"({})\"",
                dot_string(&rel.child_columns.join(", "))
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {} -> {} [arrowtail={}, arrowhead={}{label}, tooltip=\"{}\"];",
            port(&rel.child, &rel.child_columns),
            port(&rel.parent, &rel.parent_columns),
            arrow(rel.child_side),
            arrow(rel.parent_side),
            dot_string(&rel.name),
        );
    }
    for (view, read) in &erd.view_reads {
        let _ = writeln!(
            out,
            "  {} -> {} [style=dashed, arrowhead=vee, tooltip=\"reads\"];",
            dot_string_quoted(view),
            dot_string_quoted(read),
        );
    }
    out.push_str("}\n");
    out
}

fn arrow(cardinality: Cardinality) -> &'static str {
    match cardinality {
        Cardinality::ExactlyOne => "teetee",
        Cardinality::ZeroOrOne => "teeodot",
        _ => "crowodot",
    }
}

/// Inside a DOT double-quoted string only `\"` is an escape; a backslash is doubled so it can
/// never escape the closing quote, and controls become spaces.
fn dot_string(text: &str) -> String {
    super::text::one_line(text)
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
}

fn dot_string_quoted(text: &str) -> String {
    format!("\"{}\"", dot_string(text))
}
