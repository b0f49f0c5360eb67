use schema_core::Table;

#[derive(Table)]
#[table(name = "tenants")]
#[table(name = "customers")]
pub struct Tenant {
    pub id: i64,
}

fn main() {}
