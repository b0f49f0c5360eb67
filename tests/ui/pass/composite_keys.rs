use schema_core::Table;

#[derive(Table)]
#[table(primary_key(tenant_id, id))]
pub struct Customer {
    pub tenant_id: i64,
    pub id: i64,
}

#[derive(Table)]
#[table(
    foreign_key(columns(tenant_id, customer_id), references = Customer, on_delete = cascade),
    foreign_key(columns(customer_id, tenant_id), references = Customer, target(id, tenant_id), name = "x")
)]
pub struct Invoice {
    #[column(primary_key)]
    pub id: i64,
    pub tenant_id: i64,
    pub customer_id: Option<i64>,
}

fn main() {
    assert_eq!(Invoice::table_def().foreign_keys.len(), 2);
}
