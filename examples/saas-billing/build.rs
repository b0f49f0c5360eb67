//! Generates the committed DDL scripts, ER diagrams and data dictionary in `db/` from the schema
//! crate.

use schema_core::Engine;

fn main() {
    schema_dialects::build::generate(saas_billing_schema::schema())
        .engines([Engine::Postgres, Engine::MySql, Engine::Sqlite])
        .out_dir("db")
        .diagrams(true)
        .dictionary(true)
        .run_in_build_script();
}
