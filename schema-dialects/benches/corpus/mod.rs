//! A deterministic corpus of realistic schemas for the benchmarks: N tables in groups of ten
//! (an account, its users, projects, memberships, products, product variants, orders, order
//! lines, invoices and audit events), with mixed column types, single and composite primary and
//! foreign keys, self and cross-group references, unique constraints, plain, descending, partial
//! and expression indexes, column and table CHECKs, shared and per-group enums, defaults and
//! comments. A seeded generator varies the extra columns and the cross-group references, so two
//! runs give the same schema.
//!
//! The runtime benches' [`schema`] adds two views per group and PostgreSQL row-level security
//! (tenant isolation, a policy) to the [`tables`]; the build-cost crates carry the tables only
//! (SeaORM entities have no views or policies): [`derive_source`] prints them as
//! `#[derive(Table)]` structs and [`sea_orm_source`] as SeaORM 2 entities. The test `tests/tests/corpus.rs` compiles the derive
//! source of 30 tables and checks it builds exactly this model.
//!
//! This file is included with `mod corpus;` by each bench and with `#[path]` by the test; it is
//! no part of the library's API.

#![allow(dead_code)] // each includer uses a different part

pub mod derive_source;
pub mod sea_orm_source;

use schema_core::{
    Column, ColumnDefault, Engine, EnumType, FkAction, ForeignKey, Identity, Index, KeyPart,
    Policy, PolicyCommand, Schema, SqlType, TableDef, TenantIsolation, View, ViewColumn,
};

/// The corpus sizes the benches measure.
pub const SIZES: [usize; 4] = [30, 300, 3_000, 10_000];

/// Tables per group; a corpus has `n / TABLES_PER_GROUP` groups.
pub const TABLES_PER_GROUP: usize = 10;

/// The corpus of `n` tables (a multiple of ten) with its views and row-level security,
/// validated: [`tables`] plus [`secured`] and [`views`].
pub fn schema(n: usize) -> Schema {
    let mut builder = Schema::builder();
    for table in tables(n) {
        builder = builder.table_def(secured(table));
    }
    for view in views(n) {
        builder = builder.view_def(view);
    }
    builder
        .build()
        .unwrap_or_else(|errors| panic!("the corpus of {n} tables is invalid:\n{errors}"))
}

/// Row-level security (PostgreSQL; the other engines have none and are told to skip it): orders
/// isolated by account, audit events readable only with an actor.
pub fn secured(table: TableDef) -> TableDef {
    let base = table.name.rsplit_once('_').map_or("", |(base, _)| base);
    match base {
        "orders" => table
            .tenant_isolated(TenantIsolation::by("account_id"))
            .row_security_only_on([Engine::Postgres]),
        "audit_events" => {
            let name = format!("{}_with_actor", table.name);
            table
                .policy(
                    Policy::new(name)
                        .command(PolicyCommand::Select)
                        .using("actor_id IS NOT NULL"),
                )
                .row_security_only_on([Engine::Postgres])
        }
        _ => table,
    }
}

/// Two views per group: open orders with their account, and unpaid invoices.
pub fn views(n: usize) -> Vec<View> {
    (0..n / TABLES_PER_GROUP)
        .flat_map(|g| {
            [
                View::new(
                    format!("open_orders_{g}"),
                    format!(
                        "SELECT o.id, o.number, a.name AS account_name, o.total_cents \
                         FROM orders_{g} o JOIN accounts_{g} a ON a.id = o.account_id \
                         WHERE o.shipped_at IS NULL"
                    ),
                )
                .comment("Orders not shipped yet.")
                .column(ViewColumn::new("id", SqlType::BigInt))
                .column(ViewColumn::new("number", SqlType::Integer))
                .column(ViewColumn::new("account_name", SqlType::Varchar(120)))
                .column(ViewColumn::new("total_cents", SqlType::BigInt)),
                View::new(
                    format!("unpaid_invoices_{g}"),
                    format!(
                        "SELECT id, order_id, due_on, amount_cents FROM invoices_{g} WHERE NOT paid"
                    ),
                ),
            ]
        })
        .collect()
}

/// The `n` tables of the corpus (a multiple of ten), group by group, unnamed constraints left
/// for `Schema::build` to name, every list in the order `#[derive(Table)]` produces.
pub fn tables(n: usize) -> Vec<TableDef> {
    assert!(
        n > 0 && n.is_multiple_of(TABLES_PER_GROUP),
        "corpus size {n} is not a positive multiple of {TABLES_PER_GROUP}"
    );
    let groups = n / TABLES_PER_GROUP;
    let mut random = SplitMix64(0x5eed_0f5c_4e3a);
    (0..groups)
        .flat_map(|g| group(g, groups, &mut random))
        .collect()
}

