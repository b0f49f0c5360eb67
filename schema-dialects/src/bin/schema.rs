//! `schema`: introspection, drift, design advice and snapshot diffs from the command line.
//!
//! ```text
//! schema introspect <url>              the live schema as a JSON snapshot
//! schema drift <url> <snapshot.json>   how the database differs from the snapshot, and the fix
//! schema advise <url>                  the design advisor on the live schema
//! schema diff <old.json> <new.json> [--sql <engine>]
//!                                      the changes between two snapshots (and the migration)
//! ```
//!
//! URLs are sqlx's: `postgres://user@host/db`, `mysql://user@host/db`, `sqlite://file.db`.
//! Exit status: 0 success (no drift), 1 drift found or data would be lost, 2 usage or error.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use schema_core::{Engine, Schema};
use schema_dialects::migrate::{from_snapshot, migration, to_snapshot};
use schema_dialects::{drift, introspect};

const USAGE: &str = "\
usage:
  schema introspect <url>              print the live schema as a JSON snapshot
  schema drift <url> <snapshot.json>   compare a live database with a snapshot; print the fix
  schema advise <url>                  run the design advisor on a live database
  schema diff <old.json> <new.json> [--sql <postgres|mysql|sqlite>]
                                       the changes between two snapshots, and the migration

URLs: postgres://user@host/db, mysql://user@host/db, sqlite://file.db
exit status: 0 ok (no drift), 1 drift found or data would be lost, 2 usage or error";

/// What a command found: success, or a finding that sets exit status 1.
enum Outcome {
    Clean,
    Found,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = String::new();
    let result = run(&args, &mut out);
    // A closed pipe (`schema introspect ... | head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Found) => ExitCode::from(1),
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String], out: &mut String) -> Result<Outcome, String> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["introspect", url] => {
            out.push_str(&to_snapshot(&live(url)?));
            Ok(Outcome::Clean)
        }
        ["drift", url, snapshot] => {
            let declared = read_snapshot(snapshot)?;
            let (engine, found) = live_with_engine(url)?;
            let report = drift::drift(engine, &declared, &found);
            let _ = write!(out, "{report}");
            Ok(if report.is_empty() {
                Outcome::Clean
            } else {
                Outcome::Found
            })
        }
        ["advise", url] => {
            let _ = write!(out, "{}", schema_core::advisor::advise(&live(url)?));
            Ok(Outcome::Clean)
        }
        ["diff", old, new] => diff(old, new, None, out),
        ["diff", old, new, "--sql", engine] => {
            let engine = Engine::from_key(engine).ok_or_else(|| {
                format!("unknown engine `{engine}`: use postgres, mysql or sqlite")
            })?;
            diff(old, new, Some(engine), out)
        }
        ["help" | "--help" | "-h"] => {
            let _ = writeln!(out, "{USAGE}");
            Ok(Outcome::Clean)
        }
        _ => Err(format!("unrecognised arguments {args:?}\n{USAGE}")),
    }
}

fn diff(old: &str, new: &str, engine: Option<Engine>, out: &mut String) -> Result<Outcome, String> {
    let (old, new) = (read_snapshot(old)?, read_snapshot(new)?);
    let changes = schema_core::diff::diff(&old, &new);
    if changes.is_empty() {
        out.push_str("no changes\n");
        return Ok(Outcome::Clean);
    }
    for change in &changes.changes {
        let _ = writeln!(out, "{change}");
    }
    let losses = changes.data_loss();
    for loss in &losses {
        let _ = writeln!(out, "warning: may lose data: {loss}");
    }
    if let Some(engine) = engine {
        let keys: Vec<String> = losses.iter().map(|l| l.key()).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let written = migration(engine, &old, &new, &keys).map_err(|e| e.to_string())?;
        for step in written.steps {
            let _ = writeln!(out, "\n-- up{}:\n{}", step.suffix, step.up);
            let _ = writeln!(out, "-- down{}:\n{}", step.suffix, step.down);
        }
    }
    Ok(if losses.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Found
    })
}

fn read_snapshot(path: &str) -> Result<Schema, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    from_snapshot(&text).map_err(|e| format!("{path}: {e}"))
}

fn live(url: &str) -> Result<Schema, String> {
    live_with_engine(url).map(|(_, schema)| schema)
}

fn live_with_engine(url: &str) -> Result<(Engine, Schema), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    runtime.block_on(async {
        let mut connection = introspect::connect(url).await.map_err(|e| e.to_string())?;
        let engine = introspect::engine_of(&connection).map_err(|e| e.to_string())?;
        let schema = introspect::introspect(&mut connection)
            .await
            .map_err(|e| e.to_string())?;
        Ok((engine, schema))
    })
}
