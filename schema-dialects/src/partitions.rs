//! Partitioned tables: the `PARTITION BY` clause, the partitions, the engine rules, and the
//! maintenance routine of a time-window [`Lifecycle`].
//!
//! PostgreSQL: `PARTITION BY RANGE|LIST|HASH (...)`, one `CREATE TABLE ... PARTITION OF` per
//! partition and a `DEFAULT` partition. For a lifecycle the script also creates the function
//! `<table>_maintain_partitions(at timestamptz DEFAULT now(), drop_detached boolean DEFAULT false)`
//! which, run from a scheduler, creates the partitions of the current period and `premake`
//! periods ahead (idempotently: an existing partition is left alone) and detaches the partitions
//! that ended more than `retention` periods before the current one; it drops them only when
//! called with `drop_detached => true`. A new partition whose range already has rows in the
//! DEFAULT partition cannot be created with `PARTITION OF` (PostgreSQL refuses), so the function
//! creates the table, moves those rows into it, and attaches it, in one transaction.
//!
//! MySQL/MariaDB: the partitions are part of CREATE TABLE (`RANGE COLUMNS`, `LIST COLUMNS`,
//! `KEY` for hash); MySQL has no DEFAULT partition for RANGE, so the catch-all is a
//! `VALUES LESS THAN (MAXVALUE)` partition. InnoDB partitioned tables take no foreign keys in
//! either direction, which the check reports.
//!
//! SQLite has no partitioning: a table partitioned there is an error (partition it only on the
//! engines that have it with [`Partitioning::only_on`](schema_core::Partitioning::only_on)).

use schema_core::{
    Diagnostic, Lifecycle, Literal, PartitionBound, PartitionKind, Partitioning, Schema, SqlType,
    TableDef,
};

use crate::quote::{identifier, identifiers, string};
use crate::{Dialect, PartitionStyle};

/// The table's partitioning on `dialect`, if it is partitioned there and the engine can.
fn active<'a, D: Dialect + ?Sized>(
    dialect: &D,
    table: &'a TableDef,
) -> Option<(&'a Partitioning, PartitionStyle)> {
    let partitioning = table.partitioning.as_ref()?;
    if !partitioning.applies_to(dialect.engine()) {
        return None;
    }
    Some((partitioning, dialect.partition_style()?))
}

/// A bound value as the engine reads it for the key column.
fn value<D: Dialect + ?Sized>(dialect: &D, column: Option<&SqlType>, literal: &Literal) -> String {
    match literal {
        Literal::Text(text) if schema_core::CivilDate::parse(text).is_some() => {
            dialect.date_bound(text, column.unwrap_or(&SqlType::Date))
        }
        Literal::Text(text) => string(dialect, text),
        Literal::Int(n) => n.to_string(),
        Literal::Number(n) => n.clone(),
        Literal::Bool(b) => dialect.bool_literal(*b).to_string(),
    }
}

