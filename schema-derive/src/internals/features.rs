//! Parsing of the index, exclusion, generated-column, collation and foreign-key options:
//! `index(columns(a desc nulls_last, b(20)), method = gin, opclass = jsonb_path_ops,
//! expr = "lower(email)", include(c), nulls_not_distinct, engines(postgres))`,
//! `exclude(using = gist, elements((room_id, "="), (during, "&&")), where = "...")`,
//! `collation(postgres = "C", ...)`, `deferrable = initially_deferred`.
//!
//! Like `attr.rs`, every function returns `syn::Result` and the caller records the error and
//! carries on; messages name the key and end with the form to write.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::{Ident, LitInt, LitStr, Token, token};

use super::ctxt::Ctxt;
use super::parse::{
    Attr, Spanned, did_you_mean, each_nested, key, list, per_engine_strings, span_of, string,
    unknown_key, word,
};
use super::symbol::*;

/// The index methods `method = ...` accepts, as `schema_core::IndexMethod` keys.
pub const METHODS: &[&str] = &["btree", "hash", "gin", "gist", "brin", "spgist", "fulltext"];

/// One key column of `index(columns(...))`.
pub struct KeyPartAttr {
    pub ident: Ident,
    /// `title(20)`: a prefix length.
    pub prefix: Option<u32>,
    /// `asc` or `desc`.
    pub order: Option<Symbol>,
    /// `nulls_first` or `nulls_last`.
    pub nulls: Option<Symbol>,
}

impl KeyPartAttr {
    /// Whether any option is set.
    pub fn has_options(&self) -> bool {
        self.prefix.is_some() || self.order.is_some() || self.nulls.is_some()
    }
}

/// `columns(a desc nulls_last, b(20), c)`.
pub fn index_columns(meta: &ParseNestedMeta, help: &str) -> syn::Result<Vec<KeyPartAttr>> {
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`{}` takes a list of fields\nhelp: write it as `{help}`",
            key(meta)
        )));
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let mut parts = Vec::new();
    while !content.is_empty() {
        if content.peek(LitStr) {
            let lit: LitStr = content.parse()?;
            return Err(syn::Error::new_spanned(
                &lit,
                format!(
                    "fields are named by their Rust identifier, not a string\nhelp: write `{}` without quotes, or index an SQL expression with `expr = \"...\"`",
                    lit.value()
                ),
            ));
        }
        let ident = content.call(Ident::parse_any).map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("expected a field name\nhelp: write it as `{help}`"),
            )
        })?;
        let mut part = KeyPartAttr {
            ident,
            prefix: None,
            order: None,
            nulls: None,
        };
        if content.peek(token::Paren) {
            let inner;
            syn::parenthesized!(inner in content);
            let length: LitInt = inner.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "a prefix length is an integer\nhelp: write it as `columns(title(20))`",
                )
            })?;
            match length.base10_parse::<u32>() {
                Ok(n) if n >= 1 => part.prefix = Some(n),
                _ => {
                    return Err(syn::Error::new_spanned(
                        &length,
                        "the prefix length must be at least 1\nhelp: write it as `columns(title(20))`",
                    ));
                }
            }
        }
        while content.peek(Ident::peek_any) {
            let option = content.call(Ident::parse_any)?;
            let Some(symbol) = KEY_PART_OPTIONS.iter().find(|s| option == **s) else {
                let mut message = format!("unknown key-part option `{option}`");
                if let Some(s) =
                    did_you_mean(&option.to_string(), KEY_PART_OPTIONS.iter().map(|s| s.0))
                {
                    message.push_str(&format!("\nhelp: did you mean `{s}`?"));
                }
                message.push_str(&format!(
                    "\nnote: a key column takes {}; separate columns with commas: `columns(a desc nulls_last, b)`",
                    list(KEY_PART_OPTIONS)
                ));
                return Err(syn::Error::new_spanned(&option, message));
            };
            let slot = if *symbol == ASC || *symbol == DESC {
                &mut part.order
            } else {
                &mut part.nulls
            };
            if let Some(earlier) = slot {
                return Err(syn::Error::new_spanned(
                    &option,
                    format!(
                        "`{option}` conflicts with `{earlier}` on the same column\nhelp: keep one"
                    ),
                ));
            }
            *slot = Some(*symbol);
        }
        parts.push(part);
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>().map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("expected `,` or a key-part option\nhelp: write it as `{help}`"),
            )
        })?;
    }
    if parts.is_empty() {
        return Err(meta.error(format!(
            "`{}` lists no fields\nhelp: write it as `{help}`",
            key(meta)
        )));
    }
    Ok(parts)
}

