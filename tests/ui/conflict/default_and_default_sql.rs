use schema_core::Table;

#[derive(Table)]
pub struct User {
    #[column(default = 0, default_sql = "0")]
    pub logins: i64,
}

fn main() {}
