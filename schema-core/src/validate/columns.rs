//! Column types, identity and defaults.

use crate::{Column, ColumnDefault, Diagnostic, Literal, SqlType, TableDef};

pub(super) fn check(table: &TableDef, found: &mut Vec<Diagnostic>) {
    for column in &table.columns {
        let problem = |message: String| {
            Diagnostic::new(message)
                .table(&table.name)
                .column(&column.name)
        };
        type_parameters(column, &problem, found);
        identity(column, &problem, found);
        if let Some(default) = &column.default {
            default_fits(column, default, &problem, found);
        }
    }
    let identities: Vec<&str> = table
        .columns
        .iter()
        .filter(|column| column.identity.is_some())
        .map(|column| column.name.as_str())
        .collect();
    // Every engine allows one generated sequence per table.
    if identities.len() > 1 {
        found.push(
            Diagnostic::new(format!(
                "more than one identity column: {}",
                identities.join(", ")
            ))
            .table(&table.name)
            .help("keep `identity` on one column"),
        );
    }
}

/// Lengths and precisions that no engine accepts.
fn type_parameters(
    column: &Column,
    problem: &dyn Fn(String) -> Diagnostic,
    found: &mut Vec<Diagnostic>,
) {
    match &column.sql_type {
        SqlType::Varchar(0) | SqlType::Char(0) => found.push(
            problem(format!("`{}` has length 0", column.sql_type))
                .help("give a length of at least 1"),
        ),
        SqlType::Decimal {
            precision: None,
            scale: Some(_),
        } => found.push(
            problem("decimal has a scale but no precision".into())
                .help("write both, e.g. `#[column(numeric(12, 2))]`"),
        ),
        SqlType::Decimal {
            precision: Some(0), ..
        } => found
            .push(problem("decimal precision is 0".into()).help("give a precision of at least 1")),
        SqlType::Decimal {
            precision: Some(p),
            scale: Some(s),
        } if s > p => found.push(
            problem(format!("decimal scale {s} exceeds its precision {p}"))
                .help("the scale counts digits after the point and cannot exceed the precision"),
        ),
        SqlType::Raw(per_engine) if per_engine.is_empty() => found.push(
            problem("raw type names no engine".into())
                .help("write e.g. `#[column(raw(postgres = \"tsvector\", sqlite = \"TEXT\"))]`"),
        ),
        SqlType::Raw(per_engine) => {
            for (engine, ty) in per_engine {
                if ty.trim().is_empty() {
                    found.push(problem(format!("raw type for {engine} is empty")));
                }
            }
        }
        _ => {}
    }
}

/// Identity columns are NOT NULL integers without a default: the engine is the only source.
fn identity(column: &Column, problem: &dyn Fn(String) -> Diagnostic, found: &mut Vec<Diagnostic>) {
    if column.identity.is_none() {
        return;
    }
    if !column.sql_type.is_integer() {
        found.push(
            problem(format!("identity column has type `{}`", column.sql_type))
                .help("identity columns are integers: use i32 or i64"),
        );
    }
    if column.nullable {
        found.push(problem("identity column is nullable".into()).help("use a non-Option type"));
    }
    if column.default.is_some() {
        found.push(
            problem("identity column also has a default".into())
                .help("remove the default: the engine generates the value"),
        );
    }
}

/// A typed default must be a value of the column's type.
fn default_fits(
    column: &Column,
    default: &ColumnDefault,
    problem: &dyn Fn(String) -> Diagnostic,
    found: &mut Vec<Diagnostic>,
) {
    let ty = &column.sql_type;
    let mismatch = |what: &str| problem(format!("default {what} does not fit type `{ty}`"));
    if let ColumnDefault::Value(literal @ (Literal::Int(_) | Literal::Number(_))) = default
        && let Some(range) = out_of_range(ty, literal)
    {
        found.push(mismatch(&literal_text(literal)).help(range));
        return;
    }
    match default {
        ColumnDefault::Value(Literal::Bool(_)) if *ty != SqlType::Boolean => {
            found.push(mismatch("boolean"))
        }
        ColumnDefault::Value(Literal::Int(_) | Literal::Number(_)) if !ty.is_numeric() => {
            found.push(mismatch("number"))
        }
        ColumnDefault::Value(Literal::Int(_)) if !ty.is_integer() => {}
        ColumnDefault::Value(Literal::Number(n))
            if ty.is_integer() && n.contains(['.', 'e', 'E']) =>
        {
            found.push(mismatch(&format!("`{n}`")))
        }
        ColumnDefault::Value(Literal::Text(_)) if ty.is_numeric() || *ty == SqlType::Boolean => {
            found.push(mismatch("string").help("write the value without quotes"))
        }
        ColumnDefault::Value(Literal::Text(text)) => text_default(column, text, problem, found),
        ColumnDefault::Now if !matches!(ty, SqlType::Timestamp | SqlType::TimestampTz) => found
            .push(
                mismatch("`now`")
                    .help("`now` is a default for timestamp columns; dates use `current_date`"),
            ),
        ColumnDefault::RandomUuid if *ty != SqlType::Uuid => found
            .push(mismatch("`random_uuid`").help("`random_uuid` is a default for uuid columns")),
        ColumnDefault::CurrentDate if *ty != SqlType::Date => found
            .push(mismatch("`current_date`").help("`current_date` is a default for date columns")),
        ColumnDefault::Sql(sql) if sql.trim().is_empty() => {
            found.push(problem("default SQL expression is empty".into()))
        }
        _ => {}
    }
}

