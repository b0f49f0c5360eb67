//! Suppressions: `allow(CODE, reason = "...")` on a table or column (S001–S003).
//!
//! A column's `allow` silences that column's findings; a table's silences every finding of the
//! table. Only a known code with a non-empty reason silences anything; the advisor's own checks
//! (S001–S004) cannot be silenced.

use std::collections::BTreeSet;

use super::{EMPTY_REASON, Finding, RULES, Suppressed, UNKNOWN_CODE, UNUSED_ALLOW, rule};
use crate::{Allow, Schema};

/// Where an allow was written.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Site<'a> {
    table: &'a str,
    column: Option<&'a str>,
    index: usize,
}

/// Splits `raw` into findings in force and suppressed ones, adding the suppression checks.
pub(super) fn apply(schema: &Schema, raw: Vec<Finding>) -> (Vec<Finding>, Vec<Suppressed>) {
    let mut sites: Vec<(Site, &Allow)> = Vec::new();
    let mut meta = Vec::new();
    for table in &schema.tables {
        for (index, allow) in table.allows.iter().enumerate() {
            sites.push((
                Site {
                    table: &table.name,
                    column: None,
                    index,
                },
                allow,
            ));
        }
        for column in &table.columns {
            for (index, allow) in column.allows.iter().enumerate() {
                sites.push((
                    Site {
                        table: &table.name,
                        column: Some(&column.name),
                        index,
                    },
                    allow,
                ));
            }
        }
    }
    // A view's allows (row-level-security rules) are sites like a table's.
    for view in &schema.views {
        for (index, allow) in view.allows.iter().enumerate() {
            sites.push((
                Site {
                    table: &view.name,
                    column: None,
                    index,
                },
                allow,
            ));
        }
    }
    let mut valid: Vec<(Site, &Allow)> = Vec::new();
    for (site, allow) in sites {
        if rule(&allow.code).is_none() {
            let mut finding = Finding::new(
                &UNKNOWN_CODE,
                site.table,
                site.column,
                format!("`allow({})` names no rule", allow.code),
            );
            if let Some(close) = closest_code(&allow.code) {
                finding = finding.help(format!(
                    "did you mean `{close}` ({})?",
                    rule(close).map_or("", |r| r.name)
                ));
            }
            meta.push(finding);
        } else if allow.reason.trim().is_empty() {
            meta.push(Finding::new(
                &EMPTY_REASON,
                site.table,
                site.column,
                format!("`allow({})` gives no reason", allow.code),
            ));
        } else {
            valid.push((site, allow));
        }
    }

    let mut used: BTreeSet<Site> = BTreeSet::new();
    let mut findings = Vec::new();
    let mut suppressed = Vec::new();
    for finding in raw {
        let by_column = valid.iter().find(|(site, allow)| {
            site.table == finding.table
                && site.column.is_some()
                && site.column == finding.column.as_deref()
                && allow.code == finding.code
        });
        let by_table = || {
            valid.iter().find(|(site, allow)| {
                site.table == finding.table && site.column.is_none() && allow.code == finding.code
            })
        };
        match by_column.or_else(by_table) {
            Some((site, allow)) => {
                used.insert(*site);
                suppressed.push(Suppressed {
                    reason: allow.reason.clone(),
                    finding,
                });
            }
            None => findings.push(finding),
        }
    }
    for (site, allow) in &valid {
        if !used.contains(site) {
            meta.push(Finding::new(
                &UNUSED_ALLOW,
                site.table,
                site.column,
                format!(
                    "`allow({})` suppresses nothing here (reason given: {})",
                    allow.code, allow.reason
                ),
            ));
        }
    }
    findings.extend(meta);
    (findings, suppressed)
}

/// The catalog code nearest to `wrong` by edit distance (at most 2), first in catalog order on
/// a tie. Codes differ in digits, where a prefix-weighted similarity would mislead.
fn closest_code(wrong: &str) -> Option<&'static str> {
    let wrong = wrong.to_uppercase();
    RULES
        .iter()
        .map(|rule| (strsim::osa_distance(&wrong, rule.code), rule.code))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, code)| code)
}
