//! Access control in the script: roles (re-runnable), least-privilege revocations, grants,
//! default privileges, and row-level security (ENABLE/FORCE and policies).
//!
//! Roles come right after the extensions, before any object exists, so default privileges and
//! the `PUBLIC` revocations apply to everything the script creates; grants and policies come
//! last, when every table they name exists. Engines differ only through [`Dialect`] hooks:
//! PostgreSQL has all of it; MySQL/MariaDB has roles and grants on tables and columns but no
//! row-level security; SQLite has no users at all.
//!
//! What an engine lacks: a role or grant *declared* for that engine (`only_on`) is an error;
//! an unscoped one is simply not written there (SQLite's access control is the database file's
//! permissions). Row-level security is different, because dropping it silently would leak: a
//! table with policies is an error on an engine without row-level security unless its row
//! security is declared for other engines only (`row_security_only_on`), and the script then
//! says in a comment that the table is not isolated there.

use schema_core::{
    Diagnostic, Grant, GrantObject, Policy, PolicyCommand, Role, RowSecurity, Schema, TableDef,
    TenantIsolation,
};

use crate::Dialect;
use crate::quote::{identifier, identifiers, string};

/// Engine-specific problems of the access model.
pub(crate) fn check<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
    found: &mut Vec<Diagnostic>,
) {
    let engine = dialect.engine();
    let security = &schema.security;
    if !dialect.supports_roles() {
        for role in security
            .roles
            .iter()
            .filter(|r| r.engines.contains(&engine))
        {
            found.push(
                Diagnostic::new(format!("role `{}` is declared for {engine}, which has no users or roles", role.name))
                    .engine(engine)
                    .help(format!("remove {engine} from the role's `only_on`; access to a {engine} database is the file's permissions")),
            );
        }
        for grant in security
            .grants
            .iter()
            .filter(|g| g.engines.contains(&engine))
        {
            found.push(
                Diagnostic::new(format!(
                    "a grant on {} `{}` is declared for {engine}, which has no users or roles",
                    grant.object.kind(),
                    object_text(dialect, &grant.object)
                ))
                .engine(engine)
                .help(format!("remove {engine} from the grant's `only_on`")),
            );
        }
    } else {
        for grant in security
            .grants
            .iter()
            .filter(|g| g.engines.contains(&engine) && !dialect.supports_grants_on(&g.object))
        {
            found.push(
                Diagnostic::new(format!(
                    "{engine} cannot grant on a {} (`{}`)",
                    grant.object.kind(),
                    object_text(dialect, &grant.object)
                ))
                .engine(engine)
                .help(format!("remove {engine} from the grant's `only_on`")),
            );
        }
        for role in security
            .roles
            .iter()
            .filter(|r| r.applies_to(engine) && r.login)
        {
            let groups = active_groups(schema, role, engine);
            if groups.len() > 1 && !dialect.activates_every_group() {
                found.push(
                    Diagnostic::new(format!(
                        "login role `{}` is a member of {} groups, but {engine} activates one default role per user",
                        role.name,
                        groups.len()
                    ))
                    .engine(engine)
                    .help("make it a member of one group, and that group a member of the others"),
                );
            }
        }
    }
    for table in schema
        .tables
        .iter()
        .filter(|t| t.security.applies_to(engine))
    {
        if table.security.has_policies() && !dialect.supports_row_level_security() {
            found.push(
                Diagnostic::new(format!("{engine} has no row-level security, so the policies of `{}` cannot be enforced there", table.name))
                    .table(&table.name)
                    .engine(engine)
                    .help(format!("declare the row security for the engines that have it (`#[table(row_security(engines(postgres)))]` / `row_security_only_on([Engine::Postgres])`) and filter by tenant in the application on {engine}, or do not generate {engine}")),
            );
        }
        if dialect.supports_row_level_security() {
            for policy in &table.security.policies {
                for (clause, sql) in [("USING", &policy.using), ("WITH CHECK", &policy.with_check)]
                {
                    if let Some(sql) = sql
                        && let Err(error) = crate::expr::parse(dialect, sql)
                    {
                        found.push(
                            Diagnostic::new(format!("policy `{}`: {clause} `{sql}` is not a valid {engine} expression: {error}", policy.name))
                                .table(&table.name)
                                .engine(engine)
                                .help("write one boolean SQL expression, e.g. `owner_id = (SELECT current_setting('app.user_id', true))::bigint`"),
                        );
                    }
                }
            }
        }
    }
}

