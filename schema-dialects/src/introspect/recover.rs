//! Logical types and defaults recovered from catalog text, by asking the engine's own writer
//! which declaration renders to what the catalog holds, so reading is the exact inverse of
//! writing.

use std::collections::BTreeMap;

use schema_core::{ColumnDefault, Engine, EnumType, Literal, SqlType};
use sqlparser::ast::{Expr, Value};

use super::normalize::{CANDIDATES, canonical_sql};
use crate::{dialect, quote};

/// The logical type of column `column` of `table` whose catalog type is `type_text` (already in
/// the writer's spelling: `varchar(10)`, `BINARY(16)`, `TEXT`). A CHECK in `checks` that is the
/// type's own domain CHECK is removed from the list.
pub(super) fn column_type(
    engine: Engine,
    table: &str,
    column: &str,
    type_text: &str,
    nullable: bool,
    checks: &mut Vec<String>,
) -> SqlType {
    let target = dialect(engine);
    let quoted = quote::identifier(target, column);
    let wanted = squash(type_text);
    let mut candidates = CANDIDATES.to_vec();
    candidates.extend(parameterised(type_text, checks));
    candidates.extend(enum_candidates(engine, table, column, type_text, checks));
    let named = |c: &SqlType| squash(&target.type_name(c)) == wanted;
    let canonical: Vec<String> = checks.iter().map(|c| canonical_sql(engine, c)).collect();
    // A type whose domain CHECK is there, then a type without one, then a type whose CHECK is
    // missing (left off where a referential action writes the column).
    for candidate in candidates.iter().filter(|c| named(c)) {
        if let Some(check) = target.type_check(&quoted, candidate, nullable) {
            let check = canonical_sql(engine, &check);
            if let Some(at) = canonical.iter().position(|c| *c == check) {
                checks.remove(at);
                return candidate.clone();
            }
        }
    }
    let without_check = candidates
        .iter()
        .filter(|c| named(c))
        .find(|c| target.type_check(&quoted, c, nullable).is_none());
    if let Some(found) = without_check.or_else(|| candidates.iter().find(|c| named(c))) {
        return found.clone();
    }
    SqlType::Raw(BTreeMap::from([(engine, type_text.to_string())]))
}

/// [`column_type`] for a column with a non-default collation: a type whose domain CHECK is
/// there wins with the collation kept as the column's; otherwise a type that writes the
/// collation itself (`citext` as `LONGTEXT COLLATE utf8mb4_general_ci`) takes it. Returns the
/// type and the collation still to record on the column.
pub(super) fn column_type_with_collation(
    engine: Engine,
    table: &str,
    column: &str,
    type_text: &str,
    collation: Option<&str>,
    nullable: bool,
    checks: &mut Vec<String>,
) -> (SqlType, Option<String>) {
    let Some(collation) = collation else {
        return (
            column_type(engine, table, column, type_text, nullable, checks),
            None,
        );
    };
    let mut plain_checks = checks.clone();
    let plain = column_type(
        engine,
        table,
        column,
        type_text,
        nullable,
        &mut plain_checks,
    );
    if plain_checks.len() == checks.len() {
        let mut collated_checks = checks.clone();
        let collated = column_type(
            engine,
            table,
            column,
            &format!("{type_text} COLLATE {collation}"),
            nullable,
            &mut collated_checks,
        );
        if !matches!(collated, SqlType::Raw(_)) {
            *checks = collated_checks;
            return (collated, None);
        }
    }
    *checks = plain_checks;
    (plain, Some(collation.to_string()))
}

/// Lowercase without whitespace, so `ENUM('a', 'b')` is `enum('a','b')`.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `varchar(n)`, `char(n)` and `decimal(p,s)` with every number in the type text and checks.
fn parameterised(type_text: &str, checks: &[String]) -> Vec<SqlType> {
    let mut numbers: Vec<u32> = Vec::new();
    for text in std::iter::once(type_text).chain(checks.iter().map(String::as_str)) {
        numbers.extend(
            text.split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse::<u32>().ok()),
        );
    }
    numbers.sort_unstable();
    numbers.dedup();
    let mut found = Vec::new();
    for &n in &numbers {
        found.push(SqlType::Varchar(n));
        found.push(SqlType::Char(n));
    }
    for &p in &numbers {
        let Ok(p) = u16::try_from(p) else { continue };
        found.push(SqlType::Decimal {
            precision: Some(p),
            scale: None,
        });
        for &s in &numbers {
            if let Ok(s) = u16::try_from(s) {
                found.push(SqlType::Decimal {
                    precision: Some(p),
                    scale: Some(s),
                });
            }
        }
    }
    found
}

