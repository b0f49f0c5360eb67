//! Functional dependencies over a relation: attribute closure, minimal cover, candidate keys.
//!
//! Attribute sets are bit sets over the relation's attributes (at most [`MAX_ATTRIBUTES`]), so
//! every algorithm is deterministic and allocation-light. Exponential searches (candidate keys,
//! BCNF splits) are bounded by [`SEARCH_LIMIT`] subsets and say when they stopped early.

use crate::FunctionalDependency;

/// The most attributes a [`Relation`] can have.
///
/// ```
/// use schema_core::advisor::normal_forms::{Relation, MAX_ATTRIBUTES};
/// let names: Vec<String> = (0..=MAX_ATTRIBUTES).map(|i| format!("c{i}")).collect();
/// assert!(Relation::new(names, &[]).is_err());
/// ```
pub const MAX_ATTRIBUTES: usize = 128;

/// The most subsets an exhaustive search examines before it gives up.
///
/// ```
/// assert!(schema_core::advisor::normal_forms::SEARCH_LIMIT >= 1 << 16);
/// ```
pub const SEARCH_LIMIT: usize = 1 << 18;

/// A set of attributes, as bits over [`Relation::attributes`].
pub(crate) type Attrs = u128;

/// One dependency as bit sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dep {
    pub(crate) lhs: Attrs,
    pub(crate) rhs: Attrs,
}

/// A relation schema: named attributes and the functional dependencies that hold on it.
///
/// ```
/// use schema_core::advisor::normal_forms::Relation;
/// use schema_core::FunctionalDependency as Fd;
/// let r = Relation::new(["a", "b", "c"], &[Fd::new(["a"], ["b"]), Fd::new(["b"], ["c"])]).unwrap();
/// assert_eq!(r.closure(&["a"]), ["a", "b", "c"]);
/// assert_eq!(r.candidate_keys(), [vec!["a".to_string()]]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    names: Vec<String>,
    pub(crate) deps: Vec<Dep>,
}

