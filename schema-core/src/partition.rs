//! Table partitioning and the time-window partition lifecycle.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Engine, Literal};

/// How a table is split into partitions.
///
/// Every primary key and unique constraint of a partitioned table must include the partition
/// columns (each engine enforces uniqueness per partition only); validation says so.
///
/// ```
/// use schema_core::{Literal, Partition, Partitioning, PartitionInterval};
/// // Declared partitions.
/// let by_region = Partitioning::list(["region"])
///     .partition(Partition::list("orders_eu", [Literal::Text("eu".into())]))
///     .partition(Partition::list("orders_us", [Literal::Text("us".into())]))
///     .with_default();
/// assert_eq!(by_region.partitions.len(), 2);
///
/// // A monthly time window: 3 partitions from January 2026, a default partition for the rest,
/// // maintenance keeps 2 months ahead and detaches what is older than 12 months.
/// let monthly = Partitioning::range(["created_at"])
///     .lifecycle(PartitionInterval::Month, "2026-01-01", 3)
///     .premake(2)
///     .retention(12);
/// let names: Vec<String> = monthly.window_partitions("events").into_iter().map(|p| p.name).collect();
/// assert_eq!(names, ["events_p202601", "events_p202602", "events_p202603"]);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partitioning {
    /// RANGE, LIST or HASH.
    pub kind: PartitionKind,
    /// The partition key columns.
    pub columns: Vec<String>,
    /// Partitions declared one by one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partitions: Vec<Partition>,
    /// A catch-all partition for rows no other partition takes (PostgreSQL `DEFAULT`; MySQL has
    /// none for LIST, and for RANGE the catch-all is a `MAXVALUE` partition).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default_partition: bool,
    /// Time-window partitions created by the script and kept by the maintenance routine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    /// The engines the table is partitioned on; empty means every engine. Elsewhere the table is
    /// created unpartitioned and the script says so (SQLite has no partitioning).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engines: Vec<Engine>,
}

/// The partitioning method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartitionKind {
    /// Ranges of the key (`FROM ... TO ...`; MySQL `VALUES LESS THAN`).
    Range,
    /// Lists of key values.
    List,
    /// A hash of the key, spread over a fixed number of partitions.
    Hash,
}

impl fmt::Display for PartitionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PartitionKind::Range => "RANGE",
            PartitionKind::List => "LIST",
            PartitionKind::Hash => "HASH",
        })
    }
}

/// One partition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partition {
    /// The partition name (a table name on PostgreSQL).
    pub name: String,
    /// Which rows it holds.
    pub bound: PartitionBound,
}

/// The rows a partition holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartitionBound {
    /// Keys from `from` (inclusive) up to `to` (exclusive), one value per key column. MySQL
    /// writes only `VALUES LESS THAN (to)`: declare range partitions in ascending, gapless order.
    Range {
        /// The inclusive lower bound.
        from: Vec<Literal>,
        /// The exclusive upper bound.
        to: Vec<Literal>,
    },
    /// Keys equal to one of these values.
    List(Vec<Literal>),
    /// Keys whose hash modulo `modulus` is `remainder`.
    Hash {
        /// The number of hash partitions.
        modulus: u32,
        /// This partition's remainder.
        remainder: u32,
    },
}

/// The length of one time-window partition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartitionInterval {
    /// One day.
    Day,
    /// One week (declare a Monday as the start to get ISO weeks).
    Week,
    /// One calendar month.
    Month,
    /// One calendar year.
    Year,
}

impl PartitionInterval {
    /// The PostgreSQL interval text, e.g. `1 month`.
    ///
    /// ```
    /// assert_eq!(schema_core::PartitionInterval::Week.as_interval(), "1 week");
    /// ```
    pub fn as_interval(self) -> &'static str {
        match self {
            PartitionInterval::Day => "1 day",
            PartitionInterval::Week => "1 week",
            PartitionInterval::Month => "1 month",
            PartitionInterval::Year => "1 year",
        }
    }

    /// The partition-name suffix format of a period starting on `date`: `YYYY` for years,
    /// `YYYYMM` for months, `YYYYMMDD` for weeks and days.
    ///
    /// ```
    /// use schema_core::{CivilDate, PartitionInterval};
    /// let d = CivilDate::parse("2026-03-01").unwrap();
    /// assert_eq!(PartitionInterval::Month.suffix(d), "202603");
    /// ```
    pub fn suffix(self, date: CivilDate) -> String {
        match self {
            PartitionInterval::Year => format!("{:04}", date.year),
            PartitionInterval::Month => format!("{:04}{:02}", date.year, date.month),
            PartitionInterval::Week | PartitionInterval::Day => {
                format!("{:04}{:02}{:02}", date.year, date.month, date.day)
            }
        }
    }

    /// The first day of the period after the one starting on `date`.
    ///
    /// ```
    /// use schema_core::{CivilDate, PartitionInterval};
    /// let d = CivilDate::parse("2026-12-01").unwrap();
    /// assert_eq!(PartitionInterval::Month.next(d).to_string(), "2027-01-01");
    /// ```
    pub fn next(self, date: CivilDate) -> CivilDate {
        match self {
            PartitionInterval::Day => date.add_days(1),
            PartitionInterval::Week => date.add_days(7),
            PartitionInterval::Month if date.month == 12 => {
                CivilDate::new(date.year + 1, 1, date.day)
            }
            PartitionInterval::Month => CivilDate::new(date.year, date.month + 1, date.day),
            PartitionInterval::Year => CivilDate::new(date.year + 1, date.month, date.day),
        }
    }
}

