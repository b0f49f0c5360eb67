use schema_core::SqlEnum;

#[derive(SqlEnum)]
pub enum Status {}

#[derive(SqlEnum)]
pub struct NotAnEnum {
    pub value: String,
}

fn main() {}
