//! PostgreSQL: `pg_catalog` of the current schema.

use std::collections::BTreeMap;

use schema_core::{
    Check, Column, Deferrable, DomainType, Engine, EnumType, Exclusion, FkAction, ForeignKey,
    Function, FunctionArg, Generated, GeneratedKind, Identity, Index, IndexMethod, KeyPart,
    NullsOrder, Policy, PolicyCommand, PrimaryKey, RowSecurity, Schema, SortOrder, SqlType,
    TableDef, TenantIsolation, TriggerEvent, TriggerTiming, Unique, View, ViewColumn, Volatility,
};
use schema_core::{Literal, Partition, PartitionBound, PartitionKind, Partitioning};
use sqlx::AnyConnection;

use super::routines::{self, LiveTrigger};

use super::{
    IntrospectError, TextRow, opt, recover, rows, split_top_level, strip_outer_parens, text,
};

const IN_SCHEMA: &str = "n.nspname = current_schema()";

pub(super) async fn introspect(connection: &mut AnyConnection) -> Result<Schema, IntrospectError> {
    let extensions = rows(
        connection,
        "SELECT extname::text FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1",
    )
    .await?
    .iter()
    .map(|r| text(r, 0))
    .collect();
    let enums = enum_types(connection).await?;
    let domains = domain_types(connection).await?;
    let tables = rows(
        connection,
        &format!(
            "SELECT c.oid::text, c.relname::text, obj_description(c.oid, 'pg_class')
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE {IN_SCHEMA} AND c.relkind IN ('r', 'p') AND NOT c.relispartition
             ORDER BY c.relname"
        ),
    )
    .await?;
    let mut by_oid: BTreeMap<String, TableDef> = BTreeMap::new();
    for row in &tables {
        let mut table = TableDef::new(text(row, 1));
        table.comment = opt(row, 2);
        by_oid.insert(text(row, 0), table);
    }
    columns(connection, &mut by_oid, &enums, &domains).await?;
    constraints(connection, &mut by_oid).await?;
    let mut views = views(connection).await?;
    for (oid, index) in indexes(connection).await? {
        if let Some(table) = by_oid.get_mut(&oid) {
            table.indexes.push(index);
        } else if let Some(view) = views.get_mut(&oid) {
            view.indexes.push(index);
        }
    }
    let triggers = triggers(connection).await?;
    // The update keeps this compiling while other objects (views, policies) join the model.
    #[allow(clippy::needless_update)]
    let mut schema = Schema {
        tables: by_oid.into_values().collect(),
        extensions,
        views: views.into_values().collect(),
        functions: functions(connection).await?,
        ..Schema::default()
    };
    routines::file(&mut schema, Engine::Postgres, triggers);
    row_security(connection, &mut schema).await?;
    partitioning(connection, &mut schema).await?;
    Ok(schema)
}

async fn enum_types(
    connection: &mut AnyConnection,
) -> Result<BTreeMap<String, EnumType>, IntrospectError> {
    let mut enums: BTreeMap<String, EnumType> = BTreeMap::new();
    for row in rows(
        connection,
        &format!(
            "SELECT t.typname::text, e.enumlabel::text FROM pg_enum e
             JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE {IN_SCHEMA} ORDER BY t.typname, e.enumsortorder"
        ),
    )
    .await?
    {
        let name = text(&row, 0);
        enums
            .entry(name.clone())
            .or_insert_with(|| EnumType::new(name, Vec::<String>::new()))
            .values
            .push(text(&row, 1));
    }
    Ok(enums)
}

async fn domain_types(
    connection: &mut AnyConnection,
) -> Result<BTreeMap<String, DomainType>, IntrospectError> {
    let mut domains = BTreeMap::new();
    for row in rows(
        connection,
        &format!(
            "SELECT t.typname::text, format_type(t.typbasetype, t.typtypmod),
                    (SELECT pg_get_constraintdef(con.oid) FROM pg_constraint con
                     WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname LIMIT 1)
             FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE {IN_SCHEMA} AND t.typtype = 'd'"
        ),
    )
    .await?
    {
        let name = text(&row, 0);
        let base = plain_type(&text(&row, 1));
        let check = check_body(&text(&row, 2)).to_string();
        domains.insert(name.clone(), DomainType::new(name, base, check));
    }
    Ok(domains)
}

