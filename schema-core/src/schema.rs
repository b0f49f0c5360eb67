//! The schema: every table, assembled and validated.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::{
    DefaultPrivileges, Diagnostics, EnumType, Function, Grant, Role, Security, SqlType, Table,
    TableDef, Trigger, View, ViewDef, naming, validate,
};

/// A validated, canonical schema.
///
/// Built with [`Schema::builder`]; tables are kept sorted by name and every constraint and index
/// has a name, so two builds of the same declarations serialize identically.
///
/// ```
/// use schema_core::{Column, Schema, SqlType, TableDef};
/// let schema = Schema::builder()
///     .table_def(TableDef::new("tenants").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
///     .build()
///     .unwrap();
/// assert_eq!(schema.tables[0].primary_key.as_ref().unwrap().name, "tenants_pkey");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    /// The tables, sorted by name.
    pub tables: Vec<TableDef>,
    /// PostgreSQL extensions the schema needs (`pg_trgm`, `btree_gist`, `citext`, ...), sorted;
    /// created first with `CREATE EXTENSION IF NOT EXISTS`. Other engines have none and ignore
    /// the list (features that need an extension are checked on their own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<String>,
    /// Views and materialized views, sorted by name (the script orders them by dependency).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<View>,
    /// Custom triggers, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triggers: Vec<Trigger>,
    /// PostgreSQL functions, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<Function>,
    /// Roles, grants and default privileges (row-level security is on each table).
    #[serde(default, skip_serializing_if = "Security::is_empty")]
    pub security: Security,
}

impl Schema {
    /// Starts assembling a schema.
    pub fn builder() -> SchemaBuilder {
        SchemaBuilder::default()
    }

    /// The table with this name.
    ///
    /// A binary search, since a built schema keeps its tables sorted by name; a schema assembled
    /// by hand (or deserialized) in another order is searched linearly when that finds nothing.
    pub fn table(&self, name: &str) -> Option<&TableDef> {
        find_by_name(&self.tables, name, |table| &table.name)
    }

    /// The view with this name (a binary search, as for [`table`](Schema::table)).
    pub fn view(&self, name: &str) -> Option<&View> {
        find_by_name(&self.views, name, |view| &view.name)
    }

    /// The domains the columns use, each once, in order of first use.
    ///
    /// ```
    /// use schema_core::{Column, DomainType, Schema, SqlType, TableDef};
    /// let email = SqlType::Domain(DomainType::new("email", SqlType::Varchar(320), "VALUE LIKE '%@%'"));
    /// let schema = Schema::builder()
    ///     .table_def(TableDef::new("users").column(Column::new("email", email)))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(schema.domain_types()[0].name, "email");
    /// ```
    pub fn domain_types(&self) -> Vec<&crate::DomainType> {
        let mut found: Vec<&crate::DomainType> = Vec::new();
        let mut seen = HashSet::new();
        for column in self.tables.iter().flat_map(|table| &table.columns) {
            if let SqlType::Domain(domain) = &column.sql_type
                && seen.insert(domain.name.as_str())
            {
                found.push(domain);
            }
        }
        found
    }

    /// The enum types the columns use, each once, in order of first use.
    pub fn enum_types(&self) -> Vec<&EnumType> {
        let mut found: Vec<&EnumType> = Vec::new();
        let mut seen = HashSet::new();
        for column in self.tables.iter().flat_map(|table| &table.columns) {
            if let SqlType::Enum(enum_type) = &column.sql_type
                && seen.insert(enum_type.name.as_str())
            {
                found.push(enum_type);
            }
        }
        found
    }
}

/// Assembles tables into a [`Schema`].
///
/// ```
/// use schema_core::{Column, Schema, SqlType, TableDef};
/// let result = Schema::builder()
///     .table_def(TableDef::new("a").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
///     .table_def(TableDef::new("a").column(Column::new("id", SqlType::BigInt)).primary_key(["nope"]))
///     .build();
/// let errors = result.unwrap_err();
/// assert_eq!(errors.len(), 2); // the duplicate table and the unknown key column
/// ```
#[derive(Clone, Debug, Default)]
pub struct SchemaBuilder {
    tables: Vec<TableDef>,
    extensions: Vec<String>,
    views: Vec<View>,
    triggers: Vec<Trigger>,
    functions: Vec<Function>,
    security: Security,
}

