//! Views: what each body reads (found by parsing it with the engine's grammar), the checks that
//! follow from it, the creation order, the statements, and the refresh statement of a
//! materialized view.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::ControlFlow;
use std::rc::Rc;

use schema_core::{Diagnostic, Schema, View};
use sqlparser::ast::{
    Expr, Ident, ObjectName, Query, SelectItem, SetExpr, Statement, TableFactor, Visit, Visitor,
};
use sqlparser::parser::Parser;

use crate::expr::{NILADIC, matches};
use crate::quote::{identifier, identifiers, string};
use crate::{Dialect, SecurityInvokerViews};

/// What a view body reads: relation names (as written, last name part) and column references.
#[derive(Debug, Default)]
struct Reads {
    /// Relations named in FROM/JOIN clauses, CTE names excluded.
    relations: Vec<Ident>,
    /// `alias -> relation` for every aliased or plain table reference.
    aliases: Vec<(Ident, Ident)>,
    /// Column references: the qualifier (if any) and the column.
    columns: Vec<(Option<Ident>, Ident)>,
    /// Names the query itself defines: CTEs, their columns, select-item and derived-table aliases.
    local_names: Vec<Ident>,
    /// Whether the query reads something other than plain tables (subqueries, table functions),
    /// which makes unqualified names unresolvable without a full analyzer.
    opaque: bool,
}

struct Collector<'a> {
    reads: &'a mut Reads,
}

