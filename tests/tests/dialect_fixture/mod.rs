//! The schema the golden snapshots (`golden.rs`) and the engine runs (`apply.rs`) share: every
//! model feature once, built with the `TableDef` builder. Features an engine cannot express
//! (asked through the dialect's capabilities, never by engine name) are swapped for the nearest
//! one it can, and shown as errors in the broken-schema snapshots instead.

// Each test binary that includes this module uses part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;

use schema_core::{
    Column, ColumnDefault, Engine, EnumType, FkAction, ForeignKey, Identity, Index, Literal,
    Schema, SqlType, TableDef,
};
use schema_dialects::dialect;

fn status() -> SqlType {
    SqlType::Enum(EnumType::new(
        "invoice_status",
        ["draft", "open", "paid", "written 'off'"],
    ))
}

fn priority() -> SqlType {
    // Mixed case: the type name must be quoted where it is a named type.
    SqlType::Enum(EnumType::new("Priority", ["low", "high"]))
}

fn number(text: &str) -> ColumnDefault {
    ColumnDefault::Value(Literal::Number(text.into()))
}

/// Every model feature the engine can express.
pub fn schema(engine: Engine) -> Schema {
    let d = dialect(engine);
    let always = if d.supports_identity_always() {
        Identity::Always
    } else {
        Identity::ByDefault
    };
    let set_default = if d.supports_set_default_action() {
        FkAction::SetDefault
    } else {
        FkAction::Restrict
    };
    let mut open_invoices = Index::on(["tenant_id"]).named("invoices_open");
    if d.supports_partial_indexes() {
        open_invoices = open_invoices.filter("paid_at IS NULL");
    }
    let raw = SqlType::Raw(BTreeMap::from([
        (Engine::Postgres, "tsvector".to_string()),
        (Engine::MySql, "MEDIUMTEXT".to_string()),
        (Engine::Sqlite, "ANY".to_string()),
    ]));

    let currencies = TableDef::new("currencies")
        .column(Column::new("code", SqlType::Char(3)))
        .column(Column::new("name", SqlType::Varchar(64)))
        .primary_key(["code"]);

    let tenants = TableDef::new("tenants")
        .comment("A customer of the platform.\nIt's billed monthly.")
        .column(Column::new("id", SqlType::BigInt).identity(Identity::ByDefault))
        .column(Column::new("slug", SqlType::Varchar(63)).comment("Shown in URLs"))
        .column(Column::new("DisplayName", SqlType::Text).comment("Mixed-case name, kept quoted"))
        .column(Column::new("order", SqlType::Integer).default(ColumnDefault::int(0)))
        .column(Column::new("active", SqlType::Boolean).default(ColumnDefault::bool(true)))
        .column(Column::new("created_at", SqlType::TimestampTz).default(ColumnDefault::Now))
        .column(Column::new("settings", SqlType::Jsonb).default(ColumnDefault::text("{}")))
        .primary_key(["id"])
        .unique(["slug"]);

    let invoices = TableDef::new("invoices")
        .comment("One bill sent to a tenant")
        .column(Column::new("id", SqlType::BigInt).identity(Identity::ByDefault))
        .column(Column::new("tenant_id", SqlType::BigInt))
        .column(Column::new("number", SqlType::Integer))
        .column(
            Column::new(
                "total",
                SqlType::Decimal {
                    precision: Some(12),
                    scale: Some(2),
                },
            )
            .default(number("0.00")),
        )
        .column(Column::new("currency", SqlType::Char(3)).default(ColumnDefault::text("EUR")))
        .column(Column::new("status", status()).default(ColumnDefault::text("draft")))
        .column(Column::new("issued_on", SqlType::Date).default(ColumnDefault::CurrentDate))
        .column(Column::new("paid_at", SqlType::TimestampTz).nullable())
        .column(
            Column::new("note", SqlType::Text)
                .nullable()
                .default(ColumnDefault::text("it's \\ fine"))
                .comment("Free text; may hold quotes ' and backslashes \\"),
        )
        .primary_key(["id"])
        .unique(["tenant_id", "number"])
        .column_check("number", "number > 0")
        .named_check("invoices_total_nonneg", "total >= 0")
        .foreign_key(
            ForeignKey::to("tenants", ["id"])
                .columns(["tenant_id"])
                .on_delete(FkAction::Cascade),
        )
        .foreign_key(
            ForeignKey::to("currencies", ["code"])
                .columns(["currency"])
                .on_delete(set_default)
                .on_update(FkAction::Cascade),
        )
        .index(open_invoices)
        .index(Index::on(["tenant_id", "issued_on"]));

    // Composite primary key; ON DELETE CASCADE, ON UPDATE RESTRICT.
    let line_items = TableDef::new("line_items")
        .column(Column::new("invoice_id", SqlType::BigInt))
        .column(Column::new("line_no", SqlType::SmallInt))
        .column(Column::new("quantity", SqlType::Integer).default(ColumnDefault::int(1)))
        .column(Column::new(
            "unit_price",
            SqlType::Decimal {
                precision: None,
                scale: None,
            },
        ))
        .primary_key(["invoice_id", "line_no"])
        .check("quantity > 0 AND unit_price >= 0")
        .foreign_key(
            ForeignKey::to("invoices", ["id"])
                .columns(["invoice_id"])
                .on_delete(FkAction::Cascade)
                .on_update(FkAction::Restrict),
        );

    // Composite foreign key with SET NULL.
    let line_item_notes = TableDef::new("line_item_notes")
        .column(Column::new("id", SqlType::BigInt).identity(always))
        .column(Column::new("invoice_id", SqlType::BigInt).nullable())
        .column(Column::new("line_no", SqlType::SmallInt).nullable())
        .column(Column::new("body", SqlType::Text))
        .primary_key(["id"])
        .foreign_key(
            ForeignKey::to("line_items", ["invoice_id", "line_no"])
                .columns(["invoice_id", "line_no"])
                .named("line_item_notes_line_fkey")
                .on_delete(FkAction::SetNull),
        );

    // Self-reference.
    let categories = TableDef::new("categories")
        .column(Column::new("id", SqlType::Integer).identity(Identity::ByDefault))
        .column(Column::new("parent_id", SqlType::Integer).nullable())
        .column(Column::new("name", SqlType::Varchar(100)))
        .primary_key(["id"])
        .named_unique("categories_parent_name_key", ["parent_id", "name"])
        .foreign_key(
            ForeignKey::to("categories", ["id"])
                .columns(["parent_id"])
                .on_delete(FkAction::Cascade),
        );

    // A two-table cycle: teams.owner_id -> users, users.team_id -> teams.
    let teams = TableDef::new("teams")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("owner_id", SqlType::BigInt).nullable())
        .primary_key(["id"])
        .foreign_key(ForeignKey::to("users", ["id"]).columns(["owner_id"]));
    let users = TableDef::new("users")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("team_id", SqlType::BigInt).nullable())
        .column(Column::new("email", SqlType::Varchar(320)))
        .primary_key(["id"])
        .index(Index::on(["email"]).unique().named("users_email_key"))
        .foreign_key(
            ForeignKey::to("teams", ["id"])
                .columns(["team_id"])
                .on_delete(FkAction::SetNull),
        );

    // Every logical type, with each kind of default.
    let all_types = TableDef::new("all_types")
        .comment("Every logical type")
        .column(
            Column::new("id", SqlType::Uuid)
                .default(ColumnDefault::text("00112233-4455-6677-8899-aabbccddeeff")),
        )
        .column(Column::new("flag", SqlType::Boolean).default(ColumnDefault::bool(false)))
        .column(Column::new("small", SqlType::SmallInt).default(ColumnDefault::int(-1)))
        .column(Column::new("int", SqlType::Integer).nullable())
        .column(Column::new("big", SqlType::BigInt).nullable())
        .column(Column::new("r", SqlType::Real).default(number("1.5")))
        .column(Column::new("d", SqlType::Double).nullable())
        .column(
            Column::new(
                "dec",
                SqlType::Decimal {
                    precision: Some(10),
                    scale: None,
                },
            )
            .default(ColumnDefault::int(7)),
        )
        .column(Column::new("txt", SqlType::Text).nullable())
        .column(Column::new("vc", SqlType::Varchar(20)).default(ColumnDefault::text("")))
        .column(Column::new("ch", SqlType::Char(3)).nullable())
        .column(Column::new("bytes", SqlType::Bytes).default(ColumnDefault::text("ab")))
        .column(Column::new("day", SqlType::Date).nullable())
        .column(Column::new("at_time", SqlType::Time).nullable())
        .column(Column::new("ts", SqlType::Timestamp).default(ColumnDefault::Now))
        .column(Column::new("tstz", SqlType::TimestampTz).nullable())
        .column(Column::new("js", SqlType::Json).nullable())
        .column(Column::new("jsb", SqlType::Jsonb).default(ColumnDefault::text("[]")))
        .column(Column::new("ip", SqlType::Inet).default(ColumnDefault::text("127.0.0.1")))
        .column(Column::new("prio", priority()).nullable())
        .column(
            Column::new("raw", raw)
                .nullable()
                .default(ColumnDefault::text("")),
        )
        .column(
            Column::new("computed", SqlType::Integer).default(ColumnDefault::Sql("1 + 2".into())),
        )
        .primary_key(["id"]);

    [
        all_types,
        categories,
        currencies,
        invoices,
        line_item_notes,
        line_items,
        teams,
        tenants,
        users,
    ]
    .into_iter()
    .fold(Schema::builder(), |builder, table| builder.table_def(table))
    .build()
    .unwrap_or_else(|e| panic!("{e}"))
}

