use schema_core::Table;

#[derive(Table)]
pub struct Invoice(i64, String);

fn main() {}
