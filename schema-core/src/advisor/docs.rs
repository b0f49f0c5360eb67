//! The rule catalog as Markdown, for docs/ADVISOR.md (generated, so it cannot drift).

use super::{RULES, Rule};

fn family(rule: &Rule) -> &'static str {
    match rule.code.as_bytes().get(1) {
        Some(b'0') => "Suppressions and declarations (S0xx)",
        Some(b'1') => "Column types (S1xx)",
        Some(b'2') => "Keys, indexes and relations (S2xx)",
        Some(b'3') => "Modelling and normal forms (S3xx)",
        Some(b'4') => "Names and documentation (S4xx)",
        _ => "Other",
    }
}

/// The catalog as Markdown: one section per family, one entry per rule with its code,
/// severity, rationale, fix and example.
///
/// ```
/// let md = schema_core::advisor::catalog_markdown();
/// assert!(md.contains("### S101 `timestamp-without-time-zone` (warning)"));
/// ```
pub fn catalog_markdown() -> String {
    let mut out = String::new();
    let mut current = "";
    for rule in RULES {
        let heading = family(rule);
        if heading != current {
            out.push_str(&format!("## {heading}\n\n"));
            current = heading;
        }
        out.push_str(&format!(
            "### {} `{}` ({})\n\n- **Why:** {}\n- **Fix:** {}\n- **Example:** `{}`\n\n",
            rule.code,
            rule.name,
            rule.severity,
            rule.rationale,
            rule.fix,
            rule.example.replace('`', "'")
        ));
    }
    out.push_str("## Row-level security (S5xx)\n\nReserved for the row-level-security rules, which share this catalog and its `allow` mechanism.\n");
    out
}
