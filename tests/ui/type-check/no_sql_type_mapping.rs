use schema_core::Table;

pub struct Money {
    pub cents: i64,
}

#[derive(Table)]
pub struct Invoice {
    pub total: Money,
    pub refund: Option<Money>,
}

fn main() {}
