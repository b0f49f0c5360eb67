//! Builder calls for `tenant_isolated(...)`, `policy(...)`, `row_security(...)` on the table
//! definition, and the `grants()` of `grant(...)`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::ast::Table;
use crate::internals::symbol::*;

fn engine(symbol: Symbol) -> TokenStream {
    match symbol {
        POSTGRES => quote!(::schema_core::Engine::Postgres),
        MYSQL => quote!(::schema_core::Engine::MySql),
        _ => quote!(::schema_core::Engine::Sqlite),
    }
}

fn role_names(roles: &[syn::Ident]) -> Vec<String> {
    roles
        .iter()
        .map(|r| syn::ext::IdentExt::unraw(r).to_string())
        .collect()
}

/// `.tenant_isolated(...)`, `.policy(...)`, `.row_security(...)`, `.row_security_only_on(...)`.
pub fn table_calls(table: &Table) -> TokenStream {
    let security = &table.attrs.security;
    let mut calls = TokenStream::new();
    if let Some((_, tenant)) = &security.tenant
        && let Some(field) = table.field(&tenant.by)
    {
        let column = &field.column;
        let setting = tenant.setting.as_ref().map(|s| quote!(.setting(#s)));
        let to = role_names(&tenant.to);
        let to = (!to.is_empty()).then(|| quote!(.to([#(#to),*])));
        calls.extend(
            quote!(.tenant_isolated(::schema_core::TenantIsolation::by(#column) #setting #to)),
        );
    }
    for policy in &security.policies {
        let name = &policy.name;
        let command = match policy.command {
            "select" => quote!(Select),
            "insert" => quote!(Insert),
            "update" => quote!(Update),
            "delete" => quote!(Delete),
            _ => quote!(All),
        };
        let restrictive = policy.restrictive.then(|| quote!(.restrictive()));
        let to = role_names(&policy.to);
        let to = (!to.is_empty()).then(|| quote!(.to([#(#to),*])));
        let using = policy.using.as_ref().map(|u| quote!(.using(#u)));
        let with_check = policy.with_check.as_ref().map(|w| quote!(.with_check(#w)));
        calls.extend(quote! {
            .policy(::schema_core::Policy::new(#name)
                .command(::schema_core::PolicyCommand::#command) #restrictive #to #using #with_check)
        });
    }
    if let Some(row_security) = &security.row_security {
        if let Some(mode) = row_security.mode {
            let mode = match mode {
                OFF => quote!(Off),
                NOT_FORCED => quote!(NotForced),
                _ => quote!(Forced),
            };
            calls.extend(quote!(.row_security(::schema_core::RowSecurity::#mode)));
        }
        if !row_security.engines.is_empty() {
            let engines = row_security.engines.iter().map(|e| engine(*e));
            calls.extend(quote!(.row_security_only_on([#(#engines),*])));
        }
    }
    calls
}

/// The body of `fn grants()`: `None` when the table declares none (the default method stays).
pub fn grants(table: &Table) -> Option<TokenStream> {
    let grants = &table.attrs.security.grants;
    if grants.is_empty() {
        return None;
    }
    let name = &table.name;
    let privilege = |symbol: Symbol| {
        let variant = syn::Ident::new(
            &format!("{}{}", symbol.0[..1].to_uppercase(), &symbol.0[1..]),
            proc_macro2::Span::call_site(),
        );
        quote!(::schema_core::Privilege::#variant)
    };
    let mut built = Vec::new();
    for grant in grants {
        let to = role_names(&grant.to);
        if !grant.privileges.is_empty() {
            let privileges = grant.privileges.iter().map(|p| privilege(*p));
            built.push(
                quote!(::schema_core::Grant::on_table(#name, [#(#privileges),*]).to([#(#to),*])),
            );
        }
        for (symbol, fields) in &grant.columns {
            let columns: Vec<String> = fields
                .iter()
                .filter_map(|f| table.field(f).map(|field| field.column.clone()))
                .collect();
            let privilege = privilege(*symbol);
            built.push(quote!(::schema_core::Grant::on_columns(#name, [#(#columns),*], [#privilege]).to([#(#to),*])));
        }
    }
    Some(quote! {
        fn grants() -> ::std::vec::Vec<::schema_core::Grant> {
            ::std::vec![#(#built),*]
        }
    })
}
