//! `impl ::schema_core::Table` and the compile-time checks of foreign keys.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, Path};

use crate::internals::advice::AllowAttr;
use crate::internals::ast::{Field, Table};
use crate::internals::attr::{Action, DefaultValue, IdentityKind, TypeOverride};
use crate::internals::check::check_table;
use crate::internals::ctxt::Ctxt;
use crate::internals::symbol::{MYSQL, POSTGRES, SQLITE};

/// Expands `#[derive(Table)]`: the impl, or on error the errors plus a minimal impl so that
/// code using the type does not add a cascade of secondary errors.
pub fn expand(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let table = Table::from_ast(&cx, input);
    if let Some(table) = &table {
        check_table(&cx, table);
    }
    match (cx.check(), &table) {
        (Ok(()), Some(table)) => generate(table),
        (Err(errors), _) => {
            let fallback = fallback(input, table.as_ref());
            let errors = errors.to_compile_error();
            quote!(#fallback #errors)
        }
        (Ok(()), None) => unreachable!("no model without an error"),
    }
}

fn generate(table: &Table) -> TokenStream {
    let ident = table.ident;
    let name = &table.name;
    let pk_fields = primary_key_fields(table).unwrap_or_default();
    let pk_columns = pk_fields.iter().map(|f| &f.column);
    let pk_type = primary_key_type(&pk_fields);
    let field_columns = table.fields.iter().map(|f| {
        let field = f.ident.unraw().to_string();
        let column = &f.column;
        quote!((#field, #column))
    });

    let comment = table.attrs.comment.as_ref().map(|c| quote!(.comment(#c)));
    let table_renamed_from = table
        .attrs
        .renamed_from
        .as_ref()
        .map(|old| quote!(.renamed_from(#old)));
    let columns = table.fields.iter().map(column);
    let primary_key = (!pk_fields.is_empty()).then(|| {
        let columns = pk_fields.iter().map(|f| &f.column);
        quote!(.primary_key([#(#columns),*]))
    });
    let uniques = column_uniques(table).chain(table.attrs.uniques.iter().map(|u| {
        let columns = column_names(table, &u.columns);
        let name = u.name.as_deref().unwrap_or("");
        if u.nulls_not_distinct {
            quote!(.unique_nulls_not_distinct(#name, [#(#columns),*]))
        } else {
            quote!(.named_unique(#name, [#(#columns),*]))
        }
    }));
    let checks = table
        .fields
        .iter()
        .filter_map(|f| {
            let expr = f.attrs.check.as_ref()?;
            let column = &f.column;
            Some(quote!(.column_check(#column, #expr)))
        })
        .chain(table.attrs.checks.iter().map(|c| {
            let name = c.name.as_deref().unwrap_or("");
            let sql = &c.sql;
            quote!(.named_check(#name, #sql))
        }));
    let foreign_keys = foreign_keys(table);
    let bindings = foreign_keys.iter().map(|fk| &fk.binding);
    let fk_checks = foreign_keys.iter().map(|fk| &fk.checks);
    let fk_builders = foreign_keys.iter().map(|fk| &fk.builder);
    let indexes = table
        .fields
        .iter()
        .filter(|f| f.attrs.index.is_some())
        .map(|f| {
            let column = &f.column;
            quote!(.index(::schema_core::Index::on([#column])))
        })
        .chain(table.attrs.indexes.iter().map(|i| {
            let plain = i.parts.is_empty()
                && i.method.is_none()
                && i.opclass.is_none()
                && i.exprs.is_empty()
                && i.include.is_empty()
                && i.nulls_not_distinct.is_none()
                && i.engines.is_empty();
            if !plain {
                return super::features::index(table, i);
            }
            let columns = column_names(table, &i.columns);
            let named = i.name.as_ref().map(|n| quote!(.named(#n)));
            let unique = i.unique.then(|| quote!(.unique()));
            let filter = i.predicate.as_ref().map(|p| quote!(.filter(#p)));
            quote!(.index(::schema_core::Index::on([#(#columns),*]) #named #unique #filter))
        }));
    let exclusions = table
        .attrs
        .exclusions
        .iter()
        .map(|e| super::features::exclusion(table, e));
    let without_rowid = table.attrs.without_rowid.then(|| quote!(.without_rowid()));
    let audited = table.attrs.audit.then(|| quote!(.audited()));
    let updated_at = table
        .fields
        .iter()
        .find(|f| f.attrs.updated_at.is_some())
        .map(|f| {
            let column = &f.column;
            quote!(.updated_at(#column))
        });
    let security = super::security::table_calls(table);
    let grants = super::security::grants(table);
    let allows = table.attrs.allows.iter().map(allow_calls);
    let fds = table.attrs.fds.iter().map(|fd| {
        let from = column_names(table, &fd.from);
        let to = column_names(table, &fd.to);
        quote!(.functional_dependency([#(#from),*], [#(#to),*]))
    });

    quote! {
        #[automatically_derived]
        impl ::schema_core::Table for #ident {
            const NAME: &'static str = #name;
            const PRIMARY_KEY: &'static [&'static str] = &[#(#pk_columns),*];
            type PrimaryKey = #pk_type;
            #[doc(hidden)]
            const __COLUMNS: &'static [(&'static str, &'static str)] = &[#(#field_columns),*];

            fn table_def() -> ::schema_core::TableDef {
                #(#bindings)*
                #(#fk_checks)*
                ::schema_core::TableDef::new(#name)
                    #comment
                    #table_renamed_from
                    #(.column(#columns))*
                    #primary_key
                    #(#uniques)*
                    #(#checks)*
                    #(#fk_builders)*
                    #(#indexes)*
                    #(#exclusions)*
                    #without_rowid
                    #audited
                    #updated_at
                    #security
                    #(#allows)*
                    #(#fds)*
            }
            #grants
        }
    }
}

/// The primary key's fields in key order, `None` if a listed field does not exist.
fn primary_key_fields<'t, 'a>(table: &'t Table<'a>) -> Option<Vec<&'t Field<'a>>> {
    match &table.attrs.primary_key {
        Some(list) => list.value.iter().map(|ident| table.field(ident)).collect(),
        None => Some(
            table
                .fields
                .iter()
                .filter(|f| f.attrs.primary_key.is_some())
                .collect(),
        ),
    }
}

fn primary_key_type(fields: &[&Field]) -> TokenStream {
    match fields {
        [] => quote!(::schema_core::NoPrimaryKey),
        [single] => {
            let ty = single.ty;
            quote!(#ty)
        }
        many => {
            let types = many.iter().map(|f| f.ty);
            quote!((#(#types,)*))
        }
    }
}

fn column_names<'t>(table: &'t Table, idents: &'t [Ident]) -> impl Iterator<Item = &'t String> {
    idents
        .iter()
        .filter_map(|ident| table.field(ident).map(|f| &f.column))
}

fn column_uniques<'t>(table: &'t Table) -> impl Iterator<Item = TokenStream> + 't {
    table
        .fields
        .iter()
        .filter(|f| f.attrs.unique.is_some())
        .map(|f| {
            let column = &f.column;
            quote!(.unique([#column]))
        })
}

/// `::schema_core::Column::new(...)...` for one field.
fn column(field: &Field) -> TokenStream {
    let name = &field.column;
    let element = super::features::array_element(field);
    let sql_type = match field.attrs.types.first() {
        Some((_, spanned)) => type_override(&spanned.value),
        None => {
            let ty = element.unwrap_or(field.value_ty);
            quote_spanned!(ty.span()=> <#ty as ::schema_core::ColumnType>::sql_type())
        }
    };
    let sql_type = match element {
        Some(_) => quote!(::schema_core::SqlType::Array(::std::boxed::Box::new(#sql_type))),
        None => sql_type,
    };
    let nullable = field.nullable.then(|| quote!(.nullable()));
    let default = field
        .attrs
        .default
        .as_ref()
        .or(field.attrs.default_sql.as_ref())
        .map(|d| {
            let value = default_value(&d.value);
            quote!(.default(#value))
        });
    let identity = field.attrs.identity.as_ref().map(|i| match i.value {
        IdentityKind::ByDefault => quote!(.identity(::schema_core::Identity::ByDefault)),
        IdentityKind::Always => quote!(.identity(::schema_core::Identity::Always)),
    });
    let comment = field.attrs.comment.as_ref().map(|c| quote!(.comment(#c)));
    let allows = field.attrs.allows.iter().map(allow_calls);
    let extras = super::features::column_extras(field);
    let renamed_from = field
        .attrs
        .renamed_from
        .as_ref()
        .map(|old| quote!(.renamed_from(#old)));
    quote!(::schema_core::Column::new(#name, #sql_type) #nullable #default #identity #comment #renamed_from #extras #(#allows)*)
}

/// `.allow("S101", "reason")` for each code of one `allow(...)`.
fn allow_calls(allow: &AllowAttr) -> TokenStream {
    let reason = &allow.reason;
    let calls = allow.codes.iter().map(|code| {
        let code = code.unraw().to_string();
        quote!(.allow(#code, #reason))
    });
    quote!(#(#calls)*)
}

pub(crate) fn type_override(value: &TypeOverride) -> TokenStream {
    let some = |v: Option<u16>| match v {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    };
    match value {
        TypeOverride::Text => quote!(::schema_core::SqlType::Text),
        TypeOverride::Varchar(n) => quote!(::schema_core::SqlType::Varchar(#n)),
        TypeOverride::Char(n) => quote!(::schema_core::SqlType::Char(#n)),
        TypeOverride::Decimal(p, s) => {
            let (p, s) = (some(*p), some(*s));
            quote!(::schema_core::SqlType::Decimal { precision: #p, scale: #s })
        }
        TypeOverride::Json => quote!(::schema_core::SqlType::Json),
        TypeOverride::Jsonb => quote!(::schema_core::SqlType::Jsonb),
        TypeOverride::Bytes => quote!(::schema_core::SqlType::Bytes),
        TypeOverride::Cidr => quote!(::schema_core::SqlType::Cidr),
        TypeOverride::Interval => quote!(::schema_core::SqlType::Interval),
        TypeOverride::TsVector => quote!(::schema_core::SqlType::TsVector),
        TypeOverride::CiText => quote!(::schema_core::SqlType::CiText),
        TypeOverride::Raw(engines) => {
            let entries = engines.iter().map(|(engine, text)| {
                let engine = match *engine {
                    POSTGRES => quote!(::schema_core::Engine::Postgres),
                    MYSQL => quote!(::schema_core::Engine::MySql),
                    SQLITE => quote!(::schema_core::Engine::Sqlite),
                    _ => unreachable!("raw engines are checked while parsing"),
                };
                quote!((#engine, ::std::string::String::from(#text)))
            });
            quote!(::schema_core::SqlType::Raw(::core::iter::IntoIterator::into_iter([#(#entries),*]).collect()))
        }
    }
}

fn default_value(value: &DefaultValue) -> TokenStream {
    let literal = |lit: TokenStream| quote!(::schema_core::ColumnDefault::Value(#lit));
    match value {
        DefaultValue::Bool(b) => literal(quote!(::schema_core::Literal::Bool(#b))),
        DefaultValue::Int(i) => literal(quote!(::schema_core::Literal::Int(#i))),
        DefaultValue::Number(n) => literal(quote!(
            ::schema_core::Literal::Number(::std::string::String::from(#n))
        )),
        DefaultValue::Text(t) => literal(quote!(
            ::schema_core::Literal::Text(::std::string::String::from(#t))
        )),
        DefaultValue::Now => quote!(::schema_core::ColumnDefault::Now),
        DefaultValue::CurrentDate => quote!(::schema_core::ColumnDefault::CurrentDate),
        DefaultValue::RandomUuid => quote!(::schema_core::ColumnDefault::RandomUuid),
        DefaultValue::Sql(sql) => {
            quote!(::schema_core::ColumnDefault::Sql(::std::string::String::from(#sql)))
        }
    }
}

fn action(action: Action) -> TokenStream {
    match action {
        Action::NoAction => quote!(::schema_core::FkAction::NoAction),
        Action::Restrict => quote!(::schema_core::FkAction::Restrict),
        Action::Cascade => quote!(::schema_core::FkAction::Cascade),
        Action::SetNull => quote!(::schema_core::FkAction::SetNull),
        Action::SetDefault => quote!(::schema_core::FkAction::SetDefault),
    }
}

/// One foreign key: a binding of its target (which is where "not a table" is reported), its
/// type checks, and the builder call.
struct ForeignKeyCode {
    binding: TokenStream,
    checks: TokenStream,
    builder: TokenStream,
}

/// What a foreign key is made of, from a column's `references` or the table's `foreign_key`.
struct ForeignKeyParts<'t> {
    path: &'t Path,
    /// The referenced fields, or `None` for the primary key.
    target: Option<&'t [Ident]>,
    /// The referencing fields.
    fields: Vec<&'t Field<'t>>,
    name: Option<&'t String>,
    on_delete: Option<Action>,
    on_update: Option<Action>,
    deferrable: Option<crate::internals::symbol::Symbol>,
    match_full: bool,
    /// Where a key type mismatch is reported: the table's `foreign_key`, or (`None`) the
    /// referencing field's type.
    span: Option<Span>,
}

fn foreign_key_code(index: usize, fk: ForeignKeyParts) -> ForeignKeyCode {
    let var = format_ident!("__schema_fk{}", index);
    let path = fk.path;
    let binding = quote_spanned!(path.span()=>
        let #var = ::schema_core::__private::target::<#path>();
    );
    let checks = match (fk.target, fk.fields.as_slice()) {
        (Some(target), fields) => {
            let checks = fields.iter().zip(target).map(|(field, target)| {
                let ty = field.ty;
                let by = quote_spanned!(ty.span()=> by::<#ty>);
                let access = quote_spanned!(target.span()=> &__target.#target);
                quote!(let _ = |__target: &#path| ::schema_core::__private::Referenced(#access).#by();)
            });
            quote!(#(#checks)*)
        }
        (None, [field]) => {
            let ty = field.ty;
            let span = fk.span.unwrap_or_else(|| ty.span());
            quote_spanned!(span=> #var.referenced_by::<#ty>();)
        }
        (None, fields) => {
            let types = fields.iter().map(|f| f.ty);
            let span = fk.span.unwrap_or_else(Span::call_site);
            quote_spanned!(span=> #var.referenced_by_columns::<(#(#types,)*)>();)
        }
    };
    let referenced = match fk.target {
        None => quote!(::core::iter::Iterator::copied(#var.primary_key.iter())),
        Some(fields) => {
            let names = fields.iter().map(|f| f.unraw().to_string());
            quote!([#(#var.column(#names)),*])
        }
    };
    let columns = fk.fields.iter().map(|f| &f.column);
    let named = fk.name.map(|n| quote!(.named(#n)));
    let on_delete = fk.on_delete.map(|a| {
        let a = action(a);
        quote!(.on_delete(#a))
    });
    let on_update = fk.on_update.map(|a| {
        let a = action(a);
        quote!(.on_update(#a))
    });
    let extras = super::features::foreign_key_extras(fk.deferrable, fk.match_full);
    let builder = quote! {
        .foreign_key(
            ::schema_core::ForeignKey::to(#var.name, #referenced)
                .columns([#(#columns),*])
                #named #on_delete #on_update #extras
        )
    };
    ForeignKeyCode {
        binding,
        checks,
        builder,
    }
}

/// Every foreign key of the table: column-level ones first, in field order, then the table's.
fn foreign_keys<'t>(table: &'t Table<'t>) -> Vec<ForeignKeyCode> {
    let column_level = table.fields.iter().filter_map(|field| {
        let reference = &field.attrs.references.as_ref()?.value;
        Some(ForeignKeyParts {
            path: &reference.path,
            target: reference.column.as_ref().map(std::slice::from_ref),
            fields: vec![field],
            name: field.attrs.fk_name.as_ref().map(|n| &n.value),
            on_delete: field.attrs.on_delete.as_ref().map(|a| a.value),
            on_update: field.attrs.on_update.as_ref().map(|a| a.value),
            deferrable: field.attrs.deferrable.as_ref().map(|d| d.value),
            match_full: field.attrs.match_full.is_some(),
            span: None,
        })
    });
    let table_level = table.attrs.foreign_keys.iter().map(|fk| ForeignKeyParts {
        path: fk.references.as_ref().expect("checked: references is set"),
        target: fk.target.as_deref(),
        fields: fk.columns.iter().filter_map(|i| table.field(i)).collect(),
        name: fk.name.as_ref(),
        on_delete: fk.on_delete.as_ref().map(|a| a.value),
        on_update: fk.on_update.as_ref().map(|a| a.value),
        deferrable: fk.deferrable.as_ref().map(|d| d.value),
        match_full: fk.match_full,
        span: Some(fk.span),
    });
    column_level
        .chain(table_level)
        .enumerate()
        .map(|(i, parts)| foreign_key_code(i, parts))
        .collect()
}

/// After an error: the impl with what is known, so uses of the type add no secondary errors.
fn fallback(input: &DeriveInput, table: Option<&Table>) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let name = table.map_or_else(|| ident.unraw().to_string(), |t| t.name.clone());
    let pk = table.and_then(primary_key_fields).unwrap_or_default();
    let pk_columns = pk.iter().map(|f| &f.column);
    let pk_type = primary_key_type(&pk);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::schema_core::Table for #ident #ty_generics #where_clause {
            const NAME: &'static str = #name;
            const PRIMARY_KEY: &'static [&'static str] = &[#(#pk_columns),*];
            type PrimaryKey = #pk_type;
            fn table_def() -> ::schema_core::TableDef {
                ::core::unreachable!("#[derive(Table)] reported errors at compile time")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;
    use syn::parse_quote;

    use super::expand;

    #[test]
    fn expands_a_small_table() {
        let input = parse_quote! {
            /// Tenants.
            struct Tenant {
                #[column(primary_key, identity)]
                id: i64,
                note: Option<String>,
            }
        };
        let expected = quote! {
            #[automatically_derived]
            impl ::schema_core::Table for Tenant {
                const NAME: &'static str = "tenant";
                const PRIMARY_KEY: &'static [&'static str] = &["id"];
                type PrimaryKey = i64;
                #[doc(hidden)]
                const __COLUMNS: &'static [(&'static str, &'static str)] = &[("id", "id"), ("note", "note")];

                fn table_def() -> ::schema_core::TableDef {
                    ::schema_core::TableDef::new("tenant")
                        .comment("Tenants.")
                        .column(::schema_core::Column::new("id", <i64 as ::schema_core::ColumnType>::sql_type())
                            .identity(::schema_core::Identity::ByDefault))
                        .column(::schema_core::Column::new("note", <String as ::schema_core::ColumnType>::sql_type())
                            .nullable())
                        .primary_key(["id"])
                }
            }
        };
        assert_eq!(expand(&input).to_string(), expected.to_string());
    }

    #[test]
    fn errors_come_with_a_minimal_impl() {
        let input = parse_quote! {
            struct Tenant {
                #[column(primary_key, primry)]
                id: i64,
            }
        };
        let output = expand(&input).to_string();
        assert!(output.contains("impl :: schema_core :: Table for Tenant"));
        assert!(output.contains("type PrimaryKey = i64"));
        assert!(output.contains("compile_error"));
        assert!(output.contains("did you mean `primary_key`?"));
    }
}
