//! A hotel's bookings, written to use every index, constraint and column feature the engines
//! offer: each engine gets what it has, engine-specific objects are marked `engines(...)` (and
//! skipped with a note elsewhere), and features no portable script can carry are in their own
//! schema groups.

// Clippy's `duplicated_attributes` misreads repeated words in `#[table(...)]` lists (see the
// schema-derive docs).
#![allow(clippy::duplicated_attributes)]

use chrono::{DateTime, Utc};
use schema_core::{Domain, Schema, SchemaBuilder, Table};
use uuid::Uuid;

/// A room; rooms are few and looked up by number, so the table is stored by its key
/// (SQLite `WITHOUT ROWID`).
#[derive(Table)]
#[table(name = "rooms", without_rowid)]
pub struct Room {
    #[column(primary_key)]
    pub id: i64,
    /// Sorted and compared the way people read names.
    #[column(
        varchar(80),
        collation(
            postgres = "und-x-icu",
            mysql = "utf8mb4_general_ci",
            sqlite = "NOCASE"
        )
    )]
    pub name: String,
    pub floor: Floor,
}

/// A floor number: a domain on PostgreSQL, the same CHECK on each column elsewhere.
#[derive(Domain)]
#[domain(name = "floor_number", check = "VALUE BETWEEN -5 AND 200")]
pub struct Floor(pub i16);

/// A guest; one account per email address, whatever its letter case.
#[derive(Table)]
#[table(
    name = "guests",
    index(
        name = "guests_email_lower_key",
        expr = "lower(email)",
        unique,
        engines(postgres, sqlite)
    ),
    index(name = "guests_email_ci_key", columns(email), unique, engines(mysql))
)]
pub struct Guest {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(varchar(320), collation(mysql = "utf8mb4_general_ci"))]
    pub email: String,
    /// A public handle, random on every engine.
    #[column(unique, default = random_uuid)]
    pub token: Uuid,
    /// Case-insensitive text: PostgreSQL `citext`, a case-insensitive collation elsewhere.
    #[column(citext)]
    pub nickname: Option<String>,
}

/// A stay in a room; no two live bookings of a room overlap (PostgreSQL).
#[derive(Table)]
#[table(
    name = "bookings",
    index(columns(room_id, starts_at desc)),
    index(name = "bookings_guest_covering", columns(guest_id), include(starts_at), engines(postgres)),
    index(columns(notes), method = gin, opclass = gin_trgm_ops, engines(postgres)),
    index(name = "bookings_notes_fulltext", columns(notes), fulltext, engines(mysql)),
    index(name = "bookings_starts_brin", columns(starts_at), method = brin, engines(postgres)),
    exclude(
        using = gist,
        elements((room_id, "="), ("tstzrange(starts_at, ends_at)", "&&")),
        where = "NOT cancelled",
        engines(postgres)
    ),
    check(sql = "ends_at > starts_at")
)]
pub struct Booking {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = Room)]
    pub room_id: i64,
    #[column(references = Guest, index)]
    pub guest_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    #[column(default = false)]
    pub cancelled: bool,
    pub nights: i32,
    pub price_cents: i64,
    /// Computed by the engine when the row is written.
    #[column(generated = "price_cents * nights", stored)]
    pub total_cents: i64,
    #[column(text)]
    pub notes: String,
}

/// Searchable documents about a stay: JSON containment (PostgreSQL GIN), a title prefix index
/// (MySQL) or a plain one (elsewhere).
#[derive(Table)]
#[table(
    name = "documents",
    index(columns(meta), method = gin, opclass = jsonb_path_ops, engines(postgres)),
    index(name = "documents_title_prefix", columns(title(20)), engines(mysql)),
    index(columns(title), engines(postgres, sqlite))
)]
pub struct Document {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(text)]
    pub title: String,
    pub meta: serde_json::Value,
}

/// Every engine: the tables above, with the extensions PostgreSQL needs.
pub fn schema() -> SchemaBuilder {
    Schema::builder()
        .extension("btree_gist")
        .extension("pg_trgm")
        .table::<Room>()
        .table::<Guest>()
        .table::<Booking>()
        .table::<Document>()
}

/// A ledger entry, PostgreSQL only: a composite MATCH FULL key, a NULLS NOT DISTINCT unique
/// constraint and a NULLS LAST index key.
#[derive(Table)]
#[table(
    name = "ledger",
    unique(columns(booking_id, external_ref), nulls_not_distinct),
    index(columns(booking_id, settled_at desc nulls_last)),
    foreign_key(columns(room_id, booking_id), references = BookingKeys, target(room_id, id), match_full)
)]
pub struct Ledger {
    #[column(primary_key, identity)]
    pub id: i64,
    pub room_id: Option<i64>,
    pub booking_id: Option<i64>,
    #[column(varchar(40))]
    pub external_ref: Option<String>,
    pub settled_at: Option<DateTime<Utc>>,
    #[column(array)]
    pub tags: Vec<String>,
    #[column(interval)]
    pub grace: Option<String>,
    #[column(cidr)]
    pub source_network: Option<String>,
    #[column(tsvector)]
    pub search: Option<String>,
}

/// A booking's key pair, so the ledger can reference `(room_id, id)`.
#[derive(Table)]
#[table(name = "booking_keys", unique(room_id, id))]
pub struct BookingKeys {
    #[column(primary_key)]
    pub id: i64,
    pub room_id: i64,
}

/// PostgreSQL only: everything, plus the ledger.
pub fn postgres_schema() -> SchemaBuilder {
    schema().table::<BookingKeys>().table::<Ledger>()
}

/// A stop of a guided tour; stops point at the next stop, and a tour is inserted in any order
/// inside one transaction (checked at COMMIT: PostgreSQL and SQLite).
#[derive(Table)]
#[table(name = "tour_stops")]
pub struct TourStop {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = TourStop, deferrable = initially_deferred)]
    pub next_stop: Option<i64>,
    #[column(varchar(80))]
    pub title: String,
}

/// PostgreSQL and SQLite: deferrable foreign keys.
pub fn deferrable_schema() -> SchemaBuilder {
    Schema::builder().table::<TourStop>()
}

/// A sensor reading; the Fahrenheit value is computed on read (MySQL/MariaDB and SQLite).
#[derive(Table)]
#[table(name = "readings")]
pub struct Reading {
    #[column(primary_key)]
    pub id: i64,
    pub celsius: f64,
    #[column(generated = "celsius * 9 / 5 + 32", virtual)]
    pub fahrenheit: f64,
}

/// MySQL/MariaDB and SQLite: virtual generated columns.
pub fn virtual_schema() -> SchemaBuilder {
    Schema::builder().table::<Reading>()
}
