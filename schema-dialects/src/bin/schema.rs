//! The `schema` command.
fn main() {}
