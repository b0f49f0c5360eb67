use schema_core::Table;

#[derive(Table)]
pub struct Invoice;

#[derive(Table)]
pub struct Empty {}

fn main() {}
