//! How engines differ in writing views, triggers and partitions: the answers of the matching
//! [`Dialect`](crate::Dialect) capability methods.

/// How a view is made to run with the querying user's rights (and, on PostgreSQL, their
/// Row-Level Security policies).
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::{dialect, SecurityInvokerViews};
/// assert_eq!(dialect(Engine::Postgres).security_invoker_views(), SecurityInvokerViews::WithOption);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecurityInvokerViews {
    /// `CREATE VIEW v WITH (security_invoker = true)` (PostgreSQL 15+).
    WithOption,
    /// `CREATE SQL SECURITY INVOKER VIEW v` (MySQL, MariaDB).
    SqlSecurity,
    /// No such setting: views have no owner rights to borrow (SQLite has no privileges).
    NotApplicable,
}

/// How an engine writes a row trigger.
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::{dialect, TriggerStyle};
/// assert_eq!(dialect(Engine::MySql).trigger_style(), TriggerStyle::Inline { assigns_new: true, when_clause: false });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriggerStyle {
    /// A trigger function (`RETURNS trigger`) and `CREATE TRIGGER ... EXECUTE FUNCTION`; one
    /// trigger may fire on several events (PostgreSQL).
    Function,
    /// The body inside `CREATE TRIGGER ... FOR EACH ROW BEGIN ... END`, one event per trigger.
    Inline {
        /// Whether a BEFORE trigger may assign `NEW.column` (MySQL); otherwise the row is changed
        /// with an UPDATE after it is written (SQLite).
        assigns_new: bool,
        /// Whether `WHEN (condition)` is part of the grammar (SQLite); otherwise the condition
        /// becomes an `IF` in the body (MySQL).
        when_clause: bool,
    },
}

/// How partitions are declared.
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::{dialect, PartitionStyle};
/// assert_eq!(dialect(Engine::Postgres).partition_style(), Some(PartitionStyle::Declarative));
/// assert_eq!(dialect(Engine::Sqlite).partition_style(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartitionStyle {
    /// `PARTITION BY ...` on the table and one `CREATE TABLE ... PARTITION OF` per partition,
    /// with a `DEFAULT` partition (PostgreSQL).
    Declarative,
    /// `PARTITION BY ... (PARTITION p VALUES ...)` inside CREATE TABLE, the RANGE catch-all a
    /// `VALUES LESS THAN (MAXVALUE)` partition, HASH as `KEY` partitioning (MySQL).
    Inline,
}
