//! Derive macros for schema-core. (Work in progress.)
use proc_macro::TokenStream;

/// `#[derive(Table)]`.
#[proc_macro_derive(Table, attributes(table, column))]
pub fn derive_table(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}

/// `#[derive(SqlEnum)]`.
#[proc_macro_derive(SqlEnum, attributes(sql_enum))]
pub fn derive_sql_enum(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
