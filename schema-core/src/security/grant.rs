//! Privileges granted to roles, on schemas, tables, columns, sequences and functions, and the
//! default privileges of objects created later.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Engine;
use crate::index::canonical_engines;

/// One privilege.
///
/// ```
/// use schema_core::Privilege;
/// assert_eq!(Privilege::Select.to_string(), "SELECT");
/// assert_eq!(Privilege::from_key("update"), Some(Privilege::Update));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Privilege {
    /// Read rows (tables, columns) or the current value (sequences).
    Select,
    /// Add rows.
    Insert,
    /// Change rows (tables, columns) or set the value (sequences).
    Update,
    /// Remove rows.
    Delete,
    /// Empty a table (bypasses row-level security).
    Truncate,
    /// Create foreign keys that reference the table.
    References,
    /// Create triggers on the table.
    Trigger,
    /// Look objects up in a schema; use a sequence (`nextval`).
    Usage,
    /// Create objects in a schema.
    Create,
    /// Call a function.
    Execute,
}

impl Privilege {
    /// Every privilege, in a stable order.
    pub const ALL: [Privilege; 10] = [
        Privilege::Select,
        Privilege::Insert,
        Privilege::Update,
        Privilege::Delete,
        Privilege::Truncate,
        Privilege::References,
        Privilege::Trigger,
        Privilege::Usage,
        Privilege::Create,
        Privilege::Execute,
    ];

    /// The lower-case key used in attributes: `select`, `insert`, ...
    ///
    /// ```
    /// assert_eq!(schema_core::Privilege::Execute.key(), "execute");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            Privilege::Select => "select",
            Privilege::Insert => "insert",
            Privilege::Update => "update",
            Privilege::Delete => "delete",
            Privilege::Truncate => "truncate",
            Privilege::References => "references",
            Privilege::Trigger => "trigger",
            Privilege::Usage => "usage",
            Privilege::Create => "create",
            Privilege::Execute => "execute",
        }
    }

    /// Looks a privilege up by its [`key`](Privilege::key).
    ///
    /// ```
    /// assert_eq!(schema_core::Privilege::from_key("drop"), None);
    /// ```
    pub fn from_key(key: &str) -> Option<Privilege> {
        Privilege::ALL.into_iter().find(|p| p.key() == key)
    }
}

impl fmt::Display for Privilege {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key().to_uppercase())
    }
}

/// What a grant is on.
///
/// ```
/// use schema_core::{GrantObject, Privilege};
/// let on = GrantObject::Columns { table: "users".into(), columns: vec!["display_name".into()] };
/// assert_eq!(on.kind(), "columns");
/// assert!(on.accepts(Privilege::Update));
/// assert!(!on.accepts(Privilege::Delete));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrantObject {
    /// A schema (namespace), e.g. `public`; on MySQL/MariaDB the current database.
    Schema(String),
    /// A table of the schema.
    Table(String),
    /// Some columns of a table of the schema.
    Columns {
        /// The table.
        table: String,
        /// The columns.
        columns: Vec<String>,
    },
    /// A sequence, by name.
    Sequence(String),
    /// A function, by signature, e.g. `invoice_total(bigint)`.
    Function(String),
}

impl GrantObject {
    /// A short word for the kind of object, for messages.
    ///
    /// ```
    /// assert_eq!(schema_core::GrantObject::Sequence("s".into()).kind(), "sequence");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            GrantObject::Schema(_) => "schema",
            GrantObject::Table(_) => "table",
            GrantObject::Columns { .. } => "columns",
            GrantObject::Sequence(_) => "sequence",
            GrantObject::Function(_) => "function",
        }
    }

    /// The privileges this kind of object has.
    ///
    /// ```
    /// use schema_core::{GrantObject, Privilege};
    /// assert_eq!(GrantObject::Function("f()".into()).privileges(), [Privilege::Execute]);
    /// ```
    pub fn privileges(&self) -> &'static [Privilege] {
        use Privilege::*;
        match self {
            GrantObject::Schema(_) => &[Usage, Create],
            GrantObject::Table(_) => &[
                Select, Insert, Update, Delete, Truncate, References, Trigger,
            ],
            GrantObject::Columns { .. } => &[Select, Insert, Update, References],
            GrantObject::Sequence(_) => &[Usage, Select, Update],
            GrantObject::Function(_) => &[Execute],
        }
    }

    /// Whether `privilege` exists on this kind of object.
    ///
    /// ```
    /// use schema_core::{GrantObject, Privilege};
    /// assert!(!GrantObject::Schema("public".into()).accepts(Privilege::Select));
    /// ```
    pub fn accepts(&self, privilege: Privilege) -> bool {
        self.privileges().contains(&privilege)
    }

    /// The table the grant is on, if any.
    ///
    /// ```
    /// assert_eq!(schema_core::GrantObject::Table("t".into()).table(), Some("t"));
    /// ```
    pub fn table(&self) -> Option<&str> {
        match self {
            GrantObject::Table(table) | GrantObject::Columns { table, .. } => Some(table),
            _ => None,
        }
    }
}

