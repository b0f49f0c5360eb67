//! `impl ::schema_core::SqlEnum`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::internals::ast::SqlEnum;
use crate::internals::check::check_sql_enum;
use crate::internals::ctxt::Ctxt;

/// Expands `#[derive(SqlEnum)]`; on error, the errors plus a minimal impl.
pub fn expand(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let sql_enum = SqlEnum::from_ast(&cx, input);
    if let Some(sql_enum) = &sql_enum {
        check_sql_enum(&cx, input, sql_enum);
    }
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    match (cx.check(), sql_enum) {
        (Ok(()), Some(sql_enum)) => {
            let name = &sql_enum.name;
            let values = sql_enum.variants.iter().map(|v| &v.value);
            quote! {
                #[automatically_derived]
                impl ::schema_core::SqlEnum for #ident {
                    fn enum_type() -> ::schema_core::EnumType {
                        ::schema_core::EnumType::new(#name, [#(#values),*])
                    }
                }
            }
        }
        (Err(errors), _) => {
            let errors = errors.to_compile_error();
            quote! {
                #[automatically_derived]
                impl #impl_generics ::schema_core::SqlEnum for #ident #ty_generics #where_clause {
                    fn enum_type() -> ::schema_core::EnumType {
                        ::core::unreachable!("#[derive(SqlEnum)] reported errors at compile time")
                    }
                }
                #errors
            }
        }
        (Ok(()), None) => unreachable!("no model without an error"),
    }
}
