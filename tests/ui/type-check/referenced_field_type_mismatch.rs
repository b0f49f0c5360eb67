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
    #[column(references = Tenant(slug))]
    pub tenant_slug: i64,
}

fn main() {}
