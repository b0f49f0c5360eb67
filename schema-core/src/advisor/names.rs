//! Names and documentation (S401–S406).

use super::{
    COLUMNS_WITHOUT_COMMENTS, Finding, NAME_NEEDS_QUOTES, NAME_TOO_LONG, PORTABLE_IDENTIFIER_BYTES,
    RESERVED_WORD, TABLE_WITHOUT_COMMENT, TOO_MANY_COLUMNS,
};
use crate::TableDef;

/// Words reserved (they must be quoted as names) in PostgreSQL, MySQL/MariaDB or SQLite — the
/// union, since a portable name must be usable unquoted on all three. Sorted, for a binary
/// search. Non-reserved keywords such as `name`, `status` or `action` are not listed.
///
/// ```
/// use schema_core::advisor::RESERVED_WORDS;
/// assert!(RESERVED_WORDS.contains(&"select"));
/// assert!(!RESERVED_WORDS.contains(&"name"));
/// ```
pub const RESERVED_WORDS: &[&str] = &[
    "abort",
    "add",
    "all",
    "alter",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "autoincrement",
    "before",
    "between",
    "bigint",
    "binary",
    "both",
    "by",
    "cascade",
    "case",
    "cast",
    "change",
    "check",
    "collate",
    "column",
    "commit",
    "condition",
    "constraint",
    "continue",
    "convert",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "cursor",
    "database",
    "databases",
    "default",
    "deferrable",
    "delete",
    "desc",
    "describe",
    "distinct",
    "div",
    "do",
    "drop",
    "dual",
    "each",
    "else",
    "elseif",
    "end",
    "escape",
    "except",
    "exists",
    "explain",
    "false",
    "fetch",
    "for",
    "force",
    "foreign",
    "freeze",
    "from",
    "full",
    "function",
    "glob",
    "grant",
    "group",
    "groups",
    "having",
    "if",
    "ignore",
    "ilike",
    "in",
    "index",
    "initially",
    "inner",
    "insert",
    "int",
    "integer",
    "intersect",
    "interval",
    "into",
    "is",
    "isnull",
    "join",
    "key",
    "keys",
    "kill",
    "lateral",
    "leading",
    "leave",
    "left",
    "like",
    "limit",
    "lines",
    "load",
    "localtime",
    "localtimestamp",
    "lock",
    "long",
    "loop",
    "match",
    "mod",
    "natural",
    "not",
    "notnull",
    "null",
    "offset",
    "on",
    "only",
    "option",
    "or",
    "order",
    "out",
    "outer",
    "over",
    "overlaps",
    "partition",
    "placing",
    "primary",
    "procedure",
    "range",
    "rank",
    "read",
    "recursive",
    "references",
    "regexp",
    "release",
    "rename",
    "repeat",
    "replace",
    "require",
    "restrict",
    "return",
    "returning",
    "revoke",
    "right",
    "rlike",
    "row",
    "rows",
    "schema",
    "select",
    "separator",
    "session_user",
    "set",
    "show",
    "similar",
    "some",
    "sql",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "to",
    "trailing",
    "trigger",
    "true",
    "union",
    "unique",
    "unlock",
    "update",
    "usage",
    "use",
    "user",
    "using",
    "values",
    "variadic",
    "verbose",
    "when",
    "where",
    "while",
    "window",
    "with",
    "write",
    "xor",
];

/// More columns than this suggest several concepts in one table.
const MAX_COLUMNS: usize = 50;

/// Non-key columns a table may have without any column comment.
const UNDOCUMENTED_COLUMNS_ALLOWED: usize = 3;

/// Whether `name` can be written unquoted on every engine: lower-case ASCII letters, digits and
/// underscores, not starting with a digit.
///
/// ```
/// use schema_core::advisor::plain_identifier;
/// assert!(plain_identifier("created_at"));
/// assert!(!plain_identifier("CreatedAt"));
/// assert!(!plain_identifier("2fa"));
/// ```
pub fn plain_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether `name` is reserved on at least one engine.
///
/// ```
/// use schema_core::advisor::is_reserved;
/// assert!(is_reserved("order"));
/// assert!(is_reserved("USER"));
/// assert!(!is_reserved("status"));
/// ```
pub fn is_reserved(name: &str) -> bool {
    RESERVED_WORDS
        .binary_search(&name.to_lowercase().as_str())
        .is_ok()
}

