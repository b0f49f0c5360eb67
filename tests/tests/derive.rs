//! `#[derive(Table)]` and `#[derive(SqlEnum)]` produce exactly the expected model.

// The declarations are fixtures, not API.
#![allow(missing_docs)]
// clippy reads `index(columns(tenant_id))` twice in one `#[table]` as a duplicated attribute
// (rust-clippy#13238, a known false positive for derive helper attributes).
#![allow(clippy::duplicated_attributes)]

use chrono::{DateTime, NaiveDate, Utc};
use schema_core::{
    Column, ColumnDefault, Engine, EnumType, FkAction, ForeignKey, Identity, Index, Literal,
    NoPrimaryKey, Schema, SqlEnum, SqlType, Table, TableDef,
};
use uuid::Uuid;

/// A customer of the platform.
#[derive(Table)]
#[table(name = "tenants")]
pub struct Tenant {
    #[column(primary_key, identity)]
    pub id: i64,
    /// Shown in URLs.
    #[column(varchar(63), unique, name = "url_slug")]
    pub slug: String,
}

#[test]
fn simple_table() {
    assert_eq!(Tenant::NAME, "tenants");
    assert_eq!(Tenant::PRIMARY_KEY, ["id"]);
    let expected = TableDef::new("tenants")
        .comment("A customer of the platform.")
        .column(Column::new("id", SqlType::BigInt).identity(Identity::ByDefault))
        .column(Column::new("url_slug", SqlType::Varchar(63)).comment("Shown in URLs."))
        .primary_key(["id"])
        .unique(["url_slug"]);
    assert_eq!(Tenant::table_def(), expected);
}

#[derive(SqlEnum, Debug)]
#[sql_enum(name = "invoice_status")]
pub enum InvoiceStatus {
    Draft,
    Open,
    #[sql_enum(rename = "paid_in_full")]
    PaidInFull,
    Void,
}

#[derive(SqlEnum)]
pub enum PaymentMethodKind {
    CreditCard,
    SEPADebit,
}

#[test]
fn enums() {
    assert_eq!(
        InvoiceStatus::enum_type(),
        EnumType::new("invoice_status", ["draft", "open", "paid_in_full", "void"])
    );
    assert_eq!(
        PaymentMethodKind::enum_type(),
        EnumType::new("payment_method_kind", ["credit_card", "sepa_debit"])
    );
    assert_eq!(
        <InvoiceStatus as schema_core::ColumnType>::sql_type(),
        SqlType::Enum(InvoiceStatus::enum_type())
    );
}

/// One bill sent to a tenant.
///
/// Numbers are unique per tenant.
#[derive(Table)]
#[table(
    name = "invoices",
    unique(tenant_id, number),
    unique(name = "invoices_ext_key", columns(external_ref)),
    index(columns(tenant_id, issued_at)),
    index(name = "invoices_open", columns(tenant_id), where = "paid_at IS NULL"),
    index(number, unique),
    check(sql = "total_cents >= 0"),
    check(
        name = "invoices_paid_after_issue",
        sql = "paid_at IS NULL OR paid_at >= issued_at"
    )
)]
pub struct Invoice {
    #[column(primary_key, identity = always)]
    pub id: i64,
    #[column(references = Tenant, on_delete = cascade, on_update = restrict, index)]
    pub tenant_id: i64,
    #[column(references = Tenant(slug), fk_name = "invoices_slug_fkey")]
    pub tenant_slug: Option<String>,
    pub number: i32,
    #[column(check = "total_cents < 1000000000", default = 0)]
    pub total_cents: i64,
    #[column(default = -1)]
    pub priority: i16,
    #[column(default = -1.5, numeric(10, 2))]
    pub discount: rust_decimal::Decimal,
    #[column(default = 0.25)]
    pub ratio: f64,
    #[column(default = "draft")]
    pub status: InvoiceStatus,
    #[column(default = now)]
    pub issued_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
    #[column(default = current_date)]
    pub due_on: NaiveDate,
    #[column(default = true)]
    pub active: bool,
    #[column(default_sql = "gen_random_uuid()")]
    pub external_ref: Uuid,
    /// Free text; the type is overridden.
    #[column(text)]
    pub note: Option<Note>,
    #[column(char(3))]
    pub currency: String,
    #[column(decimal)]
    pub exact: rust_decimal::Decimal,
    #[column(numeric(12))]
    pub whole: rust_decimal::Decimal,
    #[column(json)]
    pub raw_json: serde_json::Value,
    pub meta: serde_json::Value,
    #[column(bytes)]
    pub pdf: Option<Vec<u8>>,
    #[column(raw(postgres = "tsvector", sqlite = "TEXT"))]
    pub search: String,
    #[column(jsonb, name = "type")]
    pub r#type: Extra,
}

/// A Rust type with no SQL mapping, stored through a type override.
pub struct Note;
/// Another one.
pub struct Extra;

