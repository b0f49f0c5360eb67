//! The destructive-change guard: each kind of change that may lose data is refused with a
//! message naming exactly what, until acknowledged.

use schema_core::{Column, Engine, EnumType, Schema, SqlType, TableDef};
use schema_dialects::migrate::migration;

fn one_table(columns: Vec<Column>) -> Schema {
    let table = columns
        .into_iter()
        .fold(TableDef::new("invoices"), TableDef::column);
    Schema::builder().table_def(table).build().unwrap()
}

/// Refused without acknowledgement, with `detail` in the message and `key` as the help; accepted
/// with it, on every engine.
fn refused(from: &Schema, to: &Schema, key: &str, detail: &str) {
    for engine in Engine::ALL {
        let error = migration(engine, from, to, &[]).unwrap_err().to_string();
        assert!(error.contains(detail), "{engine}: {error}");
        assert!(error.contains(&format!("{key:?}")), "{engine}: {error}");
        assert!(error.starts_with("error: the migration may lose data; nothing was written"));
        migration(engine, from, to, &[key]).unwrap_or_else(|e| panic!("{engine}: {e}"));
    }
}

#[test]
fn dropping_a_table_is_refused() {
    let from = one_table(vec![
        Column::new("id", SqlType::BigInt),
        Column::new("total", SqlType::Integer),
    ]);
    refused(
        &from,
        &Schema::default(),
        "drop table invoices",
        "table invoices is dropped with every row in it (columns id, total)",
    );
}

#[test]
fn dropping_a_column_is_refused() {
    let from = one_table(vec![
        Column::new("id", SqlType::BigInt),
        Column::new("note", SqlType::Text),
    ]);
    let to = one_table(vec![Column::new("id", SqlType::BigInt)]);
    refused(
        &from,
        &to,
        "drop column invoices.note",
        "column invoices.note (text) is dropped with every value in it",
    );
}

#[test]
fn narrowing_a_type_is_refused() {
    let from = one_table(vec![Column::new("number", SqlType::Varchar(40))]);
    let to = one_table(vec![Column::new("number", SqlType::Varchar(12))]);
    refused(
        &from,
        &to,
        "narrow column invoices.number",
        "column invoices.number changes from varchar(40) to varchar(12): values that do not fit",
    );
    let from = one_table(vec![Column::new("total", SqlType::BigInt)]);
    let to = one_table(vec![Column::new("total", SqlType::Integer)]);
    refused(
        &from,
        &to,
        "narrow column invoices.total",
        "from bigint to integer",
    );
}

#[test]
fn widening_a_type_is_not_refused() {
    let from = one_table(vec![
        Column::new("total", SqlType::Integer),
        Column::new("n", SqlType::Varchar(12)),
    ]);
    let to = one_table(vec![
        Column::new("total", SqlType::BigInt),
        Column::new("n", SqlType::Text),
    ]);
    for engine in Engine::ALL {
        migration(engine, &from, &to, &[]).unwrap_or_else(|e| panic!("{engine}: {e}"));
    }
}

#[test]
fn making_a_column_not_null_without_default_is_refused() {
    let from = one_table(vec![
        Column::new("paid_at", SqlType::TimestampTz).nullable(),
    ]);
    let to = one_table(vec![Column::new("paid_at", SqlType::TimestampTz)]);
    refused(
        &from,
        &to,
        "set not null invoices.paid_at",
        "column invoices.paid_at becomes NOT NULL without a default: rows holding NULL make the migration fail",
    );
}

#[test]
fn adding_a_required_column_without_default_is_refused() {
    let from = one_table(vec![Column::new("id", SqlType::BigInt)]);
    let to = one_table(vec![
        Column::new("id", SqlType::BigInt),
        Column::new("currency", SqlType::Char(3)),
    ]);
    refused(
        &from,
        &to,
        "add required column invoices.currency",
        "column invoices.currency is NOT NULL without a default",
    );
}

#[test]
fn dropping_an_enum_value_is_refused() {
    let status =
        |values: &[&str]| SqlType::Enum(EnumType::new("invoice_status", values.iter().copied()));
    let from = one_table(vec![Column::new(
        "status",
        status(&["draft", "sent", "void"]),
    )]);
    let to = one_table(vec![Column::new("status", status(&["draft", "sent"]))]);
    refused(
        &from,
        &to,
        "drop enum value invoice_status.void",
        "value 'void' is removed from enum invoice_status: rows holding it make the migration fail",
    );
}

#[test]
fn every_unacknowledged_loss_is_listed_at_once() {
    let from = one_table(vec![
        Column::new("a", SqlType::Text),
        Column::new("b", SqlType::Text),
    ]);
    let to = one_table(vec![Column::new("c", SqlType::Text).nullable()]);
    let error = migration(Engine::Postgres, &from, &to, &["drop column invoices.a"])
        .unwrap_err()
        .to_string();
    assert!(error.contains("invoices.b"), "{error}");
    assert!(!error.contains("column invoices.a"), "{error}");
}

#[test]
fn a_declared_rename_is_not_a_loss() {
    let from = one_table(vec![Column::new("mail", SqlType::Text)]);
    let to = one_table(vec![
        Column::new("email", SqlType::Text).renamed_from("mail"),
    ]);
    let pg = migration(Engine::Postgres, &from, &to, &[]).unwrap();
    assert!(
        pg.steps[0]
            .up
            .contains("RENAME COLUMN \"mail\" TO \"email\""),
        "{}",
        pg.steps[0].up
    );
    assert!(!pg.steps[0].up.contains("DROP COLUMN"));
}
