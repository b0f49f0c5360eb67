use schema_core::Table;

#[derive(Table)]
#[table(fd(-> city), fd(zip ->), fd(zip, city), fd("zip" -> city), fd = "zip -> city")]
pub struct Address {
    #[column(primary_key)]
    pub id: i64,
    pub zip: String,
    pub city: String,
}

fn main() {}
