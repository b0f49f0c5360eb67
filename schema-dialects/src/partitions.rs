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
//! `VALUES LESS THAN (MAXVALUE)` partition (and rows before the window fall into the first
//! partition, RANGE having no lower bound). InnoDB partitioned tables take no foreign keys in
//! either direction, which the check reports. For a lifecycle the script creates the procedure
//! `<table>_maintain_partitions(at, drop_detached)`, which does the same work as PostgreSQL's
//! function by splitting the catch-all (`REORGANIZE PARTITION` moves its rows) and detaching with
//! `EXCHANGE PARTITION` into a plain table of the partition's name; it reports what it did in
//! [`MAINTENANCE_REPORT`].
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
/// created or detached; on MySQL `CALL ...(UTC_TIMESTAMP(6), FALSE)`, after which
/// [`MAINTENANCE_REPORT`] holds the same lines joined by `; ` (NULL when nothing was to do).
/// Safe to run any number of times.
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
        (Some((_, PartitionStyle::Inline)), Some(_)) => Ok(format!(
            "CALL {}(UTC_TIMESTAMP(6), FALSE)",
            identifier(dialect, &maintenance_function_name(&table.name))
        )),
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
            match style {
                PartitionStyle::Declarative => dialect
                    .supports_functions()
                    .then(|| maintenance_function(dialect, table, lifecycle, column)),
                PartitionStyle::Inline => Some(maintenance_procedure(dialect, table, lifecycle)),
            }
        })
        .collect()
}

/// The session variable the MySQL maintenance procedure reports its work in.
///
/// ```
/// assert_eq!(schema_dialects::partitions::MAINTENANCE_REPORT, "@partition_maintenance");
/// ```
pub const MAINTENANCE_REPORT: &str = "@partition_maintenance";

