use schema_core::Table;

#[derive(Table)]
#[table(primary_key(tenant_id, id))]
pub struct Customer {
    pub tenant_id: i64,
    pub id: i64,
}

#[derive(Table)]
#[table(foreign_key(columns(tenant_id, customer_id), references = Customer, target(tenant_id, idd)))]
pub struct Invoice {
    pub tenant_id: i64,
    pub customer_id: i64,
}

fn main() {}
