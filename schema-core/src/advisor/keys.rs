//! Keys, indexes and relations (S201–S204, S207, S208).

use super::{
    DUPLICATE_INDEX, FK_WITHOUT_INDEX, Finding, MISSING_FK, NO_PRIMARY_KEY, PREFIX_INDEX,
    UNRELATED_TABLE,
};
use crate::{Index, IndexMethod, Schema, TableDef};

/// A primary key, unique constraint or index: anything with ordered columns the engine indexes.
struct Indexed<'a> {
    kind: &'static str,
    name: &'a str,
    columns: &'a [String],
    unique: bool,
    predicate: Option<&'a str>,
    /// The index, for what a constraint does not have (method, expressions, parts...).
    index: Option<&'a Index>,
}

impl Indexed<'_> {
    /// Whether it is a plain B-tree over its columns, usable for lookups by a leading prefix.
    fn plain_btree(&self) -> bool {
        self.index.is_none_or(|index| {
            matches!(index.method, None | Some(IndexMethod::BTree)) && index.engines.is_empty()
        })
    }

    /// Whether two entries index the same thing the same way.
    fn same_as(&self, other: &Indexed) -> bool {
        let extras = |ix: &Indexed| {
            ix.index.map(|index| {
                (
                    index.expressions.clone(),
                    index.method.unwrap_or(IndexMethod::BTree),
                    index.parts.clone(),
                    index.include.clone(),
                    index.engines.clone(),
                )
            })
        };
        let plain = |ix: &Indexed| {
            extras(ix).unwrap_or((
                Vec::new(),
                IndexMethod::BTree,
                Default::default(),
                Vec::new(),
                Vec::new(),
            ))
        };
        self.columns == other.columns
            && self.predicate == other.predicate
            && plain(self) == plain(other)
    }

    /// Whether this entry has nothing beyond its key columns (no expressions, parts or
    /// INCLUDE), so a longer index with the same leading columns serves it fully.
    fn bare(&self) -> bool {
        self.index.is_none_or(|index| {
            index.expressions.is_empty() && index.parts.is_empty() && index.include.is_empty()
        })
    }
}

fn indexed(table: &TableDef) -> Vec<Indexed<'_>> {
    let mut all = Vec::new();
    if let Some(pk) = &table.primary_key {
        all.push(Indexed {
            kind: "primary key",
            name: &pk.name,
            columns: &pk.columns,
            unique: true,
            predicate: None,
            index: None,
        });
    }
    for unique in &table.uniques {
        all.push(Indexed {
            kind: "unique constraint",
            name: &unique.name,
            columns: &unique.columns,
            unique: true,
            predicate: None,
            index: None,
        });
    }
    for index in &table.indexes {
        all.push(Indexed {
            kind: if index.unique {
                "unique index"
            } else {
                "index"
            },
            name: &index.name,
            columns: &index.columns,
            unique: index.unique,
            predicate: index.predicate.as_deref(),
            index: Some(index),
        });
    }
    all
}

/// Every key and index rule for one table.
pub(super) fn check(schema: &Schema, table: &TableDef, found: &mut Vec<Finding>) {
    no_primary_key(table, found);
    fk_without_index(table, found);
    duplicate_and_prefix_indexes(table, found);
    missing_fk(schema, table, found);
}

/// Why: rows without a key cannot be addressed one by one.
fn no_primary_key(table: &TableDef, found: &mut Vec<Finding>) {
    if table.primary_key.is_none() {
        found.push(Finding::new(
            &NO_PRIMARY_KEY,
            &table.name,
            None,
            format!("table `{}` has no primary key", table.name),
        ));
    }
}

/// Why: a parent delete or key update scans the child when no index leads with the FK columns.
fn fk_without_index(table: &TableDef, found: &mut Vec<Finding>) {
    let all = indexed(table);
    for fk in &table.foreign_keys {
        let n = fk.columns.len();
        let covered = all.iter().any(|ix| {
            ix.predicate.is_none()
                && ix.plain_btree()
                && ix.columns.len() >= n
                && ix.columns[..n].iter().all(|c| fk.columns.contains(c))
        });
        if !covered && n > 0 {
            let column = (n == 1).then(|| fk.columns[0].as_str());
            let help = if n == 1 {
                format!("add `#[column(index)]` on `{}`", fk.columns[0])
            } else {
                format!("add `index({})` to the table", fk.columns.join(", "))
            };
            found.push(
                Finding::new(
                    &FK_WITHOUT_INDEX,
                    &table.name,
                    column,
                    format!(
                        "foreign key `{}` ({}) → `{}` has no index starting with its columns",
                        fk.name,
                        fk.columns.join(", "),
                        fk.references
                    ),
                )
                .help(help),
            );
        }
    }
}