impl Relation {
    /// A relation over `attributes` with dependencies `fds`; an error names an attribute that
    /// is not in the relation, a duplicate attribute, or too many attributes.
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::FunctionalDependency as Fd;
    /// assert!(Relation::new(["a"], &[Fd::new(["a"], ["z"])]).is_err());
    /// ```
    pub fn new<I, S>(attributes: I, fds: &[FunctionalDependency]) -> Result<Relation, String>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let names: Vec<String> = attributes.into_iter().map(Into::into).collect();
        if names.len() > MAX_ATTRIBUTES {
            return Err(format!(
                "{} attributes, more than the {MAX_ATTRIBUTES} the analysis handles",
                names.len()
            ));
        }
        for (i, name) in names.iter().enumerate() {
            if names[..i].contains(name) {
                return Err(format!("attribute `{name}` is listed twice"));
            }
        }
        let mut relation = Relation {
            names,
            deps: Vec::new(),
        };
        for fd in fds {
            let lhs = relation.bits_of(&fd.from)?;
            let rhs = relation.bits_of(&fd.to)?;
            relation.deps.push(Dep { lhs, rhs });
        }
        Ok(relation)
    }

    /// The attributes, in order.
    ///
    /// ```
    /// let r = schema_core::advisor::normal_forms::Relation::new(["a", "b"], &[]).unwrap();
    /// assert_eq!(r.attributes(), ["a", "b"]);
    /// ```
    pub fn attributes(&self) -> &[String] {
        &self.names
    }

    /// The dependencies as given.
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::FunctionalDependency as Fd;
    /// let r = Relation::new(["a", "b"], &[Fd::new(["a"], ["b"])]).unwrap();
    /// assert_eq!(r.dependencies()[0].to_string(), "a -> b");
    /// ```
    pub fn dependencies(&self) -> Vec<FunctionalDependency> {
        self.deps.iter().map(|d| self.fd(*d)).collect()
    }

    pub(crate) fn all(&self) -> Attrs {
        if self.names.len() == MAX_ATTRIBUTES {
            Attrs::MAX
        } else {
            (1 << self.names.len()) - 1
        }
    }

    fn bits_of<S: AsRef<str>>(&self, names: &[S]) -> Result<Attrs, String> {
        let mut bits = 0;
        for name in names {
            let name = name.as_ref();
            let index = self
                .names
                .iter()
                .position(|n| n == name)
                .ok_or_else(|| format!("`{name}` is not an attribute of the relation"))?;
            bits |= 1 << index;
        }
        Ok(bits)
    }

    /// The bits of `names`, ignoring names that are not attributes.
    pub(crate) fn bits_lenient<S: AsRef<str>>(&self, names: &[S]) -> Attrs {
        names
            .iter()
            .filter_map(|n| self.names.iter().position(|x| x == n.as_ref()))
            .fold(0, |bits, i| bits | 1 << i)
    }

    /// The attribute names in `bits`, in attribute order.
    pub(crate) fn names_of(&self, bits: Attrs) -> Vec<String> {
        self.names
            .iter()
            .enumerate()
            .filter(|(i, _)| bits >> i & 1 == 1)
            .map(|(_, n)| n.clone())
            .collect()
    }

    pub(crate) fn fd(&self, dep: Dep) -> FunctionalDependency {
        FunctionalDependency {
            from: self.names_of(dep.lhs),
            to: self.names_of(dep.rhs),
        }
    }

    /// The closure of `bits` under `deps`.
    pub(crate) fn closure_under(deps: &[Dep], bits: Attrs) -> Attrs {
        let mut closure = bits;
        loop {
            let before = closure;
            for dep in deps {
                if dep.lhs & !closure == 0 {
                    closure |= dep.rhs;
                }
            }
            if closure == before {
                return closure;
            }
        }
    }

    pub(crate) fn closure_bits(&self, bits: Attrs) -> Attrs {
        Self::closure_under(&self.deps, bits)
    }

    /// The attributes `attributes` determine (unknown names are ignored), in attribute order.
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::FunctionalDependency as Fd;
    /// let r = Relation::new(["zip", "city"], &[Fd::new(["zip"], ["city"])]).unwrap();
    /// assert_eq!(r.closure(&["zip"]), ["zip", "city"]);
    /// ```
    pub fn closure(&self, attributes: &[&str]) -> Vec<String> {
        self.names_of(self.closure_bits(self.bits_lenient(attributes)))
    }

    /// Whether `attributes` determine every attribute.
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::FunctionalDependency as Fd;
    /// let r = Relation::new(["a", "b"], &[Fd::new(["a"], ["b"])]).unwrap();
    /// assert!(r.is_superkey(&["a"]));
    /// assert!(!r.is_superkey(&["b"]));
    /// ```
    pub fn is_superkey(&self, attributes: &[&str]) -> bool {
        self.closure_bits(self.bits_lenient(attributes)) == self.all()
    }

    pub(crate) fn cover_bits(&self) -> Vec<Dep> {
        // 1. One attribute on each right-hand side, trivial parts dropped.
        let mut deps: Vec<Dep> = Vec::new();
        for dep in &self.deps {
            for i in 0..self.names.len() {
                let bit: Attrs = 1 << i;
                if dep.rhs & bit != 0 && dep.lhs & bit == 0 {
                    let single = Dep {
                        lhs: dep.lhs,
                        rhs: bit,
                    };
                    if !deps.contains(&single) {
                        deps.push(single);
                    }
                }
            }
        }
        // 2. No extraneous attribute on a left-hand side.
        for k in 0..deps.len() {
            for i in 0..self.names.len() {
                let bit: Attrs = 1 << i;
                let lhs = deps[k].lhs;
                if lhs & bit != 0 && lhs != bit {
                    let reduced = lhs & !bit;
                    if Self::closure_under(&deps, reduced) & deps[k].rhs != 0 {
                        deps[k].lhs = reduced;
                    }
                }
            }
        }
        let mut unique: Vec<Dep> = Vec::new();
        for dep in deps {
            if !unique.contains(&dep) {
                unique.push(dep);
            }
        }
        // 3. No redundant dependency.
        let mut k = 0;
        while k < unique.len() {
            let dep = unique[k];
            let rest: Vec<Dep> = unique
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, d)| *d)
                .collect();
            if Self::closure_under(&rest, dep.lhs) & dep.rhs != 0 {
                unique.remove(k);
            } else {
                k += 1;
            }
        }
        unique.sort_by_key(|d| (self.order_key(d.lhs), self.order_key(d.rhs)));
        unique
    }

    /// Sorts sets by their attribute positions, lexicographically.
    pub(crate) fn order_key(&self, bits: Attrs) -> Vec<usize> {
        (0..self.names.len())
            .filter(|i| bits >> i & 1 == 1)
            .collect()
    }

    /// A minimal cover: single attributes on the right, no extraneous attribute on the left, no
    /// redundant dependency; equivalent to the given dependencies.
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::FunctionalDependency as Fd;
    /// let r = Relation::new(["a", "b", "c"], &[
    ///     Fd::new(["a"], ["b", "c"]), Fd::new(["b"], ["c"]), Fd::new(["a", "b"], ["c"]),
    /// ]).unwrap();
    /// let cover: Vec<String> = r.minimal_cover().iter().map(|f| f.to_string()).collect();
    /// assert_eq!(cover, ["a -> b", "b -> c"]);
    /// ```
    pub fn minimal_cover(&self) -> Vec<FunctionalDependency> {
        self.cover_bits().into_iter().map(|d| self.fd(d)).collect()
    }

    /// Candidate keys as bit sets, smallest first; `false` if the search hit its limit.
    pub(crate) fn keys_bits(&self) -> (Vec<Attrs>, bool) {
        let all = self.all();
        let (mut lhs_any, mut rhs_any) = (0, 0);
        for dep in &self.deps {
            let rhs = dep.rhs & !dep.lhs;
            lhs_any |= dep.lhs;
            rhs_any |= rhs;
        }
        // In every key: attributes no dependency determines. In none: those only determined.
        let core = all & !rhs_any;
        if self.closure_bits(core) == all {
            return (vec![core], true);
        }
        let middle: Vec<usize> = (0..self.names.len())
            .filter(|i| (lhs_any & rhs_any) >> i & 1 == 1)
            .collect();
        let mut keys: Vec<Attrs> = Vec::new();
        let mut examined = 0usize;
        for size in 1..=middle.len() {
            let mut combination: Vec<usize> = (0..size).collect();
            loop {
                examined += 1;
                if examined > SEARCH_LIMIT {
                    return (keys, false);
                }
                let candidate = combination
                    .iter()
                    .fold(core, |bits, &i| bits | 1 << middle[i]);
                if !keys.iter().any(|k| k & candidate == *k) && self.closure_bits(candidate) == all
                {
                    keys.push(candidate);
                }
                if !next_combination(&mut combination, middle.len()) {
                    break;
                }
            }
        }
        (keys, true)
    }

    /// Every candidate key (minimal set of attributes determining all), smallest first, then in
    /// attribute order.
    ///
    /// ```
    /// use schema_core::advisor::normal_forms::Relation;
    /// use schema_core::FunctionalDependency as Fd;
    /// // The classic: street, city -> zip; zip -> city.
    /// let r = Relation::new(["street", "city", "zip"], &[
    ///     Fd::new(["street", "city"], ["zip"]), Fd::new(["zip"], ["city"]),
    /// ]).unwrap();
    /// assert_eq!(r.candidate_keys(), [vec!["street", "city"], vec!["street", "zip"]]);
    /// ```
    pub fn candidate_keys(&self) -> Vec<Vec<String>> {
        self.keys_bits()
            .0
            .into_iter()
            .map(|k| self.names_of(k))
            .collect()
    }
}

/// Advances `combination` (sorted indices below `n`) to the next one in lexicographic order.
pub(crate) fn next_combination(combination: &mut [usize], n: usize) -> bool {
    let k = combination.len();
    let mut i = k;
    while i > 0 {
        i -= 1;
        if combination[i] < n - k + i {
            combination[i] += 1;
            for j in i + 1..k {
                combination[j] = combination[j - 1] + 1;
            }
            return true;
        }
    }
    false
}
