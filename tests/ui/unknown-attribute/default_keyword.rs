use schema_core::Table;

#[derive(Table)]
pub struct Event {
    #[column(default = CURRENT_TIMESTAMP)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
