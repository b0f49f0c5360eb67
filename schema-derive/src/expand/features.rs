//! Builder calls for indexes with options, exclusion constraints, generated columns,
//! collations and deferrable / MATCH FULL foreign keys.

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::ast::{Field, Table};
use crate::internals::attr::IndexAttr;
use crate::internals::features::{ElementTarget, ExcludeAttr};
use crate::internals::symbol::{
    ASC, DESC, INITIALLY_DEFERRED, MYSQL, NULLS_FIRST, NULLS_LAST, POSTGRES, SQLITE, Symbol,
};

/// `::schema_core::Engine::Postgres` for `postgres`.
fn engine(symbol: Symbol) -> TokenStream {
    match symbol {
        POSTGRES => quote!(::schema_core::Engine::Postgres),
        MYSQL => quote!(::schema_core::Engine::MySql),
        SQLITE => quote!(::schema_core::Engine::Sqlite),
        _ => unreachable!("engines are checked while parsing"),
    }
}

/// `::schema_core::IndexMethod::Gin` for `gin`.
fn method(key: &str) -> TokenStream {
    match key {
        "btree" => quote!(::schema_core::IndexMethod::BTree),
        "hash" => quote!(::schema_core::IndexMethod::Hash),
        "gin" => quote!(::schema_core::IndexMethod::Gin),
        "gist" => quote!(::schema_core::IndexMethod::Gist),
        "brin" => quote!(::schema_core::IndexMethod::Brin),
        "spgist" => quote!(::schema_core::IndexMethod::SpGist),
        "fulltext" => quote!(::schema_core::IndexMethod::FullText),
        _ => unreachable!("methods are checked while parsing"),
    }
}

fn only_on(engines: &[Symbol]) -> Option<TokenStream> {
    (!engines.is_empty()).then(|| {
        let engines = engines.iter().map(|e| engine(*e));
        quote!(.only_on([#(#engines),*]))
    })
}

/// `::schema_core::Index::on([...])...` for a table-level `index(...)`.
pub fn index(table: &Table, index: &IndexAttr) -> TokenStream {
    let column_of = |ident| table.field(ident).map(|f| f.column.clone());
    let columns: Vec<String> = index.columns.iter().filter_map(column_of).collect();
    let named = index.name.as_ref().map(|n| quote!(.named(#n)));
    let unique = index.unique.then(|| quote!(.unique()));
    let filter = index.predicate.as_ref().map(|p| quote!(.filter(#p)));
    let exprs = &index.exprs;
    let using = index.method.as_ref().map(|m| {
        let m = method(m.value);
        quote!(.using(#m))
    });
    let parts = index.columns.iter().filter_map(|ident| {
        let column = column_of(ident)?;
        let options = index.parts.iter().find(|p| p.ident == *ident);
        let mut calls = TokenStream::new();
        if let Some(options) = options {
            if let Some(n) = options.prefix {
                calls.extend(quote!(.prefix(#n)));
            }
            match options.order {
                Some(o) if o == ASC => calls.extend(quote!(.asc())),
                Some(o) if o == DESC => calls.extend(quote!(.desc())),
                _ => {}
            }
            match options.nulls {
                Some(n) if n == NULLS_FIRST => calls.extend(quote!(.nulls_first())),
                Some(n) if n == NULLS_LAST => calls.extend(quote!(.nulls_last())),
                _ => {}
            }
        }
        if let Some(opclass) = &index.opclass {
            let opclass = &opclass.value;
            calls.extend(quote!(.opclass(#opclass)));
        }
        (!calls.is_empty()).then(|| quote!(.part(#column, ::schema_core::KeyPart::new() #calls)))
    });
    let include = (!index.include.is_empty()).then(|| {
        let columns = index.include.iter().filter_map(column_of);
        quote!(.include([#(#columns),*]))
    });
    let nulls_not_distinct = index
        .nulls_not_distinct
        .map(|_| quote!(.nulls_not_distinct()));
    let only_on = only_on(&index.engines);
    quote! {
        .index(
            ::schema_core::Index::on(::core::iter::Iterator::chain(::core::iter::empty::<&str>(), [#(#columns),*]))
                #(.expression(#exprs))* #named #unique #filter #using #(#parts)* #include
                #nulls_not_distinct #only_on
        )
    }
}

/// `.exclusion(::schema_core::Exclusion::using(...)...)` for `exclude(...)`.
pub fn exclusion(table: &Table, exclusion: &ExcludeAttr) -> TokenStream {
    let using = method(exclusion.using);
    let elements = exclusion.elements.iter().filter_map(|(target, operator)| {
        let target = match target {
            ElementTarget::Field(ident) => table.field(ident)?.column.clone(),
            ElementTarget::Sql(sql) => sql.clone(),
        };
        Some(quote!(.element(#target, #operator)))
    });
    let named = exclusion.name.as_ref().map(|n| quote!(.named(#n)));
    let filter = exclusion.predicate.as_ref().map(|p| quote!(.filter(#p)));
    let only_on = only_on(&exclusion.engines);
    quote! {
        .exclusion(::schema_core::Exclusion::using(#using) #(#elements)* #named #filter #only_on)
    }
}

/// `.generated(...)` and `.collation(...)` calls of a column.
pub fn column_extras(field: &Field) -> TokenStream {
    let mut calls = TokenStream::new();
    if let Some(generated) = &field.attrs.generated {
        let expr = &generated.value;
        let kind = if field.attrs.virtual_.is_some() {
            quote!(::schema_core::GeneratedKind::Virtual)
        } else {
            quote!(::schema_core::GeneratedKind::Stored)
        };
        calls.extend(quote!(.generated(#expr, #kind)));
    }
    for (symbol, collation) in &field.attrs.collation {
        let engine = engine(*symbol);
        calls.extend(quote!(.collation(#engine, #collation)));
    }
    calls
}

/// `.deferrable(...)` and `.match_full()` of a foreign key.
pub fn foreign_key_extras(deferrable: Option<Symbol>, match_full: bool) -> TokenStream {
    let mut calls = TokenStream::new();
    if let Some(value) = deferrable {
        calls.extend(if value == INITIALLY_DEFERRED {
            quote!(.deferrable(::schema_core::Deferrable::InitiallyDeferred))
        } else {
            quote!(.deferrable(::schema_core::Deferrable::InitiallyImmediate))
        });
    }
    if match_full {
        calls.extend(quote!(.match_full()));
    }
    calls
}

/// The element type `T` of a `#[column(array)]` field of type `Vec<T>`, or `None` when the
/// field is no array (the check has reported a non-`Vec` field already).
pub fn array_element<'a>(field: &Field<'a>) -> Option<&'a syn::Type> {
    field.attrs.array?;
    crate::internals::ast::vec_inner(field.value_ty)
}
