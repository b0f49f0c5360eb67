//! What a live database can tell us, and the normal form in which a declared and an introspected
//! schema are compared.
//!
//! [`as_deployed`] projects a declared schema onto what one engine stores; [`comparable`] brings
//! either side into one canonical form (objects sorted by name, SQL expressions in a canonical
//! spelling). Two schemas are the same on an engine when
//! `comparable(as_deployed(declared)) == comparable(introspected)`.
//!
//! What is lost per engine (and so dropped by [`as_deployed`]):
//! - every engine: advisor data (`allows`, functional dependencies), the `engines` lists of
//!   indexes and exclusions (only the ones created on the engine remain), other engines'
//!   collations and raw types;
//! - types: an engine that stores two logical types alike reads back the first of them in
//!   [`CANDIDATES`] order (MySQL: `jsonb` is `json`, `timestamp` is `timestamptz`; SQLite:
//!   `char(n)` is `varchar(n)`, `timestamp` is `timestamptz`, every decimal is an unconstrained
//!   decimal, `json`/`jsonb`/`text` without a CHECK, ...);
//! - PostgreSQL: a UNIQUE constraint over the same columns as the primary key or an earlier
//!   UNIQUE constraint is silently not created;
//! - MySQL: primary keys are all named `PRIMARY` (read back as `<table>_pkey`), and a unique
//!   index over plain columns is the same object as a UNIQUE constraint (read back as one);
//! - MySQL/SQLite: enum types have no name (read back as `<table>_<column>`), domains are their
//!   base type plus a column CHECK named after the column;
//! - identities: `ALWAYS` reads back as `BY DEFAULT` where the engine has only one kind (MySQL
//!   `AUTO_INCREMENT`, SQLite `AUTOINCREMENT`);
//! - SQLite: comments (the engine keeps none; the `--` lines our writer puts in the table text
//!   cannot be told apart between a table and its first column);
//! - `decimal(p)` is `decimal(p,0)` (SQL's rule; PostgreSQL and MySQL store it so);
//! - roles, grants and default privileges are not read back yet (roles are cluster-wide on
//!   PostgreSQL and server-wide on MySQL); row-level security (ENABLE/FORCE, tenant isolation,
//!   policies) is read on PostgreSQL, the only engine that has it;
//! - views: the engine derives column types from the query, so only column names (and
//!   PostgreSQL's comments) are compared; bodies are compared in [`canonical_query`] spelling;
//!   MySQL and SQLite keep no view comments; triggers: bodies with whitespace collapsed, and on
//!   MySQL a `WHEN` is the `IF` the writer wraps around the body;
//! - partitions: a lifecycle reads back as the partitions of its window (the maintenance
//!   function is the writer's, not read back); PostgreSQL only so far (MySQL's partitions are
//!   not read back yet);
//! - check expressions and defaults are compared in their canonical spelling
//!   ([`canonical_sql`]): PostgreSQL rewrites `x IN (...)` to `x = ANY (ARRAY[...])`,
//!   `BETWEEN` to two comparisons and adds casts; MariaDB lowercases functions.

use std::ops::ControlFlow;

use schema_core::{Engine, Schema, SqlType, TableDef};
use sqlparser::ast::{
    BinaryOperator, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Ident, ObjectNamePart,
    UnaryOperator, Value, visit_expressions_mut,
};

use crate::dialect;

/// Logical types in the order an engine's ambiguous storage type is read back: the first type
/// whose rendering (type name and domain CHECK) matches wins. Parameterised types (`varchar(n)`,
/// `char(n)`, `decimal(p,s)`) are tried with the numbers found in the catalog.
pub const CANDIDATES: [SqlType; 21] = [
    SqlType::Boolean,
    SqlType::SmallInt,
    SqlType::Integer,
    SqlType::BigInt,
    SqlType::Real,
    SqlType::Double,
    SqlType::Decimal {
        precision: None,
        scale: None,
    },
    SqlType::Text,
    SqlType::Bytes,
    SqlType::Uuid,
    SqlType::Date,
    SqlType::Time,
    SqlType::TimestampTz,
    SqlType::Timestamp,
    SqlType::Json,
    SqlType::Jsonb,
    SqlType::Inet,
    SqlType::Cidr,
    SqlType::Interval,
    SqlType::TsVector,
    SqlType::CiText,
];

