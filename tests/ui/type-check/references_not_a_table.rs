use schema_core::Table;

pub struct Tenant {
    pub id: i64,
}

#[derive(Table)]
pub struct Invoice {
    #[column(references = Tenant)]
    pub tenant_id: i64,
}

fn main() {}