/// MySQL: a procedure `<table>_maintain_partitions(at, drop_detached)`. It splits the `MAXVALUE`
/// catch-all (`REORGANIZE PARTITION`, which moves its rows) until the periods up to `premake`
/// ahead of `at` have partitions, and detaches each partition that ended `retention` periods
/// before `at`'s: its rows move to a plain table of the partition's name (`EXCHANGE PARTITION`)
/// and the emptied partition is dropped; with `drop_detached` the partition and its rows are
/// dropped instead. What it did is left in [`MAINTENANCE_REPORT`].
fn maintenance_procedure<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    lifecycle: &Lifecycle,
) -> String {
    use schema_core::PartitionInterval as I;
    let (unit, step, truncate, format) = match lifecycle.interval {
        I::Day => ("DAY", 1, "DATE(at_time)", "%Y%m%d"),
        I::Week => (
            "DAY",
            7,
            "DATE(at_time) - INTERVAL WEEKDAY(at_time) DAY",
            "%Y%m%d",
        ),
        I::Month => ("MONTH", 1, "DATE(DATE_FORMAT(at_time, '%Y-%m-01'))", "%Y%m"),
        I::Year => ("YEAR", 1, "DATE(DATE_FORMAT(at_time, '%Y-01-01'))", "%Y"),
    };
    let name = string(dialect, &table.name);
    let quoted = identifier(dialect, &table.name);
    let default = Partitioning::default_partition_name(&table.name);
    let bounded = format!(
        "FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {name} AND PARTITION_DESCRIPTION <> 'MAXVALUE'"
    );
    let upper = "CAST(REPLACE(PARTITION_DESCRIPTION, '''', '') AS DATE)";
    let run = |sql: &str| {
        format!(
            "SET @maintenance_sql = {sql};\n      PREPARE maintenance FROM @maintenance_sql;\n      EXECUTE maintenance;\n      DEALLOCATE PREPARE maintenance;"
        )
    };
    let report = |what: &str| {
        format!(
            "SET {MAINTENANCE_REPORT} = CONCAT_WS('; ', {MAINTENANCE_REPORT}, CONCAT('{what} ', part_name));"
        )
    };
    let retention = match lifecycle.retention {
        None => String::new(),
        Some(periods) => format!(
            r#"
  SET cutoff = period - INTERVAL {back} {unit};
  expire: LOOP
    SET part_name = NULL;
    SELECT PARTITION_NAME INTO part_name {bounded} AND {upper} <= cutoff ORDER BY PARTITION_ORDINAL_POSITION LIMIT 1;
    IF part_name IS NULL THEN
      LEAVE expire;
    END IF;
    IF drop_detached THEN
      {drop}
      {dropped}
    ELSE
      {create}
      {unpartition}
      {exchange}
      {drop}
      {detached}
    END IF;
  END LOOP;"#,
            back = u64::from(periods) * step,
            drop = run(&format!(
                "CONCAT('ALTER TABLE {quoted} DROP PARTITION `', part_name, '`')"
            )),
            dropped = report("dropped"),
            create = run(&format!(
                "CONCAT('CREATE TABLE `', part_name, '` LIKE {quoted}')"
            )),
            unpartition = run("CONCAT('ALTER TABLE `', part_name, '` REMOVE PARTITIONING')"),
            exchange = run(&format!(
                "CONCAT('ALTER TABLE {quoted} EXCHANGE PARTITION `', part_name, '` WITH TABLE `', part_name, '`')"
            )),
            detached = report("detached"),
        ),
    };
    let split = run(&format!(
        "CONCAT('ALTER TABLE {quoted} REORGANIZE PARTITION `{default}` INTO (PARTITION `', part_name, '` VALUES LESS THAN (''', upper_date, '''), PARTITION `{default}` VALUES LESS THAN (MAXVALUE))')"
    ))
    .replace("\n      ", "\n    ");
    format!(
        r#"CREATE PROCEDURE {procedure}(IN at_time DATETIME(6), IN drop_detached BOOLEAN)
BEGIN
  DECLARE period DATE DEFAULT {truncate};
  DECLARE target DATE DEFAULT period + INTERVAL {ahead} {unit};
  DECLARE lower_date DATE;
  DECLARE upper_date DATE;
  DECLARE cutoff DATE;
  DECLARE part_name VARCHAR(64);
  SET {MAINTENANCE_REPORT} = NULL;
  SELECT MAX({upper}) INTO lower_date {bounded};
  SET lower_date = COALESCE(lower_date, period);
  -- RANGE partitions ascend: new ones split the MAXVALUE catch-all, which moves their rows.
  WHILE lower_date < target DO
    SET upper_date = lower_date + INTERVAL {step} {unit};
    SET part_name = CONCAT({prefix}, DATE_FORMAT(lower_date, '{format}'));
    {split}
    {created}
    SET lower_date = upper_date;
  END WHILE;{retention}
END"#,
        procedure = identifier(dialect, &maintenance_function_name(&table.name)),
        ahead = (u64::from(lifecycle.premake) + 1) * step,
        prefix = string(dialect, &format!("{}_p", table.name)),
        created = report("created"),
    )
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
        let mut names: Vec<String> = partitioning
            .all_partitions(&table.name)
            .into_iter()
            .map(|p| p.name)
            .collect();
        if partitioning.default_partition {
            names.push(Partitioning::default_partition_name(&table.name));
        }
        for name in &names {
            let at = |d: Diagnostic| d.table(&table.name);
            crate::check::identifier(dialect, "partition", name, &at, found);
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
        if style_is_inline(dialect) && partitioning.kind == PartitionKind::Range {
            ascending_ranges(dialect, table, partitioning, found);
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

fn style_is_inline<D: Dialect + ?Sized>(dialect: &D) -> bool {
    dialect.partition_style() == Some(PartitionStyle::Inline)
}

/// `VALUES LESS THAN` partitions must be declared in strictly ascending order of their upper
/// bounds; the engine refuses the table otherwise.
fn ascending_ranges<D: Dialect + ?Sized>(
    dialect: &D,
    table: &TableDef,
    partitioning: &Partitioning,
    found: &mut Vec<Diagnostic>,
) {
    let uppers: Vec<(String, Literal)> = partitioning
        .all_partitions(&table.name)
        .into_iter()
        .filter_map(|p| match p.bound {
            PartitionBound::Range { to, .. } => to.first().cloned().map(|v| (p.name, v)),
            _ => None,
        })
        .collect();
    for pair in uppers.windows(2) {
        let ((before, a), (after, b)) = (&pair[0], &pair[1]);
        let ascending = match (a, b) {
            (Literal::Int(a), Literal::Int(b)) => a < b,
            (Literal::Text(a), Literal::Text(b)) => a < b,
            (Literal::Number(a), Literal::Number(b)) => {
                a.parse::<f64>().ok() < b.parse::<f64>().ok()
            }
            _ => true,
        };
        if !ascending {
            found.push(
                Diagnostic::new(format!(
                    "range partition `{after}` ends at or before `{before}`, but {} needs `VALUES LESS THAN` partitions in ascending order",
                    dialect.engine()
                ))
                .table(&table.name)
                .engine(dialect.engine())
                .help("declare the range partitions from the earliest to the latest"),
            );
        }
    }
}
