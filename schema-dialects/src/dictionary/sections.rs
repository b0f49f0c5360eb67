//! What the dictionary says about each kind of object. One builder per kind; views, triggers,
//! policies, roles and grants get their own builder here once the model has them, appended in
//! [`document`].

use std::collections::HashMap;

use schema_core::erd::{Cardinality, Erd, Relationship};
use schema_core::{ColumnDefault, Engine, Literal, Schema, TableDef};

use super::document::{Block, Cell, Document, table_anchor};
use crate::{dialect, types};

pub(super) fn document(schema: &Schema, engines: &[Engine]) -> Document {
    let erd = Erd::from_schema(schema);
    let relationships = Relationships::of(&erd);
    let mut blocks = vec![overview(schema)];
    for table in &schema.tables {
        table_sections(&mut blocks, table, &relationships, engines);
    }
    let names = schema_core::RelationNames::of(schema);
    for view in &schema.views {
        super::objects::view_sections(&mut blocks, &names, view);
    }
    Document {
        title: "Data dictionary".to_string(),
        blocks,
    }
}

/// The relationships of each table, grouped once (a table's sections then need no scan of
/// every relationship of the schema).
#[derive(Default)]
struct Relationships<'a> {
    /// By the referencing table, in relationship order.
    outgoing: HashMap<&'a str, Vec<&'a Relationship>>,
    /// By the referenced table, in relationship order.
    incoming: HashMap<&'a str, Vec<&'a Relationship>>,
}

impl<'a> Relationships<'a> {
    fn of(erd: &'a Erd) -> Self {
        let mut grouped = Relationships::default();
        for rel in &erd.relationships {
            grouped.outgoing.entry(&rel.child).or_default().push(rel);
            grouped.incoming.entry(&rel.parent).or_default().push(rel);
        }
        grouped
    }
}

/// The list of tables with their purpose.
fn overview(schema: &Schema) -> Block {
    Block::Table {
        headers: vec!["Table".into(), "Purpose".into()],
        rows: schema
            .tables
            .iter()
            .map(|table| {
                vec![
                    Cell::Link {
                        text: table.name.clone(),
                        anchor: table_anchor(&table.name),
                    },
                    table.comment.clone().map_or(Cell::Empty, Cell::Text),
                ]
            })
            .chain(schema.views.iter().map(|view| {
                vec![
                    Cell::Parts(vec![
                        Cell::Link {
                            text: view.name.clone(),
                            anchor: table_anchor(&view.name),
                        },
                        Cell::text(" (view)"),
                    ]),
                    view.comment.clone().map_or(Cell::Empty, Cell::Text),
                ]
            }))
            .collect(),
    }
}

fn table_sections(
    blocks: &mut Vec<Block>,
    table: &TableDef,
    relationships: &Relationships,
    engines: &[Engine],
) {
    let anchor = table_anchor(&table.name);
    blocks.push(Block::Heading {
        level: 2,
        text: table.name.clone(),
        anchor: anchor.clone(),
    });
    if let Some(comment) = &table.comment {
        blocks.push(Block::Paragraph(vec![Cell::text(comment.clone())]));
    }
    blocks.extend(super::objects::table_notes(table));
    blocks.push(columns(table, engines));
    let constraints = constraints(table);
    if !constraints.is_empty() {
        blocks.push(sub_heading("Constraints", &anchor, "constraints"));
        blocks.push(Block::Table {
            headers: vec!["Name".into(), "Kind".into(), "Definition".into()],
            rows: constraints,
        });
    }
    if !table.indexes.is_empty() {
        blocks.push(sub_heading("Indexes", &anchor, "indexes"));
        blocks.push(Block::Table {
            headers: vec![
                "Name".into(),
                "Columns".into(),
                "Unique".into(),
                "Where".into(),
            ],
            rows: table
                .indexes
                .iter()
                .map(|index| {
                    vec![
                        Cell::code(index.name.clone()),
                        Cell::code(index.columns.join(", ")),
                        Cell::text(if index.unique { "yes" } else { "no" }),
                        index.predicate.clone().map_or(Cell::Empty, Cell::Code),
                    ]
                })
                .collect(),
        });
    }
    let outgoing = relationships
        .outgoing
        .get(table.name.as_str())
        .map_or(&[][..], Vec::as_slice);
    if !outgoing.is_empty() {
        blocks.push(sub_heading("Foreign keys", &anchor, "foreign-keys"));
        blocks.push(Block::Table {
            headers: vec![
                "Name".into(),
                "Columns".into(),
                "References".into(),
                "Cardinality".into(),
                "On delete".into(),
                "On update".into(),
            ],
            rows: outgoing
                .iter()
                .map(|rel| {
                    vec![
                        Cell::code(rel.name.clone()),
                        Cell::code(rel.child_columns.join(", ")),
                        reference(&rel.parent, &rel.parent_columns),
                        Cell::text(cardinality(rel.child_side, rel.parent_side)),
                        Cell::text(rel.on_delete.to_string()),
                        Cell::text(rel.on_update.to_string()),
                    ]
                })
                .collect(),
        });
    }
    let incoming = relationships
        .incoming
        .get(table.name.as_str())
        .map_or(&[][..], Vec::as_slice);
    if !incoming.is_empty() {
        blocks.push(sub_heading("Referenced by", &anchor, "referenced-by"));
        blocks.push(Block::Table {
            headers: vec!["Table".into(), "Columns".into(), "Foreign key".into()],
            rows: incoming
                .iter()
                .map(|rel| {
                    vec![
                        Cell::Link {
                            text: rel.child.clone(),
                            anchor: table_anchor(&rel.child),
                        },
                        Cell::code(rel.child_columns.join(", ")),
                        Cell::code(rel.name.clone()),
                    ]
                })
                .collect(),
        });
    }
}

