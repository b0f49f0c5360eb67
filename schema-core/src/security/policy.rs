//! Row-level security: policies, whether RLS is on and forced, and tenant isolation.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The commands a policy applies to.
///
/// ```
/// use schema_core::PolicyCommand;
/// assert_eq!(PolicyCommand::All.to_string(), "ALL");
/// assert!(PolicyCommand::Update.checks_new_rows());
/// assert!(!PolicyCommand::Select.checks_new_rows());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PolicyCommand {
    /// Every command.
    All,
    /// `SELECT` (and the rows `UPDATE`/`DELETE` can see).
    Select,
    /// `INSERT`.
    Insert,
    /// `UPDATE`.
    Update,
    /// `DELETE`.
    Delete,
}

impl PolicyCommand {
    /// Every command, in a stable order.
    pub const ALL: [PolicyCommand; 5] = [
        PolicyCommand::All,
        PolicyCommand::Select,
        PolicyCommand::Insert,
        PolicyCommand::Update,
        PolicyCommand::Delete,
    ];

    /// The lower-case key used in attributes.
    ///
    /// ```
    /// assert_eq!(schema_core::PolicyCommand::Delete.key(), "delete");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            PolicyCommand::All => "all",
            PolicyCommand::Select => "select",
            PolicyCommand::Insert => "insert",
            PolicyCommand::Update => "update",
            PolicyCommand::Delete => "delete",
        }
    }

    /// Looks a command up by its [`key`](PolicyCommand::key).
    ///
    /// ```
    /// use schema_core::PolicyCommand;
    /// assert_eq!(PolicyCommand::from_key("insert"), Some(PolicyCommand::Insert));
    /// ```
    pub fn from_key(key: &str) -> Option<PolicyCommand> {
        PolicyCommand::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Whether the command writes new rows, which a `WITH CHECK` expression guards.
    pub fn checks_new_rows(self) -> bool {
        matches!(
            self,
            PolicyCommand::All | PolicyCommand::Insert | PolicyCommand::Update
        )
    }

    /// Whether the command reads existing rows, which a `USING` expression filters.
    ///
    /// ```
    /// assert!(!schema_core::PolicyCommand::Insert.filters_rows());
    /// ```
    pub fn filters_rows(self) -> bool {
        self != PolicyCommand::Insert
    }
}

impl fmt::Display for PolicyCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key().to_uppercase())
    }
}

/// A row-level-security policy of a table.
///
/// Permissive policies for a command are OR-ed; restrictive ones are AND-ed with the result,
/// so a restrictive policy alone lets nothing through. `to` lists roles; empty means every role
/// (`PUBLIC`). `USING` filters the rows a command sees; `WITH CHECK` guards the rows it writes.
///
/// ```
/// use schema_core::{Policy, PolicyCommand};
/// let p = Policy::new("invoices_own_tenant")
///     .command(PolicyCommand::All)
///     .to(["billing_app"])
///     .using("tenant_id = (SELECT current_tenant())")
///     .with_check("tenant_id = (SELECT current_tenant())");
/// assert!(!p.restrictive);
/// assert_eq!(p.to, ["billing_app"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// The policy name, unique within its table.
    pub name: String,
    /// The commands it applies to.
    pub command: PolicyCommand,
    /// Restrictive (AND-ed) instead of permissive (OR-ed).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub restrictive: bool,
    /// The roles it applies to, sorted; empty means every role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<String>,
    /// The SQL condition existing rows must meet to be seen (`USING`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub using: Option<String>,
    /// The SQL condition written rows must meet (`WITH CHECK`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_check: Option<String>,
}

impl Policy {
    /// A permissive policy for every command and every role, with no condition yet.
    ///
    /// ```
    /// let p = schema_core::Policy::new("p");
    /// assert_eq!(p.command, schema_core::PolicyCommand::All);
    /// ```
    pub fn new(name: impl Into<String>) -> Self {
        Policy {
            name: name.into(),
            command: PolicyCommand::All,
            restrictive: false,
            to: Vec::new(),
            using: None,
            with_check: None,
        }
    }

    /// The commands the policy applies to.
    ///
    /// ```
    /// use schema_core::{Policy, PolicyCommand};
    /// assert_eq!(Policy::new("p").command(PolicyCommand::Select).command, PolicyCommand::Select);
    /// ```
    pub fn command(mut self, command: PolicyCommand) -> Self {
        self.command = command;
        self
    }

    /// Makes the policy restrictive (AND-ed with the permissive ones).
    ///
    /// ```
    /// assert!(schema_core::Policy::new("p").restrictive().restrictive);
    /// ```
    pub fn restrictive(mut self) -> Self {
        self.restrictive = true;
        self
    }

    /// The roles the policy applies to (sorted, each once).
    ///
    /// ```
    /// assert_eq!(schema_core::Policy::new("p").to(["b", "a"]).to, ["a", "b"]);
    /// ```
    pub fn to<I: IntoIterator<Item = S>, S: Into<String>>(mut self, roles: I) -> Self {
        self.to.extend(roles.into_iter().map(Into::into));
        self.to.sort();
        self.to.dedup();
        self
    }

