use schema_core::Table;

#[derive(Table)]
pub struct Tenant {
    #[column(primary_key)]
    pub id: i64,
    #[column(unique)]
    pub slug: String,
}

#[derive(Table)]
#[table(foreign_key(columns(tenant_id), refrences = Tenant))]
pub struct Invoice {
    pub tenant_id: i64,
}

fn main() {}
