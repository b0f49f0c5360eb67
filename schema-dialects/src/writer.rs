//! The statement skeleton, written once for every engine.
//!
//! CHECK and index-predicate SQL is written as the user wrote it, except that on engines storing
//! decimals as text (SQLite) references to decimal columns are wrapped in
//! `CAST(... AS NUMERIC)`, so `total >= 0` compares numbers, not strings.
//!
//! Script order: the dialect's prologue, enum types (where they are named types), tables in
//! dependency order (`order.rs`), indexes, foreign keys that could not be inline, then comment
//! statements. Engines differ only through the [`Dialect`] hooks and capabilities.
//!
//! Why not sea-query for these statements: its CREATE TABLE leaves PostgreSQL enum type names
//! unquoted, writes MySQL table options on every engine, drops comments on PostgreSQL and SQLite,
//! drops SQLite foreign key names, invents SQLite type names that STRICT tables reject, has no
//! STRICT, COMMENT ON or `GENERATED ALWAYS AS IDENTITY`, writes named column-level CHECKs that
//! MariaDB rejects, and writes constraint names without escaping the quote character. Routing our
//! own type strings through it would leave one or more of those on every statement kind (even the
//! reliable `ALTER TABLE ... ADD FOREIGN KEY` writes the constraint name unescaped); the whole
//! skeleton below is shorter than the workarounds, and every statement it writes runs on its
//! engine in `tests/tests/apply.rs`. `sea_query_gaps.rs` pins each of those cases in a test, so a
//! sea-query release that fixes them is noticed.

use schema_core::{
    Check, Column, ColumnDefault, Diagnostic, Diagnostics, DomainType, EnumType, Exclusion,
    ForeignKey, GeneratedKind, Identity, Index, Literal, NullsOrder, PrimaryKey, Schema, SortOrder,
    SqlType, TableDef, Unique,
};

use crate::order::{self, Plan};
use crate::quote::{identifier, identifiers, string};
use crate::{CommentStyle, Dialect, IdentityStyle, Script, types};

/// Checks `schema` for `dialect`, then writes the whole script; each expression and view body is
/// parsed once for both (`parse_cache.rs`).
pub(crate) fn render<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
) -> Result<Script, Diagnostics> {
    crate::parse_cache::within(|| check_and_write(dialect, schema))
}

/// [`render`]'s work.
fn check_and_write<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
) -> Result<Script, Diagnostics> {
    Diagnostics::check(dialect.check(schema), ())?;
    let plan = order::plan(
        schema,
        dialect.supports_forward_references(),
        dialect.checks_foreign_key_targets_lazily(),
    );
    let mut statements = dialect.prologue();
    let mut problems = Vec::new();
    if dialect.supports_extensions() {
        let mut extensions = schema.extensions.clone();
        extensions.extend(dialect.required_extensions(schema));
        extensions.sort();
        extensions.dedup();
        for extension in &extensions {
            statements.push(format!(
                "CREATE EXTENSION IF NOT EXISTS {}",
                identifier(dialect, extension)
            ));
        }
    }
    statements.extend(crate::security::roles(dialect, schema));
    if dialect.supports_enum_types() {
        for enum_type in schema.enum_types() {
            statements.push(create_enum(dialect, enum_type));
        }
    }
    if dialect.supports_domains() {
        for domain in schema.domain_types() {
            statements.push(create_domain(dialect, domain));
        }
    }
    for table in &plan.tables {
        match create_table(dialect, table, &plan) {
            Ok(statement) => statements.push(statement),
            Err(found) => problems.extend(found),
        }
    }
    statements.extend(crate::partitions::statements(dialect, &plan.tables));
    let engine = dialect.engine();
    for table in &plan.tables {
        statements.extend(
            table
                .indexes
                .iter()
                .filter(|index| index.applies_to(engine))
                .map(|index| create_index(dialect, table, index)),
        );
    }
    for (table, fk) in &plan.deferred {
        statements.push(format!(
            "ALTER TABLE {} ADD {}",
            identifier(dialect, &table.name),
            foreign_key(dialect, fk)
        ));
    }
    statements.extend(crate::triggers::functions(dialect, schema));
    statements.extend(crate::views::statements(dialect, schema));
    statements.extend(crate::triggers::statements(dialect, schema));
    statements.extend(crate::partitions::maintenance_functions(dialect, schema));
    if dialect.comment_style() == CommentStyle::CommentOn {
        statements.extend(comment_statements(dialect, &plan));
    }
    statements.extend(crate::security::access(dialect, schema));
    Diagnostics::check(
        problems,
        Script {
            engine: dialect.engine(),
            statements,
        },
    )
}

