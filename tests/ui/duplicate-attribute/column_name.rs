use schema_core::Table;

#[derive(Table)]
pub struct Tenant {
    #[column(name = "id", name = "tenant_id")]
    pub id: i64,
}

fn main() {}
