//! At least 40 hand-written migrations per engine, table-driven: each case is a schema A, a
//! schema B, the data-loss keys it acknowledges, and optionally rows kept across the migration.

use schema_core::{
    Column, ColumnDefault, Engine, EnumType, FkAction, ForeignKey, Index, KeyPart, Schema,
    SchemaBuilder, SqlType, TableDef, Trigger, TriggerEvent, TriggerTiming, View,
};
use schema_tests::TestDb;

use super::support::{Lab, round_trip};

fn schema(tables: Vec<TableDef>) -> Schema {
    tables
        .into_iter()
        .fold(Schema::builder(), |b, t| b.table_def(t))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn status(values: &[&str]) -> SqlType {
    SqlType::Enum(EnumType::new("order_status", values.iter().copied()))
}

/// `accounts(id, email, note, score)`.
fn accounts() -> TableDef {
    TableDef::new("accounts")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("email", SqlType::Varchar(100)))
        .column(Column::new("note", SqlType::Text).nullable())
        .column(Column::new("score", SqlType::Integer).default(ColumnDefault::int(0)))
        .primary_key(["id"])
}

/// `orders(id, account_id -> accounts, total, status)`.
fn orders() -> TableDef {
    TableDef::new("orders")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("account_id", SqlType::BigInt))
        .column(Column::new("total", SqlType::Integer))
        .column(Column::new("status", status(&["new", "paid"])))
        .primary_key(["id"])
        .foreign_key(ForeignKey::to("accounts", ["id"]).columns(["account_id"]))
}

/// Replaces column `name` of `table`.
fn with_column(mut table: TableDef, name: &str, f: impl FnOnce(Column) -> Column) -> TableDef {
    let position = table.columns.iter().position(|c| c.name == name).unwrap();
    let column = table.columns.remove(position);
    table.columns.insert(position, f(column));
    table
}

fn without_column(mut table: TableDef, name: &str) -> TableDef {
    table.columns.retain(|c| c.name != name);
    table
}

struct Case {
    name: &'static str,
    a: Schema,
    b: Schema,
    acknowledged: &'static [&'static str],
    /// Rows inserted into A, and a query whose single value after migrating must be `expected`.
    rows: Option<(&'static str, &'static str, &'static str)>,
}

/// A case whose schemas are built by hand (views, triggers, functions).
fn case_of(name: &'static str, a: SchemaBuilder, b: SchemaBuilder) -> Case {
    let build = |s: SchemaBuilder| s.build().unwrap_or_else(|e| panic!("{e}"));
    Case {
        name,
        a: build(a),
        b: build(b),
        acknowledged: &[],
        rows: None,
    }
}

fn builder(tables: Vec<TableDef>) -> SchemaBuilder {
    tables
        .into_iter()
        .fold(Schema::builder(), |b, t| b.table_def(t))
}

fn scores_view(sql: &str) -> View {
    View::new("account_scores", sql)
}

/// A trigger refusing negative scores, on every engine.
fn no_negative_scores() -> Trigger {
    Trigger::new("accounts_no_negative_score", "accounts", TriggerTiming::Before, [TriggerEvent::Insert])
        .body(Engine::Postgres, "IF NEW.score < 0 THEN\n  RAISE EXCEPTION 'negative score';\nEND IF;\nRETURN NEW;")
        .body(Engine::MySql, "IF NEW.score < 0 THEN\n  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative score';\nEND IF;")
        .body(Engine::Sqlite, "SELECT RAISE(ABORT, 'negative score');")
        .when("NEW.score < 0")
}

/// `accounts` with a `changed_at` stamp.
fn stamped() -> TableDef {
    accounts().column(Column::new("changed_at", SqlType::TimestampTz).default(ColumnDefault::Now))
}

fn case(name: &'static str, a: Vec<TableDef>, b: Vec<TableDef>) -> Case {
    Case {
        name,
        a: schema(a),
        b: schema(b),
        acknowledged: &[],
        rows: None,
    }
}

