//! Generates the committed DDL scripts, ER diagrams and data dictionary in `db/` from the schema
//! crate, and runs the design advisor: every finding is printed as a `cargo:warning`, and
//! anything at warning level or above that no `allow(..., reason = "...")` suppresses fails the
//! build. The schema's history is kept as sqlx migrations in `migrations/<engine>/`: when the
//! schema changes, the build writes the next migration and the new `migrations/schema.json`.

use schema_core::Engine;
use schema_core::advisor::Severity;

fn main() {
    schema_dialects::build::generate(saas_billing_schema::schema())
        .engines([Engine::Postgres, Engine::MySql, Engine::Sqlite])
        .out_dir("db")
        .migrations("migrations")
        .diagrams(true)
        .dictionary(true)
        .advise(Severity::Info)
        .deny(Severity::Warning)
        .run_in_build_script();
}
