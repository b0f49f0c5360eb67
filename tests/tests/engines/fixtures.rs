//! One fixture schema per concern, built with the `TableDef` builder.
//!
//! Table names differ between fixtures, so [`everything`] can put them all in one schema.

use schema_core::{
    Column, ColumnDefault, EnumType, FkAction, ForeignKey, Identity, Index, Literal, Schema,
    SchemaBuilder, SqlType, TableDef,
};

/// The enum type the fixtures share.
pub fn status() -> EnumType {
    EnumType::new("invoice_status", ["draft", "open", "paid"])
}

/// Every logical type once, with defaults, an identity key and comments.
pub fn types() -> Vec<TableDef> {
    let decimal = |precision, scale| SqlType::Decimal { precision, scale };
    vec![
        TableDef::new("type_samples")
            .comment("Every logical type once; it's a sample")
            .column(
                Column::new("id", SqlType::BigInt)
                    .identity(Identity::ByDefault)
                    .comment("Generated key"),
            )
            .column(Column::new("flag", SqlType::Boolean).default(ColumnDefault::bool(true)))
            .column(Column::new("small", SqlType::SmallInt).default(ColumnDefault::int(7)))
            .column(Column::new("medium", SqlType::Integer).nullable())
            .column(Column::new("big", SqlType::BigInt).nullable())
            .column(Column::new("ratio", SqlType::Real).nullable())
            .column(Column::new("score", SqlType::Double).nullable())
            .column(
                Column::new("rate", decimal(Some(6), Some(4)))
                    .default(ColumnDefault::Value(Literal::Number("1.2500".into()))),
            )
            .column(Column::new("amount", decimal(None, None)).nullable())
            .column(
                Column::new("body", SqlType::Text)
                    .nullable()
                    .comment("Free text, 'quoted'"),
            )
            .column(
                Column::new("email", SqlType::Varchar(320))
                    .default(ColumnDefault::text("nobody@example.com")),
            )
            .column(Column::new("code", SqlType::Char(3)).nullable())
            .column(Column::new("data", SqlType::Bytes).nullable())
            .column(Column::new("uid", SqlType::Uuid).nullable())
            .column(Column::new("born", SqlType::Date).default(ColumnDefault::CurrentDate))
            .column(Column::new("alarm", SqlType::Time).nullable())
            .column(Column::new("seen", SqlType::Timestamp).default(ColumnDefault::Now))
            .column(Column::new("created_at", SqlType::TimestampTz).default(ColumnDefault::Now))
            .column(Column::new("doc", SqlType::Json).nullable())
            .column(Column::new("docb", SqlType::Jsonb).nullable())
            .column(Column::new("ip", SqlType::Inet).nullable())
            .column(
                Column::new("status", SqlType::Enum(status()))
                    .default(ColumnDefault::text("draft")),
            )
            .column(
                Column::new("answer", SqlType::Integer).default(ColumnDefault::Sql("6 * 7".into())),
            )
            .primary_key(["id"]),
    ]
}

/// Keys and checks: NOT NULL, single and composite primary keys, single and composite unique
/// constraints, column and table checks.
pub fn keys() -> Vec<TableDef> {
    vec![
        TableDef::new("accounts")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("email", SqlType::Varchar(320)))
            .column(Column::new("name", SqlType::Text))
            .column(Column::new("tenant", SqlType::Integer))
            .column(Column::new("handle", SqlType::Varchar(32)))
            .column(Column::new("balance", SqlType::BigInt).default(ColumnDefault::int(0)))
            .column(Column::new("nickname", SqlType::Text).nullable())
            .primary_key(["id"])
            .unique(["email"])
            .unique(["tenant", "handle"])
            .column_check("name", "length(name) > 0")
            .column_check("balance", "balance >= 0")
            .named_check("accounts_tenant_positive", "tenant > 0")
            .check("handle <> email"),
        TableDef::new("credit_lines")
            .column(Column::new("id", SqlType::BigInt))
            .column(
                Column::new(
                    "credit",
                    SqlType::Decimal {
                        precision: Some(8),
                        scale: Some(2),
                    },
                )
                .default(ColumnDefault::Value(Literal::Number("50.00".into()))),
            )
            .primary_key(["id"])
            .column_check("credit", "credit <= 100"),
        TableDef::new("memberships")
            .column(Column::new("group_id", SqlType::Integer))
            .column(Column::new("account_id", SqlType::BigInt))
            .column(Column::new("role", SqlType::Varchar(16)))
            .primary_key(["group_id", "account_id"]),
    ]
}