impl Visitor for Collector<'_> {
    type Break = ();

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        if let Some(with) = &query.with {
            for cte in &with.cte_tables {
                self.reads.local_names.push(cte.alias.name.clone());
                self.reads
                    .local_names
                    .extend(cte.alias.columns.iter().map(|c| c.name.clone()));
                self.reads.opaque = true;
            }
        }
        if let SetExpr::Select(select) = query.body.as_ref() {
            for item in &select.projection {
                if let SelectItem::ExprWithAlias { alias, .. } = item {
                    self.reads.local_names.push(alias.clone());
                }
            }
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<()> {
        match factor {
            TableFactor::Table {
                name, alias, args, ..
            } => {
                if args.is_some() {
                    self.reads.opaque = true;
                } else if let Some(last) = last_part(name) {
                    let alias_name = alias.as_ref().map_or(last.clone(), |a| a.name.clone());
                    self.reads.aliases.push((alias_name, last.clone()));
                    self.reads.relations.push(last);
                }
            }
            other => {
                self.reads.opaque = true;
                if let TableFactor::Derived {
                    alias: Some(alias), ..
                } = other
                {
                    self.reads.local_names.push(alias.name.clone());
                    self.reads
                        .local_names
                        .extend(alias.columns.iter().map(|c| c.name.clone()));
                }
            }
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
        match expr {
            Expr::Identifier(ident) => self.reads.columns.push((None, ident.clone())),
            Expr::CompoundIdentifier(parts) if parts.len() >= 2 => {
                let qualifier = parts[parts.len() - 2].clone();
                self.reads
                    .columns
                    .push((Some(qualifier), parts[parts.len() - 1].clone()));
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }
}

fn last_part(name: &ObjectName) -> Option<Ident> {
    name.0.last().and_then(|part| part.as_ident()).cloned()
}

/// Parses `view`'s body for `dialect`: one query (once per render: the check and the creation
/// order share it).
fn parse<D: Dialect + ?Sized>(dialect: &D, view: &View) -> Rc<Result<Reads, String>> {
    let sql = view.sql_on(dialect.engine());
    crate::parse_cache::parsed(dialect.engine(), sql, || parse_body(dialect, sql))
}

/// Parses one view body.
fn parse_body<D: Dialect + ?Sized>(dialect: &D, sql: &str) -> Result<Reads, String> {
    let parser = dialect.parser_dialect();
    let statements = Parser::parse_sql(&*parser, sql).map_err(|e| e.to_string())?;
    let [Statement::Query(query)] = statements.as_slice() else {
        return Err("the body must be exactly one SELECT (WITH ... allowed)".into());
    };
    let mut reads = Reads::default();
    let _ = query.visit(&mut Collector { reads: &mut reads });
    let locals = reads.local_names.clone();
    reads
        .relations
        .retain(|r| !locals.iter().any(|l| l.value == r.value));
    Ok(reads)
}

/// The tables and views of the schema `view` reads on `dialect`, as schema names (empty when
/// the body does not parse; [`check`] reports that).
fn dependencies<D: Dialect + ?Sized>(
    dialect: &D,
    relations: &Relations,
    view: &View,
) -> Vec<String> {
    let parsed = parse(dialect, view);
    let Ok(reads) = &*parsed else {
        return Vec::new();
    };
    let mut found: Vec<String> = reads
        .relations
        .iter()
        .filter_map(|r| relations.resolve(dialect, r))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The tables and views of a schema by the names an identifier can resolve to, built once per
/// pass so each relation a view reads is found without scanning the schema. Resolves exactly as
/// [`matches`] against every table, then every view, would (the first match wins).
struct Relations<'a> {
    /// Each name as declared.
    exact: HashMap<&'a str, &'a str>,
    /// Each name in lower case (engines that ignore case), the first declared for it.
    lower: HashMap<String, &'a str>,
}

impl<'a> Relations<'a> {
    fn new(schema: &'a Schema) -> Self {
        let names = schema
            .tables
            .iter()
            .map(|t| t.name.as_str())
            .chain(schema.views.iter().map(|v| v.name.as_str()));
        let mut relations = Relations {
            exact: HashMap::new(),
            lower: HashMap::new(),
        };
        for name in names {
            relations.exact.entry(name).or_insert(name);
            relations
                .lower
                .entry(name.to_ascii_lowercase())
                .or_insert(name);
        }
        relations
    }

    /// The schema name `written` refers to on `dialect`.
    fn resolve<D: Dialect + ?Sized>(&self, dialect: &D, written: &Ident) -> Option<String> {
        let found = if dialect.column_names_ignore_case() {
            self.lower.get(&written.value.to_ascii_lowercase())
        } else if written.quote_style.is_none() && dialect.folds_unquoted_identifiers() {
            self.exact.get(written.value.to_ascii_lowercase().as_str())
        } else {
            self.exact.get(written.value.as_str())
        };
        found.map(|name| name.to_string())
    }
}

/// The output columns of a relation, if known: a table's columns or a view's declared ones.
fn relation_columns<'a>(schema: &'a Schema, name: &str) -> Option<Vec<&'a str>> {
    if let Some(table) = schema.table(name) {
        return Some(table.columns.iter().map(|c| c.name.as_str()).collect());
    }
    let view = schema.view(name)?;
    (!view.columns.is_empty()).then(|| view.columns.iter().map(|c| c.name.as_str()).collect())
}

/// Every problem of the views on `dialect`: a body that does not parse, a relation or a column
/// that does not exist, a dependency cycle.
pub(crate) fn check<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
    found: &mut Vec<Diagnostic>,
) {
    let engine = dialect.engine();
    let relations = Relations::new(schema);
    // The views each view reads, from the bodies parsed here (the cycle check needs no second
    // parse); a body that does not parse reads nothing.
    let mut views_read: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for view in &schema.views {
        views_read.insert(&view.name, Vec::new());
        let problem = |message: String| {
            Diagnostic::new(format!("view `{}`: {message}", view.name)).engine(engine)
        };
        crate::check::identifier(dialect, "view", &view.name, &|d| d, found);
        if view.materialized && dialect.supports_materialized_views() {
            for index in &view.indexes {
                crate::check::identifier(dialect, "index", &index.name, &|d| d, found);
            }
        }
        let parsed = parse(dialect, view);
        let reads = match &*parsed {
            Ok(reads) => reads,
            Err(error) => {
                found.push(
                    problem(format!("the body is not a valid {engine} query: {error}"))
                        .help(format!(
                            "write one SELECT; give {engine} its own text with `.sql_for(Engine::{engine:?}, \"...\")` where the SQL differs"
                        )),
                );
                continue;
            }
        };
        let mut read = BTreeMap::new();
        for relation in &reads.relations {
            match relations.resolve(dialect, relation) {
                Some(name) => {
                    read.insert(relation.value.clone(), name);
                }
                None => {
                    let known = schema
                        .tables
                        .iter()
                        .map(|t| t.name.as_str())
                        .chain(schema.views.iter().map(|v| v.name.as_str()));
                    let help = schema_core::suggest::closest(&relation.value, known)
                        .map(|c| format!("did you mean `{c}`?"))
                        .unwrap_or_else(|| "declare the table or view in the schema".into());
                    found.push(
                        problem(format!(
                            "reads `{}`, which is not a table or view of the schema",
                            relation.value
                        ))
                        .help(help),
                    );
                }
            }
        }
        views_read.insert(&view.name, views_among(schema, view, read.into_values()));
        columns(dialect, schema, &relations, reads, &problem, found);
    }
    cycles(dialect, schema, &views_read, found);
}

