use schema_core::Table;

#[derive(Table)]
#[column(name = "events")]
pub struct Event {
    pub id: i64,
}

fn main() {}
