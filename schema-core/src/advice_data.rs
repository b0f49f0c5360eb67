//! Model data the design advisor reads: suppressions with a reason, and declared functional
//! dependencies.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A design-advisor rule switched off on a table or column, with the reason why.
///
/// The code is checked against the rule catalog when the advisor runs (an unknown code is a
/// finding of its own, with a did-you-mean), because the catalog is data the derive cannot see.
///
/// ```
/// use schema_core::Allow;
/// let allow = Allow::new("S104", "ISO 4217 codes are exactly three letters");
/// assert_eq!(allow.code, "S104");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Allow {
    /// The rule code, e.g. `S104`.
    pub code: String,
    /// Why the rule does not apply here; never empty.
    pub reason: String,
}

impl Allow {
    /// A suppression of `code` for `reason`.
    ///
    /// ```
    /// let a = schema_core::Allow::new("S301", "a log, read by time only");
    /// assert_eq!(a.reason, "a log, read by time only");
    /// ```
    pub fn new(code: impl Into<String>, reason: impl Into<String>) -> Self {
        Allow {
            code: code.into(),
            reason: reason.into(),
        }
    }
}

/// A functional dependency `from -> to` between columns of one table: rows that agree on the
/// `from` columns agree on the `to` columns.
///
/// ```
/// use schema_core::FunctionalDependency;
/// let fd = FunctionalDependency::new(["zip"], ["city", "state"]);
/// assert_eq!(fd.to_string(), "zip -> city, state");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FunctionalDependency {
    /// The determining columns (left-hand side).
    pub from: Vec<String>,
    /// The determined columns (right-hand side).
    pub to: Vec<String>,
}

impl FunctionalDependency {
    /// `from -> to`.
    ///
    /// ```
    /// let fd = schema_core::FunctionalDependency::new(["a", "b"], ["c"]);
    /// assert_eq!(fd.from.len(), 2);
    /// ```
    pub fn new<I, S, J, T>(from: I, to: J) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
        J: IntoIterator<Item = T>,
        T: Into<String>,
    {
        FunctionalDependency {
            from: from.into_iter().map(Into::into).collect(),
            to: to.into_iter().map(Into::into).collect(),
        }
    }
}

impl fmt::Display for FunctionalDependency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} -> {}", self.from.join(", "), self.to.join(", "))
    }
}
