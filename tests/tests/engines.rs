//! The rendered DDL on the real engines: the catalogs hold what the model says, and every
//! constraint accepts the good row and rejects the bad one.
//!
//! One test binary (link time) with a module per concern. Each test function opens one fresh
//! database per available engine ([`TestDb::all`](schema_tests::TestDb::all)) and applies one
//! shared fixture schema (see `engines/fixtures.rs`) statement by statement, so a failing
//! statement is reported with its SQL and the engine's own message.
//!
//! Run on all three engines:
//! `SCHEMA_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test
//!  SCHEMA_TEST_MYSQL_URL=mysql://root@127.0.0.1:3306/test SCHEMA_REQUIRE_ENGINES=1
//!  cargo test -p schema-tests --test engines`

#[path = "engines/access.rs"]
mod access;
#[path = "engines/catalog.rs"]
mod catalog;
#[path = "engines/column_features.rs"]
mod column_features;
#[path = "engines/constraints.rs"]
mod constraints;
#[path = "engines/deferrable.rs"]
mod deferrable;
#[path = "engines/domains.rs"]
mod domains;
#[path = "engines/drift.rs"]
mod drift;
#[path = "engines/exclusion.rs"]
mod exclusion;
#[path = "engines/fixtures.rs"]
mod fixtures;
#[path = "engines/index_features.rs"]
mod index_features;
#[path = "engines/introspect.rs"]
mod introspect;
#[path = "engines/key_length.rs"]
mod key_length;
#[path = "engines/objects.rs"]
mod objects;
#[path = "objects_fixture/mod.rs"]
mod objects_fixture;
#[path = "engines/partitions.rs"]
mod partitions;
#[path = "engines/pg_types.rs"]
mod pg_types;
#[path = "engines/relations.rs"]
mod relations;
#[path = "engines/rls_attacks.rs"]
mod rls_attacks;
#[path = "engines/scripts.rs"]
mod scripts;
#[path = "engines/support.rs"]
mod support;
#[path = "engines/triggers.rs"]
mod triggers;
#[path = "engines/values.rs"]
mod values;
#[path = "engines/views.rs"]
mod views;