/// A schema that is valid everywhere (it builds) but breaks engine rules: the diagnostics
/// snapshots show every engine's messages for it.
pub fn broken() -> Schema {
    let long = "a_table_name_that_is_long_enough_to_exceed_sixty_four_characters_x";
    let sqlite_missing = SqlType::Raw(BTreeMap::from([(Engine::Postgres, "tsvector".to_string())]));
    let not_strict = SqlType::Raw(BTreeMap::from([
        (Engine::Postgres, "varchar(10)".to_string()),
        (Engine::MySql, "VARCHAR(10)".to_string()),
        (Engine::Sqlite, "VARCHAR(10)".to_string()),
    ]));
    Schema::builder()
        .table_def(
            TableDef::new(long)
                .column(Column::new("id", SqlType::BigInt))
                .primary_key(["id"]),
        )
        .table_def(
            TableDef::new("orders")
                .column(Column::new("id", SqlType::BigInt).identity(Identity::Always))
                .column(
                    Column::new("Total", SqlType::Integer)
                        .default(ColumnDefault::Sql("id + 1".into())),
                )
                .column(Column::new("body", SqlType::Text))
                .column(
                    Column::new("code", SqlType::Varchar(20_000)).default(ColumnDefault::text("x")),
                )
                .column(
                    Column::new("ref", SqlType::Uuid).default(ColumnDefault::text("not-a-uuid")),
                )
                .column(Column::new("search", sqlite_missing).nullable())
                .column(Column::new("legacy", not_strict).nullable())
                .column(Column::new("parent_id", SqlType::BigInt).default(ColumnDefault::int(0)))
                .primary_key(["id"])
                .unique(["body"])
                .named_check("orders_total_positive", "Total > 0")
                .named_check("orders_typo", "totl > 0")
                .named_check("orders_syntax", "id >")
                .named_check("orders_parent_check", "parent_id <> id")
                .foreign_key(
                    ForeignKey::to("orders", ["id"])
                        .columns(["parent_id"])
                        .on_delete(FkAction::SetDefault),
                )
                .index(
                    Index::on(["code"])
                        .filter("code <> ''")
                        .named("orders_code_idx"),
                ),
        )
        .table_def(
            TableDef::new("sqlite_stats")
                .column(Column::new("id", SqlType::BigInt))
                .primary_key(["id"]),
        )
        .table_def(
            TableDef::new("events")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("seq", SqlType::BigInt).identity(Identity::ByDefault))
                .primary_key(["id"]),
        )
        .build()
        .unwrap_or_else(|e| panic!("the broken schema must pass dialect-neutral validation:\n{e}"))
}