/// `sql` in a canonical spelling for comparison: parentheses, casts and identifier quotes
/// removed, names lowercased, `= ANY (ARRAY[...])` as `IN (...)`, `BETWEEN` as two comparisons.
/// Not meant to be executed (dropping parentheses can change precedence); text that does not
/// parse is compared with whitespace collapsed.
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::introspect::canonical_sql;
/// assert_eq!(
///     canonical_sql(Engine::Postgres, "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"),
///     canonical_sql(Engine::Postgres, "\"status\" IN ('a', 'b')"),
/// );
/// assert_eq!(
///     canonical_sql(Engine::Postgres, "((n >= '-5'::integer) AND (n <= 200))"),
///     canonical_sql(Engine::Postgres, "n BETWEEN -5 AND 200"),
/// );
/// ```
pub fn canonical_sql(engine: Engine, sql: &str) -> String {
    let Ok(mut expr) = crate::expr::parse(dialect(engine), sql.trim()) else {
        return sql.split_whitespace().collect::<Vec<_>>().join(" ");
    };
    let synonyms = dialect(engine).stored_function_synonyms();
    let _ = visit_expressions_mut(&mut expr, |e| {
        canonical_node(e, synonyms);
        ControlFlow::<()>::Continue(())
    });
    expr.to_string()
}

/// Rewrites one node whose children are already canonical.
fn canonical_node(e: &mut Expr, synonyms: &[(&str, &str)]) {
    let replacement = match e {
        Expr::Nested(inner) => Some((**inner).clone()),
        Expr::Cast { expr, .. } => Some(match &**expr {
            Expr::Value(v) => match &v.value {
                Value::SingleQuotedString(s) if looks_numeric(s) => number(s),
                _ => (**expr).clone(),
            },
            _ => (**expr).clone(),
        }),
        Expr::Prefixed { value, .. } => Some((**value).clone()),
        // MySQL reads `"A"` as a string and stores it as `'A'`, and `FALSE` as `0`.
        Expr::Value(v) => match &v.value {
            Value::DoubleQuotedString(s) => {
                Some(Expr::Value(Value::SingleQuotedString(s.clone()).into()))
            }
            Value::Boolean(b) => Some(number(if *b { "1" } else { "0" })),
            _ => None,
        },
        Expr::Identifier(ident) => Some(Expr::Identifier(Ident::new(ident.value.to_lowercase()))),
        Expr::CompoundIdentifier(parts) => parts
            .last()
            .map(|last| Expr::Identifier(Ident::new(last.value.to_lowercase()))),
        Expr::Function(function) => {
            // MariaDB stores `count(*)` as `count(0)`.
            if let FunctionArguments::List(list) = &mut function.args
                && function.name.to_string().eq_ignore_ascii_case("count")
                && let [FunctionArg::Unnamed(FunctionArgExpr::Expr(Expr::Value(v)))] =
                    list.args.as_slice()
                && matches!(v.value, Value::Number(_, _))
            {
                list.args = vec![FunctionArg::Unnamed(FunctionArgExpr::Wildcard)];
            }
            // `f()` and `f` (CURRENT_DATE) compare alike.
            if let FunctionArguments::List(list) = &function.args
                && list.args.is_empty()
                && list.clauses.is_empty()
            {
                function.args = FunctionArguments::None;
            }
            for part in &mut function.name.0 {
                if let ObjectNamePart::Identifier(ident) = part {
                    let lower = ident.value.to_lowercase();
                    let name = synonyms
                        .iter()
                        .find(|(stored, _)| *stored == lower)
                        .map_or(lower.as_str(), |(_, written)| written);
                    *ident = Ident::new(name);
                }
            }
            None
        }
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => match &**expr {
            Expr::Value(v) => match &v.value {
                Value::Number(n, _) => Some(number(&format!("-{n}"))),
                _ => None,
            },
            _ => None,
        },
        Expr::AnyOp {
            left,
            compare_op: BinaryOperator::Eq,
            right,
            ..
        } => match &**right {
            Expr::Array(array) => Some(Expr::InList {
                expr: left.clone(),
                list: array.elem.clone(),
                negated: false,
            }),
            _ => None,
        },
        Expr::Between {
            expr,
            negated: false,
            low,
            high,
        } => Some(Expr::BinaryOp {
            left: Box::new(Expr::BinaryOp {
                left: expr.clone(),
                op: BinaryOperator::GtEq,
                right: low.clone(),
            }),
            op: BinaryOperator::And,
            right: Box::new(Expr::BinaryOp {
                left: expr.clone(),
                op: BinaryOperator::LtEq,
                right: high.clone(),
            }),
        }),
        _ => None,
    };
    if let Some(replacement) = replacement {
        *e = replacement;
    }
}

