//! Decompositions: 3NF synthesis (lossless and dependency preserving) and BCNF decomposition
//! (lossless, naming the dependencies it loses), with the tests that prove both properties.

use serde::{Deserialize, Serialize};

use super::fd::{Attrs, Dep, Relation, SEARCH_LIMIT, next_combination};
use crate::FunctionalDependency;

/// A BCNF decomposition and the dependencies it cannot preserve.
///
/// ```
/// use schema_core::advisor::normal_forms::Relation;
/// use schema_core::FunctionalDependency as Fd;
/// let r = Relation::new(["a", "b"], &[Fd::new(["a"], ["b"])]).unwrap();
/// let bcnf = r.bcnf_decomposition();
/// assert_eq!(bcnf.relations, [vec!["a", "b"]]);
/// assert!(bcnf.lost.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bcnf {
    /// The relations, each a list of attributes in the original order.
    pub relations: Vec<Vec<String>>,
    /// Dependencies of the minimal cover no relation (nor their combination) enforces.
    pub lost: Vec<FunctionalDependency>,
}

impl Relation {
    fn decomposition_bits(&self, decomposition: &[Vec<String>]) -> Vec<Attrs> {
        decomposition.iter().map(|r| self.bits_lenient(r)).collect()
    }

    /// The 3NF synthesis (Bernstein): one relation per left-hand side of the minimal cover,
    /// plus a candidate key if no relation holds one, minus relations contained in others.
    /// Always lossless and dependency preserving.
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::FunctionalDependency as Fd;
    /// let r = Relation::new(["emp", "dept", "dept_name"], &[
    ///     Fd::new(["emp"], ["dept"]), Fd::new(["dept"], ["dept_name"]),
    /// ]).unwrap();
    /// assert_eq!(r.synthesize_3nf(), [vec!["emp", "dept"], vec!["dept", "dept_name"]]);
    /// ```
    pub fn synthesize_3nf(&self) -> Vec<Vec<String>> {
        let cover = self.cover_bits();
        let mut schemas: Vec<Attrs> = Vec::new();
        for dep in &cover {
            let grouped = cover
                .iter()
                .filter(|d| d.lhs == dep.lhs)
                .fold(dep.lhs, |bits, d| bits | d.rhs);
            if !schemas.contains(&grouped) {
                schemas.push(grouped);
            }
        }
        let (keys, _) = self.keys_bits();
        let has_key = keys
            .iter()
            .any(|key| schemas.iter().any(|s| s & key == *key));
        if !has_key {
            schemas.push(keys.first().copied().unwrap_or_else(|| self.all()));
        }
        // Drop schemas contained in another (the first of equal ones stays).
        let mut kept: Vec<Attrs> = Vec::new();
        for (i, s) in schemas.iter().enumerate() {
            let contained = schemas
                .iter()
                .enumerate()
                .any(|(j, t)| j != i && s & t == *s && (s != t || j < i));
            if !contained {
                kept.push(*s);
            }
        }
        kept.iter().map(|s| self.names_of(*s)).collect()
    }

    /// A non-trivial `X` within `relation` whose closure (restricted to `relation`) is neither `X`
    /// nor all of `relation`: a BCNF violation of the projected dependencies.
    fn bcnf_violation(&self, relation: Attrs) -> Option<Attrs> {
        let violates = |x: Attrs| {
            let c = self.closure_bits(x) & relation;
            c != x && c != relation
        };
        // The given left-hand sides first: they find almost every violation at once.
        for dep in self.cover_bits() {
            if dep.lhs & relation == dep.lhs && violates(dep.lhs) {
                return Some(dep.lhs);
            }
        }
        let members: Vec<usize> = (0..self.attributes().len())
            .filter(|i| relation >> i & 1 == 1)
            .collect();
        let mut examined = 0;
        for size in 1..members.len() {
            let mut combination: Vec<usize> = (0..size).collect();
            loop {
                examined += 1;
                if examined > SEARCH_LIMIT {
                    return None;
                }
                let x = combination
                    .iter()
                    .fold(0 as Attrs, |bits, &i| bits | 1 << members[i]);
                if violates(x) {
                    return Some(x);
                }
                if !next_combination(&mut combination, members.len()) {
                    break;
                }
            }
        }
        None
    }

