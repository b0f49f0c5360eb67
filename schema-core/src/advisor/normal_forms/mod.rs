//! Normal-form analysis of each table (S004, S303–S305).
//!
//! A table's dependencies are its declared `fd(...)` plus its keys: the primary key, and every
//! unique constraint or unique index without a predicate whose columns are all NOT NULL (a
//! nullable unique column admits several NULL rows, so it determines nothing). Without declared
//! dependencies a table is trivially in BCNF with respect to its keys; the naming heuristics
//! (S306, S307) then look for likely violations instead.
//!
//! ```
//! use schema_core::advisor::{advise, NormalForm};
//! use schema_core::{Column, Schema, SqlType, TableDef};
//! let schema = Schema::builder()
//!     .table_def(
//!         TableDef::new("customers")
//!             .comment("People who buy")
//!             .column(Column::new("id", SqlType::BigInt))
//!             .column(Column::new("zip", SqlType::Text).comment("Postal code"))
//!             .column(Column::new("city", SqlType::Text))
//!             .primary_key(["id"])
//!             .functional_dependency(["zip"], ["city"]),
//!     )
//!     .build()
//!     .unwrap();
//! let advice = advise(&schema);
//! assert_eq!(advice.normal_forms[0].normal_form, Some(NormalForm::Second));
//! assert_eq!(advice.findings[0].code, "S304");
//! ```

mod decompose;
mod fd;
mod normal_form;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use decompose::Bcnf;
pub use fd::{MAX_ATTRIBUTES, Relation, SEARCH_LIMIT};
pub use normal_form::{Analysis, NormalForm, Violation};

use super::{BAD_FD, Finding, NOT_2NF, NOT_3NF, NOT_BCNF, column_names};
use crate::{FunctionalDependency, TableDef, suggest};

/// The normal-form analysis of one table.
///
/// ```
/// use schema_core::advisor::{advise, NormalForm};
/// let advice = advise(&schema_core::Schema::default());
/// assert!(advice.normal_forms.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableNormalForm {
    /// The table.
    pub table: String,
    /// Whether the table declares functional dependencies (if not, only its keys are known).
    pub declared: bool,
    /// The highest normal form reached, `None` if the table has too many columns to analyse.
    pub normal_form: Option<NormalForm>,
    /// The candidate keys.
    pub candidate_keys: Vec<Vec<String>>,
    /// The dependencies that break a normal form.
    pub violations: Vec<Violation>,
    /// The 3NF synthesis, when the table is below 3NF.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synthesis_3nf: Vec<Vec<String>>,
    /// The BCNF decomposition, when the table is below BCNF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bcnf: Option<Bcnf>,
}

impl fmt::Display for TableNormalForm {
    /// `note[normal-form]: t: 2NF; keys (id); violations: ...; 3NF synthesis: ...`
    ///
    /// ```
    /// use schema_core::advisor::{advise, NormalForm};
    /// use schema_core::{Column, Schema, SqlType, TableDef};
    /// let schema = Schema::builder()
    ///     .table_def(
    ///         TableDef::new("t")
    ///             .column(Column::new("id", SqlType::BigInt))
    ///             .column(Column::new("zip", SqlType::Text))
    ///             .column(Column::new("city", SqlType::Text))
    ///             .primary_key(["id"])
    ///             .functional_dependency(["zip"], ["city"]),
    ///     )
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(
    ///     advise(&schema).normal_forms[0].to_string(),
    ///     "note[normal-form]: t: 2NF; candidate keys (id); zip -> city breaks 3NF\n  \
    ///      = 3NF synthesis: (id, zip), (zip, city)\n  \
    ///      = BCNF decomposition: (zip, city), (id, zip)"
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(normal_form) = self.normal_form else {
            return write!(
                f,
                "note[normal-form]: {}: not analysed (more than {MAX_ATTRIBUTES} columns)",
                self.table
            );
        };
        write!(
            f,
            "note[normal-form]: {}: {normal_form}; candidate keys {}",
            self.table,
            relations_text(&self.candidate_keys)
        )?;
        for violation in &self.violations {
            write!(f, "; {violation}")?;
        }
        if !self.synthesis_3nf.is_empty() {
            write!(
                f,
                "\n  = 3NF synthesis: {}",
                relations_text(&self.synthesis_3nf)
            )?;
        }
        if let Some(bcnf) = &self.bcnf {
            write!(
                f,
                "\n  = BCNF decomposition: {}",
                relations_text(&bcnf.relations)
            )?;
            if !bcnf.lost.is_empty() {
                let lost: Vec<String> = bcnf.lost.iter().map(ToString::to_string).collect();
                write!(f, " (loses {})", lost.join("; "))?;
            }
        }
        Ok(())
    }
}

