//! SQLite: the `PRAGMA` table functions for columns, keys and indexes, and the stored
//! `CREATE TABLE` / `CREATE INDEX` text for what no pragma reports (constraint names, CHECKs,
//! generated expressions, collations, `AUTOINCREMENT`, `DEFERRABLE`, `WITHOUT ROWID`, index
//! predicates and expressions).
//!
//! Not read back: comments (SQLite keeps none; the `--` lines our writer puts in the table text
//! cannot be told apart between the table and its first column).

use std::collections::BTreeMap;

use schema_core::{
    Check, Column, Deferrable, Engine, FkAction, ForeignKey, Generated, GeneratedKind, Identity,
    Index, KeyPart, PrimaryKey, Schema, TableDef, Unique,
};
use sqlparser::dialect::SQLiteDialect;
use sqlparser::tokenizer::{Token, Tokenizer, Whitespace};
use sqlx::AnyConnection;

use super::{IntrospectError, opt, recover, rows, split_top_level, strip_outer_parens, text};

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
    // The update keeps this compiling while other objects (views, policies) join the model.
    #[allow(clippy::needless_update)]
    Ok(Schema {
        tables,
        extensions: Vec::new(),
        ..Schema::default()
    })
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
        let mut column = Column::new(column_name.clone(), sql_type.clone());
        column.nullable = nullable;
        if let Some(collation) = collation {
            column.collation.insert(ENGINE, collation);
        }
        column.generated = definition.and_then(|d| d.generated.clone());
        if column.generated.is_none() {
            column.default = opt(&row, 3).and_then(|d| recover::default(ENGINE, &sql_type, &d));
        }
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
    let words: Vec<String> = tokens(expr)
        .into_iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(w.value),
            _ => None,
        })
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
                on_delete: action(&text(&row, 5)),
                on_update: action(&text(&row, 4)),
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

fn action(rule: &str) -> FkAction {
    match rule {
        "CASCADE" => FkAction::Cascade,
        "SET NULL" => FkAction::SetNull,
        "SET DEFAULT" => FkAction::SetDefault,
        "RESTRICT" => FkAction::Restrict,
        _ => FkAction::NoAction,
    }
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
    let upper = sql.to_uppercase();
    let Some(on) = upper.find(" ON ") else {
        return (Vec::new(), None);
    };
    let Some(open) = sql[on..].find('(').map(|i| i + on) else {
        return (Vec::new(), None);
    };
    let Some(close) = group_end(&sql[open..]).map(|i| i + open) else {
        return (Vec::new(), None);
    };
    let entries = split_top_level(&sql[open + 1..close])
        .into_iter()
        .map(|entry| {
            let mut entry = entry.trim().to_string();
            for suffix in [" DESC", " ASC"] {
                if entry.to_uppercase().ends_with(suffix) {
                    entry.truncate(entry.len() - suffix.len());
                }
            }
            strip_outer_parens(&entry).to_string()
        })
        .collect();
    let rest = sql[close + 1..].trim();
    let predicate = rest
        .get(..5)
        .filter(|w| w.eq_ignore_ascii_case("WHERE"))
        .map(|_| strip_outer_parens(&rest[5..]).to_string());
    (entries, predicate)
}

