//! Generates the committed DDL in `db/`: the schema every engine takes (with engine-specific
//! indexes and constraints skipped, with a note, where an engine lacks them), and one script
//! group per set of features only some engines have.

use feature_tour_schema as tour;
use schema_core::Engine;

fn main() {
    schema_dialects::build::generate(tour::schema())
        .engines([Engine::Postgres, Engine::MySql, Engine::Sqlite])
        .out_dir("db")
        .run_in_build_script();
    schema_dialects::build::generate(tour::postgres_schema())
        .engines([Engine::Postgres])
        .out_dir("db/postgres-only")
        .run_in_build_script();
    schema_dialects::build::generate(tour::deferrable_schema())
        .engines([Engine::Postgres, Engine::Sqlite])
        .out_dir("db/deferrable")
        .run_in_build_script();
    schema_dialects::build::generate(tour::virtual_schema())
        .engines([Engine::MySql, Engine::Sqlite])
        .out_dir("db/virtual")
        .run_in_build_script();
}
