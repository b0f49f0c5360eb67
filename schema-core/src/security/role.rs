//! Database roles: groups that hold privileges and login roles that applications connect as.

use serde::{Deserialize, Serialize};

use crate::Engine;
use crate::index::canonical_engines;

/// A role: a group (`NOLOGIN`) holding privileges, or a login role an application connects as.
///
/// Roles are cluster-wide on PostgreSQL and server-wide on MySQL/MariaDB, so the scripts create
/// them only if they do not exist yet. A role marked [`admin`](Role::admin) is the only kind a
/// policy may give `USING (true)` (every row).
///
/// ```
/// use schema_core::Role;
/// let app = Role::login("billing_app").member_of(["billing_rw"]);
/// assert!(app.login);
/// assert_eq!(app.member_of, ["billing_rw"]);
/// assert!(!Role::group("billing_rw").login);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role name: lower-case letters, digits and underscores.
    pub name: String,
    /// Whether the role can connect (`LOGIN`); a group role cannot.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub login: bool,
    /// The group roles whose privileges this role inherits, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_of: Vec<String>,
    /// An administrative role: policies may give it every row (`USING (true)`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub admin: bool,
    /// What the role is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The engines the role is created on; empty means every engine that has roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engines: Vec<Engine>,
}

impl Role {
    /// A group role (`NOLOGIN`): it holds privileges and is granted to other roles.
    ///
    /// ```
    /// assert_eq!(schema_core::Role::group("readers").name, "readers");
    /// ```
    pub fn group(name: impl Into<String>) -> Self {
        Role {
            name: name.into(),
            login: false,
            member_of: Vec::new(),
            admin: false,
            comment: None,
            engines: Vec::new(),
        }
    }

    /// A login role an application or person connects as. Its password is not part of the
    /// schema: set it out of band (`ALTER ROLE ... PASSWORD`, a secret store).
    ///
    /// ```
    /// assert!(schema_core::Role::login("app").login);
    /// ```
    pub fn login(name: impl Into<String>) -> Self {
        Role {
            login: true,
            ..Role::group(name)
        }
    }

    /// Makes the role a member of these group roles.
    ///
    /// ```
    /// let r = schema_core::Role::login("app").member_of(["b", "a"]);
    /// assert_eq!(r.member_of, ["a", "b"]);
    /// ```
    pub fn member_of<I: IntoIterator<Item = S>, S: Into<String>>(mut self, groups: I) -> Self {
        self.member_of.extend(groups.into_iter().map(Into::into));
        self.member_of.sort();
        self.member_of.dedup();
        self
    }

    /// Marks the role as administrative: a policy may give it every row.
    ///
    /// ```
    /// assert!(schema_core::Role::group("support").admin().admin);
    /// ```
    pub fn admin(mut self) -> Self {
        self.admin = true;
        self
    }

    /// Documents the role.
    ///
    /// ```
    /// let r = schema_core::Role::group("r").comment("read-only reporting");
    /// assert_eq!(r.comment.as_deref(), Some("read-only reporting"));
    /// ```
    pub fn comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// Creates the role only on these engines. Naming an engine without roles (SQLite) is an
    /// error when the script for it is written; unscoped roles are simply not created there.
    ///
    /// ```
    /// use schema_core::{Engine, Role};
    /// let r = Role::group("r").only_on([Engine::Postgres]);
    /// assert!(!r.applies_to(Engine::MySql));
    /// ```
    pub fn only_on(mut self, engines: impl IntoIterator<Item = Engine>) -> Self {
        self.engines = canonical_engines(engines);
        self
    }

    /// Whether the role is created on `engine` (when the engine has roles).
    ///
    /// ```
    /// use schema_core::{Engine, Role};
    /// assert!(Role::group("r").applies_to(Engine::MySql));
    /// ```
    pub fn applies_to(&self, engine: Engine) -> bool {
        engine.in_scope(&self.engines)
    }
}