/// `CHECK (...)` without the keyword and the outer parentheses.
fn check_body(definition: &str) -> &str {
    let body = definition.trim();
    let body = body.strip_prefix("CHECK").unwrap_or(body);
    let body = body.strip_suffix("NOT VALID").unwrap_or(body);
    strip_outer_parens(body)
}

/// A built-in type from `format_type` text, in our writer's spelling.
fn plain_type(format_type: &str) -> SqlType {
    if let Some(inner) = format_type.strip_suffix("[]") {
        return SqlType::Array(Box::new(plain_type(inner)));
    }
    let spelled = spelling(format_type);
    let mut no_checks = Vec::new();
    recover::column_type(Engine::Postgres, "", "", &spelled, true, &mut no_checks)
}

/// `format_type` spelling to the writer's.
fn spelling(format_type: &str) -> String {
    let t = format_type.trim();
    for (long, short) in [
        ("character varying", "varchar"),
        ("timestamp without time zone", "timestamp"),
        ("timestamp with time zone", "timestamptz"),
        ("time without time zone", "time"),
        ("character", "char"),
    ] {
        if let Some(rest) = t.strip_prefix(long) {
            return format!("{short}{rest}");
        }
    }
    t.to_string()
}

async fn columns(
    connection: &mut AnyConnection,
    tables: &mut BTreeMap<String, TableDef>,
    enums: &BTreeMap<String, EnumType>,
    domains: &BTreeMap<String, DomainType>,
) -> Result<(), IntrospectError> {
    let sql = format!(
        "SELECT a.attrelid::text, a.attname::text, format_type(a.atttypid, a.atttypmod),
                a.attnotnull::text, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text,
                a.attgenerated::text, col_description(a.attrelid, a.attnum), t.typtype::text,
                t.typname::text, et.typtype::text, et.typname::text,
                CASE WHEN a.attcollation <> t.typcollation THEN co.collname::text END
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_type t ON t.oid = a.atttypid
         LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         LEFT JOIN pg_collation co ON co.oid = a.attcollation
         WHERE {IN_SCHEMA} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attrelid, a.attnum"
    );
    for row in rows(connection, &sql).await? {
        let Some(table) = tables.get_mut(&text(&row, 0)) else {
            continue;
        };
        let sql_type = column_type(&row, enums, domains);
        let mut column = Column::new(text(&row, 1), sql_type.clone());
        column.nullable = text(&row, 3) != "true";
        let expression = opt(&row, 4);
        match text(&row, 6).as_str() {
            "s" => {
                column.generated = expression.map(|expr| Generated {
                    expr: strip_outer_parens(&expr).to_string(),
                    kind: GeneratedKind::Stored,
                })
            }
            _ => {
                column.default =
                    expression.and_then(|expr| recover::default(Engine::Postgres, &sql_type, &expr))
            }
        }
        column.identity = match text(&row, 5).as_str() {
            "d" => Some(Identity::ByDefault),
            "a" => Some(Identity::Always),
            _ => None,
        };
        column.comment = opt(&row, 7);
        if let Some(collation) = opt(&row, 12) {
            column.collation.insert(Engine::Postgres, collation);
        }
        table.columns.push(column);
    }
    Ok(())
}

fn column_type(
    row: &TextRow,
    enums: &BTreeMap<String, EnumType>,
    domains: &BTreeMap<String, DomainType>,
) -> SqlType {
    let named = |kind: &str, name: &str| match kind {
        "e" => enums.get(name).cloned().map(SqlType::Enum),
        "d" => domains.get(name).cloned().map(SqlType::Domain),
        _ => None,
    };
    if let Some(found) = named(&text(row, 8), &text(row, 9)) {
        return found;
    }
    if let Some(element) = named(&text(row, 10), &text(row, 11)) {
        return SqlType::Array(Box::new(element));
    }
    plain_type(&text(row, 2))
}

