//! Index key length: engines with a byte limit on a key refuse (or, worse, silently shorten) a
//! key whose columns can hold more.
//!
//! Measured on MariaDB 10.11 (InnoDB, DYNAMIC rows, utf8mb4): a primary key over 3072 bytes is
//! an error, a plain index over it is silently cut to a 3072-byte prefix (a different index than
//! declared), and a unique constraint over it silently becomes a hash-based unique index; MySQL 8
//! refuses all three. So every key over the limit is an error here, before any script is written.

use schema_core::{Diagnostic, TableDef};

use crate::Dialect;

/// Reports every primary key, unique constraint, index and foreign key (whose referencing
/// columns the engine indexes) that can hold more bytes than `dialect` allows in one key.
pub(crate) fn check<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    found: &mut Vec<Diagnostic>,
) {
    let Some(limit) = dialect.max_key_bytes() else {
        return;
    };
    let engine = dialect.engine();
    let keys = table
        .primary_key
        .iter()
        .map(|pk| {
            (
                format!("primary key `{}`", pk.name),
                pk.columns.clone(),
                None,
            )
        })
        .chain(table.uniques.iter().map(|u| {
            (
                format!("unique constraint `{}`", u.name),
                u.columns.clone(),
                None,
            )
        }))
        .chain(
            table
                .indexes
                .iter()
                .filter(|i| {
                    i.applies_to(engine) && i.method != Some(schema_core::IndexMethod::FullText)
                })
                .map(|i| (format!("index `{}`", i.name), i.columns.clone(), Some(i))),
        )
        .chain(
            table
                .foreign_keys
                .iter()
                .map(|f| (format!("foreign key `{}`", f.name), f.columns.clone(), None)),
        );
    for (what, columns, index) in keys {
        let mut total = 0;
        for name in &columns {
            let Some(column) = table.find_column(name) else {
                continue;
            };
            let prefix = index
                .and_then(|i| i.parts.get(name))
                .and_then(|part| part.prefix);
            // A column whose width is unknown (raw types) or unbounded (reported elsewhere) is
            // left out of the sum rather than guessed.
            match dialect.key_bytes(&column.sql_type, prefix) {
                Some(bytes) => total += bytes,
                None => continue,
            }
        }
        if total > limit {
            found.push(
                Diagnostic::new(format!(
                    "{what} on ({}) can hold {total} bytes, over {engine}'s {limit}-byte key limit; the server would refuse it or silently index a prefix",
                    columns.join(", ")
                ))
                .table(&table.name)
                .engine(engine)
                .help("shorten the varchar/char columns in the key (4 bytes per character in utf8mb4), or key a hash of the long value"),
            );
        }
    }
}
