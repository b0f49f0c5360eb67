use schema_core::Table;

#[derive(Table)]
#[table(foreign_key(columns(tenant_id)), foreign_key(on_delete = cascade))]
pub struct Invoice {
    pub tenant_id: i64,
}

fn main() {}
