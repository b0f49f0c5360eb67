use schema_core::Domain;

#[derive(Domain)]
#[domain(name = "email", chek = "VALUE LIKE '%@%'")]
pub struct Email(pub String);

#[derive(Domain)]
#[domain(name = "count")]
pub struct Count(pub i32);

#[derive(Domain)]
#[domain(varchar(10), text, check = "VALUE <> ''")]
pub struct Code(pub String);

#[derive(Domain)]
#[domain(check = 5)]
pub struct Weird {
    pub inner: i32,
}

fn main() {}
