use schema_core::Table;

#[derive(Table)]
pub struct Invoice {
    #[column(references = "tenants")]
    pub tenant_id: i64,
}

fn main() {}
