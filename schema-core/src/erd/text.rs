//! Escaping shared by the renderers: every name and comment goes through one of these.

/// Control characters (newlines included) become spaces, runs of whitespace one space; the
/// result is trimmed. Every format can hold what is left once its own quotes are escaped.
pub(crate) fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` reduced to `[A-Za-z0-9_]`, starting with a letter or `_`; when that changed
/// anything, a hash of the original is appended so distinct names stay distinct.
pub(crate) fn identifier(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let starts_well = plain
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if plain == text && starts_well {
        plain
    } else {
        format!("_{plain}_{:08x}", fnv1a(text.as_bytes()))
    }
}

/// XML/HTML text and attribute escaping (also for Graphviz HTML-like labels).
///
/// ```
/// assert_eq!(schema_core::erd::escape_html("a<b & \"c\"\n"), "a&lt;b &amp; &quot;c&quot; ");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// 32-bit FNV-1a, stable across platforms.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_stay_distinct_and_valid() {
        assert_eq!(identifier("invoices"), "invoices");
        let a = identifier("a b");
        let b = identifier("a_b");
        assert_ne!(a, b);
        assert!(identifier("1st").starts_with('_'));
        assert!(identifier("").starts_with('_'));
        assert!(
            identifier("é\"\n")
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        );
    }

    #[test]
    fn one_line_removes_controls() {
        assert_eq!(one_line(" a\n\tb\u{0}c "), "a b c");
    }
}
