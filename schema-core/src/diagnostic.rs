//! Problems found in a schema, reported all at once.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Engine;

/// One problem in a schema, located by table and column.
///
/// ```
/// use schema_core::Diagnostic;
/// let d = Diagnostic::new("column does not exist")
///     .table("invoices")
///     .column("totl")
///     .help("did you mean `total`?");
/// assert_eq!(
///     d.to_string(),
///     "error: table `invoices`, column `totl`: column does not exist\n  help: did you mean `total`?"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The table concerned, if any.
    pub table: Option<String>,
    /// The column concerned, if any.
    pub column: Option<String>,
    /// The engine concerned, when the problem exists on one engine only.
    pub engine: Option<Engine>,
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem with no location yet.
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            table: None,
            column: None,
            engine: None,
            message: message.into(),
            help: None,
        }
    }

    /// Locates the problem in a table.
    pub fn table(mut self, table: impl Into<String>) -> Self {
        self.table = Some(table.into());
        self
    }

    /// Locates the problem in a column.
    pub fn column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }

    /// Marks the problem as specific to one engine.
    pub fn engine(mut self, engine: Engine) -> Self {
        self.engine = Some(engine);
        self
    }

    /// Says what to write instead.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("error: ")?;
        if let Some(engine) = self.engine {
            write!(f, "{engine}: ")?;
        }
        match (&self.table, &self.column) {
            (Some(table), Some(column)) => write!(f, "table `{table}`, column `{column}`: ")?,
            (Some(table), None) => write!(f, "table `{table}`: ")?,
            (None, Some(column)) => write!(f, "column `{column}`: ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found in a schema. Never empty.
///
/// ```
/// use schema_core::{Diagnostic, Diagnostics};
/// let errors = Diagnostics::from(vec![Diagnostic::new("a"), Diagnostic::new("b")]);
/// assert_eq!(errors.len(), 2);
/// assert!(errors.to_string().starts_with("2 problems in the schema:"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// `Ok(value)` when `diagnostics` is empty, else the error holding them all.
    pub fn check<T>(diagnostics: Vec<Diagnostic>, value: T) -> Result<T, Diagnostics> {
        if diagnostics.is_empty() {
            Ok(value)
        } else {
            Err(Diagnostics(diagnostics))
        }
    }

    /// The problems, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: a `Diagnostics` holds at least one problem.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, by value.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Diagnostics(diagnostics)
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.len() {
            1 => writeln!(f, "1 problem in the schema:")?,
            n => writeln!(f, "{n} problems in the schema:")?,
        }
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}
