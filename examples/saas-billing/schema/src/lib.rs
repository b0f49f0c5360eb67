//! A multi-tenant SaaS billing domain: tenants, their users and plans, subscriptions, invoices
//! with their lines, payments, API keys, tax rates and an audit log.
//!
//! Every table is a Rust type; [`schema()`] assembles them. The build script of the
//! `saas-billing` example turns this into DDL for PostgreSQL, MySQL/MariaDB and SQLite.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use schema_core::{Schema, SchemaBuilder, SqlEnum, Table};
use uuid::Uuid;

mod access;
pub mod reporting;

pub use access::{APP_GROUP, APP_LOGIN, access};

/// Every table of the billing schema, ready to validate and render.
///
/// ```
/// let schema = saas_billing_schema::schema().build().unwrap();
/// assert!(schema.tables.len() >= 10);
/// ```
pub fn schema() -> SchemaBuilder {
    access(Schema::builder())
        .table::<Tenant>()
        .table::<User>()
        .table::<Membership>()
        .table::<Plan>()
        .table::<Subscription>()
        .table::<TaxRate>()
        .table::<Invoice>()
        .table::<InvoiceLine>()
        .table::<Payment>()
        .table::<ApiKey>()
        .table::<AuditEvent>()
        .table_def(reporting::usage_events())
        .view::<reporting::OpenInvoice>()
        .view::<reporting::TenantRevenue>()
}

/// A customer organisation; every other row belongs to one.
#[derive(Table)]
#[table(
    name = "tenants",
    tenant_isolated(by = id),
    row_security(engines(postgres)),
    check(name = "tenants_slug_length", sql = "length(slug) BETWEEN 3 AND 63")
)]
pub struct Tenant {
    #[column(primary_key)]
    pub id: Uuid,
    /// URL-safe identifier, e.g. `acme`.
    #[column(varchar(63), unique)]
    pub slug: String,
    /// Display name.
    #[column(varchar(200))]
    pub name: String,
    /// The reseller that manages this tenant, if any.
    #[column(references = Tenant, on_delete = restrict, index)]
    pub parent_tenant_id: Option<Uuid>,
    #[column(default = now)]
    pub created_at: DateTime<Utc>,
    /// Set by the engine on every change of the row.
    #[column(updated_at, default = now)]
    pub updated_at: DateTime<Utc>,
}

/// A person who can sign in; may belong to several tenants.
#[derive(Table)]
#[table(
    name = "users",
    policy(
        name = "users_of_the_tenant",
        command = select,
        using = "EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)"
    ),
    policy(
        name = "users_update_of_the_tenant",
        command = update,
        using = "EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)",
        with_check = "EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)"
    ),
    row_security(engines(postgres))
)]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    /// Login e-mail, stored lower-case.
    #[column(varchar(320), unique, check = "email = lower(email)")]
    pub email: String,
    #[column(varchar(120))]
    pub display_name: String,
    #[column(default = now)]
    pub created_at: DateTime<Utc>,
}

/// What a member may do inside a tenant.
#[derive(SqlEnum)]
#[sql_enum(name = "membership_role")]
pub enum MembershipRole {
    Owner,
    Admin,
    Billing,
    Member,
}

/// A user's membership of a tenant.
#[derive(Table)]
#[table(
    name = "memberships",
    primary_key(tenant_id, user_id),
    tenant_isolated(by = tenant_id),
    row_security(engines(postgres))
)]
pub struct Membership {
    #[column(references = Tenant, on_delete = cascade)]
    pub tenant_id: Uuid,
    #[column(references = User, on_delete = cascade, index)]
    pub user_id: i64,
    #[column(
        default = "member",
        allow(
            S110,
            reason = "values are only ever added (ALTER TYPE ... ADD VALUE); removing one would be a planned data migration"
        )
    )]
    pub role: MembershipRole,
    #[column(default = now)]
    pub joined_at: DateTime<Utc>,
}