/// Column references resolved against what the view reads: a qualified one against its
/// relation; an unqualified one, when every relation is a known table or view, against all of
/// them and the query's own aliases.
fn columns<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
    relations: &Relations,
    reads: &Reads,
    problem: &dyn Fn(String) -> Diagnostic,
    found: &mut Vec<Diagnostic>,
) {
    let relation_of = |qualifier: &Ident| -> Option<String> {
        reads
            .aliases
            .iter()
            .find(|(alias, _)| {
                matches(dialect, qualifier, &alias.value) || alias.value == qualifier.value
            })
            .and_then(|(_, relation)| relations.resolve(dialect, relation))
    };
    let mut reported = BTreeSet::new();
    let mut unknown =
        |column: &Ident, relation: &str, candidates: &[&str], found: &mut Vec<Diagnostic>| {
            if !reported.insert((relation.to_string(), column.value.clone())) {
                return;
            }
            let help = schema_core::suggest::closest(&column.value, candidates.iter().copied())
                .map(|c| format!("did you mean `{c}`?"))
                .unwrap_or_else(|| format!("the columns are {}", candidates.join(", ")));
            found.push(
                problem(format!(
                    "reads column `{}` of `{relation}`, which does not exist",
                    column.value
                ))
                .help(help),
            );
        };
    let every_relation_known = !reads.opaque
        && reads.relations.iter().all(|r| {
            relations
                .resolve(dialect, r)
                .is_some_and(|n| relation_columns(schema, &n).is_some())
        });
    for (qualifier, column) in &reads.columns {
        match qualifier {
            Some(qualifier) => {
                let Some(relation) = relation_of(qualifier) else {
                    continue;
                };
                let Some(names) = relation_columns(schema, &relation) else {
                    continue;
                };
                if !names.iter().any(|n| matches(dialect, column, n)) {
                    unknown(column, &relation, &names, found);
                }
            }
            None if every_relation_known && !reads.relations.is_empty() => {
                if column.quote_style.is_none()
                    && NILADIC.contains(&column.value.to_ascii_uppercase().as_str())
                {
                    continue;
                }
                if reads
                    .local_names
                    .iter()
                    .any(|l| matches(dialect, column, &l.value))
                {
                    continue;
                }
                let relations: Vec<String> = reads
                    .relations
                    .iter()
                    .filter_map(|r| relations.resolve(dialect, r))
                    .collect();
                let all: Vec<&str> = relations
                    .iter()
                    .flat_map(|r| relation_columns(schema, r).unwrap_or_default())
                    .collect();
                if !all.iter().any(|n| matches(dialect, column, n)) {
                    unknown(column, &relations.join(", "), &all, found);
                }
            }
            None => {}
        }
    }
}

/// A view that (through other views) reads itself can never be created.
fn cycles<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
    views_read: &BTreeMap<&str, Vec<String>>,
    found: &mut Vec<Diagnostic>,
) {
    let ordered: HashSet<&str> = order_by(schema, views_read)
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    for view in &schema.views {
        if !ordered.contains(view.name.as_str()) {
            found.push(
                Diagnostic::new(format!(
                    "view `{}` reads itself through other views, so it can never be created",
                    view.name
                ))
                .engine(dialect.engine())
                .help("break the cycle: one of the views must read tables only"),
            );
        }
    }
}