fn sub_heading(text: &str, table_anchor: &str, suffix: &str) -> Block {
    Block::Heading {
        level: 3,
        text: text.to_string(),
        anchor: format!("{table_anchor}-{suffix}"),
    }
}

fn reference(table: &str, columns: &[String]) -> Cell {
    Cell::Parts(vec![
        Cell::Link {
            text: table.to_string(),
            anchor: table_anchor(table),
        },
        Cell::text(" "),
        Cell::code(format!("({})", columns.join(", "))),
    ])
}

/// "many to one", "zero-or-one to one", ... read from the referencing table's side.
fn cardinality(child: Cardinality, parent: Cardinality) -> String {
    let side = |c: Cardinality| match c {
        Cardinality::ExactlyOne => "exactly one",
        Cardinality::ZeroOrOne => "zero or one",
        _ => "zero or many",
    };
    format!("{} to {}", side(child), side(parent))
}

fn columns(table: &TableDef, engines: &[Engine]) -> Block {
    let mut headers = vec!["Column".to_string()];
    headers.extend(engines.iter().map(|engine| engine.to_string()));
    headers.extend([
        "Null".into(),
        "Default".into(),
        "Key".into(),
        "Comment".into(),
    ]);
    let rows = table
        .columns
        .iter()
        .map(|column| {
            let mut row = vec![Cell::code(column.name.clone())];
            for engine in engines {
                row.push(
                    match types::column_type(dialect(*engine), &table.name, column) {
                        Ok(name) => Cell::Code(name),
                        Err(_) => Cell::text("(no type)"),
                    },
                );
            }
            row.push(Cell::text(if column.nullable { "yes" } else { "no" }));
            row.push(match (&column.identity, &column.default) {
                (Some(_), _) => Cell::text("identity"),
                (None, Some(default)) => default_cell(default),
                (None, None) => Cell::Empty,
            });
            row.push(key_cell(table, &column.name));
            row.push(column.comment.clone().map_or(Cell::Empty, Cell::Text));
            row
        })
        .collect();
    Block::Table { headers, rows }
}

fn default_cell(default: &ColumnDefault) -> Cell {
    #[allow(unreachable_patterns)] // the model gains variants; they show as their debug form
    match default {
        ColumnDefault::Value(Literal::Text(text)) => Cell::code(format!("'{text}'")),
        ColumnDefault::Value(Literal::Int(i)) => Cell::code(i.to_string()),
        ColumnDefault::Value(Literal::Bool(b)) => Cell::code(b.to_string()),
        ColumnDefault::Value(Literal::Number(n)) => Cell::code(n.clone()),
        ColumnDefault::Now => Cell::text("now"),
        ColumnDefault::CurrentDate => Cell::text("current date"),
        ColumnDefault::Sql(sql) => Cell::code(sql.clone()),
        other => Cell::code(format!("{other:?}")),
    }
}

fn key_cell(table: &TableDef, column: &str) -> Cell {
    let mut parts = Vec::new();
    if table
        .primary_key
        .as_ref()
        .is_some_and(|pk| pk.columns.iter().any(|c| c == column))
    {
        parts.push(Cell::text("PK"));
    }
    for unique in &table.uniques {
        if unique.columns.iter().any(|c| c == column) {
            parts.push(Cell::text("UK"));
            break;
        }
    }
    for fk in &table.foreign_keys {
        if let Some(position) = fk.columns.iter().position(|c| c == column) {
            if !parts.is_empty() {
                parts.push(Cell::text(" "));
            }
            parts.push(Cell::text("FK → "));
            parts.push(Cell::Link {
                text: fk.references.clone(),
                anchor: table_anchor(&fk.references),
            });
            if let Some(target) = fk.referenced_columns.get(position) {
                parts.push(Cell::code(format!(".{target}")));
            }
        }
    }
    // Separate PK and UK with a space when both are present.
    let mut spaced = Vec::new();
    for part in parts {
        if let (Some(Cell::Text(previous)), Cell::Text(next)) = (spaced.last(), &part)
            && !previous.ends_with(' ')
            && (next == "UK")
        {
            spaced.push(Cell::text(" "));
        }
        spaced.push(part);
    }
    if spaced.is_empty() {
        Cell::Empty
    } else {
        Cell::Parts(spaced)
    }
}

fn constraints(table: &TableDef) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    if let Some(pk) = &table.primary_key {
        rows.push(vec![
            Cell::code(pk.name.clone()),
            Cell::text("PRIMARY KEY"),
            Cell::code(format!("({})", pk.columns.join(", "))),
        ]);
    }
    for unique in &table.uniques {
        rows.push(vec![
            Cell::code(unique.name.clone()),
            Cell::text("UNIQUE"),
            Cell::code(format!("({})", unique.columns.join(", "))),
        ]);
    }
    for check in &table.checks {
        rows.push(vec![
            Cell::code(check.name.clone()),
            Cell::text("CHECK"),
            Cell::code(check.expr.clone()),
        ]);
    }
    for fk in &table.foreign_keys {
        rows.push(vec![
            Cell::code(fk.name.clone()),
            Cell::text("FOREIGN KEY"),
            Cell::Parts(vec![
                Cell::code(format!("({}) → ", fk.columns.join(", "))),
                reference(&fk.references, &fk.referenced_columns),
            ]),
        ]);
    }
    rows
}
