use schema_core::Table;

#[derive(Table)]
#[table(fd(zip -> citty, state), fd(zipcode -> city))]
pub struct Address {
    #[column(primary_key)]
    pub id: i64,
    pub zip: String,
    pub city: String,
    pub state: String,
}

fn main() {}