/// The next version of the corpus of `n` tables, for the diff benches: in every group a column
/// added (users), one dropped (invoices.pdf), one widened (accounts.name), an index added
/// (products), a CHECK changed (order lines); and one new table per ten groups.
pub fn evolved(n: usize) -> Schema {
    let mut builder = Schema::builder();
    for view in views(n) {
        builder = builder.view_def(view);
    }
    for mut table in tables(n).into_iter().map(secured) {
        let base = table.name.rsplit_once('_').map_or("", |(base, _)| base);
        match base {
            "users" => table = table.column(Column::new("locale", SqlType::Varchar(10)).nullable()),
            "invoices" => table.columns.retain(|c| c.name != "pdf"),
            "accounts" => {
                for column in table.columns.iter_mut().filter(|c| c.name == "name") {
                    column.sql_type = SqlType::Varchar(200);
                }
            }
            "products" => table = table.index(Index::on(["name"])),
            "order_lines" => {
                for check in table.checks.iter_mut().filter(|c| c.column.is_some()) {
                    check.expr = "quantity > 0 AND quantity < 10000".into();
                }
            }
            _ => {}
        }
        builder = builder.table_def(table);
    }
    for g in (0..n / TABLES_PER_GROUP).step_by(10) {
        builder = builder.table_def(
            TableDef::new(format!("coupons_{g}"))
                .column(id())
                .column(Column::new("account_id", SqlType::BigInt))
                .column(Column::new("code", SqlType::Varchar(30)))
                .primary_key(["id"])
                .unique(["account_id", "code"])
                .foreign_key(fk("account_id", &format!("accounts_{g}"))),
        );
    }
    builder
        .build()
        .unwrap_or_else(|errors| panic!("the evolved corpus of {n} tables is invalid:\n{errors}"))
}

/// SplitMix64: a tiny, well-mixed, seeded generator (no dependency needed).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

fn plan_tier() -> SqlType {
    SqlType::Enum(EnumType::new("plan_tier", ["free", "team", "enterprise"]))
}

fn member_role() -> SqlType {
    SqlType::Enum(EnumType::new(
        "member_role",
        ["owner", "admin", "member", "viewer"],
    ))
}

fn order_status() -> SqlType {
    SqlType::Enum(EnumType::new(
        "order_status",
        ["pending", "paid", "shipped", "cancelled", "refunded"],
    ))
}

/// One enum per group, so large corpora have many enum types.
fn project_status(g: usize) -> SqlType {
    SqlType::Enum(EnumType::new(
        format!("project_status_{g}"),
        ["planned", "active", "on_hold", "done"],
    ))
}

fn decimal(precision: u16, scale: u16) -> SqlType {
    SqlType::Decimal {
        precision: Some(precision),
        scale: Some(scale),
    }
}

fn id() -> Column {
    Column::new("id", SqlType::BigInt).identity(Identity::ByDefault)
}

fn fk(column: &str, table: &str) -> ForeignKey {
    ForeignKey::to(table, ["id"]).columns([column])
}

/// Extra attribute columns, chosen by the seeded generator (0 to 3 per table).
fn extra_columns(table: TableDef, random: &mut SplitMix64) -> TableDef {
    let palette: [(&str, SqlType); 8] = [
        ("weight_kg", SqlType::Double),
        ("rating", SqlType::SmallInt),
        ("external_ref", SqlType::Varchar(64)),
        ("notes", SqlType::Text),
        ("valid_until", SqlType::Date),
        ("settings", SqlType::Json),
        ("checksum", SqlType::Bytes),
        ("batch_uuid", SqlType::Uuid),
    ];
    let count = random.below(4);
    let first = random.below(palette.len());
    (0..count).fold(table, |table, i| {
        let (name, sql_type) = &palette[(first + i) % palette.len()];
        table.column(Column::new(*name, sql_type.clone()).nullable())
    })
}

