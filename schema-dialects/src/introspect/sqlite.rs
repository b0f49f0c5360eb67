//! Not read yet: the error says so.
use schema_core::Schema;
use sqlx::AnyConnection;

use super::IntrospectError;

pub(super) async fn introspect(_connection: &mut AnyConnection) -> Result<Schema, IntrospectError> {
    Err(IntrospectError::new(
        "introspection of this engine is not implemented yet",
    ))
}
