//! The build-script API: validate, render every chosen engine, write only what changed.
//!
//! ```no_run
//! // build.rs of an application whose schema crate is a build-dependency
//! use schema_core::{Engine, Schema};
//! # mod app_schema { pub fn schema() -> schema_core::SchemaBuilder { schema_core::Schema::builder() } }
//!
//! fn main() {
//!     schema_dialects::build::generate(app_schema::schema())
//!         .engines([Engine::Postgres, Engine::MySql, Engine::Sqlite])
//!         .out_dir("db")
//!         .run_in_build_script();
//! }
//! ```
//!
//! With ER diagrams (`schema.mmd`, `schema.dbml`, `schema.dot`, the interactive `schema.html`)
//! and the data dictionary (`dictionary.md`, `dictionary.html`) written next to the scripts:
//!
//! ```no_run
//! # mod app_schema { pub fn schema() -> schema_core::SchemaBuilder { schema_core::Schema::builder() } }
//! fn main() {
//!     schema_dialects::build::generate(app_schema::schema())
//!         .diagrams(true)
//!         .dictionary(true)
//!         .run_in_build_script();
//! }
//! ```
//!
//! With the design advisor: findings of at least `advise`'s level are printed as
//! `cargo:warning` lines, and findings of at least `deny`'s level fail the build.
//!
//! ```no_run
//! use schema_core::advisor::Severity;
//! # mod app_schema { pub fn schema() -> schema_core::SchemaBuilder { schema_core::Schema::builder() } }
//! fn main() {
//!     schema_dialects::build::generate(app_schema::schema())
//!         .advise(Severity::Info)
//!         .deny(Severity::Warning)
//!         .run_in_build_script();
//! }
//! ```

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use schema_core::advisor::{self, Advice, Finding, Severity};
use schema_core::{Diagnostic, Diagnostics, Engine, Schema, SchemaBuilder};

use crate::dialect;

/// Starts a generation run for a schema (a builder, validated by the run, or a built schema).
pub fn generate(schema: impl Into<SchemaSource>) -> Generate {
    Generate {
        source: schema.into(),
        engines: Engine::ALL.to_vec(),
        out_dir: PathBuf::from("db"),
        file_prefix: String::new(),
        advise: None,
        deny: None,
        diagrams: false,
        dictionary: false,
        migrations: None,
    }
}

/// What a [`Generate`] run reads: a schema still to validate, or one already built.
#[derive(Debug)]
pub enum SchemaSource {
    /// Validated by the run.
    Builder(SchemaBuilder),
    /// Already validated.
    Built(Schema),
}

impl From<SchemaBuilder> for SchemaSource {
    fn from(builder: SchemaBuilder) -> Self {
        SchemaSource::Builder(builder)
    }
}

impl From<Schema> for SchemaSource {
    fn from(schema: Schema) -> Self {
        SchemaSource::Built(schema)
    }
}

/// A configured generation run; see [`generate`].
#[derive(Debug)]
pub struct Generate {
    source: SchemaSource,
    engines: Vec<Engine>,
    out_dir: PathBuf,
    file_prefix: String,
    advise: Option<Severity>,
    deny: Option<Severity>,
    diagrams: bool,
    dictionary: bool,
    migrations: Option<Migrations>,
}

/// Where and how [`Generate::migrations`] writes migrations.
#[derive(Debug, Default)]
struct Migrations {
    dir: PathBuf,
    name: Option<String>,
    acknowledged: Vec<String>,
}

