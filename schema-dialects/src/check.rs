//! Engine-specific validation: what a valid schema still cannot be on one engine.
//!
//! Every rule asks the dialect a capability question and pushes every problem it finds, each
//! naming table, column and engine with a help line saying what to write instead. Dialect-neutral
//! rules live in `schema_core::validate` and are not repeated here.

use std::collections::HashMap;

use schema_core::{
    Column, ColumnDefault, Diagnostic, FkAction, Identity, Literal, Schema, SqlType, TableDef,
};

use crate::expr::{self, Role};
use crate::{Dialect, IdentityStyle};

/// Every engine-specific problem in `schema`.
pub(crate) fn schema<D: Dialect + ?Sized>(dialect: &D, schema: &Schema) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if dialect.supports_enum_types() {
        // The first table using each enum type, in one pass over the columns.
        let mut first_use: HashMap<&str, &TableDef> = HashMap::new();
        for table in &schema.tables {
            for column in &table.columns {
                if let SqlType::Enum(enum_type) = &column.sql_type {
                    first_use.entry(enum_type.name.as_str()).or_insert(table);
                }
            }
        }
        for enum_type in schema.enum_types() {
            let table = first_use.get(enum_type.name.as_str());
            let at = |d: Diagnostic| match table {
                Some(t) => d.table(&t.name),
                None => d,
            };
            identifier(dialect, "enum type", &enum_type.name, &at, &mut found);
            // A table is also a type of the same name, so the two would collide.
            if schema.table(&enum_type.name).is_some() {
                found.push(
                    at(Diagnostic::new(format!(
                        "enum type `{}` has the name of a table; {} keeps types and tables in one namespace",
                        enum_type.name,
                        dialect.engine()
                    )))
                    .engine(dialect.engine())
                    .help("rename the enum type, e.g. `#[sql_enum(name = \"..._kind\")]`"),
                );
            }
        }
    }
    for table in &schema.tables {
        let at_table = |d: Diagnostic| d.table(&table.name);
        identifier(dialect, "table", &table.name, &at_table, &mut found);
        for column in &table.columns {
            let at_column = |d: Diagnostic| d.table(&table.name).column(&column.name);
            identifier(dialect, "column", &column.name, &at_column, &mut found);
            column_rules(dialect, table, column, &mut found);
        }
        constraint_names(dialect, table, &mut found);
        keys(dialect, table, &mut found);
        crate::key_length::check(dialect, table, &mut found);
        identity(dialect, table, &mut found);
        checks(dialect, table, &mut found);
        foreign_keys(dialect, table, &mut found);
        indexes(dialect, table, &mut found);
        crate::features::check(dialect, table, &mut found);
        comments(dialect, table, &mut found);
    }
    crate::views::check(dialect, schema, &mut found);
    crate::partitions::check(dialect, schema, &mut found);
    crate::triggers::check(dialect, schema, &mut found);
    crate::security::check(dialect, schema, &mut found);
    found
}

