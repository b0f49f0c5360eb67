//! A migrations folder: the snapshot of the schema it ends at (`schema.json`) and one folder of
//! sqlx migrations per engine. [`write_next`] appends the migration from the snapshot to the
//! current schema, or writes nothing when they are the same.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use schema_core::diff::{Change, diff};
use schema_core::{Engine, Schema};

use super::{MigrateError, SnapshotError, from_snapshot, guard, next_version, to_snapshot};

/// The snapshot's file name inside the migrations folder.
pub const SNAPSHOT_FILE: &str = "schema.json";

/// Why no migration was written.
#[derive(Debug)]
pub enum HistoryError {
    /// The migration was refused (data loss) or the schema is invalid for an engine.
    Migrate(MigrateError),
    /// The snapshot could not be read.
    Snapshot {
        /// The snapshot file.
        path: PathBuf,
        /// What is wrong with it.
        error: SnapshotError,
    },
    /// A file could not be read or written.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::Migrate(error) => write!(f, "{error}"),
            HistoryError::Snapshot { path, error } => write!(
                f,
                "{}: {error}\nhelp: restore it from version control; it must be the schema the last migration ends at",
                path.display()
            ),
            HistoryError::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for HistoryError {}

/// Writes the next migration for every engine in `engines` into `dir/<engine>/` and the new
/// snapshot, when `schema` differs from `dir/schema.json` (missing: the empty schema, so the
/// first migration creates everything). Returns the files written; none when nothing changed.
///
/// `name` names the migration (default: `initial` for the first one, otherwise from what
/// changed); `acknowledged` lists the [`DataLoss`](schema_core::diff::DataLoss) keys allowed.
///
/// ```
/// use schema_core::{Column, Engine, Schema, SqlType, TableDef};
/// use schema_dialects::migrate::write_next;
/// let dir = std::env::temp_dir().join("schema-doc-write-next");
/// let _ = std::fs::remove_dir_all(&dir);
/// let schema = Schema::builder().table_def(TableDef::new("t").column(Column::new("a", SqlType::Text))).build().unwrap();
/// let written = write_next(&dir, &schema, &[Engine::Sqlite], None, &[]).unwrap();
/// assert!(written[0].ends_with("sqlite/0001_initial.up.sql"));
/// assert!(write_next(&dir, &schema, &[Engine::Sqlite], None, &[]).unwrap().is_empty());
/// ```
pub fn write_next(
    dir: &Path,
    schema: &Schema,
    engines: &[Engine],
    name: Option<&str>,
    acknowledged: &[&str],
) -> Result<Vec<PathBuf>, HistoryError> {
    let snapshot_path = dir.join(SNAPSHOT_FILE);
    let previous = match std::fs::read_to_string(&snapshot_path) {
        Ok(text) => Some(
            from_snapshot(&text).map_err(|error| HistoryError::Snapshot {
                path: snapshot_path.clone(),
                error,
            })?,
        ),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(HistoryError::Io {
                path: snapshot_path,
                source,
            });
        }
    };
    let from = previous.clone().unwrap_or_default();
    let forward = diff(&from, schema);
    if forward.is_empty() {
        return Ok(Vec::new());
    }
    guard(&forward, acknowledged).map_err(HistoryError::Migrate)?;
    let name = match (name, &previous) {
        (Some(name), _) => name.to_string(),
        (None, None) => "initial".to_string(),
        (None, Some(_)) => name_for(&forward.changes),
    };
    // Every engine first, so a refusal on one writes nothing anywhere.
    let mut migrations = Vec::new();
    for engine in engines {
        migrations.push(
            super::unguarded(*engine, &from, schema, &forward).map_err(HistoryError::Migrate)?,
        );
    }
    let mut written = Vec::new();
    for migration in &migrations {
        let engine_dir = dir.join(migration.engine.key());
        let io_error = |source| HistoryError::Io {
            path: engine_dir.clone(),
            source,
        };
        let version = next_version(&engine_dir).map_err(io_error)?;
        let files =
            super::write_migration(&engine_dir, version, &name, migration).map_err(io_error)?;
        written.extend(files.paths);
    }
    std::fs::write(&snapshot_path, to_snapshot(schema)).map_err(|source| HistoryError::Io {
        path: snapshot_path.clone(),
        source,
    })?;
    written.push(snapshot_path);
    Ok(written)
}

/// A file-name-friendly summary of the changes, tables first: `create_api_keys_alter_payments`,
/// at most three parts.
fn name_for(changes: &[Change]) -> String {
    let table_part = |change: &Change| match change {
        Change::CreateTable(t) => Some(format!("create_{}", t.name)),
        Change::DropTable(t) => Some(format!("drop_{}", t.name)),
        Change::RenameTable { to, .. } => Some(format!("rename_{to}")),
        Change::AlterTable(alter) => Some(format!("alter_{}", alter.to.name)),
        _ => None,
    };
    let type_part = |change: &Change| match change {
        Change::CreateEnum(e) | Change::DropEnum(e) => Some(format!("enum_{}", e.name)),
        Change::AddEnumValues { to, .. } | Change::ReplaceEnum { to, .. } => {
            Some(format!("enum_{}", to.name))
        }
        Change::CreateDomain(d) | Change::DropDomain(d) => Some(format!("domain_{}", d.name)),
        Change::ReplaceDomain { to, .. } => Some(format!("domain_{}", to.name)),
        Change::CreateExtension(e) | Change::DropExtension(e) => Some(format!("extension_{e}")),
        _ => None,
    };
    let mut parts: Vec<String> = changes
        .iter()
        .filter_map(table_part)
        .chain(changes.iter().filter_map(type_part))
        .map(|part| {
            part.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect()
        })
        .collect();
    parts.dedup();
    let more = parts.len() > 3;
    parts.truncate(3);
    if more {
        parts.push("more".to_string());
    }
    parts.join("_")
}
