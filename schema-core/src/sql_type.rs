//! Logical, dialect-neutral column types.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Engine;

/// The logical type of a column.
///
/// Each engine writer maps a logical type to its best native type (see the type table in the
/// README); the model itself never holds dialect text except in [`SqlType::Raw`].
///
/// ```
/// use schema_core::SqlType;
/// assert_eq!(SqlType::Varchar(320).to_string(), "varchar(320)");
/// assert!(SqlType::BigInt.is_integer());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SqlType {
    /// `true` / `false`.
    Boolean,
    /// 16-bit signed integer.
    #[serde(rename = "smallint")]
    SmallInt,
    /// 32-bit signed integer.
    Integer,
    /// 64-bit signed integer.
    #[serde(rename = "bigint")]
    BigInt,
    /// 32-bit IEEE float.
    Real,
    /// 64-bit IEEE float.
    Double,
    /// Exact decimal number; without a precision the engine's widest exact type is used.
    Decimal {
        /// Total number of significant digits.
        precision: Option<u16>,
        /// Digits after the decimal point.
        scale: Option<u16>,
    },
    /// Unbounded text.
    Text,
    /// Text of at most `n` characters.
    Varchar(u32),
    /// Text of exactly `n` characters (blank padded on some engines).
    Char(u32),
    /// Unbounded binary data.
    Bytes,
    /// A 128-bit UUID.
    Uuid,
    /// A calendar date.
    Date,
    /// A time of day without time zone.
    Time,
    /// A date and time without time zone.
    Timestamp,
    /// An instant in time (stored as UTC where the engine has no zone-aware type).
    #[serde(rename = "timestamptz")]
    TimestampTz,
    /// JSON stored as text, preserving formatting and key order.
    Json,
    /// JSON stored in a binary, indexable form where the engine has one.
    Jsonb,
    /// An IPv4 or IPv6 address.
    Inet,
    /// An IPv4 or IPv6 network (`10.0.0.0/8`).
    Cidr,
    /// A span of time (PostgreSQL `interval`).
    Interval,
    /// A full-text search document (PostgreSQL `tsvector`).
    #[serde(rename = "tsvector")]
    TsVector,
    /// Text compared without regard to case (PostgreSQL `citext`, from the extension of that
    /// name, which the PostgreSQL script creates).
    #[serde(rename = "citext")]
    CiText,
    /// An array of values of one type (PostgreSQL `type[]`).
    Array(Box<SqlType>),
    /// A named type narrowing a base type with a CHECK (PostgreSQL `CREATE DOMAIN`; elsewhere
    /// the base type and the CHECK on each column).
    Domain(DomainType),
    /// A closed set of string values.
    Enum(EnumType),
    /// Engine-specific type text, given per engine; an engine without an entry cannot render it.
    Raw(BTreeMap<Engine, String>),
}

impl SqlType {
    /// Whether this is one of the integer types.
    pub fn is_integer(&self) -> bool {
        match self {
            SqlType::Domain(domain) => domain.base.is_integer(),
            _ => matches!(self, SqlType::SmallInt | SqlType::Integer | SqlType::BigInt),
        }
    }

    /// Whether values of this type are numbers (integers, floats or decimals).
    pub fn is_numeric(&self) -> bool {
        match self {
            SqlType::Domain(domain) => domain.base.is_numeric(),
            _ => {
                self.is_integer()
                    || matches!(
                        self,
                        SqlType::Real | SqlType::Double | SqlType::Decimal { .. }
                    )
            }
        }
    }

    /// Whether values of this type are written as string literals.
    pub fn is_textual(&self) -> bool {
        match self {
            SqlType::Domain(domain) => domain.base.is_textual(),
            _ => matches!(
                self,
                SqlType::Text
                    | SqlType::Varchar(_)
                    | SqlType::Char(_)
                    | SqlType::Enum(_)
                    | SqlType::CiText
            ),
        }
    }

    /// Whether this type or, for an array, its element type satisfies `test`.
    ///
    /// ```
    /// use schema_core::SqlType;
    /// let tags = SqlType::Array(Box::new(SqlType::CiText));
    /// assert!(tags.uses(&|t| *t == SqlType::CiText));
    /// ```
    pub fn uses(&self, test: &dyn Fn(&SqlType) -> bool) -> bool {
        test(self) || matches!(self, SqlType::Array(inner) if inner.uses(test))
    }
}

