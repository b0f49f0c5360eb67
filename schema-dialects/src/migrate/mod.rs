//! Migrations from schema diffs: per-engine SQL, up and down, in files sqlx's migrator runs.
//!
//! [`migration`] diffs two schemas ([`schema_core::diff`]), refuses changes that may lose data
//! unless acknowledged, and writes the SQL for one engine as one or more [`MigrationStep`]s:
//!
//! - PostgreSQL: each step runs in a transaction (sqlx's default). Enum values added with
//!   `ALTER TYPE ... ADD VALUE` cannot be used in the transaction that adds them, so they form a
//!   step of their own, run without a transaction (`-- no-transaction`) before the main step.
//! - MySQL/MariaDB: DDL commits statement by statement, so a migration is not atomic. The
//!   statements are ordered so each needs only what earlier ones made; the file header says how
//!   to resume after a failure.
//! - SQLite: changes ALTER TABLE cannot make rebuild the table (the documented 12 steps), in one
//!   explicit transaction with foreign keys switched off outside it and a foreign key check
//!   before COMMIT.
//!
//! ```
//! use schema_core::{Column, Engine, Schema, SqlType, TableDef};
//! use schema_dialects::migrate::migration;
//!
//! let v1 = Schema::builder()
//!     .table_def(TableDef::new("users").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
//!     .build()
//!     .unwrap();
//! let v2 = Schema::builder()
//!     .table_def(
//!         TableDef::new("users")
//!             .column(Column::new("id", SqlType::BigInt))
//!             .column(Column::new("name", SqlType::Text).nullable())
//!             .primary_key(["id"]),
//!     )
//!     .build()
//!     .unwrap();
//! let pg = migration(Engine::Postgres, &v1, &v2, &[]).unwrap();
//! assert!(pg.steps[0].up.contains("ALTER TABLE \"users\" ADD COLUMN \"name\" text"));
//! assert!(pg.steps[0].down.contains("ALTER TABLE \"users\" DROP COLUMN \"name\""));
//! // Going back would drop a column: refused until acknowledged.
//! let error = migration(Engine::Postgres, &v2, &v1, &[]).unwrap_err();
//! assert!(error.to_string().contains("drop column users.name"));
//! assert!(migration(Engine::Postgres, &v2, &v1, &["drop column users.name"]).is_ok());
//! ```

mod derived;
mod files;
mod history;
pub(crate) mod hooks;
pub(crate) mod rebuild;
mod snapshot;
mod statements;

use std::fmt;

use schema_core::diff::{self, Change, DataLoss, Diff, TableChange};
use schema_core::{Diagnostics, Engine, Schema};

pub use files::{MigrationFiles, next_version, write_migration};
pub use history::{HistoryError, SNAPSHOT_FILE, write_next};
pub use snapshot::{SnapshotError, from_snapshot, to_snapshot};

use hooks::migration_dialect;

/// One engine's migration: one or more steps, each an up and a down script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    /// The engine.
    pub engine: Engine,
    /// The steps, in the order they run up (down runs them in reverse).
    pub steps: Vec<MigrationStep>,
}

/// One step of a migration: one sqlx migration version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationStep {
    /// Appended to the migration name (e.g. `_enum_values`), empty for the main step.
    pub suffix: &'static str,
    /// The up script (file text).
    pub up: String,
    /// The down script (file text).
    pub down: String,
}

/// Why no migration was written.
#[derive(Debug)]
pub enum MigrateError {
    /// The target schema is invalid for an engine.
    Invalid(Diagnostics),
    /// Changes that may lose data and were not acknowledged.
    DataLoss(Vec<DataLoss>),
    /// Changes no generated migration makes, each in words with what to do instead.
    Unsupported(Vec<String>),
}

