use schema_core::Table;

#[derive(Table)]
#[table(
    index(columns(body), methd = gin),
    index(columns(at dsc)),
    index(columns(body), method = gim),
    exclude(using = gist, elemnts((at, "&&"))),
    unique(columns(at), nulls_not_distinkt)
)]
pub struct Doc {
    #[column(primary_key)]
    pub id: i64,
    #[column(text, collation(postgress = "C"))]
    pub body: String,
    #[column(generatd = "id * 2")]
    pub twice: i64,
    #[column(default = uuid)]
    pub token: uuid::Uuid,
    pub at: i64,
}

fn main() {}
