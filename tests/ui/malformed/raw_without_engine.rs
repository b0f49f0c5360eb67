use schema_core::Table;

#[derive(Table)]
pub struct Document {
    #[column(raw())]
    pub search: String,
    #[column(raw = "tsvector")]
    pub body: String,
}

fn main() {}
