use schema_core::Table;

#[derive(Table)]
pub struct User {
    #[column(primary_key)]
    pub id: Option<i64>,
}

#[derive(Table)]
#[table(primary_key(tenant_id, id))]
pub struct Customer {
    pub tenant_id: Option<i64>,
    pub id: i64,
}

fn main() {}
