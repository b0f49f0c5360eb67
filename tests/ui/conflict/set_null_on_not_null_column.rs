use schema_core::Table;

#[derive(Table)]
pub struct Tenant {
    #[column(primary_key)]
    pub id: i64,
    #[column(unique)]
    pub slug: String,
}

#[derive(Table)]
#[table(foreign_key(columns(tenant_id), references = Tenant, on_delete = set_null))]
pub struct Invoice {
    #[column(references = Tenant, on_delete = set_null)]
    pub tenant_id: i64,
}

fn main() {}
