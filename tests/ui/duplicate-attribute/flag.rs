use schema_core::Table;

#[derive(Table)]
pub struct Tenant {
    #[column(unique)]
    #[column(unique)]
    pub slug: String,
}

fn main() {}