/// The byte index of the `)` closing the `(` at the start of `text` (quotes respected).
fn group_end(text: &str) -> Option<usize> {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn tokens(sql: &str) -> Vec<Token> {
    Tokenizer::new(&SQLiteDialect {}, sql)
        .tokenize()
        .unwrap_or_default()
        .into_iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .collect()
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
        // Comments first: an apostrophe in one would open a string.
        let sql = &without_comments(sql);
        let Some(open) = sql.find('(') else {
            return found;
        };
        let Some(close) = group_end(&sql[open..]).map(|i| i + open) else {
            return found;
        };
        let options = sql[close + 1..].to_uppercase();
        found.without_rowid = options.contains("WITHOUT") && options.contains("ROWID");
        for definition in split_top_level(&sql[open + 1..close]) {
            let words = tokens(&definition);
            let first = keyword(words.first());
            if matches!(
                first.as_str(),
                "CONSTRAINT" | "PRIMARY" | "UNIQUE" | "CHECK" | "FOREIGN"
            ) {
                let constraint = constraint(&words);
                if constraint.kind == "PRIMARY" && !constraint.name.is_empty() {
                    found.primary_key_name = Some(constraint.name.clone());
                }
                found.constraints.push(constraint);
            } else {
                let (column, pk_name) = column(&words);
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

/// `sql` without `--` and `/* */` comments.
fn without_comments(sql: &str) -> String {
    Tokenizer::new(&SQLiteDialect {}, sql)
        .tokenize()
        .unwrap_or_default()
        .into_iter()
        .filter(|t| {
            !matches!(
                t,
                Token::Whitespace(Whitespace::SingleLineComment { .. })
                    | Token::Whitespace(Whitespace::MultiLineComment(_))
            )
        })
        .map(|t| t.to_string())
        .collect()
}

fn keyword(token: Option<&Token>) -> String {
    match token {
        Some(Token::Word(w)) if w.quote_style.is_none() => w.value.to_uppercase(),
        _ => String::new(),
    }
}

fn name_of(token: Option<&Token>) -> String {
    match token {
        Some(Token::Word(w)) => w.value.clone(),
        Some(Token::DoubleQuotedString(s) | Token::SingleQuotedString(s)) => s.clone(),
        _ => String::new(),
    }
}

/// The text of the parenthesised group starting at `tokens[at]` and the index after it.
fn group(tokens: &[Token], at: usize) -> Option<(String, usize)> {
    if tokens.get(at) != Some(&Token::LParen) {
        return None;
    }
    let mut depth = 0;
    for (i, token) in tokens.iter().enumerate().skip(at) {
        match token {
            Token::LParen => depth += 1,
            Token::RParen => {
                depth -= 1;
                if depth == 0 {
                    let inner: Vec<String> =
                        tokens[at + 1..i].iter().map(ToString::to_string).collect();
                    return Some((join_tokens(&inner), i + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// Tokens joined with single spaces, none inside parentheses or before a comma.
fn join_tokens(parts: &[String]) -> String {
    let mut out = String::new();
    for part in parts {
        let tight =
            out.is_empty() || out.ends_with('(') || matches!(part.as_str(), "(" | ")" | ",");
        if !tight {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

fn group_names(text: &str) -> Vec<String> {
    split_top_level(text)
        .iter()
        .map(|part| name_of(tokens(part).first()))
        .collect()
}

fn column(words: &[Token]) -> (ColumnText, Option<String>) {
    let mut column = ColumnText {
        name: name_of(words.first()),
        ..ColumnText::default()
    };
    let mut pk_name = None;
    let mut constraint_name = None;
    let mut i = 1;
    while i < words.len() {
        match keyword(words.get(i)).as_str() {
            "CONSTRAINT" => {
                constraint_name = Some(name_of(words.get(i + 1)));
                i += 2;
                continue;
            }
            "PRIMARY" => pk_name = constraint_name.take(),
            "AUTOINCREMENT" => column.autoincrement = true,
            "COLLATE" => {
                column.collation = Some(name_of(words.get(i + 1)));
                i += 2;
                continue;
            }
            "CHECK" => {
                if let Some((body, next)) = group(words, i + 1) {
                    column.checks.push(body);
                    i = next;
                    continue;
                }
            }
            "AS" => {
                if let Some((body, next)) = group(words, i + 1) {
                    let kind = match keyword(words.get(next)).as_str() {
                        "STORED" => GeneratedKind::Stored,
                        _ => GeneratedKind::Virtual,
                    };
                    column.generated = Some(Generated { expr: body, kind });
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

fn constraint(words: &[Token]) -> ConstraintText {
    let mut found = ConstraintText::default();
    let mut i = 0;
    if keyword(words.first()) == "CONSTRAINT" {
        found.name = name_of(words.get(1));
        i = 2;
    }
    found.kind = keyword(words.get(i));
    // PRIMARY KEY / FOREIGN KEY take one more word.
    let at = if matches!(found.kind.as_str(), "PRIMARY" | "FOREIGN") {
        i + 2
    } else {
        i + 1
    };
    if let Some((body, next)) = group(words, at) {
        found.columns = group_names(&body);
        found.body = body;
        let rest: Vec<String> = words[next..].iter().map(|t| keyword(Some(t))).collect();
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
            "CREATE TABLE \"t\" (\n  -- a comment, (with) a paren and the table's apostrophe\n  \"id\" INTEGER NOT NULL CONSTRAINT \"t_pkey\" PRIMARY KEY AUTOINCREMENT,\n  \"n\" TEXT COLLATE \"NOCASE\" NOT NULL CHECK (length(\"n\") <= 5) CHECK (\"n\" <> 'x, y'),\n  \"g\" INTEGER GENERATED ALWAYS AS (\"id\" * 2) STORED NOT NULL,\n  CONSTRAINT \"t_n_key\" UNIQUE (\"n\"),\n  CONSTRAINT \"t_id_fkey\" FOREIGN KEY (\"id\") REFERENCES \"u\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED\n) STRICT, WITHOUT ROWID",
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
