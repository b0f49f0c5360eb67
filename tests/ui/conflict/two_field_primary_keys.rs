use schema_core::Table;

#[derive(Table)]
pub struct Customer {
    #[column(primary_key)]
    pub tenant_id: i64,
    #[column(primary_key)]
    pub id: i64,
}

fn main() {}