impl SchemaBuilder {
    /// Adds the table a `#[derive(Table)]` type describes.
    pub fn table<T: Table>(mut self) -> Self {
        self.security.grants.extend(T::grants());
        self.table_def(T::table_def())
    }

    /// Adds a table definition.
    pub fn table_def(mut self, table: TableDef) -> Self {
        self.tables.push(table);
        self
    }

    /// Declares a PostgreSQL extension the schema needs (e.g. `btree_gist` for an exclusion
    /// constraint with `=` on a scalar column, `pg_trgm` for `gin_trgm_ops`).
    ///
    /// ```
    /// let schema = schema_core::Schema::builder().extension("pg_trgm").extension("pg_trgm").build().unwrap();
    /// assert_eq!(schema.extensions, ["pg_trgm"]);
    /// ```
    pub fn extension(mut self, name: impl Into<String>) -> Self {
        self.extensions.push(name.into());
        self
    }

    /// Adds the view a `#[derive(View)]` type describes.
    pub fn view<T: ViewDef>(self) -> Self {
        self.view_def(T::view_def())
    }

    /// Adds a view definition.
    ///
    /// ```
    /// use schema_core::{Column, Schema, SqlType, TableDef, View};
    /// let schema = Schema::builder()
    ///     .table_def(TableDef::new("t").column(Column::new("id", SqlType::BigInt)))
    ///     .view_def(View::new("v", "SELECT id FROM t"))
    ///     .build()
    ///     .unwrap();
    /// assert!(schema.view("v").is_some());
    /// ```
    pub fn view_def(mut self, view: View) -> Self {
        self.views.push(view);
        self
    }

    /// Adds a custom trigger.
    pub fn trigger(mut self, trigger: Trigger) -> Self {
        self.triggers.push(trigger);
        self
    }

    /// Adds a PostgreSQL function.
    ///
    /// ```
    /// use schema_core::{Function, Schema};
    /// let schema = Schema::builder().function(Function::new("one", "integer", "SELECT 1")).build().unwrap();
    /// assert_eq!(schema.functions[0].name, "one");
    /// ```
    pub fn function(mut self, function: Function) -> Self {
        self.functions.push(function);
        self
    }

    /// Declares a role (see [`Role`]).
    ///
    /// ```
    /// use schema_core::{Role, Schema};
    /// let schema = Schema::builder().role(Role::login("app")).role(Role::group("a_readers")).build().unwrap();
    /// assert_eq!(schema.security.roles[0].name, "a_readers"); // sorted
    /// ```
    pub fn role(mut self, role: Role) -> Self {
        self.security.roles.push(role);
        self
    }

    /// Grants privileges to declared roles (see [`Grant`]).
    ///
    /// ```
    /// use schema_core::{Grant, Privilege, Role, Schema};
    /// let errors = Schema::builder()
    ///     .grant(Grant::on_schema("public", [Privilege::Usage]).to(["ap"]))
    ///     .role(Role::login("app"))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(errors.to_string().contains("did you mean `app`?"));
    /// ```
    pub fn grant(mut self, grant: Grant) -> Self {
        self.security.grants.push(grant);
        self
    }

    /// Declares default privileges of objects created later (see [`DefaultPrivileges`]).
    ///
    /// ```
    /// use schema_core::{DefaultObjects, DefaultPrivileges, Privilege, Role, Schema};
    /// let schema = Schema::builder()
    ///     .role(Role::group("readers"))
    ///     .default_privileges(DefaultPrivileges::on(DefaultObjects::Tables, [Privilege::Select]).to(["readers"]))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(schema.security.default_privileges.len(), 1);
    /// ```
    pub fn default_privileges(mut self, default: DefaultPrivileges) -> Self {
        self.security.default_privileges.push(default);
        self
    }

