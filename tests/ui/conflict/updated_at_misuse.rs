use schema_core::Table;

// `updated_at` on two fields (reported on both) and on a non-timestamp field; `audit` takes no
// value.
#[derive(Table)]
#[table(name = "docs", audit = true)]
pub struct Doc {
    #[column(primary_key)]
    pub id: i64,
    #[column(updated_at)]
    pub changed: chrono::DateTime<chrono::Utc>,
    #[column(updated_at)]
    pub also_changed: chrono::DateTime<chrono::Utc>,
    #[column(updated_at)]
    pub title: String,
}

fn main() {}
