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

/// Plain text on one line: the characters that start inline markup anywhere (emphasis, code,
/// links, HTML, entities, table cells, strikethrough) are backslash-escaped, and so is a first
/// character that would make the line a heading, quote, list item or rule.
fn text(raw: &str) -> String {
    let line = collapse(raw);
    let mut out = String::with_capacity(line.len() + 8);
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in line.chars().enumerate() {
        let starts_block = i == 0 && "#>-+=".contains(c);
        let ends_list_number = i == digits && digits > 0 && (c == '.' || c == ')');
        if "\\`*_[]<>|~&".contains(c) || starts_block || ends_list_number {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Runs of whitespace and control characters become one space (kept at the ends, so text parts
/// run together keep their spacing).
fn collapse(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() || c.is_control() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
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

#[cfg(test)]
mod tests {
    use super::{code, text};

    #[test]
    fn text_escapes_inline_markup_and_block_starts() {
        assert_eq!(
            text("1. a*b_c [d](e) <f> | g"),
            "1\\. a\\*b\\_c \\[d\\](e) \\<f\\> \\| g"
        );
        assert_eq!(text("- item"), "\\- item");
        assert_eq!(text("# not a heading"), "\\# not a heading");
        assert_eq!(text("a - b. c"), "a - b. c");
        assert_eq!(text("x\n\ty "), "x y ");
    }

    #[test]
    fn code_spans_hold_pipes_and_refuse_backticks() {
        assert_eq!(code("a | b"), "`a \\| b`");
        assert_eq!(code("a`b"), "a\\`b");
    }
}