impl fmt::Display for SqlType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SqlType::Boolean => f.write_str("boolean"),
            SqlType::SmallInt => f.write_str("smallint"),
            SqlType::Integer => f.write_str("integer"),
            SqlType::BigInt => f.write_str("bigint"),
            SqlType::Real => f.write_str("real"),
            SqlType::Double => f.write_str("double"),
            SqlType::Decimal {
                precision: Some(p),
                scale: Some(s),
            } => write!(f, "decimal({p}, {s})"),
            SqlType::Decimal {
                precision: Some(p),
                scale: None,
            } => write!(f, "decimal({p})"),
            SqlType::Decimal { .. } => f.write_str("decimal"),
            SqlType::Text => f.write_str("text"),
            SqlType::Varchar(n) => write!(f, "varchar({n})"),
            SqlType::Char(n) => write!(f, "char({n})"),
            SqlType::Bytes => f.write_str("bytes"),
            SqlType::Uuid => f.write_str("uuid"),
            SqlType::Date => f.write_str("date"),
            SqlType::Time => f.write_str("time"),
            SqlType::Timestamp => f.write_str("timestamp"),
            SqlType::TimestampTz => f.write_str("timestamptz"),
            SqlType::Json => f.write_str("json"),
            SqlType::Jsonb => f.write_str("jsonb"),
            SqlType::Inet => f.write_str("inet"),
            SqlType::Cidr => f.write_str("cidr"),
            SqlType::Interval => f.write_str("interval"),
            SqlType::TsVector => f.write_str("tsvector"),
            SqlType::CiText => f.write_str("citext"),
            SqlType::Array(inner) => write!(f, "{inner}[]"),
            SqlType::Domain(d) => write!(f, "domain {}", d.name),
            SqlType::Enum(e) => write!(f, "enum {}", e.name),
            SqlType::Raw(per_engine) => {
                f.write_str("raw(")?;
                for (i, (engine, ty)) in per_engine.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{} = {ty:?}", engine.key())?;
                }
                f.write_str(")")
            }
        }
    }
}

/// A named enumeration of string values, as used by an enum column.
///
/// ```
/// use schema_core::EnumType;
/// let status = EnumType::new("invoice_status", ["draft", "open", "paid"]);
/// assert!(status.values.contains(&"open".to_string()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EnumType {
    /// The type name (PostgreSQL creates a type with this name).
    pub name: String,
    /// The values, in declaration order.
    pub values: Vec<String>,
}

impl EnumType {
    /// An enum type from its name and values.
    pub fn new<I, S>(name: impl Into<String>, values: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        EnumType {
            name: name.into(),
            values: values.into_iter().map(Into::into).collect(),
        }
    }
}

/// A domain: a named base type with a CHECK on its values, written with `VALUE` for the value.
///
/// Use it as a newtype's column type, so the rule travels with the Rust type:
///
/// ```
/// use schema_core::{ColumnType, DomainType, SqlType};
///
/// /// An email address: something, an `@`, something.
/// pub struct Email(pub String);
///
/// impl ColumnType for Email {
///     fn sql_type() -> SqlType {
///         SqlType::Domain(DomainType::new("email", SqlType::Varchar(320), "VALUE LIKE '%_@_%'"))
///     }
/// }
/// assert_eq!(Email::sql_type().to_string(), "domain email");
/// ```
///
/// or with the derive (the base type defaults to the field's):
///
/// ```
/// use schema_core::{ColumnType, Domain, SqlType};
///
/// #[derive(Domain)]
/// #[domain(name = "email", varchar(320), check = "VALUE LIKE '%_@_%'")]
/// pub struct Email(pub String);
///
/// #[derive(Domain)]
/// #[domain(check = "VALUE > 0")]
/// pub struct PositiveCount(pub i32);
///
/// let SqlType::Domain(count) = PositiveCount::sql_type() else { unreachable!() };
/// assert_eq!((count.name.as_str(), *count.base), ("positive_count", SqlType::Integer));
/// assert!(matches!(Email::sql_type(), SqlType::Domain(d) if *d.base == SqlType::Varchar(320)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DomainType {
    /// The type name (PostgreSQL creates a domain with this name).
    pub name: String,
    /// The type the domain narrows.
    pub base: Box<SqlType>,
    /// The boolean SQL expression every value satisfies, naming the value `VALUE`.
    pub check: String,
}

impl DomainType {
    /// A domain over `base` whose values satisfy `check`.
    pub fn new(name: impl Into<String>, base: SqlType, check: impl Into<String>) -> Self {
        DomainType {
            name: name.into(),
            base: Box::new(base),
            check: check.into(),
        }
    }
}
