use schema_core::Table;

#[derive(Table)]
pub enum Status {
    Draft,
    Paid,
}

fn main() {}
