//! Dependency order of the script: referenced tables before the tables that reference them,
//! ties broken by name, and the foreign keys that cannot be written inline.
//!
//! The order is Kahn's algorithm with a deterministic choice: the first table (by name) whose
//! referenced tables all exist. When none is ready the remaining tables contain a cycle; the first
//! table (by name) of a cycle that depends on nothing outside itself is created next, and its
//! foreign keys to tables not created yet are *deferred*: added with `ALTER TABLE` once every table
//! exists (engines that allow forward references keep them inline instead). Self-references never
//! block a table and stay inline.

use std::collections::{BTreeSet, HashMap};

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
///
/// Linear in tables and foreign keys while there is no cycle (each table's unmet dependencies
/// are counted down as tables are created); each cycle to break costs one pass over what is left.
pub(crate) fn plan(schema: &Schema, forward_references: bool, lazy_targets: bool) -> Plan<'_> {
    let mut tables: Vec<&TableDef> = schema.tables.iter().collect();
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    let mut position: HashMap<&str, usize> = HashMap::with_capacity(tables.len());
    for (i, table) in tables.iter().enumerate() {
        position.entry(table.name.as_str()).or_insert(i);
    }
    let graph = Graph::new(&tables, &position);
    let mut unmet: Vec<usize> = graph.dependencies.iter().map(Vec::len).collect();
    // The tables whose referenced tables all exist, by name (their position).
    let mut ready: BTreeSet<usize> = (0..tables.len()).filter(|&i| unmet[i] == 0).collect();
    let mut created = vec![false; tables.len()];
    let mut plan = Plan {
        tables: Vec::with_capacity(tables.len()),
        deferred: Vec::new(),
    };
    for _ in 0..tables.len() {
        let next = match ready.pop_first() {
            Some(next) => next,
            None => graph.cycle_entry(&created),
        };
        created[next] = true;
        for &dependent in &graph.dependents[next] {
            unmet[dependent] -= 1;
            if unmet[dependent] == 0 && !created[dependent] {
                ready.insert(dependent);
            }
        }
        let table = tables[next];
        plan.tables.push(table);
        if forward_references {
            continue;
        }
        for fk in &table.foreign_keys {
            let target_missing = fk.references != table.name
                && position
                    .get(fk.references.as_str())
                    .is_none_or(|&target| !created[target]);
            if target_missing || (!lazy_targets && needs_index_first(schema, fk)) {
                plan.deferred.push((table, fk));
            }
        }
    }
    plan
}

/// The dependency graph over tables sorted by name: the tables each table references (other than
/// itself and tables not in the schema, each once) and the reverse.
struct Graph {
    dependencies: Vec<Vec<usize>>,
    dependents: Vec<Vec<usize>>,
}

impl Graph {
    fn new(tables: &[&TableDef], position: &HashMap<&str, usize>) -> Graph {
        let dependencies: Vec<Vec<usize>> = tables
            .iter()
            .enumerate()
            .map(|(i, table)| {
                let mut targets: Vec<usize> = table
                    .foreign_keys
                    .iter()
                    .filter(|fk| fk.references != table.name)
                    .filter_map(|fk| position.get(fk.references.as_str()).copied())
                    .filter(|&target| target != i)
                    .collect();
                targets.sort_unstable();
                targets.dedup();
                targets
            })
            .collect();
        let mut dependents = vec![Vec::new(); tables.len()];
        for (i, targets) in dependencies.iter().enumerate() {
            for &target in targets {
                dependents[target].push(i);
            }
        }
        Graph {
            dependencies,
            dependents,
        }
    }

