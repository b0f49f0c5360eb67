//! `#[derive(Domain)]`: `impl ::schema_core::ColumnType` returning a `SqlType::Domain`.
//!
//! ```ignore
//! #[derive(Domain)]
//! #[domain(name = "email", varchar(320), check = "VALUE LIKE '%_@_%'")]
//! pub struct Email(pub String);
//! ```

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields};

use crate::internals::attr::{TypeOverride, type_override};
use crate::internals::case::snake_case;
use crate::internals::ctxt::Ctxt;
use crate::internals::parse::{Attr, Spanned as At, each_item, span_of, string, unknown_key};
use crate::internals::symbol::{CHECK, DOMAIN, DOMAIN_KEYS, NAME, Symbol, TYPE_KEYS};

const HELP: &str = "#[domain(name = \"email\", varchar(320), check = \"VALUE LIKE '%_@_%'\")]";

/// Expands `#[derive(Domain)]`; on error, the errors plus a minimal impl.
pub fn expand(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let mut name = Attr::none(NAME);
    let mut check = Attr::none(CHECK);
    let mut base: Option<(Symbol, At<TypeOverride>)> = None;
    for attr in input.attrs.iter().filter(|a| a.path() == DOMAIN) {
        each_item(&cx, attr, |meta| {
            if meta.path == NAME {
                name.set(
                    &cx,
                    span_of(meta),
                    string(meta, "name = \"email\"")?.value(),
                );
            } else if meta.path == CHECK {
                check.set(
                    &cx,
                    span_of(meta),
                    string(meta, "check = \"VALUE > 0\"")?.value(),
                );
            } else if let Some(symbol) = TYPE_KEYS.iter().find(|s| meta.path == **s) {
                let value = type_override(&cx, meta, *symbol)?;
                if let Some((earlier, at)) = &base {
                    cx.error_at(
                        span_of(meta),
                        format!("base type `{symbol}` conflicts with `{earlier}`\nhelp: a domain has one base type; keep one"),
                    );
                    cx.error_at(
                        at.span,
                        format!("base type `{earlier}` conflicts with `{symbol}`"),
                    );
                } else {
                    base = Some((
                        *symbol,
                        At {
                            span: span_of(meta),
                            value,
                        },
                    ));
                }
            } else {
                return Err(unknown_key(meta, "#[domain(...)]", DOMAIN_KEYS));
            }
            Ok(())
        });
    }
    // A newtype: the base type defaults to its one field's type.
    let field = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => fields.unnamed.first(),
            _ => None,
        },
        _ => None,
    };
    if field.is_none() {
        cx.error_spanned_by(
            &input.ident,
            "`#[derive(Domain)]` needs a newtype struct with one field, e.g. `pub struct Email(pub String);`",
        );
    }
    let check = check.get();
    if check.is_none() && cx.error_count() == 0 {
        cx.error_spanned_by(
            &input.ident,
            format!("`#[derive(Domain)]` needs the domain's check\nhelp: write it as `{HELP}`"),
        );
    }
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    match cx.check() {
        Ok(()) => {
            let name = name
                .get()
                .map_or_else(|| snake_case(&ident.unraw().to_string()), |n| n.value);
            let check = check.map(|c| c.value).unwrap_or_default();
            let base = match (&base, field) {
                (Some((_, spanned)), _) => super::table::type_override(&spanned.value),
                (None, Some(field)) => {
                    let ty = &field.ty;
                    quote_spanned!(ty.span()=> <#ty as ::schema_core::ColumnType>::sql_type())
                }
                (None, None) => unreachable!("reported above"),
            };
            quote! {
                #[automatically_derived]
                impl #impl_generics ::schema_core::ColumnType for #ident #ty_generics #where_clause {
                    fn sql_type() -> ::schema_core::SqlType {
                        ::schema_core::SqlType::Domain(::schema_core::DomainType::new(#name, #base, #check))
                    }
                }
            }
        }
        Err(errors) => {
            let errors = errors.to_compile_error();
            quote! {
                #[automatically_derived]
                impl #impl_generics ::schema_core::ColumnType for #ident #ty_generics #where_clause {
                    fn sql_type() -> ::schema_core::SqlType {
                        ::core::unreachable!("#[derive(Domain)] reported errors at compile time")
                    }
                }
                #errors
            }
        }
    }
}
