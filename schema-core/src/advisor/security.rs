//! Row-level-security pitfalls (S5xx): configurations that look protected and are not.
//!
//! Shared with validation, which refuses each finding the table does not allow with a reason;
//! the advisor reports the allowed ones as suppressed, with their reasons.

use super::{
    Finding, POLICY_USING_TRUE, POLICY_WITHOUT_RLS, POLICY_WITHOUT_WITH_CHECK, RLS_NOT_FORCED,
    RLS_WITHOUT_POLICY,
};
use crate::{Policy, RowSecurity, Schema, TableDef};

/// Every row-level-security pitfall of `schema`, unsuppressed.
pub(crate) fn pitfalls(schema: &Schema) -> Vec<Finding> {
    let mut found = Vec::new();
    for table in &schema.tables {
        table_pitfalls(schema, table, &mut found);
    }
    found
}

fn table_pitfalls(schema: &Schema, table: &TableDef, found: &mut Vec<Finding>) {
    let security = &table.security;
    let name = table.name.as_str();
    match security.effective_row_security() {
        RowSecurity::Off if security.has_policies() => {
            let names = security.policy_names(name).join("`, `");
            found.push(Finding::new(
                &POLICY_WITHOUT_RLS,
                name,
                None,
                format!("row-level security is off, so policy `{names}` is ignored and every role with a grant sees every row"),
            ));
        }
        RowSecurity::Forced | RowSecurity::NotForced if !security.has_policies() => {
            found.push(Finding::new(
                &RLS_WITHOUT_POLICY,
                name,
                None,
                "row-level security is on but the table has no policy, so no role but a superuser can read or write a row",
            ));
        }
        _ => {}
    }
    if security.row_security == Some(RowSecurity::NotForced) {
        found.push(Finding::new(
            &RLS_NOT_FORCED,
            name,
            None,
            "row-level security is not forced, so the table owner bypasses every policy",
        ));
    }
    for policy in &security.policies {
        if policy.command.checks_new_rows() && policy.with_check.is_none() {
            found.push(Finding::new(
                &POLICY_WITHOUT_WITH_CHECK,
                name,
                None,
                format!(
                    "policy `{}` (FOR {}) has no WITH CHECK, so the rows it writes are not checked by a condition of their own",
                    policy.name, policy.command
                ),
            ));
        }
        if !policy.restrictive && opens_every_row(policy) {
            let others = non_admin_roles(schema, policy);
            if !others.is_empty() {
                found.push(Finding::new(
                    &POLICY_USING_TRUE,
                    name,
                    None,
                    format!(
                        "policy `{}` gives every row to {}, which {} not an admin role",
                        policy.name,
                        others.join(", "),
                        if others.len() == 1 { "is" } else { "are" }
                    ),
                ));
            }
        }
    }
}

/// Whether the policy's USING or WITH CHECK is the constant `true`.
fn opens_every_row(policy: &Policy) -> bool {
    [&policy.using, &policy.with_check]
        .into_iter()
        .flatten()
        .any(|condition| is_constant_true(condition))
}

/// `true`, `(true)`, `TRUE`, `'t'`, `1 = 1` and the like, ignoring case, spaces and parentheses.
fn is_constant_true(condition: &str) -> bool {
    let bare: String = condition
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '(' && *c != ')')
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        bare.as_str(),
        "true" | "'t'" | "'true'" | "1=1" | "notfalse"
    )
}

/// The roles of the policy that are not admin roles; `PUBLIC` when it names none.
fn non_admin_roles(schema: &Schema, policy: &Policy) -> Vec<String> {
    if policy.to.is_empty() {
        return vec!["PUBLIC (every role)".to_string()];
    }
    policy
        .to
        .iter()
        .filter(|role| !schema.security.role(role).is_some_and(|r| r.admin))
        .map(|role| format!("`{role}`"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_constant_true;

    #[test]
    fn constant_true_is_recognised_in_its_usual_spellings() {
        for yes in ["true", "(TRUE)", " ( true ) ", "'t'", "1 = 1"] {
            assert!(is_constant_true(yes), "{yes}");
        }
        for no in ["tenant_id = 1", "is_public", "true_flag", "1 = 2"] {
            assert!(!is_constant_true(no), "{no}");
        }
    }
}
