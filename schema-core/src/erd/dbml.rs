//! DBML (imports into dbdiagram.io).

use std::fmt::Write;

use super::model::{Cardinality, EntityKind, Erd};
use super::text::one_line;
use crate::{FkAction, Schema, TableDef};

/// DBML text of the schema: one `Table` per table with column settings (`pk`, `increment`,
/// `not null`, `unique`, `default`, `note`), its indexes (primary key, UNIQUE constraints and
/// indexes, composite ones as `(a, b)`), and one `Ref` per foreign key: `>` for many-to-one,
/// `-` for one-to-one (a foreign key covered by a unique key), with its ON DELETE / ON UPDATE.
///
/// Views become a `Table` with a `view` header colour and a note naming the view kind and what
/// it reads, since DBML has no views. Names are always double-quoted and notes single-quoted; DBML has no escape
/// inside a quoted name, so a double quote in a name is written as `'`, and a backslash in a note as `⧵`.
///
/// ```
/// use schema_core::{Column, ForeignKey, Schema, SqlType, TableDef};
/// let schema = Schema::builder()
///     .table_def(TableDef::new("tenants").column(Column::new("id", SqlType::BigInt)).primary_key(["id"]))
///     .table_def(
///         TableDef::new("invoices")
///             .column(Column::new("id", SqlType::BigInt))
///             .column(Column::new("tenant_id", SqlType::BigInt))
///             .primary_key(["id"])
///             .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"])),
///     )
///     .build()
///     .unwrap();
/// let text = schema_core::erd::dbml(&schema);
/// assert!(text.contains("Ref \"invoices_tenant_id_fkey\": \"invoices\".\"tenant_id\" > \"tenants\".\"id\"\n"));
/// ```
pub fn dbml(schema: &Schema) -> String {
    let erd = Erd::from_schema(schema);
    let mut out = String::new();
    for entity in &erd.entities {
        let Some(table) = schema.table(&entity.name) else {
            write_view(&mut out, entity);
            continue;
        };
        let header = match entity.kind {
            EntityKind::Table => String::new(),
            _ => " [headercolor: #8e44ad]".to_string(),
        };
        let _ = writeln!(out, "Table {}{header} {{", quoted(&entity.name));
        for (column, attribute) in table.columns.iter().zip(&entity.attributes) {
            let mut settings = Vec::new();
            let single_pk = table
                .primary_key
                .as_ref()
                .is_some_and(|pk| pk.columns.len() == 1 && pk.columns[0] == column.name);
            if single_pk {
                settings.push("pk".to_string());
            }
            if column.identity.is_some() {
                settings.push("increment".to_string());
            }
            settings.push(if column.nullable { "null" } else { "not null" }.to_string());
            if table
                .uniques
                .iter()
                .any(|u| u.columns.len() == 1 && u.columns[0] == column.name)
            {
                settings.push("unique".to_string());
            }
            if let Some(default) = &column.default {
                settings.push(format!("default: {}", default_text(default)));
            }
            if let Some(comment) = &attribute.comment {
                settings.push(format!("note: {}", string(comment)));
            }
            let _ = writeln!(
                out,
                "  {} {} [{}]",
                quoted(&column.name),
                quoted(&attribute.type_name),
                settings.join(", ")
            );
        }
        write_indexes(&mut out, table);
        if entity.kind != EntityKind::Table {
            let _ = writeln!(out, "  Note: {}", string(entity.kind.label()));
        } else if let Some(comment) = &entity.comment {
            let _ = writeln!(out, "  Note: {}", string(comment));
        }
        out.push_str("}\n\n");
    }
    for rel in &erd.relationships {
        let op = match rel.child_side {
            Cardinality::ZeroOrOne | Cardinality::ExactlyOne => "-",
            _ => ">",
        };
        let mut settings = Vec::new();
        if rel.on_delete != FkAction::NoAction {
            settings.push(format!("delete: {}", action(rel.on_delete)));
        }
        if rel.on_update != FkAction::NoAction {
            settings.push(format!("update: {}", action(rel.on_update)));
        }
        let settings = if settings.is_empty() {
            String::new()
        } else {
            format!(" [{}]", settings.join(", "))
        };
        let _ = writeln!(
            out,
            "Ref {}: {}.{} {op} {}.{}{settings}",
            quoted(&rel.name),
            quoted(&rel.child),
            columns(&rel.child_columns),
            quoted(&rel.parent),
            columns(&rel.parent_columns),
        );
    }
    out
}