impl Case {
    fn acknowledge(mut self, keys: &'static [&'static str]) -> Self {
        self.acknowledged = keys;
        self
    }

    fn rows(mut self, insert: &'static str, query: &'static str, expected: &'static str) -> Self {
        self.rows = Some((insert, query, expected));
        self
    }
}

const ACCOUNT_ROW: &str =
    "INSERT INTO accounts (id, email, note, score) VALUES (1, 'ada@example.com', NULL, 7)";

fn cases() -> Vec<Case> {
    let base = || vec![accounts(), orders()];
    let with_accounts = |t: TableDef| vec![t, orders()];
    vec![
        case(
            "add_nullable_column",
            base(),
            with_accounts(accounts().column(Column::new("phone", SqlType::Varchar(20)).nullable())),
        )
        .rows(ACCOUNT_ROW, "SELECT email FROM accounts", "ada@example.com"),
        case(
            "add_column_with_default",
            base(),
            with_accounts(accounts().column(
                Column::new("active", SqlType::Boolean).default(ColumnDefault::bool(true)),
            )),
        )
        .rows(ACCOUNT_ROW, "SELECT score FROM accounts", "7"),
        case(
            "add_required_column",
            base(),
            with_accounts(accounts().column(Column::new("region", SqlType::Text))),
        )
        .acknowledge(&["add required column accounts.region"]),
        case(
            "drop_column",
            base(),
            with_accounts(without_column(accounts(), "note")),
        )
        .acknowledge(&["drop column accounts.note"])
        .rows(ACCOUNT_ROW, "SELECT email FROM accounts", "ada@example.com"),
        case(
            "rename_column",
            base(),
            with_accounts(with_column(accounts(), "email", |c| {
                Column {
                    name: "mail".into(),
                    ..c
                }
                .renamed_from("email")
            })),
        )
        .rows(ACCOUNT_ROW, "SELECT mail FROM accounts", "ada@example.com"),
        case(
            "rename_table",
            vec![accounts()],
            vec![
                TableDef {
                    name: "members".into(),
                    ..accounts()
                }
                .renamed_from("accounts"),
            ],
        )
        .rows(ACCOUNT_ROW, "SELECT email FROM members", "ada@example.com"),
        case(
            "rename_referenced_table",
            base(),
            vec![
                TableDef {
                    name: "members".into(),
                    ..accounts()
                }
                .renamed_from("accounts"),
                TableDef {
                    foreign_keys: vec![ForeignKey::to("members", ["id"]).columns(["account_id"])],
                    ..orders()
                },
            ],
        )
        .rows(ACCOUNT_ROW, "SELECT count(*) FROM members", "1"),
        case("create_table", vec![accounts()], base()),
        case("drop_table", base(), vec![accounts()]).acknowledge(&["drop table orders"]),
        case("drop_referenced_and_referencing_tables", base(), vec![])
            .acknowledge(&["drop table accounts", "drop table orders"]),
        case(
            "widen_integer",
            base(),
            with_accounts(with_column(accounts(), "score", |c| Column {
                sql_type: SqlType::BigInt,
                ..c
            })),
        )
        .rows(ACCOUNT_ROW, "SELECT score FROM accounts", "7"),
        case(
            "narrow_integer",
            base(),
            with_accounts(with_column(accounts(), "score", |c| Column {
                sql_type: SqlType::SmallInt,
                ..c
            })),
        )
        .acknowledge(&["narrow column accounts.score"])
        .rows(ACCOUNT_ROW, "SELECT score FROM accounts", "7"),
        case(
            "widen_varchar",
            base(),
            with_accounts(with_column(accounts(), "email", |c| Column {
                sql_type: SqlType::Varchar(320),
                ..c
            })),
        )
        .rows(ACCOUNT_ROW, "SELECT email FROM accounts", "ada@example.com"),
        case(
            "narrow_varchar",
            base(),
            with_accounts(with_column(accounts(), "email", |c| Column {
                sql_type: SqlType::Varchar(50),
                ..c
            })),
        )
        .acknowledge(&["narrow column accounts.email"])
        .rows(ACCOUNT_ROW, "SELECT email FROM accounts", "ada@example.com"),
        case(
            "varchar_to_text",
            base(),
            with_accounts(with_column(accounts(), "email", |c| Column {
                sql_type: SqlType::Text,
                ..c
            })),
        ),
        case(
            "integer_to_text",
            base(),
            with_accounts(with_column(accounts(), "score", |c| Column {
                sql_type: SqlType::Text,
                default: None,
                ..c
            })),
        )
        .rows(ACCOUNT_ROW, "SELECT score FROM accounts", "7"),
        case(
            "make_nullable",
            base(),
            with_accounts(with_column(accounts(), "email", Column::nullable)),
        ),
        case(
            "make_not_null_with_default",
            base(),
            with_accounts(with_column(accounts(), "note", |c| {
                Column {
                    nullable: false,
                    ..c
                }
                .default(ColumnDefault::text("none"))
            })),
        )
        .rows(ACCOUNT_ROW, "SELECT note FROM accounts", "none"),
        case(
            "make_not_null_without_default",
            base(),
            with_accounts(with_column(accounts(), "note", |c| Column {
                nullable: false,
                ..c
            })),
        )
        .acknowledge(&["set not null accounts.note"]),
        case(
            "add_default",
            base(),
            with_accounts(with_column(accounts(), "note", |c| {
                c.default(ColumnDefault::text("-"))
            })),
        ),
        case(
            "drop_default",
            base(),
            with_accounts(with_column(accounts(), "score", |c| Column {
                default: None,
                ..c
            })),
        ),
        case(
            "change_default",
            base(),
            with_accounts(with_column(accounts(), "score", |c| {
                c.default(ColumnDefault::int(10))
            })),
        ),
        case(
            "add_check",
            base(),
            with_accounts(accounts().check("score >= 0")),
        )
        .rows(ACCOUNT_ROW, "SELECT score FROM accounts", "7"),
        case(
            "drop_check",
            with_accounts(accounts().check("score >= 0")),
            base(),
        ),
        case(
            "change_check",
            with_accounts(accounts().named_check("score_range", "score >= 0")),
            with_accounts(accounts().named_check("score_range", "score BETWEEN 0 AND 100")),
        ),
        case(
            "add_column_check",
            base(),
            with_accounts(accounts().column_check("score", "score < 1000")),
        ),
        case(
            "add_unique",
            base(),
            with_accounts(accounts().unique(["email"])),
        )
        .rows(ACCOUNT_ROW, "SELECT count(*) FROM accounts", "1"),
        case(
            "drop_unique",
            with_accounts(accounts().unique(["email"])),
            base(),
        ),
        case(
            "add_composite_unique",
            base(),
            with_accounts(accounts().unique(["email", "score"])),
        ),
        case(
            "add_foreign_key",
            vec![
                accounts(),
                TableDef {
                    foreign_keys: vec![],
                    ..orders()
                },
            ],
            base(),
        ),
        case(
            "drop_foreign_key",
            base(),
            vec![
                accounts(),
                TableDef {
                    foreign_keys: vec![],
                    ..orders()
                },
            ],
        ),
        case(
            "change_foreign_key_action",
            base(),
            vec![
                accounts(),
                TableDef {
                    foreign_keys: vec![
                        ForeignKey::to("accounts", ["id"])
                            .columns(["account_id"])
                            .on_delete(FkAction::Cascade),
                    ],
                    ..orders()
                },
            ],
        ),
        case(
            "add_index",
            base(),
            with_accounts(accounts().index(Index::on(["email"]))),
        ),
        case(
            "drop_index",
            with_accounts(accounts().index(Index::on(["email"]))),
            base(),
        ),
        case(
            "add_unique_index",
            base(),
            with_accounts(accounts().index(Index::on(["email"]).unique())),
        ),
        case(
            "add_descending_index",
            base(),
            with_accounts(
                accounts().index(Index::on(["score"]).part("score", KeyPart::new().desc())),
            ),
        ),
        case(
            "rename_indexed_column",
            with_accounts(accounts().index(Index::on(["email"]))),
            with_accounts(
                with_column(accounts(), "email", |c| {
                    Column {
                        name: "mail".into(),
                        ..c
                    }
                    .renamed_from("email")
                })
                .index(Index::on(["mail"])),
            ),
        )
        .rows(ACCOUNT_ROW, "SELECT mail FROM accounts", "ada@example.com"),
        case(
            "append_enum_value",
            base(),
            vec![
                accounts(),
                with_column(orders(), "status", |c| Column {
                    sql_type: status(&["new", "paid", "refunded"]),
                    ..c
                }),
            ],
        ),
        case(
            "insert_enum_value",
            base(),
            vec![
                accounts(),
                with_column(orders(), "status", |c| Column {
                    sql_type: status(&["new", "sent", "paid"]),
                    ..c
                }),
            ],
        ),
        case(
            "add_enum_value_used_as_default",
            base(),
            vec![
                accounts(),
                with_column(orders(), "status", |c| {
                    Column {
                        sql_type: status(&["draft", "new", "paid"]),
                        ..c
                    }
                    .default(ColumnDefault::text("draft"))
                }),
            ],
        ),
        case(
            "drop_enum_value",
            base(),
            vec![
                accounts(),
                with_column(orders(), "status", |c| Column {
                    sql_type: status(&["new"]),
                    ..c
                }),
            ],
        )
        .acknowledge(&["drop enum value order_status.paid"]),
        case(
            "add_enum_column",
            vec![accounts(), without_column(orders(), "status")],
            base(),
        )
        .acknowledge(&["add required column orders.status"]),
        case(
            "drop_enum_column",
            base(),
            vec![accounts(), without_column(orders(), "status")],
        )
        .acknowledge(&["drop column orders.status"]),
        case(
            "add_table_comment",
            base(),
            with_accounts(accounts().comment("People who pay")),
        ),
        case(
            "add_column_comment",
            base(),
            with_accounts(with_column(accounts(), "note", |c| c.comment("Free text"))),
        ),
        case(
            "add_primary_key",
            vec![TableDef {
                primary_key: None,
                ..accounts()
            }],
            vec![accounts()],
        ),
        case(
            "change_primary_key",
            vec![accounts()],
            vec![accounts().primary_key(["id", "email"])],
        ),
        case(
            "widen_decimal",
            vec![accounts().column(Column::new(
                "balance",
                SqlType::Decimal {
                    precision: Some(10),
                    scale: Some(2),
                },
            ))],
            vec![accounts().column(Column::new(
                "balance",
                SqlType::Decimal {
                    precision: Some(14),
                    scale: Some(2),
                },
            ))],
        ),
        case_of(
            "add_view",
            builder(base()),
            builder(base()).view_def(scores_view("SELECT id, score FROM accounts")),
        ),
        case_of(
            "drop_view",
            builder(base()).view_def(scores_view("SELECT id, score FROM accounts")),
            builder(base()),
        ),
        case_of(
            "change_view",
            builder(base()).view_def(scores_view("SELECT id, score FROM accounts")),
            builder(base()).view_def(scores_view(
                "SELECT id, score FROM accounts WHERE score > 0",
            )),
        ),
        case_of(
            "retype_a_column_a_view_reads",
            builder(base()).view_def(scores_view("SELECT id, score FROM accounts")),
            builder(with_accounts(with_column(accounts(), "score", |c| {
                Column {
                    sql_type: SqlType::BigInt,
                    ..c
                }
            })))
            .view_def(scores_view("SELECT id, score FROM accounts")),
        )
        .rows(ACCOUNT_ROW, "SELECT score FROM account_scores", "7"),
        case_of(
            "rename_a_table_a_view_reads",
            builder(vec![accounts()]).view_def(scores_view("SELECT id, score FROM accounts")),
            builder(vec![
                TableDef {
                    name: "members".into(),
                    ..accounts()
                }
                .renamed_from("accounts"),
            ])
            .view_def(scores_view("SELECT id, score FROM members")),
        )
        .rows(ACCOUNT_ROW, "SELECT score FROM account_scores", "7"),
        case_of(
            "add_trigger",
            builder(base()),
            builder(base()).trigger(no_negative_scores()),
        )
        .rows(ACCOUNT_ROW, "SELECT count(*) FROM accounts", "1"),
        case_of(
            "drop_trigger",
            builder(base()).trigger(no_negative_scores()),
            builder(base()),
        ),
        case_of(
            "add_column_to_a_table_with_a_trigger",
            builder(base()).trigger(no_negative_scores()),
            builder(with_accounts(
                accounts().column(Column::new("phone", SqlType::Text).nullable()),
            ))
            .trigger(no_negative_scores()),
        )
        .rows(ACCOUNT_ROW, "SELECT score FROM accounts", "7"),
        case(
            "add_updated_at",
            with_accounts(stamped()),
            with_accounts(stamped().updated_at("changed_at")),
        ),
        case(
            "drop_updated_at",
            with_accounts(stamped().updated_at("changed_at")),
            with_accounts(stamped()),
        ),
        case("add_audit", base(), with_accounts(accounts().audited())),
        case(
            "alter_an_audited_table",
            with_accounts(accounts().audited()),
            with_accounts(
                accounts()
                    .audited()
                    .column(Column::new("phone", SqlType::Text).nullable()),
            ),
        )
        .rows(ACCOUNT_ROW, "SELECT email FROM accounts", "ada@example.com"),
        case(
            "create_tables_referencing_each_other",
            vec![],
            vec![
                TableDef::new("a")
                    .column(Column::new("id", SqlType::BigInt))
                    .column(Column::new("b_id", SqlType::BigInt).nullable())
                    .primary_key(["id"])
                    .foreign_key(ForeignKey::to("b", ["id"]).columns(["b_id"])),
                TableDef::new("b")
                    .column(Column::new("id", SqlType::BigInt))
                    .column(Column::new("a_id", SqlType::BigInt).nullable())
                    .primary_key(["id"])
                    .foreign_key(ForeignKey::to("a", ["id"]).columns(["a_id"])),
            ],
        ),
    ]
}

