//! Small parsers for attribute values, shared by the container, field and enum attributes.
//!
//! Each returns `syn::Result`; the caller records a failure in the [`Ctxt`] and skips to the next
//! key, so one malformed value never hides the errors after it. Every message names the key and
//! ends with the form to write instead.

use proc_macro2::{Span, TokenTree};
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Attribute, Ident, LitInt, LitStr, Token, token};

use super::ctxt::Ctxt;
use super::symbol::{RAW_KEYS, Symbol};

/// A value together with where it was written.
#[derive(Clone)]
pub struct Spanned<T> {
    pub span: Span,
    pub value: T,
}

/// One attribute key that may be given at most once.
pub struct Attr<T> {
    name: Symbol,
    value: Option<Spanned<T>>,
}

impl<T> Attr<T> {
    pub fn none(name: Symbol) -> Self {
        Attr { name, value: None }
    }

    /// Sets the value; a second occurrence is a "duplicate attribute" error at its span.
    pub fn set(&mut self, cx: &Ctxt, span: Span, value: T) {
        if self.value.is_some() {
            cx.error_at(
                span,
                format!("duplicate attribute `{}`\nhelp: give it once", self.name),
            );
        } else {
            self.value = Some(Spanned { span, value });
        }
    }

    pub fn get(self) -> Option<Spanned<T>> {
        self.value
    }
}

/// Runs `parse` on every `key ...` item of `#[attr(...)]`, recording errors and carrying on.
pub fn each_item(
    cx: &Ctxt,
    attr: &Attribute,
    mut parse: impl FnMut(&ParseNestedMeta) -> syn::Result<()>,
) {
    let result = attr.parse_nested_meta(|meta| {
        if let Err(error) = parse(&meta) {
            cx.syn_error(error);
            skip_to_comma(meta.input)?;
        }
        Ok(())
    });
    if let Err(error) = result {
        cx.syn_error(error);
    }
}

/// Like [`each_item`], for the list inside `key(...)`.
pub fn each_nested(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    mut parse: impl FnMut(&ParseNestedMeta) -> syn::Result<()>,
) -> syn::Result<()> {
    // `key()`: nothing to parse; the caller reports what is missing.
    let fork = meta.input.fork();
    if let Ok(group) = fork.parse::<proc_macro2::Group>()
        && group.delimiter() == proc_macro2::Delimiter::Parenthesis
        && group.stream().is_empty()
    {
        meta.input.parse::<proc_macro2::Group>()?;
        return Ok(());
    }
    meta.parse_nested_meta(|inner| {
        if let Err(error) = parse(&inner) {
            cx.syn_error(error);
            skip_to_comma(inner.input)?;
        }
        Ok(())
    })
}

/// Skips the rest of a malformed item, up to (not including) the next top-level comma.
fn skip_to_comma(input: ParseStream) -> syn::Result<()> {
    input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            if matches!(&tree, TokenTree::Punct(p) if p.as_char() == ',') {
                return Ok(((), rest));
            }
            rest = next;
        }
        Ok(((), rest))
    })
}

