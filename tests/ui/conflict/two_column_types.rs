use schema_core::Table;

#[derive(Table)]
pub struct User {
    #[column(text, varchar(320))]
    pub email: String,
}

fn main() {}
