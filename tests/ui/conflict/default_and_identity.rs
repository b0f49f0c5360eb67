use schema_core::Table;

#[derive(Table)]
pub struct User {
    #[column(primary_key, identity, default = 1)]
    pub id: i64,
}

fn main() {}
