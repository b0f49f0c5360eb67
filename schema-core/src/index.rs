//! Secondary indexes: columns and expressions, access methods, sort order, included columns.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Engine;

/// An index over columns and/or expressions.
///
/// The key is the [`columns`](Index::columns) in order, followed by the
/// [`expressions`](Index::expressions). Everything past `columns`, `unique` and `predicate` is
/// optional and left out of the serialized form when unset, so older snapshots stay valid.
///
/// ```
/// use schema_core::{Engine, Index, IndexMethod, KeyPart};
/// let by_email = Index::on_expression("lower(email)").unique();
/// assert_eq!(by_email.expressions, ["lower(email)"]);
/// let trigram = Index::on(["title"])
///     .using(IndexMethod::Gin)
///     .part("title", KeyPart::new().opclass("gin_trgm_ops"))
///     .only_on([Engine::Postgres]);
/// assert_eq!(trigram.parts["title"].opclass.as_deref(), Some("gin_trgm_ops"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    /// The index name; filled with `<table>_<columns>_idx` when left empty.
    pub name: String,
    /// The indexed columns, in order.
    pub columns: Vec<String>,
    /// Whether the index enforces uniqueness.
    #[serde(default)]
    pub unique: bool,
    /// A partial index's predicate (`WHERE ...`), as SQL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<String>,
    /// Expression key parts (SQL, e.g. `lower(email)`), after the columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expressions: Vec<String>,
    /// The access method; `None` is the engine's default (a B-tree everywhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<IndexMethod>,
    /// Sort order, NULLS placement, operator class and prefix length of key columns, by column.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parts: BTreeMap<String, KeyPart>,
    /// Non-key columns stored in the index (`INCLUDE (...)`), for index-only scans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// For a unique index: NULLs are equal to each other, so only one row may hold NULL.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nulls_not_distinct: bool,
    /// The engines that get this index; empty means every engine. Elsewhere it is skipped on
    /// purpose, and the script says so in a comment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engines: Vec<Engine>,
}

/// An index access method.
///
/// ```
/// use schema_core::IndexMethod;
/// assert_eq!(IndexMethod::SpGist.to_string(), "spgist");
/// assert_eq!(IndexMethod::from_key("gin"), Some(IndexMethod::Gin));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexMethod {
    /// A B-tree: equality and range lookups, sorting.
    #[serde(rename = "btree")]
    BTree,
    /// A hash index: equality only.
    Hash,
    /// An inverted index (PostgreSQL GIN): JSON containment, arrays, trigrams, full text.
    Gin,
    /// A generalized search tree (PostgreSQL GiST): ranges, geometry, exclusion constraints.
    Gist,
    /// A block-range index (PostgreSQL BRIN): large, naturally ordered tables.
    Brin,
    /// A space-partitioned GiST (PostgreSQL SP-GiST): prefixes, points, inet.
    #[serde(rename = "spgist")]
    SpGist,
    /// A full-text index (MySQL `FULLTEXT`).
    #[serde(rename = "fulltext")]
    FullText,
}

impl IndexMethod {
    /// Every method, in a stable order.
    pub const ALL: [IndexMethod; 7] = [
        IndexMethod::BTree,
        IndexMethod::Hash,
        IndexMethod::Gin,
        IndexMethod::Gist,
        IndexMethod::Brin,
        IndexMethod::SpGist,
        IndexMethod::FullText,
    ];

    /// The lowercase key used in attributes: `btree`, `hash`, `gin`, `gist`, `brin`, `spgist`,
    /// `fulltext`.
    ///
    /// ```
    /// assert_eq!(schema_core::IndexMethod::BTree.key(), "btree");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            IndexMethod::BTree => "btree",
            IndexMethod::Hash => "hash",
            IndexMethod::Gin => "gin",
            IndexMethod::Gist => "gist",
            IndexMethod::Brin => "brin",
            IndexMethod::SpGist => "spgist",
            IndexMethod::FullText => "fulltext",
        }
    }

    /// Looks a method up by its [`key`](IndexMethod::key).
    pub fn from_key(key: &str) -> Option<IndexMethod> {
        IndexMethod::ALL.into_iter().find(|m| m.key() == key)
    }
}

impl fmt::Display for IndexMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Options of one key column of an index.
///
/// ```
/// use schema_core::{KeyPart, NullsOrder, SortOrder};
/// let part = KeyPart::new().desc().nulls_last();
/// assert_eq!((part.order, part.nulls), (Some(SortOrder::Desc), Some(NullsOrder::Last)));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyPart {
    /// Ascending (the default) or descending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<SortOrder>,
    /// Where NULLs sort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nulls: Option<NullsOrder>,
    /// A PostgreSQL operator class, e.g. `jsonb_path_ops` or `gin_trgm_ops`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opclass: Option<String>,
    /// Index only the first `n` characters (MySQL prefix index).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<u32>,
}

