//! ER diagrams: golden Mermaid, DBML and DOT for the example; the cardinality rules; escaping of
//! hostile names in every format. (Mermaid, DBML and DOT are also parsed by their real tools in
//! `tests/browser/run.sh`.)

use schema_core::erd::{self, Cardinality, Erd};
use schema_core::{Column, ForeignKey, Index, Schema, SqlType, TableDef};

fn example() -> Schema {
    saas_billing_schema::schema().build().unwrap()
}

#[test]
fn example_mermaid() {
    insta::assert_snapshot!(erd::mermaid(&example()));
}

#[test]
fn example_dbml() {
    insta::assert_snapshot!(erd::dbml(&example()));
}

#[test]
fn example_dot() {
    insta::assert_snapshot!(erd::dot(&example()));
}

fn parent() -> TableDef {
    TableDef::new("parents")
        .column(Column::new("id", SqlType::BigInt))
        .column(Column::new("region", SqlType::Integer))
        .primary_key(["id"])
        .unique(["id", "region"])
}

fn sides(child: TableDef) -> (Cardinality, Cardinality, bool) {
    let schema = Schema::builder()
        .table_def(parent())
        .table_def(child)
        .build()
        .unwrap();
    let erd = Erd::from_schema(&schema);
    let rel = &erd.relationships[0];
    (rel.parent_side, rel.child_side, rel.identifying)
}

fn child() -> TableDef {
    TableDef::new("children")
        .column(Column::new("id", SqlType::BigInt))
        .primary_key(["id"])
}

#[test]
fn not_null_fk_is_exactly_one_to_many() {
    let c = child()
        .column(Column::new("parent_id", SqlType::BigInt))
        .foreign_key(ForeignKey::to("parents", ["id"]).columns(["parent_id"]));
    assert_eq!(
        sides(c),
        (Cardinality::ExactlyOne, Cardinality::ZeroOrMany, false)
    );
}

#[test]
fn nullable_fk_is_zero_or_one() {
    let c = child()
        .column(Column::new("parent_id", SqlType::BigInt).nullable())
        .foreign_key(ForeignKey::to("parents", ["id"]).columns(["parent_id"]));
    assert_eq!(sides(c).0, Cardinality::ZeroOrOne);
}

#[test]
fn fk_covered_by_unique_is_one_to_one() {
    let c = child()
        .column(Column::new("parent_id", SqlType::BigInt))
        .unique(["parent_id"])
        .foreign_key(ForeignKey::to("parents", ["id"]).columns(["parent_id"]));
    assert_eq!(sides(c).1, Cardinality::ZeroOrOne);
    let by_index = child()
        .column(Column::new("parent_id", SqlType::BigInt))
        .index(Index::on(["parent_id"]).unique())
        .foreign_key(ForeignKey::to("parents", ["id"]).columns(["parent_id"]));
    assert_eq!(sides(by_index).1, Cardinality::ZeroOrOne);
}

#[test]
fn partial_unique_index_does_not_make_one_to_one() {
    let c = child()
        .column(Column::new("parent_id", SqlType::BigInt))
        .column(Column::new("active", SqlType::Boolean))
        .index(Index::on(["parent_id"]).unique().filter("active"))
        .foreign_key(ForeignKey::to("parents", ["id"]).columns(["parent_id"]));
    assert_eq!(sides(c).1, Cardinality::ZeroOrMany);
}