/// The time-window lifecycle of a RANGE-partitioned table on a date or timestamp column.
///
/// The script creates `count` partitions of one `interval` each from `start`, plus the default
/// partition. The maintenance routine (`<table>_maintain_partitions`, a PostgreSQL function or a
/// MySQL procedure, see `schema_dialects::partitions`) creates the partitions for the current period and `premake`
/// periods ahead, moving rows the default partition already holds for them, and detaches — never
/// drops unless asked — partitions that ended more than `retention` periods ago.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifecycle {
    /// The length of one partition.
    pub interval: PartitionInterval,
    /// The lower bound of the first partition, `YYYY-MM-DD` (a first of month for months, a
    /// January 1st for years).
    pub start: String,
    /// How many partitions the script creates.
    pub count: u32,
    /// How many periods ahead of the current one maintenance keeps created.
    pub premake: u32,
    /// How many past periods are kept attached; older ones are detached. `None` keeps all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<u32>,
}

impl Partitioning {
    /// RANGE partitioning on `columns`.
    pub fn range<I: IntoIterator<Item = S>, S: Into<String>>(columns: I) -> Self {
        Partitioning::of(PartitionKind::Range, columns)
    }

    /// LIST partitioning on `columns`.
    pub fn list<I: IntoIterator<Item = S>, S: Into<String>>(columns: I) -> Self {
        Partitioning::of(PartitionKind::List, columns)
    }

    /// HASH partitioning on `columns` into `modulus` partitions named `<table>_h<remainder>`
    /// (filled in by [`hash_partitions`](Partitioning::hash_partitions) when the table is known).
    ///
    /// ```
    /// let p = schema_core::Partitioning::hash(["tenant_id"], 4);
    /// assert_eq!(p.partitions.len(), 4);
    /// ```
    pub fn hash<I: IntoIterator<Item = S>, S: Into<String>>(columns: I, modulus: u32) -> Self {
        let mut partitioning = Partitioning::of(PartitionKind::Hash, columns);
        partitioning.partitions = (0..modulus)
            .map(|remainder| Partition {
                name: String::new(),
                bound: PartitionBound::Hash { modulus, remainder },
            })
            .collect();
        partitioning
    }

    fn of<I: IntoIterator<Item = S>, S: Into<String>>(kind: PartitionKind, columns: I) -> Self {
        Partitioning {
            kind,
            columns: columns.into_iter().map(Into::into).collect(),
            partitions: Vec::new(),
            default_partition: false,
            lifecycle: None,
            engines: Vec::new(),
        }
    }

    /// Adds a declared partition.
    pub fn partition(mut self, partition: Partition) -> Self {
        self.partitions.push(partition);
        self
    }

    /// Adds the catch-all partition `<table>_default`.
    pub fn with_default(mut self) -> Self {
        self.default_partition = true;
        self
    }

    /// Declares a time window of `count` partitions of `interval` from `start` (`YYYY-MM-DD`),
    /// with a default partition; maintenance keeps one period ahead unless
    /// [`premake`](Partitioning::premake) says otherwise.
    pub fn lifecycle(
        mut self,
        interval: PartitionInterval,
        start: impl Into<String>,
        count: u32,
    ) -> Self {
        self.lifecycle = Some(Lifecycle {
            interval,
            start: start.into(),
            count,
            premake: 1,
            retention: None,
        });
        self.default_partition = true;
        self
    }

    /// Partitions the table only on these engines; elsewhere it is a plain table.
    ///
    /// ```
    /// use schema_core::{Engine, Partitioning};
    /// let p = Partitioning::hash(["id"], 2).only_on([Engine::Postgres, Engine::MySql]);
    /// assert!(p.applies_to(Engine::MySql) && !p.applies_to(Engine::Sqlite));
    /// ```
    pub fn only_on(mut self, engines: impl IntoIterator<Item = Engine>) -> Self {
        let mut engines: Vec<Engine> = engines.into_iter().collect();
        engines.sort();
        engines.dedup();
        self.engines = engines;
        self
    }

    /// Whether the table is partitioned on `engine`.
    pub fn applies_to(&self, engine: Engine) -> bool {
        engine.in_scope(&self.engines)
    }

    /// How many periods ahead maintenance creates (lifecycle only).
    pub fn premake(mut self, periods: u32) -> Self {
        if let Some(lifecycle) = &mut self.lifecycle {
            lifecycle.premake = periods;
        }
        self
    }

