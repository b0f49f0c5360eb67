//! Dependency order of the script: referenced tables before the tables that reference them,
//! ties broken by name, and the foreign keys that cannot be written inline.
//!
//! The order is Kahn's algorithm with a deterministic choice: the first table (by name) whose
//! referenced tables all exist. When none is ready the remaining tables contain a cycle; the first
//! table (by name) of a cycle that depends on nothing outside itself is created next, and its
//! foreign keys to tables not created yet are *deferred*: added with `ALTER TABLE` once every table
//! exists (engines that allow forward references keep them inline instead). Self-references never
//! block a table and stay inline.

use std::collections::BTreeSet;

use schema_core::{ForeignKey, Schema, TableDef};

/// The tables in creation order and the foreign keys to add after all tables and indexes.
#[derive(Debug)]
pub(crate) struct Plan<'a> {
    /// Every table, referenced tables first.
    pub tables: Vec<&'a TableDef>,
    /// Foreign keys written as `ALTER TABLE ... ADD CONSTRAINT`, in table order.
    pub deferred: Vec<(&'a TableDef, &'a ForeignKey)>,
}

impl Plan<'_> {
    /// Whether `fk` of `table` is deferred.
    pub fn is_deferred(&self, table: &TableDef, fk: &ForeignKey) -> bool {
        self.deferred
            .iter()
            .any(|(t, f)| t.name == table.name && f.name == fk.name)
    }
}

/// Orders `schema`'s tables. With `forward_references`, no foreign key is deferred; with
/// `lazy_targets` false, a foreign key whose target key is only a unique index is deferred too,
/// since the index is created after the tables.
pub(crate) fn plan(schema: &Schema, forward_references: bool, lazy_targets: bool) -> Plan<'_> {
    let mut remaining: Vec<&TableDef> = schema.tables.iter().collect();
    remaining.sort_by(|a, b| a.name.cmp(&b.name));
    let mut created: BTreeSet<&str> = BTreeSet::new();
    let mut plan = Plan {
        tables: Vec::new(),
        deferred: Vec::new(),
    };
    while !remaining.is_empty() {
        let ready = |t: &TableDef| dependencies(schema, t).all(|d| created.contains(d));
        let position = remaining
            .iter()
            .position(|t| ready(t))
            .or_else(|| cycle_entry(schema, &remaining, &created))
            .unwrap_or(0);
        let table = remaining.remove(position);
        created.insert(&table.name);
        plan.tables.push(table);
        if forward_references {
            continue;
        }
        for fk in &table.foreign_keys {
            let target_missing =
                fk.references != table.name && !created.contains(fk.references.as_str());
            if target_missing || (!lazy_targets && needs_index_first(schema, fk)) {
                plan.deferred.push((table, fk));
            }
        }
    }
    plan
}

/// The tables `table` references, other than itself and tables not in the schema.
fn dependencies<'a>(schema: &'a Schema, table: &'a TableDef) -> impl Iterator<Item = &'a str> {
    table
        .foreign_keys
        .iter()
        .map(|fk| fk.references.as_str())
        .filter(move |name| *name != table.name && schema.table(name).is_some())
}

/// The position of the first remaining table (by name) that lies on a cycle depending on nothing
/// outside it: every table it reaches through unmet dependencies reaches it back.
fn cycle_entry(
    schema: &Schema,
    remaining: &[&TableDef],
    created: &BTreeSet<&str>,
) -> Option<usize> {
    let reach = |start: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.to_string()];
        while let Some(name) = stack.pop() {
            let Some(table) = schema.table(&name) else {
                continue;
            };
            for dep in dependencies(schema, table) {
                if !created.contains(dep) && seen.insert(dep.to_string()) {
                    stack.push(dep.to_string());
                }
            }
        }
        seen
    };
    remaining.iter().position(|table| {
        reach(&table.name)
            .iter()
            .all(|other| reach(other).contains(&table.name))
    })
}

