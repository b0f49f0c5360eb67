//! Enum types: non-empty, distinct values, one definition per name.

use std::collections::{BTreeMap, BTreeSet};

use crate::{Diagnostic, EnumType, Schema, SqlType};

pub(super) fn check(schema: &Schema, found: &mut Vec<Diagnostic>) {
    let mut by_name: BTreeMap<&str, &EnumType> = BTreeMap::new();
    for table in &schema.tables {
        for column in &table.columns {
            let SqlType::Enum(enum_type) = &column.sql_type else {
                continue;
            };
            let problem = |message: String| {
                Diagnostic::new(message)
                    .table(&table.name)
                    .column(&column.name)
            };
            match by_name.get(enum_type.name.as_str()) {
                // Checked once, where the enum is first used.
                None => {
                    by_name.insert(&enum_type.name, enum_type);
                    definition(enum_type, &problem, found);
                }
                // One name, one type: PostgreSQL creates a single type per name.
                Some(first) if first.values != enum_type.values => found.push(
                    problem(format!(
                        "enum `{}` is used with values [{}] here and [{}] elsewhere",
                        enum_type.name,
                        enum_type.values.join(", "),
                        first.values.join(", ")
                    ))
                    .help("give the two Rust enums different `#[sql_enum(name = \"...\")]`"),
                ),
                Some(_) => {}
            }
        }
    }
}

fn definition(
    enum_type: &EnumType,
    problem: &dyn Fn(String) -> Diagnostic,
    found: &mut Vec<Diagnostic>,
) {
    if enum_type.name.is_empty() {
        found.push(problem("enum type has an empty name".into()));
    }
    if enum_type.values.is_empty() {
        found.push(problem(format!("enum `{}` has no values", enum_type.name)));
    }
    let mut seen = BTreeSet::new();
    for value in &enum_type.values {
        if !seen.insert(value) {
            found.push(problem(format!(
                "enum `{}` lists value `{value}` more than once",
                enum_type.name
            )));
        }
    }
}