fn looks_numeric(s: &str) -> bool {
    s.parse::<f64>().is_ok()
}

fn number(s: &str) -> Expr {
    Expr::Value(Value::Number(s.to_string(), false).into())
}

/// `declared` as `engine` stores it: what the engine cannot hold is dropped and types are the
/// ones the engine reads back (see the module documentation for the list).
///
/// ```
/// use schema_core::{Column, Engine, Index, Schema, SqlType, TableDef};
/// use schema_dialects::introspect::as_deployed;
/// let schema = Schema::builder()
///     .table_def(
///         TableDef::new("t")
///             .column(Column::new("id", SqlType::BigInt))
///             .column(Column::new("doc", SqlType::Jsonb))
///             .primary_key(["id"])
///             .index(Index::on(["doc"]).only_on([Engine::Postgres])),
///     )
///     .build()
///     .unwrap();
/// let on_mysql = as_deployed(&schema, Engine::MySql);
/// assert_eq!(on_mysql.tables[0].columns[1].sql_type, SqlType::Json);
/// assert!(on_mysql.tables[0].indexes.is_empty());
/// ```
pub fn as_deployed(declared: &Schema, engine: Engine) -> Schema {
    let mut schema = declared.clone();
    let target = dialect(engine);
    if !target.supports_extensions() {
        schema.extensions.clear();
    } else {
        schema
            .extensions
            .extend(target.required_extensions(declared));
        schema.extensions.sort();
        schema.extensions.dedup();
    }
    for table in &mut schema.tables {
        deploy_table(table, engine);
    }
    for view in &mut schema.views {
        deploy_view(view, engine);
    }
    deploy_triggers(&mut schema, engine);
    for table in &mut schema.tables {
        deploy_row_security(table, engine);
    }
    // Not read back yet: roles, grants and default privileges (roles are cluster-wide on
    // PostgreSQL, so reading them needs a rule for which roles belong to the schema).
    schema.security = schema_core::Security::default();
    if !target.supports_functions() {
        schema.functions.clear();
    }
    schema
}

/// Partitioning as `engine` holds it: the lifecycle's window expanded into its partitions (the
/// maintenance policy itself is a function, not read back), none where the engine has none or it
/// is declared for others. Not read back yet on MySQL (partitions inside CREATE TABLE).
fn deploy_partitioning(table: &mut TableDef, engine: Engine) {
    let Some(partitioning) = &mut table.partitioning else {
        return;
    };
    let style = dialect(engine).partition_style();
    if style != Some(crate::PartitionStyle::Declarative) || !partitioning.applies_to(engine) {
        table.partitioning = None;
        return;
    }
    partitioning.partitions = partitioning.all_partitions(&table.name);
    partitioning.partitions.sort_by(|a, b| a.name.cmp(&b.name));
    partitioning.lifecycle = None;
    partitioning.engines.clear();
}

