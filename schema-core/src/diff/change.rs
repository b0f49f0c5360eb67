//! The typed changes a diff is made of.

use crate::{
    Check, Column, DomainType, EnumType, Exclusion, ForeignKey, Function, Index, Partitioning,
    PrimaryKey, Security, TableDef, TableSecurity, Trigger, Unique, View,
};

/// One schema-level change.
///
/// ```
/// use schema_core::diff::Change;
/// let change = Change::CreateExtension("pg_trgm".into());
/// assert_eq!(change.to_string(), "create extension pg_trgm");
/// ```
#[derive(Clone, Debug, PartialEq)]
// A diff is a short list built once per migration: boxing the large variants buys nothing.
#[allow(clippy::large_enum_variant)]
pub enum Change {
    /// A PostgreSQL extension is needed.
    CreateExtension(String),
    /// An extension is no longer needed.
    DropExtension(String),
    /// A new enum type.
    CreateEnum(EnumType),
    /// An enum type no column uses any more.
    DropEnum(EnumType),
    /// Values appended to or inserted into an enum (every old value kept, in the same order).
    AddEnumValues {
        /// The enum before.
        from: EnumType,
        /// The enum after.
        to: EnumType,
    },
    /// An enum whose values were removed or reordered: the type is rebuilt.
    ReplaceEnum {
        /// The enum before.
        from: EnumType,
        /// The enum after.
        to: EnumType,
    },
    /// A new domain.
    CreateDomain(DomainType),
    /// A domain no column uses any more.
    DropDomain(DomainType),
    /// A domain whose base type or check changed.
    ReplaceDomain {
        /// The domain before.
        from: DomainType,
        /// The domain after.
        to: DomainType,
    },
    /// A new table (with its constraints and indexes).
    CreateTable(TableDef),
    /// A table removed with its rows.
    DropTable(TableDef),
    /// A table renamed (declared with `renamed_from`).
    RenameTable {
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// Changes inside one table that exists before and after.
    AlterTable(AlterTable),
    /// A new view (or one whose definition changed, after its [`Change::DropView`]).
    CreateView(View),
    /// A view removed (or about to be created again with a new definition).
    DropView(View),
    /// A new custom trigger (or a changed one, after its [`Change::DropTrigger`]).
    CreateTrigger(Trigger),
    /// A custom trigger removed (or about to be created again).
    DropTrigger(Trigger),
    /// A new function (or a changed one, after its [`Change::DropFunction`]).
    CreateFunction(Function),
    /// A function removed (or about to be created again).
    DropFunction(Function),
    /// Roles, grants or default privileges changed.
    ChangeSecurity {
        /// Before.
        from: Security,
        /// After.
        to: Security,
    },
}

/// The changes inside one table.
///
/// `from` is the table before (already under its new name when the table was renamed), `to` the
/// table after, so an engine that rebuilds the table has both definitions at hand.
#[derive(Clone, Debug, PartialEq)]
pub struct AlterTable {
    /// The table before the change (named as after any rename).
    pub from: TableDef,
    /// The table after the change.
    pub to: TableDef,
    /// What changed, in canonical order: renames, drops, column changes, additions.
    pub changes: Vec<TableChange>,
}

impl AlterTable {
    /// The old name of column `to` (its `renamed_from` when this change renames it).
    ///
    /// ```
    /// use schema_core::diff::{AlterTable, TableChange};
    /// use schema_core::TableDef;
    /// let alter = AlterTable {
    ///     from: TableDef::new("t"),
    ///     to: TableDef::new("t"),
    ///     changes: vec![TableChange::RenameColumn { from: "a".into(), to: "b".into() }],
    /// };
    /// assert_eq!(alter.old_column_name("b"), "a");
    /// assert_eq!(alter.old_column_name("c"), "c");
    /// ```
    pub fn old_column_name<'a>(&'a self, to: &'a str) -> &'a str {
        self.changes
            .iter()
            .find_map(|change| match change {
                TableChange::RenameColumn { from, to: new } if new == to => Some(from.as_str()),
                _ => None,
            })
            .unwrap_or(to)
    }
}

/// One change inside a table.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum TableChange {
    /// A column renamed (declared with `renamed_from`).
    RenameColumn {
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// A new column.
    AddColumn(Column),
    /// A column removed with its values.
    DropColumn(Column),
    /// A column whose type, nullability, default, identity, generation, collation or comment
    /// changed (under its new name).
    AlterColumn {
        /// The column before.
        from: Column,
        /// The column after.
        to: Column,
    },
    /// A primary key added.
    AddPrimaryKey(PrimaryKey),
    /// A primary key removed.
    DropPrimaryKey(PrimaryKey),
    /// A UNIQUE constraint added.
    AddUnique(Unique),
    /// A UNIQUE constraint removed.
    DropUnique(Unique),
    /// A CHECK constraint added.
    AddCheck(Check),
    /// A CHECK constraint removed.
    DropCheck(Check),
    /// A foreign key added.
    AddForeignKey(ForeignKey),
    /// A foreign key removed.
    DropForeignKey(ForeignKey),
    /// An index added.
    AddIndex(Index),
    /// An index removed.
    DropIndex(Index),
    /// An exclusion constraint added.
    AddExclusion(Exclusion),
    /// An exclusion constraint removed.
    DropExclusion(Exclusion),
    /// The table comment changed.
    SetComment {
        /// The comment before.
        from: Option<String>,
        /// The comment after.
        to: Option<String>,
    },
    /// SQLite `WITHOUT ROWID` switched on or off.
    SetWithoutRowid(bool),
    /// How the table is partitioned changed.
    SetPartitioning {
        /// Before.
        from: Option<Partitioning>,
        /// After.
        to: Option<Partitioning>,
    },
    /// The column kept current on UPDATE changed (`updated_at`).
    SetUpdatedAt {
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// Row auditing switched on or off.
    SetAudit(bool),
    /// Row-level security (mode, tenant isolation, policies) changed.
    SetSecurity {
        /// Before.
        from: TableSecurity,
        /// After.
        to: TableSecurity,
    },
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::CreateExtension(name) => write!(f, "create extension {name}"),
            Change::DropExtension(name) => write!(f, "drop extension {name}"),
            Change::CreateEnum(e) => write!(f, "create enum {}", e.name),
            Change::DropEnum(e) => write!(f, "drop enum {}", e.name),
            Change::AddEnumValues { to, .. } => write!(f, "add values to enum {}", to.name),
            Change::ReplaceEnum { to, .. } => write!(f, "rebuild enum {}", to.name),
            Change::CreateDomain(d) => write!(f, "create domain {}", d.name),
            Change::DropDomain(d) => write!(f, "drop domain {}", d.name),
            Change::ReplaceDomain { to, .. } => write!(f, "change domain {}", to.name),
            Change::CreateTable(t) => write!(f, "create table {}", t.name),
            Change::DropTable(t) => write!(f, "drop table {}", t.name),
            Change::RenameTable { from, to } => write!(f, "rename table {from} to {to}"),
            Change::CreateView(v) => write!(f, "create view {}", v.name),
            Change::DropView(v) => write!(f, "drop view {}", v.name),
            Change::CreateTrigger(t) => write!(f, "create trigger {}", t.name),
            Change::DropTrigger(t) => write!(f, "drop trigger {}", t.name),
            Change::CreateFunction(x) => write!(f, "create function {}", x.name),
            Change::DropFunction(x) => write!(f, "drop function {}", x.name),
            Change::ChangeSecurity { .. } => f.write_str("change roles and grants"),
            Change::AlterTable(alter) => {
                let names: Vec<String> = alter.changes.iter().map(ToString::to_string).collect();
                write!(f, "alter table {}: {}", alter.to.name, names.join(", "))
            }
        }
    }
}