fn text_default(
    column: &Column,
    text: &str,
    problem: &dyn Fn(String) -> Diagnostic,
    found: &mut Vec<Diagnostic>,
) {
    match &column.sql_type {
        SqlType::Enum(enum_type) if !enum_type.values.iter().any(|value| value == text) => found
            .push(
                problem(format!(
                    "default `{text}` is not a value of enum `{}`",
                    enum_type.name
                ))
                .help(format!("use one of: {}", enum_type.values.join(", "))),
            ),
        SqlType::Varchar(n) | SqlType::Char(n) if text.chars().count() > *n as usize => found.push(
            problem(format!("default `{text}` is longer than {n} characters")),
        ),
        SqlType::Date
        | SqlType::Time
        | SqlType::Timestamp
        | SqlType::TimestampTz
        | SqlType::Inet => {
            if let Some(form) = temporal_or_address_form(&column.sql_type, text) {
                found.push(
                    problem(format!(
                        "default `{text}` is not a valid `{}` value",
                        column.sql_type
                    ))
                    .help(format!("write it as {form}")),
                );
            }
        }
        _ => {}
    }
}

/// The form a text default of a date, time, timestamp or address column must have, when `text`
/// does not have it. Only forms every engine reads the same way are accepted: no zone suffix
/// (MariaDB refuses one, PostgreSQL would apply it), so a timestamptz default is written in UTC.
fn temporal_or_address_form(ty: &SqlType, text: &str) -> Option<&'static str> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let in_range =
        |s: &str, low: u32, high: u32| s.parse::<u32>().is_ok_and(|v| (low..=high).contains(&v));
    let date = |s: &str| {
        let parts: Vec<&str> = s.split('-').collect();
        matches!(parts.as_slice(), [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2)
            && in_range(m, 1, 12) && in_range(d, 1, 31))
    };
    let time = |s: &str| {
        let (clock, fraction) = s.split_once('.').unwrap_or((s, "0"));
        let parts: Vec<&str> = clock.split(':').collect();
        let clock_ok = matches!(parts.as_slice(), [h, m, sec] if digits(h, 2) && digits(m, 2) && digits(sec, 2)
            && in_range(h, 0, 23) && in_range(m, 0, 59) && in_range(sec, 0, 59));
        clock_ok
            && !fraction.is_empty()
            && fraction.len() <= 6
            && fraction.bytes().all(|b| b.is_ascii_digit())
    };
    let ok = match ty {
        SqlType::Date => date(text),
        SqlType::Time => time(text),
        SqlType::Timestamp | SqlType::TimestampTz => text
            .split_once([' ', 'T'])
            .is_some_and(|(d, t)| date(d) && time(t)),
        SqlType::Inet => text.parse::<std::net::IpAddr>().is_ok(),
        _ => true,
    };
    (!ok).then_some(match ty {
        SqlType::Date => "`YYYY-MM-DD`",
        SqlType::Time => "`HH:MM:SS` (with up to six fraction digits)",
        SqlType::Inet => "an IPv4 or IPv6 address, e.g. `192.0.2.1`",
        _ => "`YYYY-MM-DD HH:MM:SS` (with up to six fraction digits; in UTC, without a zone)",
    })
}

fn literal_text(literal: &Literal) -> String {
    match literal {
        Literal::Int(n) => format!("`{n}`"),
        Literal::Number(n) => format!("`{n}`"),
        Literal::Bool(b) => format!("`{b}`"),
        Literal::Text(t) => format!("`{t}`"),
    }
}

/// Why a numeric default cannot be stored in `ty`, if it cannot: engines refuse a default out of
/// the type's range (MySQL: "Invalid default value"; PostgreSQL: "out of range").
fn out_of_range(ty: &SqlType, literal: &Literal) -> Option<String> {
    let text = match literal {
        Literal::Int(n) => n.to_string(),
        Literal::Number(n) => n.trim().to_string(),
        _ => return None,
    };
    let integer_range = |min: i64, max: i64| {
        let fits = text.parse::<i64>().is_ok_and(|n| (min..=max).contains(&n));
        (!fits).then(|| format!("`{ty}` holds {min} to {max}"))
    };
    let fractional = text.contains(['.', 'e', 'E']);
    match ty {
        // A fraction on an integer column is reported as a mismatch, not a range.
        _ if ty.is_integer() && fractional => None,
        SqlType::SmallInt => integer_range(i16::MIN.into(), i16::MAX.into()),
        SqlType::Integer => integer_range(i32::MIN.into(), i32::MAX.into()),
        SqlType::BigInt => integer_range(i64::MIN, i64::MAX),
        SqlType::Decimal {
            precision: Some(p),
            scale,
        } if !text.contains(['e', 'E']) => {
            let scale = scale.unwrap_or(0);
            let whole = text
                .trim_start_matches(['-', '+'])
                .split('.')
                .next()
                .unwrap_or("");
            let digits = whole.trim_start_matches('0').len();
            (digits > usize::from(p.saturating_sub(scale))).then(|| {
                format!(
                    "`{ty}` holds at most {} digit(s) before the point",
                    p.saturating_sub(scale)
                )
            })
        }
        _ => None,
    }
}