async fn constraints(
    connection: &mut AnyConnection,
    tables: &mut BTreeMap<String, TableDef>,
) -> Result<(), IntrospectError> {
    let columns_of = |attnums: &str, relid: &str| {
        format!(
            "(SELECT string_agg(a.attname::text, chr(31) ORDER BY k.o) FROM unnest({attnums})
              WITH ORDINALITY k(num, o) JOIN pg_attribute a ON a.attrelid = {relid} AND a.attnum = k.num)"
        )
    };
    let sql = format!(
        "SELECT con.conrelid::text, con.conname::text, con.contype::text,
                pg_get_constraintdef(con.oid), {}, rc.relname::text, {},
                con.confdeltype::text, con.confupdtype::text, con.confmatchtype::text,
                con.condeferrable::text, con.condeferred::text,
                (SELECT to_jsonb(i) ->> 'indnullsnotdistinct' FROM pg_index i WHERE i.indexrelid = con.conindid)
         FROM pg_constraint con
         JOIN pg_class c ON c.oid = con.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_class rc ON rc.oid = con.confrelid
         WHERE {IN_SCHEMA} AND con.contype IN ('p', 'u', 'f', 'c', 'x')
         ORDER BY con.conrelid, con.conname",
        columns_of("con.conkey", "con.conrelid"),
        columns_of("con.confkey", "con.confrelid"),
    );
    for row in rows(connection, &sql).await? {
        let Some(table) = tables.get_mut(&text(&row, 0)) else {
            continue;
        };
        let name = text(&row, 1);
        let definition = text(&row, 3);
        let columns = names(&text(&row, 4));
        match text(&row, 2).as_str() {
            "p" => table.primary_key = Some(PrimaryKey { name, columns }),
            "u" => table.uniques.push(Unique {
                name,
                columns,
                nulls_not_distinct: text(&row, 12) == "true",
            }),
            "c" => {
                let expr = check_body(&definition).to_string();
                let column = check_column(&table.name, &name, &columns);
                table.checks.push(Check { name, expr, column });
            }
            "f" => table.foreign_keys.push(ForeignKey {
                name,
                columns,
                references: text(&row, 5),
                referenced_columns: names(&text(&row, 6)),
                on_delete: action(&text(&row, 7)),
                on_update: action(&text(&row, 8)),
                deferrable: match (text(&row, 10).as_str(), text(&row, 11).as_str()) {
                    ("true", "true") => Some(Deferrable::InitiallyDeferred),
                    ("true", _) => Some(Deferrable::InitiallyImmediate),
                    _ => None,
                },
                match_full: text(&row, 9) == "f",
            }),
            "x" => {
                if let Some(exclusion) = exclusion(name, &definition) {
                    table.exclusions.push(exclusion);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The column a check was declared on, recognised by our naming convention
/// (`<table>_<column>_check` over that one column).
pub(super) fn check_column(table: &str, name: &str, columns: &[String]) -> Option<String> {
    match columns {
        [only]
            if schema_core::naming::over_columns(table, std::slice::from_ref(only), "check")
                == name =>
        {
            Some(only.clone())
        }
        _ => None,
    }
}

fn names(joined: &str) -> Vec<String> {
    if joined.is_empty() {
        return Vec::new();
    }
    joined.split('\u{1f}').map(str::to_string).collect()
}

fn action(code: &str) -> FkAction {
    match code {
        "r" => FkAction::Restrict,
        "c" => FkAction::Cascade,
        "n" => FkAction::SetNull,
        "d" => FkAction::SetDefault,
        _ => FkAction::NoAction,
    }
}

/// `EXCLUDE USING gist (room_id WITH =, tstzrange(a, b) WITH &&) WHERE ((NOT cancelled))`.
fn exclusion(name: String, definition: &str) -> Option<Exclusion> {
    let rest = definition.trim().strip_prefix("EXCLUDE USING ")?;
    let (method, rest) = rest.split_once(' ')?;
    let rest = rest.trim_start();
    let close = matching_paren(rest)?;
    let elements = &rest[1..close];
    let mut exclusion = Exclusion::using(IndexMethod::from_key(method)?).named(name);
    for element in split_top_level(elements) {
        let (expr, operator) = element.rsplit_once(" WITH ")?;
        exclusion = exclusion.element(strip_outer_parens(expr), operator.trim());
    }
    if let Some(predicate) = rest[close + 1..].trim().strip_prefix("WHERE") {
        exclusion = exclusion.filter(strip_outer_parens(predicate));
    }
    Some(exclusion)
}

/// The index of the `)` closing the `(` that starts `text`.
fn matching_paren(text: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
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

/// The indexes that back no constraint, with the oid of their table or materialized view.
async fn indexes(connection: &mut AnyConnection) -> Result<Vec<(String, Index)>, IntrospectError> {
    let sql = format!(
        "SELECT i.indrelid::text, ic.relname::text, i.indisunique::text, am.amname::text,
                pg_get_expr(i.indpred, i.indrelid), i.indnkeyatts::text,
                to_jsonb(i) ->> 'indnullsnotdistinct', k.n::text,
                pg_get_indexdef(i.indexrelid, k.n, true), a.attname::text,
                i.indoption[k.n - 1]::text, op.opcname::text, op.opcdefault::text
         FROM pg_index i
         JOIN pg_class ic ON ic.oid = i.indexrelid
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_am am ON am.oid = ic.relam
         CROSS JOIN LATERAL generate_series(1, i.indnatts) k(n)
         LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]
         LEFT JOIN pg_opclass op ON k.n <= i.indnkeyatts AND op.oid = i.indclass[k.n - 1]
         WHERE {IN_SCHEMA} AND NOT EXISTS (
             SELECT 1 FROM pg_constraint con
             WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
         ORDER BY ic.relname, k.n"
    );
    let mut found: BTreeMap<(String, String), Index> = BTreeMap::new();
    for row in rows(connection, &sql).await? {
        let key = (text(&row, 0), text(&row, 1));
        let index = found.entry(key).or_insert_with(|| {
            let mut index = Index::on(Vec::<String>::new()).named(text(&row, 1));
            index.unique = text(&row, 2) == "true";
            index.method =
                IndexMethod::from_key(&text(&row, 3)).filter(|m| *m != IndexMethod::BTree);
            index.predicate = opt(&row, 4).map(|p| strip_outer_parens(&p).to_string());
            index.nulls_not_distinct = text(&row, 6) == "true";
            index
        });
        let position: usize = text(&row, 7).parse().unwrap_or(0);
        let key_columns: usize = text(&row, 5).parse().unwrap_or(0);
        let column = opt(&row, 9);
        if position > key_columns {
            index.include.extend(column);
            continue;
        }
        let part_name = match column {
            Some(column) => {
                index.columns.push(column.clone());
                column
            }
            None => {
                let expr = strip_outer_parens(&text(&row, 8)).to_string();
                index.expressions.push(expr.clone());
                expr
            }
        };
        let option: i32 = text(&row, 10).parse().unwrap_or(0);
        let desc = option & 1 != 0;
        let nulls_first = option & 2 != 0;
        let mut part = KeyPart::new();
        if desc {
            part.order = Some(SortOrder::Desc);
        }
        if nulls_first != desc {
            part.nulls = Some(if nulls_first {
                NullsOrder::First
            } else {
                NullsOrder::Last
            });
        }
        if text(&row, 12) == "false" {
            part.opclass = opt(&row, 11);
        }
        if part != KeyPart::default() {
            index.parts.insert(part_name, part);
        }
    }
    Ok(found
        .into_iter()
        .map(|((oid, _), index)| (oid, index))
        .collect())
}

/// Views and materialized views by oid, with their columns and comments.
async fn views(connection: &mut AnyConnection) -> Result<BTreeMap<String, View>, IntrospectError> {
    let mut views = BTreeMap::new();
    for row in rows(
        connection,
        &format!(
            "SELECT c.oid::text, c.relname::text, c.relkind::text, pg_get_viewdef(c.oid, true),
                    obj_description(c.oid, 'pg_class'), array_to_string(c.reloptions, ',')
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE {IN_SCHEMA} AND c.relkind IN ('v', 'm') ORDER BY c.relname"
        ),
    )
    .await?
    {
        let mut view = View::new(
            text(&row, 1),
            text(&row, 3).trim().trim_end_matches(';').trim(),
        );
        view.materialized = text(&row, 2) == "m";
        view.comment = opt(&row, 4);
        view.security_invoker = view.materialized
            || text(&row, 5)
                .split(',')
                .any(|option| option == "security_invoker=true" || option == "security_invoker=on");
        views.insert(text(&row, 0), view);
    }
    for row in rows(
        connection,
        &format!(
            "SELECT a.attrelid::text, a.attname::text, col_description(a.attrelid, a.attnum)
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE {IN_SCHEMA} AND c.relkind IN ('v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attrelid, a.attnum"
        ),
    )
    .await?
    {
        if let Some(view) = views.get_mut(&text(&row, 0)) {
            let mut column = ViewColumn::untyped(text(&row, 1));
            column.comment = opt(&row, 2);
            view.columns.push(column);
        }
    }
    Ok(views)
}

/// Row triggers with the body of the function each executes.
async fn triggers(connection: &mut AnyConnection) -> Result<Vec<LiveTrigger>, IntrospectError> {
    let mut found = Vec::new();
    for row in rows(
        connection,
        &format!(
            "SELECT t.tgname::text, c.relname::text, t.tgtype::text, pg_get_triggerdef(t.oid), p.prosrc
             FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid
             WHERE {IN_SCHEMA} AND NOT t.tgisinternal ORDER BY c.relname, t.tgname"
        ),
    )
    .await?
    {
        let kind: u32 = text(&row, 2).parse().unwrap_or(0);
        let mut events = Vec::new();
        for (bit, event) in [
            (4, TriggerEvent::Insert),
            (8, TriggerEvent::Delete),
            (16, TriggerEvent::Update),
        ] {
            if kind & bit != 0 {
                events.push(event);
            }
        }
        let definition = text(&row, 3);
        let when = definition
            .find(" WHEN (")
            .and_then(|at| {
                let rest = &definition[at + 6..];
                matching_paren(rest).map(|close| rest[1..close].to_string())
            });
        found.push(LiveTrigger {
            name: text(&row, 0),
            table: text(&row, 1),
            timing: if kind & 2 != 0 {
                TriggerTiming::Before
            } else {
                TriggerTiming::After
            },
            events,
            when,
            body: text(&row, 4),
        });
    }
    Ok(found)
}

/// Functions of the current schema other than trigger functions, extension members and the
/// partition maintenance functions the writer makes.
async fn functions(connection: &mut AnyConnection) -> Result<Vec<Function>, IntrospectError> {
    let mut found = Vec::new();
    for row in rows(
        connection,
        &format!(
            "SELECT p.oid::text, p.proname::text, pg_get_function_result(p.oid), l.lanname::text, p.prosrc,
                    p.provolatile::text, p.prosecdef::text, array_to_string(p.proconfig, chr(31)),
                    obj_description(p.oid, 'pg_proc')
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             JOIN pg_language l ON l.oid = p.prolang
             WHERE {IN_SCHEMA} AND p.prokind = 'f' AND p.prorettype <> 'trigger'::regtype
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
             ORDER BY p.proname"
        ),
    )
    .await?
    {
        let name = text(&row, 1);
        // The writer's partition maintenance functions belong to their tables.
        if name.ends_with("_maintain_partitions") {
            continue;
        }
        let mut function = Function::new(name, text(&row, 2), text(&row, 4).trim());
        function.language = text(&row, 3);
        function.volatility = match text(&row, 5).as_str() {
            "i" => Volatility::Immutable,
            "s" => Volatility::Stable,
            _ => Volatility::Volatile,
        };
        function.security_definer = text(&row, 6) == "true";
        function.search_path = text(&row, 7)
            .split('\u{1f}')
            .find_map(|setting| setting.strip_prefix("search_path="))
            .map(str::to_string);
        function.comment = opt(&row, 8);
        for arg in rows(
            connection,
            &format!(
                "SELECT a.name, format_type(a.type, NULL) FROM pg_proc p,
                   unnest(p.proargnames, p.proargtypes::oid[]) WITH ORDINALITY a(name, type, o)
                 WHERE p.oid = {} ORDER BY a.o",
                text(&row, 0)
            ),
        )
        .await?
        {
            function.args.push(FunctionArg {
                name: text(&arg, 0),
                sql_type: text(&arg, 1),
            });
        }
        found.push(function);
    }
    Ok(found)
}

/// Row-level security: ENABLE/FORCE, the writer's tenant isolation policy (read back as
/// [`TenantIsolation`]) and the other policies.
async fn row_security(
    connection: &mut AnyConnection,
    schema: &mut Schema,
) -> Result<(), IntrospectError> {
    for row in rows(
        connection,
        &format!(
            "SELECT c.relname::text, c.relrowsecurity::text, c.relforcerowsecurity::text
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE {IN_SCHEMA} AND c.relkind IN ('r', 'p') AND c.relrowsecurity"
        ),
    )
    .await?
    {
        if let Some(table) = schema.tables.iter_mut().find(|t| t.name == text(&row, 0)) {
            table.security.row_security = Some(if text(&row, 2) == "true" {
                RowSecurity::Forced
            } else {
                RowSecurity::NotForced
            });
        }
    }
    for row in rows(
        connection,
        "SELECT tablename::text, policyname::text, permissive, array_to_string(roles, chr(31)), cmd,
                qual, with_check
         FROM pg_policies WHERE schemaname = current_schema() ORDER BY tablename, policyname",
    )
    .await?
    {
        let Some(table) = schema.tables.iter_mut().find(|t| t.name == text(&row, 0)) else {
            continue;
        };
        let to: Vec<String> = text(&row, 3)
            .split('\u{1f}')
            .filter(|r| !r.is_empty() && *r != "public")
            .map(str::to_string)
            .collect();
        let name = text(&row, 1);
        let using = opt(&row, 5).map(|e| strip_outer_parens(&e).to_string());
        let command = match text(&row, 4).as_str() {
            "SELECT" => PolicyCommand::Select,
            "INSERT" => PolicyCommand::Insert,
            "UPDATE" => PolicyCommand::Update,
            "DELETE" => PolicyCommand::Delete,
            _ => PolicyCommand::All,
        };
        if name == TenantIsolation::policy_name(&table.name)
            && command == PolicyCommand::All
            && let Some(tenant) = using.as_deref().and_then(|u| tenant_isolation(u, &to))
        {
            table.security.tenant = Some(tenant);
            continue;
        }
        let mut policy = Policy::new(name).command(command).to(to);
        policy.restrictive = text(&row, 2) == "RESTRICTIVE";
        policy.using = using;
        policy.with_check = opt(&row, 6).map(|e| strip_outer_parens(&e).to_string());
        table.security.policies.push(policy);
    }
    Ok(())
}

/// The column and setting of the writer's tenant condition:
/// `tenant_id = ( SELECT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid ...)`.
fn tenant_isolation(using: &str, to: &[String]) -> Option<TenantIsolation> {
    let (column, rest) = using.split_once(" = ")?;
    let setting = rest.split_once("current_setting('")?.1.split_once('\'')?.0;
    Some(TenantIsolation {
        column: column.trim().trim_matches('"').to_string(),
        setting: setting.to_string(),
        to: to.to_vec(),
    })
}

/// `PARTITION BY` of partitioned tables and their partitions, bounds read back as literals
/// (a `timestamptz` bound at midnight UTC is the date the writer was given).
async fn partitioning(
    connection: &mut AnyConnection,
    schema: &mut Schema,
) -> Result<(), IntrospectError> {
    for row in rows(
        connection,
        &format!(
            "SELECT c.relname::text, pt.partstrat::text,
                    (SELECT string_agg(a.attname::text, chr(31) ORDER BY k.o)
                     FROM unnest(pt.partattrs::int2[]) WITH ORDINALITY k(num, o)
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.num)
             FROM pg_partitioned_table pt JOIN pg_class c ON c.oid = pt.partrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {IN_SCHEMA}"
        ),
    )
    .await?
    {
        let Some(table) = schema.tables.iter_mut().find(|t| t.name == text(&row, 0)) else {
            continue;
        };
        let kind = match text(&row, 1).as_str() {
            "l" => PartitionKind::List,
            "h" => PartitionKind::Hash,
            _ => PartitionKind::Range,
        };
        table.partitioning = Some(Partitioning {
            kind,
            columns: names(&text(&row, 2)),
            partitions: Vec::new(),
            default_partition: false,
            lifecycle: None,
            engines: Vec::new(),
        });
    }
    for row in rows(
        connection,
        &format!(
            "SELECT p.relname::text, c.relname::text, pg_get_expr(c.relpartbound, c.oid)
             FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace
             WHERE {IN_SCHEMA} AND c.relispartition ORDER BY c.relname"
        ),
    )
    .await?
    {
        let Some(table) = schema.tables.iter_mut().find(|t| t.name == text(&row, 0)) else {
            continue;
        };
        let types: Vec<SqlType> = table
            .partitioning
            .iter()
            .flat_map(|p| &p.columns)
            .filter_map(|c| table.find_column(c).map(|c| c.sql_type.clone()))
            .collect();
        let Some(partitioning) = &mut table.partitioning else {
            continue;
        };
        let bound = text(&row, 2);
        if bound.trim() == "DEFAULT" {
            partitioning.default_partition = true;
            continue;
        }
        if let Some(bound) = partition_bound(&bound, &types) {
            partitioning.partitions.push(Partition {
                name: text(&row, 1),
                bound,
            });
        }
    }
    Ok(())
}

/// `FOR VALUES FROM (...) TO (...)`, `FOR VALUES IN (...)`, `FOR VALUES WITH (modulus m, remainder r)`.
fn partition_bound(text: &str, types: &[SqlType]) -> Option<PartitionBound> {
    let rest = text.trim().strip_prefix("FOR VALUES")?.trim();
    let group = |s: &str| -> Option<(String, String)> {
        let s = s.trim_start();
        let close = matching_paren(s)?;
        Some((s[1..close].to_string(), s[close + 1..].to_string()))
    };
    let literals = |list: &str| -> Vec<Literal> {
        split_top_level(list)
            .iter()
            .enumerate()
            .map(|(i, v)| bound_literal(v, types.get(i)))
            .collect()
    };
    if let Some(after) = rest.strip_prefix("FROM") {
        let (from, after) = group(after)?;
        let (to, _) = group(after.trim_start().strip_prefix("TO")?)?;
        return Some(PartitionBound::Range {
            from: literals(&from),
            to: literals(&to),
        });
    }
    if let Some(after) = rest.strip_prefix("IN") {
        return Some(PartitionBound::List(literals(&group(after)?.0)));
    }
    let (with, _) = group(rest.strip_prefix("WITH")?)?;
    let number = |key: &str| -> Option<u32> {
        split_top_level(&with)
            .iter()
            .find_map(|part| part.strip_prefix(key).map(|n| n.trim().parse().ok()))?
    };
    Some(PartitionBound::Hash {
        modulus: number("modulus")?,
        remainder: number("remainder")?,
    })
}

/// One bound value as the literal the writer was given.
fn bound_literal(value: &str, sql_type: Option<&SqlType>) -> Literal {
    let value = value.trim();
    if let Ok(n) = value.parse::<i64>() {
        return Literal::Int(n);
    }
    if !value.starts_with('\'') {
        return Literal::Number(value.to_string());
    }
    let inner = recover::unquote(value);
    let date = inner.get(..10).unwrap_or("");
    let rendered = |d: &str| {
        use crate::Dialect;
        crate::Postgres.date_bound(d, sql_type.unwrap_or(&SqlType::Date))
    };
    if schema_core::CivilDate::parse(date).is_some() && rendered(date) == value {
        return Literal::Text(date.to_string());
    }
    Literal::Text(inner)
}
