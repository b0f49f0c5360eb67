use schema_core::Table;

#[derive(Table)]
#[table(nmae = "tenants")]
pub struct Tenant {
    #[column(primary_key)]
    pub id: i64,
}

fn main() {}
