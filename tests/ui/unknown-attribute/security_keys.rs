use schema_core::Table;

#[derive(Table)]
#[table(
    tenant_isolated(by = tenant_id, setting_name = "app.tenant_id"),
    policy(name = "p", comand = select, using = "true"),
    policy(name = "q", command = selct, using = "owner = current_user"),
    row_security(not_force),
    grant(selct, to(app)),
    grant(select, to(app), too(other))
)]
pub struct Invoice {
    #[column(primary_key)]
    pub id: i64,
    pub tenant_id: i64,
}

fn main() {}
