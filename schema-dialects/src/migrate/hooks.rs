//! How each engine alters what exists: the small per-engine part of a migration. Everything
//! else (the order of statements, which change needs what) is written once in `statements.rs`.

use schema_core::{Column, Diagnostic, TableDef};

use crate::quote::identifier;
use crate::writer::{column_definition, default_value};
use crate::{Dialect, MySql, Postgres, Sqlite, types};

/// The kinds of constraint a migration drops by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConstraintKind {
    PrimaryKey,
    Unique,
    Check,
    ForeignKey,
    Exclusion,
}

/// Per-engine migration hooks and capabilities.
pub(crate) trait MigrationDialect: Dialect {
    /// Whether DDL statements run inside a transaction (PostgreSQL, SQLite); MySQL/MariaDB
    /// commit each DDL statement on its own.
    fn transactional_ddl(&self) -> bool;

    /// Whether a table change other than a rename or an index needs the table rebuilt (SQLite:
    /// its ALTER TABLE cannot change columns or constraints).
    fn rebuilds_tables(&self) -> bool {
        false
    }

    /// Whether enum values added by `ALTER TYPE ... ADD VALUE` must be committed before a later
    /// statement may use them (PostgreSQL), so they go into a migration of their own.
    fn enum_values_need_commit(&self) -> bool {
        false
    }

    /// Whether a foreign key needs an index on its columns, so dropping the index it uses
    /// fails (MySQL/InnoDB).
    fn foreign_keys_need_an_index(&self) -> bool {
        false
    }

    /// `DROP INDEX`.
    fn drop_index(&self, table: &str, index: &str) -> String {
        let _ = table;
        format!("DROP INDEX {}", identifier(self, index))
    }

    /// Drops a constraint of `table`.
    fn drop_constraint(&self, table: &str, _kind: ConstraintKind, name: &str) -> String {
        format!(
            "ALTER TABLE {} DROP CONSTRAINT {}",
            identifier(self, table),
            identifier(self, name)
        )
    }

    /// Renames column `from` of `table` to `to` (its old definition under the new name).
    fn rename_column(
        &self,
        table: &TableDef,
        from: &str,
        to: &Column,
    ) -> Result<String, Diagnostic> {
        Ok(format!(
            "ALTER TABLE {} RENAME COLUMN {} TO {}",
            identifier(self, &table.name),
            identifier(self, from),
            identifier(self, &to.name)
        ))
    }

    /// Statements that change column `from` of `table` into `to` (same name by now; the
    /// generated expression unchanged). `retype` forces the type to be rewritten even when its
    /// name is the same (a rebuilt enum or domain).
    fn alter_column(
        &self,
        table: &TableDef,
        from: &Column,
        to: &Column,
        retype: bool,
    ) -> Result<Vec<String>, Diagnostic>;

    /// Sets or removes the table comment, where comments are separate statements.
    fn set_table_comment(&self, table: &str, comment: Option<&str>) -> Option<String>;
}

impl MigrationDialect for Postgres {
    fn transactional_ddl(&self) -> bool {
        true
    }

    fn enum_values_need_commit(&self) -> bool {
        true
    }

    fn alter_column(
        &self,
        table: &TableDef,
        from: &Column,
        to: &Column,
        retype: bool,
    ) -> Result<Vec<String>, Diagnostic> {
        let prefix = format!(
            "ALTER TABLE {} ALTER COLUMN {}",
            identifier(self, &table.name),
            identifier(self, &to.name)
        );
        let mut statements = Vec::new();
        let new_type = types::column_type(self, &table.name, to)?;
        let old_type = types::column_type(self, &table.name, from)?;
        let retype = retype || new_type != old_type || from.collation != to.collation;
        if from.identity.is_some() && to.identity.is_none() {
            statements.push(format!("{prefix} DROP IDENTITY"));
        }
        if retype && from.default.is_some() {
            statements.push(format!("{prefix} DROP DEFAULT"));
        }
        if retype {
            let column = identifier(self, &to.name);
            let via_text = matches!(
                from.sql_type,
                schema_core::SqlType::Enum(_) | schema_core::SqlType::Domain(_)
            ) || matches!(
                to.sql_type,
                schema_core::SqlType::Enum(_) | schema_core::SqlType::Domain(_)
            );
            let collate = to
                .collation
                .get(&self.engine())
                .map(|c| format!(" COLLATE {}", identifier(self, c)))
                .unwrap_or_default();
            statements.push(format!(
                "{prefix} TYPE {new_type}{collate} USING {column}::{}{new_type}",
                if via_text { "text::" } else { "" }
            ));
        }
        match &to.default {
            Some(default) if retype || from.default != to.default => {
                let value = default_value(self, &to.sql_type, default);
                statements.push(format!("{prefix} SET DEFAULT {value}"));
            }
            None if from.default.is_some() && !retype => {
                statements.push(format!("{prefix} DROP DEFAULT"))
            }
            _ => {}
        }
        if from.nullable && !to.nullable {
            if let Some(default) = &to.default {
                statements.push(format!(
                    "UPDATE {} SET {} = {} WHERE {} IS NULL",
                    identifier(self, &table.name),
                    identifier(self, &to.name),
                    default_value(self, &to.sql_type, default),
                    identifier(self, &to.name)
                ));
            }
            statements.push(format!("{prefix} SET NOT NULL"));
        } else if !from.nullable && to.nullable {
            statements.push(format!("{prefix} DROP NOT NULL"));
        }
        match (from.identity, to.identity) {
            (None, Some(identity)) => statements.push(format!(
                "{prefix} ADD GENERATED {} AS IDENTITY",
                identity_words(identity)
            )),
            (Some(a), Some(b)) if a != b => {
                statements.push(format!("{prefix} SET GENERATED {}", identity_words(b)))
            }
            _ => {}
        }
        if from.comment != to.comment {
            statements.push(crate::writer::column_comment(
                self,
                &table.name,
                &to.name,
                to.comment.as_deref(),
            ));
        }
        Ok(statements)
    }

