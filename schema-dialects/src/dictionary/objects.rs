//! The dictionary entries of views, and the notes on a table's triggers and partitioning.

use schema_core::{PartitionBound, RelationNames, TableDef, View};

use super::document::{Block, Cell, table_anchor};

/// A view: heading, purpose, kind and what it reads (linked), its columns, and its query.
pub(super) fn view_sections(blocks: &mut Vec<Block>, names: &RelationNames<'_>, view: &View) {
    let anchor = table_anchor(&view.name);
    blocks.push(Block::Heading {
        level: 2,
        text: view.name.clone(),
        anchor: anchor.clone(),
    });
    if let Some(comment) = &view.comment {
        blocks.push(Block::Paragraph(vec![Cell::text(comment.clone())]));
    }
    let mut about = vec![Cell::text(if view.materialized {
        "Materialized view (PostgreSQL; a plain view on MySQL and SQLite), refreshed with "
    } else if view.security_invoker {
        "View, run with the querying role's rights (PostgreSQL `security_invoker`)"
    } else {
        "View, run with its owner's rights"
    })];
    if view.materialized {
        about.push(Cell::code(format!(
            "REFRESH MATERIALIZED VIEW CONCURRENTLY {}",
            view.name
        )));
    }
    let reads = view.names_read_in(names);
    if !reads.is_empty() {
        about.push(Cell::text(". Reads "));
        for (i, name) in reads.iter().enumerate() {
            if i > 0 {
                about.push(Cell::text(", "));
            }
            about.push(Cell::Link {
                text: name.clone(),
                anchor: table_anchor(name),
            });
        }
    }
    about.push(Cell::text("."));
    blocks.push(Block::Paragraph(about));
    if !view.columns.is_empty() {
        blocks.push(Block::Table {
            headers: vec![
                "Column".into(),
                "Type".into(),
                "Null".into(),
                "Description".into(),
            ],
            rows: view
                .columns
                .iter()
                .map(|column| {
                    vec![
                        Cell::code(column.name.clone()),
                        column
                            .sql_type
                            .as_ref()
                            .map_or(Cell::Empty, |t| Cell::code(t.to_string())),
                        Cell::text(if column.nullable { "yes" } else { "no" }),
                        column.comment.clone().map_or(Cell::Empty, Cell::Text),
                    ]
                })
                .collect(),
        });
    }
    blocks.push(Block::Table {
        headers: vec!["Query".into()],
        rows: vec![vec![Cell::code(view.sql.clone())]],
    });
}

/// What the engine does to the table's rows on its own: `updated_at`, the audit trail, and the
/// partitioning; `None` when nothing.
pub(super) fn table_notes(table: &TableDef) -> Option<Block> {
    let mut notes: Vec<Cell> = Vec::new();
    if let Some(column) = &table.updated_at {
        notes.push(Cell::code(column.clone()));
        notes.push(Cell::text(" is set to the current time on every UPDATE. "));
    }
    if table.audit {
        notes.push(Cell::text(
            "Every INSERT, UPDATE and DELETE is recorded in ",
        ));
        notes.push(Cell::Link {
            text: schema_core::AUDIT_LOG_TABLE.to_string(),
            anchor: table_anchor(schema_core::AUDIT_LOG_TABLE),
        });
        notes.push(Cell::text(". "));
    }
    if let Some(partitioning) = &table.partitioning {
        notes.push(Cell::text(format!(
            "Partitioned by {} on ",
            partitioning.kind
        )));
        notes.push(Cell::code(partitioning.columns.join(", ")));
        let partitions = partitioning.all_partitions(&table.name);
        let hash = partitions
            .iter()
            .filter(|p| matches!(p.bound, PartitionBound::Hash { .. }))
            .count();
        notes.push(Cell::text(format!(
            " into {} partition(s){}",
            if hash > 0 { hash } else { partitions.len() },
            if partitioning.default_partition {
                " and a default partition"
            } else {
                ""
            }
        )));
        if let Some(lifecycle) = &partitioning.lifecycle {
            notes.push(Cell::text(format!(
                "; one per {:?} from {}, kept {} ahead by the maintenance routine{}",
                lifecycle.interval,
                lifecycle.start,
                lifecycle.premake,
                lifecycle
                    .retention
                    .map(|r| format!(", detached after {r}"))
                    .unwrap_or_default()
            )));
        }
        if !partitioning.engines.is_empty() {
            let engines: Vec<String> = partitioning
                .engines
                .iter()
                .map(ToString::to_string)
                .collect();
            notes.push(Cell::text(format!(" (on {} only)", engines.join(", "))));
        }
        notes.push(Cell::text("."));
    }
    if let Some(Cell::Text(last)) = notes.last_mut() {
        *last = last.trim_end().to_string();
    }
    (!notes.is_empty()).then_some(Block::Paragraph(notes))
}
