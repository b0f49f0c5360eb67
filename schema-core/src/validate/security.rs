//! Roles, grants and policies name what exists; row-level-security pitfalls (S5xx) are refused
//! unless the table allows them with a reason.

use std::collections::{BTreeMap, BTreeSet};

use super::{did_you_mean, unknown_column};
use crate::advisor::{self, Finding};
use crate::{Diagnostic, GrantObject, PolicyCommand, Schema, TableDef, TenantIsolation};

pub(super) fn check(schema: &Schema, found: &mut Vec<Diagnostic>) {
    roles(schema, found);
    grants(schema, found);
    for table in &schema.tables {
        policies(schema, table, found);
    }
    for finding in advisor::security::pitfalls(schema) {
        if !allowed(schema, &finding) {
            found.push(refusal(finding));
        }
    }
}

/// Role names are plain lower-case identifiers (they are written inside PostgreSQL's
/// re-runnable `DO` blocks and MySQL account names), unique, and memberships form no cycle.
fn roles(schema: &Schema, found: &mut Vec<Diagnostic>) {
    let mut seen = BTreeSet::new();
    for role in &schema.security.roles {
        if !is_role_name(&role.name) {
            found.push(
                Diagnostic::new(format!("role `{}`: the name is not a plain lower-case identifier", role.name))
                    .help("use lower-case letters, digits and underscores, starting with a letter (roles are shared by every database of the server)"),
            );
        }
        if role.name == "public" {
            found.push(
                Diagnostic::new("role `public`: PUBLIC is every role, not a role of its own")
                    .help("name the role after what it does, e.g. `app_readers`"),
            );
        }
        if !seen.insert(role.name.as_str()) {
            found.push(
                Diagnostic::new(format!("role `{}` is declared twice", role.name))
                    .help("declare each role once"),
            );
        }
        for group in &role.member_of {
            if group == &role.name {
                found.push(
                    Diagnostic::new(format!("role `{}` is a member of itself", role.name))
                        .help("remove it from `member_of`"),
                );
            } else {
                unknown_role(
                    schema,
                    group,
                    &format!("role `{}` is a member of", role.name),
                    None,
                    found,
                );
            }
        }
    }
    if let Some(cycle) = membership_cycle(schema) {
        found.push(
            Diagnostic::new(format!(
                "role membership forms a cycle: {}",
                cycle.join(" -> ")
            ))
            .help("a role cannot (indirectly) be a member of itself; remove one membership"),
        );
    }
}

