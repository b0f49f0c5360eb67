use schema_core::{Schema, SqlEnum, Table};

/// A customer of the platform.
#[derive(Table)]
#[table(name = "tenants")]
pub struct Tenant {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(varchar(63), unique)]
    pub slug: String,
}

#[derive(SqlEnum)]
#[sql_enum(name = "invoice_status")]
pub enum InvoiceStatus {
    Draft,
    #[sql_enum(rename = "paid_in_full")]
    Paid,
}

#[derive(Table)]
#[table(
    name = "invoices",
    comment = "One bill sent to a tenant",
    unique(tenant_id, number),
    unique(name = "invoices_ref_key", columns(reference)),
    index(columns(tenant_id, issued_at)),
    index(name = "invoices_open", columns(tenant_id), where = "paid_at IS NULL"),
    check(name = "invoices_total_nonneg", sql = "total_cents >= 0"),
    check(sql = "number > 0")
)]
pub struct Invoice {
    #[column(primary_key, identity = always)]
    pub id: i64,
    #[column(references = Tenant, on_delete = cascade, on_update = no_action, index)]
    pub tenant_id: i64,
    #[column(varchar(63), references = Tenant(slug), on_delete = set_null, fk_name = "invoices_slug_fkey")]
    pub tenant_slug: Option<String>,
    pub number: i32,
    #[column(check = "total_cents < 100000000", default = 0)]
    pub total_cents: i64,
    #[column(default = "draft")]
    pub status: InvoiceStatus,
    #[column(default = now)]
    pub issued_at: chrono::DateTime<chrono::Utc>,
    pub paid_at: Option<chrono::DateTime<chrono::Utc>>,
    #[column(default_sql = "gen_random_uuid()")]
    pub reference: uuid::Uuid,
    #[column(raw(postgres = "tsvector"))]
    pub search: Option<String>,
}

fn main() {
    if let Err(errors) = Schema::builder().table::<Tenant>().table::<Invoice>().build() {
        panic!("{errors}");
    }
}