/// A name the engine cannot keep exactly: over its length limit (PostgreSQL silently truncates),
/// with a NUL, or ending in a space where that is rejected.
pub(crate) fn identifier<D: Dialect + ?Sized>(
    dialect: &D,
    kind: &str,
    name: &str,
    at: &dyn Fn(Diagnostic) -> Diagnostic,
    found: &mut Vec<Diagnostic>,
) {
    let engine = dialect.engine();
    // Written only for a name that is too long (this runs for every identifier of the schema).
    let rename = || {
        if kind == "table" || kind == "column" || kind == "enum type" {
            format!("give the {kind} a shorter `name = \"...\"`")
        } else {
            format!("give the {kind} an explicit, shorter `name = \"...\"`")
        }
    };
    if name.is_empty() {
        // `Schema::builder().build()` names everything; only a hand-assembled or deserialized
        // schema gets here.
        found.push(
            at(Diagnostic::new(format!("a {kind} has an empty name")))
                .engine(engine)
                .help("build the schema with `Schema::builder()`, which names every constraint and index"),
        );
        return;
    }
    if let Some(limit) = dialect.identifier_limit()
        && limit.exceeded_by(name)
    {
        found.push(
            at(Diagnostic::new(format!(
                "{kind} name `{name}` is {} long; {engine} allows {limit}{}",
                match limit {
                    crate::IdentifierLimit::Bytes(_) => format!("{} bytes", name.len()),
                    crate::IdentifierLimit::Chars(_) =>
                        format!("{} characters", name.chars().count()),
                },
                match limit {
                    crate::IdentifierLimit::Bytes(_) => " and would silently truncate it",
                    crate::IdentifierLimit::Chars(_) => "",
                }
            )))
            .engine(engine)
            .help(rename()),
        );
    }
    if let Some(prefix) = dialect.reserved_name_prefix()
        && (kind == "table" || kind == "index")
        && name.len() >= prefix.len()
        && name.is_char_boundary(prefix.len())
        && name[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        found.push(
            at(Diagnostic::new(format!(
                "{kind} name `{name}` starts with `{prefix}`, which {engine} reserves for itself"
            )))
            .engine(engine)
            .help(format!(
                "give the {kind} a `name = \"...\"` that does not start with `{prefix}`"
            )),
        );
    }
    if name.contains('\0') {
        found.push(
            at(Diagnostic::new(format!(
                "{kind} name `{}` contains a NUL character",
                name.escape_debug()
            )))
            .engine(engine)
            .help("remove the NUL (\\0) from the name"),
        );
    }
    if !dialect.allows_trailing_space_in_identifiers() && name.ends_with(' ') {
        found.push(
            at(Diagnostic::new(format!(
                "{kind} name `{name}` ends with a space, which {engine} rejects"
            )))
            .engine(engine)
            .help("remove the trailing space from the name"),
        );
    }
}

fn constraint_names<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    found: &mut Vec<Diagnostic>,
) {
    let at = |d: Diagnostic| d.table(&table.name);
    let names = table
        .primary_key
        .iter()
        .map(|pk| ("primary key", pk.name.as_str()))
        .chain(
            table
                .uniques
                .iter()
                .map(|u| ("unique constraint", u.name.as_str())),
        )
        .chain(table.checks.iter().map(|c| ("check", c.name.as_str())))
        .chain(
            table
                .foreign_keys
                .iter()
                .map(|f| ("foreign key", f.name.as_str())),
        )
        .chain(table.indexes.iter().map(|i| ("index", i.name.as_str())))
        .chain(
            table
                .exclusions
                .iter()
                .map(|e| ("exclusion constraint", e.name.as_str())),
        );
    for (kind, name) in names {
        identifier(dialect, kind, name, &at, found);
    }
}