/// `GRANT privileges ON object TO roles`.
///
/// Nothing is ever granted to `PUBLIC`: every grant names declared roles.
///
/// ```
/// use schema_core::{Grant, Privilege};
/// let g = Grant::on_table("invoices", [Privilege::Select, Privilege::Insert]).to(["billing_rw"]);
/// assert_eq!(g.to, ["billing_rw"]);
/// assert_eq!(g.privileges.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// The privileges, sorted.
    pub privileges: Vec<Privilege>,
    /// What they are on.
    pub object: GrantObject,
    /// The roles that receive them, sorted.
    pub to: Vec<String>,
    /// The engines the grant is written for; empty means every engine that has the object.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engines: Vec<Engine>,
}

impl Grant {
    /// Privileges on any object.
    ///
    /// ```
    /// use schema_core::{Grant, GrantObject, Privilege};
    /// let g = Grant::on(GrantObject::Table("t".into()), [Privilege::Select, Privilege::Select]);
    /// assert_eq!(g.privileges, [Privilege::Select]);
    /// ```
    pub fn on(object: GrantObject, privileges: impl IntoIterator<Item = Privilege>) -> Self {
        let mut privileges: Vec<Privilege> = privileges.into_iter().collect();
        privileges.sort();
        privileges.dedup();
        Grant {
            privileges,
            object,
            to: Vec::new(),
            engines: Vec::new(),
        }
    }

    /// Privileges on a table (or a view).
    ///
    /// ```
    /// use schema_core::{Grant, Privilege};
    /// assert_eq!(Grant::on_table("t", [Privilege::Delete]).object.table(), Some("t"));
    /// ```
    pub fn on_table(
        table: impl Into<String>,
        privileges: impl IntoIterator<Item = Privilege>,
    ) -> Self {
        Grant::on(GrantObject::Table(table.into()), privileges)
    }

    /// Privileges on some columns of a table.
    ///
    /// ```
    /// use schema_core::{Grant, Privilege};
    /// let g = Grant::on_columns("users", ["display_name"], [Privilege::Update]).to(["app"]);
    /// assert_eq!(g.object.table(), Some("users"));
    /// ```
    pub fn on_columns<I: IntoIterator<Item = S>, S: Into<String>>(
        table: impl Into<String>,
        columns: I,
        privileges: impl IntoIterator<Item = Privilege>,
    ) -> Self {
        let columns = columns.into_iter().map(Into::into).collect();
        Grant::on(
            GrantObject::Columns {
                table: table.into(),
                columns,
            },
            privileges,
        )
    }

    /// Privileges on a schema (namespace), e.g. `USAGE` on `public`.
    ///
    /// ```
    /// use schema_core::{Grant, GrantObject, Privilege};
    /// let g = Grant::on_schema("public", [Privilege::Usage]).to(["app"]);
    /// assert_eq!(g.object, GrantObject::Schema("public".into()));
    /// ```
    pub fn on_schema(
        schema: impl Into<String>,
        privileges: impl IntoIterator<Item = Privilege>,
    ) -> Self {
        Grant::on(GrantObject::Schema(schema.into()), privileges)
    }

    /// Privileges on a sequence.
    ///
    /// ```
    /// use schema_core::{Grant, Privilege};
    /// let g = Grant::on_sequence("invoices_id_seq", [Privilege::Usage]).to(["app"]);
    /// assert_eq!(g.object.kind(), "sequence");
    /// ```
    pub fn on_sequence(
        sequence: impl Into<String>,
        privileges: impl IntoIterator<Item = Privilege>,
    ) -> Self {
        Grant::on(GrantObject::Sequence(sequence.into()), privileges)
    }

    /// `EXECUTE` on a function, named by its signature (`name(argument types)`).
    ///
    /// ```
    /// let g = schema_core::Grant::execute("tenant_total(uuid)").to(["app"]);
    /// assert_eq!(g.object.kind(), "function");
    /// ```
    pub fn execute(signature: impl Into<String>) -> Self {
        Grant::on(
            GrantObject::Function(signature.into()),
            [Privilege::Execute],
        )
    }

    /// The roles that receive the privileges (sorted, each once).
    ///
    /// ```
    /// let g = schema_core::Grant::execute("f()").to(["b", "a", "b"]);
    /// assert_eq!(g.to, ["a", "b"]);
    /// ```
    pub fn to<I: IntoIterator<Item = S>, S: Into<String>>(mut self, roles: I) -> Self {
        self.to.extend(roles.into_iter().map(Into::into));
        self.to.sort();
        self.to.dedup();
        self
    }