/// Row-level security as `engine` holds it: none where the engine has none or the table's is
/// declared for other engines; elsewhere the effective mode (`None` when off).
fn deploy_row_security(table: &mut TableDef, engine: Engine) {
    let security = &mut table.security;
    if !dialect(engine).supports_row_level_security() || !security.applies_to(engine) {
        *security = schema_core::TableSecurity::default();
        return;
    }
    let mode = security.effective_row_security();
    security.row_security = (mode != schema_core::RowSecurity::Off).then_some(mode);
    security.engines.clear();
}

/// Triggers with a body for `engine`, that body only; where the grammar has no `WHEN` the
/// condition is the `IF` the writer wraps around the body.
fn deploy_triggers(schema: &mut Schema, engine: Engine) {
    let target = dialect(engine);
    schema.triggers.retain(|t| t.bodies.contains_key(&engine));
    for trigger in &mut schema.triggers {
        let body = trigger.bodies.remove(&engine).unwrap_or_default();
        let body = match (target.trigger_style(), trigger.when.take()) {
            (
                crate::TriggerStyle::Inline {
                    when_clause: false, ..
                },
                Some(when),
            ) => {
                let inner: Vec<String> = body
                    .trim()
                    .lines()
                    .map(|l| format!("  {l}").trim_end().to_string())
                    .collect();
                format!("IF {when} THEN\n{}\nEND IF;", inner.join("\n"))
            }
            (_, when) => {
                trigger.when = when;
                body.trim().to_string()
            }
        };
        trigger.bodies = [(engine, body)].into_iter().collect();
    }
    schema.triggers.sort_by(|a, b| a.name.cmp(&b.name));
}

/// A view as `engine` holds it: its own body, materialized only where the engine has
/// materialized views, the invoker setting only where one exists, comments only where the engine
/// keeps them for views (PostgreSQL).
fn deploy_view(view: &mut schema_core::View, engine: Engine) {
    let target = dialect(engine);
    view.sql = view.sql_on(engine).trim().trim_end_matches(';').to_string();
    view.engine_sql.clear();
    view.materialized = view.materialized && target.supports_materialized_views();
    if !view.materialized {
        view.indexes.clear();
    }
    for index in &mut view.indexes {
        index.engines.clear();
    }
    let has_setting = !view.materialized
        && target.security_invoker_views() != crate::SecurityInvokerViews::NotApplicable;
    if !has_setting {
        view.security_invoker = true;
    }
    if target.comment_style() != crate::CommentStyle::CommentOn {
        view.comment = None;
        for column in &mut view.columns {
            column.comment = None;
        }
    }
}

fn deploy_table(table: &mut TableDef, engine: Engine) {
    let target = dialect(engine);
    table.allows.clear();
    table.functional_dependencies.clear();
    table.indexes.retain(|index| index.applies_to(engine));
    for index in &mut table.indexes {
        index.engines.clear();
        // The engine's default method and sort order read back as unset.
        if index.method == Some(schema_core::IndexMethod::BTree) {
            index.method = None;
        }
        for part in index.parts.values_mut() {
            let desc = part.order == Some(schema_core::SortOrder::Desc);
            if !desc {
                part.order = None;
            }
            let default_nulls = if desc {
                schema_core::NullsOrder::First
            } else {
                schema_core::NullsOrder::Last
            };
            if part.nulls == Some(default_nulls) {
                part.nulls = None;
            }
        }
        index
            .parts
            .retain(|_, part| *part != schema_core::KeyPart::default());
    }
    table.exclusions.retain(|e| e.applies_to(engine));
    for exclusion in &mut table.exclusions {
        exclusion.engines.clear();
    }
    deploy_partitioning(table, engine);
    if !target.keeps_primary_key_names()
        && let Some(pk) = &mut table.primary_key
    {
        pk.name = schema_core::naming::primary_key(&table.name);
    }
    if target.merges_duplicate_unique_constraints() {
        let mut seen: Vec<Vec<String>> = table
            .primary_key
            .iter()
            .map(|pk| pk.columns.clone())
            .collect();
        table.uniques.retain(|unique| {
            let duplicate = seen.contains(&unique.columns);
            seen.push(unique.columns.clone());
            !duplicate
        });
    }
    if target.unique_indexes_are_constraints() {
        let (plain, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut table.indexes)
            .into_iter()
            .partition(|i| {
                i.unique
                    && i.expressions.is_empty()
                    && i.predicate.is_none()
                    && i.method.is_none()
                    && i.parts.is_empty()
            });
        table.indexes = kept;
        table
            .uniques
            .extend(plain.into_iter().map(|i| schema_core::Unique {
                name: i.name,
                columns: i.columns,
                nulls_not_distinct: i.nulls_not_distinct,
            }));
    }
    if target.without_rowid_option().is_none() {
        table.without_rowid = false;
    }
    let keeps_comments = target.comment_style() != crate::CommentStyle::SqlLineComments;
    if !keeps_comments {
        table.comment = None;
    }
    let table_name = table.name.clone();
    let mut domain_checks = Vec::new();
    for column in &mut table.columns {
        column.allows.clear();
        if !keeps_comments {
            column.comment = None;
        }
        if column.identity.is_some() && !target.supports_identity_always() {
            column.identity = Some(schema_core::Identity::ByDefault);
        }
        column.collation.retain(|e, _| *e == engine);
        if let SqlType::Domain(domain) = &column.sql_type
            && !target.supports_domains()
        {
            let quoted = crate::quote::identifier(target, &column.name);
            domain_checks.push(schema_core::Check {
                name: column.name.clone(),
                expr: crate::features::domain_check_for(target, &quoted, &domain.check),
                column: Some(column.name.clone()),
            });
            column.sql_type = (*domain.base).clone();
        }
        let deployed = deployed_type(&column.sql_type, engine, &table_name, &column.name);
        column.sql_type = same_default(&column.sql_type, deployed, column.default.as_ref(), engine);
    }
    table.checks.extend(domain_checks);
}

