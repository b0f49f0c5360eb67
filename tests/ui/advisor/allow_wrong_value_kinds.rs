use schema_core::Table;

#[derive(Table)]
#[table(allow("S201", reason = "quoted code"))]
pub struct Event {
    #[column(primary_key)]
    pub id: i64,
    #[column(allow(S101, reason = 42))]
    pub note: String,
    #[column(allow(timestamp, reason = "a rule name, not a code"))]
    pub at: String,
    #[column(allow = "S101")]
    pub other: String,
    #[column(allow(S101, because = "typo in the key"))]
    pub last: String,
}

fn main() {}
