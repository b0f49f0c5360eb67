use schema_core::View;

// Every mistake at once: an unknown key (with did-you-mean), a unique index naming no field, a
// non-boolean security_invoker, an unknown field key, and `#[column]` on a view field.
#[derive(View)]
#[view(name = "totals", sql = "SELECT tenant_id, total FROM t", materialised, unique(tenant), security_invoker = "no")]
pub struct Totals {
    #[view(rename = "tid")]
    pub tenant_id: i64,
    #[column(primary_key)]
    pub total: i64,
}

fn main() {}
