//! Every issue-3 attribute in one place: index methods and options, expression keys, INCLUDE,
//! NULLS NOT DISTINCT, FULLTEXT and prefixes, engine-specific indexes, exclusion constraints,
//! generated columns, collations, random UUID defaults, deferrable / MATCH FULL foreign keys,
//! WITHOUT ROWID.

use schema_core::{Deferrable, Engine, IndexMethod, Schema, Table};

#[derive(Table)]
#[table(name = "rooms", without_rowid)]
pub struct Room {
    #[column(primary_key)]
    pub id: i64,
    #[column(varchar(40), collation(postgres = "und-x-icu", mysql = "utf8mb4_general_ci", sqlite = "NOCASE"))]
    pub name: String,
}

#[derive(Table)]
#[table(
    name = "bookings",
    unique(columns(room_id, code), nulls_not_distinct),
    index(columns(room_id, starts_at desc nulls_last), include(code)),
    index(expr = "lower(code)", unique, engines(postgres, sqlite)),
    index(columns(notes), method = gin, opclass = gin_trgm_ops, engines(postgres)),
    index(name = "bookings_notes_fulltext", columns(notes), fulltext, engines(mysql)),
    index(columns(code(4) desc), engines(mysql)),
    exclude(using = gist, elements((room_id, "="), ("tstzrange(starts_at, ends_at)", "&&")), where = "NOT cancelled", engines(postgres)),
    foreign_key(columns(room_id), references = Room, deferrable = initially_immediate, match_full)
)]
pub struct Booking {
    #[column(primary_key, default = random_uuid)]
    pub id: uuid::Uuid,
    pub room_id: i64,
    #[column(varchar(20))]
    pub code: Option<String>,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub cancelled: bool,
    #[column(text)]
    pub notes: String,
    #[column(generated = "price_cents * nights", stored)]
    pub total_cents: i64,
    #[column(generated = "nights * 2", virtual)]
    pub half_days: i32,
    pub price_cents: i64,
    pub nights: i32,
    #[column(references = Booking, deferrable = initially_deferred)]
    pub moved_to: Option<uuid::Uuid>,
    #[column(array)]
    pub tags: Vec<String>,
    #[column(array, citext)]
    pub aliases: Option<Vec<String>>,
    #[column(interval)]
    pub grace: String,
    #[column(cidr)]
    pub network: String,
    #[column(tsvector)]
    pub search: String,
}

fn main() {
    let schema = Schema::builder().table::<Room>().table::<Booking>().build().unwrap();
    let bookings = schema.table("bookings").unwrap();
    assert!(bookings.uniques[0].nulls_not_distinct);
    assert_eq!(bookings.indexes[1].expressions, ["lower(code)"]);
    assert_eq!(bookings.indexes[2].method, Some(IndexMethod::Gin));
    assert_eq!(bookings.indexes[2].engines, [Engine::Postgres]);
    assert_eq!(bookings.indexes[4].parts["code"].prefix, Some(4));
    assert_eq!(bookings.exclusions[0].elements[1].operator, "&&");
    assert_eq!(bookings.foreign_keys[0].deferrable, Some(Deferrable::InitiallyDeferred));
    assert!(bookings.foreign_keys[1].match_full);
    assert!(bookings.find_column("total_cents").unwrap().generated.is_some());
    assert!(schema.table("rooms").unwrap().without_rowid);
    assert_eq!(bookings.find_column("tags").unwrap().sql_type.to_string(), "text[]");
    assert_eq!(bookings.find_column("aliases").unwrap().sql_type.to_string(), "citext[]");
    let _ = Booking::table_def();
}
