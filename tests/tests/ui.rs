//! Compile-fail UI tests of `#[derive(Table)]` and `#[derive(SqlEnum)]`, grouped by error class.
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test -p schema-tests --test ui`
//! and read every changed `.stderr` before committing it.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    for class in [
        "unknown-attribute",
        "duplicate-attribute",
        "malformed",
        "conflict",
        "type-check",
        "unsupported",
        "advisor",
    ] {
        t.compile_fail(format!("ui/{class}/*.rs"));
    }
    t.pass("ui/pass/*.rs");
}
