//! A small lexer for stored DDL text: words (bare or quoted), strings, parentheses and commas,
//! each with its exact source text, comments skipped. Reading the source slices back (instead of
//! re-printing tokens) keeps quoted names and strings byte for byte.

/// One lexeme of DDL text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Lexeme<'a> {
    pub kind: Kind,
    /// The exact source text.
    pub text: &'a str,
    /// Byte offset of the text in the source.
    pub start: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A bare word, or a name in `"..."`, `` `...` `` or `[...]`, with its value unquoted.
    Word {
        value: String,
        quoted: bool,
    },
    /// A `'...'` string.
    Str,
    Open,
    Close,
    Comma,
    /// Any other character (operators, `;`).
    Other,
}

impl Lexeme<'_> {
    /// The word's value uppercased if it is a bare word (a keyword candidate), else empty.
    pub fn keyword(&self) -> String {
        match &self.kind {
            Kind::Word {
                value,
                quoted: false,
            } => value.to_uppercase(),
            _ => String::new(),
        }
    }

    /// The name a word or string stands for, unquoted.
    pub fn name(&self) -> String {
        match &self.kind {
            Kind::Word { value, .. } => value.clone(),
            Kind::Str => unquote(self.text, '\''),
            _ => self.text.to_string(),
        }
    }
}

fn unquote(text: &str, quote: char) -> String {
    let inner = &text[1..text.len().saturating_sub(1).max(1)];
    let doubled: String = [quote, quote].iter().collect();
    inner.replace(&doubled, &quote.to_string())
}

/// The lexemes of `sql`, comments and whitespace skipped.
pub(super) fn lex(sql: &str) -> Vec<Lexeme<'_>> {
    let bytes = sql.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let kind = match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = sql[i..].find('\n').map_or(bytes.len(), |n| i + n + 1);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = sql[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
                continue;
            }
            b'\'' | b'"' | b'`' | b'[' => {
                let close = if c == b'[' { b']' } else { c };
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == close {
                        // A doubled quote is an escaped one.
                        if close != b']' && bytes.get(i + 1) == Some(&close) {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                i = (i + 1).min(bytes.len());
                let text = &sql[start..i];
                if c == b'\'' {
                    Kind::Str
                } else {
                    Kind::Word {
                        value: unquote(text, close as char),
                        quoted: true,
                    }
                }
            }
            b'(' => {
                i += 1;
                Kind::Open
            }
            b')' => {
                i += 1;
                Kind::Close
            }
            b',' => {
                i += 1;
                Kind::Comma
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80)
                {
                    i += 1;
                }
                Kind::Word {
                    value: sql[start..i].to_string(),
                    quoted: false,
                }
            }
            _ => {
                i += sql[i..].chars().next().map_or(1, char::len_utf8);
                Kind::Other
            }
        };
        found.push(Lexeme {
            kind,
            text: &sql[start..i],
            start,
        });
    }
    found
}

/// The source text inside the parenthesis opened at `lexemes[at]`, and the index after its
/// closing parenthesis.
pub(super) fn group<'a>(
    sql: &'a str,
    lexemes: &[Lexeme<'a>],
    at: usize,
) -> Option<(&'a str, usize)> {
    if lexemes.get(at)?.kind != Kind::Open {
        return None;
    }
    let mut depth = 0;
    for (i, lexeme) in lexemes.iter().enumerate().skip(at) {
        match lexeme.kind {
            Kind::Open => depth += 1,
            Kind::Close => {
                depth -= 1;
                if depth == 0 {
                    let from = lexemes[at].start + 1;
                    return Some((sql[from..lexeme.start].trim(), i + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// The comma-separated parts of `lexemes` at depth zero.
pub(super) fn top_level_parts<'a>(lexemes: &[Lexeme<'a>]) -> Vec<Vec<Lexeme<'a>>> {
    let mut parts = vec![Vec::new()];
    let mut depth = 0;
    for lexeme in lexemes {
        match lexeme.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth -= 1,
            Kind::Comma if depth == 0 => {
                parts.push(Vec::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = parts.last_mut() {
            last.push(lexeme.clone());
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_comments() {
        let sql = "-- it's a comment\n\"a\"\"b\" 'it''s' [x y] /* ( */ (1, 2)";
        let lexemes = lex(sql);
        assert_eq!(lexemes[0].name(), "a\"b");
        assert_eq!(lexemes[1].name(), "it's");
        assert_eq!(lexemes[2].name(), "x y");
        assert_eq!(group(sql, &lexemes, 3).map(|g| g.0), Some("1, 2"));
    }
}
