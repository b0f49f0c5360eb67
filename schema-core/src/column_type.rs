//! Logical SQL types of standard and (behind features) ecosystem Rust types.

use crate::{ColumnType, SqlEnum, SqlType};

macro_rules! column_types {
    ($($rust:ty => $sql:expr),+ $(,)?) => {
        $(impl ColumnType for $rust {
            fn sql_type() -> SqlType {
                $sql
            }
        })+
    };
}

column_types! {
    bool => SqlType::Boolean,
    i16 => SqlType::SmallInt,
    i32 => SqlType::Integer,
    i64 => SqlType::BigInt,
    f32 => SqlType::Real,
    f64 => SqlType::Double,
    String => SqlType::Text,
    Vec<u8> => SqlType::Bytes,
    std::net::IpAddr => SqlType::Inet,
}

impl<T: SqlEnum> ColumnType for T {
    fn sql_type() -> SqlType {
        SqlType::Enum(T::enum_type())
    }
}

#[cfg(feature = "uuid")]
column_types! { uuid::Uuid => SqlType::Uuid }

#[cfg(feature = "chrono")]
column_types! {
    chrono::NaiveDate => SqlType::Date,
    chrono::NaiveTime => SqlType::Time,
    chrono::NaiveDateTime => SqlType::Timestamp,
    chrono::DateTime<chrono::Utc> => SqlType::TimestampTz,
}

#[cfg(feature = "time")]
column_types! {
    time::Date => SqlType::Date,
    time::Time => SqlType::Time,
    time::PrimitiveDateTime => SqlType::Timestamp,
    time::OffsetDateTime => SqlType::TimestampTz,
}

#[cfg(feature = "rust_decimal")]
column_types! {
    rust_decimal::Decimal => SqlType::Decimal { precision: None, scale: None },
}

#[cfg(feature = "serde_json")]
column_types! { serde_json::Value => SqlType::Jsonb }
