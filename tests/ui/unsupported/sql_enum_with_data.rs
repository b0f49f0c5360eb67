use schema_core::SqlEnum;

#[derive(SqlEnum)]
pub enum Status {
    Draft,
    Paid(i64),
    Refunded { amount: i64 },
}

fn main() {}
