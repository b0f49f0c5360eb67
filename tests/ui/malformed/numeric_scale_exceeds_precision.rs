use schema_core::Table;

#[derive(Table)]
pub struct Price {
    #[column(numeric(2, 5))]
    pub amount: rust_decimal::Decimal,
    #[column(decimal(10, 2, 1))]
    pub other: rust_decimal::Decimal,
}

fn main() {}
