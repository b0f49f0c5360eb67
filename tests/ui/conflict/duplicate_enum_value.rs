use schema_core::SqlEnum;

#[derive(SqlEnum)]
pub enum Status {
    Paid,
    #[sql_enum(rename = "paid")]
    PaidInFull,
}

fn main() {}