/// The ten tables of group `g` of `groups`.
fn group(g: usize, groups: usize, random: &mut SplitMix64) -> Vec<TableDef> {
    let t = |base: &str| format!("{base}_{g}");
    let accounts = t("accounts");
    let users = t("users");
    let projects = t("projects");
    let memberships = t("memberships");
    let products = t("products");
    let variants = t("product_variants");
    let orders = t("orders");
    let lines = t("order_lines");
    let invoices = t("invoices");
    let events = t("audit_events");
    let referral = format!("accounts_{}", random.below(groups));

    let mut account = TableDef::new(&accounts)
        .comment("A customer organisation; everything else in its group belongs to one.")
        .column(id())
        .column(Column::new("name", SqlType::Varchar(120)))
        .column(Column::new("slug", SqlType::Varchar(60)).comment("Used in URLs; lower case."))
        .column(Column::new("plan", plan_tier()).default(ColumnDefault::text("free")))
        .column(Column::new("created_at", SqlType::TimestampTz).default(ColumnDefault::Now));
    if g > 0 {
        account = account.column(Column::new("parent_id", SqlType::BigInt).nullable());
    }
    account = account
        .primary_key(["id"])
        .unique(["slug"])
        .column_check("slug", "slug = lower(slug)");
    if g > 0 {
        let parent = format!("accounts_{}", (g - 1) / 2);
        account = account.foreign_key(fk("parent_id", &parent).on_delete(FkAction::SetNull));
    }

    let user = TableDef::new(&users)
        .comment("A person who signs in to an account.")
        .column(id())
        .column(Column::new("account_id", SqlType::BigInt))
        .column(Column::new("email", SqlType::Varchar(320)))
        .column(Column::new("display_name", SqlType::Varchar(120)).nullable())
        .column(Column::new("is_active", SqlType::Boolean).default(ColumnDefault::bool(true)))
        .column(
            Column::new("manager_id", SqlType::BigInt)
                .nullable()
                .comment("Who approves this user's requests."),
        )
        .column(Column::new("created_at", SqlType::TimestampTz).default(ColumnDefault::Now))
        .primary_key(["id"])
        .unique(["account_id", "email"])
        .foreign_key(fk("account_id", &accounts).on_delete(FkAction::Cascade))
        .foreign_key(fk("manager_id", &users).on_delete(FkAction::SetNull))
        .index(Index::on(["account_id"]))
        .index(
            Index::on_expression("lower(email)")
                .named(format!("{users}_email_lower_idx"))
                .only_on([Engine::Postgres, Engine::Sqlite]),
        );
    let user = extra_columns(user, random);

    let project = TableDef::new(&projects)
        .column(id())
        .column(Column::new("account_id", SqlType::BigInt))
        .column(Column::new("owner_id", SqlType::BigInt).nullable())
        .column(Column::new("name", SqlType::Varchar(200)))
        .column(Column::new("status", project_status(g)).default(ColumnDefault::text("planned")))
        .column(Column::new("budget_cents", SqlType::BigInt).nullable())
        .column(Column::new("archived_at", SqlType::TimestampTz).nullable())
        .primary_key(["id"])
        .unique(["account_id", "name"])
        .column_check("budget_cents", "budget_cents >= 0")
        .foreign_key(fk("account_id", &accounts).on_delete(FkAction::Cascade))
        .foreign_key(fk("owner_id", &users).on_delete(FkAction::SetNull))
        .index(
            Index::on(["account_id"])
                .named(format!("{projects}_live_idx"))
                .filter("archived_at IS NULL")
                .only_on([Engine::Postgres, Engine::Sqlite]),
        );

    let membership = TableDef::new(&memberships)
        .comment("Who works on which project, in which role.")
        .column(Column::new("project_id", SqlType::BigInt))
        .column(Column::new("user_id", SqlType::BigInt))
        .column(Column::new("role", member_role()).default(ColumnDefault::text("member")))
        .column(Column::new("joined_on", SqlType::Date).default(ColumnDefault::CurrentDate))
        .primary_key(["project_id", "user_id"])
        .foreign_key(fk("project_id", &projects).on_delete(FkAction::Cascade))
        .foreign_key(fk("user_id", &users).on_delete(FkAction::Cascade))
        .index(Index::on(["user_id"]));

    let product = TableDef::new(&products)
        .column(id())
        .column(Column::new("account_id", SqlType::BigInt))
        .column(Column::new("sku", SqlType::Varchar(40)))
        .column(Column::new("name", SqlType::Varchar(200)))
        .column(Column::new("description", SqlType::Text).nullable())
        .column(Column::new("price", decimal(12, 2)))
        .column(Column::new("public_id", SqlType::Uuid).default(ColumnDefault::RandomUuid))
        .column(Column::new("attributes", SqlType::Jsonb).nullable())
        .primary_key(["id"])
        .unique(["public_id"])
        .unique(["account_id", "sku"])
        .column_check("price", "price >= 0")
        .foreign_key(fk("account_id", &accounts).on_delete(FkAction::Cascade));
    let product = extra_columns(product, random);

    let variant = TableDef::new(&variants)
        .comment("A sellable form of a product (size, colour).")
        .column(Column::new("product_id", SqlType::BigInt))
        .column(Column::new("code", SqlType::Varchar(20)))
        .column(Column::new("weight_grams", SqlType::Integer))
        .column(Column::new("is_default", SqlType::Boolean).default(ColumnDefault::bool(false)))
        .primary_key(["product_id", "code"])
        .column_check("weight_grams", "weight_grams >= 0")
        .foreign_key(fk("product_id", &products).on_delete(FkAction::Cascade));

    let order = TableDef::new(&orders)
        .column(id())
        .column(Column::new("account_id", SqlType::BigInt))
        .column(Column::new("user_id", SqlType::BigInt).nullable())
        .column(Column::new("referred_by", SqlType::BigInt).nullable())
        .column(Column::new("number", SqlType::Integer).comment("Sequential per account."))
        .column(Column::new("status", order_status()).default(ColumnDefault::text("pending")))
        .column(Column::new("currency", SqlType::Char(3)))
        .column(Column::new("total_cents", SqlType::BigInt).default(ColumnDefault::int(0)))
        .column(Column::new("placed_at", SqlType::TimestampTz))
        .column(Column::new("shipped_at", SqlType::TimestampTz).nullable())
        .column(Column::new("notes", SqlType::Text).nullable())
        .primary_key(["id"])
        .unique(["account_id", "number"])
        .column_check("number", "number > 0")
        .check("shipped_at IS NULL OR shipped_at >= placed_at")
        .foreign_key(fk("account_id", &accounts).on_delete(FkAction::Cascade))
        .foreign_key(fk("user_id", &users).on_delete(FkAction::SetNull))
        .foreign_key(fk("referred_by", &referral).on_delete(FkAction::SetNull))
        .index(Index::on(["user_id"]))
        .index(Index::on(["account_id", "placed_at"]).part("placed_at", KeyPart::new().desc()));

    let line = TableDef::new(&lines)
        .column(Column::new("order_id", SqlType::BigInt))
        .column(Column::new("line_no", SqlType::SmallInt))
        .column(Column::new("product_id", SqlType::BigInt))
        .column(Column::new("variant_code", SqlType::Varchar(20)))
        .column(Column::new("quantity", SqlType::Integer))
        .column(Column::new("unit_price", decimal(12, 2)))
        .column(Column::new("discount_pct", SqlType::Double).nullable())
        .primary_key(["order_id", "line_no"])
        .column_check("quantity", "quantity > 0")
        .check("discount_pct IS NULL OR discount_pct BETWEEN 0 AND 100")
        .foreign_key(fk("order_id", &orders).on_delete(FkAction::Cascade))
        .foreign_key(
            ForeignKey::to(&variants, ["product_id", "code"])
                .columns(["product_id", "variant_code"])
                .on_delete(FkAction::Restrict),
        )
        .index(Index::on(["product_id", "variant_code"]));

    let invoice = TableDef::new(&invoices)
        .comment("One bill for one order.")
        .column(id())
        .column(Column::new("order_id", SqlType::BigInt))
        .column(Column::new("issued_on", SqlType::Date))
        .column(Column::new("due_on", SqlType::Date))
        .column(Column::new("amount_cents", SqlType::BigInt))
        .column(Column::new("paid", SqlType::Boolean).default(ColumnDefault::bool(false)))
        .column(Column::new("pdf", SqlType::Bytes).nullable())
        .primary_key(["id"])
        .unique(["order_id"])
        .check("due_on >= issued_on")
        .foreign_key(fk("order_id", &orders).on_delete(FkAction::Cascade))
        .index(
            Index::on(["due_on"])
                .named(format!("{invoices}_unpaid_idx"))
                .filter("NOT paid")
                .only_on([Engine::Postgres, Engine::Sqlite]),
        );

    let event = TableDef::new(&events)
        .comment("What happened, for the audit trail.")
        .column(id())
        .column(Column::new("account_id", SqlType::BigInt))
        .column(Column::new("actor_id", SqlType::BigInt).nullable())
        .column(Column::new("kind", SqlType::Varchar(60)))
        .column(Column::new("payload", SqlType::Json))
        .column(Column::new("occurred_at", SqlType::TimestampTz).default(ColumnDefault::Now))
        .primary_key(["id"])
        .foreign_key(fk("account_id", &accounts).on_delete(FkAction::Cascade))
        .foreign_key(fk("actor_id", &users).on_delete(FkAction::SetNull))
        .index(Index::on(["kind"]))
        .index(Index::on(["account_id", "occurred_at"]).part("occurred_at", KeyPart::new().desc()));
    let event = extra_columns(event, random);

    vec![
        account, user, project, membership, product, variant, order, line, invoice, event,
    ]
}

/// `order_lines_7` → `OrderLines7`.
pub fn upper_camel(name: &str) -> String {
    name.split('_')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect()
}

/// The enum types the tables use, each once, in order of first use.
pub fn enum_types(tables: &[TableDef]) -> Vec<EnumType> {
    let mut seen = std::collections::BTreeSet::new();
    let mut found = Vec::new();
    for column in tables.iter().flat_map(|t| &t.columns) {
        if let SqlType::Enum(e) = &column.sql_type
            && seen.insert(e.name.clone())
        {
            found.push(e.clone());
        }
    }
    found
}