impl Generate {
    /// Also keeps versioned migrations in `dir` (default: off): `dir/schema.json` is the
    /// schema the last migration ends at, and `dir/<engine>/<version>_<name>.up.sql` and
    /// `.down.sql` are sqlx migrations. When the schema differs from the snapshot, the run
    /// writes the next migration for every engine and the new snapshot; an unchanged schema
    /// writes nothing. Changes that may lose data fail the run unless
    /// [`acknowledge`](Generate::acknowledge)d.
    ///
    /// ```
    /// use schema_core::{Column, Engine, Schema, SqlType, TableDef};
    /// let dir = std::env::temp_dir().join("schema-doc-migrations");
    /// let _ = std::fs::remove_dir_all(&dir);
    /// let run = |columns: &[&str]| {
    ///     let table = columns.iter().fold(
    ///         TableDef::new("t").column(Column::new("id", SqlType::BigInt)),
    ///         |t, c| t.column(Column::new(*c, SqlType::Text).nullable()),
    ///     );
    ///     schema_dialects::build::generate(Schema::builder().table_def(table))
    ///         .engines([Engine::Sqlite])
    ///         .out_dir(dir.join("db"))
    ///         .migrations(dir.join("migrations"))
    ///         .run()
    /// };
    /// assert_eq!(run(&["a"]).unwrap().migrations.len(), 3); // up, down, snapshot
    /// assert!(run(&["a"]).unwrap().migrations.is_empty()); // unchanged
    /// let error = run(&[]).unwrap_err().to_string();
    /// assert!(error.contains("drop column t.a"), "{error}");
    /// ```
    pub fn migrations(mut self, dir: impl Into<PathBuf>) -> Self {
        self.migrations.get_or_insert_with(Migrations::default).dir = dir.into();
        self
    }

    /// Names the next migration (default: `initial` for the first, otherwise from what changed,
    /// e.g. `create_api_keys_alter_payments`).
    pub fn migration_name(mut self, name: impl Into<String>) -> Self {
        self.migrations.get_or_insert_with(Migrations::default).name = Some(name.into());
        self
    }

    /// Allows changes that may lose data, each by the key the refusal names, e.g.
    /// `"drop column invoices.note"`. An acknowledgement only matters while the change is
    /// pending, so it may stay in the code afterwards.
    ///
    /// ```
    /// let run = schema_dialects::build::generate(schema_core::Schema::builder())
    ///     .acknowledge(["drop table legacy_invoices", "narrow column invoices.number"]);
    /// ```
    pub fn acknowledge<I: IntoIterator<Item = S>, S: Into<String>>(mut self, keys: I) -> Self {
        self.migrations
            .get_or_insert_with(Migrations::default)
            .acknowledged
            .extend(keys.into_iter().map(Into::into));
        self
    }
    /// Also writes the ER diagrams (default: off): `schema.mmd` (Mermaid, rendered by GitHub),
    /// `schema.dbml` (dbdiagram.io), `schema.dot` (Graphviz) and `schema.html` (the
    /// self-contained interactive viewer, with column types for the chosen engines).
    ///
    /// ```
    /// use schema_core::{Column, Schema, SqlType, TableDef};
    /// use schema_dialects::build::DocKind;
    /// let dir = std::env::temp_dir().join("schema-doc-diagrams");
    /// let report = schema_dialects::build::generate(
    ///     Schema::builder().table_def(TableDef::new("t").column(Column::new("id", SqlType::BigInt))),
    /// )
    /// .diagrams(true)
    /// .out_dir(&dir)
    /// .run()
    /// .unwrap();
    /// assert_eq!(report.docs.len(), 4);
    /// assert!(report.docs.iter().any(|d| d.kind == DocKind::Mermaid && d.path.ends_with("schema.mmd")));
    /// ```
    pub fn diagrams(mut self, on: bool) -> Self {
        self.diagrams = on;
        self
    }

    /// Also writes the data dictionary (default: off): `dictionary.md` and `dictionary.html`,
    /// with column types for the chosen engines.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("schema-doc-dictionary");
    /// let report = schema_dialects::build::generate(schema_core::Schema::builder())
    ///     .dictionary(true)
    ///     .out_dir(&dir)
    ///     .run()
    ///     .unwrap();
    /// assert!(report.docs.iter().any(|d| d.path.ends_with("dictionary.md")));
    /// ```
    pub fn dictionary(mut self, on: bool) -> Self {
        self.dictionary = on;
        self
    }

    /// Runs the design advisor and reports its findings of at least `level` (as
    /// `cargo:warning` lines in a build script; in [`Report::advice`] always).
    ///
    /// ```
    /// use schema_core::advisor::Severity;
    /// use schema_core::Schema;
    /// let dir = std::env::temp_dir().join("schema-doc-advise");
    /// let report = schema_dialects::build::generate(Schema::builder())
    ///     .advise(Severity::Warning)
    ///     .out_dir(&dir)
    ///     .run()
    ///     .unwrap();
    /// assert!(report.advice.unwrap().findings.is_empty());
    /// ```
    pub fn advise(mut self, level: Severity) -> Self {
        self.advise = Some(level);
        self
    }

