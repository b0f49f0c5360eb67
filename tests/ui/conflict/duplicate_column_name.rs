use schema_core::Table;

#[derive(Table)]
pub struct User {
    pub email: String,
    #[column(name = "email")]
    pub email_address: String,
}

fn main() {}
