use schema_core::Table;

#[derive(Table)]
pub struct Document {
    #[column(raw(postgresql = "tsvector", sqlite = "TEXT"))]
    pub search: String,
}

fn main() {}