/// Foreign keys: every action, composite, self-reference and a two-table cycle.
pub fn relations() -> Vec<TableDef> {
    let id = || Column::new("id", SqlType::BigInt);
    vec![
        TableDef::new("customers")
            .column(id())
            .column(Column::new("name", SqlType::Text))
            .primary_key(["id"]),
        TableDef::new("orders")
            .column(Column::new("customer_id", SqlType::BigInt))
            .column(Column::new("number", SqlType::Integer))
            .primary_key(["customer_id", "number"])
            .foreign_key(
                ForeignKey::to("customers", ["id"])
                    .columns(["customer_id"])
                    .on_delete(FkAction::Cascade)
                    .on_update(FkAction::Cascade),
            ),
        TableDef::new("order_lines")
            .column(Column::new("customer_id", SqlType::BigInt))
            .column(Column::new("order_number", SqlType::Integer))
            .column(Column::new("line", SqlType::Integer))
            .primary_key(["customer_id", "order_number", "line"])
            .foreign_key(
                ForeignKey::to("orders", ["customer_id", "number"])
                    .columns(["customer_id", "order_number"])
                    .named("order_lines_order_fkey")
                    .on_delete(FkAction::Cascade)
                    .on_update(FkAction::Cascade),
            ),
        TableDef::new("notes")
            .column(id())
            .column(Column::new("customer_id", SqlType::BigInt).nullable())
            .primary_key(["id"])
            .foreign_key(
                ForeignKey::to("customers", ["id"])
                    .columns(["customer_id"])
                    .on_delete(FkAction::SetNull),
            ),
        TableDef::new("invoices")
            .column(id())
            .column(Column::new("customer_id", SqlType::BigInt))
            .primary_key(["id"])
            .foreign_key(
                ForeignKey::to("customers", ["id"])
                    .columns(["customer_id"])
                    .on_delete(FkAction::Restrict),
            ),
        TableDef::new("tickets")
            .column(id())
            .column(Column::new("customer_id", SqlType::BigInt))
            .primary_key(["id"])
            .foreign_key(ForeignKey::to("customers", ["id"]).columns(["customer_id"])),
        TableDef::new("categories")
            .column(id())
            .column(Column::new("parent_id", SqlType::BigInt).nullable())
            .primary_key(["id"])
            .foreign_key(
                ForeignKey::to("categories", ["id"])
                    .columns(["parent_id"])
                    .on_delete(FkAction::Cascade),
            ),
        TableDef::new("teams")
            .column(id())
            .column(Column::new("captain_id", SqlType::BigInt).nullable())
            .primary_key(["id"])
            .foreign_key(
                ForeignKey::to("players", ["id"])
                    .columns(["captain_id"])
                    .on_delete(FkAction::SetNull),
            ),
        TableDef::new("players")
            .column(id())
            .column(Column::new("team_id", SqlType::BigInt))
            .primary_key(["id"])
            .foreign_key(ForeignKey::to("teams", ["id"]).columns(["team_id"])),
    ]
}

/// ON DELETE SET DEFAULT: PostgreSQL and SQLite only (InnoDB rejects it).
pub fn set_default() -> Vec<TableDef> {
    vec![
        TableDef::new("owners")
            .column(Column::new("id", SqlType::BigInt))
            .primary_key(["id"]),
        TableDef::new("pets")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("owner_id", SqlType::BigInt).default(ColumnDefault::int(0)))
            .primary_key(["id"])
            .foreign_key(
                ForeignKey::to("owners", ["id"])
                    .columns(["owner_id"])
                    .on_delete(FkAction::SetDefault)
                    .on_update(FkAction::SetDefault),
            ),
    ]
}

/// Secondary indexes every engine can express.
pub fn indexes() -> Vec<TableDef> {
    vec![
        TableDef::new("events")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("account_id", SqlType::BigInt))
            .column(Column::new("kind", SqlType::Varchar(32)))
            .column(Column::new("slug", SqlType::Varchar(64)))
            .column(Column::new("happened_at", SqlType::TimestampTz))
            .primary_key(["id"])
            .index(Index::on(["account_id", "happened_at"]))
            .index(Index::on(["slug"]).unique())
            .index(Index::on(["kind"]).named("events_by_kind")),
    ]
}

/// A partial unique index: PostgreSQL and SQLite only.
pub fn partial_index() -> Vec<TableDef> {
    vec![
        TableDef::new("sessions")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("account_id", SqlType::BigInt))
            .column(Column::new("revoked_at", SqlType::TimestampTz).nullable())
            .primary_key(["id"])
            .index(
                Index::on(["account_id"])
                    .unique()
                    .filter("revoked_at IS NULL")
                    .named("sessions_one_live"),
            ),
    ]
}

/// Columns whose domain SQLite enforces only through the CHECKs its writer adds.
pub fn domains() -> Vec<TableDef> {
    vec![
        TableDef::new("profiles")
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("nick", SqlType::Varchar(8)))
            .column(Column::new("uid", SqlType::Uuid))
            .column(Column::new("prefs", SqlType::Json))
            .column(Column::new("active", SqlType::Boolean))
            .column(Column::new("birthday", SqlType::Date))
            .column(Column::new("status", SqlType::Enum(status())))
            .column(Column::new("level", SqlType::SmallInt).nullable())
            .column(Column::new("last_seen", SqlType::TimestampTz).nullable())
            .column(Column::new("country", SqlType::Char(2)).nullable())
            .column(Column::new("wakes_at", SqlType::Time).nullable())
            .primary_key(["id"]),
    ]
}

/// A key the engine always generates (PostgreSQL refuses explicit values).
pub fn always() -> Vec<TableDef> {
    vec![
        TableDef::new("audit_log")
            .column(Column::new("id", SqlType::BigInt).identity(Identity::Always))
            .column(Column::new("message", SqlType::Text))
            .primary_key(["id"]),
    ]
}

/// A schema of `tables`, which must be valid.
pub fn schema(tables: Vec<TableDef>) -> Schema {
    tables
        .into_iter()
        .fold(Schema::builder(), SchemaBuilder::table_def)
        .build()
        .unwrap_or_else(|problems| panic!("invalid fixture:\n{problems}"))
}

/// Every fixture every engine can express, in one schema.
pub fn everything() -> Vec<TableDef> {
    [types(), keys(), relations(), indexes(), domains()].concat()
}