fn values<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    key: &[String],
    literals: &[Literal],
) -> String {
    literals
        .iter()
        .enumerate()
        .map(|(i, literal)| {
            let column = key
                .get(i)
                .and_then(|c| table.find_column(c))
                .map(|c| &c.sql_type);
            value(dialect, column, literal)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What follows CREATE TABLE's closing parenthesis (and table options): `PARTITION BY ...`.
pub(crate) fn table_clause<D: Dialect + ?Sized>(dialect: &D, table: &TableDef) -> Option<String> {
    let (partitioning, style) = active(dialect, table)?;
    let key = identifiers(dialect, &partitioning.columns);
    Some(match style {
        PartitionStyle::Declarative => format!("PARTITION BY {} ({key})", partitioning.kind),
        PartitionStyle::Inline => {
            let partitions = partitioning.all_partitions(&table.name);
            if partitioning.kind == PartitionKind::Hash {
                return Some(format!(
                    "PARTITION BY KEY ({key}) PARTITIONS {}",
                    partitions.len()
                ));
            }
            let mut lines: Vec<String> = partitions
                .iter()
                .map(|p| {
                    let name = identifier(dialect, &p.name);
                    match &p.bound {
                        PartitionBound::Range { to, .. } => format!(
                            "PARTITION {name} VALUES LESS THAN ({})",
                            values(dialect, table, &partitioning.columns, to)
                        ),
                        PartitionBound::List(list) => format!(
                            "PARTITION {name} VALUES IN ({})",
                            values(dialect, table, &partitioning.columns, list)
                        ),
                        PartitionBound::Hash { .. } => format!("PARTITION {name}"),
                    }
                })
                .collect();
            if partitioning.default_partition && partitioning.kind == PartitionKind::Range {
                let max = vec!["MAXVALUE"; partitioning.columns.len()].join(", ");
                lines.push(format!(
                    "PARTITION {} VALUES LESS THAN ({max})",
                    identifier(dialect, &Partitioning::default_partition_name(&table.name))
                ));
            }
            format!(
                "PARTITION BY {} COLUMNS({key}) (\n  {}\n)",
                partitioning.kind,
                lines.join(",\n  ")
            )
        }
    })
}

/// `CREATE TABLE ... PARTITION OF` for every partition of every table (declarative engines).
pub(crate) fn statements<D: Dialect + ?Sized>(dialect: &D, tables: &[&TableDef]) -> Vec<String> {
    let mut statements = Vec::new();
    for table in tables {
        let Some((partitioning, PartitionStyle::Declarative)) = active(dialect, table) else {
            continue;
        };
        let parent = identifier(dialect, &table.name);
        for partition in partitioning.all_partitions(&table.name) {
            let bound = match &partition.bound {
                PartitionBound::Range { from, to } => format!(
                    "FOR VALUES FROM ({}) TO ({})",
                    values(dialect, table, &partitioning.columns, from),
                    values(dialect, table, &partitioning.columns, to)
                ),
                PartitionBound::List(list) => format!(
                    "FOR VALUES IN ({})",
                    values(dialect, table, &partitioning.columns, list)
                ),
                PartitionBound::Hash { modulus, remainder } => {
                    format!("FOR VALUES WITH (MODULUS {modulus}, REMAINDER {remainder})")
                }
            };
            statements.push(format!(
                "CREATE TABLE {} PARTITION OF {parent} {bound}",
                identifier(dialect, &partition.name)
            ));
        }
        if partitioning.default_partition {
            statements.push(format!(
                "CREATE TABLE {} PARTITION OF {parent} DEFAULT",
                identifier(dialect, &Partitioning::default_partition_name(&table.name))
            ));
        }
    }
    statements
}

/// The name of the maintenance function of `table`, `<table>_maintain_partitions`.
///
/// ```
/// assert_eq!(schema_dialects::partitions::maintenance_function_name("events"), "events_maintain_partitions");
/// ```
pub fn maintenance_function_name(table: &str) -> String {
    format!("{table}_maintain_partitions")
}

/// The statement that runs the partition maintenance of `table` now: on PostgreSQL
/// `SELECT * FROM "<table>_maintain_partitions"()`, which returns one line per partition it
/// created or detached. Safe to run any number of times.
///
/// An engine without the maintenance function, or a table without a lifecycle, is an error
/// saying what to do instead.
///
/// ```
/// use schema_core::{Column, Engine, Partitioning, PartitionInterval, SqlType, TableDef};
/// use schema_dialects::{dialect, partitions::maintenance_statement};
/// let events = TableDef::new("events")
///     .column(Column::new("at", SqlType::TimestampTz))
///     .partitioned(Partitioning::range(["at"]).lifecycle(PartitionInterval::Month, "2026-01-01", 3).retention(12));
/// assert_eq!(
///     maintenance_statement(dialect(Engine::Postgres), &events).unwrap(),
///     "SELECT * FROM \"events_maintain_partitions\"()"
/// );
/// assert!(maintenance_statement(dialect(Engine::Sqlite), &events).is_err());
/// ```
pub fn maintenance_statement(
    dialect: &dyn Dialect,
    table: &TableDef,
) -> Result<String, Diagnostic> {
    let engine = dialect.engine();
    let problem = |message: &str| Diagnostic::new(message).table(&table.name).engine(engine);
    match (active(dialect, table), table.partitioning.as_ref().and_then(|p| p.lifecycle.as_ref())) {
        (_, None) => Err(problem("the table has no partition lifecycle to maintain")
            .help("declare one with `Partitioning::range([...]).lifecycle(PartitionInterval::Month, \"2026-01-01\", 3)`")),
        (Some((_, PartitionStyle::Declarative)), Some(_)) => Ok(format!(
            "SELECT * FROM {}()",
            identifier(dialect, &maintenance_function_name(&table.name))
        )),
        (Some((_, PartitionStyle::Inline)), Some(_)) => Err(problem(
            "the library has no maintenance routine for MySQL partitions yet",
        )
        .help("add the next period with `ALTER TABLE ... REORGANIZE PARTITION <table>_default INTO (...)` from your scheduler")),
        (None, Some(_)) => Err(problem("the table is not partitioned on this engine")
            .help("run the maintenance on an engine the table is partitioned on")),
    }
}

/// The maintenance functions of every lifecycle table (declarative engines).
pub(crate) fn maintenance_functions<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
) -> Vec<String> {
    schema
        .tables
        .iter()
        .filter_map(|table| {
            let (partitioning, style) = active(dialect, table)?;
            let lifecycle = partitioning.lifecycle.as_ref()?;
            let column = table.find_column(partitioning.columns.first()?)?;
            (style == PartitionStyle::Declarative && dialect.supports_functions())
                .then(|| maintenance_function(dialect, table, lifecycle, column))
        })
        .collect()
}

fn maintenance_function<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    lifecycle: &Lifecycle,
    column: &schema_core::Column,
) -> String {
    let unit = match lifecycle.interval {
        schema_core::PartitionInterval::Day => "day",
        schema_core::PartitionInterval::Week => "week",
        schema_core::PartitionInterval::Month => "month",
        schema_core::PartitionInterval::Year => "year",
    };
    let suffix_format = match lifecycle.interval {
        schema_core::PartitionInterval::Year => "YYYY",
        schema_core::PartitionInterval::Month => "YYYYMM",
        _ => "YYYYMMDD",
    };
    let column_type = dialect.type_name(&column.sql_type);
    // The bound text of a date, as the script writes it (`date_bound`).
    let bound_suffix = dialect
        .date_bound("", &column.sql_type)
        .trim_matches('\'')
        .to_string();
    let bound = |date: &str| {
        format!(
            "to_char({date}, 'YYYY-MM-DD') || {}",
            string(dialect, &bound_suffix)
        )
    };
    let interval = string(dialect, lifecycle.interval.as_interval());
    let parent_regclass = format!("to_regclass(quote_ident({}))", string(dialect, &table.name));
    let retention = match lifecycle.retention {
        None => String::new(),
        Some(periods) => format!(
            r#"
cutoff := {cutoff_bound};
FOR expired IN
  SELECT c.relname
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = {parent_regclass}
    AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
    AND substring(pg_get_expr(c.relpartbound, c.oid) FROM 'TO \(''([^'']*)''\)')::{column_type} <= cutoff::{column_type}
  ORDER BY c.relname
LOOP
  EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', {parent}, expired.relname);
  IF drop_detached THEN
    EXECUTE format('DROP TABLE %I', expired.relname);
    RETURN NEXT 'dropped ' || expired.relname;
  ELSE
    RETURN NEXT 'detached ' || expired.relname;
  END IF;
END LOOP;"#,
            cutoff_bound = bound(&format!("(period - {periods} * interval {interval})::date")),
            parent_regclass = parent_regclass,
            parent = string(dialect, &table.name),
        ),
    };
    let body = format!(
        r#"DECLARE
  period date := date_trunc('{unit}', "at" AT TIME ZONE 'UTC')::date;
  lower_date date;
  partition_name text;
  lower_bound text;
  upper_bound text;
  cutoff text;
  expired record;
BEGIN
  FOR step IN 0..{premake} LOOP
    lower_date := (period + step * interval {interval})::date;
    partition_name := {prefix} || to_char(lower_date, '{suffix_format}');
    CONTINUE WHEN to_regclass(quote_ident(partition_name)) IS NOT NULL;
    lower_bound := {lower};
    upper_bound := {upper};
    -- Rows the DEFAULT partition already holds for this range move into the new partition;
    -- PostgreSQL refuses to create the partition while they are there.
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition_name, {parent});
    EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
      {default}, {key}, lower_bound, {key}, upper_bound, partition_name);
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', {parent}, partition_name, lower_bound, upper_bound);
    RETURN NEXT 'created ' || partition_name;
  END LOOP;{retention}
END"#,
        premake = lifecycle.premake,
        prefix = string(dialect, &format!("{}_p", table.name)),
        lower = bound("lower_date"),
        upper = bound(&format!("(lower_date + interval {interval})::date")),
        parent = string(dialect, &table.name),
        default = string(dialect, &Partitioning::default_partition_name(&table.name)),
        key = string(dialect, &column.name),
        retention = retention
            .lines()
            .map(|l| if l.is_empty() {
                String::new()
            } else {
                format!("  {l}")
            })
            .collect::<Vec<_>>()
            .join("\n"),
    );
    format!(
        "CREATE FUNCTION {}(\"at\" timestamptz DEFAULT now(), drop_detached boolean DEFAULT false) RETURNS SETOF text LANGUAGE plpgsql AS {}",
        identifier(dialect, &maintenance_function_name(&table.name)),
        crate::triggers::dollar_quoted(&body)
    )
}

