//! The dialect-free document both dictionary formats render.

/// A dictionary document: a title and blocks in reading order.
///
/// ```
/// use schema_dialects::dictionary::{Block, Cell, Document};
/// let doc = Document {
///     title: "Data dictionary".into(),
///     blocks: vec![Block::Table { headers: vec!["a".into()], rows: vec![vec![Cell::code("x")]] }],
/// };
/// assert_eq!(doc.blocks.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The page title.
    pub title: String,
    /// The content.
    pub blocks: Vec<Block>,
}

/// One block of a [`Document`].
///
/// ```
/// use schema_dialects::dictionary::Block;
/// let heading = Block::Heading { level: 2, text: "invoices".into(), anchor: "table-invoices".into() };
/// assert!(matches!(heading, Block::Heading { level: 2, .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Block {
    /// A heading with a stable anchor for links.
    Heading {
        /// 2 for an object, 3 for a section of it.
        level: u8,
        /// The text.
        text: String,
        /// The anchor (`id`), unique in the document.
        anchor: String,
    },
    /// A paragraph of cells (text, code, links) run together.
    Paragraph(Vec<Cell>),
    /// A table.
    Table {
        /// Column headers.
        headers: Vec<String>,
        /// Rows, each as long as `headers`; a cell holds several parts run together.
        rows: Vec<Vec<Cell>>,
    },
}

/// Inline content.
///
/// ```
/// use schema_dialects::dictionary::Cell;
/// assert_eq!(Cell::text("a"), Cell::Text("a".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cell {
    /// Plain text.
    Text(String),
    /// Code (a name, a type, an expression).
    Code(String),
    /// A link to an anchor of the document.
    Link {
        /// The shown text (rendered as code).
        text: String,
        /// The target anchor.
        anchor: String,
    },
    /// Several parts, run together.
    Parts(Vec<Cell>),
    /// Nothing (an empty cell).
    Empty,
}

impl Cell {
    /// Plain text.
    ///
    /// ```
    /// assert_eq!(schema_dialects::dictionary::Cell::text("x"), schema_dialects::dictionary::Cell::Text("x".into()));
    /// ```
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// Code.
    ///
    /// ```
    /// assert_eq!(schema_dialects::dictionary::Cell::code("x"), schema_dialects::dictionary::Cell::Code("x".into()));
    /// ```
    pub fn code(text: impl Into<String>) -> Cell {
        Cell::Code(text.into())
    }
}

/// The anchor of a table's heading: `table-` and the name with everything but ASCII letters,
/// digits, `-` and `_` replaced by `-`, plus a hash when anything was replaced.
pub(crate) fn table_anchor(name: &str) -> String {
    let plain: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if plain == name {
        format!("table-{plain}")
    } else {
        let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        format!("table-{plain}-{hash:08x}")
    }
}