impl fmt::Display for MigrateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MigrateError::Invalid(diagnostics) => write!(f, "{diagnostics}"),
            MigrateError::Unsupported(changes) => {
                writeln!(
                    f,
                    "error: the migration cannot be generated; nothing was written:"
                )?;
                for change in changes {
                    writeln!(f, "  - {change}")?;
                }
                write!(
                    f,
                    "help: make the change in two steps (a new table beside the old one, then drop the old one), or write this migration by hand"
                )
            }
            MigrateError::DataLoss(losses) => {
                writeln!(
                    f,
                    "error: the migration may lose data; nothing was written:"
                )?;
                for loss in losses {
                    writeln!(f, "  - {}", loss.detail)?;
                }
                let keys: Vec<String> = losses.iter().map(|l| format!("{:?}", l.key())).collect();
                write!(
                    f,
                    "help: if this is intended, acknowledge each change in code, e.g. `.acknowledge([{}])`",
                    keys.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for MigrateError {}

/// The migration from `from` to `to` on `engine`, refusing changes that may lose data unless
/// their key (see [`DataLoss::key`]) is in `acknowledged`.
pub fn migration(
    engine: Engine,
    from: &Schema,
    to: &Schema,
    acknowledged: &[&str],
) -> Result<Migration, MigrateError> {
    let forward = diff::diff(from, to);
    guard(&forward, acknowledged)?;
    unguarded(engine, from, to, &forward)
}

/// Changes that may lose data and are not acknowledged.
pub(crate) fn guard(diff: &Diff, acknowledged: &[&str]) -> Result<(), MigrateError> {
    let losses: Vec<DataLoss> = diff
        .data_loss()
        .into_iter()
        .filter(|loss| !acknowledged.contains(&loss.key().as_str()))
        .collect();
    if losses.is_empty() {
        Ok(())
    } else {
        Err(MigrateError::DataLoss(losses))
    }
}

/// The migration for a diff already guarded.
pub(crate) fn unguarded(
    engine: Engine,
    from: &Schema,
    to: &Schema,
    forward: &Diff,
) -> Result<Migration, MigrateError> {
    let dialect = migration_dialect(engine);
    let unsupported: Vec<String> = forward
        .changes
        .iter()
        .filter_map(|change| match change {
            Change::AlterTable(alter) => Some(alter),
            _ => None,
        })
        .flat_map(|alter| {
            alter.changes.iter().filter_map(|change| match change {
                TableChange::SetPartitioning { .. } => Some(format!(
                    "table `{}`: its partitioning changes; the rows would have to move to a new table",
                    alter.to.name
                )),
                _ => None,
            })
        })
        .collect();
    if !unsupported.is_empty() {
        return Err(MigrateError::Unsupported(unsupported));
    }
    if let Err(problems) = Diagnostics::check(dialect.check(to), ()) {
        return Err(MigrateError::Invalid(problems));
    }
    let up = statements::statements(dialect, from, to, forward).map_err(MigrateError::Invalid)?;
    // Going down, enum values are removed by rebuilding the type, inside the transaction.
    let mut backward = diff::diff_back(from, to);
    for change in &mut backward.changes {
        if let Change::AddEnumValues { from, to } = change {
            *change = Change::ReplaceEnum {
                from: from.clone(),
                to: to.clone(),
            };
        }
    }
    let down =
        statements::statements(dialect, to, from, &backward).map_err(MigrateError::Invalid)?;
    // Going down cannot bring back what going up dropped: the down script says what it loses.
    let down_notes: Vec<String> = backward
        .data_loss()
        .iter()
        .map(|l| l.detail.clone())
        .collect();
    let mut steps = Vec::new();
    if !up.committed_first.is_empty() {
        steps.push(MigrationStep {
            suffix: "_enum_values",
            up: files::script(dialect, &up.committed_first, false, &[]),
            down: files::script(
                dialect,
                &[
                    "-- The values are removed by the next version's down script.\nSELECT 1"
                        .to_string(),
                ],
                true,
                &[],
            ),
        });
    }
    steps.push(MigrationStep {
        suffix: "",
        up: files::script(dialect, &up.main, true, &[]),
        down: files::script(dialect, &down.main, true, &down_notes),
    });
    Ok(Migration { engine, steps })
}
