//! Domains: one definition per name, a check, and a base type a domain can narrow.

use crate::{Diagnostic, Schema, SqlType};

pub(super) fn check(schema: &Schema, found: &mut Vec<Diagnostic>) {
    let mut seen: Vec<(&str, &crate::DomainType, &str)> = Vec::new();
    for table in &schema.tables {
        for column in &table.columns {
            let SqlType::Domain(domain) = &column.sql_type else {
                continue;
            };
            let problem = |message: String| {
                Diagnostic::new(message)
                    .table(&table.name)
                    .column(&column.name)
            };
            if domain.check.trim().is_empty() {
                found.push(problem(format!(
                    "domain `{}` has an empty check",
                    domain.name
                )));
            }
            // A domain is one named type: nesting, enums and arrays would need their own names.
            if matches!(
                *domain.base,
                SqlType::Domain(_) | SqlType::Enum(_) | SqlType::Array(_) | SqlType::Raw(_)
            ) {
                found.push(
                    problem(format!(
                        "domain `{}` narrows `{}`; a domain's base is a plain logical type",
                        domain.name, domain.base
                    ))
                    .help("use e.g. `SqlType::Varchar(320)` or `SqlType::Integer` as the base"),
                );
            }
            match seen.iter().find(|(name, _, _)| *name == domain.name) {
                Some((_, earlier, at)) if *earlier != domain => found.push(
                    problem(format!(
                        "domain `{}` is defined differently here and on table `{at}`",
                        domain.name
                    ))
                    .help("use one Rust type (one definition) for the domain"),
                ),
                Some(_) => {}
                None => seen.push((&domain.name, domain, &table.name)),
            }
        }
    }
}
