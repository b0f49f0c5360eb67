//! `#[derive(View)]`: `impl ::schema_core::ViewDef` from a struct whose fields are the view's
//! output columns.
//!
//! ```ignore
//! /// Invoices not paid yet.
//! #[derive(View)]
//! #[view(name = "open_invoices", sql = "SELECT id, tenant_id FROM invoices WHERE paid_at IS NULL")]
//! pub struct OpenInvoice {
//!     pub id: i64,
//!     pub tenant_id: i64,
//! }
//! ```

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Ident, LitBool};

use crate::internals::ast::option_inner;
use crate::internals::attr::docs;
use crate::internals::case::snake_case;
use crate::internals::ctxt::Ctxt;
use crate::internals::parse::{
    Attr, did_you_mean, each_item, equals, fields, flag, per_engine_strings, span_of, string,
    unknown_key,
};
use crate::internals::symbol::{
    COLUMN, COMMENT, ENGINE_SQL, MATERIALIZED, MYSQL, NAME, POSTGRES, SECURITY_INVOKER, SQL_KEY,
    Symbol, TABLE, UNIQUE, VIEW, VIEW_FIELD_KEYS, VIEW_KEYS,
};

const HELP: &str =
    "#[view(name = \"open_invoices\", sql = \"SELECT id FROM invoices WHERE paid_at IS NULL\")]";

/// One output column.
struct ViewField<'a> {
    ident: &'a Ident,
    column: String,
    comment: Option<String>,
    ty: &'a syn::Type,
    nullable: bool,
}