/// Every naming and documentation rule for one table.
pub(super) fn check(table: &TableDef, found: &mut Vec<Finding>) {
    let mut named: Vec<(&str, Option<&str>, &str)> = vec![("table", None, &table.name)];
    for column in &table.columns {
        named.push(("column", Some(&column.name), &column.name));
    }
    let constraint_names = table
        .primary_key
        .iter()
        .map(|pk| pk.name.as_str())
        .chain(table.uniques.iter().map(|u| u.name.as_str()))
        .chain(table.checks.iter().map(|c| c.name.as_str()))
        .chain(table.foreign_keys.iter().map(|f| f.name.as_str()))
        .chain(table.indexes.iter().map(|i| i.name.as_str()));
    for name in constraint_names {
        named.push(("constraint or index", None, name));
    }
    for (what, column, name) in named {
        too_long(table, what, column, name, found);
        if what == "constraint or index" {
            continue;
        }
        if !plain_identifier(name) {
            found.push(
                Finding::new(
                    &NAME_NEEDS_QUOTES,
                    &table.name,
                    column,
                    format!("{what} name `{name}` must be quoted in SQL"),
                )
                .help(format!("rename it to `{}`", snake(name))),
            );
        } else if is_reserved(name) {
            found.push(Finding::new(
                &RESERVED_WORD,
                &table.name,
                column,
                format!("{what} name `{name}` is a reserved word on at least one engine"),
            ));
        }
    }
    documentation(table, found);
    if table.columns.len() > MAX_COLUMNS {
        found.push(Finding::new(
            &TOO_MANY_COLUMNS,
            &table.name,
            None,
            format!(
                "table `{}` has {} columns (more than {MAX_COLUMNS})",
                table.name,
                table.columns.len()
            ),
        ));
    }
}

/// Why: PostgreSQL truncates names over 63 bytes without an error.
fn too_long(
    table: &TableDef,
    what: &str,
    column: Option<&str>,
    name: &str,
    found: &mut Vec<Finding>,
) {
    if name.len() > PORTABLE_IDENTIFIER_BYTES {
        found.push(Finding::new(
            &NAME_TOO_LONG,
            &table.name,
            column,
            format!(
                "{what} name `{name}` is {} bytes, over the portable limit of {PORTABLE_IDENTIFIER_BYTES}",
                name.len()
            ),
        ));
    }
}

/// Why: comments are the catalog's documentation.
fn documentation(table: &TableDef, found: &mut Vec<Finding>) {
    if table.comment.as_deref().is_none_or(|c| c.trim().is_empty()) {
        found.push(Finding::new(
            &TABLE_WITHOUT_COMMENT,
            &table.name,
            None,
            format!("table `{}` has no comment", table.name),
        ));
    }
    let keyed = |name: &str| {
        table
            .primary_key
            .as_ref()
            .is_some_and(|pk| pk.columns.iter().any(|c| c == name))
            || table
                .foreign_keys
                .iter()
                .any(|fk| fk.columns.iter().any(|c| c == name))
    };
    let non_key: Vec<&str> = table
        .columns
        .iter()
        .filter(|c| !keyed(&c.name))
        .map(|c| c.name.as_str())
        .collect();
    let documented = table.columns.iter().any(|c| c.comment.is_some());
    if !documented && non_key.len() > UNDOCUMENTED_COLUMNS_ALLOWED {
        found.push(Finding::new(
            &COLUMNS_WITHOUT_COMMENTS,
            &table.name,
            None,
            format!(
                "none of the {} non-key columns of `{}` has a comment ({})",
                non_key.len(),
                table.name,
                non_key.join(", ")
            ),
        ));
    }
}

/// A lower_snake_case spelling of `name`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for ch in name.chars() {
        if ch.is_ascii_uppercase() {
            if previous_lower {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
            previous_lower = false;
        } else if ch.is_ascii_alphanumeric() {
            out.push(ch);
            previous_lower = ch.is_ascii_lowercase() || ch.is_ascii_digit();
        } else if !out.ends_with('_') {
            out.push('_');
            previous_lower = false;
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_words_are_sorted_and_lower_case() {
        assert!(RESERVED_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(RESERVED_WORDS.iter().all(|w| plain_identifier(w)));
    }

    #[test]
    fn snake_spelling() {
        assert_eq!(snake("CreatedAt"), "created_at");
        assert_eq!(snake("first name"), "first_name");
        assert_eq!(snake("2fa"), "_2fa");
    }
}