/// `CREATE TYPE "name" AS ENUM ('a', 'b')`.
pub(crate) fn create_enum<D: Dialect + ?Sized>(dialect: &D, enum_type: &EnumType) -> String {
    let values: Vec<String> = enum_type
        .values
        .iter()
        .map(|v| string(dialect, v))
        .collect();
    format!(
        "CREATE TYPE {} AS ENUM ({})",
        identifier(dialect, &enum_type.name),
        values.join(", ")
    )
}

/// `CREATE DOMAIN "name" AS base CHECK (...)`.
pub(crate) fn create_domain<D: Dialect + ?Sized>(dialect: &D, domain: &DomainType) -> String {
    format!(
        "CREATE DOMAIN {} AS {} CHECK ({})",
        identifier(dialect, &domain.name),
        dialect.type_name(&domain.base),
        domain.check
    )
}

/// `CREATE TABLE` with every column and constraint; only deferred foreign keys are left out.
pub(crate) fn create_table<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    plan: &Plan<'_>,
) -> Result<String, Vec<Diagnostic>> {
    let line_comments = dialect.comment_style() == CommentStyle::SqlLineComments;
    let mut lines: Vec<(Vec<String>, String)> = Vec::new();
    let mut problems = Vec::new();
    let rowid = rowid_column(dialect, table);
    for column in &table.columns {
        let comments = match (&column.comment, line_comments) {
            (Some(comment), true) => line_comment(comment),
            _ => Vec::new(),
        };
        match column_definition(dialect, table, column, rowid) {
            Ok(definition) => lines.push((comments, definition)),
            Err(problem) => problems.push(problem),
        }
    }
    if let Some(pk) = &table.primary_key
        && rowid.is_none()
    {
        lines.push((Vec::new(), primary_key(dialect, pk)));
    }
    for unique in &table.uniques {
        lines.push((Vec::new(), unique_constraint(dialect, unique)));
    }
    // Every CHECK is table-level: MariaDB rejects named column-level checks, and the meaning is
    // the same on every engine.
    for check in &table.checks {
        lines.push((Vec::new(), check_constraint(dialect, table, check)));
    }
    for fk in table
        .foreign_keys
        .iter()
        .filter(|fk| !plan.is_deferred(table, fk))
    {
        lines.push((Vec::new(), foreign_key(dialect, fk)));
    }
    let engine = dialect.engine();
    for exclusion in table.exclusions.iter().filter(|e| e.applies_to(engine)) {
        lines.push((Vec::new(), exclusion_constraint(dialect, table, exclusion)));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // What is skipped on this engine on purpose says so in front of the table.
    let mut sql = String::new();
    let skipped = table
        .indexes
        .iter()
        .filter(|i| !i.applies_to(engine))
        .map(|i| ("index", &i.name, &i.engines))
        .chain(
            table
                .exclusions
                .iter()
                .filter(|e| !e.engines.is_empty() && !e.engines.contains(&engine))
                .map(|e| ("exclusion constraint", &e.name, &e.engines)),
        );
    if let Some(note) = crate::security::skipped_note(dialect, table) {
        for line in line_comment(&note) {
            sql.push_str(&line);
            sql.push('\n');
        }
    }
    for (kind, name, engines) in skipped {
        let only: Vec<String> = engines.iter().map(ToString::to_string).collect();
        for line in line_comment(&format!(
            "{kind} {name} is not created on {engine}: it is declared for {} only",
            only.join(", ")
        )) {
            sql.push_str(&line);
            sql.push('\n');
        }
    }
    // Room for every line up front: the statement is built without regrowing.
    sql.reserve(
        64 + lines
            .iter()
            .map(|(comments, line)| {
                line.len() + 4 + comments.iter().map(|c| c.len() + 3).sum::<usize>()
            })
            .sum::<usize>(),
    );
    sql.push_str("CREATE TABLE ");
    sql.push_str(&identifier(dialect, &table.name));
    sql.push_str(" (\n");
    if let (Some(comment), true) = (&table.comment, line_comments) {
        for line in line_comment(comment) {
            sql.push_str("  ");
            sql.push_str(&line);
            sql.push('\n');
        }
    }
    let count = lines.len();
    for (i, (comments, line)) in lines.into_iter().enumerate() {
        for comment in comments {
            sql.push_str("  ");
            sql.push_str(&comment);
            sql.push('\n');
        }
        sql.push_str("  ");
        sql.push_str(&line);
        if i + 1 < count {
            sql.push(',');
        }
        sql.push('\n');
    }
    sql.push(')');
    let options = dialect.table_options(table);
    if !options.is_empty() {
        sql.push(' ');
        sql.push_str(&options.join(" "));
    }
    if let Some(partitioning) = crate::partitions::table_clause(dialect, table) {
        sql.push(' ');
        sql.push_str(&partitioning);
    }
    Ok(sql)
}

/// `CONSTRAINT "name" PRIMARY KEY (...)`.
pub(crate) fn primary_key<D: Dialect + ?Sized>(dialect: &D, pk: &PrimaryKey) -> String {
    format!(
        "CONSTRAINT {} PRIMARY KEY ({})",
        identifier(dialect, &pk.name),
        identifiers(dialect, &pk.columns)
    )
}

/// `CONSTRAINT "name" UNIQUE [NULLS NOT DISTINCT] (...)`.
pub(crate) fn unique_constraint<D: Dialect + ?Sized>(dialect: &D, unique: &Unique) -> String {
    format!(
        "CONSTRAINT {} UNIQUE {}({})",
        identifier(dialect, &unique.name),
        if unique.nulls_not_distinct {
            "NULLS NOT DISTINCT "
        } else {
            ""
        },
        identifiers(dialect, &unique.columns)
    )
}

/// `CONSTRAINT "name" CHECK (...)`, with the expression as the engine needs it.
pub(crate) fn check_constraint<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    check: &Check,
) -> String {
    format!(
        "CONSTRAINT {} CHECK ({})",
        identifier(dialect, &check.name),
        crate::expr::as_written(dialect, table, &check.expr)
    )
}

