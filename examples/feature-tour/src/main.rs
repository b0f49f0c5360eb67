//! Prints the feature tour's scripts for every engine (the committed files in `db/` are the same
//! text, written by the build script).

use schema_core::Engine;
use schema_dialects::dialect;

fn main() {
    let groups = [
        ("db", feature_tour_schema::schema(), &Engine::ALL[..]),
        (
            "db/postgres-only",
            feature_tour_schema::postgres_schema(),
            &[Engine::Postgres][..],
        ),
        (
            "db/deferrable",
            feature_tour_schema::deferrable_schema(),
            &[Engine::Postgres, Engine::Sqlite][..],
        ),
        (
            "db/virtual",
            feature_tour_schema::virtual_schema(),
            &[Engine::MySql, Engine::Sqlite][..],
        ),
    ];
    for (dir, builder, engines) in groups {
        let schema = builder.build().unwrap_or_else(|e| panic!("{e}"));
        for engine in engines {
            let script = dialect(*engine)
                .render(&schema)
                .unwrap_or_else(|e| panic!("{e}"));
            println!("-- {dir}/{}.sql\n{script}", engine.key());
        }
    }
}
