use schema_core::View;

// A view needs its query; `unique` without `materialized` indexes nothing.
#[derive(View)]
#[view(name = "totals", unique(total))]
pub struct Totals {
    pub total: i64,
}

#[derive(View)]
#[view(sql = "SELECT 1")]
pub struct Tuple(i64);

fn main() {}