fn grants(schema: &Schema, found: &mut Vec<Diagnostic>) {
    for grant in &schema.security.grants {
        let what = format!(
            "grant on {} `{}`",
            grant.object.kind(),
            object_name(&grant.object)
        );
        let table = grant.object.table().and_then(|name| schema.table(name));
        // A table grant may name a view (GRANT ... ON TABLE applies to views).
        if let Some(name) = grant.object.table()
            && table.is_none()
            && !(matches!(grant.object, GrantObject::Table(_)) && schema.view(name).is_some())
        {
            let mut d = Diagnostic::new(format!(
                "{what} names table `{name}`, which is not in the schema"
            ));
            let relations = schema
                .tables
                .iter()
                .map(|t| t.name.as_str())
                .chain(schema.views.iter().map(|v| v.name.as_str()));
            if let Some(help) = did_you_mean(name, relations) {
                d = d.help(help);
            }
            found.push(d);
        }
        if let (GrantObject::Columns { columns, .. }, Some(table)) = (&grant.object, table) {
            if columns.is_empty() {
                found.push(
                    Diagnostic::new(format!("{what} names no column"))
                        .table(&table.name)
                        .help("name the columns, or grant on the whole table"),
                );
            }
            for column in columns.iter().filter(|c| table.find_column(c).is_none()) {
                found.push(unknown_column(table, column, "a column grant"));
            }
        }
        if grant.privileges.is_empty() {
            found.push(
                Diagnostic::new(format!("{what} grants no privilege"))
                    .help("name the privileges, e.g. `select, insert`"),
            );
        }
        for privilege in grant
            .privileges
            .iter()
            .filter(|p| !grant.object.accepts(**p))
        {
            let valid: Vec<String> = grant
                .object
                .privileges()
                .iter()
                .map(|p| p.key().to_string())
                .collect();
            found.push(
                Diagnostic::new(format!(
                    "{what}: a {} has no {privilege} privilege",
                    grant.object.kind()
                ))
                .help(format!(
                    "a {} takes {}",
                    grant.object.kind(),
                    valid.join(", ")
                )),
            );
        }
        if grant.to.is_empty() {
            found
                .push(Diagnostic::new(format!("{what} names no role")).help(
                    "grant to declared roles (`to(...)`); nothing is ever granted to PUBLIC",
                ));
        }
        for role in &grant.to {
            unknown_role(schema, role, &format!("{what} is to"), None, found);
        }
    }
    for default in &schema.security.default_privileges {
        let what = format!(
            "default privileges on {}",
            default.objects.keyword().to_lowercase()
        );
        let sample = match default.objects {
            crate::DefaultObjects::Tables => GrantObject::Table(String::new()),
            crate::DefaultObjects::Sequences => GrantObject::Sequence(String::new()),
            crate::DefaultObjects::Functions => GrantObject::Function(String::new()),
        };
        for privilege in default.privileges.iter().filter(|p| !sample.accepts(**p)) {
            found.push(Diagnostic::new(format!(
                "{what}: {privilege} does not apply to them"
            )));
        }
        if default.to.is_empty() || default.privileges.is_empty() {
            found.push(
                Diagnostic::new(format!("{what} grant nothing to no one"))
                    .help("name the privileges and the roles"),
            );
        }
        // `for_role` is whoever creates the objects (often the migration role, declared
        // elsewhere); the receiving roles are the schema's own.
        for role in &default.to {
            unknown_role(schema, role, &format!("{what} name"), None, found);
        }
    }
}

/// Policy names are unique in their table, their roles exist, their expressions fit their
/// command, and tenant isolation names an existing column and a prefixed setting.
fn policies(schema: &Schema, table: &TableDef, found: &mut Vec<Diagnostic>) {
    let security = &table.security;
    let mut seen = BTreeSet::new();
    for name in security.policy_names(&table.name) {
        if name.is_empty() {
            found.push(
                Diagnostic::new("a policy has no name")
                    .table(&table.name)
                    .help("name it, e.g. `invoices_own_rows`"),
            );
        } else if !seen.insert(name.clone()) {
            found.push(
                Diagnostic::new(format!("policy `{name}` is declared twice"))
                    .table(&table.name)
                    .help("give each policy of a table its own name"),
            );
        }
    }
    for policy in &security.policies {
        let what = format!("policy `{}`", policy.name);
        for role in &policy.to {
            unknown_role(
                schema,
                role,
                &format!("{what} is to"),
                Some(&table.name),
                found,
            );
        }
        match (policy.command, &policy.using, &policy.with_check) {
            (PolicyCommand::Insert, Some(_), _) => found.push(
                Diagnostic::new(format!("{what} (FOR INSERT) has a USING condition; an INSERT reads no existing row"))
                    .table(&table.name)
                    .help("write the condition as `with_check`"),
            ),
            (PolicyCommand::Select | PolicyCommand::Delete, _, Some(_)) => found.push(
                Diagnostic::new(format!("{what} (FOR {}) has a WITH CHECK condition; it writes no new row", policy.command))
                    .table(&table.name)
                    .help("write the condition as `using`"),
            ),
            (command, None, None) if command != PolicyCommand::Insert => found.push(
                Diagnostic::new(format!("{what} has no condition"))
                    .table(&table.name)
                    .help("write `using = \"...\"` (the rows it sees) and, for writes, `with_check = \"...\"`"),
            ),
            _ => {}
        }
    }
    if let Some(tenant) = &security.tenant {
        if table.find_column(&tenant.column).is_none() {
            found.push(unknown_column(table, &tenant.column, "tenant isolation"));
        }
        if !is_setting_name(&tenant.setting) {
            found.push(
                Diagnostic::new(format!(
                    "tenant isolation reads setting `{}`, which is not a custom setting name",
                    tenant.setting
                ))
                .table(&table.name)
                .help(format!(
                    "use `prefix.name` of letters, digits and underscores, e.g. `{}`",
                    crate::DEFAULT_TENANT_SETTING
                )),
            );
        }
        let what = format!(
            "tenant isolation (policy `{}`) is to",
            TenantIsolation::policy_name(&table.name)
        );
        for role in &tenant.to {
            unknown_role(schema, role, &what, Some(&table.name), found);
        }
    }
}

