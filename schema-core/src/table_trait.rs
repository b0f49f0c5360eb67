//! The traits `#[derive(Table)]` and `#[derive(SqlEnum)]` implement.

use crate::{EnumType, SqlType, TableDef};

/// A Rust type that describes one table. Implemented by `#[derive(Table)]`.
///
/// ```
/// use schema_core::{Schema, Table};
///
/// /// A customer of the platform.
/// #[derive(Table)]
/// #[table(name = "tenants")]
/// pub struct Tenant {
///     #[column(primary_key, identity)]
///     pub id: i64,
///     #[column(varchar(63), unique)]
///     pub slug: String,
/// }
///
/// assert_eq!(Tenant::NAME, "tenants");
/// assert_eq!(Tenant::PRIMARY_KEY, ["id"]);
/// let schema = Schema::builder().table::<Tenant>().build().unwrap();
/// assert_eq!(schema.tables[0].comment.as_deref(), Some("A customer of the platform."));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a table",
    label = "foreign keys must reference a type with `#[derive(Table)]`",
    note = "add `#[derive(Table)]` to `{Self}`, or reference the table that owns the key"
)]
pub trait Table {
    /// The SQL name of the table.
    const NAME: &'static str;
    /// The SQL names of the primary key columns, in key order (empty without a primary key).
    const PRIMARY_KEY: &'static [&'static str];
    /// The Rust type of the primary key: the field type for a single column, a tuple for a
    /// composite key, [`NoPrimaryKey`] for a table without one.
    type PrimaryKey;

    /// The table's definition in the schema model.
    fn table_def() -> TableDef;
}

/// The [`Table::PrimaryKey`] of a table that has no primary key.
#[derive(Debug)]
pub enum NoPrimaryKey {}

/// A Rust type with a logical SQL type.
///
/// Implemented for the standard types and, behind features, for `uuid`, `chrono`, `time`,
/// `rust_decimal` and `serde_json` types; `#[derive(SqlEnum)]` implements it for enums. A field
/// whose type does not implement it needs an explicit type such as `#[column(text)]`.
///
/// ```
/// use schema_core::{ColumnType, SqlType};
/// assert_eq!(<i64 as ColumnType>::sql_type(), SqlType::BigInt);
/// assert_eq!(<Vec<u8> as ColumnType>::sql_type(), SqlType::Bytes);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no SQL type mapping",
    label = "no logical SQL type for this Rust type",
    note = "give the column a type, e.g. `#[column(text)]`, `#[column(varchar(64))]` or `#[column(raw(postgres = \"...\", mysql = \"...\", sqlite = \"...\"))]`, or `#[derive(SqlEnum)]` on an enum"
)]
pub trait ColumnType {
    /// The logical SQL type of values of this type.
    fn sql_type() -> SqlType;
}

/// A Rust enum stored as one of a closed set of strings. Implemented by `#[derive(SqlEnum)]`.
///
/// ```
/// use schema_core::{ColumnType, SqlEnum, SqlType};
///
/// #[derive(SqlEnum)]
/// #[sql_enum(name = "invoice_status")]
/// pub enum InvoiceStatus {
///     Draft,
///     Open,
///     #[sql_enum(rename = "paid_in_full")]
///     Paid,
/// }
///
/// assert_eq!(InvoiceStatus::enum_type().values, ["draft", "open", "paid_in_full"]);
/// assert!(matches!(InvoiceStatus::sql_type(), SqlType::Enum(_)));
/// ```
pub trait SqlEnum {
    /// The enum type: name and values in declaration order.
    fn enum_type() -> EnumType;
}

/// Helpers for the code `#[derive(Table)]` generates. Not part of the public API.
#[doc(hidden)]
pub mod __private {
    use crate::Table;

    /// A column type that may reference a key of type `K`: the same type, or an `Option` of it.
    #[diagnostic::on_unimplemented(
        message = "foreign key column of type `{Self}` cannot reference a key of type `{K}`",
        label = "this column's Rust type differs from the referenced key's",
        note = "a referencing column has the referenced key's type, or `Option` of it"
    )]
    pub trait ReferenceTo<K> {}
    impl<T> ReferenceTo<T> for T {}
    impl<T> ReferenceTo<T> for Option<T> {}

    /// Composite keys: each element must be a [`ReferenceTo`] its counterpart.
    #[diagnostic::on_unimplemented(
        message = "foreign key columns `{Self}` cannot reference a key of type `{K}`",
        label = "the referencing columns' Rust types differ from the referenced key's",
        note = "list as many columns as the referenced key has, each of the key column's type or `Option` of it"
    )]
    pub trait CompositeReferenceTo<K> {}

    macro_rules! composite {
        ($($f:ident $k:ident),+) => {
            impl<$($f: ReferenceTo<$k>, $k),+> CompositeReferenceTo<($($k,)+)> for ($($f,)+) {}
        };
    }
    composite!(A1 K1, A2 K2);
    composite!(A1 K1, A2 K2, A3 K3);
    composite!(A1 K1, A2 K2, A3 K3, A4 K4);
    composite!(A1 K1, A2 K2, A3 K3, A4 K4, A5 K5);
    composite!(A1 K1, A2 K2, A3 K3, A4 K4, A5 K5, A6 K6);

    /// Compiles only if `T` is a table.
    pub const fn assert_table<T: Table + ?Sized>() {}

    /// Compiles only if a column of type `F` may reference the primary key of `T`.
    pub const fn assert_references_primary_key<F: ReferenceTo<T::PrimaryKey>, T: Table>() {}

    /// Compiles only if columns of tuple type `F` may reference the composite primary key of `T`.
    pub const fn assert_references_composite_key<
        F: CompositeReferenceTo<T::PrimaryKey>,
        T: Table,
    >() {
    }

    /// Compiles only if a column of type `F` may reference a column of type `K`; called with a
    /// reference to the referenced field, so a missing field is a compile error at its name.
    pub fn assert_references_column<F: ReferenceTo<K>, K>(_referenced: &K) {}
}