    /// Writes the grant only for these engines.
    ///
    /// ```
    /// use schema_core::{Engine, Grant, Privilege};
    /// let g = Grant::on_table("t", [Privilege::Select]).only_on([Engine::Postgres]);
    /// assert!(!g.applies_to(Engine::MySql));
    /// ```
    pub fn only_on(mut self, engines: impl IntoIterator<Item = Engine>) -> Self {
        self.engines = canonical_engines(engines);
        self
    }

    /// Whether the grant is written for `engine` (when the engine has the object).
    ///
    /// ```
    /// use schema_core::{Engine, Grant};
    /// assert!(Grant::execute("f()").applies_to(Engine::Postgres));
    /// ```
    pub fn applies_to(&self, engine: Engine) -> bool {
        engine.in_scope(&self.engines)
    }
}

/// The kind of objects default privileges apply to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DefaultObjects {
    /// Tables (and views).
    Tables,
    /// Sequences.
    Sequences,
    /// Functions.
    Functions,
}

impl DefaultObjects {
    /// The keyword PostgreSQL uses: `TABLES`, `SEQUENCES`, `FUNCTIONS`.
    ///
    /// ```
    /// assert_eq!(schema_core::DefaultObjects::Functions.keyword(), "FUNCTIONS");
    /// ```
    pub fn keyword(self) -> &'static str {
        match self {
            DefaultObjects::Tables => "TABLES",
            DefaultObjects::Sequences => "SEQUENCES",
            DefaultObjects::Functions => "FUNCTIONS",
        }
    }
}

/// Privileges granted automatically on objects created later in a schema (PostgreSQL
/// `ALTER DEFAULT PRIVILEGES`), by the role running the script unless `for_role` is set.
///
/// ```
/// use schema_core::{DefaultObjects, DefaultPrivileges, Privilege};
/// let d = DefaultPrivileges::on(DefaultObjects::Tables, [Privilege::Select]).in_schema("public").to(["readers"]);
/// assert_eq!(d.in_schema.as_deref(), Some("public"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultPrivileges {
    /// The kind of objects.
    pub objects: DefaultObjects,
    /// The privileges, sorted.
    pub privileges: Vec<Privilege>,
    /// The roles that receive them, sorted.
    pub to: Vec<String>,
    /// Objects created by this role (default: the role running the script); it need not be a
    /// role of the schema (it is often the migration role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_role: Option<String>,
    /// Objects created in this schema (default: every schema).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_schema: Option<String>,
}

impl DefaultPrivileges {
    /// Default `privileges` on `objects` created later.
    ///
    /// ```
    /// use schema_core::{DefaultObjects, DefaultPrivileges, Privilege};
    /// let d = DefaultPrivileges::on(DefaultObjects::Tables, [Privilege::Select]);
    /// assert!(d.to.is_empty() && d.for_role.is_none());
    /// ```
    pub fn on(objects: DefaultObjects, privileges: impl IntoIterator<Item = Privilege>) -> Self {
        let mut privileges: Vec<Privilege> = privileges.into_iter().collect();
        privileges.sort();
        privileges.dedup();
        DefaultPrivileges {
            objects,
            privileges,
            to: Vec::new(),
            for_role: None,
            in_schema: None,
        }
    }

    /// The roles that receive them.
    ///
    /// ```
    /// use schema_core::{DefaultObjects, DefaultPrivileges, Privilege};
    /// let d = DefaultPrivileges::on(DefaultObjects::Tables, [Privilege::Select]).to(["readers"]);
    /// assert_eq!(d.to, ["readers"]);
    /// ```
    pub fn to<I: IntoIterator<Item = S>, S: Into<String>>(mut self, roles: I) -> Self {
        self.to.extend(roles.into_iter().map(Into::into));
        self.to.sort();
        self.to.dedup();
        self
    }

    /// Only objects created by `role`.
    ///
    /// ```
    /// use schema_core::{DefaultObjects, DefaultPrivileges, Privilege};
    /// let d = DefaultPrivileges::on(DefaultObjects::Sequences, [Privilege::Usage]).for_role("owner");
    /// assert_eq!(d.for_role.as_deref(), Some("owner"));
    /// ```
    pub fn for_role(mut self, role: impl Into<String>) -> Self {
        self.for_role = Some(role.into());
        self
    }

    /// Only objects created in `schema`.
    ///
    /// ```
    /// use schema_core::{DefaultObjects, DefaultPrivileges, Privilege};
    /// let d = DefaultPrivileges::on(DefaultObjects::Tables, [Privilege::Select]).in_schema("billing");
    /// assert_eq!(d.in_schema.as_deref(), Some("billing"));
    /// ```
    pub fn in_schema(mut self, schema: impl Into<String>) -> Self {
        self.in_schema = Some(schema.into());
        self
    }
}