/// Roles, their memberships and the least-privilege revocations: the start of the script.
pub(crate) fn roles<D: Dialect + ?Sized>(dialect: &D, schema: &Schema) -> Vec<String> {
    let engine = dialect.engine();
    if !dialect.supports_roles() {
        return Vec::new();
    }
    let roles: Vec<&Role> = schema
        .security
        .roles
        .iter()
        .filter(|r| r.applies_to(engine))
        .collect();
    let mut statements = Vec::new();
    for role in &roles {
        statements.extend(dialect.create_role(role));
    }
    for role in &roles {
        for group in role
            .member_of
            .iter()
            .filter_map(|g| schema.security.role(g))
            .filter(|g| g.applies_to(engine))
        {
            statements.push(format!(
                "GRANT {} TO {}",
                dialect.role_name(group),
                dialect.role_name(role)
            ));
        }
    }
    for role in roles.iter().filter(|r| r.login) {
        let groups = active_groups(schema, role, engine);
        statements.extend(dialect.activate_groups(role, &groups));
    }
    if !roles.is_empty() {
        statements.extend(dialect.least_privilege(&roles));
    }
    statements
}

/// Row-level security, grants and default privileges: the end of the script.
pub(crate) fn access<D: Dialect + ?Sized>(dialect: &D, schema: &Schema) -> Vec<String> {
    let engine = dialect.engine();
    let mut statements = Vec::new();
    if dialect.supports_row_level_security() {
        for table in schema
            .tables
            .iter()
            .filter(|t| t.security.applies_to(engine))
        {
            statements.extend(row_security(dialect, schema, table));
        }
    }
    if !dialect.supports_roles() {
        return statements;
    }
    for grant in schema
        .security
        .grants
        .iter()
        .filter(|g| g.applies_to(engine) && dialect.supports_grants_on(&g.object))
    {
        if let Some(statement) = grant_statement(dialect, schema, grant) {
            statements.push(statement);
        }
    }
    if dialect.supports_default_privileges() {
        for default in &schema.security.default_privileges {
            let mut sql = String::from("ALTER DEFAULT PRIVILEGES");
            if let Some(role) = &default.for_role {
                sql.push_str(&format!(" FOR ROLE {}", identifier(dialect, role)));
            }
            if let Some(namespace) = &default.in_schema {
                sql.push_str(&format!(" IN SCHEMA {}", identifier(dialect, namespace)));
            }
            let roles = role_list(dialect, schema, &default.to);
            sql.push_str(&format!(
                " GRANT {} ON {} TO {roles}",
                privilege_list(&default.privileges),
                default.objects.keyword()
            ));
            statements.push(sql);
        }
    }
    statements
}

/// A comment for the scripts of engines where a table's row security is declared away.
pub(crate) fn skipped_note<D: Dialect + ?Sized>(dialect: &D, table: &TableDef) -> Option<String> {
    let engine = dialect.engine();
    (table.security.has_policies() && !table.security.applies_to(engine)).then(|| {
        format!(
            "row-level security of {} is not enforced on {engine}: it is declared for {} only; the application must filter by tenant",
            table.name,
            table.security.engines.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        )
    })
}

fn row_security<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
    table: &TableDef,
) -> Vec<String> {
    let name = identifier(dialect, &table.name);
    let mut statements = Vec::new();
    match table.security.effective_row_security() {
        RowSecurity::Off => {}
        RowSecurity::NotForced => {
            statements.push(format!("ALTER TABLE {name} ENABLE ROW LEVEL SECURITY"))
        }
        RowSecurity::Forced => {
            statements.push(format!("ALTER TABLE {name} ENABLE ROW LEVEL SECURITY"));
            statements.push(format!("ALTER TABLE {name} FORCE ROW LEVEL SECURITY"));
        }
    }
    if let Some(tenant) = &table.security.tenant {
        statements.push(create_policy(
            dialect,
            schema,
            table,
            &tenant_policy(dialect, table, tenant),
        ));
    }
    for policy in &table.security.policies {
        statements.push(create_policy(dialect, schema, table, policy));
    }
    statements
}