/// Types, raw types, defaults and enum values of one column.
fn column_rules<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    column: &Column,
    found: &mut Vec<Diagnostic>,
) {
    let engine = dialect.engine();
    let problem = |message: String| {
        Diagnostic::new(message)
            .table(&table.name)
            .column(&column.name)
            .engine(engine)
    };
    match crate::types::column_type(dialect, &table.name, column) {
        Err(diagnostic) => found.push(diagnostic),
        Ok(text) => {
            if let (SqlType::Raw(_), Some(allowed)) = (&column.sql_type, dialect.raw_type_names())
                && !allowed.iter().any(|a| a.eq_ignore_ascii_case(&text))
            {
                found.push(
                    problem(format!(
                        "raw type `{text}` is not allowed in {engine} STRICT tables"
                    ))
                    .help(format!("use one of {}", allowed.join(", "))),
                );
            }
        }
    }
    if let Some((message, help)) = dialect.type_problem(&column.sql_type) {
        found.push(problem(message).help(help));
    }
    if let SqlType::Enum(enum_type) = &column.sql_type {
        for value in &enum_type.values {
            if let Some(limit) = dialect.enum_value_limit()
                && limit.exceeded_by(value)
            {
                found.push(
                    problem(format!(
                        "enum `{}` value `{value}` is longer than {engine}'s limit of {limit}",
                        enum_type.name
                    ))
                    .help("shorten the value with `#[sql_enum(rename = \"...\")]`"),
                );
            }
            if value.contains('\0') {
                found.push(problem(format!(
                    "enum `{}` has a value containing NUL",
                    enum_type.name
                )));
            }
        }
    }
    match &column.default {
        Some(ColumnDefault::Value(Literal::Number(n))) if !is_number(n) => found.push(
            problem(format!("default `{n}` is not a number"))
                .help("write digits with an optional sign, point and exponent, e.g. `-12.50`"),
        ),
        Some(ColumnDefault::Value(Literal::Text(text))) => {
            if text.contains('\0') {
                found.push(
                    problem("default text contains a NUL character".into())
                        .help("remove the NUL (\\0)"),
                );
            }
            if column.sql_type == SqlType::Uuid && parse_uuid(text).is_none() {
                found.push(problem(format!("default `{text}` is not a UUID")).help(
                    "write 32 hexadecimal digits, e.g. `00000000-0000-0000-0000-000000000000`",
                ));
            }
        }
        Some(ColumnDefault::Sql(sql)) => {
            expr::check(
                dialect,
                table,
                Some(&column.name),
                "default",
                sql,
                Role::Default,
                found,
            );
        }
        _ => {}
    }
}

/// Columns of primary keys, unique constraints, indexes and foreign keys must be keyable.
fn keys<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    let lists = table
        .primary_key
        .iter()
        .map(|pk| {
            (
                "primary key",
                &pk.name,
                pk.columns.iter().collect::<Vec<_>>(),
            )
        })
        .chain(
            table
                .uniques
                .iter()
                .map(|u| ("unique constraint", &u.name, u.columns.iter().collect())),
        )
        .chain(
            table
                .indexes
                .iter()
                .filter(|i| i.applies_to(engine))
                // A full-text index reads whole texts; the engine needs no length for it.
                .filter(|i| i.method != Some(schema_core::IndexMethod::FullText))
                .map(|i| {
                    let keyed = i
                        .columns
                        .iter()
                        .filter(|c| i.parts.get(*c).is_none_or(|p| p.prefix.is_none()));
                    ("index", &i.name, keyed.collect())
                }),
        )
        .chain(
            table
                .foreign_keys
                .iter()
                .map(|f| ("foreign key", &f.name, f.columns.iter().collect())),
        );
    // The key's description is written only for a problem (most keys have none).
    for (kind, name, columns) in lists {
        for column in columns.into_iter().filter_map(|c| table.find_column(c)) {
            if !dialect.can_be_key(&column.sql_type) {
                let what = format!("{kind} `{name}`");
                let native =
                    crate::types::column_type(dialect, &table.name, column).unwrap_or_default();
                found.push(
                    Diagnostic::new(format!(
                        "{what} uses this column, but {engine} cannot index a `{}` ({native}) column as a whole",
                        column.sql_type
                    ))
                    .table(&table.name)
                    .column(&column.name)
                    .engine(engine)
                    .help(match column.sql_type {
                        SqlType::Text => "give the column the length its values need, e.g. `#[column(varchar(320))]` for an e-mail address",
                        SqlType::Json => "use `jsonb` (it has equality and B-tree support), or key a bounded column derived from the document",
                        _ => "key a bounded column instead, e.g. a hash or code in `#[column(varchar(64))]`",
                    }),
                );
            }
        }
    }
}

