//! Validation of roles, grants and row-level security: every problem at once, named, with what
//! to write instead; the S5xx pitfalls refused unless the table allows them with a reason.

use schema_core::advisor::advise;
use schema_core::{
    Column, Grant, Policy, PolicyCommand, Privilege, Role, RowSecurity, Schema, SchemaBuilder,
    SqlType, TableDef, TenantIsolation,
};

fn docs() -> TableDef {
    TableDef::new("docs")
        .comment("Documents")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("tenant_id", SqlType::Uuid))
        .primary_key(["id"])
}

fn errors(builder: SchemaBuilder) -> Vec<String> {
    builder
        .build()
        .unwrap_err()
        .into_iter()
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn each_pitfall_is_refused_with_its_code_and_the_way_to_waive_it() {
    let found = errors(
        Schema::builder()
            .role(Role::group("app"))
            .table_def(
                TableDef::new("locked")
                    .column(Column::new("id", SqlType::BigInt))
                    .row_security(RowSecurity::Forced),
            )
            .table_def(
                TableDef::new("ignored")
                    .column(Column::new("id", SqlType::BigInt))
                    .row_security(RowSecurity::Off)
                    .policy(
                        Policy::new("p")
                            .command(PolicyCommand::Select)
                            .using("id > 0"),
                    ),
            )
            .table_def(
                docs()
                    .policy(
                        Policy::new("docs_write")
                            .command(PolicyCommand::Insert)
                            .to(["app"]),
                    )
                    .policy(
                        Policy::new("docs_all")
                            .to(["app"])
                            .using("true")
                            .with_check("true"),
                    ),
            )
            .table_def(
                TableDef::new("owned")
                    .column(Column::new("tenant_id", SqlType::BigInt))
                    .tenant_isolated(TenantIsolation::by("tenant_id"))
                    .row_security(RowSecurity::NotForced),
            ),
    );
    let expected = [
        "table `docs`: policy `docs_all` gives every row to `app`, which is not an admin role [S504]",
        "table `docs`: policy `docs_write` (FOR INSERT) has no WITH CHECK",
        "table `ignored`: row-level security is off, so policy `p` is ignored",
        "table `locked`: row-level security is on but the table has no policy",
        "table `owned`: row-level security is not forced, so the table owner bypasses every policy [S505]",
    ];
    for text in expected {
        assert!(
            found.iter().any(|e| e.contains(text)),
            "missing {text}:\n{found:#?}"
        );
    }
    assert!(found.iter().all(|e| e.contains("allow(S50")), "{found:#?}");
    assert_eq!(found.len(), 5, "{found:#?}");
}

#[test]
fn an_allow_with_a_reason_waives_a_pitfall_and_the_advisor_reports_it() {
    let schema = Schema::builder()
        .table_def(
            docs()
                .row_security(RowSecurity::NotForced)
                .tenant_isolated(TenantIsolation::by("tenant_id"))
                .allow(
                    "S505",
                    "the owner is the nightly export job, which reads every tenant",
                ),
        )
        .build()
        .unwrap();
    let advice = advise(&schema);
    assert!(advice.findings.is_empty(), "{advice}");
    assert_eq!(advice.suppressed.len(), 1);
    assert_eq!(advice.suppressed[0].finding.code, "S505");
    // An empty reason waives nothing.
    let found = errors(
        Schema::builder().table_def(
            docs()
                .row_security(RowSecurity::NotForced)
                .tenant_isolated(TenantIsolation::by("tenant_id"))
                .allow("S505", " "),
        ),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn true_is_allowed_for_admin_roles_and_restrictive_policies() {
    Schema::builder()
        .role(Role::login("support").admin())
        .table_def(
            docs()
                .tenant_isolated(TenantIsolation::by("tenant_id"))
                .policy(
                    Policy::new("support_reads")
                        .command(PolicyCommand::Select)
                        .to(["support"])
                        .using("TRUE"),
                )
                .policy(
                    Policy::new("always")
                        .restrictive()
                        .using("true")
                        .with_check("true"),
                ),
        )
        .build()
        .unwrap();
}

#[test]
fn names_are_checked_and_every_problem_reported_at_once() {
    let found = errors(
        Schema::builder()
            .role(Role::group("readers"))
            .role(Role::group("readers"))
            .role(Role::group("Bad-Name"))
            .role(Role::login("app").member_of(["reader", "app"]))
            .role(Role::group("a").member_of(["b"]))
            .role(Role::group("b").member_of(["a"]))
            .grant(Grant::on_table("doc", [Privilege::Select]).to(["readers"]))
            .grant(Grant::on_table("docs", [Privilege::Execute]).to(["public"]))
            .grant(Grant::on_columns("docs", ["tenant"], [Privilege::Update]))
            .table_def(
                docs()
                    .tenant_isolated(TenantIsolation::by("tenant").setting("tenant").to(["apps"]))
                    .policy(
                        Policy::new("p")
                            .command(PolicyCommand::Select)
                            .to(["readerz"])
                            .using("id > 0")
                            .with_check("id > 0"),
                    )
                    .policy(Policy::new("p").command(PolicyCommand::Delete))
                    .policy(
                        Policy::new("docs_tenant_isolation")
                            .command(PolicyCommand::Insert)
                            .using("true")
                            .with_check("true"),
                    ),
            ),
    );
    let expected = [
        "role `readers` is declared twice",
        "role `Bad-Name`: the name is not a plain lower-case identifier",
        "role `app` is a member of itself",
        "role `app` is a member of role `reader`, which is not declared\n  help: did you mean `readers`?",
        "role membership forms a cycle: a -> b -> a",
        "grant on table `doc` names table `doc`, which is not in the schema\n  help: did you mean `docs`?",
        "grant on table `docs`: a table has no EXECUTE privilege",
        "grant on table `docs` is to role `public`, which is not declared\n  help: nothing is granted to PUBLIC",
        "a column grant names column `tenant`, which does not exist\n  help: did you mean `tenant_id`?",
        "grant on columns `docs (tenant)` names no role",
        "tenant isolation names column `tenant`, which does not exist",
        "tenant isolation reads setting `tenant`, which is not a custom setting name",
        "tenant isolation (policy `docs_tenant_isolation`) is to role `apps`, which is not declared",
        "policy `p` is to role `readerz`, which is not declared\n  help: did you mean `readers`?",
        "policy `p` (FOR SELECT) has a WITH CHECK condition",
        "policy `p` is declared twice",
        "policy `p` has no condition",
        "policy `docs_tenant_isolation` is declared twice",
        "policy `docs_tenant_isolation` (FOR INSERT) has a USING condition",
    ];
    let all = found.join("\n");
    for text in expected {
        assert!(all.contains(text), "missing {text}:\n{all}");
    }
}

#[test]
fn the_model_round_trips_through_serde_and_stays_compact_without_security() {
    let plain = Schema::builder().table_def(docs()).build().unwrap();
    let json = serde_json::to_string(&plain).unwrap();
    assert!(!json.contains("security"), "{json}");
    let secured = Schema::builder()
        .role(Role::login("app"))
        .grant(Grant::on_table("docs", [Privilege::Select]).to(["app"]))
        .table_def(docs().tenant_isolated(TenantIsolation::by("tenant_id")))
        .build()
        .unwrap();
    let json = serde_json::to_string(&secured).unwrap();
    let back: Schema = serde_json::from_str(&json).unwrap();
    assert_eq!(back, secured);
}
