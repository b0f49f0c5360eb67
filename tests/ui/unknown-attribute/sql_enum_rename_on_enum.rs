use schema_core::SqlEnum;

#[derive(SqlEnum)]
#[sql_enum(rename = "status")]
pub enum Status {
    #[sql_enum(name = "draft")]
    Draft,
}

fn main() {}