/// The type `engine` reads back for a declared `sql_type`.
pub(crate) fn deployed_type(
    sql_type: &SqlType,
    engine: Engine,
    table: &str,
    column: &str,
) -> SqlType {
    let target = dialect(engine);
    match sql_type {
        // Raw text that is how the engine stores a logical type reads back as that type.
        SqlType::Raw(per_engine) => match per_engine.get(&engine) {
            Some(text) => super::recover::column_type(
                engine,
                table,
                column,
                text.trim(),
                true,
                &mut Vec::new(),
            ),
            None => SqlType::Raw(Default::default()),
        },
        SqlType::Enum(enum_type) if !target.supports_enum_types() => SqlType::Enum(
            schema_core::EnumType::new(format!("{table}_{column}"), enum_type.values.clone()),
        ),
        SqlType::Enum(_) | SqlType::Domain(_) => sql_type.clone(),
        SqlType::Array(inner) => {
            SqlType::Array(Box::new(deployed_type(inner, engine, table, column)))
        }
        // SQL: `DECIMAL(p)` is `DECIMAL(p,0)`, and engines store it so.
        SqlType::Decimal {
            precision: Some(p),
            scale: None,
        } => deployed_type(
            &SqlType::Decimal {
                precision: Some(*p),
                scale: Some(0),
            },
            engine,
            table,
            column,
        ),
        declared => {
            let rendering = |t: &SqlType| (target.type_name(t), target.type_check("c", t, false));
            let wanted = rendering(declared);
            CANDIDATES
                .into_iter()
                .chain(parameterised(declared))
                .find(|candidate| rendering(candidate) == wanted)
                .unwrap_or_else(|| declared.clone())
        }
    }
}

/// Among the types `engine` stores like `deployed`, the first whose default renders like the
/// declared type's (SQLite: `timestamp` and `timestamptz` are both TEXT, but `now` differs).
pub(crate) fn same_default(
    declared: &SqlType,
    deployed: SqlType,
    default: Option<&schema_core::ColumnDefault>,
    engine: Engine,
) -> SqlType {
    let Some(default) = default else {
        return deployed;
    };
    let target = dialect(engine);
    let written = |t: &SqlType| crate::writer::default_value(target, t, default);
    if written(&deployed) == written(declared) {
        return deployed;
    }
    stored_alike(&deployed, engine)
        .into_iter()
        .find(|t| written(t) == written(declared))
        .unwrap_or(deployed)
}