/// The views in creation order: each after the views it reads (tables all come first); views in
/// a cycle are left out (the check reports them).
pub(crate) fn order<'a, D: Dialect + ?Sized>(dialect: &D, schema: &'a Schema) -> Vec<&'a View> {
    let relations = Relations::new(schema);
    let reads: BTreeMap<&str, Vec<String>> = schema
        .views
        .iter()
        .map(|v| {
            let read = dependencies(dialect, &relations, v);
            (v.name.as_str(), views_among(schema, v, read))
        })
        .collect();
    order_by(schema, &reads)
}

/// The views of the schema among the relations `view` reads, other than itself.
fn views_among(
    schema: &Schema,
    view: &View,
    read: impl IntoIterator<Item = String>,
) -> Vec<String> {
    read.into_iter()
        .filter(|d| schema.view(d).is_some() && *d != view.name)
        .collect()
}

/// The views in creation order, given the views each reads.
fn order_by<'a>(schema: &'a Schema, reads: &BTreeMap<&str, Vec<String>>) -> Vec<&'a View> {
    let mut done: Vec<&View> = Vec::new();
    let mut created: HashSet<&str> = HashSet::new();
    loop {
        let before = done.len();
        for view in &schema.views {
            if created.contains(view.name.as_str()) {
                continue;
            }
            if reads[view.name.as_str()]
                .iter()
                .all(|r| created.contains(r.as_str()))
            {
                done.push(view);
                created.insert(&view.name);
            }
        }
        if done.len() == before {
            return done;
        }
    }
}

/// `CREATE [MATERIALIZED] VIEW`, its indexes and comments, for every view in order.
pub(crate) fn statements<D: Dialect + ?Sized>(dialect: &D, schema: &Schema) -> Vec<String> {
    let mut statements = Vec::new();
    let mut comments = Vec::new();
    for view in order(dialect, schema) {
        statements.extend(create_statements(dialect, view));
        let stored = view.materialized && dialect.supports_materialized_views();
        if dialect.comment_style() == crate::CommentStyle::CommentOn {
            let kind = if stored { "MATERIALIZED VIEW" } else { "VIEW" };
            let name = identifier(dialect, &view.name);
            if let Some(comment) = &view.comment {
                comments.push(format!(
                    "COMMENT ON {kind} {name} IS {}",
                    string(dialect, comment)
                ));
            }
            for column in &view.columns {
                if let Some(comment) = &column.comment {
                    comments.push(format!(
                        "COMMENT ON COLUMN {name}.{} IS {}",
                        identifier(dialect, &column.name),
                        string(dialect, comment)
                    ));
                }
            }
        }
    }
    statements.extend(comments);
    statements
}

/// `CREATE [MATERIALIZED] VIEW` and the indexes of a stored one.
fn create_statements<D: Dialect + ?Sized>(dialect: &D, view: &View) -> Vec<String> {
    let mut statements = vec![create_view(dialect, view)];
    let stored = view.materialized && dialect.supports_materialized_views();
    for index in view.indexes.iter().filter(|_| stored) {
        statements.push(format!(
            "CREATE {}INDEX {} ON {} ({})",
            if index.unique { "UNIQUE " } else { "" },
            identifier(dialect, &index.name),
            identifier(dialect, &view.name),
            identifiers(dialect, &index.columns)
        ));
    }
    statements
}

/// `CREATE [MATERIALIZED] VIEW`. On an engine without materialized views a materialized view is
/// created as a plain view (the same rows, always current, computed when read), and the script
/// says so in a comment.
fn create_view<D: Dialect + ?Sized>(dialect: &D, view: &View) -> String {
    let mut sql = String::new();
    let mut notes: Vec<String> = Vec::new();
    if let (Some(comment), crate::CommentStyle::SqlLineComments | crate::CommentStyle::Inline) =
        (&view.comment, dialect.comment_style())
    {
        notes.extend(comment.lines().map(str::to_string));
    }
    let materialized = view.materialized && dialect.supports_materialized_views();
    if view.materialized && !materialized {
        notes.push(format!(
            "materialized view {} is a plain view on {}, which has no materialized views: always current, computed when read",
            view.name,
            dialect.engine()
        ));
    }
    for line in &notes {
        sql.push_str(format!("-- {line}").trim_end());
        sql.push('\n');
    }
    sql.push_str("CREATE ");
    let security = dialect.security_invoker_views();
    if let (SecurityInvokerViews::SqlSecurity, false) = (security, materialized) {
        sql.push_str(if view.security_invoker {
            "SQL SECURITY INVOKER "
        } else {
            "SQL SECURITY DEFINER "
        });
    }
    sql.push_str(if materialized {
        "MATERIALIZED VIEW "
    } else {
        "VIEW "
    });
    sql.push_str(&identifier(dialect, &view.name));
    if !view.columns.is_empty() {
        let names: Vec<String> = view.columns.iter().map(|c| c.name.clone()).collect();
        sql.push_str(&format!(" ({})", identifiers(dialect, &names)));
    }
    if let (SecurityInvokerViews::WithOption, false) = (security, materialized) {
        sql.push_str(&format!(
            " WITH (security_invoker = {})",
            if view.security_invoker {
                "true"
            } else {
                "false"
            }
        ));
    }
    sql.push_str(" AS\n");
    sql.push_str(view.sql_on(dialect.engine()).trim().trim_end_matches(';'));
    sql
}

