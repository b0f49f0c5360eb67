//! Typed parsing of the design-advisor attributes: `allow(S101, reason = "...")` on a table or
//! column, and `fd(zip -> city, state)` on a table.
//!
//! Only the shape is checked here: whether `S101` names a rule is known to the advisor's catalog
//! in schema-core, which the derive cannot see, so the advisor reports unknown codes at build
//! time (with a did-you-mean).

use proc_macro2::TokenTree;
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Ident, LitStr, Token, token};

use super::parse::{Spanned, key, span_of};
use super::symbol::{ALLOW_KEYS, REASON};

/// `allow(S101, S102, reason = "...")`: one suppression per code, all with the same reason.
pub struct AllowAttr {
    pub codes: Vec<Ident>,
    pub reason: String,
}

/// `fd(a, b -> c, d)`: a declared functional dependency.
pub struct FdAttr {
    pub from: Vec<Ident>,
    pub to: Vec<Ident>,
}

const ALLOW_HELP: &str = "allow(S101, reason = \"why the rule does not apply here\")";
const FD_HELP: &str = "fd(zip -> city, state)";

/// The error for the next token, or for the end of the input.
fn at_next(input: ParseStream, message: String) -> syn::Error {
    match input.fork().parse::<TokenTree>() {
        Ok(tree) => syn::Error::new_spanned(tree, message),
        Err(_) => input.error(message),
    }
}

/// Skips everything left in `input`, so one bad token reports one error.
fn skip_rest(input: ParseStream) -> syn::Result<()> {
    input.parse::<proc_macro2::TokenStream>().map(|_| ())
}

/// Whether `code` has the shape of a rule code: one upper-case ASCII letter and three digits.
fn is_code_shaped(code: &str) -> bool {
    let bytes = code.as_bytes();
    bytes.len() == 4 && bytes[0].is_ascii_uppercase() && bytes[1..].iter().all(u8::is_ascii_digit)
}

/// Parses `allow(...)`.
pub fn parse_allow(meta: &ParseNestedMeta) -> syn::Result<AllowAttr> {
    let place = key(meta);
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`{place}` lists rule codes and a reason\nhelp: write it as `{ALLOW_HELP}`"
        )));
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let items = allow_items(&content);
    if items.is_err() {
        skip_rest(&content)?;
    }
    let (codes, reason) = items?;
    if codes.is_empty() {
        return Err(syn::Error::new(
            span_of(meta),
            format!("`{place}` names no rule code\nhelp: write it as `{ALLOW_HELP}`"),
        ));
    }
    let Some(reason) = reason else {
        return Err(syn::Error::new(
            span_of(meta),
            format!(
                "`{place}` needs a reason: a suppression without one cannot be reviewed\nhelp: write it as `{ALLOW_HELP}`"
            ),
        ));
    };
    Ok(AllowAttr {
        codes,
        reason: reason.value,
    })
}

