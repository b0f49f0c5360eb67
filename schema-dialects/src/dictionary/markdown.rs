//! Markdown rendering of the dictionary document.

use std::fmt::Write;

use super::document::{Block, Cell, Document};

pub(super) fn render(doc: &Document) -> String {
    let mut out = format!("# {}\n", text(&doc.title));
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Heading {
                level,
                text: heading,
                anchor,
            } => {
                let _ = writeln!(
                    out,
                    "<a id=\"{}\"></a>\n{} {}",
                    schema_core::erd::escape_html(anchor),
                    "#".repeat(usize::from((*level).clamp(1, 6))),
                    // Object names are code; section titles are words.
                    if *level <= 2 {
                        code(heading)
                    } else {
                        text(heading)
                    }
                );
            }
            Block::Paragraph(cells) => {
                let line: String = cells.iter().map(cell).collect();
                let _ = writeln!(out, "{line}");
            }
            Block::Table { headers, rows } => {
                let _ = writeln!(
                    out,
                    "| {} |",
                    headers
                        .iter()
                        .map(|h| text(h))
                        .collect::<Vec<_>>()
                        .join(" | ")
                );
                let _ = writeln!(out, "|{}", "---|".repeat(headers.len()));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(cell).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
            }
        }
    }
    out
}

fn cell(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => text(t),
        Cell::Code(c) => code(c),
        Cell::Link { text: t, anchor } => format!("[{}](#{anchor})", code(t)),
        Cell::Parts(parts) => parts.iter().map(self::cell).collect(),
        _ => String::new(),
    }
}

/// Plain text: one line, every ASCII punctuation character that means something in Markdown
/// (or in a table row) backslash-escaped.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in one_line(raw).chars() {
        if "\\`*_{}[]()<>#+-.!|~&\"'=:$@%^".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A code span; text holding a backtick is shown as escaped text instead (a code span cannot
/// escape it inside a table). `|` is escaped either way (GitHub splits table cells on it first).
fn code(raw: &str) -> String {
    let line = one_line(raw);
    if line.is_empty() {
        return String::new();
    }
    if line.contains('`') {
        return text(&line);
    }
    format!("`{}`", line.replace('|', "\\|"))
}

fn one_line(raw: &str) -> String {
    raw.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
