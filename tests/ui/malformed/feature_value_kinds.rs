use schema_core::Table;

#[derive(Table)]
#[table(
    index(columns(body), method = "gin"),
    index(columns(body(0))),
    index(columns(body), engines(oracle)),
    exclude(using = gist, elements(at, "&&")),
    without_rowid = true
)]
pub struct Doc {
    #[column(primary_key)]
    pub id: i64,
    #[column(text, collation = "C")]
    pub body: String,
    #[column(generated = id * 2)]
    pub twice: i64,
    #[column(references = Doc, deferrable = later)]
    pub parent: Option<i64>,
    pub at: i64,
}

fn main() {}