    /// Names what is unnamed, sorts, and validates, reporting every problem at once.
    pub fn build(self) -> Result<Schema, Diagnostics> {
        let schema = self.build_unvalidated();
        Diagnostics::check(validate::schema(&schema), schema)
    }

    /// Names what is unnamed and sorts, without validating: for tools that report on a schema
    /// that does not build yet (the advisor runs on any schema without panicking).
    ///
    /// ```
    /// use schema_core::{RowSecurity, Schema, TableDef};
    /// let builder = Schema::builder().table_def(TableDef::new("t").row_security(RowSecurity::Forced));
    /// assert!(builder.clone().build().is_err()); // S501: row security without a policy
    /// assert_eq!(builder.build_unvalidated().tables.len(), 1);
    /// ```
    pub fn build_unvalidated(self) -> Schema {
        let mut tables = self.tables;
        if tables.iter().any(|table| table.audit)
            && !tables
                .iter()
                .any(|table| table.name == crate::AUDIT_LOG_TABLE)
        {
            tables.push(crate::audit_log_table());
        }
        tables.iter_mut().for_each(fill_names);
        tables.sort_by(|a, b| a.name.cmp(&b.name));
        let mut extensions = self.extensions;
        extensions.sort();
        extensions.dedup();
        let mut security = self.security;
        security.roles.sort_by(|a, b| a.name.cmp(&b.name));
        let mut views = self.views;
        for view in &mut views {
            let name = view.name.clone();
            for index in view.indexes.iter_mut().filter(|i| i.name.is_empty()) {
                index.name = naming::over_columns(&name, &index.columns, "idx");
            }
        }
        views.sort_by(|a, b| a.name.cmp(&b.name));
        let mut triggers = self.triggers;
        triggers.sort_by(|a, b| a.name.cmp(&b.name));
        let mut functions = self.functions;
        functions.sort_by(|a, b| a.name.cmp(&b.name));
        Schema {
            tables,
            extensions,
            views,
            triggers,
            functions,
            security,
        }
    }
}

/// The item called `name` in a list a built schema keeps sorted by name: a binary search, then
/// (for a list assembled in another order) a linear one.
pub(crate) fn find_by_name<'a, T>(
    items: &'a [T],
    name: &str,
    name_of: impl Fn(&T) -> &String,
) -> Option<&'a T> {
    match items.binary_search_by(|item| name_of(item).as_str().cmp(name)) {
        Ok(found) => Some(&items[found]),
        Err(_) => items.iter().find(|item| name_of(item) == name),
    }
}

/// Gives every unnamed constraint and index its conventional name.
fn fill_names(table: &mut TableDef) {
    let name = table.name.clone();
    if let Some(pk) = &mut table.primary_key
        && pk.name.is_empty()
    {
        pk.name = naming::primary_key(&name);
    }
    for unique in table.uniques.iter_mut().filter(|u| u.name.is_empty()) {
        unique.name = naming::over_columns(&name, &unique.columns, "key");
    }
    let mut ordinal = 0;
    for check in table.checks.iter_mut().filter(|c| c.name.is_empty()) {
        check.name = match &check.column {
            Some(column) => naming::over_columns(&name, std::slice::from_ref(column), "check"),
            None => {
                ordinal += 1;
                naming::table_check(&name, ordinal)
            }
        };
    }
    for fk in table.foreign_keys.iter_mut().filter(|f| f.name.is_empty()) {
        fk.name = naming::over_columns(&name, &fk.columns, "fkey");
    }
    for index in table.indexes.iter_mut().filter(|i| i.name.is_empty()) {
        let mut parts = index.columns.clone();
        parts.extend(index.expressions.iter().map(|e| naming::words(e)));
        index.name = naming::over_columns(&name, &parts, "idx");
    }
    for exclusion in table.exclusions.iter_mut().filter(|e| e.name.is_empty()) {
        let parts: Vec<String> = exclusion
            .elements
            .iter()
            .map(|e| naming::words(&e.expr))
            .collect();
        exclusion.name = naming::over_columns(&name, &parts, "excl");
    }
}
