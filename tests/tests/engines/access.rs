//! Roles and grants on the real engines: created re-runnably, effective (a granted read works, a
//! privilege not granted is refused), least privilege for `PUBLIC`; PostgreSQL's catalogs show
//! every table with policies enabled, forced and covered. SQLite has no users: unscoped roles
//! are left out of its script, roles declared for it are an error.

use schema_core::{
    Column, DefaultObjects, DefaultPrivileges, Engine, Grant, Identity, Privilege, Role, Schema,
    SqlType, TableDef, TenantIsolation,
};
use schema_dialects::dialect;
use schema_tests::{RoleGuard, TestDb, unique_suffix};

use crate::support::apply;

struct Names {
    readers: String,
    writers: String,
    app: String,
    outsider: String,
}

impl Names {
    fn new(prefix: &str) -> Names {
        let suffix = unique_suffix();
        Names {
            readers: format!("{prefix}_readers_{suffix}"),
            writers: format!("{prefix}_writers_{suffix}"),
            app: format!("{prefix}_app_{suffix}"),
            outsider: format!("{prefix}_outsider_{suffix}"),
        }
    }
}

/// `accounts` (readable by readers, `display_name` updatable by writers), `secrets` (granted to
/// nobody), `documents` (tenant-isolated on PostgreSQL only).
fn schema(names: &Names) -> Schema {
    Schema::builder()
        .role(Role::group(&names.readers).comment("reads accounts"))
        .role(Role::group(&names.writers).member_of([&names.readers]))
        .role(Role::login(&names.app).member_of([&names.writers]))
        .role(Role::login(&names.outsider))
        .grant(Grant::on_schema("public", [Privilege::Usage]).to([&names.readers, &names.outsider]))
        .grant(Grant::on_table("accounts", [Privilege::Select]).to([&names.readers]))
        .grant(
            Grant::on_columns("accounts", ["display_name"], [Privilege::Update])
                .to([&names.writers]),
        )
        .grant(
            Grant::on_table("documents", [Privilege::Select, Privilege::Insert])
                .to([&names.readers]),
        )
        // Sequences and default privileges are PostgreSQL's; MySQL writes neither.
        .grant(
            Grant::on_sequence("accounts_id_seq", [Privilege::Usage])
                .to([&names.writers])
                .only_on([Engine::Postgres]),
        )
        .default_privileges(
            DefaultPrivileges::on(DefaultObjects::Tables, [Privilege::Select])
                .in_schema("public")
                .to([&names.readers]),
        )
        .table_def(
            TableDef::new("accounts")
                .column(Column::new("id", SqlType::BigInt).identity(Identity::ByDefault))
                .column(Column::new("email", SqlType::Varchar(320)))
                .column(Column::new("display_name", SqlType::Varchar(100)))
                .primary_key(["id"]),
        )
        .table_def(
            TableDef::new("secrets")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("value", SqlType::Text))
                .primary_key(["id"]),
        )
        .table_def(
            TableDef::new("documents")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("tenant_id", SqlType::BigInt))
                .primary_key(["id"])
                .tenant_isolated(TenantIsolation::by("tenant_id"))
                .row_security_only_on([Engine::Postgres]),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn postgres_roles_are_rerunnable_grants_effective_and_public_gets_nothing() {
    let names = Names::new("pga");
    let _guard = RoleGuard::postgres(vec![
        names.app.clone(),
        names.outsider.clone(),
        names.writers.clone(),
        names.readers.clone(),
    ]);
    let Some(mut db) = TestDb::new(Engine::Postgres) else {
        return;
    };
    let schema = schema(&names);
    let script = apply(&mut db, &schema);
    // Roles are cluster-wide: the role part of the script runs again without error.
    for statement in script.statements.iter().filter(|s| {
        s.starts_with("DO $$") || s.starts_with("GRANT") || s.starts_with("COMMENT ON ROLE")
    }) {
        db.run(statement);
    }
    assert_eq!(
        db.column(&format!(
            "SELECT rolname::text || ':' || rolcanlogin::text || ':' || rolbypassrls::text FROM pg_roles WHERE rolname IN ('{}', '{}') ORDER BY rolname",
            names.app, names.readers
        )),
        [format!("{}:true:false", names.app), format!("{}:false:false", names.readers)]
    );
    // Membership through two levels: app -> writers -> readers.
    assert_eq!(
        db.value(&format!(
            "SELECT pg_has_role('{}', '{}', 'USAGE')::text",
            names.app, names.readers
        )),
        Some("true".into())
    );
    // The catalog holds exactly the declared grants.
    let privilege = |db: &mut TestDb, role: &str, object: &str, what: &str| {
        db.value(&format!(
            "SELECT has_table_privilege('{role}', '{object}', '{what}')::text"
        ))
        .unwrap()
    };
    assert_eq!(privilege(&mut db, &names.app, "accounts", "SELECT"), "true");
    assert_eq!(
        privilege(&mut db, &names.app, "accounts", "DELETE"),
        "false"
    );
    assert_eq!(privilege(&mut db, &names.app, "secrets", "SELECT"), "false");
    assert_eq!(
        db.value(&format!(
            "SELECT has_column_privilege('{}', 'accounts', 'display_name', 'UPDATE')::text || has_column_privilege('{}', 'accounts', 'email', 'UPDATE')::text",
            names.app, names.app
        )),
        Some("truefalse".into())
    );
    assert_eq!(
        db.column(&format!(
            "SELECT table_name::text || ':' || privilege_type::text FROM information_schema.role_table_grants WHERE grantee = '{}' ORDER BY 1",
            names.readers
        )),
        ["accounts:SELECT", "documents:INSERT", "documents:SELECT"]
    );
    // Least privilege: PUBLIC holds nothing on the schema, the database or the tables.
    assert_eq!(
        db.value("SELECT count(*)::text FROM information_schema.role_table_grants WHERE grantee = 'PUBLIC' AND table_schema = 'public'"),
        Some("0".into())
    );
    assert_eq!(
        db.value("SELECT has_schema_privilege('public', 'public', 'USAGE')::text || has_database_privilege('public', current_database(), 'CONNECT')::text"),
        Some("falsefalse".into())
    );
    // Every table with policies has row-level security enabled, forced and covered.
    assert_eq!(
        db.column(
            "SELECT c.relname::text || ':' || c.relrowsecurity::text || ':' || c.relforcerowsecurity::text || ':' || (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname)::text FROM pg_class c WHERE c.relname IN ('accounts', 'secrets', 'documents') ORDER BY 1"
        ),
        ["accounts:false:false:0", "documents:true:true:1", "secrets:false:false:0"]
    );

    // The sequence grant, and the default privileges: a table created later by the same role is
    // readable by the readers without a grant of its own.
    assert_eq!(
        db.value(&format!(
            "SELECT has_sequence_privilege('{}', 'accounts_id_seq', 'USAGE')::text",
            names.app
        )),
        Some("true".into())
    );
    db.run("CREATE TABLE later_table (id int)");
    assert_eq!(
        privilege(&mut db, &names.readers, "later_table", "SELECT"),
        "true"
    );
    assert_eq!(
        privilege(&mut db, &names.readers, "later_table", "INSERT"),
        "false"
    );

    // Behaviour, logged in for real.
    db.run("INSERT INTO accounts (email, display_name) VALUES ('a@example.org', 'A')");
    let mut app = db.connect_as(&names.app, None).expect("login as app");
    assert_eq!(app.column("SELECT email FROM accounts"), ["a@example.org"]);
    assert_eq!(
        app.affected("UPDATE accounts SET display_name = 'B'"),
        Ok(1)
    );
    for refused in [
        "UPDATE accounts SET email = 'x@example.org'",
        "DELETE FROM accounts",
        "SELECT * FROM secrets",
        "INSERT INTO secrets VALUES (1, 'x')",
        "CREATE TABLE app_table (id int)",
    ] {
        let message = app.affected(refused).unwrap_err();
        assert!(
            message.contains("permission denied"),
            "{refused}: {message}"
        );
    }
    // A login role with no grant on the tables reaches nothing.
    let mut outsider = db
        .connect_as(&names.outsider, None)
        .expect("login as outsider");
    let message = outsider.try_rows("SELECT * FROM accounts").unwrap_err();
    assert!(message.contains("permission denied"), "{message}");
    // An undeclared role cannot even connect (CONNECT was taken from PUBLIC).
    let stranger = format!("pga_stranger_{}", unique_suffix());
    let _stranger_guard = RoleGuard::postgres(vec![stranger.clone()]);
    db.run(&format!("CREATE ROLE {stranger} LOGIN"));
    let refused = db.connect_as(&stranger, None).err().unwrap_or_default();
    assert!(
        refused.contains("permission denied for database"),
        "{refused}"
    );
}

