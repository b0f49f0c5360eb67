//! The README tells the truth: its DDL is what the writers produce, its error is the one the
//! build reports, its tables are generated from the code, and CI runs its test command.

use schema_core::{Column, Engine, Schema, SqlType, TableDef};
use schema_dialects::{build, docs};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap()
}

/// The contents of every fenced block of `language` in `text`.
fn fenced_blocks(text: &str, language: &str) -> Vec<String> {
    let opening = format!("```{language}\n");
    text.split(&opening)
        .skip(1)
        .map(|rest| rest.split("\n```").next().unwrap().to_string())
        .collect()
}

/// The text between `<!-- name:begin -->` and `<!-- name:end -->`.
fn generated_section(text: &str, name: &str) -> String {
    let begin = format!("<!-- {name}:begin -->\n");
    let end = format!("<!-- {name}:end -->");
    let start = text
        .find(&begin)
        .unwrap_or_else(|| panic!("README has no {begin}"))
        + begin.len();
    let stop = text[start..]
        .find(&end)
        .unwrap_or_else(|| panic!("README has no {end}"))
        + start;
    text[start..stop].to_string()
}

#[test]
fn every_sql_block_is_part_of_a_committed_script() {
    let scripts: Vec<String> = Engine::ALL
        .into_iter()
        .map(|engine| {
            std::fs::read_to_string(format!(
                "{}/../examples/saas-billing/db/{}.sql",
                env!("CARGO_MANIFEST_DIR"),
                engine.key()
            ))
            .unwrap()
        })
        .collect();
    let blocks = fenced_blocks(&readme(), "sql");
    assert!(
        blocks.len() >= 4,
        "the README shows the DDL of every engine"
    );
    for block in blocks {
        assert!(
            scripts.iter().any(|script| script.contains(&block)),
            "this README block is not in any script of examples/saas-billing/db:\n{block}"
        );
    }
}

#[test]
fn the_build_error_shown_is_the_one_reported() {
    let users = TableDef::new("users")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("email", SqlType::Text))
        .primary_key(["id"])
        .unique(["email"]);
    let error = build::generate(Schema::builder().table_def(users))
        .engines([Engine::MySql])
        .out_dir(std::env::temp_dir().join("schema-readme-never-written"))
        .run()
        .unwrap_err()
        .to_string();
    let shown = fenced_blocks(&readme(), "text");
    assert!(
        shown.iter().any(|block| error.contains(block.as_str())),
        "the README's error example is out of date; the build now reports:\n{error}"
    );
}

/// Compares a generated README section with the code's output; with `SCHEMA_UPDATE_README=1`
/// rewrites it instead.
fn assert_generated(name: &str, generated: String) {
    let text = readme();
    let current = generated_section(&text, name);
    if current == generated {
        return;
    }
    if std::env::var("SCHEMA_UPDATE_README").is_ok_and(|v| v == "1") {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
        let begin = format!("<!-- {name}:begin -->\n");
        let updated = text.replacen(
            &format!("{begin}{current}"),
            &format!("{begin}{generated}"),
            1,
        );
        std::fs::write(path, updated).unwrap();
        return;
    }
    panic!(
        "the README's `{name}` section is out of date; run \
         `SCHEMA_UPDATE_README=1 cargo test -p schema-tests --test readme` and commit README.md"
    );
}

#[test]
fn the_type_mapping_table_is_generated() {
    assert_generated("type-mapping", docs::type_mapping_markdown());
}

#[test]
fn the_support_matrix_is_generated() {
    assert_generated("support-matrix", docs::support_matrix_markdown());
}

#[test]
fn ci_runs_the_readme_test_command_with_engines_required() {
    let readme = readme();
    let command = fenced_blocks(&readme, "sh")
        .into_iter()
        .find(|block| block.contains("cargo test"))
        .expect("the README gives a test command");
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../.ci/run")).unwrap();
    assert!(
        ci.lines()
            .any(|line| line.trim() == format!("SCHEMA_REQUIRE_ENGINES=1 {command}")),
        ".ci/run must run `SCHEMA_REQUIRE_ENGINES=1 {command}`"
    );
    let example = fenced_blocks(&readme, "sh")
        .into_iter()
        .find(|b| b.contains("cargo run"))
        .unwrap();
    assert!(
        ci.lines().any(|line| line.trim() == example),
        ".ci/run must run `{example}`"
    );
}
