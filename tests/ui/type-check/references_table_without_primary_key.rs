use schema_core::Table;

#[derive(Table)]
pub struct AuditLog {
    pub message: String,
}

#[derive(Table)]
pub struct Note {
    #[column(references = AuditLog)]
    pub log_id: i64,
}

fn main() {}
