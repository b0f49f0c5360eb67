//! The highest normal form a relation reaches, and the dependencies that stop it going higher.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::fd::{Attrs, Relation, next_combination};
use crate::FunctionalDependency;

/// The 2NF test looks at the parts of at most this many candidate keys...
const MAX_KEYS_FOR_2NF: usize = 64;
/// ...each of at most this many attributes (2^16 parts), and says when it stopped short.
const MAX_KEY_SIZE_FOR_2NF: usize = 16;

/// A normal form, ordered from weakest to strongest.
///
/// ```
/// use schema_core::advisor::NormalForm;
/// assert!(NormalForm::Second < NormalForm::BoyceCodd);
/// assert_eq!(NormalForm::BoyceCodd.to_string(), "BCNF");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum NormalForm {
    /// Atomic values only (every relation of the model is in 1NF by construction).
    First,
    /// No non-prime attribute depends on part of a candidate key.
    Second,
    /// No non-prime attribute depends on anything but a superkey.
    Third,
    /// Every non-trivial determinant is a superkey.
    BoyceCodd,
}

impl fmt::Display for NormalForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NormalForm::First => "1NF",
            NormalForm::Second => "2NF",
            NormalForm::Third => "3NF",
            NormalForm::BoyceCodd => "BCNF",
        })
    }
}

/// A dependency that keeps a relation out of a normal form.
///
/// ```
/// use schema_core::advisor::normal_forms::Violation;
/// use schema_core::advisor::NormalForm;
/// use schema_core::FunctionalDependency as Fd;
/// let v = Violation { dependency: Fd::new(["zip"], ["city"]), breaks: NormalForm::Third };
/// assert_eq!(v.to_string(), "zip -> city breaks 3NF");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// The dependency (right side: every attribute it wrongly determines).
    pub dependency: FunctionalDependency,
    /// The lowest normal form it breaks.
    pub breaks: NormalForm,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} breaks {}", self.dependency, self.breaks)
    }
}

/// The normal-form analysis of a relation.
///
/// ```
/// use schema_core::advisor::normal_forms::Relation;
/// let analysis = Relation::new(["a"], &[]).unwrap().analyse();
/// assert!(analysis.complete && analysis.violations.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// The candidate keys.
    pub candidate_keys: Vec<Vec<String>>,
    /// The highest normal form reached.
    pub normal_form: NormalForm,
    /// Every violating dependency, lowest normal form first.
    pub violations: Vec<Violation>,
    /// False if a search hit its limit (too many keys, or keys too wide for the 2NF test); the
    /// result may then miss keys or partial dependencies.
    pub complete: bool,
}

impl Relation {
    /// Candidate keys, the highest normal form, and every violating dependency.
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::advisor::NormalForm;
    /// use schema_core::FunctionalDependency as Fd;
    /// // Emp(emp_id, name, dept_id, dept_name): dept_name depends on dept_id, not on the key.
    /// let r = Relation::new(["emp_id", "name", "dept_id", "dept_name"], &[
    ///     Fd::new(["emp_id"], ["name", "dept_id"]), Fd::new(["dept_id"], ["dept_name"]),
    /// ]).unwrap();
    /// let analysis = r.analyse();
    /// assert_eq!(analysis.normal_form, NormalForm::Second);
    /// assert_eq!(analysis.violations[0].to_string(), "dept_id -> dept_name breaks 3NF");
    /// ```
    pub fn analyse(&self) -> Analysis {
        let (keys, mut complete) = self.keys_bits();
        let prime: Attrs = keys.iter().fold(0, |p, k| p | k);
        let nonprime = self.all() & !prime;
        let is_superkey = |x: Attrs| self.closure_bits(x) == self.all();
        let mut violations: Vec<(Attrs, Attrs, NormalForm)> = Vec::new();

        // 2NF: a proper part of a key determines a non-prime attribute.
        let mut partial: Vec<(Attrs, Attrs)> = Vec::new();
        if keys.len() > MAX_KEYS_FOR_2NF {
            complete = false;
        }
        for key in keys.iter().take(MAX_KEYS_FOR_2NF) {
            let members: Vec<usize> = (0..self.attributes().len())
                .filter(|i| key >> i & 1 == 1)
                .collect();
            if members.len() > MAX_KEY_SIZE_FOR_2NF {
                complete = false;
                continue;
            }
            if members.len() < 2 {
                continue;
            }
            for size in 1..members.len() {
                let mut combination: Vec<usize> = (0..size).collect();
                loop {
                    let part = combination
                        .iter()
                        .fold(0 as Attrs, |bits, &i| bits | 1 << members[i]);
                    let determined = self.closure_bits(part) & nonprime & !part;
                    // Keep only what no smaller part already determines.
                    let new = partial
                        .iter()
                        .filter(|(p, _)| p & part == *p)
                        .fold(determined, |d, (_, r)| d & !r);
                    if new != 0 {
                        partial.push((part, new));
                    }
                    if !next_combination(&mut combination, members.len()) {
                        break;
                    }
                }
            }
        }
        for (part, determined) in partial {
            match violations
                .iter_mut()
                .find(|(l, _, nf)| *l == part && *nf == NormalForm::First)
            {
                Some(existing) => existing.1 |= determined,
                None => violations.push((part, determined, NormalForm::First)),
            }
        }

        // 3NF and BCNF, from the minimal cover.
        for dep in self.cover_bits() {
            if is_superkey(dep.lhs) {
                continue;
            }
            let within_key = keys.iter().any(|k| dep.lhs & k == dep.lhs);
            let breaks = if dep.rhs & nonprime != 0 {
                if within_key {
                    continue; // reported above as a partial dependency
                }
                NormalForm::Second
            } else {
                NormalForm::Third
            };
            match violations
                .iter_mut()
                .find(|(l, _, nf)| *l == dep.lhs && *nf == breaks)
            {
                Some(existing) => existing.1 |= dep.rhs,
                None => violations.push((dep.lhs, dep.rhs, breaks)),
            }
        }

        violations.sort_by_key(|(lhs, rhs, nf)| (*nf, self.order_key(*lhs), self.order_key(*rhs)));
        let normal_form = violations.first().map_or(NormalForm::BoyceCodd, |v| v.2);
        let mut sorted_keys = keys;
        sorted_keys.sort_by_key(|k| (k.count_ones(), self.order_key(*k)));
        Analysis {
            candidate_keys: sorted_keys.iter().map(|k| self.names_of(*k)).collect(),
            normal_form,
            violations: violations
                .into_iter()
                .map(|(lhs, rhs, reached)| Violation {
                    dependency: FunctionalDependency {
                        from: self.names_of(lhs),
                        to: self.names_of(rhs),
                    },
                    breaks: next(reached),
                })
                .collect(),
            complete,
        }
    }

    /// The highest normal form the relation reaches.
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::advisor::NormalForm;
    /// use schema_core::FunctionalDependency as Fd;
    /// let r = Relation::new(["a", "b"], &[Fd::new(["a"], ["b"])]).unwrap();
    /// assert_eq!(r.normal_form(), NormalForm::BoyceCodd);
    /// ```
    pub fn normal_form(&self) -> NormalForm {
        self.analyse().normal_form
    }
}

/// The normal form a violation breaks, from the highest one the relation still reaches.
fn next(reached: NormalForm) -> NormalForm {
    match reached {
        NormalForm::First => NormalForm::Second,
        NormalForm::Second => NormalForm::Third,
        NormalForm::Third | NormalForm::BoyceCodd => NormalForm::BoyceCodd,
    }
}
