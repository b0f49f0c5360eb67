//! Every dialect-neutral validation rule: one bad schema each, with the exact report.

use schema_core::{
    Column, ColumnDefault, EnumType, FkAction, ForeignKey, Identity, Index, Literal, Schema,
    SqlType, TableDef,
};

fn id_table(name: &str) -> TableDef {
    TableDef::new(name)
        .column(Column::new("id", SqlType::BigInt))
        .primary_key(["id"])
}

/// The diagnostics of building `tables`, one display string each.
fn problems(tables: Vec<TableDef>) -> Vec<String> {
    let builder = tables
        .into_iter()
        .fold(Schema::builder(), |b, t| b.table_def(t));
    match builder.build() {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_valid_schema_builds_with_every_name_filled() {
    let schema = Schema::builder()
        .table_def(
            id_table("invoices")
                .column(Column::new("tenant_id", SqlType::BigInt))
                .column(Column::new("number", SqlType::Integer).comment("per tenant"))
                .unique(["tenant_id", "number"])
                .column_check("number", "number > 0")
                .check("tenant_id > 0")
                .foreign_key(ForeignKey::to("tenants", ["id"]).columns(["tenant_id"]))
                .index(Index::on(["tenant_id"])),
        )
        .table_def(id_table("tenants"))
        .build()
        .unwrap();
    assert_eq!(
        schema.tables[0].name, "invoices",
        "tables are sorted by name"
    );
    let invoices = &schema.tables[0];
    assert_eq!(invoices.primary_key.as_ref().unwrap().name, "invoices_pkey");
    assert_eq!(invoices.uniques[0].name, "invoices_tenant_id_number_key");
    assert_eq!(invoices.checks[0].name, "invoices_number_check");
    assert_eq!(invoices.checks[1].name, "invoices_check1");
    assert_eq!(invoices.foreign_keys[0].name, "invoices_tenant_id_fkey");
    assert_eq!(invoices.indexes[0].name, "invoices_tenant_id_idx");
}

#[test]
fn the_model_round_trips_through_json() {
    let schema = Schema::builder()
        .table_def(
            id_table("t")
                .column(
                    Column::new("status", SqlType::Enum(EnumType::new("s", ["a", "b"])))
                        .default(ColumnDefault::text("a")),
                )
                .column(
                    Column::new(
                        "price",
                        SqlType::Decimal {
                            precision: Some(12),
                            scale: Some(2),
                        },
                    )
                    .nullable(),
                ),
        )
        .build()
        .unwrap();
    let json = serde_json::to_string(&schema).unwrap();
    let back: Schema = serde_json::from_str(&json).unwrap();
    assert_eq!(back, schema);
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = problems(vec![
        id_table("a").primary_key(["nope"]),
        id_table("a"),
        TableDef::new("empty"),
    ]);
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn duplicate_tables_and_columns() {
    assert_eq!(
        problems(vec![id_table("t"), id_table("t")]),
        [
            "error: table `t`: the schema declares this table more than once\n  help: give each table its own name, e.g. `#[table(name = \"...\")]`"
        ]
    );
    assert_eq!(
        problems(vec![id_table("t").column(Column::new("id", SqlType::Text))]),
        ["error: table `t`, column `id`: the table declares this column more than once"]
    );
    assert_eq!(
        problems(vec![TableDef::new("t")]),
        ["error: table `t`: the table has no columns"]
    );
}

#[test]
fn unknown_columns_in_keys_constraints_and_indexes() {
    let table = id_table("t")
        .column(Column::new("email", SqlType::Text))
        .unique(["emial"])
        .index(Index::on(["zzz"]))
        .column_check("nope", "nope > 0");
    assert_eq!(
        problems(vec![table]),
        [
            "error: table `t`, column `emial`: unique constraint `t_emial_key` names column `emial`, which does not exist\n  help: did you mean `email`?",
            "error: table `t`, column `zzz`: index `t_zzz_idx` names column `zzz`, which does not exist\n  help: the columns of `t` are: id, email",
            "error: table `t`, column `nope`: check `t_nope_check` names column `nope`, which does not exist\n  help: the columns of `t` are: id, email",
        ]
    );
}

#[test]
fn column_lists_name_each_column_once_and_at_least_one() {
    let table = id_table("t")
        .unique(["id", "id"])
        .index(Index::on(Vec::<String>::new()).named("t_empty"));
    assert_eq!(
        problems(vec![table]),
        [
            "error: table `t`, column `id`: unique constraint `t_id_id_key` lists this column more than once",
            "error: table `t`: index `t_empty` lists no columns",
        ]
    );
}

#[test]
fn primary_key_columns_are_not_nullable() {
    let table = TableDef::new("t")
        .column(Column::new("id", SqlType::BigInt).nullable())
        .primary_key(["id"]);
    assert_eq!(
        problems(vec![table]),
        [
            "error: table `t`, column `id`: primary key column is nullable\n  help: use a non-Option type for primary key columns"
        ]
    );
}

#[test]
fn foreign_key_to_a_missing_table_suggests_the_nearest() {
    let table = id_table("invoices")
        .column(Column::new("tenant_id", SqlType::BigInt))
        .foreign_key(ForeignKey::to("tenant", ["id"]).columns(["tenant_id"]));
    assert_eq!(
        problems(vec![table, id_table("tenants")]),
        [
            "error: table `invoices`: foreign key `invoices_tenant_id_fkey` references table `tenant`, which is not in the schema\n  help: did you mean `tenants`?"
        ]
    );
}

#[test]
fn foreign_key_to_a_missing_column_names_the_referenced_table() {
    let table = id_table("invoices")
        .column(Column::new("tenant_id", SqlType::BigInt))
        .foreign_key(ForeignKey::to("tenants", ["ident"]).columns(["tenant_id"]));
    assert_eq!(
        problems(vec![table, id_table("tenants")]),
        [
            "error: table `tenants`, column `ident`: foreign key `invoices_tenant_id_fkey` of table `invoices` names column `ident`, which does not exist\n  help: did you mean `id`?"
        ]
    );
}

#[test]
fn foreign_key_must_target_a_key() {
    let tenants = id_table("tenants").column(Column::new("slug", SqlType::Varchar(20)));
    let table = id_table("invoices")
        .column(Column::new("tenant_slug", SqlType::Varchar(20)))
        .foreign_key(ForeignKey::to("tenants", ["slug"]).columns(["tenant_slug"]));
    assert_eq!(
        problems(vec![table.clone(), tenants.clone()]),
        [
            "error: table `invoices`: foreign key `invoices_tenant_slug_fkey` references (slug) of `tenants`, which is neither its primary key nor a unique constraint\n  help: add `unique(slug)` to `tenants`"
        ]
    );
    assert!(problems(vec![table.clone(), tenants.clone().unique(["slug"])]).is_empty());
    assert!(problems(vec![table, tenants.index(Index::on(["slug"]).unique())]).is_empty());
}

#[test]
fn foreign_key_column_count_and_types_must_match() {
    let parent = TableDef::new("p")
        .column(Column::new("a", SqlType::BigInt))
        .column(Column::new("b", SqlType::Integer))
        .primary_key(["a", "b"]);
    let child = id_table("c")
        .column(Column::new("pa", SqlType::Integer))
        .column(Column::new("pb", SqlType::Integer))
        .foreign_key(ForeignKey::to("p", ["a", "b"]).columns(["pa", "pb"]))
        .foreign_key(
            ForeignKey::to("p", ["a", "b"])
                .columns(["pa"])
                .named("c_short_fkey"),
        );
    assert_eq!(
        problems(vec![parent, child]),
        [
            "error: table `c`, column `pa`: foreign key `c_pa_pb_fkey`: column has type `integer` but references `p.a` of type `bigint`\n  help: declare the column as `bigint`",
            "error: table `c`: foreign key `c_short_fkey` has 1 column(s) but references 2 column(s) of `p`",
        ]
    );
}

#[test]
fn set_null_and_set_default_need_nullable_columns_and_defaults() {
    let child = id_table("c")
        .column(Column::new("p_id", SqlType::BigInt))
        .foreign_key(
            ForeignKey::to("p", ["id"])
                .columns(["p_id"])
                .on_delete(FkAction::SetNull)
                .on_update(FkAction::SetDefault),
        );
    assert_eq!(
        problems(vec![id_table("p"), child]),
        [
            "error: table `c`, column `p_id`: foreign key `c_p_id_fkey` uses SET NULL, but the column is NOT NULL\n  help: make the column an Option, or use another action",
            "error: table `c`, column `p_id`: foreign key `c_p_id_fkey` uses SET DEFAULT, but the column has no default\n  help: give the column a default, or use another action",
        ]
    );
}

#[test]
fn self_references_and_cycles_are_valid() {
    let nodes = id_table("nodes")
        .column(Column::new("parent_id", SqlType::BigInt).nullable())
        .foreign_key(
            ForeignKey::to("nodes", ["id"])
                .columns(["parent_id"])
                .on_delete(FkAction::SetNull),
        );
    let a = id_table("a")
        .column(Column::new("b_id", SqlType::BigInt).nullable())
        .foreign_key(ForeignKey::to("b", ["id"]).columns(["b_id"]));
    let b = id_table("b")
        .column(Column::new("a_id", SqlType::BigInt))
        .foreign_key(ForeignKey::to("a", ["id"]).columns(["a_id"]));
    assert!(problems(vec![nodes, a, b]).is_empty());
}

#[test]
fn names_are_unique_across_the_schema() {
    let a = id_table("a")
        .column(Column::new("x", SqlType::Integer))
        .index(Index::on(["x"]).named("shared"));
    let b = id_table("b")
        .column(Column::new("x", SqlType::Integer))
        .named_unique("shared", ["x"]);
    let c = id_table("c")
        .column(Column::new("x", SqlType::Integer))
        .index(Index::on(["x"]).named("a"));
    assert_eq!(
        problems(vec![a, b, c]),
        [
            "error: table `b`: unique constraint name `shared` is already used by index of table `a`\n  help: give one of them an explicit `name = \"...\"`",
            "error: table `c`: index name `a` is already used by table `a`\n  help: give one of them an explicit `name = \"...\"`",
        ]
    );
}

#[test]
fn generated_names_that_collide_are_reported() {
    // `a_b` + column `c` and `a` + column `b_c` both generate `a_b_c_idx`.
    let first = id_table("a_b")
        .column(Column::new("c", SqlType::Integer))
        .index(Index::on(["c"]));
    let second = id_table("a")
        .column(Column::new("b_c", SqlType::Integer))
        .index(Index::on(["b_c"]));
    assert_eq!(
        problems(vec![first, second]),
        [
            "error: table `a_b`: index name `a_b_c_idx` is already used by index of table `a`\n  help: give one of them an explicit `name = \"...\"`"
        ]
    );
}

#[test]
fn long_generated_names_are_shortened_deterministically() {
    let table_name = "invoice_line_item_adjustments_for_regional_tax_reporting";
    let table = id_table(table_name)
        .column(Column::new("tax_jurisdiction_code", SqlType::Integer))
        .index(Index::on(["tax_jurisdiction_code"]));
    let schema = Schema::builder().table_def(table).build().unwrap();
    let name = &schema.tables[0].indexes[0].name;
    assert_eq!(name.len(), 63);
    assert_eq!(&name[..54], &table_name[..54]);
    assert!(
        name[54..].starts_with('_') && name[55..].chars().all(|c| c.is_ascii_hexdigit()),
        "{name}"
    );
    let again = Schema::builder()
        .table_def(schema.tables[0].clone())
        .build()
        .unwrap();
    assert_eq!(
        &again.tables[0].indexes[0].name, name,
        "a filled name is kept"
    );
}

#[test]
fn identity_columns_are_single_not_null_integers_without_default() {
    let table = TableDef::new("t")
        .column(Column::new("id", SqlType::Text).identity(Identity::ByDefault))
        .column(
            Column::new("n", SqlType::BigInt)
                .nullable()
                .identity(Identity::Always)
                .default(ColumnDefault::int(1)),
        )
        .primary_key(["id"]);
    assert_eq!(
        problems(vec![table]),
        [
            "error: table `t`, column `id`: identity column has type `text`\n  help: identity columns are integers: use i32 or i64",
            "error: table `t`, column `n`: identity column is nullable\n  help: use a non-Option type",
            "error: table `t`, column `n`: identity column also has a default\n  help: remove the default: the engine generates the value",
            "error: table `t`: more than one identity column: id, n\n  help: keep `identity` on one column",
        ]
    );
}

#[test]
fn defaults_must_fit_the_column_type() {
    let status = SqlType::Enum(EnumType::new("status", ["open", "paid"]));
    let table = id_table("t")
        .column(Column::new("flag", SqlType::Boolean).default(ColumnDefault::int(1)))
        .column(Column::new("count", SqlType::Integer).default(ColumnDefault::text("3")))
        .column(
            Column::new("n", SqlType::Integer)
                .default(ColumnDefault::Value(Literal::Number("1.5".into()))),
        )
        .column(Column::new("day", SqlType::Date).default(ColumnDefault::Now))
        .column(Column::new("at", SqlType::TimestampTz).default(ColumnDefault::CurrentDate))
        .column(Column::new("status", status).default(ColumnDefault::text("void")))
        .column(Column::new("code", SqlType::Varchar(2)).default(ColumnDefault::text("abc")))
        .column(Column::new("on", SqlType::Integer).default(ColumnDefault::bool(true)));
    assert_eq!(
        problems(vec![table]),
        [
            "error: table `t`, column `flag`: default number does not fit type `boolean`",
            "error: table `t`, column `count`: default string does not fit type `integer`\n  help: write the value without quotes",
            "error: table `t`, column `n`: default `1.5` does not fit type `integer`",
            "error: table `t`, column `day`: default `now` does not fit type `date`\n  help: `now` is a default for timestamp columns; dates use `current_date`",
            "error: table `t`, column `at`: default `current_date` does not fit type `timestamptz`\n  help: `current_date` is a default for date columns",
            "error: table `t`, column `status`: default `void` is not a value of enum `status`\n  help: use one of: open, paid",
            "error: table `t`, column `code`: default `abc` is longer than 2 characters",
            "error: table `t`, column `on`: default boolean does not fit type `integer`",
        ]
    );
}

#[test]
fn numeric_defaults_must_be_in_the_type_range() {
    let number = |n: &str| ColumnDefault::Value(Literal::Number(n.into()));
    let table = id_table("t")
        .column(Column::new("small", SqlType::SmallInt).default(ColumnDefault::int(40_000)))
        .column(Column::new("int", SqlType::Integer).default(ColumnDefault::int(-3_000_000_000)))
        .column(Column::new("big", SqlType::BigInt).default(number("99999999999999999999")))
        .column(
            Column::new(
                "price",
                SqlType::Decimal {
                    precision: Some(4),
                    scale: Some(2),
                },
            )
            .default(number("123.4")),
        )
        .column(
            Column::new(
                "ok",
                SqlType::Decimal {
                    precision: Some(4),
                    scale: Some(2),
                },
            )
            .default(number("-12.34")),
        )
        .column(Column::new("edge", SqlType::SmallInt).default(ColumnDefault::int(-32_768)));
    assert_eq!(
        problems(vec![table]),
        [
            "error: table `t`, column `small`: default `40000` does not fit type `smallint`\n  help: `smallint` holds -32768 to 32767",
            "error: table `t`, column `int`: default `-3000000000` does not fit type `integer`\n  help: `integer` holds -2147483648 to 2147483647",
            "error: table `t`, column `big`: default `99999999999999999999` does not fit type `bigint`\n  help: `bigint` holds -9223372036854775808 to 9223372036854775807",
            "error: table `t`, column `price`: default `123.4` does not fit type `decimal(4, 2)`\n  help: `decimal(4, 2)` holds at most 2 digit(s) before the point",
        ]
    );
}

#[test]
fn text_defaults_of_dates_times_and_addresses_have_a_form_every_engine_reads() {
    let table = id_table("t")
        .column(Column::new("d", SqlType::Date).default(ColumnDefault::text("2024-02-29")))
        .column(Column::new("t", SqlType::Time).default(ColumnDefault::text("23:59:59.5")))
        .column(
            Column::new("ts", SqlType::Timestamp)
                .default(ColumnDefault::text("2024-01-02 03:04:05")),
        )
        .column(
            Column::new("tz", SqlType::TimestampTz)
                .default(ColumnDefault::text("2024-01-02T03:04:05.123456")),
        )
        .column(Column::new("ip", SqlType::Inet).default(ColumnDefault::text("2001:db8::1")))
        .column(Column::new("bad_d", SqlType::Date).default(ColumnDefault::text("2024-13-01")))
        .column(Column::new("bad_t", SqlType::Time).default(ColumnDefault::text("noon")))
        .column(
            Column::new("bad_tz", SqlType::TimestampTz)
                .default(ColumnDefault::text("2024-01-02T03:04:05Z")),
        )
        .column(Column::new("bad_ip", SqlType::Inet).default(ColumnDefault::text("999.1.1.1")));
    assert_eq!(
        problems(vec![table]),
        [
            "error: table `t`, column `bad_d`: default `2024-13-01` is not a valid `date` value\n  help: write it as `YYYY-MM-DD`",
            "error: table `t`, column `bad_t`: default `noon` is not a valid `time` value\n  help: write it as `HH:MM:SS` (with up to six fraction digits)",
            "error: table `t`, column `bad_tz`: default `2024-01-02T03:04:05Z` is not a valid `timestamptz` value\n  help: write it as `YYYY-MM-DD HH:MM:SS` (with up to six fraction digits; in UTC, without a zone)",
            "error: table `t`, column `bad_ip`: default `999.1.1.1` is not a valid `inet` value\n  help: write it as an IPv4 or IPv6 address, e.g. `192.0.2.1`",
        ]
    );
}

#[test]
fn type_parameters_must_make_sense() {
    let table = id_table("t")
        .column(Column::new("a", SqlType::Varchar(0)))
        .column(Column::new(
            "b",
            SqlType::Decimal {
                precision: Some(4),
                scale: Some(6),
            },
        ))
        .column(Column::new(
            "c",
            SqlType::Decimal {
                precision: None,
                scale: Some(2),
            },
        ))
        .column(Column::new("d", SqlType::Raw(Default::default())));
    assert_eq!(
        problems(vec![table]),
        [
            "error: table `t`, column `a`: `varchar(0)` has length 0\n  help: give a length of at least 1",
            "error: table `t`, column `b`: decimal scale 6 exceeds its precision 4\n  help: the scale counts digits after the point and cannot exceed the precision",
            "error: table `t`, column `c`: decimal has a scale but no precision\n  help: write both, e.g. `#[column(numeric(12, 2))]`",
            "error: table `t`, column `d`: raw type names no engine\n  help: write e.g. `#[column(raw(postgres = \"tsvector\", sqlite = \"TEXT\"))]`",
        ]
    );
}

#[test]
fn enums_have_values_and_one_definition_per_name() {
    let a = id_table("a")
        .column(Column::new(
            "s",
            SqlType::Enum(EnumType::new("status", ["x", "y"])),
        ))
        .column(Column::new(
            "e",
            SqlType::Enum(EnumType::new("empty", Vec::<String>::new())),
        ))
        .column(Column::new(
            "d",
            SqlType::Enum(EnumType::new("dup", ["x", "x"])),
        ));
    let b = id_table("b").column(Column::new(
        "s",
        SqlType::Enum(EnumType::new("status", ["x", "z"])),
    ));
    assert_eq!(
        problems(vec![a, b]),
        [
            "error: table `a`, column `e`: enum `empty` has no values",
            "error: table `a`, column `d`: enum `dup` lists value `x` more than once",
            "error: table `b`, column `s`: enum `status` is used with values [x, z] here and [x, y] elsewhere\n  help: give the two Rust enums different `#[sql_enum(name = \"...\")]`",
        ]
    );
}
