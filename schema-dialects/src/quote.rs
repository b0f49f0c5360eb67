//! Quoting identifiers and string literals.
//!
//! Every identifier is quoted, so names that are keywords or mixed case keep their exact
//! spelling; the quote character is doubled inside. String literals double `'`; on engines where a
//! backslash starts an escape (MySQL's default `sql_mode`) it is doubled too. We do not use
//! sea-query's escaping: it writes PostgreSQL strings as `E'...'` with backslash escapes and leaves
//! `Cow::Borrowed` identifiers and foreign key names unescaped.

use crate::Dialect;

/// `name` quoted for `dialect`.
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::{dialect, quote};
/// assert_eq!(quote::identifier(dialect(Engine::Postgres), "say \"hi\""), "\"say \"\"hi\"\"\"");
/// assert_eq!(quote::identifier(dialect(Engine::MySql), "a`b"), "`a``b`");
/// ```
pub fn identifier<D: Dialect + ?Sized>(dialect: &D, name: &str) -> String {
    let q = dialect.identifier_quote();
    let mut out = String::with_capacity(name.len() + 2);
    out.push(q);
    // Copied in runs between quote characters (most names have none), each quote doubled.
    let mut rest = name;
    while let Some(at) = rest.find(q) {
        let end = at + q.len_utf8();
        out.push_str(&rest[..end]);
        out.push(q);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.push(q);
    out
}

/// A comma-separated list of quoted identifiers.
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::{dialect, quote};
/// assert_eq!(quote::identifiers(dialect(Engine::Sqlite), &["a".into(), "b".into()]), "\"a\", \"b\"");
/// ```
pub fn identifiers<D: Dialect + ?Sized>(dialect: &D, names: &[String]) -> String {
    names
        .iter()
        .map(|name| identifier(dialect, name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `value` as a string literal for `dialect`.
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::{dialect, quote};
/// assert_eq!(quote::string(dialect(Engine::Postgres), r"it's C:\"), r"'it''s C:\'");
/// assert_eq!(quote::string(dialect(Engine::MySql), r"it's C:\"), r"'it''s C:\\'");
/// ```
pub fn string<D: Dialect + ?Sized>(dialect: &D, value: &str) -> String {
    let backslash = dialect.backslash_escapes();
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        match c {
            '\'' => out.push_str("''"),
            '\\' if backslash => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Lower-case hexadecimal digits of `bytes`.
///
/// ```
/// assert_eq!(schema_dialects::quote::hex(&[0, 0xff]), "00ff");
/// ```
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialect;
    use schema_core::Engine;

    #[test]
    fn identifiers_double_their_quote_character_only() {
        let pg = dialect(Engine::Postgres);
        let my = dialect(Engine::MySql);
        let lite = dialect(Engine::Sqlite);
        assert_eq!(identifier(pg, "Order"), "\"Order\"");
        assert_eq!(identifier(pg, "a`b"), "\"a`b\"");
        assert_eq!(identifier(my, "a\"b"), "`a\"b`");
        assert_eq!(identifier(my, "``"), "``````");
        assert_eq!(identifier(lite, "x\"\"y"), "\"x\"\"\"\"y\"");
        assert_eq!(identifier(lite, "naïve"), "\"naïve\"");
    }

    #[test]
    fn strings_double_quotes_and_backslashes_where_needed() {
        for engine in [Engine::Postgres, Engine::Sqlite] {
            assert_eq!(string(dialect(engine), "a'b\\n"), "'a''b\\n'");
        }
        assert_eq!(string(dialect(Engine::MySql), "a'b\\n"), "'a''b\\\\n'");
        assert_eq!(
            string(dialect(Engine::MySql), "line\nbreak"),
            "'line\nbreak'"
        );
        assert_eq!(string(dialect(Engine::Postgres), ""), "''");
    }
}
