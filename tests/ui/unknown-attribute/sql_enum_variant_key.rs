use schema_core::SqlEnum;

#[derive(SqlEnum)]
pub enum Status {
    Draft,
    #[sql_enum(renam = "paid_in_full")]
    Paid,
}

fn main() {}
