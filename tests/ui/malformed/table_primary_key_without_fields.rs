use schema_core::Table;

#[derive(Table)]
#[table(primary_key)]
pub struct Invoice {
    pub id: i64,
}

fn main() {}
