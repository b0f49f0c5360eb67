use schema_core::Table;

#[derive(Table)]
#[table(primary_key("tenant_id", "id"))]
pub struct Customer {
    pub tenant_id: i64,
    pub id: i64,
}

fn main() {}
