//! The interactive schema viewer: one self-contained HTML file (inline SVG, CSS and script;
//! nothing fetched), laid out with the `layout-rs` crate.
//!
//! It shows every table as a box with its columns (keys and foreign-key columns marked, views —
//! once the model has them — dashed), and the foreign keys as lines with crow's-foot ends. In
//! the page: drag to pan, wheel or +/- to zoom, type in the search box to find tables or columns
//! (Enter jumps to the first), click a table to highlight it and its neighbours and see its
//! columns with each engine's type, constraints, indexes, foreign keys, referencing tables and
//! comments in the side panel (policies and other objects join that panel once the model has
//! them).
//!
//! ```
//! use schema_core::{Column, Engine, ForeignKey, Schema, SqlType, TableDef};
//! let schema = Schema::builder()
//!     .table_def(TableDef::new("tenants").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
//!     .table_def(
//!         TableDef::new("invoices")
//!             .column(Column::new("id", SqlType::BigInt))
//!             .column(Column::new("tenant_id", SqlType::BigInt))
//!             .primary_key(["id"])
//!             .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"])),
//!     )
//!     .build()
//!     .unwrap();
//! let page = schema_dialects::viewer::html(&schema, &Engine::ALL);
//! assert!(page.contains("data-table=\"invoices\""));
//! assert!(!page.contains("http://") && !page.contains("https://"));
//! ```

mod layout;

use std::fmt::Write;

use schema_core::erd::{Cardinality, Entity, EntityKind, Erd, escape_html as esc};
use schema_core::{Engine, Schema};

use crate::dictionary::{self, Block, Cell};

const SCRIPT: &str = include_str!("viewer.js");
const STYLE: &str = include_str!("viewer.css");

const ROW: f64 = 16.0;
const HEADER: f64 = 24.0;
const CHAR: f64 = 7.0;

/// The viewer page for `schema`, with column types for `engines`.
///
/// ```
/// let page = schema_dialects::viewer::html(&Default::default(), &[]);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// ```
pub fn html(schema: &Schema, engines: &[Engine]) -> String {
    let erd = Erd::from_schema(schema);
    let sizes: Vec<layout::NodeSize> = erd.entities.iter().map(node_size).collect();
    let index_of = |name: &str| erd.entities.iter().position(|e| e.name == name);
    let edges: Vec<(usize, usize)> = erd
        .relationships
        .iter()
        .map(|rel| {
            (
                index_of(&rel.child).unwrap_or(usize::MAX),
                index_of(&rel.parent).unwrap_or(usize::MAX),
            )
        })
        .collect();
    let placement = layout::place(&sizes, &edges);

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg id=\"diagram\" data-width=\"{:.0}\" data-height=\"{:.0}\">\n\
         <defs>\
         <marker id=\"one\" viewBox=\"0 0 12 12\" refX=\"11\" refY=\"6\" markerWidth=\"12\" markerHeight=\"12\" orient=\"auto-start-reverse\"><path d=\"M4 1V11M8 1V11\" class=\"mk\"/></marker>\
         <marker id=\"zero-one\" viewBox=\"0 0 16 12\" refX=\"15\" refY=\"6\" markerWidth=\"16\" markerHeight=\"12\" orient=\"auto-start-reverse\"><circle cx=\"5\" cy=\"6\" r=\"3\" class=\"mk\"/><path d=\"M12 1V11\" class=\"mk\"/></marker>\
         <marker id=\"many\" viewBox=\"0 0 18 12\" refX=\"17\" refY=\"6\" markerWidth=\"18\" markerHeight=\"12\" orient=\"auto-start-reverse\"><circle cx=\"4\" cy=\"6\" r=\"3\" class=\"mk\"/><path d=\"M9 6L17 1M9 6H17M9 6L17 11\" class=\"mk\"/></marker>\
         </defs>\n<g id=\"viewport\">\n<g id=\"edges\">\n",
        placement.size.0, placement.size.1
    );
    for (index, rel) in erd.relationships.iter().enumerate() {
        let d = match placement.edges.get(index) {
            Some(d) if !d.is_empty() => d.clone(),
            _ => self_loop(&placement, &sizes, edges[index].0),
        };
        if d.is_empty() {
            continue;
        }
        let _ = writeln!(
            svg,
            "<path class=\"edge{}\" data-from=\"{}\" data-to=\"{}\" d=\"{}\" marker-start=\"url(#{})\" marker-end=\"url(#{})\"><title>{}</title></path>",
            if rel.identifying { "" } else { " soft" },
            esc(&rel.child),
            esc(&rel.parent),
            esc(&d),
            // The path runs from the parent down to the child.
            marker(rel.parent_side),
            marker(rel.child_side),
            esc(&format!(
                "{}: {}({}) → {}({})",
                rel.name,
                rel.child,
                rel.child_columns.join(", "),
                rel.parent,
                rel.parent_columns.join(", ")
            )),
        );
    }
    svg.push_str("</g>\n<g id=\"tables\">\n");
    for (index, entity) in erd.entities.iter().enumerate() {
        let (x, y) = placement.nodes.get(index).copied().unwrap_or((0.0, 0.0));
        table_svg(&mut svg, entity, x, y, sizes[index].width);
    }
    svg.push_str("</g>\n</g>\n</svg>");

    let data = details_json(schema, &erd, engines);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <title>Schema diagram</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header><input id=\"search\" type=\"search\" placeholder=\"Search tables and columns\" autocomplete=\"off\">\
         <span id=\"matches\"></span><button id=\"zoom-in\" title=\"Zoom in\">+</button><button id=\"zoom-out\" title=\"Zoom out\">−</button>\
         <button id=\"fit\" title=\"Fit the diagram\">Fit</button><span class=\"count\">{} tables, {} relationships</span></header>\n\
         <main>\n{svg}\n<aside id=\"panel\"><p class=\"hint\">Click a table to see its details. Drag to pan, wheel to zoom.</p></aside>\n</main>\n\
         <script type=\"application/json\" id=\"schema-data\">{data}</script>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        erd.entities.len(),
        erd.relationships.len(),
    )
}