/// Engine rules: partitioning where the engine has none, a kind it lacks, a LIST default it
/// lacks, foreign keys InnoDB refuses on partitioned tables.
pub(crate) fn check<D: Dialect + ?Sized>(
    dialect: &D,
    schema: &Schema,
    found: &mut Vec<Diagnostic>,
) {
    let engine = dialect.engine();
    let partitioned_here = |table: &TableDef| {
        table
            .partitioning
            .as_ref()
            .is_some_and(|p| p.applies_to(engine))
    };
    for table in &schema.tables {
        let problem = |message: String| Diagnostic::new(message).table(&table.name).engine(engine);
        let Some(partitioning) = table.partitioning.as_ref().filter(|p| p.applies_to(engine))
        else {
            continue;
        };
        if !dialect.supports_partitioning(partitioning.kind) {
            found.push(
                problem(format!("{engine} has no {} partitioning", partitioning.kind)).help(
                    "partition only on the engines that have it: `.only_on([Engine::Postgres, Engine::MySql])`",
                ),
            );
            continue;
        }
        if partitioning.default_partition
            && partitioning.kind == PartitionKind::List
            && !dialect.supports_default_list_partition()
        {
            found.push(
                problem(format!("{engine} has no DEFAULT partition for LIST partitioning (MariaDB has, MySQL 8 has not)"))
                    .help("list every value in a partition and drop `.with_default()`"),
            );
        }
        if !dialect.allows_foreign_keys_with_partitioning() {
            for fk in &table.foreign_keys {
                found.push(
                    problem(format!(
                        "foreign key `{}`: {engine} (InnoDB) partitioned tables cannot have foreign keys",
                        fk.name
                    ))
                    .help("partition this table only on PostgreSQL (`.only_on([Engine::Postgres])`), or drop the foreign key"),
                );
            }
        }
    }
    if !dialect.allows_foreign_keys_with_partitioning() {
        for table in &schema.tables {
            for fk in &table.foreign_keys {
                if let Some(target) = schema.table(&fk.references).filter(|t| partitioned_here(t)) {
                    found.push(
                        Diagnostic::new(format!(
                            "foreign key `{}` references `{}`, which is partitioned; {engine} (InnoDB) partitioned tables cannot be referenced",
                            fk.name, target.name
                        ))
                        .table(&table.name)
                        .engine(engine)
                        .help("partition the referenced table only on PostgreSQL (`.only_on([Engine::Postgres])`), or drop the foreign key"),
                    );
                }
            }
        }
    }
}
