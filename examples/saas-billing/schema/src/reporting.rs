//! Reporting and upkeep: views over the billing tables, a materialized revenue summary that
//! refreshes without blocking readers, and metered usage in a monthly-partitioned table whose
//! partitions a scheduled maintenance call keeps ahead of time.

use chrono::{DateTime, Utc};
use schema_core::{Engine, PartitionInterval, Partitioning, Table, TableDef, View};
use uuid::Uuid;

/// Invoices issued and not paid yet. On PostgreSQL the view runs with the querying role's
/// rights and row-level security (`security_invoker`), so a tenant sees only its own.
#[derive(View)]
#[view(
    name = "open_invoices",
    sql = "SELECT id, tenant_id, number, currency, total_cents, due_at FROM invoices WHERE status = 'open' AND paid_at IS NULL"
)]
pub struct OpenInvoice {
    pub id: i64,
    pub tenant_id: Uuid,
    /// The number the customer sees.
    pub number: i32,
    pub currency: String,
    /// Still to be paid, in the currency's minor unit.
    pub total_cents: i64,
    pub due_at: DateTime<Utc>,
}

/// Billed amount per tenant and currency, stored and refreshed with
/// `REFRESH MATERIALIZED VIEW CONCURRENTLY` (a plain view on MySQL and SQLite).
#[derive(View)]
#[view(
    name = "tenant_revenue",
    sql = "SELECT tenant_id, currency, SUM(total_cents) AS billed_cents, COUNT(*) AS invoice_count FROM invoices WHERE status <> 'void' GROUP BY tenant_id, currency",
    materialized,
    unique(tenant_id, currency)
)]
pub struct TenantRevenue {
    pub tenant_id: Uuid,
    pub currency: String,
    /// Sum of the invoices that are not void.
    pub billed_cents: i64,
    pub invoice_count: i64,
}

/// A metered quantity a tenant used (API calls, storage, seats), recorded as it happens.
#[derive(Table)]
#[table(
    name = "usage_events",
    primary_key(id, recorded_at),
    index(columns(tenant_id, recorded_at)),
    allow(
        S207,
        reason = "MySQL partitioned tables take no foreign keys, so usage stands alone; tenant_id names the tenant"
    )
)]
pub struct UsageEvent {
    #[column(default = random_uuid)]
    pub id: Uuid,
    /// No foreign key: InnoDB partitioned tables take none, and usage outlives deleted tenants
    /// until the partition is detached.
    #[column(allow(
        S208,
        reason = "MySQL partitioned tables cannot hold foreign keys; usage rows outlive their tenant until their month is detached"
    ))]
    pub tenant_id: Uuid,
    /// What was measured, e.g. `api.requests`.
    #[column(varchar(64))]
    pub metric: String,
    #[column(check = "quantity >= 0")]
    pub quantity: i64,
    pub recorded_at: DateTime<Utc>,
}

/// `usage_events`, partitioned by month on PostgreSQL and MySQL (SQLite has no partitioning):
/// the script creates January to June 2026 and a default partition; the maintenance call keeps
/// two months ahead and detaches months older than 24 months.
pub fn usage_events() -> TableDef {
    UsageEvent::table_def().partitioned(
        Partitioning::range(["recorded_at"])
            .lifecycle(PartitionInterval::Month, "2026-01-01", 6)
            .premake(2)
            .retention(24)
            .only_on([Engine::Postgres, Engine::MySql]),
    )
}