impl KeyPart {
    /// No options: ascending, the engine's NULL placement, default operator class.
    pub fn new() -> Self {
        KeyPart::default()
    }

    /// Sorts descending.
    pub fn desc(mut self) -> Self {
        self.order = Some(SortOrder::Desc);
        self
    }

    /// Sorts ascending (explicitly).
    pub fn asc(mut self) -> Self {
        self.order = Some(SortOrder::Asc);
        self
    }

    /// NULLs sort before other values.
    pub fn nulls_first(mut self) -> Self {
        self.nulls = Some(NullsOrder::First);
        self
    }

    /// NULLs sort after other values.
    pub fn nulls_last(mut self) -> Self {
        self.nulls = Some(NullsOrder::Last);
        self
    }

    /// Sets the operator class.
    pub fn opclass(mut self, opclass: impl Into<String>) -> Self {
        self.opclass = Some(opclass.into());
        self
    }

    /// Indexes only the first `length` characters.
    pub fn prefix(mut self, length: u32) -> Self {
        self.prefix = Some(length);
        self
    }
}

/// A key column's sort order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// `ASC`.
    Asc,
    /// `DESC`.
    Desc,
}

/// Where NULLs sort in an index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NullsOrder {
    /// `NULLS FIRST`.
    First,
    /// `NULLS LAST`.
    Last,
}

/// An exclusion constraint (PostgreSQL `EXCLUDE USING gist (...)`): no two rows may have every
/// element's operator return true, e.g. no two bookings of one room with overlapping periods.
///
/// ```
/// use schema_core::{Exclusion, IndexMethod};
/// let no_overlap = Exclusion::using(IndexMethod::Gist).element("room_id", "=").element("during", "&&");
/// assert_eq!(no_overlap.elements.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    /// The constraint name; filled with `<table>_<columns>_excl` when left empty.
    pub name: String,
    /// The index method that enforces it (GiST for ranges; `=` on scalars then needs the
    /// `btree_gist` extension).
    pub method: IndexMethod,
    /// `(column or expression, operator)` pairs.
    pub elements: Vec<ExclusionElement>,
    /// Only rows matching this SQL predicate take part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<String>,
    /// The engines that get this constraint; empty means every engine.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engines: Vec<Engine>,
}

/// One element of an [`Exclusion`]: a column (or SQL expression) and the operator that must
/// not hold between two rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExclusionElement {
    /// A column name, or an SQL expression.
    pub expr: String,
    /// The operator, e.g. `=` or `&&`.
    pub operator: String,
}

impl Exclusion {
    /// Whether the constraint is created on `engine`.
    ///
    /// ```
    /// use schema_core::{Engine, Exclusion, IndexMethod};
    /// let e = Exclusion::using(IndexMethod::Gist).only_on([Engine::Postgres]);
    /// assert!(!e.applies_to(Engine::MySql));
    /// ```
    pub fn applies_to(&self, engine: Engine) -> bool {
        engine.in_scope(&self.engines)
    }

    /// An exclusion constraint enforced by an index of `method`; add elements with
    /// [`element`](Exclusion::element).
    pub fn using(method: IndexMethod) -> Self {
        Exclusion {
            name: String::new(),
            method,
            elements: Vec::new(),
            predicate: None,
            engines: Vec::new(),
        }
    }

    /// Adds `expr WITH operator`.
    pub fn element(mut self, expr: impl Into<String>, operator: impl Into<String>) -> Self {
        self.elements.push(ExclusionElement {
            expr: expr.into(),
            operator: operator.into(),
        });
        self
    }

    /// Sets the constraint name.
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Only rows matching `predicate` take part.
    pub fn filter(mut self, predicate: impl Into<String>) -> Self {
        self.predicate = Some(predicate.into());
        self
    }

    /// Creates the constraint only on these engines (skipped elsewhere on purpose).
    pub fn only_on(mut self, engines: impl IntoIterator<Item = Engine>) -> Self {
        self.engines = canonical_engines(engines);
        self
    }

    /// The element expressions that are plain column names of no more than an identifier.
    pub fn element_columns(&self) -> Vec<String> {
        self.elements
            .iter()
            .filter(|e| is_plain_name(&e.expr))
            .map(|e| e.expr.clone())
            .collect()
    }
}

/// Whether `text` is a bare identifier (letters, digits, underscores), i.e. a column name.
pub(crate) fn is_plain_name(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !text.starts_with(|c: char| c.is_ascii_digit())
}

/// Sorted, without duplicates.
pub(crate) fn canonical_engines(engines: impl IntoIterator<Item = Engine>) -> Vec<Engine> {
    let mut engines: Vec<Engine> = engines.into_iter().collect();
    engines.sort();
    engines.dedup();
    engines
}
