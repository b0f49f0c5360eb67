//! Index shapes and exclusion constraints: what no engine accepts.

use std::collections::BTreeSet;

use super::unknown_column;
use crate::index::is_plain_name;
use crate::{Diagnostic, IndexMethod, TableDef};

pub(super) fn check(table: &TableDef, found: &mut Vec<Diagnostic>) {
    for index in &table.indexes {
        let what = format!("index `{}`", index.name);
        let problem = |message: String| Diagnostic::new(message).table(&table.name);
        // An index with neither columns nor expressions is reported by `keys.rs`.
        for expr in &index.expressions {
            if expr.trim().is_empty() {
                found.push(problem(format!("{what} has an empty expression")));
            }
        }
        let mut seen = BTreeSet::new();
        for column in &index.include {
            if table.find_column(column).is_none() {
                found.push(unknown_column(table, column, &format!("{what} include")));
            } else if index.columns.contains(column) || !seen.insert(column) {
                // PostgreSQL allows a key column in INCLUDE, but it adds nothing.
                found.push(
                    problem(format!(
                        "{what} includes this column twice or also as a key"
                    ))
                    .column(column)
                    .help("list a column once, in the key or in `include(...)`"),
                );
            }
        }
        for (column, part) in &index.parts {
            if !index.columns.contains(column) {
                found.push(
                    problem(format!(
                        "{what} gives options for `{column}`, which is not one of its key columns"
                    ))
                    .help("options belong to a column listed in `columns(...)`"),
                );
            }
            if part.prefix == Some(0) {
                found.push(problem(format!("{what} has a prefix length of 0")).column(column));
            }
            if part.opclass.as_deref().is_some_and(|o| o.trim().is_empty()) {
                found.push(problem(format!("{what} has an empty operator class")).column(column));
            }
        }
        // The engines define NULLS NOT DISTINCT only for uniqueness.
        if index.nulls_not_distinct && !index.unique {
            found.push(
                problem(format!("{what} is `nulls_not_distinct` but not unique"))
                    .help("add `unique`, or drop `nulls_not_distinct`"),
            );
        }
        // A full-text index finds words; it cannot enforce uniqueness or be partial anywhere.
        if index.method == Some(IndexMethod::FullText)
            && (index.unique || index.predicate.is_some() || !index.expressions.is_empty())
        {
            found.push(
                problem(format!(
                    "{what} is a full-text index and cannot be unique, partial or over expressions"
                ))
                .help("index plain text columns: `index(columns(body), fulltext)`"),
            );
        }
        // Only B-tree indexes are unique on every engine that has other methods.
        if index.unique && index.method.is_some_and(|m| m != IndexMethod::BTree) {
            found.push(
                problem(format!(
                    "{what} is unique but uses `{}`; only B-tree indexes enforce uniqueness",
                    index.method.unwrap_or(IndexMethod::BTree)
                ))
                .help("drop `method = ...` for a unique index"),
            );
        }
    }
    for exclusion in &table.exclusions {
        let what = format!("exclusion constraint `{}`", exclusion.name);
        if exclusion.elements.is_empty() {
            found.push(Diagnostic::new(format!("{what} has no elements")).table(&table.name));
        }
        for element in &exclusion.elements {
            if element.operator.trim().is_empty() || element.expr.trim().is_empty() {
                found.push(
                    Diagnostic::new(format!(
                        "{what} has an element without expression or operator"
                    ))
                    .table(&table.name)
                    .help(
                        "write each element as `(column, \"operator\")`, e.g. `(during, \"&&\")`",
                    ),
                );
            }
            if is_plain_name(&element.expr) && table.find_column(&element.expr).is_none() {
                found.push(unknown_column(table, &element.expr, &what));
            }
        }
    }
}