#[test]
fn every_column_attribute() {
    assert_eq!(Invoice::NAME, "invoices");
    assert_eq!(Invoice::PRIMARY_KEY, ["id"]);
    let decimal = |precision, scale| SqlType::Decimal { precision, scale };
    let expected = TableDef::new("invoices")
        .comment("One bill sent to a tenant.\n\nNumbers are unique per tenant.")
        .column(Column::new("id", SqlType::BigInt).identity(Identity::Always))
        .column(Column::new("tenant_id", SqlType::BigInt))
        .column(Column::new("tenant_slug", SqlType::Text).nullable())
        .column(Column::new("number", SqlType::Integer))
        .column(Column::new("total_cents", SqlType::BigInt).default(ColumnDefault::int(0)))
        .column(Column::new("priority", SqlType::SmallInt).default(ColumnDefault::int(-1)))
        .column(
            Column::new("discount", decimal(Some(10), Some(2)))
                .default(ColumnDefault::Value(Literal::Number("-1.5".into()))),
        )
        .column(
            Column::new("ratio", SqlType::Double)
                .default(ColumnDefault::Value(Literal::Number("0.25".into()))),
        )
        .column(
            Column::new("status", SqlType::Enum(InvoiceStatus::enum_type()))
                .default(ColumnDefault::text("draft")),
        )
        .column(Column::new("issued_at", SqlType::TimestampTz).default(ColumnDefault::Now))
        .column(Column::new("paid_at", SqlType::TimestampTz).nullable())
        .column(Column::new("due_on", SqlType::Date).default(ColumnDefault::CurrentDate))
        .column(Column::new("active", SqlType::Boolean).default(ColumnDefault::bool(true)))
        .column(
            Column::new("external_ref", SqlType::Uuid)
                .default(ColumnDefault::Sql("gen_random_uuid()".into())),
        )
        .column(
            Column::new("note", SqlType::Text)
                .nullable()
                .comment("Free text; the type is overridden."),
        )
        .column(Column::new("currency", SqlType::Char(3)))
        .column(Column::new("exact", decimal(None, None)))
        .column(Column::new("whole", decimal(Some(12), None)))
        .column(Column::new("raw_json", SqlType::Json))
        .column(Column::new("meta", SqlType::Jsonb))
        .column(Column::new("pdf", SqlType::Bytes).nullable())
        .column(Column::new(
            "search",
            SqlType::Raw(
                [
                    (Engine::Postgres, "tsvector".to_string()),
                    (Engine::Sqlite, "TEXT".to_string()),
                ]
                .into_iter()
                .collect(),
            ),
        ))
        .column(Column::new("type", SqlType::Jsonb))
        .primary_key(["id"])
        .unique(["tenant_id", "number"])
        .named_unique("invoices_ext_key", ["external_ref"])
        .column_check("total_cents", "total_cents < 1000000000")
        .check("total_cents >= 0")
        .named_check(
            "invoices_paid_after_issue",
            "paid_at IS NULL OR paid_at >= issued_at",
        )
        .foreign_key(
            ForeignKey::to("tenants", ["id"])
                .columns(["tenant_id"])
                .on_delete(FkAction::Cascade)
                .on_update(FkAction::Restrict),
        )
        .foreign_key(
            ForeignKey::to("tenants", ["url_slug"])
                .columns(["tenant_slug"])
                .named("invoices_slug_fkey"),
        )
        .index(Index::on(["tenant_id"]))
        .index(Index::on(["tenant_id", "issued_at"]))
        .index(
            Index::on(["tenant_id"])
                .named("invoices_open")
                .filter("paid_at IS NULL"),
        )
        .index(Index::on(["number"]).unique());
    let actual = Invoice::table_def();
    for (actual, expected) in actual.columns.iter().zip(&expected.columns) {
        assert_eq!(actual, expected);
    }
    assert_eq!(actual, expected);
}

/// Customers are scoped to a tenant.
#[derive(Table)]
#[table(primary_key(tenant_id, id))]
pub struct Customer {
    pub tenant_id: i64,
    pub id: i64,
    #[column(unique)]
    pub email: String,
}

#[derive(Table)]
#[table(
    foreign_key(columns(tenant_id, customer_id), references = Customer, on_delete = cascade),
    foreign_key(
        name = "orders_customer_email_fkey",
        columns(tenant_id, customer_id),
        references = Customer,
        target(tenant_id, id),
        on_update = set_null
    ),
    foreign_key(columns(email), references = Customer, target(email), on_delete = set_null)
)]
pub struct CustomerOrder {
    #[column(primary_key)]
    pub id: Uuid,
    pub tenant_id: Option<i64>,
    pub customer_id: Option<i64>,
    pub email: Option<String>,
}

