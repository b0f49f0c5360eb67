//! Why the writer does not route statements through sea-query 1.0.2: each test pins one case
//! where its output is wrong for our input, so a sea-query upgrade that fixes them shows up here
//! and the decision in `writer.rs` can be revisited.

use sea_query::{
    Alias, ColumnDef, ForeignKey, MysqlQueryBuilder, PostgresQueryBuilder, SqliteQueryBuilder,
    Table,
};

/// A mixed-case enum type name is written unquoted, so PostgreSQL folds it and finds no type.
#[test]
fn postgres_enum_type_names_are_not_quoted() {
    let sql = Table::create()
        .table(Alias::new("t"))
        .col(
            ColumnDef::new(Alias::new("s"))
                .enumeration(Alias::new("OrderStatus"), [Alias::new("a")]),
        )
        .to_string(PostgresQueryBuilder);
    assert!(sql.contains("\"s\" OrderStatus"), "{sql}");
}

/// A constraint name holding the quote character is written without doubling it.
#[test]
fn foreign_key_names_are_not_escaped() {
    let sql = ForeignKey::create()
        .name("fk\"x")
        .from(Alias::new("a"), Alias::new("b_id"))
        .to(Alias::new("b"), Alias::new("id"))
        .to_string(PostgresQueryBuilder);
    assert!(sql.contains("CONSTRAINT \"fk\"x\""), "{sql}");
}

/// MySQL table options are written for every engine.
#[test]
fn table_options_leak_to_other_engines() {
    let sql = Table::create()
        .table(Alias::new("t"))
        .col(ColumnDef::new(Alias::new("id")).integer())
        .engine("InnoDB")
        .to_string(SqliteQueryBuilder);
    assert!(sql.contains("ENGINE=InnoDB"), "{sql}");
}

/// SQLite type names that STRICT tables reject (a decimal becomes `real(12, 2)`, stored as a
/// float), while MySQL's is right.
#[test]
fn sqlite_type_names_do_not_fit_strict_tables() {
    let table = Table::create()
        .table(Alias::new("t"))
        .col(ColumnDef::new(Alias::new("d")).decimal_len(12, 2))
        .to_owned();
    let sqlite = table.to_string(SqliteQueryBuilder);
    assert!(sqlite.contains("real(12, 2)"), "{sqlite}");
    assert!(
        table
            .to_string(MysqlQueryBuilder)
            .contains("decimal(12, 2)")
    );
}
