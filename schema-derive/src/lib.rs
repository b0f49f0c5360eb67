//! Derive macros for schema-core: `#[derive(Table)]` and `#[derive(SqlEnum)]`.
//!
//! Use them through `schema_core` (`use schema_core::{SqlEnum, Table};`).

mod expand;
mod internals;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// `#[derive(Table)]`.
#[proc_macro_derive(Table, attributes(table, column))]
pub fn derive_table(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::table::expand(&input).into()
}

/// `#[derive(SqlEnum)]`.
#[proc_macro_derive(SqlEnum, attributes(sql_enum))]
pub fn derive_sql_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::sql_enum::expand(&input).into()
}
