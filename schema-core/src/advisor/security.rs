//! Row-level-security pitfalls (S5xx): configurations that look protected and are not.
//!
//! Shared with validation, which refuses each finding the table does not allow with a reason;
//! the advisor reports the allowed ones as suppressed, with their reasons.

use std::collections::BTreeSet;

use super::{
    DEFINER_VIEW_OVER_RLS, Finding, MATERIALIZED_VIEW_OVER_RLS, POLICY_USING_TRUE,
    POLICY_WITHOUT_RLS, POLICY_WITHOUT_WITH_CHECK, RLS_NOT_FORCED, RLS_WITHOUT_POLICY,
};
use crate::{GrantObject, Policy, Privilege, RelationNames, RowSecurity, Schema, TableDef, View};

/// Every row-level-security pitfall of `schema`, unsuppressed.
pub(crate) fn pitfalls(schema: &Schema) -> Vec<Finding> {
    let mut found = Vec::new();
    for table in &schema.tables {
        table_pitfalls(schema, table, &mut found);
    }
    let names = RelationNames::of(schema);
    for view in &schema.views {
        view_pitfalls(schema, &names, view, &mut found);
    }
    found
}

/// A view that runs with its owner's rights (not `security_invoker`, or materialized) over a
/// table with row-level security. What a view reads is found by the names its body mentions,
/// through other views too ([`View::names_read_in`]: string literals and comments skipped): a
/// superset of what it reads, which errs on the side of refusing. `schema-dialects` parses the
/// body exactly for ordering.
fn view_pitfalls(
    schema: &Schema,
    names: &RelationNames<'_>,
    view: &View,
    found: &mut Vec<Finding>,
) {
    let protected = rls_tables_read(schema, names, view);
    let Some(first) = protected.first() else {
        return;
    };
    let tables = protected
        .iter()
        .map(|t| format!("`{t}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if view.materialized {
        let readers = non_admin_readers(schema, &view.name);
        if !readers.is_empty() {
            found.push(Finding::new(
                &MATERIALIZED_VIEW_OVER_RLS,
                &view.name,
                None,
                format!(
                    "materialized view `{}` stores rows of {tables}, which has row-level security, and is granted to {}: it returns every tenant's rows to them",
                    view.name,
                    readers.join(", ")
                ),
            ));
        }
    } else if !view.security_invoker {
        found.push(
            Finding::new(
                &DEFINER_VIEW_OVER_RLS,
                &view.name,
                None,
                format!(
                    "view `{}` is not security_invoker and reads {tables}, which has row-level security: it runs as its owner and returns every tenant's rows",
                    view.name
                ),
            )
            .help(format!(
                "Remove `.security_invoker(false)`: the view then applies the policies of `{first}` to whoever queries it."
            )),
        );
    }
}

/// The tables with row-level security `view` reads, directly or through other views, sorted.
fn rls_tables_read(schema: &Schema, names: &RelationNames<'_>, view: &View) -> Vec<String> {
    let mut found = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut pending = vec![view];
    while let Some(current) = pending.pop() {
        if !seen.insert(current.name.as_str()) {
            continue;
        }
        for name in current.names_read_in(names) {
            if schema.table(&name).is_some_and(|t| t.security.is_enabled()) {
                found.insert(name.clone());
            }
            if let Some(other) = schema.view(&name) {
                pending.push(other);
            }
        }
    }
    found.into_iter().collect()
}

/// The roles granted SELECT on `relation` that are not admin roles.
fn non_admin_readers(schema: &Schema, relation: &str) -> Vec<String> {
    let mut readers: Vec<String> = schema
        .security
        .grants
        .iter()
        .filter(|g| g.privileges.contains(&Privilege::Select))
        .filter(|g| matches!(&g.object, GrantObject::Table(name) if name == relation))
        .flat_map(|g| &g.to)
        .filter(|role| !schema.security.role(role).is_some_and(|r| r.admin))
        .map(|role| format!("`{role}`"))
        .collect();
    readers.sort();
    readers.dedup();
    readers
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