/// The identity column that becomes the table's rowid alias (`INTEGER PRIMARY KEY`), if the
/// engine writes identities that way.
pub(crate) fn rowid_column<'a, D: Dialect + ?Sized>(
    dialect: &D,
    table: &'a TableDef,
) -> Option<&'a str> {
    if dialect.identity_style() != IdentityStyle::RowidAlias {
        return None;
    }
    let pk = table.primary_key.as_ref()?;
    match pk.columns.as_slice() {
        [only]
            if table
                .find_column(only)
                .is_some_and(|c| c.identity.is_some()) =>
        {
            Some(only)
        }
        _ => None,
    }
}

/// `"name" TYPE [NOT NULL] [DEFAULT ...] [identity] [CHECK (...)] [COMMENT '...']`.
pub(crate) fn column_definition<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    column: &Column,
    rowid: Option<&str>,
) -> Result<String, Diagnostic> {
    let mut sql = identifier(dialect, &column.name);
    sql.push(' ');
    sql.push_str(&types::column_type(dialect, &table.name, column)?);
    if let Some(collation) = column.collation.get(&dialect.engine()) {
        sql.push_str(&format!(" COLLATE {}", identifier(dialect, collation)));
    }
    if let Some(generated) = &column.generated {
        sql.push_str(&format!(
            " GENERATED ALWAYS AS ({}) {}",
            crate::expr::as_written(dialect, table, &generated.expr),
            match generated.kind {
                GeneratedKind::Stored => "STORED",
                GeneratedKind::Virtual => "VIRTUAL",
            }
        ));
    }
    // MariaDB refuses NOT NULL on a generated column, and a CHECK there must follow COMMENT.
    let mut not_null_check = None;
    match (column.nullable, &column.generated) {
        (true, _) => {}
        (false, Some(_)) if !dialect.generated_columns_take_not_null() => {
            not_null_check = Some(format!(
                " CHECK ({} IS NOT NULL)",
                identifier(dialect, &column.name)
            ));
        }
        (false, _) => sql.push_str(" NOT NULL"),
    }
    if let Some(default) = &column.default {
        sql.push_str(" DEFAULT ");
        sql.push_str(&default_value(dialect, &column.sql_type, default));
    }
    match (column.identity, dialect.identity_style()) {
        (None, _) => {}
        (Some(identity), IdentityStyle::Generated) => sql.push_str(match identity {
            Identity::ByDefault => " GENERATED BY DEFAULT AS IDENTITY",
            Identity::Always => " GENERATED ALWAYS AS IDENTITY",
        }),
        (Some(_), IdentityStyle::AutoIncrement) => sql.push_str(" AUTO_INCREMENT"),
        (Some(_), IdentityStyle::RowidAlias) => {
            // Checked: the sole primary key column. AUTOINCREMENT so ids of deleted rows are
            // never reused, as on the other engines.
            if let (Some(pk), Some(_)) = (&table.primary_key, rowid) {
                sql.push_str(&format!(
                    " CONSTRAINT {} PRIMARY KEY AUTOINCREMENT",
                    identifier(dialect, &pk.name)
                ));
            }
        }
    }
    // MySQL's column grammar puts COMMENT before any CHECK.
    if let (Some(comment), CommentStyle::Inline) = (&column.comment, dialect.comment_style()) {
        sql.push_str(&format!(" COMMENT {}", string(dialect, comment)));
    }
    if let Some(check) = types::domain_check(dialect, column)
        && !written_by_referential_action(dialect, table, column)
    {
        sql.push_str(&format!(" CHECK ({check})"));
    }
    if let (SqlType::Domain(domain), false) = (&column.sql_type, dialect.supports_domains())
        && !written_by_referential_action(dialect, table, column)
    {
        let column = identifier(dialect, &column.name);
        let check = crate::features::domain_check_for(dialect, &column, &domain.check);
        sql.push_str(&format!(" CHECK ({check})"));
    }
    if let Some(check) = not_null_check {
        sql.push_str(&check);
    }
    Ok(sql)
}

