use schema_core::Table;

#[derive(Table)]
pub struct Tenant {
    #[column(primary_key)]
    pub id: i64,
    #[column(unique)]
    pub slug: String,
}

#[derive(Table)]
pub struct Invoice {
    #[column(references = Tenant, on_delete = cascde)]
    pub tenant_id: i64,
}

fn main() {}