fn marker(cardinality: Cardinality) -> &'static str {
    match cardinality {
        Cardinality::ExactlyOne => "one",
        Cardinality::ZeroOrOne => "zero-one",
        _ => "many",
    }
}

fn node_size(entity: &Entity) -> layout::NodeSize {
    let widest = entity
        .attributes
        .iter()
        .map(|a| a.name.chars().count() + a.type_name.chars().count() + 6)
        .chain(std::iter::once(entity.name.chars().count() + 4))
        .max()
        .unwrap_or(10)
        .clamp(12, 80);
    layout::NodeSize {
        width: widest as f64 * CHAR + 16.0,
        height: HEADER + entity.attributes.len() as f64 * ROW + 6.0,
    }
}

/// A loop on the right side of a table that references itself.
fn self_loop(placement: &layout::Placement, sizes: &[layout::NodeSize], node: usize) -> String {
    let (Some(&(x, y)), Some(size)) = (placement.nodes.get(node), sizes.get(node)) else {
        return String::new();
    };
    let right = x + size.width;
    format!(
        "M{:.1} {:.1} C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}",
        right,
        y + 8.0,
        right + 40.0,
        y,
        right + 40.0,
        y + 30.0,
        right,
        y + 22.0
    )
}

fn table_svg(svg: &mut String, entity: &Entity, x: f64, y: f64, width: f64) {
    let height = HEADER + entity.attributes.len() as f64 * ROW + 6.0;
    let kind = match entity.kind {
        EntityKind::Table => "table",
        _ => "table view",
    };
    let title = match entity.kind {
        EntityKind::Table => esc(&entity.name),
        _ => format!("«view» {}", esc(&entity.name)),
    };
    let _ = writeln!(
        svg,
        "<g class=\"{kind}\" data-table=\"{}\" transform=\"translate({x:.1},{y:.1})\"><title>{}</title>\
         <rect class=\"box\" width=\"{width:.1}\" height=\"{height:.1}\" rx=\"4\"/>\
         <rect class=\"head\" width=\"{width:.1}\" height=\"{HEADER}\" rx=\"4\"/>\
         <text class=\"name\" x=\"8\" y=\"16\">{title}</text>",
        esc(&entity.name),
        esc(entity.comment.as_deref().unwrap_or(&entity.name)),
    );
    for (row, attribute) in entity.attributes.iter().enumerate() {
        let baseline = HEADER + 13.0 + row as f64 * ROW;
        let mut class = String::from("col");
        if attribute.primary_key {
            class.push_str(" pk");
        }
        if attribute.foreign_key {
            class.push_str(" fk");
        }
        let mark = match (attribute.primary_key, attribute.foreign_key) {
            (true, true) => "PK FK ",
            (true, false) => "PK ",
            (false, true) => "FK ",
            _ => "",
        };
        let null = if attribute.nullable { "?" } else { "" };
        let _ = writeln!(
            svg,
            "<text class=\"{class}\" data-column=\"{}\" x=\"8\" y=\"{baseline:.1}\">{}{}</text>\
             <text class=\"type\" x=\"{:.1}\" y=\"{baseline:.1}\" text-anchor=\"end\">{}{null}</text>",
            esc(&attribute.name),
            esc(mark),
            esc(&attribute.name),
            width - 8.0,
            esc(&attribute.type_name),
        );
    }
    svg.push_str("</g>\n");
}

