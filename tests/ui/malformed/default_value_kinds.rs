use schema_core::Table;

#[derive(Table)]
pub struct Settings {
    #[column(default)]
    pub retries: i32,
    #[column(default = -true)]
    pub enabled: bool,
    #[column(default = 99999999999999999999)]
    pub big: i64,
    #[column(check(sql = "x > 0"))]
    pub x: i32,
}

fn main() {}