/// Enums of engines without named enum types: from `enum('a','b')` (MySQL) or from a
/// `c IN ('a', 'b')` CHECK (SQLite), named `<table>_<column>`.
fn enum_candidates(
    engine: Engine,
    table: &str,
    column: &str,
    type_text: &str,
    checks: &[String],
) -> Vec<SqlType> {
    let name = format!("{table}_{column}");
    let mut lists: Vec<Vec<String>> = Vec::new();
    let lower = type_text.trim().to_lowercase();
    if lower.starts_with("enum(") && lower.ends_with(')') {
        lists.push(
            super::split_top_level(&type_text.trim()[5..type_text.trim().len() - 1])
                .iter()
                .map(|v| unquote(v))
                .collect(),
        );
    }
    for check in checks {
        if let Ok(Expr::InList { list, .. }) = crate::expr::parse(dialect(engine), check) {
            let values: Option<Vec<String>> = list
                .iter()
                .map(|item| match item {
                    Expr::Value(v) => match &v.value {
                        Value::SingleQuotedString(s) => Some(s.clone()),
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
            lists.extend(values);
        }
    }
    lists
        .into_iter()
        .map(|values| SqlType::Enum(EnumType::new(name.clone(), values)))
        .collect()
}

/// The text of an SQL string literal (`'it''s'` is `it's`).
pub(super) fn unquote(literal: &str) -> String {
    let literal = literal.trim();
    match literal
        .strip_prefix('\'')
        .and_then(|l| l.strip_suffix('\''))
    {
        Some(inner) => inner.replace("''", "'").replace("\\\\", "\\"),
        None => literal.to_string(),
    }
}

/// The default whose rendering on `engine` is `text`, and the type among those stored like
/// `sql_type` that writes it so (SQLite: `now` tells `timestamp` from `timestamptz`).
pub(super) fn typed_default(
    engine: Engine,
    sql_type: SqlType,
    text: Option<&str>,
) -> (SqlType, Option<ColumnDefault>) {
    let Some(text) = text else {
        return (sql_type, None);
    };
    let found = default(engine, &sql_type, text);
    if !matches!(found, Some(ColumnDefault::Sql(_))) {
        return (sql_type, found);
    }
    for alike in super::normalize::stored_alike(&sql_type, engine) {
        let other = default(engine, &alike, text);
        if !matches!(other, Some(ColumnDefault::Sql(_))) {
            return (alike, other);
        }
    }
    (sql_type, found)
}

/// The default whose rendering on `engine` is `text` (the catalog's default expression).
pub(super) fn default(engine: Engine, sql_type: &SqlType, text: &str) -> Option<ColumnDefault> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("null") {
        return None;
    }
    let target = dialect(engine);
    let live = canonical_sql(engine, text);
    let inner = strip_casts(super::strip_outer_parens(text));
    let mut candidates = vec![
        ColumnDefault::Now,
        ColumnDefault::CurrentDate,
        ColumnDefault::RandomUuid,
    ];
    if is_boolean(sql_type) {
        match inner.to_lowercase().as_str() {
            "true" | "1" | "'1'" => candidates.insert(0, ColumnDefault::bool(true)),
            "false" | "0" | "'0'" => candidates.insert(0, ColumnDefault::bool(false)),
            _ => {}
        }
    }
    let unquoted = unquote(&inner);
    if let Ok(n) = unquoted.parse::<i64>() {
        candidates.push(ColumnDefault::int(n));
    }
    if unquoted.parse::<f64>().is_ok() {
        candidates.push(ColumnDefault::Value(Literal::Number(unquoted.clone())));
    }
    if inner.starts_with('\'') {
        candidates.push(ColumnDefault::text(unquoted));
    }
    for candidate in candidates {
        let rendered = crate::writer::default_value(target, sql_type, &candidate);
        if canonical_sql(engine, &rendered) == live
            || (is_boolean(sql_type) && matches!(candidate, ColumnDefault::Value(Literal::Bool(_))))
        {
            return Some(candidate);
        }
    }
    Some(ColumnDefault::Sql(
        super::strip_outer_parens(text).to_string(),
    ))
}

fn is_boolean(sql_type: &SqlType) -> bool {
    match sql_type {
        SqlType::Domain(domain) => is_boolean(&domain.base),
        other => *other == SqlType::Boolean,
    }
}

/// `'draft'::invoice_status` without its cast.
fn strip_casts(text: &str) -> String {
    match text.find("::") {
        Some(at) if !text[at..].contains('\'') => text[..at].to_string(),
        _ => text.to_string(),
    }
}