#[test]
fn mariadb_roles_and_grants_are_applied_and_effective() {
    let names = Names::new("mya");
    let _guard = RoleGuard::mysql(
        vec![names.app.clone(), names.outsider.clone()],
        vec![names.writers.clone(), names.readers.clone()],
    );
    let Some(mut db) = TestDb::new(Engine::MySql) else {
        return;
    };
    let schema = schema(&names);
    let script = apply(&mut db, &schema);
    assert!(
        script
            .to_string()
            .contains("-- row-level security of documents is not enforced on MySQL"),
        "{script}"
    );
    // Re-runnable: the role statements run again.
    for statement in script.statements.iter().filter(|s| {
        s.starts_with("CREATE ROLE") || s.starts_with("CREATE USER") || s.starts_with("GRANT '")
    }) {
        db.run(statement);
    }
    // Login roles are created locked (no password would mean anyone): unlock for the test.
    for user in [&names.app, &names.outsider] {
        db.run(&format!(
            "ALTER USER '{user}'@'%' IDENTIFIED BY 'pw-{user}' ACCOUNT UNLOCK"
        ));
    }
    db.run("INSERT INTO accounts (email, display_name) VALUES ('a@example.org', 'A')");
    let mut app = db
        .connect_as(&names.app, Some(&format!("pw-{}", names.app)))
        .expect("login as app");
    // The default role (writers, which holds readers) is active at login.
    assert_eq!(
        app.value("SELECT CURRENT_ROLE()"),
        Some(names.writers.clone())
    );
    assert_eq!(app.column("SELECT email FROM accounts"), ["a@example.org"]);
    assert_eq!(
        app.affected("UPDATE accounts SET display_name = 'B'"),
        Ok(1)
    );
    for refused in [
        "UPDATE accounts SET email = 'x@example.org'",
        "DELETE FROM accounts",
        "SELECT * FROM secrets",
    ] {
        let message = app.affected(refused).unwrap_err();
        assert!(
            message.contains("denied"),
            "{refused} should be refused: {message}"
        );
    }
    // A user with no grant in the database cannot even use it.
    let refused = db
        .connect_as(&names.outsider, Some(&format!("pw-{}", names.outsider)))
        .err()
        .unwrap_or_default();
    assert!(refused.contains("Access denied"), "{refused}");
    // Catalog: the grants are recorded for the roles.
    assert_eq!(
        db.column(&format!(
            "SELECT CONCAT(Table_name, ':', Table_priv) FROM mysql.tables_priv WHERE User = '{}' AND Db = DATABASE() ORDER BY 1",
            names.readers
        )),
        ["accounts:Select", "documents:Select,Insert"]
    );
}

