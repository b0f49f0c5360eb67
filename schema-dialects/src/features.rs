//! Engine-specific validation of the advanced features: index methods and key-part options,
//! expression indexes, NULLS NOT DISTINCT, exclusion constraints, deferrable and MATCH FULL
//! foreign keys, generated columns, collations and WITHOUT ROWID.
//!
//! Each rule asks one capability question; what the engine cannot do is an error naming the
//! table, the feature and the engine, never a silently different object. An index or exclusion
//! constraint declared for other engines only (`engines(...)`) is skipped here on purpose.

use schema_core::{Diagnostic, GeneratedKind, TableDef};

use crate::Dialect;
use crate::expr::{self, Role};

/// Every problem of `table`'s advanced features on `dialect`.
pub(crate) fn check<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    found: &mut Vec<Diagnostic>,
) {
    indexes(dialect, table, found);
    uniques(dialect, table, found);
    exclusions(dialect, table, found);
    foreign_keys(dialect, table, found);
    columns(dialect, table, found);
    without_rowid(dialect, table, found);
    domains(dialect, table, found);
}

fn problem<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, message: String) -> Diagnostic {
    Diagnostic::new(message)
        .table(&table.name)
        .engine(dialect.engine())
}

const SKIP_HELP: &str =
    "or mark it for the engines that have it, e.g. `engines(postgres)`, to skip it elsewhere";

fn indexes<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    for index in table.indexes.iter().filter(|i| i.applies_to(engine)) {
        let what = format!("index `{}`", index.name);
        let mut refuse = |message: String, help: String| {
            found.push(problem(dialect, table, message).help(help));
        };
        if let Some(method) = index.method
            && !dialect.supports_index_method(method)
        {
            let help = format!("drop `method = {method}`, {SKIP_HELP}");
            refuse(
                format!("{what} uses the `{method}` method, which {engine} does not have"),
                help,
            );
        }
        if !index.expressions.is_empty() && !dialect.supports_expression_indexes() {
            refuse(
                format!(
                    "{what} indexes an expression; MariaDB has no expression indexes (MySQL 8.0.13+ has functional key parts, but one script must run on both)"
                ),
                format!("declare a generated column with the expression and index it, {SKIP_HELP}"),
            );
        }
        for expr in &index.expressions {
            let _ = expr::check(
                dialect,
                table,
                None,
                &format!("{what} expression"),
                expr,
                Role::Predicate,
                found,
            );
        }
        let mut refuse = |message: String, help: String| {
            found.push(problem(dialect, table, message).help(help));
        };
        if !index.include.is_empty() && !dialect.supports_include_columns() {
            refuse(
                format!("{what} has INCLUDE columns, which {engine} does not have"),
                format!("add the columns to the key instead, {SKIP_HELP}"),
            );
        }
        if index.nulls_not_distinct && !dialect.supports_nulls_not_distinct() {
            refuse(
                format!("{what} is NULLS NOT DISTINCT, which {engine} does not have"),
                format!("make the columns NOT NULL, {SKIP_HELP}"),
            );
        }
        for (column, part) in &index.parts {
            if part.opclass.is_some() && !dialect.supports_operator_classes() {
                refuse(
                    format!(
                        "{what} gives `{column}` an operator class, which {engine} does not have"
                    ),
                    format!("drop the `opclass`, {SKIP_HELP}"),
                );
            }
            if part.nulls.is_some() && !dialect.supports_index_nulls_order() {
                refuse(
                    format!(
                        "{what} orders NULLs of `{column}` (NULLS FIRST/LAST), which {engine} index keys cannot"
                    ),
                    format!("drop `nulls_first` / `nulls_last`, {SKIP_HELP}"),
                );
            }
            if part.prefix.is_some() && !dialect.supports_prefix_indexes() {
                refuse(
                    format!("{what} indexes a prefix of `{column}`, which only MySQL does"),
                    format!("index the whole column, {SKIP_HELP}"),
                );
            }
        }
    }
}

fn uniques<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    for unique in table.uniques.iter().filter(|u| u.nulls_not_distinct) {
        if !dialect.supports_nulls_not_distinct() {
            found.push(
                problem(
                    dialect,
                    table,
                    format!(
                        "unique constraint `{}` is NULLS NOT DISTINCT, which {engine} does not have",
                        unique.name
                    ),
                )
                .help("make the columns NOT NULL, or use a partial unique index where NULLs matter"),
            );
        }
    }
}