/// Runs every case on `engine`, spread over `streams` threads with their own databases.
fn run(engine: schema_core::Engine, streams: usize) {
    let count = cases().len();
    assert!(count >= 40, "{count} cases");
    if Lab::new(engine).is_none() {
        return;
    }
    let threads: Vec<_> = (0..streams)
        .map(|stream| {
            std::thread::spawn(move || {
                let mut lab = Lab::new(engine).expect("engine available");
                for case in cases().into_iter().skip(stream).step_by(streams) {
                    let setup = |db: &mut TestDb| {
                        if let Some((insert, _, _)) = case.rows {
                            db.run(insert);
                        }
                    };
                    let verify = |db: &mut TestDb| {
                        if let Some((_, query, expected)) = case.rows {
                            // Text unique to the case: a reused connection must not reuse
                            // a plan made for another case's column type.
                            let query = format!("{query} -- {}", case.name);
                            assert_eq!(
                                db.value(&query).as_deref(),
                                Some(expected),
                                "{engine} {}",
                                case.name
                            );
                        }
                    };
                    round_trip(
                        &mut lab,
                        case.name,
                        &case.a,
                        &case.b,
                        case.acknowledged,
                        &setup,
                        &verify,
                    );
                }
            })
        })
        .collect();
    let panicked = threads
        .into_iter()
        .map(|t| t.join())
        .filter(Result::is_err)
        .count();
    assert_eq!(
        panicked, 0,
        "{engine}: {panicked} stream(s) failed (see above)"
    );
}

#[test]
fn hand_written_cases_on_postgres() {
    run(schema_core::Engine::Postgres, 3);
}

#[test]
fn hand_written_cases_on_mysql() {
    run(schema_core::Engine::MySql, 3);
}

#[test]
fn hand_written_cases_on_sqlite() {
    run(schema_core::Engine::Sqlite, 1);
}
