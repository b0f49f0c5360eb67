use schema_core::Table;

/// Postal addresses.
#[derive(Table)]
#[table(
    fd(zip -> city, state),
    fd(street, city -> zip),
    allow(S304, S305, reason = "kept denormalised for the label printer"),
)]
pub struct Address {
    #[column(primary_key, identity)]
    pub id: i64,
    pub street: String,
    #[column(char(5), allow(S104, reason = "five-digit US ZIP codes"))]
    pub zip: String,
    pub city: String,
    pub state: String,
}

fn main() {
    let def = Address::table_def();
    assert_eq!(def.allows.len(), 2);
    assert_eq!(def.allows[1].code, "S305");
    assert_eq!(def.functional_dependencies[0].to_string(), "zip -> city, state");
    assert_eq!(def.columns[2].allows[0].reason, "five-digit US ZIP codes");
}
