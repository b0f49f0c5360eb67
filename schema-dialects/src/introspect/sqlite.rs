//! SQLite: the `PRAGMA` table functions for columns, keys and indexes, and the stored
//! `CREATE TABLE` / `CREATE INDEX` text for what no pragma reports (constraint names, CHECKs,
//! generated expressions, collations, `AUTOINCREMENT`, `DEFERRABLE`, `WITHOUT ROWID`, index
//! predicates and expressions).
//!
//! Not read back: comments (SQLite keeps none; the `--` lines our writer puts in the table text
//! cannot be told apart between the table and its first column).

use std::collections::BTreeMap;

use schema_core::{
    Check, Column, Deferrable, Engine, ForeignKey, Generated, GeneratedKind, Identity, Index,
    KeyPart, PrimaryKey, Schema, TableDef, Unique, View, ViewColumn,
};
use sqlx::AnyConnection;

use super::sql_text::{Kind, Lexeme, group, lex, top_level_parts};
use super::{IntrospectError, opt, recover, rows, strip_outer_parens, text};

const ENGINE: Engine = Engine::Sqlite;

pub(super) async fn introspect(connection: &mut AnyConnection) -> Result<Schema, IntrospectError> {
    let mut tables = Vec::new();
    for row in rows(
        connection,
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         ORDER BY name",
    )
    .await?
    {
        tables.push(table(connection, &text(&row, 0), &text(&row, 1)).await?);
    }
    let mut views = Vec::new();
    for row in rows(
        connection,
        "SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY name",
    )
    .await?
    {
        let name = text(&row, 0);
        let mut view = View::new(name.clone(), view_body(&text(&row, 1)));
        for column in rows(
            connection,
            &format!(
                "SELECT name FROM pragma_table_info({}) ORDER BY cid",
                literal(&name)
            ),
        )
        .await?
        {
            view.columns.push(ViewColumn::untyped(text(&column, 0)));
        }
        views.push(view);
    }
    let mut triggers = Vec::new();
    for row in rows(
        connection,
        "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY tbl_name, name",
    )
    .await?
    {
        if let Some(trigger) = trigger_text(&text(&row, 0), &text(&row, 1), &text(&row, 2)) {
            triggers.push(trigger);
        }
    }
    // The update keeps this compiling while other objects (views, policies) join the model.
    #[allow(clippy::needless_update)]
    let mut schema = Schema {
        tables,
        extensions: Vec::new(),
        views,
        ..Schema::default()
    };
    super::routines::file(&mut schema, ENGINE, triggers);
    Ok(schema)
}

/// A stored `CREATE TRIGGER "n" BEFORE|AFTER <event> ON "t" FOR EACH ROW [WHEN c] BEGIN ... END`.
fn trigger_text(name: &str, table: &str, sql: &str) -> Option<super::routines::LiveTrigger> {
    use schema_core::{TriggerEvent, TriggerTiming};
    let lexemes = lex(sql);
    let keywords: Vec<String> = lexemes.iter().map(Lexeme::keyword).collect();
    let position = |word: &str| keywords.iter().position(|k| k == word);
    let timing = if position("BEFORE").is_some() {
        TriggerTiming::Before
    } else {
        TriggerTiming::After
    };
    let on = position("ON")?;
    let event = match keywords[..on]
        .iter()
        .rev()
        .find(|k| matches!(k.as_str(), "INSERT" | "UPDATE" | "DELETE"))?
        .as_str()
    {
        "INSERT" => TriggerEvent::Insert,
        "UPDATE" => TriggerEvent::Update,
        _ => TriggerEvent::Delete,
    };
    let begin = position("BEGIN")?;
    let when = position("WHEN")
        .filter(|at| *at < begin)
        .and_then(|at| lexemes.get(at + 1))
        .map(|first| sql[first.start..lexemes[begin].start].trim().to_string());
    Some(super::routines::LiveTrigger {
        name: name.to_string(),
        table: table.to_string(),
        timing,
        events: vec![event],
        when,
        body: sql[lexemes[begin].start..].trim().to_string(),
    })
}

