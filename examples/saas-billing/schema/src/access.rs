//! Who may do what: the application connects as `billing_app`, a login role that is neither
//! the tables' owner nor a superuser. It holds only the privileges of the `billing_rw` group,
//! and row-level security (declared on each table with `tenant_isolated(...)` or a `policy`)
//! limits every query to the tenant the application sets for the transaction:
//!
//! ```sql
//! BEGIN;
//! SELECT set_config('app.tenant_id', '<tenant uuid>', true);  -- true: this transaction only
//! SELECT ... FROM invoices;                                     -- this tenant's rows only
//! COMMIT;
//! ```
//!
//! Nothing is granted to `PUBLIC`. Plans are a shared catalog the application only reads; the
//! audit events are append-only for it (no UPDATE, no DELETE), and the trigger-written
//! `audit_log` is insert-only.

use schema_core::{Grant, Privilege, Role, SchemaBuilder};

use Privilege::{Delete, Insert, Select, Update, Usage};

/// The group holding the application's privileges.
pub const APP_GROUP: &str = "billing_rw";
/// The login role the application connects as.
pub const APP_LOGIN: &str = "billing_app";

/// Adds the roles and grants to `schema`.
///
/// ```
/// let schema = saas_billing_schema::schema().build().unwrap();
/// assert!(schema.security.role("billing_app").unwrap().login);
/// assert!(schema.table("invoices").unwrap().security.is_enabled());
/// ```
pub fn access(schema: SchemaBuilder) -> SchemaBuilder {
    let table = |name: &str, privileges: &[Privilege]| {
        Grant::on_table(name, privileges.iter().copied()).to([APP_GROUP])
    };
    schema
        .role(Role::group(APP_GROUP).comment("What the billing application may do"))
        .role(
            Role::login(APP_LOGIN)
                .member_of([APP_GROUP])
                .comment("The billing application's connections"),
        )
        .grant(Grant::on_schema("public", [Usage]).to([APP_GROUP]))
        .grant(table("tenants", &[Select]))
        .grant(Grant::on_columns("tenants", ["name"], [Update]).to([APP_GROUP]))
        .grant(table("users", &[Select]))
        .grant(Grant::on_columns("users", ["display_name"], [Update]).to([APP_GROUP]))
        .grant(table("memberships", &[Select, Insert, Update, Delete]))
        .grant(table("plans", &[Select]))
        .grant(table("subscriptions", &[Select, Insert, Update]))
        .grant(table("tax_rates", &[Select, Insert, Update, Delete]))
        .grant(table("invoices", &[Select, Insert, Update]))
        .grant(table("invoice_lines", &[Select, Insert, Update, Delete]))
        .grant(table("payments", &[Select, Insert]))
        .grant(table("api_keys", &[Select, Insert, Update]))
        .grant(table("audit_events", &[Select, Insert]))
        // The audit triggers of invoices and payments run as the role that changes the row, so
        // it writes the change to the library's audit_log: insert only, it reads none of it.
        .grant(table(schema_core::AUDIT_LOG_TABLE, &[Insert]))
        // A security_invoker view: the invoices' policies apply to whoever reads it. The
        // materialized tenant_revenue stores every tenant's totals, so it is not granted (the
        // build would refuse it: S507).
        .grant(table("open_invoices", &[Select]))
}