fn exclusions<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    for exclusion in &table.exclusions {
        if !exclusion.engines.is_empty() && !exclusion.engines.contains(&engine) {
            continue;
        }
        let what = format!("exclusion constraint `{}`", exclusion.name);
        if !dialect.supports_exclusion_constraints() {
            found.push(
                problem(
                    dialect,
                    table,
                    format!("{what}: {engine} has no exclusion constraints"),
                )
                .help(format!("enforce it in the application, {SKIP_HELP}")),
            );
            continue;
        }
        if !dialect.supports_index_method(exclusion.method) {
            found.push(problem(
                dialect,
                table,
                format!(
                    "{what} uses the `{}` method, which {engine} does not have",
                    exclusion.method
                ),
            ));
        }
        for element in &exclusion.elements {
            // An operator is punctuation (`&&`, `=`) or a word; anything else would be SQL text.
            let operator_ok = !element.operator.is_empty()
                && (element
                    .operator
                    .chars()
                    .all(|c| "=<>&|@#~!^*+-/%?".contains(c))
                    || element
                        .operator
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_'));
            if !operator_ok {
                found.push(
                    problem(
                        dialect,
                        table,
                        format!("{what} has an invalid operator `{}`", element.operator),
                    )
                    .help("write an operator such as `=`, `&&` or `<->`"),
                );
            }
            if table.find_column(&element.expr).is_none() {
                let _ = expr::check(
                    dialect,
                    table,
                    None,
                    &format!("{what} element"),
                    &element.expr,
                    Role::Predicate,
                    found,
                );
            }
        }
        if let Some(predicate) = &exclusion.predicate {
            let _ = expr::check(
                dialect,
                table,
                None,
                &format!("{what} predicate"),
                predicate,
                Role::Predicate,
                found,
            );
        }
    }
}

fn foreign_keys<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    for fk in &table.foreign_keys {
        if fk.deferrable.is_some() && !dialect.supports_deferrable_constraints() {
            found.push(
                problem(
                    dialect,
                    table,
                    format!(
                        "foreign key `{}` is deferrable, but {engine} checks foreign keys at once",
                        fk.name
                    ),
                )
                .help("drop `deferrable` and insert referenced rows first"),
            );
        }
        if fk.match_full && !dialect.enforces_match_full() {
            found.push(
                problem(
                    dialect,
                    table,
                    format!(
                        "foreign key `{}` is MATCH FULL, which {engine} parses but does not enforce",
                        fk.name
                    ),
                )
                .help("drop `match_full` and add a CHECK that the columns are all NULL or all NOT NULL"),
            );
        }
    }
}

fn columns<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    for column in &table.columns {
        let at = |message: String| problem(dialect, table, message).column(&column.name);
        if let Some(generated) = &column.generated {
            if !dialect.supports_generated_columns(generated.kind) {
                let kind = match generated.kind {
                    GeneratedKind::Stored => "stored",
                    GeneratedKind::Virtual => "virtual",
                };
                found.push(
                    at(format!("{engine} has no {kind} generated columns"))
                        .help("write `#[column(generated = \"...\", stored)]`"),
                );
            }
            let _ = expr::check(
                dialect,
                table,
                Some(&column.name),
                "generated column expression",
                &generated.expr,
                Role::Predicate,
                found,
            );
        }
        if let Some(collation) = column.collation.get(&engine)
            && !column.sql_type.is_textual()
        {
            found.push(
                at(format!(
                    "collation `{collation}` on a `{}` column; collations apply to text",
                    column.sql_type
                ))
                .help("drop the collation, or give the column a text type"),
            );
        }
    }
}

fn without_rowid<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    if !table.without_rowid || dialect.without_rowid_option().is_none() {
        return;
    }
    if table.primary_key.is_none() {
        found.push(
            problem(
                dialect,
                table,
                format!("a {engine} WITHOUT ROWID table needs a primary key"),
            )
            .help("declare a primary key, or drop `without_rowid`"),
        );
    }
    if table.columns.iter().any(|c| c.identity.is_some()) {
        found.push(
            problem(
                dialect,
                table,
                format!("{engine} cannot generate identity values in a WITHOUT ROWID table"),
            )
            .help("drop `identity` and supply the keys, or drop `without_rowid`"),
        );
    }
}

/// A domain's CHECK for one column: `VALUE` (an unquoted word, any case) replaced by `column`,
/// already quoted. Tokenized with the engine's grammar, so `'VALUE'` in a string or a quoted
/// `"value"` identifier stays as it is.
///
/// Used where the engine has no domains (the column gets the CHECK) and to validate the check
/// on every engine.
pub(crate) fn domain_check_for<D: Dialect + ?Sized>(
    dialect: &D,
    column: &str,
    check: &str,
) -> String {
    use sqlparser::tokenizer::{Token, Tokenizer};
    let parser = dialect.parser_dialect();
    let Ok(tokens) = Tokenizer::new(parser.as_ref(), check).tokenize() else {
        return check.to_string();
    };
    tokens
        .into_iter()
        .map(|token| match &token {
            Token::Word(word)
                if word.quote_style.is_none() && word.value.eq_ignore_ascii_case("value") =>
            {
                column.to_string()
            }
            _ => token.to_string(),
        })
        .collect()
}

/// Each domain column's check, with `VALUE` as the column, in the engine's grammar.
fn domains<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    for column in &table.columns {
        let schema_core::SqlType::Domain(domain) = &column.sql_type else {
            continue;
        };
        let check = domain_check_for(
            dialect,
            &crate::quote::identifier(dialect, &column.name),
            &domain.check,
        );
        let _ = expr::check(
            dialect,
            table,
            Some(&column.name),
            &format!("domain `{}` check", domain.name),
            &check,
            Role::Check,
            found,
        );
    }
}
