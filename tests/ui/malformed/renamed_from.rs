use schema_core::Table;

#[derive(Table)]
#[table(renamed_from = clients)]
pub struct Customer {
    #[column(renamed_from)]
    pub id: i64,
    #[column(renamed_from = "a", renamed_from = "b")]
    pub email: String,
}

fn main() {}
