use schema_core::Table;

#[derive(Table)]
#[table(allow(S201))]
pub struct Event {
    #[column(primary_key)]
    pub id: i64,
    #[column(allow(S101, reason = ""))]
    pub note: String,
    #[column(allow(reason = "a reason, but for no rule"))]
    pub other: String,
}

fn main() {}