/// The text after `DEFAULT`.
pub(crate) fn default_value<D: Dialect + ?Sized>(
    dialect: &D,
    sql_type: &SqlType,
    default: &ColumnDefault,
) -> String {
    let literal = match default {
        ColumnDefault::Now => return dialect.now(sql_type),
        ColumnDefault::CurrentDate => return dialect.current_date(),
        ColumnDefault::RandomUuid => return dialect.random_uuid(),
        // Parenthesised on every engine: SQLite and MySQL require it for expressions and
        // PostgreSQL accepts it.
        ColumnDefault::Sql(sql) => return format!("({sql})"),
        ColumnDefault::Value(literal) => literal_value(dialect, sql_type, literal),
    };
    if dialect.literal_default_needs_parentheses(sql_type) {
        format!("({literal})")
    } else {
        literal
    }
}

/// A typed constant as the engine stores values of `sql_type`.
fn literal_value<D: Dialect + ?Sized>(
    dialect: &D,
    sql_type: &SqlType,
    literal: &Literal,
) -> String {
    let decimal_text =
        dialect.stores_decimal_as_text() && matches!(sql_type, SqlType::Decimal { .. });
    match literal {
        Literal::Bool(value) => dialect.bool_literal(*value).to_string(),
        Literal::Int(value) if decimal_text => string(dialect, &value.to_string()),
        Literal::Int(value) => value.to_string(),
        Literal::Number(text) if decimal_text => string(dialect, text),
        Literal::Number(text) => text.clone(),
        Literal::Text(text) => match sql_type {
            SqlType::Uuid if dialect.stores_uuid_as_bytes() => match crate::check::parse_uuid(text)
            {
                Some(bytes) => dialect.blob_literal(&bytes),
                None => string(dialect, text),
            },
            SqlType::Bytes => dialect.blob_literal(text.as_bytes()),
            _ => string(dialect, text),
        },
    }
}

