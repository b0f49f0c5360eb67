//! SQL expressions inside the schema (CHECK constraints, `DEFAULT` expressions, partial-index
//! predicates): parsed with the engine's sqlparser dialect, and every identifier they name
//! resolved against the table's columns the way the engine would resolve it.
//!
//! The text is written to the script exactly as the user wrote it; parsing only proves that the
//! engine will accept it and that it names real columns.

use std::ops::ControlFlow;
use std::rc::Rc;

use schema_core::{Diagnostic, TableDef};
use sqlparser::ast::{Expr, Ident, visit_expressions};
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, Tokenizer, Whitespace};

use crate::Dialect;

/// What an expression is for, which decides what it may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A CHECK constraint: may name columns of its table.
    Check,
    /// An index predicate: may name columns of its table.
    Predicate,
    /// A column default: may name no column at all.
    Default,
}

/// Unquoted words that parse as identifiers but are values, not columns.
pub(crate) const NILADIC: &[&str] = &[
    "CURRENT_DATE",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "LOCALTIME",
    "LOCALTIMESTAMP",
    "CURRENT_USER",
    "SESSION_USER",
    "CURRENT_ROLE",
    "CURRENT_CATALOG",
    "CURRENT_SCHEMA",
    "USER",
    "TRUE",
    "FALSE",
    "NULL",
];

/// Checks `sql` (the `what` of `table`, e.g. "check `positive`"), pushing every problem, and
/// returns the columns it names. `column` locates the diagnostics when the expression belongs to
/// one column.
pub(crate) fn check<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    column: Option<&str>,
    what: &str,
    sql: &str,
    role: Role,
    found: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let engine = dialect.engine();
    let problem = |message: String| {
        let d = Diagnostic::new(message).table(&table.name).engine(engine);
        match column {
            Some(column) => d.column(column),
            None => d,
        }
    };
    let parsed = parse_shared(dialect, sql);
    let expr = match &*parsed {
        Ok(expr) => expr,
        Err(error) => {
            found.push(
                problem(format!("{what}: `{sql}` is not a valid {engine} expression: {error}"))
                    .help(match role {
                        Role::Default => "write one SQL expression, e.g. `0` or `lower('x')`",
                        _ => "write one boolean SQL expression over this table's columns, e.g. `total_cents >= 0`",
                    }),
            );
            return Vec::new();
        }
    };
    let allows_volatile = match role {
        Role::Check => dialect.allows_volatile_checks(),
        Role::Predicate => false,
        Role::Default => true,
    };
    names(expr, found, &problem, what, allows_volatile, engine)
        .iter()
        .filter_map(|name| resolve(dialect, table, name, what, role, &problem, found))
        .collect()
}

/// `sql` as written into the script: every reference to a column of `table` is replaced by the
/// column's name quoted for the engine, so one expression means the same on every engine (a
/// column named `user` or `order` stays a column, not `CURRENT_USER` or a syntax error; double
/// quotes would be a string on MySQL). Where decimals are stored as text (SQLite) a decimal
/// column's reference becomes `CAST(<column> AS NUMERIC)`, so comparisons are numeric
/// (`'50.00' <= 100` is false as text). Only the references are replaced, found by their source
/// spans; the rest of the text is kept byte for byte.
pub(crate) fn as_written<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, sql: &str) -> String {
    let parsed = parse_shared(dialect, sql);
    let Ok(expr) = &*parsed else {
        return sql.to_string();
    };
    let mut replacements = Vec::new();
    let _ = visit_expressions(expr, |e| {
        let parts: &[Ident] = match e {
            Expr::Identifier(ident) => std::slice::from_ref(ident),
            Expr::CompoundIdentifier(parts) => parts,
            _ => return ControlFlow::<()>::Continue(()),
        };
        let column = parts.last().and_then(|last| {
            table
                .columns
                .iter()
                .find(|c| matches(dialect, last, &c.name))
        });
        if let (Some(column), Some(first), Some(last)) = (column, parts.first(), parts.last())
            && (parts.len() == 1 || (parts.len() == 2 && matches(dialect, first, &table.name)))
        {
            let start = byte_offset(sql, first.span.start.line, first.span.start.column);
            let end = byte_offset(sql, last.span.end.line, last.span.end.column);
            let quoted = crate::quote::identifier(dialect, &column.name);
            let written = if dialect.stores_decimal_as_text()
                && matches!(column.sql_type, schema_core::SqlType::Decimal { .. })
            {
                format!("CAST({quoted} AS NUMERIC)")
            } else {
                quoted
            };
            if let (Some(start), Some(end)) = (start, end) {
                replacements.push((start, end, written));
            }
        }
        ControlFlow::<()>::Continue(())
    });
    replacements.sort_unstable();
    replacements.dedup();
    let mut out = sql.to_string();
    for (start, end, written) in replacements.into_iter().rev() {
        if start < end
            && end <= out.len()
            && out.is_char_boundary(start)
            && out.is_char_boundary(end)
        {
            out.replace_range(start..end, &written);
        }
    }
    out
}