/// Per table, the dictionary's sections as `{name, comment, kind, neighbours, sections:
/// [{title, headers, rows}]}`, rendered to HTML by the page's script on click.
fn details_json(schema: &Schema, erd: &Erd, engines: &[Engine]) -> String {
    let doc = dictionary::document(schema, engines);
    let mut tables: Vec<String> = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    let mut section_title = String::from("Columns");
    let finish = |current: &mut Option<(String, Vec<String>)>, tables: &mut Vec<String>| {
        if let Some((name, sections)) = current.take() {
            let entity = erd.entity(&name);
            let neighbours: Vec<String> = erd.neighbours(&name).into_iter().map(json).collect();
            tables.push(format!(
                "{{\"name\":{},\"kind\":{},\"comment\":{},\"neighbours\":[{}],\"sections\":[{}]}}",
                json(&name),
                json(entity.map_or("table", |e| e.kind.label())),
                entity
                    .and_then(|e| e.comment.as_deref())
                    .map_or("null".to_string(), json),
                neighbours.join(","),
                sections.join(",")
            ));
        }
    };
    for block in &doc.blocks {
        match block {
            Block::Heading { level: 2, text, .. } => {
                finish(&mut current, &mut tables);
                current = Some((text.clone(), Vec::new()));
                section_title = "Columns".to_string();
            }
            Block::Heading { text, .. } => section_title = text.clone(),
            Block::Table { headers, rows } => {
                if let Some((_, sections)) = &mut current {
                    let headers: Vec<String> = headers.iter().map(|h| json(h)).collect();
                    let rows: Vec<String> = rows
                        .iter()
                        .map(|row| {
                            let cells: Vec<String> =
                                row.iter().map(|c| json(&cell_html(c))).collect();
                            format!("[{}]", cells.join(","))
                        })
                        .collect();
                    sections.push(format!(
                        "{{\"title\":{},\"headers\":[{}],\"rows\":[{}]}}",
                        json(&section_title),
                        headers.join(","),
                        rows.join(",")
                    ));
                }
            }
            _ => {}
        }
    }
    finish(&mut current, &mut tables);
    format!("{{\"tables\":[{}]}}", tables.join(",\n"))
}

/// A cell as (escaped) HTML; links become `data-goto` spans the script turns into navigation.
fn cell_html(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => esc(t),
        Cell::Code(c) => format!("<code>{}</code>", esc(c)),
        Cell::Link { text, .. } => format!(
            "<a href=\"#\" data-goto=\"{}\"><code>{}</code></a>",
            esc(text),
            esc(text)
        ),
        Cell::Parts(parts) => parts.iter().map(cell_html).collect(),
        _ => String::new(),
    }
}

/// A JSON string literal that is also safe inside an HTML `<script>` element.
fn json(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::json;

    #[test]
    fn json_strings_cannot_close_the_script() {
        assert_eq!(
            json("</script>\n\"\\"),
            "\"\\u003c/script\\u003e\\u000a\\\"\\\\\""
        );
    }
}
