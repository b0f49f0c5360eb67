use schema_core::Table;

#[derive(Table)]
#[table(
    tenant_isolated,
    policy(command = select, using = "true"),
    policy(name = "p", using = true),
    grant(select, insert),
    grant(delete(tenant_id), to(app)),
    grant(select, to = app),
    grant(to(app))
)]
pub struct Invoice {
    #[column(primary_key)]
    pub id: i64,
    pub tenant_id: i64,
}

#[derive(Table)]
#[table(tenant_isolated(setting = "app.tenant_id"), tenant_isolated(by = id), tenant_isolated(by = id))]
pub struct Payment {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(tenant_isolated(by = tenant), grant(update(totl), to(app)))]
pub struct Line {
    #[column(primary_key)]
    pub id: i64,
    pub tenant_id: i64,
    pub total: i64,
}

fn main() {}
