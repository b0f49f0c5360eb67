use schema_core::Table;

#[derive(Table)]
pub struct Invoice<T> {
    pub id: T,
}

fn main() {}