/// The byte offset of a 1-based line and character column in `text`.
fn byte_offset(text: &str, line: u64, column: u64) -> Option<usize> {
    let mut current_line = 1;
    let mut current_column = 1;
    for (offset, c) in text.char_indices() {
        if current_line == line && current_column == column {
            return Some(offset);
        }
        if c == '\n' {
            current_line += 1;
            current_column = 1;
        } else {
            current_column += 1;
        }
    }
    (current_line == line && current_column == column).then_some(text.len())
}

/// [`parse`], once per text during a render (validation and the writer share the result).
fn parse_shared<D: Dialect + ?Sized>(dialect: &D, sql: &str) -> Rc<Result<Expr, String>> {
    crate::parse_cache::parsed(dialect.engine(), sql, || parse(dialect, sql))
}

/// Parses one whole expression.
pub(crate) fn parse<D: Dialect + ?Sized>(dialect: &D, sql: &str) -> Result<Expr, String> {
    let parser_dialect = dialect.parser_dialect();
    let mut parser = Parser::new(parser_dialect.as_ref())
        .try_with_sql(sql)
        .map_err(|e| e.to_string())?;
    let expr = parser.parse_expr().map_err(|e| e.to_string())?;
    let next = parser.peek_token().token;
    if next != Token::EOF {
        return Err(format!("unexpected `{next}` after the expression"));
    }
    // The text is written inside `CHECK (...)` / `DEFAULT (...)`: a line comment would swallow
    // the closing parenthesis. Only text with a comment marker can hold one, so the second
    // tokenization (a third of the cost of parsing) is skipped for the rest.
    if !(sql.contains("--") || sql.contains('#') || sql.contains("//")) {
        return Ok(expr);
    }
    let tokens = Tokenizer::new(parser_dialect.as_ref(), sql)
        .tokenize()
        .map_err(|e| e.to_string())?;
    if tokens
        .iter()
        .any(|t| matches!(t, Token::Whitespace(Whitespace::SingleLineComment { .. })))
    {
        return Err(
            "it contains a line comment (`--` or `#`); use `/* ... */` or remove it".into(),
        );
    }
    Ok(expr)
}

