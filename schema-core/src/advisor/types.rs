//! Column-type rules (S101–S110).

use super::{
    ARBITRARY_VARCHAR, CHAR_N, ENUM_VALUES, FLOAT_FOR_EXACT, Finding, INT_KEY_OVERFLOW,
    JSON_NOT_JSONB, MONEY_TYPE, NULLABLE_BOOLEAN, SERIAL, TIMESTAMP_WITHOUT_TZ,
};
use crate::{Column, ColumnDefault, SqlType, TableDef};

/// Lengths people write by reflex rather than because the domain defines them.
const REFLEX_LENGTHS: &[u32] = &[
    255, 256, 511, 512, 1000, 1023, 1024, 2000, 2047, 2048, 4000, 4095, 4096, 8000, 65535,
];

/// Name parts that say a column holds money or another exact quantity.
const EXACT_WORDS: &[&str] = &[
    "price", "amount", "cost", "total", "subtotal", "balance", "fee", "fees", "money", "cents",
    "tax", "salary", "wage", "payment", "charge", "discount", "revenue", "budget", "credit",
    "debit", "refund",
];

/// Every column-type rule for one table.
pub(super) fn check(table: &TableDef, found: &mut Vec<Finding>) {
    for column in &table.columns {
        timestamp_without_tz(table, column, found);
        float_for_exact(table, column, found);
        money(table, column, found);
        char_n(table, column, found);
        arbitrary_varchar(table, column, found);
        json(table, column, found);
        serial(table, column, found);
        nullable_boolean(table, column, found);
        enum_values(table, column, found);
    }
    int_key_overflow(table, found);
}

/// The type a column's values have: a domain's base type (through nested domains).
pub(super) fn base(sql_type: &SqlType) -> &SqlType {
    match sql_type {
        SqlType::Domain(domain) => base(&domain.base),
        other => other,
    }
}

/// The lower-cased raw type texts of a column, one per engine.
fn raw_texts(column: &Column) -> Vec<String> {
    match base(&column.sql_type) {
        SqlType::Raw(per_engine) => per_engine
            .values()
            .map(|text| text.trim().to_lowercase())
            .collect(),
        _ => Vec::new(),
    }
}