impl std::fmt::Display for TableChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TableChange::RenameColumn { from, to } => write!(f, "rename column {from} to {to}"),
            TableChange::AddColumn(c) => write!(f, "add column {}", c.name),
            TableChange::DropColumn(c) => write!(f, "drop column {}", c.name),
            TableChange::AlterColumn { to, .. } => write!(f, "alter column {}", to.name),
            TableChange::AddPrimaryKey(k) => write!(f, "add primary key {}", k.name),
            TableChange::DropPrimaryKey(k) => write!(f, "drop primary key {}", k.name),
            TableChange::AddUnique(u) => write!(f, "add unique {}", u.name),
            TableChange::DropUnique(u) => write!(f, "drop unique {}", u.name),
            TableChange::AddCheck(c) => write!(f, "add check {}", c.name),
            TableChange::DropCheck(c) => write!(f, "drop check {}", c.name),
            TableChange::AddForeignKey(k) => write!(f, "add foreign key {}", k.name),
            TableChange::DropForeignKey(k) => write!(f, "drop foreign key {}", k.name),
            TableChange::AddIndex(i) => write!(f, "add index {}", i.name),
            TableChange::DropIndex(i) => write!(f, "drop index {}", i.name),
            TableChange::AddExclusion(e) => write!(f, "add exclusion {}", e.name),
            TableChange::DropExclusion(e) => write!(f, "drop exclusion {}", e.name),
            TableChange::SetComment { .. } => f.write_str("set comment"),
            TableChange::SetWithoutRowid(on) => write!(f, "set without rowid {on}"),
            TableChange::SetPartitioning { .. } => f.write_str("change partitioning"),
            TableChange::SetUpdatedAt { to, .. } => write!(f, "set updated_at {to:?}"),
            TableChange::SetAudit(on) => write!(f, "set audit {on}"),
            TableChange::SetSecurity { .. } => f.write_str("change row-level security"),
        }
    }
}