/// Pushes an error when `role` is not declared.
fn unknown_role(
    schema: &Schema,
    role: &str,
    context: &str,
    table: Option<&str>,
    found: &mut Vec<Diagnostic>,
) {
    if schema.security.role(role).is_some() {
        return;
    }
    let mut d = Diagnostic::new(format!("{context} role `{role}`, which is not declared"));
    if let Some(table) = table {
        d = d.table(table);
    }
    let help = if role.eq_ignore_ascii_case("public") {
        Some("nothing is granted to PUBLIC: declare a role (`Schema::builder().role(...)`) and name it".to_string())
    } else {
        did_you_mean(role, schema.security.roles.iter().map(|r| r.name.as_str()))
    };
    found.push(match help {
        Some(help) => d.help(help),
        None => d.help(
            "declare it with `Schema::builder().role(Role::group(...))` or `Role::login(...)`",
        ),
    });
}

/// Whether the table or view the finding is on allows its code with a reason.
fn allowed(schema: &Schema, finding: &Finding) -> bool {
    let by_table = schema.table(&finding.table).is_some_and(|table| {
        table
            .allows
            .iter()
            .any(|allow| allow.code == finding.code && !allow.reason.trim().is_empty())
    });
    by_table
        || schema
            .view(&finding.table)
            .is_some_and(|view| view.allows(&finding.code))
}

/// A pitfall as a build error, naming how to waive it.
fn refusal(finding: Finding) -> Diagnostic {
    Diagnostic::new(format!("{} [{}]", finding.message, finding.code))
        .table(&finding.table)
        .help(format!(
            "{} If it is intended, say why: `allow({}, reason = \"...\")` on the table.",
            finding.help, finding.code
        ))
}

fn is_role_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_setting_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() == 2
        && parts.iter().all(|part| {
            !part.is_empty()
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !part.starts_with(|c: char| c.is_ascii_digit())
        })
}

fn object_name(object: &GrantObject) -> String {
    match object {
        GrantObject::Schema(name)
        | GrantObject::Table(name)
        | GrantObject::Sequence(name)
        | GrantObject::Function(name) => name.clone(),
        GrantObject::Columns { table, columns } => format!("{table} ({})", columns.join(", ")),
    }
}

/// A membership cycle, as the roles along it, if there is one.
fn membership_cycle(schema: &Schema) -> Option<Vec<String>> {
    let edges: BTreeMap<&str, &[String]> = schema
        .security
        .roles
        .iter()
        .map(|r| (r.name.as_str(), r.member_of.as_slice()))
        .collect();
    fn visit<'a>(
        node: &'a str,
        edges: &BTreeMap<&'a str, &'a [String]>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = path[start..].iter().map(|n| n.to_string()).collect();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in edges.get(node).copied().unwrap_or_default() {
            if next != node
                && let Some(cycle) = visit(next, edges, path, done)
            {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|start| visit(start, &edges, &mut Vec::new(), &mut done))
}