/// `method = gin` (also `using = gist` in `exclude`): one of [`METHODS`].
pub fn method(meta: &ParseNestedMeta, help: &str) -> syn::Result<Spanned<&'static str>> {
    let word = word(meta, help)?;
    let text = word.to_string();
    match METHODS.iter().find(|m| **m == text) {
        Some(method) => Ok(Spanned {
            span: word.span(),
            value: method,
        }),
        None => {
            let mut message = format!("unknown index method `{text}`");
            if let Some(s) = did_you_mean(&text.to_lowercase(), METHODS.iter().copied()) {
                message.push_str(&format!("\nhelp: did you mean `{s}`?"));
            }
            message.push_str(&format!(
                "\nnote: the methods are {}",
                METHODS
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            Err(syn::Error::new_spanned(&word, message))
        }
    }
}

/// `engines(postgres, mysql)`: the engines an index or constraint is created on.
pub fn engines(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Vec<Symbol>> {
    let help = "engines(postgres)` (any of `postgres`, `mysql`, `sqlite`";
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`engines` lists engines\nhelp: write it as `{help})"
        )));
    }
    let mut found: Vec<Symbol> = Vec::new();
    let errors_before = cx.error_count();
    each_nested(cx, meta, |inner| {
        let Some(engine) = RAW_KEYS.iter().find(|e| inner.path == **e) else {
            return Err(unknown_key(inner, "engines(...)", RAW_KEYS));
        };
        if super::parse::has_value(inner) {
            return Err(inner.error(format!(
                "`{engine}` takes no value here\nhelp: write it as `{help})"
            )));
        }
        if found.contains(engine) {
            cx.error_spanned_by(
                &inner.path,
                format!("`{engine}` is listed twice\nhelp: list it once"),
            );
        } else {
            found.push(*engine);
        }
        Ok(())
    })?;
    if found.is_empty() && cx.error_count() == errors_before {
        return Err(meta.error(format!(
            "`engines` names no engine\nhelp: write it as `{help})"
        )));
    }
    Ok(found)
}

/// `deferrable = initially_deferred | initially_immediate`.
pub fn deferrable(meta: &ParseNestedMeta, help: &str) -> syn::Result<Spanned<Symbol>> {
    let word = word(meta, help)?;
    match DEFERRABLE_VALUES.iter().find(|v| word == **v) {
        Some(value) => Ok(Spanned {
            span: span_of(meta),
            value: *value,
        }),
        None => {
            let mut message = format!("unknown `deferrable` value `{word}`");
            if let Some(s) = did_you_mean(&word.to_string(), DEFERRABLE_VALUES.iter().map(|v| v.0))
            {
                message.push_str(&format!("\nhelp: did you mean `{s}`?"));
            }
            message.push_str(&format!("\nhelp: write it as `{help}`"));
            Err(syn::Error::new_spanned(&word, message))
        }
    }
}

