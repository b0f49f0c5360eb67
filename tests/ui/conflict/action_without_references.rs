use schema_core::Table;

#[derive(Table)]
pub struct Invoice {
    #[column(on_delete = cascade, fk_name = "invoices_tenant_fkey")]
    pub tenant_id: i64,
}

fn main() {}
