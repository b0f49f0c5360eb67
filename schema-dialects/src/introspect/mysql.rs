//! MySQL/MariaDB: `information_schema` of the current database.
//!
//! What the engine does not keep: primary keys are all named `PRIMARY` (read back as
//! `<table>_pkey`); a unique index over plain columns is the same object as a UNIQUE constraint
//! (read back as a constraint); enums have no type name (read back as `<table>_<column>`).
//! MariaDB stores `JSON` as `LONGTEXT` with a `json_valid` CHECK, which is recognised.

use std::collections::BTreeMap;

use schema_core::{
    Check, Column, Engine, ForeignKey, Generated, GeneratedKind, Identity, Index, IndexMethod,
    KeyPart, PrimaryKey, Schema, SortOrder, TableDef, Unique, View, ViewColumn,
};
use sqlx::AnyConnection;

use super::{
    IntrospectError, TextRow, canonical_sql, opt, recover, rows, strip_outer_parens, text,
};

const ENGINE: Engine = Engine::MySql;

pub(super) async fn introspect(connection: &mut AnyConnection) -> Result<Schema, IntrospectError> {
    let mariadb = rows(connection, "SELECT VERSION()")
        .await?
        .first()
        .is_some_and(|r| text(r, 0).contains("MariaDB"));
    let mut tables: BTreeMap<String, TableDef> = BTreeMap::new();
    let mut collations: BTreeMap<String, String> = BTreeMap::new();
    for row in rows(
        connection,
        "SELECT TABLE_NAME, TABLE_COMMENT, TABLE_COLLATION FROM information_schema.TABLES
         WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    )
    .await?
    {
        let mut table = TableDef::new(text(&row, 0));
        table.comment = opt(&row, 1);
        collations.insert(table.name.clone(), text(&row, 2));
        tables.insert(table.name.clone(), table);
    }
    let mut checks = check_constraints(connection, mariadb).await?;
    columns(connection, &mut tables, &collations, &mut checks, mariadb).await?;
    for (table_name, table_checks) in checks {
        if let Some(table) = tables.get_mut(&table_name) {
            for (name, expr, column) in table_checks {
                let column = column.or_else(|| {
                    super::postgres::check_column(
                        &table.name,
                        &name,
                        &columns_named(&table.name, &name, table),
                    )
                });
                table.checks.push(Check { name, expr, column });
            }
        }
    }
    foreign_keys(connection, &mut tables).await?;
    indexes(connection, &mut tables).await?;
    let triggers = triggers(connection).await?;
    // The update keeps this compiling while other objects (views, policies) join the model.
    #[allow(clippy::needless_update)]
    let mut schema = Schema {
        tables: tables.into_values().collect(),
        extensions: Vec::new(),
        views: views(connection).await?,
        ..Schema::default()
    };
    super::routines::file(&mut schema, ENGINE, triggers);
    Ok(schema)
}

/// Row triggers (one event each on MySQL) with their `BEGIN ... END` bodies.
async fn triggers(
    connection: &mut AnyConnection,
) -> Result<Vec<super::routines::LiveTrigger>, IntrospectError> {
    let mut found = Vec::new();
    for row in rows(
        connection,
        "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT
         FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
         ORDER BY EVENT_OBJECT_TABLE, TRIGGER_NAME",
    )
    .await?
    {
        let event = match text(&row, 3).as_str() {
            "INSERT" => schema_core::TriggerEvent::Insert,
            "UPDATE" => schema_core::TriggerEvent::Update,
            _ => schema_core::TriggerEvent::Delete,
        };
        found.push(super::routines::LiveTrigger {
            name: text(&row, 0),
            table: text(&row, 1),
            timing: if text(&row, 2) == "BEFORE" {
                schema_core::TriggerTiming::Before
            } else {
                schema_core::TriggerTiming::After
            },
            events: vec![event],
            when: None,
            body: text(&row, 4),
        });
    }
    Ok(found)
}

/// Views with their columns; MySQL keeps no view comments.
async fn views(connection: &mut AnyConnection) -> Result<Vec<View>, IntrospectError> {
    let mut views: BTreeMap<String, View> = BTreeMap::new();
    for row in rows(
        connection,
        "SELECT TABLE_NAME, VIEW_DEFINITION, SECURITY_TYPE FROM information_schema.VIEWS
         WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME",
    )
    .await?
    {
        let view =
            View::new(text(&row, 0), text(&row, 1)).security_invoker(text(&row, 2) == "INVOKER");
        views.insert(view.name.clone(), view);
    }
    for row in rows(
        connection,
        "SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c
         JOIN information_schema.VIEWS v ON v.TABLE_SCHEMA = c.TABLE_SCHEMA AND v.TABLE_NAME = c.TABLE_NAME
         WHERE c.TABLE_SCHEMA = DATABASE() ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION",
    )
    .await?
    {
        if let Some(view) = views.get_mut(&text(&row, 0)) {
            view.columns.push(ViewColumn::untyped(text(&row, 1)));
        }
    }
    Ok(views.into_values().collect())
}