/// The dependencies the table's keys imply: key -> every column.
fn key_dependencies(table: &TableDef) -> Vec<FunctionalDependency> {
    let all: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
    let not_null = |columns: &[String]| {
        columns
            .iter()
            .all(|c| table.find_column(c).is_some_and(|col| !col.nullable))
    };
    let mut keys: Vec<&[String]> = Vec::new();
    if let Some(pk) = &table.primary_key {
        keys.push(&pk.columns);
    }
    keys.extend(
        table
            .uniques
            .iter()
            .map(|u| u.columns.as_slice())
            .filter(|c| not_null(c)),
    );
    keys.extend(
        table
            .indexes
            .iter()
            .filter(|i| i.unique && i.predicate.is_none())
            .map(|i| i.columns.as_slice())
            .filter(|c| not_null(c)),
    );
    keys.into_iter()
        .map(|key| FunctionalDependency::new(key.iter().cloned(), all.iter().cloned()))
        .collect()
}

/// Analyses one table, pushing S004 for a declared dependency over unknown columns and
/// S303–S305 for each violation of a declared dependency.
pub(crate) fn analyse_table(table: &TableDef, found: &mut Vec<Finding>) -> TableNormalForm {
    let mut declared = Vec::new();
    for fd in &table.functional_dependencies {
        let unknown: Vec<&String> = fd
            .from
            .iter()
            .chain(&fd.to)
            .filter(|c| table.find_column(c).is_none())
            .collect();
        if unknown.is_empty() && !fd.from.is_empty() && !fd.to.is_empty() {
            declared.push(fd.clone());
            continue;
        }
        let mut finding = Finding::new(
            &BAD_FD,
            &table.name,
            None,
            match unknown.first() {
                Some(column) => format!("`fd({fd})` names `{column}`, which is not a column"),
                None => format!("`fd({fd})` has an empty side"),
            },
        );
        if let Some(close) = unknown
            .first()
            .and_then(|c| suggest::closest(c, column_names(table)))
        {
            finding = finding.help(format!("did you mean `{close}`?"));
        }
        found.push(finding);
    }
    let mut fds = key_dependencies(table);
    fds.extend(declared.iter().cloned());
    let mut result = TableNormalForm {
        table: table.name.clone(),
        declared: !declared.is_empty(),
        normal_form: None,
        candidate_keys: Vec::new(),
        violations: Vec::new(),
        synthesis_3nf: Vec::new(),
        bcnf: None,
    };
    let Ok(relation) = Relation::new(table.columns.iter().map(|c| c.name.clone()), &fds) else {
        return result;
    };
    let analysis = relation.analyse();
    result.normal_form = Some(analysis.normal_form);
    result.candidate_keys = analysis.candidate_keys;
    result.violations = analysis.violations;
    if analysis.normal_form < NormalForm::Third {
        result.synthesis_3nf = relation.synthesize_3nf();
    }
    if analysis.normal_form < NormalForm::BoyceCodd {
        result.bcnf = Some(relation.bcnf_decomposition());
    }
    for violation in &result.violations {
        found.push(violation_finding(table, violation, &result));
    }
    result
}

fn relations_text(relations: &[Vec<String>]) -> String {
    relations
        .iter()
        .map(|r| format!("({})", r.join(", ")))
        .collect::<Vec<_>>()
        .join(", ")
}

fn violation_finding(table: &TableDef, violation: &Violation, nf: &TableNormalForm) -> Finding {
    let (rule, why) = match violation.breaks {
        NormalForm::First | NormalForm::Second => (&NOT_2NF, "part of a candidate key"),
        NormalForm::Third => (&NOT_3NF, "a set of non-key columns"),
        NormalForm::BoyceCodd => (&NOT_BCNF, "a determinant that is not a key"),
    };
    let message = format!(
        "`{}` breaks {}: {} determined by {why}",
        violation.dependency,
        violation.breaks,
        violation.dependency.to.join(", "),
    );
    let help = match (&nf.bcnf, violation.breaks) {
        (Some(bcnf), NormalForm::BoyceCodd) => {
            let lost = if bcnf.lost.is_empty() {
                "it preserves every dependency".to_string()
            } else {
                format!(
                    "it loses {}",
                    bcnf.lost
                        .iter()
                        .map(|f| format!("`{f}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            format!(
                "BCNF decomposition: {}; {lost}",
                relations_text(&bcnf.relations)
            )
        }
        _ => format!(
            "decompose (3NF synthesis, lossless and dependency preserving): {}",
            relations_text(&nf.synthesis_3nf)
        ),
    };
    Finding::new(rule, &table.name, None, message).help(help)
}
