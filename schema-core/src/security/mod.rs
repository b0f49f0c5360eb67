//! Access control: roles, grants and default privileges for the whole schema, and row-level
//! security for each table.
//!
//! Least privilege by construction: nothing is granted to `PUBLIC`, every grant names declared
//! roles, and a table with policies has row-level security enabled *and forced* (so its owner is
//! bound too) unless it says otherwise. The classic mistakes are refused when the schema is
//! built (codes `S5xx`, each waived only by `allow(S5xx, reason = "...")` on the table).
//!
//! ```
//! use schema_core::{Column, Grant, Privilege, Role, Schema, SqlType, TableDef, TenantIsolation};
//!
//! let schema = Schema::builder()
//!     .role(Role::group("billing_rw"))
//!     .role(Role::login("billing_app").member_of(["billing_rw"]))
//!     .grant(Grant::on_table("invoices", [Privilege::Select, Privilege::Insert]).to(["billing_rw"]))
//!     .table_def(
//!         TableDef::new("invoices")
//!             .column(Column::new("id", SqlType::BigInt))
//!             .column(Column::new("tenant_id", SqlType::Uuid))
//!             .primary_key(["id"])
//!             .tenant_isolated(TenantIsolation::by("tenant_id")),
//!     )
//!     .build()
//!     .unwrap();
//! let invoices = schema.table("invoices").unwrap();
//! assert_eq!(invoices.security.effective_row_security(), schema_core::RowSecurity::Forced);
//! ```

mod grant;
mod policy;
mod role;

use serde::{Deserialize, Serialize};

pub use grant::{DefaultObjects, DefaultPrivileges, Grant, GrantObject, Privilege};
pub use policy::{DEFAULT_TENANT_SETTING, Policy, PolicyCommand, RowSecurity, TenantIsolation};
pub use role::Role;

use crate::Engine;
use crate::index::canonical_engines;

/// The schema-wide access model: roles, grants and default privileges.
///
/// ```
/// let s = schema_core::Security::default();
/// assert!(s.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Security {
    /// The roles, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// The grants, in declaration order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<Grant>,
    /// Default privileges of objects created later, in declaration order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub default_privileges: Vec<DefaultPrivileges>,
}

impl Security {
    /// Whether nothing is declared.
    ///
    /// ```
    /// assert!(schema_core::Security::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty() && self.grants.is_empty() && self.default_privileges.is_empty()
    }

    /// The role with this name.
    ///
    /// ```
    /// let s = schema_core::Security { roles: vec![schema_core::Role::group("r")], ..Default::default() };
    /// assert!(s.role("r").is_some());
    /// ```
    pub fn role(&self, name: &str) -> Option<&Role> {
        self.roles.iter().find(|role| role.name == name)
    }
}

/// A table's row-level security: its mode, tenant isolation and policies.
///
/// ```
/// use schema_core::{Policy, RowSecurity, TableSecurity};
/// let mut s = TableSecurity::default();
/// assert_eq!(s.effective_row_security(), RowSecurity::Off);
/// s.policies.push(Policy::new("p").using("owner = current_user"));
/// assert_eq!(s.effective_row_security(), RowSecurity::Forced);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSecurity {
    /// The mode as declared; `None` means forced when the table has policies, else off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row_security: Option<RowSecurity>,
    /// Tenant isolation, if declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<TenantIsolation>,
    /// The policies, in declaration order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<Policy>,
    /// The engines row-level security is declared for; empty means every engine, and an
    /// engine without row-level security then refuses the table rather than drop its policies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engines: Vec<Engine>,
}

