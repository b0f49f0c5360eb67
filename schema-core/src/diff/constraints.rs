//! Keys, checks, foreign keys, indexes and exclusion constraints, matched by name: a constraint
//! whose definition changed is dropped and added again.

use super::change::TableChange;
use crate::TableDef;

/// Constraints and indexes of `before` that are gone or changed in `after`.
pub(super) fn drops(before: &TableDef, after: &TableDef) -> Vec<TableChange> {
    let mut changes = Vec::new();
    changes.extend(
        gone(&before.foreign_keys, &after.foreign_keys, |k| &k.name)
            .map(TableChange::DropForeignKey),
    );
    changes.extend(gone(&before.indexes, &after.indexes, |i| &i.name).map(TableChange::DropIndex));
    changes.extend(
        gone(&before.exclusions, &after.exclusions, |e| &e.name).map(TableChange::DropExclusion),
    );
    changes.extend(gone(&before.checks, &after.checks, |c| &c.name).map(TableChange::DropCheck));
    changes.extend(gone(&before.uniques, &after.uniques, |u| &u.name).map(TableChange::DropUnique));
    if before.primary_key.is_some() && before.primary_key != after.primary_key {
        changes.extend(before.primary_key.clone().map(TableChange::DropPrimaryKey));
    }
    changes
}

/// Constraints and indexes of `after` that are new or changed.
pub(super) fn additions(before: &TableDef, after: &TableDef) -> Vec<TableChange> {
    let mut changes = Vec::new();
    if after.primary_key.is_some() && before.primary_key != after.primary_key {
        changes.extend(after.primary_key.clone().map(TableChange::AddPrimaryKey));
    }
    changes.extend(gone(&after.uniques, &before.uniques, |u| &u.name).map(TableChange::AddUnique));
    changes.extend(gone(&after.checks, &before.checks, |c| &c.name).map(TableChange::AddCheck));
    changes.extend(
        gone(&after.exclusions, &before.exclusions, |e| &e.name).map(TableChange::AddExclusion),
    );
    changes.extend(gone(&after.indexes, &before.indexes, |i| &i.name).map(TableChange::AddIndex));
    changes.extend(
        gone(&after.foreign_keys, &before.foreign_keys, |k| &k.name)
            .map(TableChange::AddForeignKey),
    );
    changes
}

/// The items of `items` that `others` lacks or holds with another definition under the same name.
fn gone<'a, T: Clone + PartialEq>(
    items: &'a [T],
    others: &'a [T],
    name: impl Fn(&T) -> &String + 'a,
) -> impl Iterator<Item = T> + 'a {
    items
        .iter()
        .filter(move |item| {
            !others
                .iter()
                .any(|other| name(other) == name(item) && other == *item)
        })
        .cloned()
}