/// The statement that refreshes materialized view `view` without blocking readers:
/// `REFRESH MATERIALIZED VIEW CONCURRENTLY "name"` (it needs the view's unique index).
///
/// An engine without materialized views, or a view that is not materialized or has no unique
/// index over plain columns, is an error saying what to do.
///
/// ```
/// use schema_core::{Engine, Index, View};
/// use schema_dialects::{dialect, views::refresh_concurrently};
/// let totals = View::new("tenant_totals", "SELECT tenant_id, count(*) AS n FROM invoices GROUP BY tenant_id")
///     .materialized()
///     .unique_index(Index::on(["tenant_id"]));
/// assert_eq!(
///     refresh_concurrently(dialect(Engine::Postgres), &totals).unwrap(),
///     "REFRESH MATERIALIZED VIEW CONCURRENTLY \"tenant_totals\""
/// );
/// assert!(refresh_concurrently(dialect(Engine::MySql), &totals).is_err());
/// ```
pub fn refresh_concurrently(dialect: &dyn Dialect, view: &View) -> Result<String, Diagnostic> {
    let engine = dialect.engine();
    let problem = |message: String| {
        Diagnostic::new(format!("view `{}`: {message}", view.name)).engine(engine)
    };
    if !dialect.supports_materialized_views() {
        return Err(
            problem(format!("{engine} has no materialized views to refresh"))
                .help("a plain view is always current; nothing to refresh"),
        );
    }
    if !view.materialized {
        return Err(
            problem("is not materialized, so it is always current".into())
                .help("only a `.materialized()` view is refreshed"),
        );
    }
    if view.concurrent_refresh_key().is_none() {
        return Err(problem(
            "REFRESH ... CONCURRENTLY needs a unique index over plain columns".into(),
        )
        .help("add `.unique_index(Index::on([\"id\"]))` over the view's key"));
    }
    Ok(format!(
        "REFRESH MATERIALIZED VIEW CONCURRENTLY {}",
        identifier(dialect, &view.name)
    ))
}

#[cfg(test)]
mod tests {
    use schema_core::{Column, Engine, ForeignKey, Schema, SqlType, TableDef, View, ViewColumn};

    use crate::dialect;

    fn tables() -> schema_core::SchemaBuilder {
        Schema::builder()
            .table_def(
                TableDef::new("tenants")
                    .column(Column::new("id", SqlType::BigInt))
                    .column(Column::new("name", SqlType::Text))
                    .primary_key(["id"]),
            )
            .table_def(
                TableDef::new("invoices")
                    .column(Column::new("id", SqlType::BigInt))
                    .column(Column::new("tenant_id", SqlType::BigInt))
                    .column(Column::new("total_cents", SqlType::BigInt))
                    .primary_key(["id"])
                    .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"])),
            )
    }