fn write_indexes(out: &mut String, table: &TableDef) {
    let mut lines = Vec::new();
    if let Some(pk) = &table.primary_key
        && pk.columns.len() > 1
    {
        lines.push(format!("{} [pk]", columns(&pk.columns)));
    }
    for unique in table.uniques.iter().filter(|u| u.columns.len() > 1) {
        lines.push(format!(
            "{} [unique, name: {}]",
            columns(&unique.columns),
            string(&unique.name)
        ));
    }
    for index in &table.indexes {
        let mut settings = Vec::new();
        if index.unique {
            settings.push("unique".to_string());
        }
        settings.push(format!("name: {}", string(&index.name)));
        if let Some(predicate) = &index.predicate {
            settings.push(format!("note: {}", string(&format!("WHERE {predicate}"))));
        }
        lines.push(format!(
            "{} [{}]",
            columns(&index.columns),
            settings.join(", ")
        ));
    }
    if lines.is_empty() {
        return;
    }
    out.push_str("\n  indexes {\n");
    for line in lines {
        let _ = writeln!(out, "    {line}");
    }
    out.push_str("  }\n");
}

fn default_text(default: &crate::ColumnDefault) -> String {
    use crate::{ColumnDefault, Literal};
    #[allow(unreachable_patterns)] // the model gains variants; they render as an expression
    match default {
        ColumnDefault::Value(Literal::Bool(b)) => b.to_string(),
        ColumnDefault::Value(Literal::Int(i)) => i.to_string(),
        ColumnDefault::Value(Literal::Number(n)) if is_plain_number(n) => n.clone(),
        ColumnDefault::Value(Literal::Number(n)) => string(n),
        ColumnDefault::Value(Literal::Text(t)) => string(t),
        ColumnDefault::Now => "`now()`".to_string(),
        ColumnDefault::CurrentDate => "`current_date`".to_string(),
        ColumnDefault::Sql(sql) => expression(sql),
        _ => "`?`".to_string(),
    }
}

fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|c| *c == '.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.')
}

/// A DBML backtick expression; a backtick inside cannot be escaped, so it becomes a quote.
fn expression(sql: &str) -> String {
    format!("`{}`", one_line(sql).replace('`', "'"))
}

fn action(action: FkAction) -> &'static str {
    match action {
        FkAction::Cascade => "cascade",
        FkAction::Restrict => "restrict",
        FkAction::SetNull => "set null",
        FkAction::SetDefault => "set default",
        _ => "no action",
    }
}

fn columns(columns: &[String]) -> String {
    if columns.len() == 1 {
        quoted(&columns[0])
    } else {
        let quoted: Vec<String> = columns.iter().map(|c| quoted(c)).collect();
        format!("({})", quoted.join(", "))
    }
}

/// A double-quoted DBML identifier. DBML has no escape inside one (checked with @dbml/core: a
/// backslash is literal, `\"` ends the name), so a double quote becomes a single quote.
fn quoted(name: &str) -> String {
    format!("\"{}\"", one_line(name).replace('"', "'"))
}

/// A single-quoted DBML string. `\'` is its only escape and a backslash is otherwise literal,
/// so a backslash before a quote or at the end could not be written: backslashes become `⧵`
/// (U+29F5), which reads the same in a note.
fn string(text: &str) -> String {
    format!(
        "'{}'",
        one_line(text)
            .replace('\\', "\u{29f5}")
            .replace('\'', "\\'")
    )
}

/// A view as a DBML `Table`: its declared columns, a distinct header colour, and a note.
fn write_view(out: &mut String, entity: &super::Entity) {
    let _ = writeln!(
        out,
        "Table {} [headercolor: #8e44ad] {{",
        quoted(&entity.name)
    );
    for attribute in &entity.attributes {
        let mut settings = vec![
            if attribute.nullable {
                "null"
            } else {
                "not null"
            }
            .to_string(),
        ];
        if let Some(comment) = &attribute.comment {
            settings.push(format!("note: {}", string(comment)));
        }
        let type_name = if attribute.type_name.is_empty() {
            "unknown"
        } else {
            attribute.type_name.as_str()
        };
        let _ = writeln!(
            out,
            "  {} {} [{}]",
            quoted(&attribute.name),
            quoted(type_name),
            settings.join(", ")
        );
    }
    let note = match &entity.comment {
        Some(comment) => format!("{}: {comment}", entity.kind.label()),
        None => entity.kind.label().to_string(),
    };
    let _ = writeln!(out, "  Note: {}", string(&note));
    out.push_str("}\n\n");
}
