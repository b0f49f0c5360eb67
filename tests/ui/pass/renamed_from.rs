use schema_core::Table;

/// Declared renames reach the model, so a migration renames instead of dropping.
#[derive(Table)]
#[table(name = "customers", renamed_from = "clients")]
pub struct Customer {
    #[column(primary_key)]
    pub id: i64,
    #[column(renamed_from = "mail")]
    pub email: String,
}

fn main() {
    let table = Customer::table_def();
    assert_eq!(table.renamed_from.as_deref(), Some("clients"));
    assert_eq!(table.columns[1].renamed_from.as_deref(), Some("mail"));
    assert_eq!(table.columns[0].renamed_from, None);
}