    /// Fails the run when the advisor finds anything of at least `level` that no `allow`
    /// suppresses (runs the advisor even without [`advise`](Generate::advise)).
    ///
    /// ```
    /// use schema_core::advisor::Severity;
    /// use schema_core::{Column, Schema, SqlType, TableDef};
    /// let schema = Schema::builder().table_def(
    ///     TableDef::new("events").comment("Things").column(Column::new("at", SqlType::Timestamp)).primary_key(["at"]),
    /// );
    /// let error = schema_dialects::build::generate(schema)
    ///     .deny(Severity::Warning)
    ///     .out_dir(std::env::temp_dir().join("schema-doc-deny"))
    ///     .run()
    ///     .unwrap_err();
    /// assert!(error.to_string().contains("warning[S101]"));
    /// ```
    pub fn deny(mut self, level: Severity) -> Self {
        self.deny = Some(level);
        self
    }

    /// The engines to write scripts for (default: all three).
    pub fn engines(mut self, engines: impl IntoIterator<Item = Engine>) -> Self {
        self.engines = engines.into_iter().collect();
        self
    }

    /// The folder the scripts go to (default `db`), relative to the current directory — in a
    /// build script, the package root.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = dir.into();
        self
    }

    /// A prefix for the file names, e.g. `billing_` gives `billing_postgres.sql`.
    pub fn file_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.file_prefix = prefix.into();
        self
    }

    /// Validates the schema for every chosen engine, then writes one script per engine,
    /// touching only files whose content changed. Every problem, on every engine, is reported
    /// at once.
    pub fn run(self) -> Result<Report, BuildError> {
        let schema = match self.source {
            SchemaSource::Builder(builder) => builder.build().map_err(BuildError::Invalid)?,
            SchemaSource::Built(schema) => schema,
        };
        let mut scripts = Vec::new();
        let mut problems: Vec<Diagnostic> = Vec::new();
        for engine in &self.engines {
            match dialect(*engine).render(&schema) {
                Ok(script) => scripts.push(script),
                Err(errors) => problems.extend(errors),
            }
        }
        if !problems.is_empty() {
            return Err(BuildError::Invalid(Diagnostics::from(problems)));
        }
        let advice =
            (self.advise.is_some() || self.deny.is_some()).then(|| advisor::advise(&schema));
        if let (Some(level), Some(advice)) = (self.deny, &advice) {
            let denied: Vec<Finding> = advice.at_least(level).cloned().collect();
            if !denied.is_empty() {
                return Err(BuildError::Denied {
                    level,
                    findings: denied,
                });
            }
        }
        std::fs::create_dir_all(&self.out_dir).map_err(|source| BuildError::Io {
            path: self.out_dir.clone(),
            source,
        })?;
        let mut files = Vec::new();
        for script in scripts {
            let path =
                self.out_dir
                    .join(format!("{}{}.sql", self.file_prefix, script.engine.key()));
            let changed = write_if_changed(&path, &script.to_string())?;
            files.push(GeneratedFile {
                path,
                engine: script.engine,
                changed,
            });
        }
        let mut migrations = Vec::new();
        if let Some(wanted) = self
            .migrations
            .as_ref()
            .filter(|m| !m.dir.as_os_str().is_empty())
        {
            let acknowledged: Vec<&str> = wanted.acknowledged.iter().map(String::as_str).collect();
            migrations = crate::migrate::write_next(
                &wanted.dir,
                &schema,
                &self.engines,
                wanted.name.as_deref(),
                &acknowledged,
            )
            .map_err(BuildError::Migration)?;
        }
        let mut docs = Vec::new();
        for kind in DocKind::ALL {
            let wanted = if kind.is_diagram() {
                self.diagrams
            } else {
                self.dictionary
            };
            if !wanted {
                continue;
            }
            let path = self
                .out_dir
                .join(format!("{}{}", self.file_prefix, kind.file_name()));
            let changed = write_if_changed(&path, &kind.render(&schema, &self.engines))?;
            docs.push(GeneratedDoc {
                path,
                kind,
                changed,
            });
        }
        Ok(Report {
            schema,
            files,
            docs,
            migrations,
            advice,
            advise: self.advise,
        })
    }

    /// [`run`](Generate::run) for a `build.rs`: prints `cargo:rerun-if-changed` for the build
    /// script and every generated file, and on failure prints each problem as a `cargo::error`
    /// line, which fails the build with readable messages.
    pub fn run_in_build_script(self) -> Option<Report> {
        println!("cargo:rerun-if-changed=build.rs");
        if let Some(migrations) = &self.migrations {
            let snapshot = migrations.dir.join(crate::migrate::SNAPSHOT_FILE);
            println!("cargo:rerun-if-changed={}", snapshot.display());
        }
        match self.run() {
            Ok(report) => {
                for file in &report.files {
                    println!("cargo:rerun-if-changed={}", file.path.display());
                }
                for doc in &report.docs {
                    println!("cargo:rerun-if-changed={}", doc.path.display());
                }
                for finding in report.advised() {
                    for line in finding.to_string().lines() {
                        println!("cargo:warning={line}");
                    }
                }
                Some(report)
            }
            Err(error) => {
                for line in error.to_string().lines() {
                    println!("cargo::error={line}");
                }
                None
            }
        }
    }
}