/// The query of a stored `CREATE VIEW "v" ("a", "b") AS <query>`.
fn view_body(sql: &str) -> String {
    let lexemes = lex(sql);
    let mut depth = 0;
    for (i, lexeme) in lexemes.iter().enumerate() {
        match lexeme.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth -= 1,
            _ if depth == 0 && lexeme.keyword() == "AS" => {
                if let Some(next) = lexemes.get(i + 1) {
                    return sql[next.start..].trim().to_string();
                }
            }
            _ => {}
        }
    }
    sql.to_string()
}

/// A name for a pragma's argument.
fn literal(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

async fn table(
    connection: &mut AnyConnection,
    name: &str,
    sql: &str,
) -> Result<TableDef, IntrospectError> {
    let text_form = TableText::parse(sql);
    let mut table = TableDef::new(name);
    table.without_rowid = text_form.without_rowid;
    let mut pk_columns: Vec<(u32, String)> = Vec::new();
    for row in rows(
        connection,
        &format!(
            "SELECT name, type, CAST(\"notnull\" AS TEXT), dflt_value, CAST(pk AS TEXT), CAST(hidden AS TEXT)
             FROM pragma_table_xinfo({}) ORDER BY cid",
            literal(name)
        ),
    )
    .await?
    {
        let column_name = text(&row, 0);
        let definition = text_form.column(&column_name);
        let mut checks = definition.map(|d| d.checks.clone()).unwrap_or_default();
        let nullable = text(&row, 2) != "1";
        let collation = definition.and_then(|d| d.collation.clone());
        let (sql_type, collation) = recover::column_type_with_collation(
            ENGINE,
            name,
            &column_name,
            &text(&row, 1),
            collation.as_deref(),
            nullable,
            &mut checks,
        );
        let generated = definition.and_then(|d| d.generated.clone());
        let default_text = opt(&row, 3).filter(|_| generated.is_none());
        let (sql_type, default) = recover::typed_default(ENGINE, sql_type, default_text.as_deref());
        let mut column = Column::new(column_name.clone(), sql_type);
        column.nullable = nullable;
        column.default = default;
        if let Some(collation) = collation {
            column.collation.insert(ENGINE, collation);
        }
        column.generated = generated;
        if definition.is_some_and(|d| d.autoincrement) {
            column.identity = Some(Identity::ByDefault);
        }
        if let Ok(position) = text(&row, 4).parse::<u32>()
            && position > 0
        {
            pk_columns.push((position, column_name.clone()));
        }
        // What is left is a CHECK the user wrote on the column (a domain's, where SQLite has
        // none), named after the column as the writer's domain checks are read everywhere.
        for expr in checks {
            table.checks.push(Check {
                name: column_name.clone(),
                expr,
                column: Some(column_name.clone()),
            });
        }
        table.columns.push(column);
    }
    pk_columns.sort();
    if !pk_columns.is_empty() {
        table.primary_key = Some(PrimaryKey {
            name: text_form
                .primary_key_name
                .clone()
                .unwrap_or_else(|| schema_core::naming::primary_key(name)),
            columns: pk_columns.into_iter().map(|(_, c)| c).collect(),
        });
    }
    for constraint in &text_form.constraints {
        match constraint.kind.as_str() {
            "UNIQUE" => table.uniques.push(Unique {
                name: constraint.name.clone(),
                columns: constraint.columns.clone(),
                nulls_not_distinct: false,
            }),
            "CHECK" => {
                let column = super::postgres::check_column(
                    name,
                    &constraint.name,
                    &mentioned(&table, &constraint.body),
                );
                table.checks.push(Check {
                    name: constraint.name.clone(),
                    expr: constraint.body.clone(),
                    column,
                });
            }
            _ => {}
        }
    }
    foreign_keys(connection, &mut table, &text_form).await?;
    indexes(connection, &mut table).await?;
    Ok(table)
}

/// The columns of `table` an expression names (as whole words).
fn mentioned(table: &TableDef, expr: &str) -> Vec<String> {
    let words: Vec<String> = lex(expr)
        .iter()
        .filter(|l| matches!(l.kind, Kind::Word { .. }))
        .map(Lexeme::name)
        .collect();
    table
        .columns
        .iter()
        .filter(|c| words.contains(&c.name))
        .map(|c| c.name.clone())
        .collect()
}

async fn foreign_keys(
    connection: &mut AnyConnection,
    table: &mut TableDef,
    text_form: &TableText,
) -> Result<(), IntrospectError> {
    let mut by_id: BTreeMap<u32, ForeignKey> = BTreeMap::new();
    for row in rows(
        connection,
        &format!(
            "SELECT CAST(id AS TEXT), \"table\", \"from\", \"to\", on_update, on_delete, \"match\"
             FROM pragma_foreign_key_list({}) ORDER BY id, seq",
            literal(&table.name)
        ),
    )
    .await?
    {
        let fk = by_id
            .entry(text(&row, 0).parse().unwrap_or(0))
            .or_insert_with(|| ForeignKey {
                name: String::new(),
                columns: Vec::new(),
                references: text(&row, 1),
                referenced_columns: Vec::new(),
                on_delete: super::fk_action(&text(&row, 5)),
                on_update: super::fk_action(&text(&row, 4)),
                deferrable: None,
                match_full: false,
            });
        fk.columns.push(text(&row, 2));
        fk.referenced_columns.push(text(&row, 3));
    }
    // The pragma lists them last to first.
    for mut fk in by_id.into_values().rev() {
        if let Some(constraint) = text_form
            .constraints
            .iter()
            .find(|c| c.kind == "FOREIGN" && c.columns == fk.columns)
        {
            fk.name = constraint.name.clone();
            fk.deferrable = constraint.deferrable;
            fk.match_full = constraint.match_full;
        }
        table.foreign_keys.push(fk);
    }
    Ok(())
}

async fn indexes(
    connection: &mut AnyConnection,
    table: &mut TableDef,
) -> Result<(), IntrospectError> {
    let list = rows(
        connection,
        &format!(
            "SELECT l.name, CAST(l.\"unique\" AS TEXT), s.sql FROM pragma_index_list({}) l
             JOIN sqlite_schema s ON s.type = 'index' AND s.name = l.name
             WHERE l.origin = 'c' ORDER BY l.name",
            literal(&table.name)
        ),
    )
    .await?;
    for row in list {
        let name = text(&row, 0);
        let sql = text(&row, 2);
        let (entries, predicate) = index_text(&sql);
        let mut index = Index::on(Vec::<String>::new()).named(name.clone());
        index.unique = text(&row, 1) == "1";
        index.predicate = predicate;
        let parts = rows(
            connection,
            &format!(
                "SELECT CAST(cid AS TEXT), name, CAST(\"desc\" AS TEXT) FROM pragma_index_xinfo({})
                 WHERE key = 1 ORDER BY seqno",
                literal(&name)
            ),
        )
        .await?;
        for (i, part) in parts.iter().enumerate() {
            let column = opt(part, 1);
            let key = match column {
                Some(column) if text(part, 0) != "-2" => {
                    index.columns.push(column.clone());
                    column
                }
                _ => {
                    let expr = entries.get(i).cloned().unwrap_or_default();
                    index.expressions.push(expr.clone());
                    expr
                }
            };
            if text(part, 2) == "1" {
                index.parts.insert(key, KeyPart::new().desc());
            }
        }
        table.indexes.push(index);
    }
    Ok(())
}

/// The key expressions (without ASC/DESC and COLLATE) and the predicate of a `CREATE INDEX`.
fn index_text(sql: &str) -> (Vec<String>, Option<String>) {
    let lexemes = lex(sql);
    let Some(on) = lexemes.iter().position(|l| l.keyword() == "ON") else {
        return (Vec::new(), None);
    };
    let Some(open) = lexemes[on..].iter().position(|l| l.kind == Kind::Open) else {
        return (Vec::new(), None);
    };
    let open = on + open;
    let Some((_, after)) = group(sql, &lexemes, open) else {
        return (Vec::new(), None);
    };
    let entries = top_level_parts(&lexemes[open + 1..after - 1])
        .iter()
        .map(|part| {
            let mut end = part.len();
            while end > 0 && matches!(part[end - 1].keyword().as_str(), "ASC" | "DESC") {
                end -= 1;
            }
            if end >= 2 && part[end - 2].keyword() == "COLLATE" {
                end -= 2;
            }
            strip_outer_parens(span(sql, &part[..end])).to_string()
        })
        .collect();
    let predicate = lexemes
        .get(after)
        .filter(|l| l.keyword() == "WHERE")
        .and_then(|_| lexemes.get(after + 1))
        .map(|first| strip_outer_parens(sql[first.start..].trim()).to_string());
    (entries, predicate)
}

/// The source text from the first to the last lexeme.
fn span<'a>(sql: &'a str, lexemes: &[Lexeme<'a>]) -> &'a str {
    match (lexemes.first(), lexemes.last()) {
        (Some(first), Some(last)) => &sql[first.start..last.start + last.text.len()],
        _ => "",
    }
}

/// What the stored `CREATE TABLE` text says that no pragma does.
#[derive(Debug, Default)]
struct TableText {
    columns: Vec<ColumnText>,
    constraints: Vec<ConstraintText>,
    primary_key_name: Option<String>,
    without_rowid: bool,
}

#[derive(Debug, Default)]
struct ColumnText {
    name: String,
    checks: Vec<String>,
    collation: Option<String>,
    generated: Option<Generated>,
    autoincrement: bool,
}

#[derive(Debug, Default)]
struct ConstraintText {
    name: String,
    /// `PRIMARY`, `UNIQUE`, `CHECK` or `FOREIGN`.
    kind: String,
    columns: Vec<String>,
    body: String,
    deferrable: Option<Deferrable>,
    match_full: bool,
}

impl TableText {
    fn parse(sql: &str) -> TableText {
        let mut found = TableText::default();
        let lexemes = lex(sql);
        let Some(open) = lexemes.iter().position(|l| l.kind == Kind::Open) else {
            return found;
        };
        let Some((_, after)) = group(sql, &lexemes, open) else {
            return found;
        };
        let options: Vec<String> = lexemes[after..].iter().map(Lexeme::keyword).collect();
        found.without_rowid = options.windows(2).any(|w| w == ["WITHOUT", "ROWID"]);
        for definition in top_level_parts(&lexemes[open + 1..after - 1]) {
            let first = definition.first().map(Lexeme::keyword).unwrap_or_default();
            if matches!(
                first.as_str(),
                "CONSTRAINT" | "PRIMARY" | "UNIQUE" | "CHECK" | "FOREIGN"
            ) {
                let constraint = constraint(sql, &definition);
                if constraint.kind == "PRIMARY" && !constraint.name.is_empty() {
                    found.primary_key_name = Some(constraint.name.clone());
                }
                found.constraints.push(constraint);
            } else {
                let (column, pk_name) = column(sql, &definition);
                if pk_name.is_some() {
                    found.primary_key_name = pk_name;
                }
                found.columns.push(column);
            }
        }
        found
    }

    fn column(&self, name: &str) -> Option<&ColumnText> {
        self.columns.iter().find(|c| c.name == name)
    }
}

fn keyword_at(lexemes: &[Lexeme<'_>], at: usize) -> String {
    lexemes.get(at).map(Lexeme::keyword).unwrap_or_default()
}

fn name_at(lexemes: &[Lexeme<'_>], at: usize) -> String {
    lexemes.get(at).map(Lexeme::name).unwrap_or_default()
}

/// The names in a parenthesised column list.
fn group_names(body: &str) -> Vec<String> {
    let lexemes = lex(body);
    top_level_parts(&lexemes)
        .iter()
        .map(|part| name_at(part, 0))
        .collect()
}

fn column(sql: &str, words: &[Lexeme<'_>]) -> (ColumnText, Option<String>) {
    let mut column = ColumnText {
        name: name_at(words, 0),
        ..ColumnText::default()
    };
    let mut pk_name = None;
    let mut constraint_name = None;
    let mut i = 1;
    while i < words.len() {
        match keyword_at(words, i).as_str() {
            "CONSTRAINT" => {
                constraint_name = Some(name_at(words, i + 1));
                i += 2;
                continue;
            }
            "PRIMARY" => pk_name = constraint_name.take(),
            "AUTOINCREMENT" => column.autoincrement = true,
            "COLLATE" => {
                column.collation = Some(name_at(words, i + 1));
                i += 2;
                continue;
            }
            "CHECK" => {
                if let Some((body, next)) = group(sql, words, i + 1) {
                    column.checks.push(body.to_string());
                    i = next;
                    continue;
                }
            }
            "AS" => {
                if let Some((body, next)) = group(sql, words, i + 1) {
                    let kind = match keyword_at(words, next).as_str() {
                        "STORED" => GeneratedKind::Stored,
                        _ => GeneratedKind::Virtual,
                    };
                    column.generated = Some(Generated {
                        expr: body.to_string(),
                        kind,
                    });
                    i = next;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    (column, pk_name)
}

fn constraint(sql: &str, words: &[Lexeme<'_>]) -> ConstraintText {
    let mut found = ConstraintText::default();
    let mut i = 0;
    if keyword_at(words, 0) == "CONSTRAINT" {
        found.name = name_at(words, 1);
        i = 2;
    }
    found.kind = keyword_at(words, i);
    // PRIMARY KEY / FOREIGN KEY take one more word.
    let at = if matches!(found.kind.as_str(), "PRIMARY" | "FOREIGN") {
        i + 2
    } else {
        i + 1
    };
    if let Some((body, next)) = group(sql, words, at) {
        found.columns = group_names(body);
        found.body = body.to_string();
        let rest: Vec<String> = words[next..].iter().map(Lexeme::keyword).collect();
        let rest = rest.join(" ");
        found.match_full = rest.contains("MATCH FULL");
        found.deferrable = if rest.contains("NOT DEFERRABLE") {
            None
        } else if rest.contains("DEFERRABLE INITIALLY DEFERRED") {
            Some(Deferrable::InitiallyDeferred)
        } else if rest.contains("DEFERRABLE") {
            Some(Deferrable::InitiallyImmediate)
        } else {
            None
        };
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_pragmas_do_not_say() {
        let text = TableText::parse(
            "CREATE TABLE \"t\" (\n  -- a comment, (with) a paren and the table's apostrophe\n  \"a\" TEXT NOT NULL DEFAULT 'it''s',\n  \"id\" INTEGER NOT NULL CONSTRAINT \"t_pkey\" PRIMARY KEY AUTOINCREMENT,\n  \"n\" TEXT COLLATE \"NOCASE\" NOT NULL CHECK (length(\"n\") <= 5) CHECK (\"n\" <> 'x, y'),\n  \"g\" INTEGER GENERATED ALWAYS AS (\"id\" * 2) STORED NOT NULL,\n  CONSTRAINT \"t_n_key\" UNIQUE (\"n\"),\n  CONSTRAINT \"t_id_fkey\" FOREIGN KEY (\"id\") REFERENCES \"u\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED\n) STRICT, WITHOUT ROWID",
        );
        assert!(text.without_rowid);
        assert_eq!(text.primary_key_name.as_deref(), Some("t_pkey"));
        let n = text.column("n").unwrap();
        assert_eq!(n.collation.as_deref(), Some("NOCASE"));
        assert_eq!(n.checks, ["length(\"n\") <= 5", "\"n\" <> 'x, y'"]);
        assert_eq!(
            text.column("g").unwrap().generated.as_ref().unwrap().expr,
            "\"id\" * 2"
        );
        assert!(text.column("id").unwrap().autoincrement);
        assert_eq!(
            text.constraints[1].deferrable,
            Some(Deferrable::InitiallyDeferred)
        );
        assert_eq!(text.constraints[0].columns, ["n"]);
    }

    #[test]
    fn reserved_words_as_names() {
        let text = TableText::parse(
            "CREATE TABLE \"a\" (\n  \"select\" INTEGER CHECK (\"select\" BETWEEN -32768 AND 32767)\n) STRICT",
        );
        let mut checks = text.column("select").unwrap().checks.clone();
        assert_eq!(checks, ["\"select\" BETWEEN -32768 AND 32767"]);
        let found = recover::column_type(ENGINE, "a", "select", "INTEGER", true, &mut checks);
        assert_eq!(found, schema_core::SqlType::SmallInt);
    }

    #[test]
    fn index_keys_and_predicate() {
        assert_eq!(
            index_text("CREATE INDEX \"i\" ON \"t\" ((lower(\"e\")), \"a\" DESC) WHERE \"a\" > 0"),
            (
                vec!["lower(\"e\")".to_string(), "\"a\"".to_string()],
                Some("\"a\" > 0".to_string())
            )
        );
    }
}