/// The codes and the reason inside `allow(...)`.
fn allow_items(content: ParseStream) -> syn::Result<(Vec<Ident>, Option<Spanned<String>>)> {
    let mut codes = Vec::new();
    let mut reason: Option<Spanned<String>> = None;
    while !content.is_empty() {
        if content.peek(LitStr) {
            let lit: LitStr = content.parse()?;
            let error = syn::Error::new_spanned(
                &lit,
                format!(
                    "rule codes are bare words, not strings\nhelp: write `{}` without quotes: `{ALLOW_HELP}`",
                    lit.value()
                ),
            );
            return Err(error);
        }
        if !content.peek(Ident::peek_any) {
            let error = at_next(
                content,
                format!("expected a rule code such as `S101`\nhelp: write it as `{ALLOW_HELP}`"),
            );
            return Err(error);
        }
        let word = content.call(Ident::parse_any)?;
        if content.peek(Token![=]) {
            content.parse::<Token![=]>()?;
            if word != REASON {
                let error = syn::Error::new_spanned(
                    &word,
                    format!(
                        "unknown attribute `{word}` in `allow(...)`\nnote: `allow(...)` takes rule codes and {}\nhelp: write it as `{ALLOW_HELP}`",
                        super::parse::list(ALLOW_KEYS)
                    ),
                );
                return Err(error);
            }
            if !content.peek(LitStr) {
                let error = at_next(
                    content,
                    format!("`reason` takes a string literal\nhelp: write it as `{ALLOW_HELP}`"),
                );
                return Err(error);
            }
            let lit: LitStr = content.parse()?;
            if lit.value().trim().is_empty() {
                return Err(syn::Error::new_spanned(
                    &lit,
                    format!(
                        "the reason is empty\nhelp: say why the rule does not apply here: `{ALLOW_HELP}`"
                    ),
                ));
            }
            if reason.is_some() {
                return Err(syn::Error::new_spanned(
                    &word,
                    "duplicate attribute `reason`\nhelp: give it once",
                ));
            }
            reason = Some(Spanned {
                span: word.span(),
                value: lit.value(),
            });
        } else if content.peek(token::Paren) {
            let error = syn::Error::new_spanned(
                &word,
                format!("`{word}` takes no parentheses here\nhelp: write it as `{ALLOW_HELP}`"),
            );
            return Err(error);
        } else if is_code_shaped(&word.unraw().to_string()) {
            codes.push(word);
        } else {
            let error = syn::Error::new_spanned(
                &word,
                format!(
                    "`{word}` is not a rule code: codes are a capital letter and three digits, like `S101`\nhelp: write it as `{ALLOW_HELP}`; docs/ADVISOR.md lists every rule"
                ),
            );
            return Err(error);
        }
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok((codes, reason))
}

/// Field names separated by commas, up to `->` or the end.
fn field_list(input: ParseStream, stop_at_arrow: bool) -> syn::Result<Vec<Ident>> {
    let mut idents = Vec::new();
    let at_end = |input: ParseStream| input.is_empty() || (stop_at_arrow && input.peek(Token![->]));
    while !at_end(input) {
        if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            return Err(syn::Error::new_spanned(
                &lit,
                format!(
                    "fields are named by their Rust identifier, not a string\nhelp: write `{}` without quotes",
                    lit.value()
                ),
            ));
        }
        if !input.peek(Ident::peek_any) {
            return Err(at_next(
                input,
                format!("expected a field name\nhelp: write it as `{FD_HELP}`"),
            ));
        }
        idents.push(input.call(Ident::parse_any)?);
        if at_end(input) {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(idents)
}

/// Parses `fd(a, b -> c, d)`.
pub fn parse_fd(meta: &ParseNestedMeta) -> syn::Result<FdAttr> {
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`fd` declares a functional dependency in parentheses\nhelp: write it as `{FD_HELP}`"
        )));
    }
    let fd_span = span_of(meta);
    let content;
    syn::parenthesized!(content in meta.input);
    let result = (|| {
        let from = field_list(&content, true)?;
        if !content.peek(Token![->]) {
            let message = format!(
                "`fd` needs `->` between the determining and the determined fields\nhelp: write it as `{FD_HELP}`"
            );
            return Err(if content.is_empty() {
                syn::Error::new(fd_span, message)
            } else {
                at_next(&content, message)
            });
        }
        let arrow = content.parse::<Token![->]>()?;
        let to = field_list(&content, false)?;
        if from.is_empty() {
            return Err(syn::Error::new_spanned(
                arrow,
                format!(
                    "`fd` has no fields before `->`\nhelp: name the fields that determine the others: `{FD_HELP}`"
                ),
            ));
        }
        if to.is_empty() {
            return Err(syn::Error::new_spanned(
                arrow,
                format!(
                    "`fd` has no fields after `->`\nhelp: name the fields that are determined: `{FD_HELP}`"
                ),
            ));
        }
        Ok(FdAttr { from, to })
    })();
    if result.is_err() {
        skip_rest(&content)?;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::is_code_shaped;

    #[test]
    fn code_shape() {
        assert!(is_code_shaped("S101"));
        assert!(!is_code_shaped("s101"));
        assert!(!is_code_shaped("S10"));
        assert!(!is_code_shaped("reason"));
    }
}