/// Why: duplicate or prefix indexes cost writes and space and serve no extra query.
fn duplicate_and_prefix_indexes(table: &TableDef, found: &mut Vec<Finding>) {
    let all = indexed(table);
    for (i, ix) in all.iter().enumerate() {
        if let Some(earlier) = all[..i].iter().find(|e| e.same_as(ix)) {
            found.push(
                Finding::new(
                    &DUPLICATE_INDEX,
                    &table.name,
                    None,
                    format!(
                        "{} `{}` ({}) duplicates {} `{}`",
                        ix.kind,
                        ix.name,
                        ix.columns.join(", "),
                        earlier.kind,
                        earlier.name
                    ),
                )
                .help(format!("drop `{}`", ix.name)),
            );
            continue;
        }
        if ix.unique || ix.predicate.is_some() || !ix.plain_btree() || !ix.bare() {
            continue;
        }
        if let Some(longer) = all.iter().find(|other| {
            other.predicate.is_none()
                && other.plain_btree()
                && other.columns.len() > ix.columns.len()
                && other.columns[..ix.columns.len()] == *ix.columns
        }) {
            found.push(
                Finding::new(
                    &PREFIX_INDEX,
                    &table.name,
                    None,
                    format!(
                        "{} `{}` ({}) is a prefix of {} `{}` ({})",
                        ix.kind,
                        ix.name,
                        ix.columns.join(", "),
                        longer.kind,
                        longer.name,
                        longer.columns.join(", ")
                    ),
                )
                .help(format!("drop `{}`", ix.name)),
            );
        }
    }
}

/// The table a `<stem>_id` column most likely refers to: `<stem>`, `<stem>s`, `<stem>es` or
/// `<ste>ies`.
pub(super) fn table_for_stem<'s>(schema: &'s Schema, stem: &str) -> Option<&'s TableDef> {
    let mut names = vec![stem.to_string(), format!("{stem}s"), format!("{stem}es")];
    if let Some(base) = stem.strip_suffix('y') {
        names.push(format!("{base}ies"));
    }
    names.iter().find_map(|name| schema.table(name))
}

/// Why: a column named after another table's key without a foreign key lets orphans in.
fn missing_fk(schema: &Schema, table: &TableDef, found: &mut Vec<Finding>) {
    let in_pk = |c: &str| {
        table
            .primary_key
            .as_ref()
            .is_some_and(|pk| pk.columns.len() == 1 && pk.columns[0] == c)
    };
    for column in &table.columns {
        let Some(stem) = column.name.strip_suffix("_id") else {
            continue;
        };
        if stem.is_empty()
            || in_pk(&column.name)
            || table
                .foreign_keys
                .iter()
                .any(|fk| fk.columns.contains(&column.name))
        {
            continue;
        }
        if let Some(target) = table_for_stem(schema, stem)
            && target.primary_key.is_some()
        {
            found.push(
                Finding::new(
                    &MISSING_FK,
                    &table.name,
                    Some(&column.name),
                    format!(
                        "`{}` looks like a reference to `{}` but has no foreign key",
                        column.name, target.name
                    ),
                )
                .help(format!(
                    "add a foreign key: `#[column(references = ...)]` to `{}`",
                    target.name
                )),
            );
        }
    }
}

/// Why: a table no foreign key touches is often a missing relation.
pub(super) fn check_relations(schema: &Schema, found: &mut Vec<Finding>) {
    if schema.tables.len() < 2 {
        return;
    }
    // Every table another table references, collected once (not rescanned per table).
    let referenced: std::collections::HashSet<&str> = schema
        .tables
        .iter()
        .flat_map(|table| {
            table
                .foreign_keys
                .iter()
                .filter(|fk| fk.references != table.name)
                .map(|fk| fk.references.as_str())
        })
        .collect();
    for table in &schema.tables {
        let outgoing = table
            .foreign_keys
            .iter()
            .any(|fk| fk.references != table.name);
        let incoming = referenced.contains(table.name.as_str());
        if !outgoing && !incoming {
            found.push(Finding::new(
                &UNRELATED_TABLE,
                &table.name,
                None,
                format!(
                    "table `{}` has no foreign key to or from another table",
                    table.name
                ),
            ));
        }
    }
}
