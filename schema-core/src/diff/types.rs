//! Named types and extensions: enums, domains, PostgreSQL extensions.

use super::change::Change;
use crate::{EnumType, Schema};

/// Extension, enum and domain changes, each kind by name.
pub(super) fn changes(from: &Schema, to: &Schema) -> Vec<Change> {
    let mut changes = Vec::new();
    for extension in &to.extensions {
        if !from.extensions.contains(extension) {
            changes.push(Change::CreateExtension(extension.clone()));
        }
    }
    for extension in &from.extensions {
        if !to.extensions.contains(extension) {
            changes.push(Change::DropExtension(extension.clone()));
        }
    }
    let (old_enums, new_enums) = (sorted_enums(from), sorted_enums(to));
    for new in &new_enums {
        match old_enums.iter().find(|old| old.name == new.name) {
            None => changes.push(Change::CreateEnum(new.clone())),
            Some(old) if old.values == new.values => {}
            Some(old) if keeps_order(&old.values, &new.values) => {
                changes.push(Change::AddEnumValues {
                    from: old.clone(),
                    to: new.clone(),
                })
            }
            Some(old) => changes.push(Change::ReplaceEnum {
                from: old.clone(),
                to: new.clone(),
            }),
        }
    }
    for old in &old_enums {
        if !new_enums.iter().any(|new| new.name == old.name) {
            changes.push(Change::DropEnum(old.clone()));
        }
    }
    let old_domains = from.domain_types();
    let new_domains = to.domain_types();
    for new in &new_domains {
        match old_domains.iter().find(|old| old.name == new.name) {
            None => changes.push(Change::CreateDomain((*new).clone())),
            Some(old) if old == new => {}
            Some(old) => changes.push(Change::ReplaceDomain {
                from: (*old).clone(),
                to: (*new).clone(),
            }),
        }
    }
    for old in &old_domains {
        if !new_domains.iter().any(|new| new.name == old.name) {
            changes.push(Change::DropDomain((*old).clone()));
        }
    }
    changes
}

fn sorted_enums(schema: &Schema) -> Vec<EnumType> {
    let mut enums: Vec<EnumType> = schema.enum_types().into_iter().cloned().collect();
    enums.sort_by(|a, b| a.name.cmp(&b.name));
    enums
}

/// Whether `new` holds every value of `old` in the same relative order (values only added).
pub(crate) fn keeps_order(old: &[String], new: &[String]) -> bool {
    let mut remaining = new.iter();
    old.iter().all(|value| remaining.any(|n| n == value))
}