/// Where and how an identity column can be written.
fn identity<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    for column in table.columns.iter().filter(|c| c.identity.is_some()) {
        let problem = |message: String| {
            Diagnostic::new(message)
                .table(&table.name)
                .column(&column.name)
                .engine(engine)
        };
        if column.identity == Some(Identity::Always) && !dialect.supports_identity_always() {
            found.push(
                problem(format!("{engine} cannot generate a value that rejects explicit inserts (identity always)"))
                    .help("use `identity` (by default): the engine generates the value unless the insert gives one"),
            );
        }
        match dialect.identity_style() {
            IdentityStyle::Generated => {}
            IdentityStyle::AutoIncrement => {
                // The key must be part of the CREATE TABLE itself; secondary indexes are
                // created by later statements, which the server never reaches.
                let first_of = |columns: &[String]| columns.first() == Some(&column.name);
                let keyed = table.primary_key.iter().any(|pk| first_of(&pk.columns))
                    || table.uniques.iter().any(|u| first_of(&u.columns));
                if !keyed {
                    found.push(
                        problem(format!(
                            "{engine} AUTO_INCREMENT needs the column to be the first column of the primary key or a unique constraint"
                        ))
                        .help(format!(
                            "make `{}` the primary key, or put it first in a unique constraint",
                            column.name
                        )),
                    );
                }
            }
            IdentityStyle::RowidAlias => {
                let sole_key = table
                    .primary_key
                    .as_ref()
                    .is_some_and(|pk| pk.columns.len() == 1 && pk.columns[0] == column.name);
                if !sole_key {
                    found.push(
                        problem(format!(
                            "{engine} generates values only for a table's single-column INTEGER PRIMARY KEY"
                        ))
                        .help(format!(
                            "make `{}` the only primary key column, or drop `identity` and supply the values",
                            column.name
                        )),
                    );
                }
            }
        }
    }
}

/// CHECK expressions: engine grammar, real columns, and the columns the engine forbids in them.
fn checks<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    for check in &table.checks {
        let what = format!("check `{}`", check.name);
        let named = expr::check(
            dialect,
            table,
            check.column.as_deref(),
            &what,
            &check.expr,
            Role::Check,
            found,
        );
        for column in named.iter().filter_map(|name| table.find_column(name)) {
            let problem = |message: String| {
                Diagnostic::new(message)
                    .table(&table.name)
                    .column(&column.name)
                    .engine(engine)
            };
            if column.identity.is_some() && !dialect.allows_checks_on_identity_columns() {
                found.push(
                    problem(format!(
                        "{what} names an AUTO_INCREMENT column; MySQL 8 rejects that (MariaDB accepts it)"
                    ))
                    .help("drop the check: the engine generates this column's values"),
                );
            }
            let acting = table.foreign_key_writing(&column.name);
            if let Some(fk) = acting
                && !dialect.allows_checks_on_referential_action_columns()
            {
                found.push(
                    problem(format!(
                        "{what} names a column that foreign key `{}` writes by its ON DELETE/UPDATE action; MySQL 8 rejects that (MariaDB accepts it)",
                        fk.name
                    ))
                    .help("use RESTRICT or NO ACTION on the foreign key, or drop the check"),
                );
            }
        }
    }
}

fn foreign_keys<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    for fk in &table.foreign_keys {
        if !dialect.supports_set_default_action()
            && (fk.on_delete == FkAction::SetDefault || fk.on_update == FkAction::SetDefault)
        {
            found.push(
                Diagnostic::new(format!(
                    "foreign key `{}` uses SET DEFAULT, which {engine} (InnoDB) rejects",
                    fk.name
                ))
                .table(&table.name)
                .engine(engine)
                .help("use SET NULL, CASCADE, RESTRICT or NO ACTION"),
            );
        }
    }
}

fn indexes<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    for index in table.indexes.iter().filter(|i| i.applies_to(engine)) {
        let Some(predicate) = &index.predicate else {
            continue;
        };
        if !dialect.supports_partial_indexes() {
            found.push(
                Diagnostic::new(format!(
                    "index `{}` is partial (WHERE {predicate}), but {engine} has no partial indexes",
                    index.name
                ))
                .table(&table.name)
                .engine(engine)
                .help("drop the `where` to index every row, or leave this engine out of the build"),
            );
            continue;
        }
        let what = format!("index `{}` predicate", index.name);
        let _ = expr::check(
            dialect,
            table,
            None,
            &what,
            predicate,
            Role::Predicate,
            found,
        );
    }
}

