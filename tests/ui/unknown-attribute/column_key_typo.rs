use schema_core::Table;

#[derive(Table)]
pub struct Tenant {
    #[column(primary_ky, identity)]
    pub id: i64,
}

fn main() {}
