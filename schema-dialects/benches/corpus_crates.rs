//! Writes the corpus as two crates for the build-cost comparison (`benches/build-cost/run.sh`):
//! `<dir>/ours` (`#[derive(Table)]`, depending on this workspace's schema-core by path) and
//! `<dir>/seaorm` (SeaORM 2 entities), each its own workspace.
//!
//! `cargo bench -p schema-dialects --bench corpus_crates -- <dir> [tables]` (default 300).

mod corpus;

use std::fs;
use std::path::Path;

/// The SeaORM release the comparison uses (the newest 2.x when this was written).
const SEA_ORM: &str = "=2.0.4";

fn main() {
    // `cargo bench` passes `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: cargo bench -p schema-dialects --bench corpus_crates -- <dir> [tables]");
        std::process::exit(2);
    };
    let n: usize = match args.get(1) {
        Some(n) => n.parse().expect("tables: a number"),
        None => 300,
    };
    let dir = Path::new(dir);
    let tables = corpus::tables(n);
    let core = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schema-core")
        .canonicalize()
        .expect("schema-core is beside schema-dialects");

    let ours = format!(
        "[package]\nname = \"corpus-ours\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n\
         schema-core = {{ path = \"{}\", features = [\"uuid\", \"chrono\", \"rust_decimal\", \"serde_json\"] }}\n\
         uuid = \"1\"\nchrono = {{ version = \"0.4\", default-features = false }}\n\
         rust_decimal = {{ version = \"1\", default-features = false }}\nserde_json = \"1\"\n\n[workspace]\n",
        core.display()
    );
    write_crate(
        &dir.join("ours"),
        &ours,
        &corpus::derive_source::lib_rs(&tables),
        corpus::derive_source::modules(&tables),
    );

    let seaorm = format!(
        "[package]\nname = \"corpus-seaorm\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n\
         sea-orm = {{ version = \"{SEA_ORM}\", default-features = false, features = [\"macros\", \"with-json\", \"with-chrono\", \"with-rust_decimal\", \"with-uuid\"] }}\n\n[workspace]\n"
    );
    write_crate(
        &dir.join("seaorm"),
        &seaorm,
        &corpus::sea_orm_source::lib_rs(&tables),
        corpus::sea_orm_source::modules(&tables),
    );
    println!(
        "wrote {n} tables to {}/ours and {}/seaorm",
        dir.display(),
        dir.display()
    );
}

fn write_crate(dir: &Path, manifest: &str, lib: &str, modules: Vec<(String, String)>) {
    let src = dir.join("src");
    fs::create_dir_all(&src).expect("create the crate directory");
    fs::write(dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    fs::write(src.join("lib.rs"), lib).expect("write lib.rs");
    for (name, source) in modules {
        fs::write(src.join(format!("{name}.rs")), source).expect("write a module");
    }
}
