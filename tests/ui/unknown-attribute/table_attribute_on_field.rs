use schema_core::Table;

#[derive(Table)]
pub struct Invoice {
    #[table(name = "id")]
    pub id: i64,
}

fn main() {}