    /// A BCNF decomposition by repeated splitting on a violating determinant `X`: into `X+` and
    /// `X ∪ (R − X+)`. Always lossless; the dependencies it cannot preserve are named.
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::FunctionalDependency as Fd;
    /// let r = Relation::new(["street", "city", "zip"], &[
    ///     Fd::new(["street", "city"], ["zip"]), Fd::new(["zip"], ["city"]),
    /// ]).unwrap();
    /// let bcnf = r.bcnf_decomposition();
    /// assert_eq!(bcnf.relations, [vec!["city", "zip"], vec!["street", "zip"]]);
    /// assert_eq!(bcnf.lost[0].to_string(), "street, city -> zip");
    /// ```
    pub fn bcnf_decomposition(&self) -> Bcnf {
        let mut work = vec![self.all()];
        let mut done: Vec<Attrs> = Vec::new();
        while let Some(relation) = work.pop() {
            match self.bcnf_violation(relation) {
                Some(x) => {
                    let closure = self.closure_bits(x) & relation;
                    // Pushed in reverse so the determined part comes out first.
                    work.push(x | (relation & !closure));
                    work.push(closure);
                }
                None => {
                    if !done.iter().any(|d| relation & d == relation) {
                        done.retain(|d| d & relation != *d);
                        done.push(relation);
                    }
                }
            }
        }
        let relations: Vec<Vec<String>> = done.iter().map(|r| self.names_of(*r)).collect();
        let lost = self.lost_dependencies(&relations);
        Bcnf { relations, lost }
    }

    /// The dependencies of the minimal cover that `decomposition` does not preserve (the
    /// standard test: grow `X` by closures taken within each relation until it stops).
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::FunctionalDependency as Fd;
    /// let r = Relation::new(["a", "b", "c"], &[Fd::new(["a"], ["b"]), Fd::new(["b"], ["c"])]).unwrap();
    /// assert!(r.lost_dependencies(&[vec!["a".into(), "b".into()], vec!["b".into(), "c".into()]]).is_empty());
    /// assert_eq!(r.lost_dependencies(&[vec!["a".into(), "b".into()], vec!["a".into(), "c".into()]]).len(), 1);
    /// ```
    pub fn lost_dependencies(&self, decomposition: &[Vec<String>]) -> Vec<FunctionalDependency> {
        let parts = self.decomposition_bits(decomposition);
        self.cover_bits()
            .into_iter()
            .filter(|dep| !self.preserves(&parts, *dep))
            .map(|dep| self.fd(dep))
            .collect()
    }

    fn preserves(&self, parts: &[Attrs], dep: Dep) -> bool {
        let mut z = dep.lhs;
        loop {
            let before = z;
            for part in parts {
                z |= self.closure_bits(z & part) & part;
            }
            if z == before {
                return dep.rhs & !z == 0;
            }
        }
    }

    /// Whether `decomposition` is a lossless join of the relation, by the chase: a tableau
    /// with one row per relation is repaired with every dependency until a row is all
    /// distinguished (lossless) or nothing changes (lossy).
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::FunctionalDependency as Fd;
    /// let r = Relation::new(["a", "b", "c"], &[Fd::new(["a"], ["b"])]).unwrap();
    /// assert!(r.is_lossless(&[vec!["a".into(), "b".into()], vec!["a".into(), "c".into()]]));
    /// assert!(!r.is_lossless(&[vec!["a".into(), "b".into()], vec!["b".into(), "c".into()]]));
    /// ```
    pub fn is_lossless(&self, decomposition: &[Vec<String>]) -> bool {
        let parts = self.decomposition_bits(decomposition);
        let n = self.attributes().len();
        // 0 = the distinguished symbol of a column; anything else a row-specific one.
        let mut tableau: Vec<Vec<usize>> = parts
            .iter()
            .enumerate()
            .map(|(row, part)| {
                (0..n)
                    .map(|col| {
                        if part >> col & 1 == 1 {
                            0
                        } else {
                            1 + row * n + col
                        }
                    })
                    .collect()
            })
            .collect();
        let deps = self.cover_bits();
        loop {
            let mut changed = false;
            for dep in &deps {
                let lhs: Vec<usize> = (0..n).filter(|i| dep.lhs >> i & 1 == 1).collect();
                let rhs: Vec<usize> = (0..n).filter(|i| dep.rhs >> i & 1 == 1).collect();
                for r1 in 0..tableau.len() {
                    for r2 in r1 + 1..tableau.len() {
                        if !lhs.iter().all(|&c| tableau[r1][c] == tableau[r2][c]) {
                            continue;
                        }
                        for &c in &rhs {
                            let (a, b) = (tableau[r1][c], tableau[r2][c]);
                            if a != b {
                                let (keep, drop) = (a.min(b), a.max(b));
                                for row in tableau.iter_mut() {
                                    if row[c] == drop {
                                        row[c] = keep;
                                    }
                                }
                                changed = true;
                            }
                        }
                    }
                }
            }
            if tableau.iter().any(|row| row.iter().all(|&s| s == 0)) {
                return true;
            }
            if !changed {
                return false;
            }
        }
    }
}
