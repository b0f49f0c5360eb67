use schema_core::Table;

#[derive(Table)]
#[table(
    index(columns(body), fulltext, unique),
    index(columns(at), method = gin, unique),
    index(columns(at), nulls_not_distinct),
    index(columns(at desc asc))
)]
pub struct Doc {
    #[column(primary_key)]
    pub id: i64,
    #[column(text)]
    pub body: String,
    #[column(generated = "id * 2", stored, virtual)]
    pub twice: i64,
    #[column(generated = "id * 3", default = 0)]
    pub thrice: i64,
    #[column(stored)]
    pub plain: i64,
    #[column(deferrable = initially_deferred, match_full)]
    pub parent: Option<i64>,
    pub at: i64,
    #[column(array)]
    pub not_a_list: String,
}

fn main() {}
