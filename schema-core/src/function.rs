//! PostgreSQL functions declared in the schema.

use serde::{Deserialize, Serialize};

/// A PostgreSQL function (`CREATE FUNCTION`), e.g. a helper a view or a Row-Level Security
/// policy calls.
///
/// Functions are PostgreSQL objects: the MySQL and SQLite scripts leave them out (the support
/// matrix in the README says so). A `SECURITY DEFINER` function runs with its owner's rights, so validation demands a
/// fixed `search_path` ([`Function::search_path`]): without it a caller can put their own
/// `public.lower()` in front and run code as the owner.
///
/// ```
/// use schema_core::{Function, Volatility};
/// let f = Function::new("current_tenant_id", "bigint", "SELECT nullif(current_setting('app.tenant_id', true), '')::bigint")
///     .volatility(Volatility::Stable)
///     .comment("The tenant of the current session");
/// assert_eq!(f.language, "sql");
///
/// let owner_only = Function::new("tenant_count", "bigint", "SELECT count(*) FROM tenants")
///     .security_definer()
///     .search_path("pg_catalog, public");
/// assert!(owner_only.security_definer);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Function {
    /// The function name.
    pub name: String,
    /// The arguments, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<FunctionArg>,
    /// The return type as PostgreSQL writes it (`bigint`, `boolean`, `SETOF text`, `trigger`).
    pub returns: String,
    /// The language: `sql` (default) or `plpgsql`.
    pub language: String,
    /// The body (without the `$$` quotes).
    pub body: String,
    /// How the result depends on the database and the arguments.
    pub volatility: Volatility,
    /// Runs with the owner's rights (`SECURITY DEFINER`); needs [`search_path`](Function::search_path).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub security_definer: bool,
    /// The fixed `SET search_path = ...` the function runs with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_path: Option<String>,
    /// Documentation, written as `COMMENT ON FUNCTION`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// One argument of a [`Function`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionArg {
    /// The argument name.
    pub name: String,
    /// Its PostgreSQL type, e.g. `bigint`.
    pub sql_type: String,
}

/// PostgreSQL volatility: what the planner may assume about repeated calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Volatility {
    /// Same arguments, same result, forever (may be used in indexes).
    Immutable,
    /// Same result within one statement (reads the database or settings).
    Stable,
    /// May change at any call or have side effects (the default).
    Volatile,
}

impl Volatility {
    /// The SQL keyword.
    ///
    /// ```
    /// assert_eq!(schema_core::Volatility::Stable.keyword(), "STABLE");
    /// ```
    pub fn keyword(self) -> &'static str {
        match self {
            Volatility::Immutable => "IMMUTABLE",
            Volatility::Stable => "STABLE",
            Volatility::Volatile => "VOLATILE",
        }
    }
}

impl Function {
    /// An SQL-language, volatile function without arguments.
    pub fn new(
        name: impl Into<String>,
        returns: impl Into<String>,
        body: impl Into<String>,
    ) -> Self {
        Function {
            name: name.into(),
            args: Vec::new(),
            returns: returns.into(),
            language: "sql".into(),
            body: body.into(),
            volatility: Volatility::Volatile,
            security_definer: false,
            search_path: None,
            comment: None,
        }
    }

    /// Appends an argument.
    ///
    /// ```
    /// let f = schema_core::Function::new("twice", "integer", "SELECT $1 * 2").arg("n", "integer");
    /// assert_eq!(f.args[0].sql_type, "integer");
    /// ```
    pub fn arg(mut self, name: impl Into<String>, sql_type: impl Into<String>) -> Self {
        self.args.push(FunctionArg {
            name: name.into(),
            sql_type: sql_type.into(),
        });
        self
    }

    /// Sets the language (`sql`, `plpgsql`).
    ///
    /// ```
    /// assert_eq!(schema_core::Function::new("f", "void", "BEGIN END").language("plpgsql").language, "plpgsql");
    /// ```
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = language.into();
        self
    }

    /// Sets the volatility.
    pub fn volatility(mut self, volatility: Volatility) -> Self {
        self.volatility = volatility;
        self
    }

    /// Makes the function `SECURITY DEFINER` (set a [`search_path`](Function::search_path) too).
    pub fn security_definer(mut self) -> Self {
        self.security_definer = true;
        self
    }

    /// Fixes the `search_path` the function runs with, e.g. `pg_catalog, public`.
    pub fn search_path(mut self, path: impl Into<String>) -> Self {
        self.search_path = Some(path.into());
        self
    }

    /// Sets the comment.
    pub fn comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }
}
