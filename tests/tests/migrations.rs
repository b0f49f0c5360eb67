//! Migrations on the real engines: hand-written cases (this file) run through sqlx's migrator,
//! each compared with the target schema built directly and migrated back down.
//!
//! Run on all three engines:
//! `SCHEMA_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test
//!  SCHEMA_TEST_MYSQL_URL=mysql://root@127.0.0.1:3306/test SCHEMA_REQUIRE_ENGINES=1
//!  cargo test -p schema-tests --test migrations`

#[path = "migrations/cases.rs"]
mod cases;
#[path = "migrations/guard.rs"]
mod guard;
#[path = "migrations/history.rs"]
mod history;
#[path = "migrations/support.rs"]
mod support;