/// Whether `fk` targets columns that only a unique index (created after the tables) makes unique.
fn needs_index_first(schema: &Schema, fk: &ForeignKey) -> bool {
    let Some(target) = schema.table(&fk.references) else {
        return false;
    };
    let same_set = |key: &[String]| {
        key.len() == fk.referenced_columns.len()
            && key.iter().all(|c| fk.referenced_columns.contains(c))
    };
    let by_constraint = target.primary_key.iter().any(|pk| same_set(&pk.columns))
        || target.uniques.iter().any(|u| same_set(&u.columns));
    !by_constraint && target.has_key_on(&fk.referenced_columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use schema_core::{Column, ForeignKey, Index, SqlType};

    fn table(name: &str, references: &[&str]) -> TableDef {
        let mut t = TableDef::new(name)
            .column(Column::new("id", SqlType::BigInt))
            .primary_key(["id"]);
        for (i, target) in references.iter().enumerate() {
            let column = format!("ref{i}");
            t = t
                .column(Column::new(&column, SqlType::BigInt).nullable())
                .foreign_key(ForeignKey::to(*target, ["id"]).columns([column]));
        }
        t
    }

    fn schema(tables: Vec<TableDef>) -> Schema {
        tables
            .into_iter()
            .fold(Schema::builder(), |b, t| b.table_def(t))
            .build()
            .unwrap()
    }

    fn names(plan: &Plan<'_>) -> (Vec<String>, Vec<String>) {
        (
            plan.tables.iter().map(|t| t.name.clone()).collect(),
            plan.deferred
                .iter()
                .map(|(_, fk)| fk.name.clone())
                .collect(),
        )
    }

    #[test]
    fn referenced_tables_come_first_and_ties_go_by_name() {
        let s = schema(vec![
            table("a_child", &["m_parent"]),
            table("m_parent", &["z_root"]),
            table("z_root", &[]),
            table("b_free", &[]),
        ]);
        let (tables, deferred) = names(&plan(&s, false, false));
        assert_eq!(tables, ["b_free", "z_root", "m_parent", "a_child"]);
        assert!(deferred.is_empty());
    }

    #[test]
    fn self_references_stay_inline() {
        let s = schema(vec![table("nodes", &["nodes"]), table("a", &["nodes"])]);
        let (tables, deferred) = names(&plan(&s, false, false));
        assert_eq!(tables, ["nodes", "a"]);
        assert!(deferred.is_empty());
    }

    #[test]
    fn a_two_table_cycle_defers_one_foreign_key() {
        let s = schema(vec![table("users", &["teams"]), table("teams", &["users"])]);
        let (tables, deferred) = names(&plan(&s, false, false));
        assert_eq!(tables, ["teams", "users"]);
        assert_eq!(deferred, ["teams_ref0_fkey"]);
    }

    #[test]
    fn forward_references_keep_cycles_inline_but_ordered() {
        let s = schema(vec![table("users", &["teams"]), table("teams", &["users"])]);
        let (tables, deferred) = names(&plan(&s, true, false));
        assert_eq!(tables, ["teams", "users"]);
        assert!(deferred.is_empty());
    }

    #[test]
    fn a_table_that_only_depends_on_a_cycle_is_not_the_one_broken() {
        // `a` references the cycle b <-> c but is not part of it: the cycle is broken at `b`.
        let s = schema(vec![
            table("a", &["b"]),
            table("b", &["c"]),
            table("c", &["b"]),
        ]);
        let (tables, deferred) = names(&plan(&s, false, false));
        assert_eq!(tables, ["b", "a", "c"]);
        assert_eq!(deferred, ["b_ref0_fkey"]);
    }

    #[test]
    fn a_three_table_cycle_and_a_self_reference() {
        let s = schema(vec![
            table("x", &["y", "x"]),
            table("y", &["z"]),
            table("z", &["x"]),
        ]);
        let (tables, deferred) = names(&plan(&s, false, false));
        assert_eq!(tables, ["x", "z", "y"]);
        assert_eq!(deferred, ["x_ref0_fkey"]);
    }

    #[test]
    fn foreign_keys_onto_a_unique_index_wait_for_the_index() {
        let parent = TableDef::new("parent")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("code", SqlType::Varchar(8)))
            .primary_key(["id"])
            .index(Index::on(["code"]).unique());
        let child = TableDef::new("child")
            .column(Column::new("code", SqlType::Varchar(8)))
            .foreign_key(ForeignKey::to("parent", ["code"]).columns(["code"]));
        let s = schema(vec![parent, child]);
        assert_eq!(names(&plan(&s, false, false)).1, ["child_code_fkey"]);
        assert!(names(&plan(&s, false, true)).1.is_empty());
    }
}