/// A price plan tenants subscribe to.
#[derive(Table)]
#[table(name = "plans")]
pub struct Plan {
    #[column(primary_key, identity)]
    pub id: i64,
    /// Stable code used by the application, e.g. `pro-monthly`.
    #[column(varchar(32), unique)]
    pub code: String,
    #[column(varchar(120))]
    pub name: String,
    /// Price per billing period, in the currency's minor unit.
    #[column(check = "monthly_price_cents >= 0")]
    pub monthly_price_cents: i64,
    /// ISO 4217 currency code.
    #[column(
        char(3),
        check = "currency = upper(currency)",
        allow(
            S104,
            reason = "ISO 4217 codes are exactly three letters, so char(3) never pads"
        )
    )]
    pub currency: String,
    #[column(default = true)]
    pub active: bool,
}

/// Where a subscription is in its life.
#[derive(SqlEnum)]
#[sql_enum(name = "subscription_status")]
pub enum SubscriptionStatus {
    Trialing,
    Active,
    PastDue,
    Canceled,
}

/// A tenant's subscription to a plan.
#[derive(Table)]
#[table(
    name = "subscriptions",
    tenant_isolated(by = tenant_id),
    row_security(engines(postgres)),
    index(columns(tenant_id, status)),
    check(
        name = "subscriptions_canceled_after_start",
        sql = "canceled_at IS NULL OR canceled_at >= started_at"
    )
)]
pub struct Subscription {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = Tenant, on_delete = cascade)]
    pub tenant_id: Uuid,
    #[column(references = Plan, on_delete = restrict, index)]
    pub plan_id: i64,
    #[column(
        default = "trialing",
        allow(
            S110,
            reason = "values are only ever added (ALTER TYPE ... ADD VALUE); removing one would be a planned data migration"
        )
    )]
    pub status: SubscriptionStatus,
    /// The most recent invoice; forms a reference cycle with `invoices.subscription_id`.
    #[column(references = Invoice, on_delete = set_null, index)]
    pub latest_invoice_id: Option<i64>,
    #[column(default = now)]
    pub started_at: DateTime<Utc>,
    pub canceled_at: Option<DateTime<Utc>>,
}

/// A sales-tax rate applied to invoice lines.
#[derive(Table)]
#[table(
    name = "tax_rates",
    unique(tenant_id, name),
    tenant_isolated(by = tenant_id),
    row_security(engines(postgres))
)]
pub struct TaxRate {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = Tenant, on_delete = cascade)]
    pub tenant_id: Uuid,
    #[column(varchar(64))]
    pub name: String,
    /// A fraction: 0.2000 is 20 %.
    #[column(numeric(6, 4), check = "rate >= 0 AND rate < 1")]
    pub rate: Decimal,
}

/// Where an invoice is in its life.
#[derive(SqlEnum)]
#[sql_enum(name = "invoice_status")]
pub enum InvoiceStatus {
    Draft,
    Open,
    Paid,
    Void,
}

/// One bill sent to a tenant.
#[derive(Table)]
#[table(
    name = "invoices",
    tenant_isolated(by = tenant_id),
    row_security(engines(postgres)),
    audit,
    unique(tenant_id, number),
    index(columns(tenant_id, issued_at)),
    check(name = "invoices_total_nonnegative", sql = "total_cents >= 0"),
    check(name = "invoices_due_after_issue", sql = "due_at >= issued_at")
)]
pub struct Invoice {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = Tenant, on_delete = cascade)]
    pub tenant_id: Uuid,
    #[column(references = Subscription, on_delete = set_null, index)]
    pub subscription_id: Option<i64>,
    /// Sequential per tenant, shown to the customer.
    #[column(check = "number > 0")]
    pub number: i32,
    #[column(
        default = "draft",
        allow(
            S110,
            reason = "values are only ever added (ALTER TYPE ... ADD VALUE); removing one would be a planned data migration"
        )
    )]
    pub status: InvoiceStatus,
    #[column(
        char(3),
        allow(
            S104,
            reason = "ISO 4217 codes are exactly three letters, so char(3) never pads"
        )
    )]
    pub currency: String,
    /// Sum of the lines, tax included, in the currency's minor unit.
    #[column(default = 0)]
    pub total_cents: i64,
    pub issued_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
}