/// The single column a check named `<table>_<column>_check` is about, if that column exists.
fn columns_named(table: &str, name: &str, def: &TableDef) -> Vec<String> {
    name.strip_prefix(&format!("{table}_"))
        .and_then(|rest| rest.strip_suffix("_check"))
        .filter(|column| def.find_column(column).is_some())
        .map(|column| vec![column.to_string()])
        .unwrap_or_default()
}

/// Per table: `(name, expression, Some(column) for a column-level check)`.
type Checks = BTreeMap<String, Vec<(String, String, Option<String>)>>;

async fn check_constraints(
    connection: &mut AnyConnection,
    mariadb: bool,
) -> Result<Checks, IntrospectError> {
    // MariaDB names a column-level check after its column and says so in LEVEL; MySQL 8 has
    // neither column, and check names are unique per database there.
    let sql = if mariadb {
        "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL FROM information_schema.CHECK_CONSTRAINTS
         WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME"
    } else {
        "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE, 'Table'
         FROM information_schema.TABLE_CONSTRAINTS tc
         JOIN information_schema.CHECK_CONSTRAINTS cc
           ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
         WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK'
         ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME"
    };
    let mut checks = Checks::new();
    for row in rows(connection, sql).await? {
        let name = text(&row, 1);
        let column = (text(&row, 3) == "Column").then(|| name.clone());
        checks.entry(text(&row, 0)).or_default().push((
            name,
            strip_outer_parens(&text(&row, 2)).to_string(),
            column,
        ));
    }
    Ok(checks)
}

async fn columns(
    connection: &mut AnyConnection,
    tables: &mut BTreeMap<String, TableDef>,
    collations: &BTreeMap<String, String>,
    checks: &mut Checks,
    mariadb: bool,
) -> Result<(), IntrospectError> {
    let sql = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,
                      COLUMN_COMMENT, GENERATION_EXPRESSION, COLLATION_NAME
               FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
               ORDER BY TABLE_NAME, ORDINAL_POSITION";
    for row in rows(connection, sql).await? {
        let table_name = text(&row, 0);
        let Some(table) = tables.get_mut(&table_name) else {
            continue;
        };
        let name = text(&row, 1);
        // The column's own (column-level) checks are candidates for its type's domain CHECK.
        let table_checks = checks.entry(table_name.clone()).or_default();
        let mut own: Vec<String> = table_checks
            .iter()
            .filter(|(_, _, column)| column.as_deref() == Some(&name))
            .map(|(_, expr, _)| expr.clone())
            .collect();
        let before = own.clone();
        let column = column(&row, &table_name, &mut own, collations, mariadb);
        // Drop from the table's list the checks the column's type consumed.
        for consumed in before.iter().filter(|c| !own.contains(c)) {
            if let Some(at) = table_checks
                .iter()
                .position(|(_, expr, col)| col.as_deref() == Some(&name) && expr == consumed)
            {
                table_checks.remove(at);
            }
        }
        table.columns.push(column);
    }
    Ok(())
}

fn column(
    row: &TextRow,
    table: &str,
    own_checks: &mut Vec<String>,
    collations: &BTreeMap<String, String>,
    mariadb: bool,
) -> Column {
    let name = text(row, 1);
    let quoted = crate::quote::identifier(crate::dialect(ENGINE), &name);
    let mut type_text = plain_type(&text(row, 2));
    let canonical = |sql: &str| canonical_sql(ENGINE, sql);
    // MariaDB: JSON is LONGTEXT with a json_valid CHECK named after the column.
    let json_check = canonical(&format!("json_valid({quoted})"));
    if type_text == "longtext"
        && let Some(at) = own_checks.iter().position(|c| canonical(c) == json_check)
    {
        own_checks.remove(at);
        type_text = "json".into();
    }
    let extra = text(row, 5).to_lowercase();
    let generated = opt(row, 7).map(|expr| Generated {
        expr: strip_outer_parens(&expr).to_string(),
        kind: if extra.contains("virtual") {
            GeneratedKind::Virtual
        } else {
            GeneratedKind::Stored
        },
    });
    let mut nullable = text(row, 3) == "YES";
    // MariaDB refuses NOT NULL on generated columns: the writer puts a CHECK there instead.
    let not_null = canonical(&format!("{quoted} IS NOT NULL"));
    if generated.is_some()
        && let Some(at) = own_checks.iter().position(|c| canonical(c) == not_null)
    {
        own_checks.remove(at);
        nullable = false;
    }
    let collation = opt(row, 8).filter(|c| collations.get(table) != Some(c));
    let (sql_type, collation) = recover::column_type_with_collation(
        ENGINE,
        table,
        &name,
        &type_text,
        collation.as_deref(),
        nullable,
        own_checks,
    );
    // MySQL 8 writes literal strings unquoted and marks expressions DEFAULT_GENERATED.
    let default_text = opt(row, 4).filter(|_| generated.is_none()).map(|default| {
        if mariadb || extra.contains("default_generated") || default == "NULL" {
            default
        } else {
            crate::quote::string(crate::dialect(ENGINE), &default)
        }
    });
    let (sql_type, default) = recover::typed_default(ENGINE, sql_type, default_text.as_deref());
    let mut column = Column::new(name, sql_type);
    column.nullable = nullable;
    column.default = default;
    column.generated = generated;
    column.comment = opt(row, 6);
    if extra.contains("auto_increment") {
        column.identity = Some(Identity::ByDefault);
    }
    if let Some(collation) = collation {
        column.collation.insert(ENGINE, collation);
    }
    column
}

