//! Views: names, declared columns and the key of a materialized view. What the body reads is
//! checked per engine in `schema-dialects`, which parses it.

use std::collections::BTreeSet;

use super::did_you_mean;
use crate::{Diagnostic, Schema, View};

pub(super) fn check(schema: &Schema, found: &mut Vec<Diagnostic>) {
    let mut seen = BTreeSet::new();
    for view in &schema.views {
        if view.name.is_empty() {
            found.push(Diagnostic::new("a view has an empty name"));
        } else if schema.table(&view.name).is_some() {
            // One namespace: tables and views share it on every engine.
            found.push(
                Diagnostic::new(format!("view `{}` has the name of a table", view.name))
                    .help("give the view its own name, e.g. `<table>_summary`"),
            );
        } else if !seen.insert(view.name.as_str()) {
            found.push(Diagnostic::new(format!(
                "the schema declares view `{}` more than once",
                view.name
            )));
        }
        if view.sql_on_all_engines_blank() {
            found.push(
                Diagnostic::new(format!("view `{}` has no query", view.name))
                    .help("write the SELECT, e.g. `View::new(\"v\", \"SELECT ... FROM ...\")`"),
            );
        }
        let mut columns = BTreeSet::new();
        for column in &view.columns {
            if !columns.insert(column.name.as_str()) {
                found.push(Diagnostic::new(format!(
                    "view `{}` declares output column `{}` more than once",
                    view.name, column.name
                )));
            }
        }
        indexes(view, found);
    }
}

/// A materialized view's indexes name its output columns; a plain view has none; and
/// `REFRESH ... CONCURRENTLY` needs a unique index over plain columns.
fn indexes(view: &View, found: &mut Vec<Diagnostic>) {
    if !view.materialized {
        if !view.indexes.is_empty() {
            found.push(
                Diagnostic::new(format!(
                    "view `{}` has indexes, but only a materialized view stores rows to index",
                    view.name
                ))
                .help("make it materialized (`.materialized()`) or drop the indexes"),
            );
        }
        return;
    }
    if view.concurrent_refresh_key().is_none() {
        found.push(
            Diagnostic::new(format!(
                "materialized view `{}` has no unique index over plain columns, which REFRESH MATERIALIZED VIEW CONCURRENTLY needs",
                view.name
            ))
            .help("add one over the view's key, e.g. `.unique_index(Index::on([\"id\"]))`"),
        );
    }
    if view.columns.is_empty() {
        return;
    }
    for index in &view.indexes {
        for column in index.columns.iter().chain(&index.include) {
            if !view.columns.iter().any(|c| &c.name == column) {
                let help = did_you_mean(column, view.columns.iter().map(|c| c.name.as_str()))
                    .unwrap_or_else(|| {
                        let names: Vec<&str> =
                            view.columns.iter().map(|c| c.name.as_str()).collect();
                        format!("the view's columns are {}", names.join(", "))
                    });
                found.push(
                    Diagnostic::new(format!(
                        "index `{}` of materialized view `{}` names column `{column}`, which the view does not return",
                        index.name, view.name
                    ))
                    .help(help),
                );
            }
        }
    }
}

impl View {
    fn sql_on_all_engines_blank(&self) -> bool {
        self.sql.trim().is_empty() && self.engine_sql.values().all(|s| s.trim().is_empty())
    }
}