    /// The first table not yet created (by name) that lies on a cycle depending on nothing
    /// outside it: every table it reaches through unmet dependencies reaches it back, so its
    /// strongly connected component (Tarjan's algorithm, over the tables not created) has no
    /// edge to another. Called only when every table left has an unmet dependency.
    fn cycle_entry(&self, created: &[bool]) -> usize {
        let n = created.len();
        const UNSEEN: usize = usize::MAX;
        let mut index = vec![UNSEEN; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut component = vec![UNSEEN; n];
        let mut components = 0;
        let mut counter = 0;
        let mut stack = Vec::new();
        for root in (0..n).filter(|&v| !created[v]) {
            if index[root] != UNSEEN {
                continue;
            }
            // Depth-first without recursion: (table, next dependency to visit).
            let mut calls = vec![(root, 0)];
            index[root] = counter;
            low[root] = counter;
            counter += 1;
            stack.push(root);
            on_stack[root] = true;
            while let Some(call) = calls.last_mut() {
                let (v, next) = *call;
                if let Some(&w) = self.dependencies[v].get(next) {
                    call.1 += 1;
                    if created[w] {
                        continue;
                    }
                    if index[w] == UNSEEN {
                        index[w] = counter;
                        low[w] = counter;
                        counter += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        calls.push((w, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(index[w]);
                    }
                    continue;
                }
                calls.pop();
                if let Some(&(parent, _)) = calls.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        component[w] = components;
                        if w == v {
                            break;
                        }
                    }
                    components += 1;
                }
            }
        }
        let mut sink = vec![true; components];
        for v in (0..n).filter(|&v| !created[v]) {
            for &w in &self.dependencies[v] {
                if !created[w] && component[w] != component[v] {
                    sink[component[v]] = false;
                }
            }
        }
        (0..n)
            .find(|&v| !created[v] && sink[component[v]])
            .or_else(|| (0..n).find(|&v| !created[v]))
            .unwrap_or(0)
    }
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

    /// The straightforward (quadratic) statement of the order this module computes: repeatedly
    /// the first table (by name) whose references exist, else the first table of a cycle that
    /// depends on nothing outside it.
    fn reference_order(schema: &Schema) -> (Vec<String>, Vec<String>) {
        let deps = |t: &TableDef| -> Vec<String> {
            t.foreign_keys
                .iter()
                .map(|fk| fk.references.clone())
                .filter(|r| *r != t.name && schema.table(r).is_some())
                .collect()
        };
        let mut remaining: Vec<&TableDef> = schema.tables.iter().collect();
        remaining.sort_by(|a, b| a.name.cmp(&b.name));
        let mut created: BTreeSet<String> = BTreeSet::new();
        let (mut order, mut deferred) = (Vec::new(), Vec::new());
        while !remaining.is_empty() {
            let reach = |start: &str| -> BTreeSet<String> {
                let mut seen = BTreeSet::new();
                let mut stack = vec![start.to_string()];
                while let Some(name) = stack.pop() {
                    for dep in deps(schema.table(&name).unwrap()) {
                        if !created.contains(&dep) && seen.insert(dep.clone()) {
                            stack.push(dep);
                        }
                    }
                }
                seen
            };
            let position = remaining
                .iter()
                .position(|t| deps(t).iter().all(|d| created.contains(d)))
                .or_else(|| {
                    remaining
                        .iter()
                        .position(|t| reach(&t.name).iter().all(|o| reach(o).contains(&t.name)))
                })
                .unwrap();
            let table = remaining.remove(position);
            created.insert(table.name.clone());
            order.push(table.name.clone());
            for fk in &table.foreign_keys {
                if fk.references != table.name && !created.contains(&fk.references) {
                    deferred.push(fk.name.clone());
                }
            }
        }
        (order, deferred)
    }

    #[test]
    fn the_linear_order_is_the_reference_order_on_random_graphs() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound as u64) as usize
        };
        for _ in 0..500 {
            let n = 1 + next(9);
            let pool: Vec<String> = (0..n).map(|i| format!("t{}", (i * 7) % 10)).collect();
            let mut seen = BTreeSet::new();
            let tables: Vec<TableDef> = pool
                .iter()
                .filter(|name| seen.insert((*name).clone()))
                .map(|name| {
                    let refs: Vec<&str> = (0..next(4)).map(|_| pool[next(n)].as_str()).collect();
                    table(name, &refs)
                })
                .collect();
            let s = schema(tables);
            assert_eq!(names(&plan(&s, false, true)), reference_order(&s), "{s:?}");
        }
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