#[test]
fn sqlite_leaves_unscoped_roles_out_and_refuses_roles_declared_for_it() {
    let names = Names::new("lite");
    let schema = schema(&names);
    let script = dialect(Engine::Sqlite).render(&schema).unwrap();
    let text = script.to_string();
    assert!(!text.contains("ROLE") && !text.contains("GRANT"), "{text}");
    assert!(text.contains("-- row-level security of documents is not enforced on SQLite"));
    if let Some(mut db) = TestDb::new(Engine::Sqlite) {
        apply(&mut db, &schema);
    }

    let scoped = Schema::builder()
        .role(Role::group("readers").only_on([Engine::Sqlite]))
        .grant(
            Grant::on_table("t", [Privilege::Select])
                .to(["readers"])
                .only_on([Engine::Sqlite]),
        )
        .table_def(TableDef::new("t").column(Column::new("id", SqlType::BigInt)))
        .build()
        .unwrap();
    let errors = dialect(Engine::Sqlite)
        .render(&scoped)
        .unwrap_err()
        .to_string();
    assert!(
        errors.contains("role `readers` is declared for SQLite, which has no users or roles"),
        "{errors}"
    );
    assert!(errors.contains("a grant on table"), "{errors}");
}

#[test]
fn row_security_unscoped_is_refused_where_the_engine_has_none() {
    let schema = Schema::builder()
        .table_def(
            TableDef::new("documents")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("tenant_id", SqlType::BigInt))
                .tenant_isolated(TenantIsolation::by("tenant_id")),
        )
        .build()
        .unwrap();
    for engine in [Engine::MySql, Engine::Sqlite] {
        let errors = dialect(engine).render(&schema).unwrap_err().to_string();
        assert!(
            errors.contains(&format!(
                "{engine} has no row-level security, so the policies of `documents` cannot be enforced there"
            )),
            "{errors}"
        );
    }
    assert!(dialect(Engine::Postgres).render(&schema).is_ok());
}

#[test]
fn mariadb_refuses_a_login_role_in_two_groups_and_says_how_to_nest_them() {
    let schema = Schema::builder()
        .role(Role::group("readers"))
        .role(Role::group("writers"))
        .role(Role::login("app").member_of(["readers", "writers"]))
        .build()
        .unwrap();
    let errors = dialect(Engine::MySql)
        .render(&schema)
        .unwrap_err()
        .to_string();
    assert!(
        errors.contains("login role `app` is a member of 2 groups, but MySQL activates one default role per user"),
        "{errors}"
    );
    assert!(
        errors.contains("make it a member of one group, and that group a member of the others")
    );
    // PostgreSQL inherits every group's privileges.
    assert!(dialect(Engine::Postgres).render(&schema).is_ok());
}
