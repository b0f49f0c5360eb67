//! HTML rendering of the dictionary document: one page, inline CSS, no script.

use std::fmt::Write;

use schema_core::erd::escape_html as esc;

use super::document::{Block, Cell, Document};

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}\
table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}th,td{border:1px solid #ccd;padding:3px 6px;text-align:left;vertical-align:top}\
th{background:#eef2f7}code{font:12px ui-monospace,monospace;background:#f4f4f6;padding:0 2px}h2{border-top:2px solid #34495e;padding-top:.6em;margin-top:2em}\
a{color:#1a5fa8}";

pub(super) fn render(doc: &Document) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(&doc.title),
        esc(&doc.title)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading {
                level,
                text,
                anchor,
            } => {
                let level = (*level).clamp(1, 6);
                let text = if level <= 2 {
                    format!("<code>{}</code>", esc(text))
                } else {
                    esc(text)
                };
                let _ = writeln!(out, "<h{level} id=\"{}\">{text}</h{level}>", esc(anchor));
            }
            Block::Paragraph(cells) => {
                let _ = writeln!(out, "<p>{}</p>", cells.iter().map(cell).collect::<String>());
            }
            Block::Table { headers, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for header in headers {
                    let _ = write!(out, "<th>{}</th>", esc(header));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for c in row {
                        let _ = write!(out, "<td>{}</td>", cell(c));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn cell(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => esc(t),
        Cell::Code(c) => format!("<code>{}</code>", esc(c)),
        Cell::Link { text, anchor } => {
            format!(
                "<a href=\"#{}\"><code>{}</code></a>",
                esc(anchor),
                esc(text)
            )
        }
        Cell::Parts(parts) => parts.iter().map(self::cell).collect(),
        _ => String::new(),
    }
}