/// What a successful run produced.
#[derive(Debug)]
pub struct Report {
    /// The validated schema.
    pub schema: Schema,
    /// One entry per engine, in the order the engines were given.
    pub files: Vec<GeneratedFile>,
    /// The diagrams and dictionary written, if [`Generate::diagrams`] or
    /// [`Generate::dictionary`] asked for them, in [`DocKind::ALL`] order.
    pub docs: Vec<GeneratedDoc>,
    /// The migration files and snapshot written by this run, if [`Generate::migrations`] asked
    /// for them; empty when the schema matches the snapshot.
    pub migrations: Vec<PathBuf>,
    /// The design advisor's result, if [`Generate::advise`] or [`Generate::deny`] asked for it.
    pub advice: Option<Advice>,
    advise: Option<Severity>,
}

impl Report {
    /// The findings at or above the [`Generate::advise`] level, in the advisor's order.
    ///
    /// ```
    /// use schema_core::advisor::Severity;
    /// let report = schema_dialects::build::generate(schema_core::Schema::builder())
    ///     .advise(Severity::Info)
    ///     .out_dir(std::env::temp_dir().join("schema-doc-advised"))
    ///     .run()
    ///     .unwrap();
    /// assert_eq!(report.advised().count(), 0);
    /// ```
    pub fn advised(&self) -> impl Iterator<Item = &Finding> {
        let level = self.advise;
        self.advice
            .iter()
            .flat_map(|a| &a.findings)
            .filter(move |f| level.is_some_and(|level| f.severity >= level))
    }
}

/// One script written (or found already up to date).
#[derive(Debug)]
pub struct GeneratedFile {
    /// Where the script is.
    pub path: PathBuf,
    /// The engine it is for.
    pub engine: Engine,
    /// Whether this run changed the file (false: its content was already right).
    pub changed: bool,
}

/// A diagram or dictionary file written (or found already up to date).
///
/// ```
/// let dir = std::env::temp_dir().join("schema-doc-generated-doc");
/// let run = || schema_dialects::build::generate(schema_core::Schema::builder()).dictionary(true).out_dir(&dir).run();
/// run().unwrap();
/// let again = run().unwrap();
/// assert!(again.docs.iter().all(|doc| !doc.changed), "unchanged content is not rewritten");
/// ```
#[derive(Debug)]
pub struct GeneratedDoc {
    /// Where it is.
    pub path: PathBuf,
    /// What it is.
    pub kind: DocKind,
    /// Whether this run changed the file.
    pub changed: bool,
}

/// The documents a run can write besides the scripts.
///
/// ```
/// use schema_dialects::build::DocKind;
/// assert_eq!(DocKind::Viewer.file_name(), "schema.html");
/// assert!(!DocKind::DictionaryMarkdown.is_diagram());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DocKind {
    /// `schema.mmd`: Mermaid `erDiagram`.
    Mermaid,
    /// `schema.dbml`: DBML.
    Dbml,
    /// `schema.dot`: Graphviz DOT.
    Dot,
    /// `schema.html`: the interactive viewer.
    Viewer,
    /// `dictionary.md`: the data dictionary in Markdown.
    DictionaryMarkdown,
    /// `dictionary.html`: the data dictionary as an HTML page.
    DictionaryHtml,
}