/// The identifiers `expr` names as columns (qualified ones as several parts); subqueries are
/// reported, since no engine allows them here.
fn names(
    expr: &Expr,
    found: &mut Vec<Diagnostic>,
    problem: &dyn Fn(String) -> Diagnostic,
    what: &str,
    allows_volatile: bool,
    engine: schema_core::Engine,
) -> Vec<Vec<Ident>> {
    let mut names = Vec::new();
    let mut subquery = false;
    let _ = visit_expressions(expr, |e| {
        match e {
            Expr::Identifier(ident) => names.push(vec![ident.clone()]),
            Expr::CompoundIdentifier(parts) => names.push(parts.clone()),
            Expr::Subquery(_) | Expr::Exists { .. } | Expr::InSubquery { .. } => subquery = true,
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    if let Some(volatile) = volatile_call(expr, &names)
        && !allows_volatile
    {
        found.push(
            problem(format!("{what} calls `{volatile}`, whose value changes between calls; {engine} rejects that here"))
                .help("compare against a constant, or enforce the rule in the application or a trigger"),
        );
    }
    if subquery {
        found.push(
            problem(format!("{what} contains a subquery"))
                .help("a CHECK, default or index predicate may only use this row's columns; use a foreign key or a trigger"),
        );
    }
    names
        .into_iter()
        .filter(|parts| {
            !(parts.len() == 1
                && parts[0].quote_style.is_none()
                && NILADIC
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(&parts[0].value)))
        })
        .collect()
}

/// Functions (and value keywords) whose result differs from call to call: engines refuse them
/// where a stored row must keep satisfying the expression (index predicates everywhere, CHECKs on
/// MySQL and SQLite).
const VOLATILE: &[&str] = &[
    "CURRENT_DATE",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "LOCALTIME",
    "LOCALTIMESTAMP",
    "NOW",
    "SYSDATE",
    "CURDATE",
    "CURTIME",
    "UTC_DATE",
    "UTC_TIME",
    "UTC_TIMESTAMP",
    "UNIX_TIMESTAMP",
    "CLOCK_TIMESTAMP",
    "STATEMENT_TIMESTAMP",
    "TRANSACTION_TIMESTAMP",
    "TIMEOFDAY",
    "RANDOM",
    "RAND",
    "UUID",
    "GEN_RANDOM_UUID",
    "RANDOMBLOB",
    "CHANGES",
    "LAST_INSERT_ROWID",
    "CONNECTION_ID",
];

/// The first volatile function or value keyword `expr` uses, if any.
fn volatile_call(expr: &Expr, names: &[Vec<Ident>]) -> Option<String> {
    let is_volatile = |name: &str| VOLATILE.iter().any(|v| v.eq_ignore_ascii_case(name));
    let mut found = names
        .iter()
        .filter(|parts| parts.len() == 1 && parts[0].quote_style.is_none())
        .map(|parts| parts[0].value.clone())
        .find(|name| is_volatile(name));
    let _ = visit_expressions(expr, |e| {
        if let Expr::Function(function) = e
            && let Some(sqlparser::ast::ObjectNamePart::Identifier(ident)) = function.name.0.last()
            && found.is_none()
            && is_volatile(&ident.value)
        {
            found = Some(ident.value.clone());
        }
        ControlFlow::<()>::Continue(())
    });
    found
}

/// Resolves one (possibly qualified) name against `table`'s columns.
fn resolve<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    name: &[Ident],
    what: &str,
    role: Role,
    problem: &dyn Fn(String) -> Diagnostic,
    found: &mut Vec<Diagnostic>,
) -> Option<String> {
    // Written out only for a problem (most names resolve).
    let written = || {
        name.iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(".")
    };
    let column = name.last()?;
    if role == Role::Default {
        found.push(
            problem(format!(
                "{what} names `{}`; a default cannot read columns",
                written()
            ))
            .help("use a constant, a function such as `lower('X')`, or a string literal in quotes"),
        );
        return None;
    }
    if name.len() > 2 || (name.len() == 2 && !matches(dialect, &name[0], &table.name)) {
        found.push(
            problem(format!(
                "{what} names `{}`, which is not a column of `{}`",
                written(),
                table.name
            ))
            .help(format!("name only this table's columns, e.g. `{column}`")),
        );
        return None;
    }
    if let Some(found) = table
        .columns
        .iter()
        .find(|c| matches(dialect, column, &c.name))
    {
        return Some(found.name.clone());
    }
    let message = format!("{what} names column `{}`, which does not exist", written());
    let help = if let Some(exact) = table.columns.iter().find(|c| c.name == column.value) {
        // Only case folding stands between the text and the column.
        format!(
            "{} folds unquoted names to lower case: write {}",
            dialect.engine(),
            crate::quote::identifier(dialect, &exact.name)
        )
    } else {
        match schema_core::suggest::closest(
            &column.value,
            table.columns.iter().map(|c| c.name.as_str()),
        ) {
            // Spelled the way this engine needs it written.
            Some(name) if dialect.folds_unquoted_identifiers() && name != name.to_lowercase() => {
                format!("did you mean {}?", crate::quote::identifier(dialect, name))
            }
            Some(name) => format!("did you mean `{name}`?"),
            None => schema_core::suggest::column_list(table),
        }
    };
    found.push(problem(message).help(help));
    None
}

/// Whether the identifier as written names `actual` on this engine.
pub(crate) fn matches<D: Dialect + ?Sized>(dialect: &D, written: &Ident, actual: &str) -> bool {
    if dialect.column_names_ignore_case() {
        return written.value.eq_ignore_ascii_case(actual);
    }
    if written.quote_style.is_none() && dialect.folds_unquoted_identifiers() {
        return written.value.to_ascii_lowercase() == actual;
    }
    written.value == actual
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialect;
    use schema_core::{Column, Engine, SqlType};

    fn table() -> TableDef {
        TableDef::new("invoices")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("total_cents", SqlType::BigInt))
            .column(Column::new("Paid At", SqlType::Timestamp).nullable())
            .column(Column::new("Status", SqlType::Text))
    }

    fn problems(engine: Engine, sql: &str, role: Role) -> Vec<String> {
        let mut found = Vec::new();
        let _ = check(
            dialect(engine),
            &table(),
            None,
            "check `c`",
            sql,
            role,
            &mut found,
        );
        found.into_iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn valid_expressions_pass_on_every_engine() {
        for engine in Engine::ALL {
            for sql in [
                "total_cents >= 0",
                "invoices.total_cents BETWEEN 0 AND 100",
                "length(CAST(id AS TEXT)) < 20 OR id IS NULL",
                "CASE WHEN id > 0 THEN true ELSE false END",
                "total_cents IN (1, 2, 3) AND TRUE AND NULL IS NULL",
            ] {
                assert_eq!(
                    problems(engine, sql, Role::Check),
                    Vec::<String>::new(),
                    "{engine}: {sql}"
                );
            }
        }
    }

    #[test]
    fn quoting_and_case_follow_the_engine() {
        // PostgreSQL folds `Status` to `status`; the column is "Status".
        let pg = problems(Engine::Postgres, "Status <> ''", Role::Check);
        assert_eq!(pg.len(), 1);
        assert!(pg[0].contains("write \"Status\""), "{pg:?}");
        assert!(problems(Engine::Postgres, "\"Status\" <> ''", Role::Check).is_empty());
        assert!(problems(Engine::Postgres, "\"Paid At\" IS NULL", Role::Check).is_empty());
        assert!(problems(Engine::Sqlite, "status <> ''", Role::Check).is_empty());
        assert!(
            problems(
                Engine::MySql,
                "STATUS <> '' AND `Paid At` IS NULL",
                Role::Check
            )
            .is_empty()
        );
    }

    #[test]
    fn unknown_columns_get_a_suggestion() {
        let found = problems(Engine::Sqlite, "totl_cents > 0", Role::Check);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains("did you mean `total_cents`?"),
            "{found:?}"
        );
        let found = problems(Engine::Postgres, "other.id > 0", Role::Check);
        assert!(found[0].contains("not a column of `invoices`"), "{found:?}");
    }

    #[test]
    fn syntax_errors_and_trailing_text_are_reported() {
        assert_eq!(
            problems(Engine::Postgres, "total_cents >", Role::Check).len(),
            1
        );
        assert_eq!(problems(Engine::MySql, "id > 0 id", Role::Check).len(), 1);
        assert_eq!(
            problems(Engine::Sqlite, "id > (SELECT 1)", Role::Check).len(),
            1
        );
        assert_eq!(
            problems(Engine::Sqlite, "id > 0; DROP TABLE x", Role::Check).len(),
            1
        );
        assert_eq!(
            problems(Engine::Postgres, "id > 0 -- positive", Role::Check).len(),
            1
        );
        assert_eq!(
            problems(Engine::MySql, "id > 0 # positive", Role::Check).len(),
            1
        );
        assert!(problems(Engine::Postgres, "id > 0 /* positive */", Role::Check).is_empty());
    }

    #[test]
    fn volatile_functions_where_the_engine_refuses_them() {
        let volatile = |engine, sql, role| {
            problems(engine, sql, role)
                .iter()
                .any(|p| p.contains("changes between calls"))
        };
        assert!(!volatile(
            Engine::Postgres,
            "id < extract(epoch from now())",
            Role::Check
        ));
        assert!(volatile(
            Engine::MySql,
            "id < UNIX_TIMESTAMP()",
            Role::Check
        ));
        assert!(volatile(Engine::Sqlite, "id > random()", Role::Check));
        assert!(volatile(
            Engine::Postgres,
            "CURRENT_DATE > '2020-01-01'",
            Role::Predicate
        ));
        assert!(!volatile(
            Engine::Sqlite,
            "lower('X') = 'x'",
            Role::Predicate
        ));
        assert!(!volatile(Engine::MySql, "CURRENT_TIMESTAMP", Role::Default));
    }

    #[test]
    fn columns_are_quoted_per_engine_and_sqlite_compares_decimals_as_numbers() {
        let table = TableDef::new("t")
            .column(Column::new(
                "crédit",
                SqlType::Decimal {
                    precision: None,
                    scale: None,
                },
            ))
            .column(Column::new("n", SqlType::Integer))
            .column(Column::new("user", SqlType::Text));
        let written = |engine, sql| as_written(dialect(engine), &table, sql);
        assert_eq!(
            written(
                Engine::Sqlite,
                "\"crédit\" <= 100 AND n > 0 AND\n t.crédit >= 0"
            ),
            "CAST(\"crédit\" AS NUMERIC) <= 100 AND \"n\" > 0 AND\n CAST(\"crédit\" AS NUMERIC) >= 0"
        );
        assert_eq!(
            written(Engine::Postgres, "crédit <= 100"),
            "\"crédit\" <= 100"
        );
        assert_eq!(
            written(Engine::MySql, "n > 0 AND lower(user) = 'x'"),
            "`n` > 0 AND lower(`user`) = 'x'"
        );
    }

    #[test]
    fn defaults_may_not_name_columns() {
        assert!(problems(Engine::Postgres, "lower('X')", Role::Default).is_empty());
        assert!(problems(Engine::MySql, "CURRENT_TIMESTAMP", Role::Default).is_empty());
        assert_eq!(problems(Engine::Sqlite, "id + 1", Role::Default).len(), 1);
    }
}