    fn set_table_comment(&self, table: &str, comment: Option<&str>) -> Option<String> {
        Some(crate::writer::table_comment(self, table, comment))
    }
}

fn identity_words(identity: schema_core::Identity) -> &'static str {
    match identity {
        schema_core::Identity::ByDefault => "BY DEFAULT",
        schema_core::Identity::Always => "ALWAYS",
    }
}

impl MigrationDialect for MySql {
    fn transactional_ddl(&self) -> bool {
        false
    }

    fn foreign_keys_need_an_index(&self) -> bool {
        true
    }

    fn drop_index(&self, table: &str, index: &str) -> String {
        format!(
            "DROP INDEX {} ON {}",
            identifier(self, index),
            identifier(self, table)
        )
    }

    fn drop_constraint(&self, table: &str, kind: ConstraintKind, name: &str) -> String {
        let what = match kind {
            ConstraintKind::PrimaryKey => "PRIMARY KEY".to_string(),
            ConstraintKind::Unique => format!("INDEX {}", identifier(self, name)),
            // The index MySQL made for the foreign key, if it had to, goes with it: a fresh
            // database built from the target schema would not have it either. (MariaDB syntax;
            // MySQL 8 has no IF EXISTS here.)
            ConstraintKind::ForeignKey => format!(
                "FOREIGN KEY {}, DROP INDEX IF EXISTS {}",
                identifier(self, name),
                identifier(self, name)
            ),
            ConstraintKind::Check | ConstraintKind::Exclusion => {
                format!("CONSTRAINT {}", identifier(self, name))
            }
        };
        format!("ALTER TABLE {} DROP {what}", identifier(self, table))
    }

    /// `CHANGE COLUMN` with the whole definition: MariaDB names a column's CHECK after the
    /// column and `RENAME COLUMN` would keep the old name.
    fn rename_column(
        &self,
        table: &TableDef,
        from: &str,
        to: &Column,
    ) -> Result<String, Diagnostic> {
        Ok(format!(
            "ALTER TABLE {} CHANGE COLUMN {} {}",
            identifier(self, &table.name),
            identifier(self, from),
            column_definition(self, table, to, None)?
        ))
    }

    /// One `MODIFY COLUMN` with the whole new definition (MySQL has no piecewise ALTER COLUMN
    /// for type, nullability and comment).
    fn alter_column(
        &self,
        table: &TableDef,
        from: &Column,
        to: &Column,
        _retype: bool,
    ) -> Result<Vec<String>, Diagnostic> {
        let mut statements = Vec::new();
        if let (true, false, Some(default)) = (from.nullable, to.nullable, &to.default) {
            statements.push(format!(
                "UPDATE {} SET {} = {} WHERE {} IS NULL",
                identifier(self, &table.name),
                identifier(self, &to.name),
                default_value(self, &to.sql_type, default),
                identifier(self, &to.name)
            ));
        }
        statements.push(format!(
            "ALTER TABLE {} MODIFY COLUMN {}",
            identifier(self, &table.name),
            column_definition(self, table, to, None)?
        ));
        Ok(statements)
    }

    fn set_table_comment(&self, table: &str, comment: Option<&str>) -> Option<String> {
        Some(format!(
            "ALTER TABLE {} COMMENT = {}",
            identifier(self, table),
            crate::quote::string(self, comment.unwrap_or(""))
        ))
    }
}

impl MigrationDialect for Sqlite {
    fn transactional_ddl(&self) -> bool {
        true
    }

    fn rebuilds_tables(&self) -> bool {
        true
    }

    /// Never asked: SQLite rebuilds the table instead ([`rebuilds_tables`](Self::rebuilds_tables)).
    fn alter_column(
        &self,
        _: &TableDef,
        _: &Column,
        _: &Column,
        _: bool,
    ) -> Result<Vec<String>, Diagnostic> {
        Ok(Vec::new())
    }

    fn set_table_comment(&self, _: &str, _: Option<&str>) -> Option<String> {
        None
    }
}

/// The migration hooks of `engine`.
pub(crate) fn migration_dialect(engine: schema_core::Engine) -> &'static dyn MigrationDialect {
    match engine {
        schema_core::Engine::Postgres => &Postgres,
        schema_core::Engine::MySql => &MySql,
        schema_core::Engine::Sqlite => &Sqlite,
    }
}
