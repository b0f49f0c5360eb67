use schema_core::Table;

#[derive(Table)]
#[table(primary_key(tenant, id), index(columns(issued)), unique(number, number))]
pub struct Invoice {
    pub tenant_id: i64,
    pub id: i64,
    pub number: i32,
    pub issued_at: i64,
}

fn main() {}
