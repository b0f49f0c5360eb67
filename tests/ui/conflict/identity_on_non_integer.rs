use schema_core::Table;

#[derive(Table)]
pub struct User {
    #[column(primary_key, identity)]
    pub id: String,
    #[column(identity, varchar(10))]
    pub code: i64,
    #[column(identity)]
    pub seq: Option<i64>,
}

fn main() {}
