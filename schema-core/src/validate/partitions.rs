//! Partitioned tables: the key exists, every unique key includes it, bounds fit the key, and a
//! lifecycle window is a readable date range.

use std::collections::BTreeSet;

use super::unknown_column;
use crate::{
    CivilDate, Diagnostic, PartitionBound, PartitionInterval, PartitionKind, Schema, SqlType,
    TableDef,
};

pub(super) fn check(schema: &Schema, found: &mut Vec<Diagnostic>) {
    let tables: BTreeSet<&str> = schema.tables.iter().map(|t| t.name.as_str()).collect();
    for table in &schema.tables {
        let Some(partitioning) = &table.partitioning else {
            continue;
        };
        if partitioning.columns.is_empty() {
            found.push(
                Diagnostic::new("the table is partitioned by no column")
                    .table(&table.name)
                    .help("name the partition key, e.g. `Partitioning::range([\"created_at\"])`"),
            );
        }
        for column in &partitioning.columns {
            if table.find_column(column).is_none() {
                found.push(unknown_column(table, column, "the partition key"));
            }
        }
        unique_keys_include_partition_key(table, &partitioning.columns, found);
        let mut names = BTreeSet::new();
        let partitions = partitioning.all_partitions(&table.name);
        for partition in &partitions {
            if !names.insert(partition.name.clone()) || tables.contains(partition.name.as_str()) {
                found.push(
                    Diagnostic::new(format!(
                        "partition name `{}` is used twice (by another partition or a table)",
                        partition.name
                    ))
                    .table(&table.name),
                );
            }
            bound(
                table,
                partitioning.kind,
                partitioning.columns.len(),
                &partition.name,
                &partition.bound,
                found,
            );
        }
        if partitions.is_empty() && !partitioning.default_partition {
            found.push(
                Diagnostic::new(
                    "the partitioned table has no partition, so no row can be inserted",
                )
                .table(&table.name)
                .help("declare partitions, a lifecycle window, or `.with_default()`"),
            );
        }
        hash_partitions_cover_every_remainder(table, &partitions, found);
        if let Some(lifecycle) = &partitioning.lifecycle {
            lifecycle_window(
                table,
                partitioning.kind,
                &partitioning.columns,
                lifecycle,
                found,
            );
        }
    }
}

/// Engines enforce uniqueness per partition, so a key that leaves out a partition column could
/// hold duplicates across partitions; PostgreSQL and MySQL both refuse it.
fn unique_keys_include_partition_key(
    table: &TableDef,
    key: &[String],
    found: &mut Vec<Diagnostic>,
) {
    let keys = table
        .primary_key
        .iter()
        .map(|pk| ("primary key", &pk.name, &pk.columns))
        .chain(
            table
                .uniques
                .iter()
                .map(|u| ("unique constraint", &u.name, &u.columns)),
        )
        .chain(
            table
                .indexes
                .iter()
                .filter(|i| i.unique)
                .map(|i| ("unique index", &i.name, &i.columns)),
        );
    for (kind, name, columns) in keys {
        let missing: Vec<&str> = key
            .iter()
            .filter(|k| !columns.contains(k))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            found.push(
                Diagnostic::new(format!(
                    "{kind} `{name}` ({}) leaves out partition column(s) {}, but each partition checks uniqueness only within itself",
                    columns.join(", "),
                    missing.join(", ")
                ))
                .table(&table.name)
                .help(format!(
                    "add {} to the key, e.g. ({}, {})",
                    missing.join(", "),
                    columns.join(", "),
                    missing.join(", ")
                )),
            );
        }
    }
}

fn bound(
    table: &TableDef,
    kind: PartitionKind,
    width: usize,
    name: &str,
    bound: &PartitionBound,
    found: &mut Vec<Diagnostic>,
) {
    let problem = match (kind, bound) {
        (PartitionKind::Range, PartitionBound::Range { from, to })
            if from.len() != width || to.len() != width =>
        {
            Some(format!(
                "range bounds need one value per key column ({width})"
            ))
        }
        (PartitionKind::List, PartitionBound::List(values)) if values.is_empty() => {
            Some("a list partition needs at least one value".into())
        }
        (PartitionKind::Hash, PartitionBound::Hash { modulus, remainder })
            if *modulus == 0 || remainder >= modulus =>
        {
            Some(format!(
                "remainder {remainder} is not below modulus {modulus}"
            ))
        }
        (PartitionKind::Range, PartitionBound::Range { .. })
        | (PartitionKind::List, PartitionBound::List(_))
        | (PartitionKind::Hash, PartitionBound::Hash { .. }) => None,
        _ => Some(format!("its bound does not match {kind} partitioning")),
    };
    if let Some(problem) = problem {
        found.push(Diagnostic::new(format!("partition `{name}`: {problem}")).table(&table.name));
    }
}

