//! Roles are shared by every database of a server, so tests that create them use unique names
//! and drop them afterwards, after their database is gone.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::{AnyConnection, AssertSqlSafe, Connection};

/// A suffix no other test (or concurrent run) uses: process id and a counter.
pub fn unique_suffix() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!(
        "{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// Drops roles (and MySQL users) when it goes out of scope: declare it before the `TestDb`, so
/// it is dropped after the database.
pub struct RoleGuard {
    url_variable: &'static str,
    statements: Vec<String>,
}

impl RoleGuard {
    /// PostgreSQL roles (dropping one still used by another database fails and is only
    /// reported: roles the example scripts share are dropped by whichever test ends last).
    pub fn postgres(roles: Vec<String>) -> RoleGuard {
        RoleGuard {
            url_variable: "SCHEMA_TEST_POSTGRES_URL",
            statements: roles
                .into_iter()
                .map(|r| format!("DROP ROLE IF EXISTS \"{r}\""))
                .collect(),
        }
    }

    /// MySQL/MariaDB login users (`'name'@'%'`) and roles.
    pub fn mysql(users: Vec<String>, roles: Vec<String>) -> RoleGuard {
        let mut statements: Vec<String> = users
            .into_iter()
            .map(|u| format!("DROP USER IF EXISTS '{u}'@'%'"))
            .collect();
        statements.extend(
            roles
                .into_iter()
                .map(|r| format!("DROP ROLE IF EXISTS '{r}'")),
        );
        RoleGuard {
            url_variable: "SCHEMA_TEST_MYSQL_URL",
            statements,
        }
    }
}

impl Drop for RoleGuard {
    fn drop(&mut self) {
        let Ok(url) = std::env::var(self.url_variable) else {
            return;
        };
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        runtime.block_on(async {
            sqlx::any::install_default_drivers();
            if let Ok(mut connection) = AnyConnection::connect(&url).await {
                for statement in &self.statements {
                    if let Err(error) = sqlx::raw_sql(AssertSqlSafe(statement.clone()))
                        .execute(&mut connection)
                        .await
                    {
                        eprintln!("cleanup: {statement}: {error}");
                    }
                }
                connection.close().await.ok();
            }
        });
    }
}