#[test]
fn composite_fk_one_nullable_column_is_zero_or_one_and_identifying_when_in_pk() {
    let c = TableDef::new("children")
        .column(Column::new("parent_id", SqlType::BigInt))
        .column(Column::new("region", SqlType::Integer).nullable())
        .column(Column::new("n", SqlType::Integer))
        .primary_key(["parent_id", "n"])
        .foreign_key(ForeignKey::to("parents", ["id", "region"]).columns(["parent_id", "region"]));
    assert_eq!(
        sides(c),
        (Cardinality::ZeroOrOne, Cardinality::ZeroOrMany, false)
    );
    let identifying = TableDef::new("children")
        .column(Column::new("parent_id", SqlType::BigInt))
        .column(Column::new("region", SqlType::Integer))
        .column(Column::new("n", SqlType::Integer))
        .primary_key(["parent_id", "region", "n"])
        .foreign_key(ForeignKey::to("parents", ["id", "region"]).columns(["parent_id", "region"]));
    let schema = Schema::builder()
        .table_def(parent())
        .table_def(identifying)
        .build()
        .unwrap();
    let rel = &Erd::from_schema(&schema).relationships[0];
    assert!(rel.identifying);
    assert_eq!(rel.child_side, Cardinality::ZeroOrMany);
    let mermaid = erd::mermaid(&schema);
    assert!(
        mermaid.contains("parents ||--o{ children : \"(parent_id, region)\""),
        "{mermaid}"
    );
    assert!(
        erd::dbml(&schema).contains(
            "\"children\".(\"parent_id\", \"region\") > \"parents\".(\"id\", \"region\")"
        )
    );
}

/// A schema whose names and comments contain every character that means something in one of
/// the formats.
pub fn hostile() -> Schema {
    let nasty = "a\"b'c`d\\e<f>g&h{i}j[k]l|m;n#o%p\nq\tr\u{0}s é 表";
    Schema::builder()
        .table_def(
            TableDef::new(format!("t {nasty}"))
                .comment(format!("comment {nasty} -- */ %% }}"))
                .column(Column::new(format!("c {nasty}"), SqlType::BigInt).comment(nasty))
                .column(Column::new(
                    "1st",
                    SqlType::Decimal {
                        precision: Some(12),
                        scale: Some(2),
                    },
                ))
                .primary_key([format!("c {nasty}")]),
        )
        .table_def(
            TableDef::new("child\\")
                .column(Column::new("p\\", SqlType::BigInt).nullable())
                .foreign_key(
                    ForeignKey::to(format!("t {nasty}"), [format!("c {nasty}")]).columns(["p\\"]),
                ),
        )
        .build()
        .unwrap()
}

#[test]
fn hostile_names_are_escaped() {
    let schema = hostile();
    let mermaid = erd::mermaid(&schema);
    for line in mermaid.lines() {
        assert!(!line.contains('\u{0}') && !line.contains('\t'), "{line:?}");
        // Inside an entity block every attribute line is `type name [keys] ["comment"]`.
        if line.starts_with("    ") {
            let quotes = line.matches('"').count();
            assert!(quotes == 0 || quotes == 2, "{line:?}");
        }
    }
    let dot = erd::dot(&schema);
    for line in dot.lines().filter(|line| line.contains("<TD")) {
        assert!(
            !line.contains("<f>"),
            "HTML-like labels are escaped: {line}"
        );
    }
    assert!(dot.contains("&lt;f&gt;"));
    assert!(
        dot.contains("\"child\\\\\""),
        "a trailing backslash cannot eat the quote: {dot}"
    );
    let dbml = erd::dbml(&schema);
    assert!(dbml.contains("Table \"child\\\" {"), "{dbml}");
    assert!(dbml.contains("\\'"));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(erd::mermaid(&example()), erd::mermaid(&example()));
    assert_eq!(erd::dot(&hostile()), erd::dot(&hostile()));
}

#[test]
fn committed_example_diagrams_and_dictionary_are_current() {
    use schema_core::Engine;
    use schema_dialects::build::DocKind;
    let schema = example();
    for kind in DocKind::ALL {
        let path = format!(
            "{}/../examples/saas-billing/db/{}",
            env!("CARGO_MANIFEST_DIR"),
            kind.file_name()
        );
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == kind.render(&schema, &Engine::ALL),
            "examples/saas-billing/db/{} is stale: run `cargo build -p saas-billing` and commit it",
            kind.file_name()
        );
    }
}