/// `COLUMN_TYPE` in the writer's spelling: integer display widths dropped, `tinyint(1)` is
/// `boolean`.
fn plain_type(column_type: &str) -> String {
    let lower = column_type.trim().to_lowercase();
    if lower == "tinyint(1)" {
        return "boolean".into();
    }
    for int in ["tinyint", "smallint", "mediumint", "bigint", "int"] {
        if let Some(rest) = lower.strip_prefix(int)
            && rest.starts_with('(')
            && let Some(close) = rest.find(')')
        {
            return format!("{int}{}", &rest[close + 1..]);
        }
    }
    column_type.trim().to_string()
}

async fn foreign_keys(
    connection: &mut AnyConnection,
    tables: &mut BTreeMap<String, TableDef>,
) -> Result<(), IntrospectError> {
    let sql = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME,
                      k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
               FROM information_schema.KEY_COLUMN_USAGE k
               JOIN information_schema.REFERENTIAL_CONSTRAINTS r
                 ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME
                AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
               WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
               ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";
    for row in rows(connection, sql).await? {
        let Some(table) = tables.get_mut(&text(&row, 0)) else {
            continue;
        };
        let name = text(&row, 1);
        if table.foreign_keys.last().is_none_or(|fk| fk.name != name) {
            table.foreign_keys.push(ForeignKey {
                name,
                columns: Vec::new(),
                references: text(&row, 3),
                referenced_columns: Vec::new(),
                on_delete: super::fk_action(&text(&row, 5)),
                on_update: super::fk_action(&text(&row, 6)),
                deferrable: None,
                match_full: false,
            });
        }
        if let Some(fk) = table.foreign_keys.last_mut() {
            fk.columns.push(text(&row, 2));
            fk.referenced_columns.push(text(&row, 4));
        }
    }
    Ok(())
}

async fn indexes(
    connection: &mut AnyConnection,
    tables: &mut BTreeMap<String, TableDef>,
) -> Result<(), IntrospectError> {
    let sql = "SELECT TABLE_NAME, INDEX_NAME, CAST(NON_UNIQUE AS CHAR), COLUMN_NAME,
                      CAST(SUB_PART AS CHAR), INDEX_TYPE, COLLATION
               FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
               ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    let mut found: BTreeMap<(String, String), Index> = BTreeMap::new();
    for row in rows(connection, sql).await? {
        let key = (text(&row, 0), text(&row, 1));
        let index = found.entry(key).or_insert_with(|| {
            let mut index = Index::on(Vec::<String>::new()).named(text(&row, 1));
            index.unique = text(&row, 2) == "0";
            index.method = match text(&row, 5).as_str() {
                "FULLTEXT" => Some(IndexMethod::FullText),
                "HASH" => Some(IndexMethod::Hash),
                _ => None,
            };
            index
        });
        let column = text(&row, 3);
        let mut part = KeyPart::new();
        part.prefix = opt(&row, 4).and_then(|p| p.parse().ok());
        if text(&row, 6) == "D" {
            part.order = Some(SortOrder::Desc);
        }
        if part != KeyPart::default() {
            index.parts.insert(column.clone(), part);
        }
        index.columns.push(column);
    }
    for ((table_name, name), index) in found {
        let Some(table) = tables.get_mut(&table_name) else {
            continue;
        };
        if name == "PRIMARY" {
            table.primary_key = Some(PrimaryKey {
                name: schema_core::naming::primary_key(&table_name),
                columns: index.columns,
            });
        } else if index.unique && index.method.is_none() && index.parts.is_empty() {
            table.uniques.push(Unique {
                name,
                columns: index.columns,
                nulls_not_distinct: false,
            });
        } else if !table
            .foreign_keys
            .iter()
            .any(|fk| fk.name == name && fk.columns == index.columns)
        {
            // InnoDB creates an index named after a foreign key that has none to use.
            table.indexes.push(index);
        }
    }
    Ok(())
}
