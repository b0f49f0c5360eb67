//! Views, custom triggers, functions, roles and grants: objects that hold no rows, matched by
//! name; one whose definition changed is dropped and created again.

use super::change::Change;
use crate::Schema;

/// Drops (old definitions) first, then creations, each kind by name.
pub(super) fn changes(from: &Schema, to: &Schema) -> Vec<Change> {
    let mut changes = Vec::new();
    for view in &from.views {
        if !to.views.contains(view) {
            changes.push(Change::DropView(view.clone()));
        }
    }
    for trigger in &from.triggers {
        if !to.triggers.contains(trigger) {
            changes.push(Change::DropTrigger(trigger.clone()));
        }
    }
    for function in &from.functions {
        if !to.functions.contains(function) {
            changes.push(Change::DropFunction(function.clone()));
        }
    }
    for function in &to.functions {
        if !from.functions.contains(function) {
            changes.push(Change::CreateFunction(function.clone()));
        }
    }
    for trigger in &to.triggers {
        if !from.triggers.contains(trigger) {
            changes.push(Change::CreateTrigger(trigger.clone()));
        }
    }
    for view in &to.views {
        if !from.views.contains(view) {
            changes.push(Change::CreateView(view.clone()));
        }
    }
    if from.security != to.security {
        changes.push(Change::ChangeSecurity {
            from: from.security.clone(),
            to: to.security.clone(),
        });
    }
    changes
}
