//! Renames declared with `renamed_from`: never guessed from similar names.

use crate::Schema;

/// Table renames `(from, to)` and column renames `(table as named in the target, from, to)`.
#[derive(Clone, Debug, Default)]
pub(super) struct Renames {
    tables: Vec<(String, String)>,
    columns: Vec<(String, String, String)>,
}

impl Renames {
    /// The renames `new` declares relative to `old`: a declaration counts only while `old` has
    /// the old name and not the new one, so it is harmless to leave it in place afterwards.
    pub fn declared(old: &Schema, new: &Schema) -> Renames {
        let mut renames = Renames::default();
        for table in &new.tables {
            let old_name = match &table.renamed_from {
                Some(from) if old.table(from).is_some() && old.table(&table.name).is_none() => {
                    renames.tables.push((from.clone(), table.name.clone()));
                    from.as_str()
                }
                _ => table.name.as_str(),
            };
            let Some(old_table) = old.table(old_name) else {
                continue;
            };
            for column in &table.columns {
                if let Some(from) = &column.renamed_from
                    && old_table.find_column(from).is_some()
                    && old_table.find_column(&column.name).is_none()
                {
                    renames
                        .columns
                        .push((table.name.clone(), from.clone(), column.name.clone()));
                }
            }
        }
        renames
    }

    /// The same renames undone: new names back to old ones.
    pub fn reversed(&self) -> Renames {
        let table_before = |name: &str| {
            self.tables
                .iter()
                .find(|(_, to)| to == name)
                .map_or(name.to_string(), |(from, _)| from.clone())
        };
        Renames {
            tables: self
                .tables
                .iter()
                .map(|(from, to)| (to.clone(), from.clone()))
                .collect(),
            columns: self
                .columns
                .iter()
                .map(|(table, from, to)| (table_before(table), to.clone(), from.clone()))
                .collect(),
        }
    }

    /// The name in the source schema of the target table `to`.
    pub fn table_source<'a>(&'a self, to: &'a str) -> &'a str {
        self.tables
            .iter()
            .find(|(_, new)| new == to)
            .map_or(to, |(from, _)| from.as_str())
    }

    /// Whether source table `from` is renamed (so it is not dropped).
    pub fn table_renamed(&self, from: &str) -> bool {
        self.tables.iter().any(|(old, _)| old == from)
    }

    /// The table renames.
    pub fn tables(&self) -> &[(String, String)] {
        &self.tables
    }

    /// The name in the source table of target column `to` of target table `table`.
    pub fn column_source<'a>(&'a self, table: &str, to: &'a str) -> &'a str {
        self.columns
            .iter()
            .find(|(t, _, new)| t == table && new == to)
            .map_or(to, |(_, from, _)| from.as_str())
    }

    /// Whether source column `from` of target table `table` is renamed.
    pub fn column_renamed(&self, table: &str, from: &str) -> bool {
        self.columns
            .iter()
            .any(|(t, old, _)| t == table && old == from)
    }
}