    /// The condition existing rows must meet (`USING`).
    ///
    /// ```
    /// assert_eq!(schema_core::Policy::new("p").using("owner = current_user").using.as_deref(), Some("owner = current_user"));
    /// ```
    pub fn using(mut self, condition: impl Into<String>) -> Self {
        self.using = Some(condition.into());
        self
    }

    /// The condition written rows must meet (`WITH CHECK`).
    ///
    /// ```
    /// assert!(schema_core::Policy::new("p").with_check("true").with_check.is_some());
    /// ```
    pub fn with_check(mut self, condition: impl Into<String>) -> Self {
        self.with_check = Some(condition.into());
        self
    }
}

/// Whether row-level security is on for a table, and whether it binds the table's owner too.
///
/// ```
/// use schema_core::RowSecurity;
/// assert_eq!(RowSecurity::Forced.to_string(), "forced");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowSecurity {
    /// Off: policies are ignored.
    Off,
    /// On for every role but the owner (`ENABLE ROW LEVEL SECURITY` alone): the owner bypasses.
    NotForced,
    /// On for every role including the owner (`ENABLE` and `FORCE ROW LEVEL SECURITY`); only
    /// superusers and `BYPASSRLS` roles bypass it. The default for a table with policies.
    Forced,
}

impl RowSecurity {
    /// The key used in attributes: `off`, `not_forced`, `forced`.
    ///
    /// ```
    /// assert_eq!(schema_core::RowSecurity::NotForced.key(), "not_forced");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            RowSecurity::Off => "off",
            RowSecurity::NotForced => "not_forced",
            RowSecurity::Forced => "forced",
        }
    }

    /// Looks a mode up by its [`key`](RowSecurity::key).
    ///
    /// ```
    /// assert_eq!(schema_core::RowSecurity::from_key("off"), Some(schema_core::RowSecurity::Off));
    /// ```
    pub fn from_key(key: &str) -> Option<RowSecurity> {
        [
            RowSecurity::Off,
            RowSecurity::NotForced,
            RowSecurity::Forced,
        ]
        .into_iter()
        .find(|mode| mode.key() == key)
    }
}

impl fmt::Display for RowSecurity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The setting tenant isolation reads when none is named.
pub const DEFAULT_TENANT_SETTING: &str = "app.tenant_id";

/// Rows belong to the tenant named by a session setting: one permissive policy for every
/// command whose `USING` and `WITH CHECK` both compare the tenant column with the setting.
///
/// The setting is read as `(SELECT CAST(NULLIF(current_setting('app.tenant_id', true), '') AS
/// <column type>))`: evaluated once per query, NULL (so no row) when unset or empty, and a cast
/// error (so no row either) when malformed. Set it per transaction
/// (`SELECT set_config('app.tenant_id', $1, true)` or `SET LOCAL`), so it cannot outlive the
/// transaction on a pooled connection.
///
/// ```
/// use schema_core::TenantIsolation;
/// let t = TenantIsolation::by("tenant_id");
/// assert_eq!(t.setting, "app.tenant_id");
/// assert!(t.to.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantIsolation {
    /// The column holding the tenant.
    pub column: String,
    /// The session setting holding the current tenant, e.g. `app.tenant_id`.
    pub setting: String,
    /// The roles the policy applies to, sorted; empty means every role (the owner included).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<String>,
}

impl TenantIsolation {
    /// Isolation by `column`, read from [`DEFAULT_TENANT_SETTING`], for every role.
    ///
    /// ```
    /// assert_eq!(schema_core::TenantIsolation::by("org_id").column, "org_id");
    /// ```
    pub fn by(column: impl Into<String>) -> Self {
        TenantIsolation {
            column: column.into(),
            setting: DEFAULT_TENANT_SETTING.to_string(),
            to: Vec::new(),
        }
    }

    /// Reads the tenant from another setting (a custom `prefix.name`).
    ///
    /// ```
    /// let t = schema_core::TenantIsolation::by("org_id").setting("myapp.org");
    /// assert_eq!(t.setting, "myapp.org");
    /// ```
    pub fn setting(mut self, setting: impl Into<String>) -> Self {
        self.setting = setting.into();
        self
    }

    /// Applies the policy to these roles only.
    ///
    /// ```
    /// assert_eq!(schema_core::TenantIsolation::by("t").to(["app"]).to, ["app"]);
    /// ```
    pub fn to<I: IntoIterator<Item = S>, S: Into<String>>(mut self, roles: I) -> Self {
        self.to.extend(roles.into_iter().map(Into::into));
        self.to.sort();
        self.to.dedup();
        self
    }

    /// The name of the policy it becomes: `<table>_tenant_isolation`.
    ///
    /// ```
    /// assert_eq!(schema_core::TenantIsolation::policy_name("invoices"), "invoices_tenant_isolation");
    /// ```
    pub fn policy_name(table: &str) -> String {
        format!("{table}_tenant_isolation")
    }
}
