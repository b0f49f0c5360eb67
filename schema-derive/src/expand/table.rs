//! `impl ::schema_core::Table` and the compile-time checks of foreign keys.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, Path, Type};

use crate::internals::ast::{Field, Table};
use crate::internals::attr::{
    Action, DefaultValue, ForeignKeyAttr, IdentityKind, Reference, TypeOverride,
};
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
    let columns = table.fields.iter().map(column);
    let primary_key = (!pk_fields.is_empty()).then(|| {
        let columns = pk_fields.iter().map(|f| &f.column);
        quote!(.primary_key([#(#columns),*]))
    });
    let uniques = column_uniques(table).chain(table.attrs.uniques.iter().map(|u| {
        let columns = column_names(table, &u.columns);
        let name = u.name.as_deref().unwrap_or("");
        quote!(.named_unique(#name, [#(#columns),*]))
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
    let foreign_keys = table.fields.iter().filter_map(column_foreign_key).chain(
        table
            .attrs
            .foreign_keys
            .iter()
            .map(|fk| table_foreign_key(table, fk)),
    );
    let indexes = table
        .fields
        .iter()
        .filter(|f| f.attrs.index.is_some())
        .map(|f| {
            let column = &f.column;
            quote!(.index(::schema_core::Index::on([#column])))
        })
        .chain(table.attrs.indexes.iter().map(|i| {
            let columns = column_names(table, &i.columns);
            let named = i.name.as_ref().map(|n| quote!(.named(#n)));
            let unique = i.unique.then(|| quote!(.unique()));
            let filter = i.predicate.as_ref().map(|p| quote!(.filter(#p)));
            quote!(.index(::schema_core::Index::on([#(#columns),*]) #named #unique #filter))
        }));
    let checks_fn = type_checks(table);

    quote! {
        #[automatically_derived]
        impl ::schema_core::Table for #ident {
            const NAME: &'static str = #name;
            const PRIMARY_KEY: &'static [&'static str] = &[#(#pk_columns),*];
            type PrimaryKey = #pk_type;
            #[doc(hidden)]
            const __COLUMNS: &'static [(&'static str, &'static str)] = &[#(#field_columns),*];

            fn table_def() -> ::schema_core::TableDef {
                ::schema_core::TableDef::new(#name)
                    #comment
                    #(.column(#columns))*
                    #primary_key
                    #(#uniques)*
                    #(#checks)*
                    #(#foreign_keys)*
                    #(#indexes)*
            }
        }
        #checks_fn
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
    let sql_type = match field.attrs.types.first() {
        Some((_, spanned)) => type_override(&spanned.value),
        None => {
            let ty = field.value_ty;
            quote_spanned!(ty.span()=> <#ty as ::schema_core::ColumnType>::sql_type())
        }
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
    quote!(::schema_core::Column::new(#name, #sql_type) #nullable #default #identity #comment)
}

fn type_override(value: &TypeOverride) -> TokenStream {
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

/// The referenced table's key columns: its primary key, or the named fields' column names.
fn referenced_columns(path: &Path, target: Option<&[Ident]>) -> TokenStream {
    let span = path.span();
    match target {
        None => quote_spanned!(span=>
            ::core::iter::Iterator::copied(<#path as ::schema_core::Table>::PRIMARY_KEY.iter())
        ),
        Some(fields) => {
            let names = fields.iter().map(|f| f.unraw().to_string());
            quote_spanned!(span=> [#(::schema_core::__private::column_name::<#path>(#names)),*])
        }
    }
}

fn foreign_key_tokens(
    path: &Path,
    target: Option<&[Ident]>,
    columns: &[&String],
    name: Option<&String>,
    on_delete: Option<Action>,
    on_update: Option<Action>,
) -> TokenStream {
    let span = path.span();
    let referenced = referenced_columns(path, target);
    let named = name.map(|n| quote!(.named(#n)));
    let on_delete = on_delete.map(|a| {
        let a = action(a);
        quote!(.on_delete(#a))
    });
    let on_update = on_update.map(|a| {
        let a = action(a);
        quote!(.on_update(#a))
    });
    let table_name = quote_spanned!(span=> <#path as ::schema_core::Table>::NAME);
    quote! {
        .foreign_key(
            ::schema_core::ForeignKey::to(#table_name, #referenced)
                .columns([#(#columns),*])
                #named #on_delete #on_update
        )
    }
}

fn column_foreign_key(field: &Field) -> Option<TokenStream> {
    let reference = &field.attrs.references.as_ref()?.value;
    let target = reference.column.as_ref().map(std::slice::from_ref);
    Some(foreign_key_tokens(
        &reference.path,
        target,
        &[&field.column],
        field.attrs.fk_name.as_ref().map(|n| &n.value),
        field.attrs.on_delete.as_ref().map(|a| a.value),
        field.attrs.on_update.as_ref().map(|a| a.value),
    ))
}

fn table_foreign_key(table: &Table, fk: &ForeignKeyAttr) -> TokenStream {
    let path = fk.references.as_ref().expect("checked: references is set");
    let columns: Vec<&String> = column_names(table, &fk.columns).collect();
    foreign_key_tokens(
        path,
        fk.target.as_deref(),
        &columns,
        fk.name.as_ref(),
        fk.on_delete.as_ref().map(|a| a.value),
        fk.on_update.as_ref().map(|a| a.value),
    )
}

/// Compile-time checks of every reference: the target is a table, and each referencing
/// column's Rust type matches the referenced key's (or is an `Option` of it). Each check carries
/// the span of the user's tokens, so a failure points at the attribute or the field.
fn type_checks(table: &Table) -> TokenStream {
    let mut checks = Vec::new();
    for field in &table.fields {
        let Some(reference) = &field.attrs.references else {
            continue;
        };
        let Reference { path, column } = &reference.value;
        checks.push(assert_table(path));
        let ty = field.ty;
        match column {
            None => checks.push(quote_spanned!(ty.span()=>
                ::schema_core::__private::assert_references_primary_key::<#ty, #path>();
            )),
            Some(target) => checks.push(references_column(ty, path, target)),
        }
    }
    for fk in &table.attrs.foreign_keys {
        let Some(path) = &fk.references else { continue };
        checks.push(assert_table(path));
        let fields: Vec<&Field> = fk.columns.iter().filter_map(|i| table.field(i)).collect();
        match &fk.target {
            Some(target) => {
                for (field, target) in fields.iter().zip(target) {
                    checks.push(references_column(field.ty, path, target));
                }
            }
            None => {
                let span = fk.span;
                let types = fields.iter().map(|f| f.ty);
                checks.push(match fields.as_slice() {
                    [single] => {
                        let ty = single.ty;
                        quote_spanned!(span=> ::schema_core::__private::assert_references_primary_key::<#ty, #path>();)
                    }
                    _ => quote_spanned!(span=>
                        ::schema_core::__private::assert_references_composite_key::<(#(#types,)*), #path>();
                    ),
                });
            }
        }
    }
    if checks.is_empty() {
        return TokenStream::new();
    }
    quote! {
        const _: () = {
            #[allow(dead_code, clippy::all)]
            fn __schema_derive_checks() {
                #(#checks)*
            }
        };
    }
}

fn assert_table(path: &Path) -> TokenStream {
    quote_spanned!(path.span()=> ::schema_core::__private::assert_table::<#path>();)
}

/// `|t: &Target| assert_references_column::<Ty, _>(&t.field)`: a missing field is an error at
/// its name, a type mismatch an error at the referencing field's type.
fn references_column(ty: &Type, path: &Path, target: &Ident) -> TokenStream {
    let call =
        quote_spanned!(ty.span()=> ::schema_core::__private::assert_references_column::<#ty, _>);
    let access = quote_spanned!(target.span()=> &__target.#target);
    quote!(let _ = |__target: &#path| #call(#access);)
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
