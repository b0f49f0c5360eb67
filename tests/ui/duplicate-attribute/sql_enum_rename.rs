use schema_core::SqlEnum;

#[derive(SqlEnum)]
pub enum Status {
    #[sql_enum(rename = "a", rename = "b")]
    Draft,
}

fn main() {}