/// `collation(postgres = "C", mysql = "utf8mb4_general_ci", sqlite = "NOCASE")`.
pub fn collation(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Vec<(Symbol, String)>> {
    let help = "#[column(collation(postgres = \"und-x-icu\", mysql = \"utf8mb4_general_ci\", sqlite = \"NOCASE\"))]";
    per_engine_strings(
        cx,
        meta,
        "collation",
        "names a collation per engine, since the names differ",
        help,
    )
}

/// An exclusion element's target: a field, or an SQL expression.
pub enum ElementTarget {
    Field(Ident),
    Sql(String),
}

/// `exclude(...)` on the table.
pub struct ExcludeAttr {
    pub name: Option<String>,
    pub using: &'static str,
    pub elements: Vec<(ElementTarget, String)>,
    pub predicate: Option<String>,
    pub engines: Vec<Symbol>,
}

/// `exclude(using = gist, elements((room_id, "="), (during, "&&")), where = "...")`.
pub fn parse_exclude(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<ExcludeAttr> {
    let help = "exclude(using = gist, elements((room_id, \"=\"), (during, \"&&\")))";
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`exclude` on the table needs its parts in parentheses\nhelp: write it as `{help}`"
        )));
    }
    let mut name = Attr::none(NAME);
    let mut using = Attr::none(USING);
    let mut elements = Attr::none(ELEMENTS);
    let mut predicate = Attr::none(WHERE);
    let mut engines_attr = Attr::none(ENGINES);
    let errors_before = cx.error_count();
    each_nested(cx, meta, |inner| {
        if inner.path == NAME {
            let lit = string(inner, "name = \"bookings_no_overlap\"")?;
            name.set(cx, span_of(inner), lit.value());
        } else if inner.path == USING {
            let m = method(inner, "using = gist")?;
            using.set(cx, m.span, m.value);
        } else if inner.path == ELEMENTS {
            let list = exclusion_elements(inner, help)?;
            elements.set(cx, span_of(inner), list);
        } else if inner.path == WHERE {
            let lit = string(inner, "where = \"NOT cancelled\"")?;
            predicate.set(cx, span_of(inner), lit.value());
        } else if inner.path == ENGINES {
            let list = engines(cx, inner)?;
            engines_attr.set(cx, span_of(inner), list);
        } else {
            return Err(unknown_key(inner, "exclude(...)", EXCLUDE_KEYS));
        }
        Ok(())
    })?;
    let elements = elements.get().map(|s| s.value);
    if elements.is_none() && cx.error_count() == errors_before {
        cx.error_spanned_by(
            &meta.path,
            format!("`exclude` is missing `elements(...)`\nhelp: write it as `{help}`"),
        );
    }
    Ok(ExcludeAttr {
        name: name.get().map(|s| s.value),
        // GiST is what range and btree_gist exclusions use.
        using: using.get().map_or("gist", |s| s.value),
        elements: elements.unwrap_or_default(),
        predicate: predicate.get().map(|s| s.value),
        engines: engines_attr.get().map(|s| s.value).unwrap_or_default(),
    })
}

/// `elements((field, "op"), ("expr", "op"))`.
fn exclusion_elements(
    meta: &ParseNestedMeta,
    help: &str,
) -> syn::Result<Vec<(ElementTarget, String)>> {
    let wrong = |span: Span| {
        syn::Error::new(
            span,
            format!(
                "each element is `(field, \"operator\")` or `(\"sql expression\", \"operator\")`\nhelp: write it as `{help}`"
            ),
        )
    };
    if !meta.input.peek(token::Paren) {
        return Err(wrong(span_of(meta)));
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let result = elements_in(&content, &wrong);
    if result.is_err() {
        // Consume the rest, so only this error is reported.
        content.parse::<proc_macro2::TokenStream>()?;
    }
    let elements = result?;
    if elements.is_empty() {
        return Err(wrong(span_of(meta)));
    }
    Ok(elements)
}

fn elements_in(
    content: syn::parse::ParseStream,
    wrong: &dyn Fn(Span) -> syn::Error,
) -> syn::Result<Vec<(ElementTarget, String)>> {
    let mut elements = Vec::new();
    while !content.is_empty() {
        if !content.peek(token::Paren) {
            return Err(wrong(content.span()));
        }
        let pair;
        syn::parenthesized!(pair in content);
        let target = if pair.peek(LitStr) {
            ElementTarget::Sql(pair.parse::<LitStr>()?.value())
        } else if pair.peek(Ident::peek_any) {
            ElementTarget::Field(pair.call(Ident::parse_any)?)
        } else {
            return Err(wrong(pair.span()));
        };
        pair.parse::<Token![,]>().map_err(|e| wrong(e.span()))?;
        let operator: LitStr = pair.parse().map_err(|e| wrong(e.span()))?;
        if !pair.is_empty() {
            return Err(wrong(pair.span()));
        }
        elements.push((target, operator.value()));
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(elements)
}
