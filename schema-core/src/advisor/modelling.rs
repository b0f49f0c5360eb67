//! Modelling anti-patterns (S205, S206, S301, S302).

use std::collections::BTreeMap;

use super::{COMMA_LIST, EAV, Finding, POLYMORPHIC, REPEATED_GROUP};
use crate::{Column, SqlType, TableDef};

/// Names of a column holding an attribute's name in an EAV table.
const ATTRIBUTE_NAMES: &[&str] = &[
    "attribute",
    "attribute_name",
    "attr",
    "attr_name",
    "key",
    "property",
    "property_name",
    "field",
    "field_name",
    "meta_key",
];

/// Names of a column holding an attribute's value in an EAV table.
const VALUE_NAMES: &[&str] = &[
    "value",
    "val",
    "attribute_value",
    "attr_value",
    "property_value",
    "field_value",
    "meta_value",
    "value_text",
    "string_value",
];

/// Suffixes of a text column that holds a list.
const LIST_SUFFIXES: &[&str] = &["_ids", "_list", "_csv", "_array"];

/// Text column names that are plural nouns usually holding lists.
const LIST_NAMES: &[&str] = &[
    "tags",
    "emails",
    "phones",
    "phone_numbers",
    "categories",
    "roles",
    "permissions",
    "labels",
    "keywords",
];

/// Suffixes of the type column of a polymorphic association, after `<stem>_`.
const TYPE_SUFFIXES: &[&str] = &["type", "kind", "table", "class", "model"];

/// Every modelling rule for one table.
pub(super) fn check(table: &TableDef, found: &mut Vec<Finding>) {
    polymorphic(table, found);
    eav(table, found);
    repeated_groups(table, found);
    comma_lists(table, found);
}

fn textual(column: &Column) -> bool {
    column.sql_type.is_textual()
}

/// Why: a type + id pair cannot carry a foreign key, so orphans go unnoticed.
fn polymorphic(table: &TableDef, found: &mut Vec<Finding>) {
    for column in &table.columns {
        let Some(stem) = column.name.strip_suffix("_id") else {
            continue;
        };
        if stem.is_empty()
            || table
                .foreign_keys
                .iter()
                .any(|fk| fk.columns.contains(&column.name))
        {
            continue;
        }
        let type_column = std::iter::once(stem.to_string())
            .chain(TYPE_SUFFIXES.iter().map(|s| format!("{stem}_{s}")))
            .find_map(|name| table.find_column(&name).filter(|c| textual(c)));
        if let Some(type_column) = type_column {
            found.push(Finding::new(
                &POLYMORPHIC,
                &table.name,
                Some(&column.name),
                format!(
                    "`{}` with `{}` is a polymorphic reference: the id points into a table named by data, with no foreign key",
                    column.name, type_column.name
                ),
            ));
        }
    }
}

/// Why: attribute rows instead of columns lose types and constraints.
fn eav(table: &TableDef, found: &mut Vec<Finding>) {
    let attribute = table
        .columns
        .iter()
        .find(|c| ATTRIBUTE_NAMES.contains(&c.name.as_str()) && textual(c));
    let value = table
        .columns
        .iter()
        .find(|c| VALUE_NAMES.contains(&c.name.as_str()));
    let entity = table.columns.iter().find(|c| {
        let is_key = |pk: &crate::PrimaryKey| pk.columns.len() == 1 && pk.columns[0] == c.name;
        c.name.ends_with("_id") && !table.primary_key.as_ref().is_some_and(is_key)
    });
    if let (Some(attribute), Some(value), Some(entity)) = (attribute, value, entity) {
        found.push(Finding::new(
            &EAV,
            &table.name,
            None,
            format!(
                "table `{}` stores attributes as rows ({}, {}, {}): an entity-attribute-value design",
                table.name, entity.name, attribute.name, value.name
            ),
        ));
    }
}

/// `phone2` → (`phone`, 2); `address_line_1` → (`address_line`, 1).
fn numbered(name: &str) -> Option<(&str, &str)> {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits == name.len() {
        return None;
    }
    let (stem, number) = name.split_at(name.len() - digits);
    let stem = stem.strip_suffix('_').unwrap_or(stem);
    (!stem.is_empty()).then_some((stem, number))
}

/// Why: a list spread over numbered columns breaks 1NF.
fn repeated_groups(table: &TableDef, found: &mut Vec<Finding>) {
    let mut groups: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for column in &table.columns {
        if let Some((stem, _)) = numbered(&column.name) {
            groups.entry(stem).or_default().push(&column.name);
        }
    }
    for (stem, columns) in groups {
        if columns.len() >= 2 {
            found.push(
                Finding::new(
                    &REPEATED_GROUP,
                    &table.name,
                    Some(columns[0]),
                    format!(
                        "columns {} repeat one attribute (`{stem}`) over numbered columns",
                        columns
                            .iter()
                            .map(|c| format!("`{c}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .help(format!(
                    "move `{stem}` to a child table `{}_{stem}s` with one row per value",
                    singular(&table.name)
                )),
            );
        }
    }
}

fn singular(name: &str) -> &str {
    name.strip_suffix('s').unwrap_or(name)
}

/// Why: a delimited list in one text column breaks 1NF.
fn comma_lists(table: &TableDef, found: &mut Vec<Finding>) {
    for column in &table.columns {
        let list_capable = column.sql_type.is_textual()
            && !matches!(super::types::base(&column.sql_type), SqlType::Enum(_));
        if !list_capable {
            continue;
        }
        let name = column.name.to_lowercase();
        if LIST_SUFFIXES.iter().any(|s| name.ends_with(s)) || LIST_NAMES.contains(&name.as_str()) {
            found.push(Finding::new(
                &COMMA_LIST,
                &table.name,
                Some(&column.name),
                format!(
                    "`{}` is a {} column whose name says it holds a list",
                    column.name, column.sql_type
                ),
            ));
        }
    }
}
