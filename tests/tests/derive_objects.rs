//! `#[derive(View)]`, `#[table(audit)]` and `#[column(updated_at)]` produce exactly the expected
//! model.

#![allow(missing_docs)]

use chrono::{DateTime, Utc};
use schema_core::{
    AUDIT_LOG_TABLE, Column, ColumnDefault, Engine, Index, Schema, SqlType, Table, TableDef, View,
    ViewColumn, ViewDef,
};

#[derive(Table)]
#[table(name = "documents", audit)]
pub struct Document {
    #[column(primary_key)]
    pub id: i64,
    pub title: String,
    #[column(default = now)]
    pub created_at: DateTime<Utc>,
    #[column(updated_at, default = now)]
    pub updated_at: DateTime<Utc>,
}

/// Documents per title.
#[derive(schema_core::View)]
#[view(
    name = "document_titles",
    sql = "SELECT title, COUNT(*) AS copies FROM documents GROUP BY title",
    engine_sql(sqlite = "SELECT title, COUNT(*) AS copies FROM documents GROUP BY 1"),
    materialized,
    unique(title)
)]
pub struct DocumentTitle {
    /// The title.
    pub title: String,
    #[view(name = "copies")]
    pub count: Option<i64>,
}

/// Recently changed documents.
#[derive(schema_core::View)]
#[view(sql = "SELECT id, updated_at FROM documents", security_invoker = false)]
pub struct RecentDocument {
    pub id: i64,
    pub updated_at: DateTime<Utc>,
}

#[test]
fn table_attributes_set_the_built_in_triggers() {
    let expected = TableDef::new("documents")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("title", SqlType::Text))
        .column(Column::new("created_at", SqlType::TimestampTz).default(ColumnDefault::Now))
        .column(Column::new("updated_at", SqlType::TimestampTz).default(ColumnDefault::Now))
        .primary_key(["id"])
        .audited()
        .updated_at("updated_at");
    assert_eq!(Document::table_def(), expected);
}

#[test]
fn a_view_derive_gives_the_model() {
    let expected = View::new(
        "document_titles",
        "SELECT title, COUNT(*) AS copies FROM documents GROUP BY title",
    )
    .comment("Documents per title.")
    .sql_for(
        Engine::Sqlite,
        "SELECT title, COUNT(*) AS copies FROM documents GROUP BY 1",
    )
    .materialized()
    .column(ViewColumn::new("title", SqlType::Text).comment("The title."))
    .column(ViewColumn::new("copies", SqlType::BigInt).nullable())
    .unique_index(Index::on(["title"]));
    assert_eq!(DocumentTitle::view_def(), expected);
    let recent = RecentDocument::view_def();
    assert_eq!(recent.name, "recent_document");
    assert!(!recent.security_invoker);
}

#[test]
fn an_audited_table_brings_the_audit_log() {
    let schema = Schema::builder()
        .table::<Document>()
        .view::<DocumentTitle>()
        .view::<RecentDocument>()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(schema.table(AUDIT_LOG_TABLE).is_some());
    assert_eq!(schema.views.len(), 2);
    assert_eq!(schema.views[0].indexes[0].name, "document_titles_title_idx");
}