/// The candidate types `engine` stores exactly like `ty` (same type name and domain CHECK).
pub(crate) fn stored_alike(ty: &SqlType, engine: Engine) -> Vec<SqlType> {
    let target = dialect(engine);
    let rendering = |t: &SqlType| (target.type_name(t), target.type_check("c", t, false));
    let wanted = rendering(ty);
    CANDIDATES
        .into_iter()
        .filter(|t| rendering(t) == wanted)
        .collect()
}

/// The parameterised types with the numbers of `ty`, in candidate order.
fn parameterised(ty: &SqlType) -> Vec<SqlType> {
    match ty {
        SqlType::Varchar(n) | SqlType::Char(n) => vec![SqlType::Varchar(*n), SqlType::Char(*n)],
        SqlType::Decimal { .. } => vec![ty.clone()],
        _ => Vec::new(),
    }
}

/// `schema` in the canonical form for comparison on `engine`: constraints, indexes and
/// extensions sorted by name, every SQL expression in [`canonical_sql`] spelling.
///
/// ```
/// use schema_core::{Column, Engine, Schema, SqlType, TableDef};
/// use schema_dialects::introspect::comparable;
/// let t = |check: &str| Schema::builder()
///     .table_def(TableDef::new("t").column(Column::new("n", SqlType::Integer)).named_check("pos", check))
///     .build()
///     .unwrap();
/// assert_eq!(comparable(&t("n > 0"), Engine::Postgres), comparable(&t("(\"n\" > 0)"), Engine::Postgres));
/// ```
pub fn comparable(schema: &Schema, engine: Engine) -> Schema {
    let canon = |sql: &mut String| *sql = canonical_sql(engine, sql);
    let mut schema = schema.clone();
    schema.extensions.sort();
    for table in &mut schema.tables {
        table.uniques.sort_by(|a, b| a.name.cmp(&b.name));
        table.checks.sort_by(|a, b| a.name.cmp(&b.name));
        table.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
        table.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        table.exclusions.sort_by(|a, b| a.name.cmp(&b.name));
        table.checks.iter_mut().for_each(|c| canon(&mut c.expr));
        for index in &mut table.indexes {
            index.expressions.iter_mut().for_each(canon);
            index.predicate.iter_mut().for_each(canon);
        }
        for exclusion in &mut table.exclusions {
            exclusion.predicate.iter_mut().for_each(canon);
            exclusion
                .elements
                .iter_mut()
                .for_each(|e| canon(&mut e.expr));
        }
        for policy in &mut table.security.policies {
            policy.using.iter_mut().for_each(canon);
            policy.with_check.iter_mut().for_each(canon);
        }
        table.security.policies.sort_by(|a, b| a.name.cmp(&b.name));
        for column in &mut table.columns {
            if let Some(generated) = &mut column.generated {
                canon(&mut generated.expr);
            }
            if let Some(schema_core::ColumnDefault::Sql(sql)) = &mut column.default {
                canon(sql);
            }
            canonical_domain(&mut column.sql_type, engine);
        }
    }
    schema.tables.sort_by(|a, b| a.name.cmp(&b.name));
    for view in &mut schema.views {
        view.sql = canonical_query(engine, &view.sql);
        // The engine derives a view column's type from the query: not compared.
        for column in &mut view.columns {
            column.sql_type = None;
            column.nullable = false;
        }
        view.indexes.sort_by(|a, b| a.name.cmp(&b.name));
    }
    schema.views.sort_by(|a, b| a.name.cmp(&b.name));
    for trigger in &mut schema.triggers {
        for body in trigger.bodies.values_mut() {
            *body = super::routines::canonical_body(body);
        }
        trigger.when.iter_mut().for_each(canon);
    }
    schema.triggers.sort_by(|a, b| a.name.cmp(&b.name));
    for function in &mut schema.functions {
        function.body = super::routines::canonical_body(&function.body);
        function.returns = function.returns.to_lowercase();
        function.language = function.language.to_lowercase();
        for arg in &mut function.args {
            arg.sql_type = arg.sql_type.to_lowercase();
        }
        if let Some(path) = &mut function.search_path {
            *path = path
                .split(',')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(", ");
        }
    }
    schema.functions.sort_by(|a, b| a.name.cmp(&b.name));
    schema
}

