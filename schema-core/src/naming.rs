//! Deterministic names for constraints and indexes the user did not name.
//!
//! Names follow PostgreSQL's own conventions (`invoices_pkey`, `invoices_tenant_id_number_key`,
//! `invoices_tenant_id_fkey`, `invoices_tenant_id_idx`, `invoices_total_check`). A generated name
//! longer than [`GENERATED_NAME_MAX_BYTES`] is shortened to a prefix plus a hash of the full name,
//! so it stays unique and no engine truncates it behind our back.

/// The longest generated name: PostgreSQL's limit (63 bytes), the smallest of the engines.
pub const GENERATED_NAME_MAX_BYTES: usize = 63;

/// `<table>_pkey`.
pub fn primary_key(table: &str) -> String {
    fit(format!("{table}_pkey"))
}

/// `<table>_<columns>_<suffix>`.
pub fn over_columns(table: &str, columns: &[String], suffix: &str) -> String {
    fit(format!("{table}_{}_{suffix}", columns.join("_")))
}

/// The words of an SQL expression joined by `_`, for a generated name: `lower(email)` becomes
/// `lower_email`.
///
/// ```
/// assert_eq!(schema_core::naming::words("lower(\"Email\")"), "lower_email");
/// ```
pub fn words(expr: &str) -> String {
    expr.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("_")
}

/// `<table>_check<n>` for the n-th unnamed table check (1-based).
pub fn table_check(table: &str, ordinal: usize) -> String {
    fit(format!("{table}_check{ordinal}"))
}

/// Shortens `name` to at most [`GENERATED_NAME_MAX_BYTES`] bytes, ending in an 8-digit hash of
/// the full name when it had to be cut.
///
/// ```
/// use schema_core::naming::{fit, GENERATED_NAME_MAX_BYTES};
/// assert_eq!(fit("short_idx".into()), "short_idx");
/// let long = fit("x".repeat(100));
/// assert_eq!(long.len(), GENERATED_NAME_MAX_BYTES);
/// assert_ne!(long, fit("x".repeat(101)));
/// ```
pub fn fit(name: String) -> String {
    if name.len() <= GENERATED_NAME_MAX_BYTES {
        return name;
    }
    let hash = format!("_{:08x}", fnv1a(name.as_bytes()));
    let mut cut = GENERATED_NAME_MAX_BYTES - hash.len();
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{hash}", &name[..cut])
}

/// 32-bit FNV-1a: tiny, stable across Rust versions and platforms.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}