/// The base name of a raw type: `timestamp(3) without time zone` → `timestamp without time zone`.
fn raw_base(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for ch in text.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn any_raw(column: &Column, matches: impl Fn(&str) -> bool) -> Option<String> {
    raw_texts(column)
        .into_iter()
        .find(|text| matches(&raw_base(text)))
}

/// Why: a zone-less timestamp stores a wall-clock reading, ambiguous across zones and DST.
fn timestamp_without_tz(table: &TableDef, column: &Column, found: &mut Vec<Finding>) {
    let raw = any_raw(column, |t| {
        t == "timestamp"
            || t == "timestamp without time zone"
            || t == "timetz"
            || t == "time with time zone"
    });
    if *base(&column.sql_type) == SqlType::Timestamp || raw.is_some() {
        let shown = raw.unwrap_or_else(|| "timestamp".into());
        found.push(Finding::new(
            &TIMESTAMP_WITHOUT_TZ,
            &table.name,
            Some(&column.name),
            format!("`{}` is a {shown} without a time zone", column.name),
        ));
    }
}

/// Whether the column name says it holds money or another exact quantity.
fn exact_name(name: &str) -> bool {
    name.to_lowercase()
        .split('_')
        .any(|part| EXACT_WORDS.contains(&part))
}

/// Why: binary floats cannot hold most decimal fractions exactly.
fn float_for_exact(table: &TableDef, column: &Column, found: &mut Vec<Finding>) {
    let raw_float = any_raw(column, |t| {
        matches!(
            t,
            "real" | "float" | "float4" | "float8" | "double" | "double precision"
        )
    });
    let is_float =
        matches!(base(&column.sql_type), SqlType::Real | SqlType::Double) || raw_float.is_some();
    if is_float && exact_name(&column.name) {
        found.push(Finding::new(
            &FLOAT_FOR_EXACT,
            &table.name,
            Some(&column.name),
            format!(
                "`{}` looks like money or an exact quantity but is a floating-point {}",
                column.name,
                raw_float.unwrap_or_else(|| column.sql_type.to_string())
            ),
        ));
    }
}

/// Why: PostgreSQL's money depends on a server setting and carries no currency.
fn money(table: &TableDef, column: &Column, found: &mut Vec<Finding>) {
    if any_raw(column, |t| t == "money").is_some() {
        found.push(Finding::new(
            &MONEY_TYPE,
            &table.name,
            Some(&column.name),
            format!("`{}` uses the money type", column.name),
        ));
    }
}

/// Why: char(n) pads with spaces and gains nothing over varchar(n).
fn char_n(table: &TableDef, column: &Column, found: &mut Vec<Finding>) {
    let raw = any_raw(column, |t| {
        matches!(t, "char" | "character" | "bpchar" | "nchar")
    });
    let shown = match (base(&column.sql_type), raw) {
        (SqlType::Char(n), _) => format!("char({n})"),
        (_, Some(text)) => text,
        _ => return,
    };
    let fix = match base(&column.sql_type) {
        SqlType::Char(n) => format!(
            "use varchar({n}) (`#[column(varchar({n}))]`) with a CHECK on the length if it is exact"
        ),
        _ => CHAR_N.fix.to_string(),
    };
    found.push(
        Finding::new(
            &CHAR_N,
            &table.name,
            Some(&column.name),
            format!("`{}` is {shown}, which pads with spaces", column.name),
        )
        .help(fix),
    );
}

/// Why: reflexive lengths like 255 are not rules of the domain.
fn arbitrary_varchar(table: &TableDef, column: &Column, found: &mut Vec<Finding>) {
    if let SqlType::Varchar(n) = base(&column.sql_type)
        && REFLEX_LENGTHS.contains(n)
    {
        found.push(Finding::new(
            &ARBITRARY_VARCHAR,
            &table.name,
            Some(&column.name),
            format!(
                "`{}` is varchar({n}), a length chosen by habit rather than by the domain",
                column.name
            ),
        ));
    }
}

/// Why: json is stored as text and cannot be compared or GIN-indexed.
fn json(table: &TableDef, column: &Column, found: &mut Vec<Finding>) {
    if *base(&column.sql_type) == SqlType::Json || any_raw(column, |t| t == "json").is_some() {
        found.push(Finding::new(
            &JSON_NOT_JSONB,
            &table.name,
            Some(&column.name),
            format!("`{}` is json, not jsonb", column.name),
        ));
    }
}

/// Why: serial sequences are loosely owned; identity columns are standard.
fn serial(table: &TableDef, column: &Column, found: &mut Vec<Finding>) {
    let raw = any_raw(column, |t| {
        matches!(
            t,
            "serial" | "bigserial" | "smallserial" | "serial4" | "serial8" | "serial2"
        )
    });
    let nextval = matches!(&column.default, Some(ColumnDefault::Sql(sql)) if sql.to_lowercase().contains("nextval("));
    if raw.is_some() || nextval {
        let what = raw.unwrap_or_else(|| "a nextval() default".into());
        found.push(Finding::new(
            &SERIAL,
            &table.name,
            Some(&column.name),
            format!(
                "`{}` uses {what} instead of an identity column",
                column.name
            ),
        ));
    }
}

/// Why: a 16/32-bit generated key runs out, and widening it rewrites the table.
fn int_key_overflow(table: &TableDef, found: &mut Vec<Finding>) {
    let Some(pk) = &table.primary_key else {
        return;
    };
    let [only] = pk.columns.as_slice() else {
        return;
    };
    let Some(column) = table.find_column(only) else {
        return;
    };
    let raw_small = any_raw(column, |t| {
        matches!(
            t,
            "serial"
                | "smallserial"
                | "serial4"
                | "serial2"
                | "int"
                | "integer"
                | "int4"
                | "smallint"
                | "int2"
        )
    });
    if matches!(base(&column.sql_type), SqlType::Integer | SqlType::SmallInt) || raw_small.is_some()
    {
        found.push(Finding::new(
            &INT_KEY_OVERFLOW,
            &table.name,
            Some(&column.name),
            format!(
                "primary key `{}` is {}, which can run out of values",
                column.name,
                raw_small.unwrap_or_else(|| column.sql_type.to_string())
            ),
        ));
    }
}

/// Why: three states where code usually expects two.
fn nullable_boolean(table: &TableDef, column: &Column, found: &mut Vec<Finding>) {
    if column.nullable && *base(&column.sql_type) == SqlType::Boolean {
        found.push(Finding::new(
            &NULLABLE_BOOLEAN,
            &table.name,
            Some(&column.name),
            format!(
                "`{}` is a nullable boolean: true, false or NULL",
                column.name
            ),
        ));
    }
}

/// Why: enum values cannot be removed or reordered without rebuilding the type.
fn enum_values(table: &TableDef, column: &Column, found: &mut Vec<Finding>) {
    if let SqlType::Enum(enum_type) = base(&column.sql_type) {
        found.push(Finding::new(
            &ENUM_VALUES,
            &table.name,
            Some(&column.name),
            format!(
                "`{}` uses enum `{}`; its values ({}) can be added to but not removed or reordered",
                column.name,
                enum_type.name,
                enum_type.values.join(", ")
            ),
        ));
    }
}