impl DocKind {
    /// Every kind, in the order a run writes them.
    pub const ALL: [DocKind; 6] = [
        DocKind::Mermaid,
        DocKind::Dbml,
        DocKind::Dot,
        DocKind::Viewer,
        DocKind::DictionaryMarkdown,
        DocKind::DictionaryHtml,
    ];

    /// The file name (before the [`Generate::file_prefix`]).
    ///
    /// ```
    /// assert_eq!(schema_dialects::build::DocKind::Dot.file_name(), "schema.dot");
    /// ```
    pub fn file_name(self) -> &'static str {
        match self {
            DocKind::Mermaid => "schema.mmd",
            DocKind::Dbml => "schema.dbml",
            DocKind::Dot => "schema.dot",
            DocKind::Viewer => "schema.html",
            DocKind::DictionaryMarkdown => "dictionary.md",
            DocKind::DictionaryHtml => "dictionary.html",
        }
    }

    /// Whether [`Generate::diagrams`] (true) or [`Generate::dictionary`] (false) writes it.
    ///
    /// ```
    /// assert!(schema_dialects::build::DocKind::Mermaid.is_diagram());
    /// ```
    pub fn is_diagram(self) -> bool {
        !matches!(self, DocKind::DictionaryMarkdown | DocKind::DictionaryHtml)
    }

    /// The document's content for `schema`, with column types for `engines`.
    ///
    /// ```
    /// use schema_dialects::build::DocKind;
    /// let text = DocKind::Mermaid.render(&Default::default(), &[]);
    /// assert_eq!(text, "erDiagram\n");
    /// ```
    pub fn render(self, schema: &Schema, engines: &[Engine]) -> String {
        match self {
            DocKind::Mermaid => schema_core::erd::mermaid(schema),
            DocKind::Dbml => schema_core::erd::dbml(schema),
            DocKind::Dot => schema_core::erd::dot(schema),
            DocKind::Viewer => crate::viewer::html(schema, engines),
            DocKind::DictionaryMarkdown => crate::dictionary::markdown(schema, engines),
            DocKind::DictionaryHtml => crate::dictionary::html(schema, engines),
        }
    }
}

/// Why a run failed.
#[derive(Debug)]
pub enum BuildError {
    /// The schema has problems; every one of them, on every engine.
    Invalid(Diagnostics),
    /// The design advisor found problems at or above the [`Generate::deny`] level.
    Denied {
        /// The level that fails the build.
        level: Severity,
        /// The findings at or above it.
        findings: Vec<Finding>,
    },
    /// No migration was written: a change may lose data and is not acknowledged, or the
    /// snapshot cannot be read.
    Migration(crate::migrate::HistoryError),
    /// A file could not be read or written.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Invalid(diagnostics) => write!(f, "{diagnostics}"),
            BuildError::Denied { level, findings } => {
                writeln!(
                    f,
                    "the design advisor denies {} finding(s) at level {level} or above:",
                    findings.len()
                )?;
                for finding in findings {
                    writeln!(f, "{finding}")?;
                }
                write!(
                    f,
                    "help: fix them, or suppress one with `allow(CODE, reason = \"...\")` on its table or column"
                )
            }
            BuildError::Migration(error) => write!(f, "{error}"),
            BuildError::Io { path, source } => {
                write!(f, "cannot write {}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Invalid(diagnostics) => Some(diagnostics),
            BuildError::Denied { .. } => None,
            BuildError::Migration(error) => Some(error),
            BuildError::Io { source, .. } => Some(source),
        }
    }
}

/// Writes `content` unless the file already holds exactly it, so file times (and anything
/// watching them) change only with the content. Returns whether it wrote.
fn write_if_changed(path: &Path, content: &str) -> Result<bool, BuildError> {
    if std::fs::read(path).is_ok_and(|existing| existing == content.as_bytes()) {
        return Ok(false);
    }
    std::fs::write(path, content).map_err(|source| BuildError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(true)
}
