use schema_core::Table;

#[derive(Table)]
#[table(nmae = "invoices", index(columns(totl)))]
pub struct Invoice {
    #[column(primary_key, idenity)]
    pub id: i64,
    #[column(varchar)]
    pub number: String,
    #[column(default = yesterday)]
    pub total: i64,
}

fn main() {}