/// A view body in a canonical spelling for comparison: [`canonical_sql`] on every expression,
/// relation names without their schema, select-item aliases dropped (the view's column list
/// names the columns), keywords in one case. Text that does not parse is compared with
/// whitespace collapsed.
///
/// ```
/// use schema_core::Engine;
/// use schema_dialects::introspect::canonical_query;
/// assert_eq!(
///     canonical_query(Engine::Postgres, " SELECT t.name AS tenant_name\n   FROM public.tenants t;"),
///     canonical_query(Engine::Postgres, "SELECT name FROM tenants t"),
/// );
/// ```
pub fn canonical_query(engine: Engine, sql: &str) -> String {
    use sqlparser::ast::{SelectItem, VisitMut, VisitorMut};
    let text = sql.trim().trim_end_matches(';').trim();
    let parser = dialect(engine).parser_dialect();
    let Ok(mut statements) = sqlparser::parser::Parser::parse_sql(parser.as_ref(), text) else {
        return text.split_whitespace().collect::<Vec<_>>().join(" ");
    };
    struct Canon(&'static [(&'static str, &'static str)]);
    impl VisitorMut for Canon {
        type Break = ();
        fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
            canonical_node(expr, self.0);
            ControlFlow::Continue(())
        }
        fn pre_visit_query(&mut self, query: &mut sqlparser::ast::Query) -> ControlFlow<()> {
            if let sqlparser::ast::SetExpr::Select(select) = query.body.as_mut() {
                // `FROM (a JOIN b)` is `FROM a JOIN b`.
                for from in &mut select.from {
                    if let sqlparser::ast::TableFactor::NestedJoin {
                        table_with_joins,
                        alias: None,
                    } = &from.relation
                        && from.joins.is_empty()
                    {
                        *from = (**table_with_joins).clone();
                    }
                }
                for item in &mut select.projection {
                    if let SelectItem::ExprWithAlias { expr, .. } = item {
                        *item = SelectItem::UnnamedExpr(expr.clone());
                    }
                }
            }
            ControlFlow::Continue(())
        }
        fn pre_visit_table_factor(
            &mut self,
            factor: &mut sqlparser::ast::TableFactor,
        ) -> ControlFlow<()> {
            use sqlparser::ast::TableFactor;
            // MySQL writes `FROM (a JOIN b ON ...)`: the parentheses change nothing.
            if let TableFactor::NestedJoin {
                table_with_joins,
                alias: None,
            } = factor
                && table_with_joins.joins.is_empty()
            {
                *factor = table_with_joins.relation.clone();
            }
            let alias = match factor {
                TableFactor::Table { alias, .. } | TableFactor::Derived { alias, .. } => alias,
                _ => return ControlFlow::Continue(()),
            };
            if let Some(alias) = alias {
                alias.name = Ident::new(alias.name.value.to_lowercase());
                alias.explicit = true;
            }
            ControlFlow::Continue(())
        }
        fn pre_visit_relation(
            &mut self,
            relation: &mut sqlparser::ast::ObjectName,
        ) -> ControlFlow<()> {
            if let Some(ObjectNamePart::Identifier(last)) = relation.0.last().cloned() {
                relation.0 = vec![ObjectNamePart::Identifier(Ident::new(
                    last.value.to_lowercase(),
                ))];
            }
            ControlFlow::Continue(())
        }
    }
    let mut canon = Canon(dialect(engine).stored_function_synonyms());
    for statement in &mut statements {
        let _ = statement.visit(&mut canon);
    }
    statements
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn canonical_domain(ty: &mut SqlType, engine: Engine) {
    match ty {
        SqlType::Domain(domain) => domain.check = canonical_sql(engine, &domain.check),
        SqlType::Array(inner) => canonical_domain(inner, engine),
        _ => {}
    }
}