impl TableSecurity {
    /// Whether nothing is declared.
    ///
    /// ```
    /// assert!(schema_core::TableSecurity::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.row_security.is_none() && self.tenant.is_none() && self.policies.is_empty()
    }

    /// Whether the table has a policy (tenant isolation counts as one).
    ///
    /// ```
    /// use schema_core::{TableDef, TenantIsolation};
    /// assert!(TableDef::new("t").tenant_isolated(TenantIsolation::by("t_id")).security.has_policies());
    /// ```
    pub fn has_policies(&self) -> bool {
        self.tenant.is_some() || !self.policies.is_empty()
    }

    /// The mode in force: as declared, else forced with policies and off without.
    ///
    /// ```
    /// use schema_core::{RowSecurity, TableDef};
    /// assert_eq!(TableDef::new("t").security.effective_row_security(), RowSecurity::Off);
    /// ```
    pub fn effective_row_security(&self) -> RowSecurity {
        match (self.row_security, self.has_policies()) {
            (Some(mode), _) => mode,
            (None, true) => RowSecurity::Forced,
            (None, false) => RowSecurity::Off,
        }
    }

    /// Whether row-level security is on (forced or not).
    ///
    /// ```
    /// use schema_core::{RowSecurity, TableDef};
    /// assert!(TableDef::new("t").row_security(RowSecurity::NotForced).security.is_enabled());
    /// ```
    pub fn is_enabled(&self) -> bool {
        self.effective_row_security() != RowSecurity::Off
    }

    /// Whether the row-level security is declared for `engine`.
    ///
    /// ```
    /// use schema_core::{Engine, TableSecurity};
    /// assert!(TableSecurity::default().applies_to(Engine::Sqlite));
    /// ```
    pub fn applies_to(&self, engine: Engine) -> bool {
        engine.in_scope(&self.engines)
    }

    /// Every policy name, tenant isolation's included (`<table>_tenant_isolation`).
    ///
    /// ```
    /// use schema_core::{TableDef, TenantIsolation};
    /// let t = TableDef::new("docs").tenant_isolated(TenantIsolation::by("tenant_id"));
    /// assert_eq!(t.security.policy_names("docs"), ["docs_tenant_isolation"]);
    /// ```
    pub fn policy_names(&self, table: &str) -> Vec<String> {
        let mut names: Vec<String> = self.policies.iter().map(|p| p.name.clone()).collect();
        if self.tenant.is_some() {
            names.push(TenantIsolation::policy_name(table));
        }
        names
    }
}

impl crate::TableDef {
    /// Isolates the table's rows by tenant (see [`TenantIsolation`]); row-level security is
    /// then enabled and forced.
    ///
    /// ```
    /// use schema_core::{TableDef, TenantIsolation};
    /// let t = TableDef::new("invoices").tenant_isolated(TenantIsolation::by("tenant_id"));
    /// assert!(t.security.is_enabled());
    /// ```
    pub fn tenant_isolated(mut self, tenant: TenantIsolation) -> Self {
        self.security.tenant = Some(tenant);
        self
    }

    /// Adds a row-level-security policy; row-level security is then enabled and forced unless
    /// [`row_security`](crate::TableDef::row_security) says otherwise.
    ///
    /// ```
    /// use schema_core::{Policy, PolicyCommand, TableDef};
    /// let t = TableDef::new("docs").policy(Policy::new("docs_read").command(PolicyCommand::Select).using("public"));
    /// assert_eq!(t.security.policies.len(), 1);
    /// ```
    pub fn policy(mut self, policy: Policy) -> Self {
        self.security.policies.push(policy);
        self
    }

    /// Declares the row-level-security mode explicitly.
    ///
    /// ```
    /// use schema_core::{RowSecurity, TableDef};
    /// let t = TableDef::new("t").row_security(RowSecurity::NotForced);
    /// assert_eq!(t.security.row_security, Some(RowSecurity::NotForced));
    /// ```
    pub fn row_security(mut self, mode: RowSecurity) -> Self {
        self.security.row_security = Some(mode);
        self
    }

    /// Declares the table's row-level security for these engines only; elsewhere the table is
    /// created without it, on purpose (the script says so).
    ///
    /// ```
    /// use schema_core::{Engine, TableDef, TenantIsolation};
    /// let t = TableDef::new("t").tenant_isolated(TenantIsolation::by("tenant_id")).row_security_only_on([Engine::Postgres]);
    /// assert!(!t.security.applies_to(Engine::Sqlite));
    /// ```
    pub fn row_security_only_on(mut self, engines: impl IntoIterator<Item = Engine>) -> Self {
        self.security.engines = canonical_engines(engines);
        self
    }
}