/// The policy tenant isolation stands for: the tenant column equals the setting, read once per
/// query, `NULLIF` so an empty setting is NULL rather than a cast error, cast to the column type
/// so the comparison can use an index.
fn tenant_policy<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    tenant: &TenantIsolation,
) -> Policy {
    let column_type = table
        .find_column(&tenant.column)
        .map(|c| dialect.type_name(&c.sql_type))
        .unwrap_or_else(|| "text".to_string());
    let condition = format!(
        "{} = (SELECT CAST(NULLIF(current_setting({}, true), '') AS {column_type}))",
        identifier(dialect, &tenant.column),
        string(dialect, &tenant.setting)
    );
    Policy::new(TenantIsolation::policy_name(&table.name))
        .command(PolicyCommand::All)
        .to(tenant.to.clone())
        .using(condition.clone())
        .with_check(condition)
}

fn create_policy<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
    table: &TableDef,
    policy: &Policy,
) -> String {
    let mut sql = format!(
        "CREATE POLICY {} ON {} AS {} FOR {} TO {}",
        identifier(dialect, &policy.name),
        identifier(dialect, &table.name),
        if policy.restrictive {
            "RESTRICTIVE"
        } else {
            "PERMISSIVE"
        },
        policy.command,
        if policy.to.is_empty() {
            "PUBLIC".to_string()
        } else {
            role_list(dialect, schema, &policy.to)
        }
    );
    if let Some(using) = &policy.using {
        sql.push_str(&format!(" USING ({using})"));
    }
    if let Some(check) = &policy.with_check {
        sql.push_str(&format!(" WITH CHECK ({check})"));
    }
    sql
}

fn grant_statement<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
    grant: &Grant,
) -> Option<String> {
    let roles: Vec<&String> = grant
        .to
        .iter()
        .filter(|r| {
            schema
                .security
                .role(r)
                .is_some_and(|role| role.applies_to(dialect.engine()))
        })
        .collect();
    if roles.is_empty() {
        return None;
    }
    let roles: Vec<String> = roles.into_iter().cloned().collect();
    let privileges = match &grant.object {
        GrantObject::Columns { columns, .. } => grant
            .privileges
            .iter()
            .map(|p| format!("{p} ({})", identifiers(dialect, columns)))
            .collect::<Vec<_>>()
            .join(", "),
        _ => privilege_list(&grant.privileges),
    };
    Some(format!(
        "GRANT {privileges} ON {} TO {}",
        object_text(dialect, &grant.object),
        role_list(dialect, schema, &roles)
    ))
}

fn object_text<D: Dialect + ?Sized>(dialect: &D, object: &GrantObject) -> String {
    match object {
        GrantObject::Schema(name) => format!("SCHEMA {}", identifier(dialect, name)),
        GrantObject::Table(name) | GrantObject::Columns { table: name, .. } => {
            format!("TABLE {}", identifier(dialect, name))
        }
        GrantObject::Sequence(name) => format!("SEQUENCE {}", identifier(dialect, name)),
        GrantObject::Function(signature) => format!("FUNCTION {signature}"),
    }
}

fn privilege_list(privileges: &[schema_core::Privilege]) -> String {
    privileges
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn role_list<D: Dialect + ?Sized>(dialect: &D, schema: &Schema, roles: &[String]) -> String {
    roles
        .iter()
        .map(|name| match schema.security.role(name) {
            Some(role) => dialect.role_name(role),
            None => identifier(dialect, name),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The groups of `role` created on `engine`.
fn active_groups<'a>(
    schema: &'a Schema,
    role: &Role,
    engine: schema_core::Engine,
) -> Vec<&'a Role> {
    role.member_of
        .iter()
        .filter_map(|g| schema.security.role(g))
        .filter(|g| g.applies_to(engine))
        .collect()
}