/// Expands `#[derive(View)]`; on error, the errors plus a minimal impl.
pub fn expand(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let mut name = Attr::none(NAME);
    let mut comment = Attr::none(COMMENT);
    let mut sql = Attr::none(SQL_KEY);
    let mut engine_sql = Attr::none(ENGINE_SQL);
    let mut materialized = Attr::none(MATERIALIZED);
    let mut security_invoker = Attr::none(SECURITY_INVOKER);
    let mut uniques: Vec<Vec<Ident>> = Vec::new();
    for attr in &input.attrs {
        if attr.path() == TABLE || attr.path() == COLUMN {
            cx.error_spanned_by(
                attr,
                "a view is declared with `#[view(...)]`\nhelp: write it as `#[view(name = \"...\", sql = \"SELECT ...\")]`",
            );
            continue;
        }
        if attr.path() != VIEW {
            continue;
        }
        each_item(&cx, attr, |meta| {
            if meta.path == NAME {
                name.set(
                    &cx,
                    span_of(meta),
                    string(meta, "name = \"open_invoices\"")?.value(),
                );
            } else if meta.path == COMMENT {
                comment.set(
                    &cx,
                    span_of(meta),
                    string(meta, "comment = \"...\"")?.value(),
                );
            } else if meta.path == SQL_KEY {
                let lit = string(meta, "sql = \"SELECT ... FROM ...\"")?;
                if lit.value().trim().is_empty() {
                    cx.error_spanned_by(
                        &lit,
                        format!("the view's query is empty\nhelp: write it as `{HELP}`"),
                    );
                }
                sql.set(&cx, span_of(meta), lit.value());
            } else if meta.path == ENGINE_SQL {
                let bodies = per_engine_strings(
                    &cx,
                    meta,
                    "query",
                    "gives the query for some engines",
                    "engine_sql(sqlite = \"SELECT ...\")",
                )?;
                engine_sql.set(&cx, span_of(meta), bodies);
            } else if meta.path == MATERIALIZED {
                materialized.set(&cx, flag(meta, "#[view(materialized, unique(id))]")?, ());
            } else if meta.path == SECURITY_INVOKER {
                equals(meta, "security_invoker = false")?;
                let value: LitBool = meta.input.parse().map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "`security_invoker` takes `true` or `false`\nhelp: write it as `security_invoker = false`",
                    )
                })?;
                security_invoker.set(&cx, span_of(meta), value.value);
            } else if meta.path == UNIQUE {
                uniques.push(fields(meta, "unique(tenant_id, month)")?);
            } else {
                return Err(unknown_key(meta, "#[view(...)]", VIEW_KEYS));
            }
            Ok(())
        });
    }
    let view_fields = view_fields(&cx, input);
    let sql = sql.get();
    if sql.is_none() {
        cx.error_spanned_by(
            &input.ident,
            format!("`#[derive(View)]` needs the view's query\nhelp: write it as `{HELP}`"),
        );
    }
    // Why: a unique index names output columns, i.e. fields of this struct.
    for field in uniques.iter().flatten() {
        if !view_fields.iter().any(|f| f.ident == field) {
            let names: Vec<String> = view_fields
                .iter()
                .map(|f| f.ident.unraw().to_string())
                .collect();
            let wrong = field.unraw().to_string();
            let help = match did_you_mean(&wrong, names.iter().map(String::as_str)) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the view's fields are {}", names.join(", ")),
            };
            cx.error_spanned_by(
                field,
                format!(
                    "`unique` names `{wrong}`, which is not a field of this view\nhelp: {help}"
                ),
            );
        }
    }
    // Why: only a materialized view stores rows an index could cover.
    let materialized = materialized.get();
    if let (None, Some(first)) = (&materialized, uniques.first().and_then(|u| u.first())) {
        cx.error_spanned_by(
            first,
            "`unique` indexes a materialized view, but this view is not materialized\nhelp: add `materialized`, or remove `unique(...)`",
        );
    }
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    match cx.check() {
        Ok(()) => {
            let name = name
                .get()
                .map_or_else(|| snake_case(&ident.unraw().to_string()), |n| n.value);
            let sql = sql.map(|s| s.value).unwrap_or_default();
            let comment = comment
                .get()
                .map(|c| c.value)
                .or_else(|| docs(&input.attrs));
            let comment = comment.map(|c| quote!(.comment(#c)));
            let engine_sql = engine_sql.get().map(|s| s.value).unwrap_or_default();
            let engine_sql = engine_sql.iter().map(|(engine, body)| {
                let engine = engine_path(*engine);
                quote!(.sql_for(#engine, #body))
            });
            let materialized = materialized.map(|_| quote!(.materialized()));
            let security = security_invoker.get().map(|s| {
                let value = s.value;
                quote!(.security_invoker(#value))
            });
            let columns = view_fields.iter().map(|f| {
                let column = &f.column;
                let ty = f.ty;
                let sql_type = quote_spanned!(ty.span()=> <#ty as ::schema_core::ColumnType>::sql_type());
                let nullable = f.nullable.then(|| quote!(.nullable()));
                let comment = f.comment.as_ref().map(|c| quote!(.comment(#c)));
                quote!(.column(::schema_core::ViewColumn::new(#column, #sql_type) #nullable #comment))
            });
            let uniques = uniques.iter().map(|fields| {
                let columns = fields.iter().filter_map(|ident| {
                    view_fields
                        .iter()
                        .find(|f| f.ident == ident)
                        .map(|f| f.column.clone())
                });
                quote!(.unique_index(::schema_core::Index::on([#(#columns),*])))
            });
            quote! {
                #[automatically_derived]
                impl #impl_generics ::schema_core::ViewDef for #ident #ty_generics #where_clause {
                    fn view_def() -> ::schema_core::View {
                        ::schema_core::View::new(#name, #sql)
                            #comment
                            #(#engine_sql)*
                            #materialized
                            #security
                            #(#columns)*
                            #(#uniques)*
                    }
                }
            }
        }
        Err(errors) => {
            let errors = errors.to_compile_error();
            quote! {
                #[automatically_derived]
                impl #impl_generics ::schema_core::ViewDef for #ident #ty_generics #where_clause {
                    fn view_def() -> ::schema_core::View {
                        ::core::unreachable!("#[derive(View)] reported errors at compile time")
                    }
                }
                #errors
            }
        }
    }
}

fn engine_path(engine: Symbol) -> TokenStream {
    if engine == POSTGRES {
        quote!(::schema_core::Engine::Postgres)
    } else if engine == MYSQL {
        quote!(::schema_core::Engine::MySql)
    } else {
        quote!(::schema_core::Engine::Sqlite)
    }
}

/// The named fields with their `#[view(name, comment)]` and doc comments.
fn view_fields<'a>(cx: &Ctxt, input: &'a DeriveInput) -> Vec<ViewField<'a>> {
    let named = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => Some(&named.named),
            _ => None,
        },
        _ => None,
    };
    let Some(named) = named.filter(|n| !n.is_empty()) else {
        cx.error_spanned_by(
            &input.ident,
            "`#[derive(View)]` needs a struct with named fields, one per output column",
        );
        return Vec::new();
    };
    named
        .iter()
        .filter_map(|field| {
            let ident = field.ident.as_ref()?;
            let mut name = Attr::none(NAME);
            let mut comment = Attr::none(COMMENT);
            for attr in &field.attrs {
                if attr.path() == COLUMN {
                    cx.error_spanned_by(
                        attr,
                        "a view's column takes `#[view(name = \"...\", comment = \"...\")]`\nhelp: constraints belong on the tables the view reads",
                    );
                }
                if attr.path() != VIEW {
                    continue;
                }
                each_item(cx, attr, |meta| {
                    if meta.path == NAME {
                        name.set(cx, span_of(meta), string(meta, "#[view(name = \"total_cents\")]")?.value());
                    } else if meta.path == COMMENT {
                        comment.set(cx, span_of(meta), string(meta, "#[view(comment = \"...\")]")?.value());
                    } else {
                        return Err(unknown_key(meta, "#[view(...)] on a field", VIEW_FIELD_KEYS));
                    }
                    Ok(())
                });
            }
            let (nullable, ty) = match option_inner(&field.ty) {
                Some(inner) => (true, inner),
                None => (false, &field.ty),
            };
            Some(ViewField {
                ident,
                column: name.get().map_or_else(|| ident.unraw().to_string(), |n| n.value),
                comment: comment.get().map(|c| c.value).or_else(|| docs(&field.attrs)),
                ty,
                nullable,
            })
        })
        .collect()
}
