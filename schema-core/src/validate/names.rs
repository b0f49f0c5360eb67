//! Constraint and index names are unique across the schema.
//!
//! Engines differ in where these names live (PostgreSQL: indexes, primary keys and unique
//! constraints share one namespace per schema with tables; MySQL: foreign key names are unique per
//! database; SQLite: index names per database). Requiring every name to be unique schema-wide,
//! and distinct from every table name, is the rule that is safe on all of them.

use std::collections::BTreeMap;

use crate::{Diagnostic, Schema};

pub(super) fn check(schema: &Schema, found: &mut Vec<Diagnostic>) {
    let mut owners: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for table in &schema.tables {
        owners.entry(&table.name).or_insert((&table.name, "table"));
    }
    let mut seen_tables = std::collections::BTreeSet::new();
    // A table declared twice is reported once, by the table check, not once per constraint.
    for table in schema.tables.iter().filter(|t| seen_tables.insert(&t.name)) {
        let named = table
            .primary_key
            .iter()
            .map(|pk| (pk.name.as_str(), "primary key"))
            .chain(
                table
                    .uniques
                    .iter()
                    .map(|u| (u.name.as_str(), "unique constraint")),
            )
            .chain(table.checks.iter().map(|c| (c.name.as_str(), "check")))
            .chain(
                table
                    .foreign_keys
                    .iter()
                    .map(|f| (f.name.as_str(), "foreign key")),
            )
            .chain(table.indexes.iter().map(|i| (i.name.as_str(), "index")));
        for (name, kind) in named {
            match owners.get(name) {
                None => {
                    owners.insert(name, (&table.name, kind));
                }
                Some((owner, other_kind)) => found.push(
                    Diagnostic::new(format!(
                        "{kind} name `{name}` is already used by {other_kind} {}",
                        if *other_kind == "table" {
                            format!("`{owner}`")
                        } else {
                            format!("of table `{owner}`")
                        }
                    ))
                    .table(&table.name)
                    .help("give one of them an explicit `name = \"...\"`"),
                ),
            }
        }
    }
}