fn comments<D: Dialect + ?Sized>(dialect: &D, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let engine = dialect.engine();
    let limits = dialect.comment_limits();
    let mut one = |comment: &str, column: Option<&str>, limit: Option<usize>| {
        let at = |d: Diagnostic| {
            let d = d.table(&table.name).engine(engine);
            match column {
                Some(c) => d.column(c),
                None => d,
            }
        };
        if comment.contains('\0') {
            found.push(
                at(Diagnostic::new("comment contains a NUL character"))
                    .help("remove the NUL (\\0)"),
            );
        }
        let length = comment.chars().count();
        if let Some(limit) = limit
            && length > limit
        {
            found.push(
                at(Diagnostic::new(format!(
                    "comment is {length} characters long; {engine} allows {limit}"
                )))
                .help("shorten the doc comment; put long documentation elsewhere"),
            );
        }
    };
    if let Some(comment) = &table.comment {
        one(comment, None, limits.map(|l| l.0));
    }
    for column in &table.columns {
        if let Some(comment) = &column.comment {
            one(comment, Some(&column.name), limits.map(|l| l.1));
        }
    }
}

/// Whether `text` is a plain decimal number literal.
pub(crate) fn is_number(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            (digits(int) || int.is_empty())
                && (digits(frac) || frac.is_empty())
                && !(int.is_empty() && frac.is_empty())
        }
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(digits)
}

/// The 16 bytes of a UUID written as 32 hex digits, dashes and braces ignored.
pub(crate) fn parse_uuid(text: &str) -> Option<[u8; 16]> {
    let hex: Vec<u8> = text
        .trim_matches(|c| c == '{' || c == '}')
        .bytes()
        .filter(|b| *b != b'-')
        .collect();
    if hex.len() != 32 {
        return None;
    }
    let mut bytes = [0u8; 16];
    for (i, pair) in hex.chunks(2).enumerate() {
        let pair = std::str::from_utf8(pair).ok()?;
        bytes[i] = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for ok in ["0", "-1", "+2.50", ".5", "5.", "1e10", "-1.5E-3"] {
            assert!(is_number(ok), "{ok}");
        }
        for bad in ["", ".", "1-", "1e", "abc", "1;DROP", "--1", "1.2.3", "0x10"] {
            assert!(!is_number(bad), "{bad}");
        }
    }

    #[test]
    fn an_enum_type_named_like_a_table_collides_on_postgres_only() {
        use schema_core::{Column, Engine, EnumType};
        let kind = SqlType::Enum(EnumType::new("kinds", ["a"]));
        let schema = Schema::builder()
            .table_def(TableDef::new("kinds").column(Column::new("k", kind)))
            .build()
            .unwrap();
        let found = crate::dialect(Engine::Postgres).check(&schema);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("one namespace"));
        assert!(crate::dialect(Engine::MySql).check(&schema).is_empty());
    }

    #[test]
    fn a_key_over_a_column_the_engine_cannot_index_names_the_key() {
        use schema_core::{Column, Engine};
        let schema = Schema::builder()
            .table_def(
                TableDef::new("notes")
                    .column(Column::new("body", SqlType::Text))
                    .primary_key(["body"]),
            )
            .build()
            .unwrap();
        let found = crate::dialect(Engine::MySql).check(&schema);
        assert!(
            found.iter().any(|d| d.message.starts_with("primary key `")
                && d.message
                    .contains("` uses this column, but MySQL cannot index a `text`")),
            "{found:?}"
        );
        assert!(crate::dialect(Engine::Postgres).check(&schema).is_empty());
    }

    #[test]
    fn uuids() {
        let bytes = parse_uuid("{00112233-4455-6677-8899-aabbccddeeff}").unwrap();
        assert_eq!(bytes[0], 0x00);
        assert_eq!(bytes[15], 0xff);
        assert!(parse_uuid("0011").is_none());
        assert!(parse_uuid("zz112233445566778899aabbccddeeff").is_none());
    }
}