#[test]
fn composite_keys() {
    assert_eq!(Customer::NAME, "customer");
    assert_eq!(Customer::PRIMARY_KEY, ["tenant_id", "id"]);
    fn primary_key_type<T: Table<PrimaryKey = (i64, i64)>>() {}
    primary_key_type::<Customer>();
    assert_eq!(
        Customer::table_def(),
        TableDef::new("customer")
            .comment("Customers are scoped to a tenant.")
            .column(Column::new("tenant_id", SqlType::BigInt))
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("email", SqlType::Text))
            .primary_key(["tenant_id", "id"])
            .unique(["email"])
    );

    assert_eq!(CustomerOrder::NAME, "customer_order");
    assert_eq!(
        CustomerOrder::table_def(),
        TableDef::new("customer_order")
            .column(Column::new("id", SqlType::Uuid))
            .column(Column::new("tenant_id", SqlType::BigInt).nullable())
            .column(Column::new("customer_id", SqlType::BigInt).nullable())
            .column(Column::new("email", SqlType::Text).nullable())
            .primary_key(["id"])
            .foreign_key(
                ForeignKey::to("customer", ["tenant_id", "id"])
                    .columns(["tenant_id", "customer_id"])
                    .on_delete(FkAction::Cascade)
            )
            .foreign_key(
                ForeignKey::to("customer", ["tenant_id", "id"])
                    .columns(["tenant_id", "customer_id"])
                    .named("orders_customer_email_fkey")
                    .on_update(FkAction::SetNull)
            )
            .foreign_key(
                ForeignKey::to("customer", ["email"])
                    .columns(["email"])
                    .on_delete(FkAction::SetNull)
            )
    );
}

/// A log line; no primary key.
#[derive(Table)]
pub struct AuditLog {
    pub message: String,
    pub at: DateTime<Utc>,
}

#[test]
fn table_without_primary_key() {
    fn no_key<T: Table<PrimaryKey = NoPrimaryKey>>() {}
    no_key::<AuditLog>();
    assert_eq!(AuditLog::NAME, "audit_log");
    assert!(AuditLog::PRIMARY_KEY.is_empty());
    assert_eq!(AuditLog::table_def().primary_key, None);
}

#[test]
fn derived_tables_build_a_valid_schema() {
    let schema = Schema::builder()
        .table::<Tenant>()
        .table::<Customer>()
        .table::<CustomerOrder>()
        .table::<AuditLog>()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(schema.tables.len(), 4);
}

/// A tenant-isolated table with an admin read policy and grants, all in `#[table(...)]`.
#[derive(Table)]
#[table(
    name = "documents",
    tenant_isolated(by = tenant_id, setting = "app.org", to(doc_app)),
    policy(name = "documents_support_reads", command = select, to(doc_support), using = "true"),
    policy(name = "documents_not_archived", restrictive, using = "NOT archived", with_check = "NOT archived"),
    row_security(engines(postgres)),
    grant(select, insert, update(title, archived), to(doc_app, doc_support))
)]
pub struct Document {
    #[column(primary_key)]
    pub id: i64,
    pub tenant_id: Uuid,
    #[column(name = "title_text")]
    pub title: String,
    pub archived: bool,
}

#[test]
fn access_control_keys_build_the_table_security_and_the_grants() {
    use schema_core::{
        Grant, Policy, PolicyCommand, Privilege, Role, RowSecurity, TenantIsolation,
    };
    let def = Document::table_def();
    assert_eq!(
        def.security.tenant,
        Some(
            TenantIsolation::by("tenant_id")
                .setting("app.org")
                .to(["doc_app"])
        )
    );
    assert_eq!(
        def.security.policies,
        [
            Policy::new("documents_support_reads")
                .command(PolicyCommand::Select)
                .to(["doc_support"])
                .using("true"),
            Policy::new("documents_not_archived")
                .restrictive()
                .using("NOT archived")
                .with_check("NOT archived"),
        ]
    );
    assert_eq!(def.security.engines, [Engine::Postgres]);
    assert_eq!(def.security.effective_row_security(), RowSecurity::Forced);
    assert_eq!(
        Document::grants(),
        [
            Grant::on_table("documents", [Privilege::Select, Privilege::Insert])
                .to(["doc_app", "doc_support"]),
            Grant::on_columns("documents", ["title_text", "archived"], [Privilege::Update])
                .to(["doc_app", "doc_support"]),
        ]
    );
    let schema = Schema::builder()
        .role(Role::login("doc_app"))
        .role(Role::login("doc_support").admin())
        .table::<Document>()
        .build()
        .unwrap();
    assert_eq!(schema.security.grants.len(), 2);
    // Without the roles the build names both, with a did-you-mean where one is close.
    let errors = Schema::builder()
        .role(Role::login("doc_ap"))
        .table::<Document>()
        .build()
        .unwrap_err()
        .to_string();
    assert!(
        errors.contains("role `doc_app`, which is not declared"),
        "{errors}"
    );
    assert!(errors.contains("did you mean `doc_ap`?"), "{errors}");
}