    /// How many past periods stay attached (lifecycle only).
    pub fn retention(mut self, periods: u32) -> Self {
        if let Some(lifecycle) = &mut self.lifecycle {
            lifecycle.retention = Some(periods);
        }
        self
    }

    /// The name of the catch-all partition of `table`.
    ///
    /// ```
    /// assert_eq!(schema_core::Partitioning::default_partition_name("events"), "events_default");
    /// ```
    pub fn default_partition_name(table: &str) -> String {
        format!("{table}_default")
    }

    /// The partitions the lifecycle window declares for `table` (empty without a lifecycle or
    /// with an unreadable start date, which validation reports).
    pub fn window_partitions(&self, table: &str) -> Vec<Partition> {
        let Some(lifecycle) = &self.lifecycle else {
            return Vec::new();
        };
        let Some(mut from) = CivilDate::parse(&lifecycle.start) else {
            return Vec::new();
        };
        let mut partitions = Vec::new();
        for _ in 0..lifecycle.count {
            let to = lifecycle.interval.next(from);
            partitions.push(Partition {
                name: format!("{table}_p{}", lifecycle.interval.suffix(from)),
                bound: PartitionBound::Range {
                    from: vec![Literal::Text(from.to_string())],
                    to: vec![Literal::Text(to.to_string())],
                },
            });
            from = to;
        }
        partitions
    }

    /// Every partition of `table`: the declared ones (hash partitions named `<table>_h<n>`),
    /// then the lifecycle window, in order. The default partition is not included.
    pub fn all_partitions(&self, table: &str) -> Vec<Partition> {
        let mut all: Vec<Partition> = self
            .partitions
            .iter()
            .cloned()
            .map(|mut partition| {
                if let (true, PartitionBound::Hash { remainder, .. }) =
                    (partition.name.is_empty(), &partition.bound)
                {
                    partition.name = format!("{table}_h{remainder}");
                }
                partition
            })
            .collect();
        all.extend(self.window_partitions(table));
        all
    }

    /// The hash partitions with their names filled in for `table`.
    pub fn hash_partitions(&self, table: &str) -> Vec<Partition> {
        self.all_partitions(table)
            .into_iter()
            .filter(|p| matches!(p.bound, PartitionBound::Hash { .. }))
            .collect()
    }
}

impl Partition {
    /// A range partition `from` (inclusive) `to` (exclusive), one value per key column.
    ///
    /// ```
    /// use schema_core::{Literal, Partition};
    /// let p = Partition::range("events_2025", [Literal::Text("2025-01-01".into())], [Literal::Text("2026-01-01".into())]);
    /// assert_eq!(p.name, "events_2025");
    /// ```
    pub fn range(
        name: impl Into<String>,
        from: impl IntoIterator<Item = Literal>,
        to: impl IntoIterator<Item = Literal>,
    ) -> Self {
        Partition {
            name: name.into(),
            bound: PartitionBound::Range {
                from: from.into_iter().collect(),
                to: to.into_iter().collect(),
            },
        }
    }

    /// A list partition holding the rows whose key is one of `values`.
    pub fn list(name: impl Into<String>, values: impl IntoIterator<Item = Literal>) -> Self {
        Partition {
            name: name.into(),
            bound: PartitionBound::List(values.into_iter().collect()),
        }
    }
}

/// A calendar date (proleptic Gregorian), for partition bounds; no time zone.
///
/// ```
/// use schema_core::CivilDate;
/// let d = CivilDate::parse("2024-02-28").unwrap();
/// assert_eq!(d.add_days(1).to_string(), "2024-02-29");
/// assert_eq!(d.add_days(2).to_string(), "2024-03-01");
/// assert!(CivilDate::parse("2024-02-30").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl CivilDate {
    /// A date; the day is clamped to the month's length (so adding a month to January 31st gives
    /// the last day of February).
    pub fn new(year: i32, month: u32, day: u32) -> Self {
        CivilDate {
            year,
            month,
            day: day.min(days_in_month(year, month)),
        }
    }

    /// Reads `YYYY-MM-DD`; `None` when it is not a real date.
    pub fn parse(text: &str) -> Option<CivilDate> {
        let mut parts = text.split('-');
        let year = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        if parts.next().is_some() || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(CivilDate { year, month, day })
    }

    /// Whether the date is a Monday (the first day of an ISO week).
    ///
    /// ```
    /// assert!(schema_core::CivilDate::parse("2026-01-05").unwrap().is_monday());
    /// ```
    pub fn is_monday(self) -> bool {
        // 1970-01-01 was a Thursday.
        (to_days(self) + 3).rem_euclid(7) == 0
    }

    /// The date `days` later.
    pub fn add_days(self, days: i64) -> CivilDate {
        from_days(to_days(self) + days)
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn to_days(date: CivilDate) -> i64 {
    let year = i64::from(date.year) - i64::from(date.month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(date.month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(date.day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`to_days`].
fn from_days(days: i64) -> CivilDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
    CivilDate { year, month, day }
}