/// The key of an item as written, e.g. `primary_key`.
pub fn key(meta: &ParseNestedMeta) -> String {
    meta.path
        .segments
        .iter()
        .map(|segment| segment.ident.unraw().to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// Whether the item has a value (`= ...` or `(...)`), as opposed to a bare word.
pub fn has_value(meta: &ParseNestedMeta) -> bool {
    meta.input.peek(Token![=]) || meta.input.peek(token::Paren)
}

/// The closest of `candidates` to `unknown`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(unknown, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// "unknown attribute `x`", with the nearest valid key and the list of valid keys.
pub fn unknown_key(meta: &ParseNestedMeta, place: &str, valid: &[Symbol]) -> syn::Error {
    let key = key(meta);
    let mut message = format!("unknown attribute `{key}` in `{place}`");
    if let Some(suggestion) = did_you_mean(&key, valid.iter().map(|symbol| symbol.0)) {
        message.push_str(&format!("\nhelp: did you mean `{suggestion}`?"));
    }
    message.push_str(&format!("\nnote: `{place}` accepts {}", list(valid)));
    syn::Error::new_spanned(&meta.path, message)
}

/// `a`, `b` and `c`.
pub fn list(symbols: &[Symbol]) -> String {
    let quoted: Vec<String> = symbols.iter().map(|s| format!("`{s}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// A bare word: `unique`. `help` is the correct form, e.g. `#[column(unique)]`.
pub fn flag(meta: &ParseNestedMeta, help: &str) -> syn::Result<Span> {
    if has_value(meta) {
        return Err(meta.error(format!(
            "`{}` takes no value\nhelp: write it as `{help}`",
            key(meta)
        )));
    }
    Ok(span_of(meta))
}

/// The span of the item's key.
pub fn span_of(meta: &ParseNestedMeta) -> Span {
    meta.path
        .segments
        .last()
        .map_or_else(Span::call_site, |segment| segment.ident.span())
}

/// Consumes the `=` of `key = value`, or explains the form.
pub fn equals(meta: &ParseNestedMeta, help: &str) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
        Ok(())
    } else {
        Err(meta.error(format!(
            "`{}` needs a value\nhelp: write it as `{help}`",
            key(meta)
        )))
    }
}

/// The next token, for a "this is not the expected kind of value" error.
fn unexpected(input: ParseStream, message: String) -> syn::Error {
    match input.parse::<TokenTree>() {
        Ok(tree) => syn::Error::new_spanned(tree, message),
        Err(_) => input.error(message),
    }
}

/// `key = "string"`.
pub fn string(meta: &ParseNestedMeta, help: &str) -> syn::Result<LitStr> {
    equals(meta, help)?;
    if meta.input.peek(LitStr) {
        return meta.input.parse();
    }
    Err(unexpected(
        meta.input,
        format!(
            "`{}` takes a string literal\nhelp: write it as `{help}`",
            key(meta)
        ),
    ))
}

/// `key = word`, returning the word (raw prefix removed).
pub fn word(meta: &ParseNestedMeta, help: &str) -> syn::Result<Ident> {
    equals(meta, help)?;
    if meta.input.peek(LitStr) {
        let lit: LitStr = meta.input.parse()?;
        return Err(syn::Error::new_spanned(
            &lit,
            format!(
                "`{}` takes a bare word, not a string\nhelp: write it without quotes: `{} = {}`",
                key(meta),
                key(meta),
                lit.value()
            ),
        ));
    }
    if meta.input.peek(Ident::peek_any) {
        return meta.input.call(Ident::parse_any);
    }
    Err(unexpected(
        meta.input,
        format!("`{}` takes a word\nhelp: write it as `{help}`", key(meta)),
    ))
}

/// `key(a, b, c)`: a non-empty list of field idents.
pub fn fields(meta: &ParseNestedMeta, help: &str) -> syn::Result<Vec<Ident>> {
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`{}` takes a list of fields\nhelp: write it as `{help}`",
            key(meta)
        )));
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let mut idents = Vec::new();
    let mut errors: Option<syn::Error> = None;
    let mut add = |error: syn::Error| match &mut errors {
        Some(errors) => errors.combine(error),
        None => errors = Some(error),
    };
    while !content.is_empty() {
        if content.peek(LitStr) {
            let lit: LitStr = content.parse()?;
            add(syn::Error::new_spanned(
                &lit,
                format!(
                    "fields are named by their Rust identifier, not a string\nhelp: write `{}` without quotes",
                    lit.value()
                ),
            ));
        } else if content.peek(Ident::peek_any) {
            idents.push(content.call(Ident::parse_any)?);
        } else {
            add(unexpected(
                &content,
                format!("expected a field name\nhelp: write it as `{help}`"),
            ));
            content.parse::<proc_macro2::TokenStream>()?;
            break;
        }
        if content.is_empty() {
            break;
        }
        if let Err(error) = content.parse::<Token![,]>() {
            add(error);
            content.parse::<proc_macro2::TokenStream>()?;
            break;
        }
    }
    if let Some(errors) = errors {
        return Err(errors);
    }
    if idents.is_empty() {
        return Err(meta.error(format!(
            "`{}` lists no fields\nhelp: write it as `{help}`",
            key(meta)
        )));
    }
    Ok(idents)
}

/// `(n)` or `(p, s)`: integers in parentheses.
pub fn parenthesized_ints(meta: &ParseNestedMeta, help: &str) -> syn::Result<Vec<LitInt>> {
    let content;
    syn::parenthesized!(content in meta.input);
    let mut ints = Vec::new();
    while !content.is_empty() {
        if !content.peek(LitInt) {
            let error = unexpected(
                &content,
                format!("`{}` takes integers\nhelp: write it as `{help}`", key(meta)),
            );
            content.parse::<proc_macro2::TokenStream>()?;
            return Err(error);
        }
        ints.push(content.parse()?);
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(ints)
}

/// `key(postgres = "...", mysql = "...", sqlite = "...")`: one non-empty string per engine, at
/// least one engine, each at most once. `noun` names the strings in messages ("type",
/// "collation"); `missing_parens` says what the key is for when written without a list.
pub fn per_engine_strings(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    noun: &str,
    missing_parens: &str,
    help: &str,
) -> syn::Result<Vec<(Symbol, String)>> {
    let key = meta
        .path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default();
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`{key}` {missing_parens}\nhelp: write it as `{help}` (any of the engines, at least one)"
        )));
    }
    let mut found: Vec<(Symbol, String)> = Vec::new();
    let errors_before = cx.error_count();
    each_nested(cx, meta, |inner| {
        let Some(engine) = RAW_KEYS.iter().find(|e| inner.path == **e) else {
            return Err(unknown_key(inner, &format!("{key}(...)"), RAW_KEYS));
        };
        let lit = string(inner, &format!("{engine} = \"...\""))?;
        if found.iter().any(|(e, _)| e == engine) {
            cx.error_spanned_by(
                &inner.path,
                format!("duplicate attribute `{engine}`\nhelp: give it once"),
            );
        } else if lit.value().trim().is_empty() {
            cx.error_spanned_by(
                &lit,
                format!("the {engine} {noun} is empty\nhelp: write it as `{help}`"),
            );
        } else {
            found.push((*engine, lit.value()));
        }
        Ok(())
    })?;
    if found.is_empty() && cx.error_count() == errors_before {
        return Err(meta.error(format!(
            "`{key}` names no engine\nhelp: write it as `{help}` (any of {}, at least one)",
            list(RAW_KEYS)
        )));
    }
    Ok(found)
}