/// One priced line of an invoice.
#[derive(Table)]
#[table(
    name = "invoice_lines",
    policy(
        name = "invoice_lines_of_the_tenant",
        using = "EXISTS (SELECT 1 FROM invoices i WHERE i.id = invoice_lines.invoice_id)",
        with_check = "EXISTS (SELECT 1 FROM invoices i WHERE i.id = invoice_lines.invoice_id)"
    ),
    row_security(engines(postgres)),
    primary_key(invoice_id, line_no),
    fd(quantity, unit_price_cents -> amount_cents),
    allow(
        S304,
        reason = "amount_cents is kept as issued; the invoice_lines_amount CHECK keeps it equal to quantity * unit_price_cents"
    ),
    check(
        name = "invoice_lines_amount",
        sql = "amount_cents = quantity * unit_price_cents"
    )
)]
pub struct InvoiceLine {
    #[column(references = Invoice, on_delete = cascade)]
    pub invoice_id: i64,
    /// Position on the invoice, from 1.
    #[column(check = "line_no > 0")]
    pub line_no: i32,
    #[column(varchar(500))]
    pub description: String,
    #[column(check = "quantity > 0")]
    pub quantity: i32,
    pub unit_price_cents: i64,
    pub amount_cents: i64,
    #[column(references = TaxRate, on_delete = restrict, index)]
    pub tax_rate_id: Option<i64>,
}

/// How a payment reached us.
#[derive(SqlEnum)]
#[sql_enum(name = "payment_method")]
pub enum PaymentMethod {
    Card,
    BankTransfer,
    Wallet,
}

/// Money received against an invoice.
#[derive(Table)]
#[table(
    name = "payments",
    audit,
    policy(
        name = "payments_of_the_tenant",
        using = "EXISTS (SELECT 1 FROM invoices i WHERE i.id = payments.invoice_id)",
        with_check = "EXISTS (SELECT 1 FROM invoices i WHERE i.id = payments.invoice_id)"
    ),
    row_security(engines(postgres))
)]
pub struct Payment {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = Invoice, on_delete = restrict, index)]
    pub invoice_id: i64,
    #[column(check = "amount_cents > 0")]
    pub amount_cents: i64,
    #[column(allow(
        S110,
        reason = "values are only ever added (ALTER TYPE ... ADD VALUE); removing one would be a planned data migration"
    ))]
    pub method: PaymentMethod,
    /// The payment provider's reference, unique across providers.
    #[column(varchar(64), unique)]
    pub provider_ref: String,
    #[column(default = now)]
    pub received_at: DateTime<Utc>,
}

/// A credential for the public API; only a hash of the secret is stored.
#[derive(Table)]
#[table(
    name = "api_keys",
    tenant_isolated(by = tenant_id),
    row_security(engines(postgres))
)]
pub struct ApiKey {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = Tenant, on_delete = cascade, index)]
    pub tenant_id: Uuid,
    #[column(references = User, on_delete = restrict, index)]
    pub created_by: i64,
    /// The first characters of the key, shown to users to tell keys apart.
    #[column(
        char(8),
        unique,
        allow(
            S104,
            reason = "always the first 8 characters of the key, so char(8) never pads"
        )
    )]
    pub prefix: String,
    /// SHA-256 of the secret.
    #[column(check = "length(secret_hash) = 32")]
    pub secret_hash: Vec<u8>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// An append-only record of who changed what.
#[derive(Table)]
#[table(
    name = "audit_events",
    index(columns(tenant_id, occurred_at)),
    tenant_isolated(by = tenant_id),
    row_security(engines(postgres))
)]
pub struct AuditEvent {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = Tenant, on_delete = cascade)]
    pub tenant_id: Uuid,
    #[column(references = User, on_delete = set_null, index)]
    pub actor_user_id: Option<i64>,
    /// What happened, e.g. `invoice.paid`.
    #[column(varchar(64))]
    pub action: String,
    #[column(varchar(64))]
    pub entity: String,
    #[column(
        varchar(64),
        allow(
            S205,
            reason = "an audit log names rows of any table, and must outlive them, so no foreign key can hold"
        )
    )]
    pub entity_id: String,
    /// Before and after values of the changed fields.
    pub details: serde_json::Value,
    #[column(default = now)]
    pub occurred_at: DateTime<Utc>,
}