/// `CONSTRAINT "name" FOREIGN KEY (...) REFERENCES "t" (...) ON DELETE ... ON UPDATE ...`.
pub(crate) fn foreign_key<D: Dialect + ?Sized>(dialect: &D, fk: &ForeignKey) -> String {
    let mut sql = format!(
        "CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {} ({})",
        identifier(dialect, &fk.name),
        identifiers(dialect, &fk.columns),
        identifier(dialect, &fk.references),
        identifiers(dialect, &fk.referenced_columns)
    );
    if fk.match_full {
        sql.push_str(" MATCH FULL");
    }
    // Both actions always: MariaDB records an omitted action as RESTRICT, not NO ACTION.
    sql.push_str(&format!(
        " ON DELETE {} ON UPDATE {}",
        fk.on_delete, fk.on_update
    ));
    if let Some(deferrable) = fk.deferrable {
        sql.push_str(&format!(" {deferrable}"));
    }
    sql
}

/// `CREATE [UNIQUE|FULLTEXT] INDEX "name" ON "t" [USING m] (parts) [INCLUDE (...)]
/// [NULLS NOT DISTINCT] [WHERE ...]`.
pub(crate) fn create_index<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    index: &Index,
) -> String {
    let keyword = match (
        index.unique,
        index.method.and_then(|m| dialect.index_keyword(m)),
    ) {
        (_, Some(keyword)) => format!("{keyword} "),
        (true, None) => "UNIQUE ".to_string(),
        (false, None) => String::new(),
    };
    let mut sql = format!(
        "CREATE {keyword}INDEX {} ON {}",
        identifier(dialect, &index.name),
        identifier(dialect, &table.name),
    );
    if let Some(clause) = index.method.and_then(|m| dialect.index_method_clause(m)) {
        sql.push(' ');
        sql.push_str(&clause);
    }
    let mut parts: Vec<String> = index
        .columns
        .iter()
        .map(|column| {
            let mut part = identifier(dialect, column);
            if let Some(options) = index.parts.get(column) {
                if let Some(length) = options.prefix {
                    part.push_str(&format!("({length})"));
                }
                if let Some(opclass) = &options.opclass {
                    part.push(' ');
                    part.push_str(opclass);
                }
                match options.order {
                    Some(SortOrder::Asc) => part.push_str(" ASC"),
                    Some(SortOrder::Desc) => part.push_str(" DESC"),
                    None => {}
                }
                match options.nulls {
                    Some(NullsOrder::First) => part.push_str(" NULLS FIRST"),
                    Some(NullsOrder::Last) => part.push_str(" NULLS LAST"),
                    None => {}
                }
            }
            part
        })
        .collect();
    parts.extend(
        index
            .expressions
            .iter()
            .map(|expr| format!("({})", crate::expr::as_written(dialect, table, expr))),
    );
    sql.push_str(&format!(" ({})", parts.join(", ")));
    if !index.include.is_empty() {
        sql.push_str(&format!(
            " INCLUDE ({})",
            identifiers(dialect, &index.include)
        ));
    }
    if index.nulls_not_distinct {
        sql.push_str(" NULLS NOT DISTINCT");
    }
    if let Some(predicate) = &index.predicate {
        let predicate = crate::expr::as_written(dialect, table, predicate);
        sql.push_str(&format!(" WHERE {predicate}"));
    }
    sql
}

/// `CONSTRAINT "name" EXCLUDE USING gist ("room_id" WITH =, "during" WITH &&) [WHERE (...)]`.
pub(crate) fn exclusion_constraint<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    exclusion: &Exclusion,
) -> String {
    let elements: Vec<String> = exclusion
        .elements
        .iter()
        .map(|element| {
            let target = if table.find_column(&element.expr).is_some() {
                identifier(dialect, &element.expr)
            } else {
                format!("({})", element.expr)
            };
            format!("{target} WITH {}", element.operator)
        })
        .collect();
    let mut sql = format!(
        "CONSTRAINT {} EXCLUDE USING {} ({})",
        identifier(dialect, &exclusion.name),
        exclusion.method,
        elements.join(", ")
    );
    if let Some(predicate) = &exclusion.predicate {
        sql.push_str(&format!(" WHERE ({predicate})"));
    }
    sql
}

/// `COMMENT ON TABLE` / `COMMENT ON COLUMN` for every documented table and column.
fn comment_statements<D: Dialect + ?Sized>(dialect: &D, plan: &Plan<'_>) -> Vec<String> {
    let mut statements = Vec::new();
    for table in &plan.tables {
        if table.comment.is_some() {
            statements.push(table_comment(
                dialect,
                &table.name,
                table.comment.as_deref(),
            ));
        }
        for column in &table.columns {
            if column.comment.is_some() {
                statements.push(column_comment(
                    dialect,
                    &table.name,
                    &column.name,
                    column.comment.as_deref(),
                ));
            }
        }
    }
    statements
}

