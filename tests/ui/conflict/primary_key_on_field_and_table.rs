use schema_core::Table;

#[derive(Table)]
#[table(primary_key(tenant_id, id))]
pub struct Customer {
    pub tenant_id: i64,
    #[column(primary_key)]
    pub id: i64,
}

fn main() {}
