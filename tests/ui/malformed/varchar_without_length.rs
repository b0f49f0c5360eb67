use schema_core::Table;

#[derive(Table)]
pub struct User {
    #[column(varchar)]
    pub email: String,
    #[column(varchar(0))]
    pub name: String,
    #[column(char = 3)]
    pub currency: String,
}

fn main() {}
