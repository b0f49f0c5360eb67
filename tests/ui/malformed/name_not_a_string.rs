use schema_core::Table;

#[derive(Table)]
#[table(name = invoices)]
pub struct Invoice {
    pub id: i64,
}

fn main() {}
