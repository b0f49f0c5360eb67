//! The HTML viewer and the data dictionary: structure, escaping, self-containment. (Behaviour in
//! a real browser is checked by `tests/browser/run.sh`.)

use schema_core::{Column, Engine, ForeignKey, Schema, SqlType, TableDef};
use schema_dialects::{dictionary, viewer};

fn example() -> Schema {
    saas_billing_schema::schema().build().unwrap()
}

#[test]
fn viewer_has_every_table_and_relationship_and_fetches_nothing() {
    let schema = example();
    let page = viewer::html(&schema, &Engine::ALL);
    for table in &schema.tables {
        assert!(
            page.contains(&format!("data-table=\"{}\"", table.name)),
            "{} missing",
            table.name
        );
    }
    let fks: usize = schema.tables.iter().map(|t| t.foreign_keys.len()).sum();
    assert_eq!(page.matches("<path class=\"edge").count(), fks);
    for forbidden in [
        "http://", "https://", "src=", "<link", "@import", "url(http",
    ] {
        assert!(
            !page.contains(forbidden),
            "the page must not load {forbidden}"
        );
    }
    assert_eq!(
        page.matches("<script").count(),
        2,
        "the data and the script"
    );
    assert!(
        page.contains("BINARY(16)"),
        "per-engine types are in the page"
    );
}

#[test]
fn viewer_is_deterministic() {
    assert_eq!(
        viewer::html(&example(), &Engine::ALL),
        viewer::html(&example(), &Engine::ALL)
    );
}

fn hostile() -> Schema {
    let nasty = "</script><script>alert(1)</script>\"'&<b>\n\u{0}é";
    Schema::builder()
        .table_def(
            TableDef::new(format!("t{nasty}"))
                .comment(nasty)
                .column(Column::new(format!("c{nasty}"), SqlType::BigInt).comment(nasty))
                .primary_key([format!("c{nasty}")])
                .check(format!("1 = 1 -- {nasty}")),
        )
        .table_def(
            TableDef::new("self")
                .column(Column::new("id", SqlType::BigInt))
                .column(Column::new("parent", SqlType::BigInt).nullable())
                .column(Column::new("t", SqlType::BigInt))
                .primary_key(["id"])
                .foreign_key(ForeignKey::to("self", ["id"]).columns(["parent"]))
                .foreign_key(
                    ForeignKey::to(format!("t{nasty}"), [format!("c{nasty}")]).columns(["t"]),
                ),
        )
        .build()
        .unwrap()
}

#[test]
fn hostile_names_cannot_break_out_of_the_page() {
    let schema = hostile();
    for page in [
        viewer::html(&schema, &Engine::ALL),
        dictionary::html(&schema, &Engine::ALL),
    ] {
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(!page.contains("<b>"));
        assert!(!page.contains('\u{0}'));
        assert_eq!(
            page.matches("</script>").count(),
            page.matches("<script").count()
        );
    }
    let md = dictionary::markdown(&schema, &Engine::ALL);
    for line in md.lines() {
        // Outside code spans (shown literally) no markup survives.
        let outside: String = line.split('`').step_by(2).collect();
        let outside = outside
            .replace("\\<", "")
            .replace("<a id=\"", "")
            .replace("\"></a>", "");
        assert!(
            !outside.contains("<script") && !outside.contains("<b>"),
            "{line}"
        );
    }
    assert!(!md.contains('\u{0}'));
    for line in md.lines().filter(|l| l.starts_with('|')) {
        // Every row has as many unescaped separators as its header.
        let separators = line.replace("\\|", "").matches('|').count();
        assert!(separators >= 3, "{line}");
    }
}

#[test]
fn viewer_survives_300_tables() {
    let schema = synthetic(300);
    let page = viewer::html(&schema, &Engine::ALL);
    assert_eq!(page.matches("data-table=\"").count(), 300);
}

/// `n` tables in a few clusters, each referencing one or two earlier tables.
pub fn synthetic(n: usize) -> Schema {
    let mut builder = Schema::builder();
    for i in 0..n {
        let mut table = TableDef::new(format!("table_{i:03}"))
            .comment(format!("Synthetic table number {i}"))
            .column(Column::new("id", SqlType::BigInt))
            .column(Column::new("name", SqlType::Varchar(100)))
            .column(Column::new("created_at", SqlType::TimestampTz))
            .primary_key(["id"]);
        for (k, parent) in [i / 2, i / 3].into_iter().enumerate() {
            if parent < i && (k == 0 || i % 4 == 0) {
                let column = format!("ref{k}_id");
                table = table
                    .column(Column::new(column.clone(), SqlType::BigInt).nullable())
                    .foreign_key(
                        ForeignKey::to(format!("table_{parent:03}"), ["id"]).columns([column]),
                    );
            }
        }
        builder = builder.table_def(table);
    }
    builder.build().unwrap()
}

#[test]
fn dictionary_of_the_example() {
    let schema = example();
    let md = dictionary::markdown(&schema, &Engine::ALL);
    assert!(
        md.contains("| Column | PostgreSQL | MySQL | SQLite | Null | Default | Key | Comment |")
    );
    assert!(md.contains("### Referenced by"));
    assert!(md.contains("### Foreign keys"));
    assert!(md.contains("### Indexes"));
    let html = dictionary::html(&schema, &Engine::ALL);
    for table in &schema.tables {
        assert!(html.contains(&format!("<h2 id=\"table-{}\">", table.name)));
    }
    insta::assert_snapshot!(md);
}

/// Writes the browser checks' fixtures (`tests/browser/run.sh` sets the folder): a 300-table
/// schema's viewer and diagrams, and the hostile schema in every format. Does nothing otherwise.
#[test]
fn write_browser_fixtures() {
    let Ok(dir) = std::env::var("SCHEMA_BROWSER_FIXTURES") else {
        return;
    };
    let dir = std::path::Path::new(&dir);
    let big = synthetic(300);
    let hostile = hostile();
    let files = [
        ("synthetic_300.html", viewer::html(&big, &Engine::ALL)),
        ("synthetic_300.mmd", schema_core::erd::mermaid(&big)),
        ("synthetic_300.dot", schema_core::erd::dot(&big)),
        ("synthetic_300.dbml", schema_core::erd::dbml(&big)),
        ("hostile.html", viewer::html(&hostile, &Engine::ALL)),
        (
            "hostile_dictionary.html",
            dictionary::html(&hostile, &Engine::ALL),
        ),
        ("hostile.mmd", schema_core::erd::mermaid(&hostile)),
        ("hostile.dot", schema_core::erd::dot(&hostile)),
        ("hostile.dbml", schema_core::erd::dbml(&hostile)),
    ];
    for (name, content) in files {
        std::fs::write(dir.join(name), content).unwrap();
    }
}
