//! Triggers: the built-in behaviours (`updated_at`, audit trail) live on [`TableDef`](crate::TableDef);
//! custom triggers carry one body per engine.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Engine;

/// A custom row-level trigger with a body per engine.
///
/// Each body is the statement(s) the engine runs for every affected row, written in that engine's
/// trigger language:
/// - PostgreSQL: the PL/pgSQL body of the trigger function (between `BEGIN` and `END`, without
///   them), ending with a `RETURN`; the library writes `CREATE FUNCTION <name>_fn() RETURNS
///   trigger` and the `CREATE TRIGGER ... EXECUTE FUNCTION`.
/// - MySQL: the statements between `BEGIN` and `END` of `CREATE TRIGGER ... FOR EACH ROW`.
/// - SQLite: the statements between `BEGIN` and `END`.
///
/// An engine without a body gets no trigger (declare a body for every engine the rule must hold
/// on).
///
/// ```
/// use schema_core::{Engine, Trigger, TriggerEvent, TriggerTiming};
/// let t = Trigger::new("invoices_number_positive", "invoices", TriggerTiming::Before, [TriggerEvent::Insert])
///     .body(Engine::Postgres, "IF NEW.number <= 0 THEN RAISE EXCEPTION 'bad number'; END IF; RETURN NEW;")
///     .body(Engine::Sqlite, "SELECT RAISE(ABORT, 'bad number') WHERE NEW.number <= 0;");
/// assert_eq!(t.bodies.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    /// The trigger name.
    pub name: String,
    /// The table the trigger fires on.
    pub table: String,
    /// Before or after the row change.
    pub timing: TriggerTiming,
    /// The changes that fire it.
    pub events: Vec<TriggerEvent>,
    /// An optional condition over `OLD`/`NEW` (`WHEN (...)`; PostgreSQL and SQLite).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The body per engine.
    pub bodies: BTreeMap<Engine, String>,
}

/// When a trigger fires relative to the row change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerTiming {
    /// Before the row is written (may change `NEW`).
    Before,
    /// After the row is written.
    After,
}

/// A row change that fires a trigger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerEvent {
    /// `INSERT`.
    Insert,
    /// `UPDATE`.
    Update,
    /// `DELETE`.
    Delete,
}

impl TriggerEvent {
    /// The SQL keyword.
    ///
    /// ```
    /// assert_eq!(schema_core::TriggerEvent::Delete.keyword(), "DELETE");
    /// ```
    pub fn keyword(self) -> &'static str {
        match self {
            TriggerEvent::Insert => "INSERT",
            TriggerEvent::Update => "UPDATE",
            TriggerEvent::Delete => "DELETE",
        }
    }
}

impl TriggerTiming {
    /// The SQL keyword.
    ///
    /// ```
    /// assert_eq!(schema_core::TriggerTiming::Before.keyword(), "BEFORE");
    /// ```
    pub fn keyword(self) -> &'static str {
        match self {
            TriggerTiming::Before => "BEFORE",
            TriggerTiming::After => "AFTER",
        }
    }
}

impl Trigger {
    /// A trigger on `table` without bodies yet.
    pub fn new(
        name: impl Into<String>,
        table: impl Into<String>,
        timing: TriggerTiming,
        events: impl IntoIterator<Item = TriggerEvent>,
    ) -> Self {
        let mut events: Vec<TriggerEvent> = events.into_iter().collect();
        events.sort();
        events.dedup();
        Trigger {
            name: name.into(),
            table: table.into(),
            timing,
            events,
            when: None,
            bodies: BTreeMap::new(),
        }
    }

    /// Sets the body run on `engine`.
    pub fn body(mut self, engine: Engine, body: impl Into<String>) -> Self {
        self.bodies.insert(engine, body.into());
        self
    }

    /// Fires only for rows matching `condition` (`WHEN (...)`).
    ///
    /// ```
    /// use schema_core::{Trigger, TriggerEvent, TriggerTiming};
    /// let t = Trigger::new("t", "x", TriggerTiming::After, [TriggerEvent::Update]).when("OLD.a <> NEW.a");
    /// assert_eq!(t.when.as_deref(), Some("OLD.a <> NEW.a"));
    /// ```
    pub fn when(mut self, condition: impl Into<String>) -> Self {
        self.when = Some(condition.into());
        self
    }
}

/// The audit table the built-in audit trail writes to, supplied by the library.
///
/// [`SchemaBuilder::build`](crate::SchemaBuilder::build) adds it when a table is audited
/// ([`TableDef::audited`](crate::TableDef::audited)) and the schema has no table of this name.
/// One row per changed row: the table, the operation, the old and new row as JSON, when, and who
/// (PostgreSQL: the `app.actor` setting, else the current role; MySQL: the `@app_actor`
/// variable, else the current user; SQLite has no session state and records NULL).
///
/// ```
/// let audit = schema_core::audit_log_table();
/// assert_eq!(audit.name, schema_core::AUDIT_LOG_TABLE);
/// assert!(audit.find_column("old_row").unwrap().nullable);
/// ```
pub fn audit_log_table() -> crate::TableDef {
    use crate::{Column, ColumnDefault, Identity, Index, SqlType, TableDef};
    TableDef::new(AUDIT_LOG_TABLE)
        .comment("Row changes of audited tables, written by triggers")
        .column(
            Column::new("id", SqlType::BigInt)
                .identity(Identity::ByDefault)
                .comment("Order of the changes"),
        )
        .column(Column::new("table_name", SqlType::Varchar(63)).comment("The changed table"))
        .column(Column::new("operation", SqlType::Varchar(6)).comment("INSERT, UPDATE or DELETE"))
        .column(
            Column::new("old_row", SqlType::Jsonb)
                .nullable()
                .comment("The row before the change (NULL for INSERT)"),
        )
        .column(
            Column::new("new_row", SqlType::Jsonb)
                .nullable()
                .comment("The row after the change (NULL for DELETE)"),
        )
        .column(
            Column::new("actor", SqlType::Text)
                .nullable()
                .comment("Who made the change: the app.actor setting or the database role"),
        )
        .column(
            Column::new("changed_at", SqlType::TimestampTz)
                .default(ColumnDefault::Now)
                .comment("When the change was made (UTC)"),
        )
        .primary_key(["id"])
        .column_check("operation", "operation IN ('INSERT', 'UPDATE', 'DELETE')")
        .index(Index::on(["table_name", "changed_at"]))
        .allow(
            "S207",
            "records rows of every audited table and must outlive them, so no foreign key can hold",
        )
}

/// The name of the library-supplied audit table, `audit_log`.
pub const AUDIT_LOG_TABLE: &str = "audit_log";