fn lifecycle_window(
    table: &TableDef,
    kind: PartitionKind,
    key: &[String],
    lifecycle: &crate::Lifecycle,
    found: &mut Vec<Diagnostic>,
) {
    let temporal = key.len() == 1
        && table.find_column(&key[0]).is_some_and(|c| {
            matches!(
                c.sql_type,
                SqlType::Date | SqlType::Timestamp | SqlType::TimestampTz
            )
        });
    if kind != PartitionKind::Range || !temporal {
        found.push(
            Diagnostic::new("a partition lifecycle needs RANGE partitioning on one date or timestamp column")
                .table(&table.name)
                .help("partition with `Partitioning::range([\"created_at\"])` on a `DateTime<Utc>` or `NaiveDate` column"),
        );
    }
    match CivilDate::parse(&lifecycle.start) {
        None => found.push(
            Diagnostic::new(format!(
                "lifecycle start `{}` is not a date",
                lifecycle.start
            ))
            .table(&table.name)
            .help("write it as YYYY-MM-DD, e.g. \"2026-01-01\""),
        ),
        Some(start) => {
            let aligned = match lifecycle.interval {
                PartitionInterval::Day => true,
                PartitionInterval::Week => start.is_monday(),
                PartitionInterval::Month => start.day == 1,
                PartitionInterval::Year => start.day == 1 && start.month == 1,
            };
            if !aligned {
                found.push(
                    Diagnostic::new(format!(
                        "lifecycle start {start} is not the first day of a {:?} period, so maintenance (which starts periods there) would create overlapping partitions",
                        lifecycle.interval
                    ))
                    .table(&table.name)
                    .help(match lifecycle.interval {
                        PartitionInterval::Week => "start on a Monday (weeks are ISO weeks)".to_string(),
                        PartitionInterval::Year => format!("start on {}", CivilDate::new(start.year, 1, 1)),
                        _ => format!("start on {}", CivilDate::new(start.year, start.month, 1)),
                    }),
                );
            }
        }
    }
    if lifecycle.count == 0 {
        found.push(
            Diagnostic::new("a lifecycle window of 0 partitions creates none")
                .table(&table.name)
                .help("create at least the current period, e.g. `.lifecycle(PartitionInterval::Month, \"2026-01-01\", 3)`"),
        );
    }
}

/// Hash partitions share one modulus and take every remainder once: a missing remainder is a
/// hash value no partition accepts (PostgreSQL then refuses those rows), and MySQL's `KEY`
/// partitioning knows only the count.
fn hash_partitions_cover_every_remainder(
    table: &TableDef,
    partitions: &[crate::Partition],
    found: &mut Vec<Diagnostic>,
) {
    let hashes: Vec<(u32, u32)> = partitions
        .iter()
        .filter_map(|p| match p.bound {
            PartitionBound::Hash { modulus, remainder } => Some((modulus, remainder)),
            _ => None,
        })
        .collect();
    let Some(&(modulus, _)) = hashes.first() else {
        return;
    };
    let mut remainders: Vec<u32> = hashes.iter().map(|(_, r)| *r).collect();
    remainders.sort_unstable();
    let complete =
        hashes.iter().all(|(m, _)| *m == modulus) && remainders == (0..modulus).collect::<Vec<_>>();
    if !complete {
        found.push(
            Diagnostic::new(format!(
                "hash partitions must share one modulus and take each remainder 0 to {} once, but have remainders {remainders:?}",
                modulus.saturating_sub(1)
            ))
            .table(&table.name)
            .help(format!("declare them with `Partitioning::hash([...], {modulus})`")),
        );
    }
}
