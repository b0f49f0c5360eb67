use schema_core::Table;

#[derive(Table)]
#[table(index(columns(paid_at), wher = "paid_at IS NULL"))]
pub struct Invoice {
    pub paid_at: Option<i64>,
}

fn main() {}