/// `COMMENT ON TABLE "t" IS '...'` (`IS NULL` removes the comment).
pub(crate) fn table_comment<D: Dialect + ?Sized>(
    dialect: &D,
    table: &str,
    comment: Option<&str>,
) -> String {
    format!(
        "COMMENT ON TABLE {} IS {}",
        identifier(dialect, table),
        comment.map_or("NULL".to_string(), |c| string(dialect, c))
    )
}

/// `COMMENT ON COLUMN "t"."c" IS '...'` (`IS NULL` removes the comment).
pub(crate) fn column_comment<D: Dialect + ?Sized>(
    dialect: &D,
    table: &str,
    column: &str,
    comment: Option<&str>,
) -> String {
    format!(
        "COMMENT ON COLUMN {}.{} IS {}",
        identifier(dialect, table),
        identifier(dialect, column),
        comment.map_or("NULL".to_string(), |c| string(dialect, c))
    )
}

/// A comment as `--` lines; a line break in the comment cannot end the comment early.
pub(crate) fn line_comment(comment: &str) -> Vec<String> {
    comment
        .lines()
        .map(|line| format!("-- {line}").trim_end().to_string())
        .collect()
}

/// Whether a foreign key's ON DELETE/UPDATE action writes `column` on an engine that forbids
/// CHECKs on such columns (MySQL 8). Its type CHECK is then left out, losing nothing: the foreign
/// key only admits the parent's values, which pass the same CHECK there, or NULL.
fn written_by_referential_action<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    column: &Column,
) -> bool {
    !dialect.allows_checks_on_referential_action_columns()
        && table.foreign_key_writing(&column.name).is_some()
}

#[cfg(test)]
mod tests {
    use schema_core::{Column, Engine, ForeignKey, Index, Schema, SqlType, TableDef};

    use crate::dialect;

    fn render(engine: Engine, tables: Vec<TableDef>) -> Vec<String> {
        let schema = tables
            .into_iter()
            .fold(Schema::builder(), |b, t| b.table_def(t))
            .build()
            .unwrap();
        dialect(engine).render(&schema).unwrap().statements
    }

    #[test]
    fn a_line_break_in_a_comment_cannot_end_the_sql_comment() {
        let table = TableDef::new("t")
            .comment("first\nDROP TABLE t; --")
            .column(Column::new("c", SqlType::Text).comment("a\r\nb"));
        let sql = &render(Engine::Sqlite, vec![table])[1];
        assert_eq!(
            sql,
            "CREATE TABLE \"t\" (\n  -- first\n  -- DROP TABLE t; --\n  -- a\n  -- b\n  \"c\" TEXT NOT NULL\n) STRICT"
        );
    }

    #[test]
    fn statements_come_in_script_order() {
        let a = TableDef::new("a")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("b_id", SqlType::BigInt))
            .primary_key(["id"])
            .index(Index::on(["b_id"]))
            .foreign_key(ForeignKey::to("b", ["id"]).columns(["b_id"]));
        let b = TableDef::new("b")
            .comment("B")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("a_id", SqlType::BigInt))
            .primary_key(["id"])
            .foreign_key(ForeignKey::to("a", ["id"]).columns(["a_id"]));
        let statements = render(Engine::Postgres, vec![a, b]);
        let expected = [
            "CREATE TABLE \"a\" (",
            "CREATE TABLE \"b\" (",
            "CREATE INDEX \"a_b_id_idx\" ON \"a\" (\"b_id\")",
            "ALTER TABLE \"a\" ADD CONSTRAINT \"a_b_id_fkey\" FOREIGN KEY (\"b_id\") REFERENCES \"b\" (\"id\")",
            "COMMENT ON TABLE \"b\" IS 'B'",
        ];
        assert_eq!(statements.len(), expected.len());
        for (statement, prefix) in statements.iter().zip(expected) {
            assert!(statement.starts_with(prefix), "{statement}");
        }
        assert!(!statements[0].contains("FOREIGN KEY"));
        assert!(statements[1].contains("REFERENCES \"a\""));
    }
}