    fn problems(engine: Engine, views: Vec<View>) -> Vec<String> {
        let schema = views
            .into_iter()
            .fold(tables(), |b, v| b.view_def(v))
            .build()
            .unwrap();
        dialect(engine)
            .check(&schema)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_view_reading_a_missing_table_or_column_is_named_with_did_you_mean() {
        let views = vec![
            View::new(
                "a",
                "SELECT i.id, i.totl_cents FROM invoices i JOIN tenant t ON t.id = i.tenant_id",
            ),
            View::new(
                "b",
                "SELECT id, tenantid FROM invoices WHERE total_cents > 0",
            ),
        ];
        for engine in Engine::ALL {
            assert_eq!(
                problems(engine, views.clone()),
                [
                    format!(
                        "error: {engine}: view `a`: reads `tenant`, which is not a table or view of the schema\n  help: did you mean `tenants`?"
                    ),
                    format!(
                        "error: {engine}: view `a`: reads column `totl_cents` of `invoices`, which does not exist\n  help: did you mean `total_cents`?"
                    ),
                    format!(
                        "error: {engine}: view `b`: reads column `tenantid` of `invoices`, which does not exist\n  help: did you mean `tenant_id`?"
                    ),
                ]
            );
        }
    }

    #[test]
    fn ctes_aliases_and_views_resolve() {
        let views = vec![
            View::new(
                "open_totals",
                "WITH t AS (SELECT tenant_id, SUM(total_cents) AS s FROM invoices GROUP BY tenant_id) SELECT tenant_id, s FROM t WHERE s > 0",
            ),
            View::new("named", "SELECT n.id, n.label FROM tenant_names n"),
            View::new(
                "tenant_names",
                "SELECT id, name AS label FROM tenants ORDER BY label",
            )
            .column(ViewColumn::untyped("id"))
            .column(ViewColumn::untyped("label")),
        ];
        for engine in Engine::ALL {
            assert_eq!(
                problems(engine, views.clone()),
                Vec::<String>::new(),
                "{engine}"
            );
            let schema = views
                .iter()
                .cloned()
                .fold(tables(), |b, v| b.view_def(v))
                .build()
                .unwrap();
            let order: Vec<&str> = super::order(dialect(engine), &schema)
                .iter()
                .map(|v| v.name.as_str())
                .collect();
            assert_eq!(order, ["open_totals", "tenant_names", "named"], "{engine}");
        }
    }

    #[test]
    fn an_unparsable_body_and_a_cycle_are_reported() {
        let views = vec![
            View::new("broken", "SELEC id FROM invoices"),
            View::new("x", "SELECT * FROM y"),
            View::new("y", "SELECT * FROM x"),
        ];
        let found = problems(Engine::Postgres, views);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found[0].starts_with(
                "error: PostgreSQL: view `broken`: the body is not a valid PostgreSQL query"
            ),
            "{}",
            found[0]
        );
        assert!(found[1].contains("view `x` reads itself through other views"));
        assert!(found[2].contains("view `y` reads itself through other views"));
    }

    fn schema(views: Vec<View>) -> Schema {
        views
            .into_iter()
            .fold(
                Schema::builder().table_def(
                    TableDef::new("t")
                        .column(Column::new("id", SqlType::BigInt))
                        .primary_key(["id"]),
                ),
                |b, v| b.view_def(v),
            )
            .build()
            .unwrap()
    }

    #[test]
    fn views_come_after_the_views_they_read_and_cycles_are_reported() {
        let s = schema(vec![
            View::new("a_top", "SELECT id FROM m_mid"),
            View::new("m_mid", "SELECT id FROM z_base"),
            View::new("z_base", "SELECT id FROM t"),
        ]);
        for engine in Engine::ALL {
            let order: Vec<&str> = super::order(dialect(engine), &s)
                .iter()
                .map(|v| v.name.as_str())
                .collect();
            assert_eq!(order, ["z_base", "m_mid", "a_top"], "{engine:?}");
            let mut found = Vec::new();
            super::check(dialect(engine), &s, &mut found);
            assert!(found.is_empty(), "{engine:?}: {found:?}");
        }

        let s = schema(vec![
            View::new("p", "SELECT id FROM q"),
            View::new("q", "SELECT id FROM p"),
            View::new("r", "SELECT id FROM t"),
        ]);
        let mut found = Vec::new();
        super::check(dialect(Engine::Postgres), &s, &mut found);
        let cycles: Vec<String> = found
            .iter()
            .map(|d| d.to_string())
            .filter(|m| m.contains("reads itself"))
            .collect();
        assert_eq!(cycles.len(), 2, "{found:?}");
        assert!(cycles[0].contains("`p`") && cycles[1].contains("`q`"));
    }
}
