//! Normal-form analysis on textbook relations with known keys, closures, normal forms and
//! decompositions; every proposed decomposition is checked for a lossless join (chase) and for
//! dependency preservation, and each of its relations for the normal form it promises.

use schema_core::FunctionalDependency as Fd;
use schema_core::advisor::NormalForm;
use schema_core::advisor::normal_forms::Relation;

fn fd(from: &str, to: &str) -> Fd {
    Fd::new(from.split_whitespace(), to.split_whitespace())
}

fn relation(attributes: &str, fds: &[Fd]) -> Relation {
    Relation::new(attributes.split_whitespace(), fds).unwrap()
}

fn strings(groups: &[&str]) -> Vec<Vec<String>> {
    groups
        .iter()
        .map(|g| g.split_whitespace().map(str::to_string).collect())
        .collect()
}

/// The dependencies of `r` projected on `part`, by brute force: X -> (X+ ∩ part) for every X.
fn project(r: &Relation, part: &[String]) -> Relation {
    let mut fds = Vec::new();
    for mask in 1u32..(1 << part.len()) {
        let x: Vec<&str> = (0..part.len())
            .filter(|i| mask >> i & 1 == 1)
            .map(|i| part[i].as_str())
            .collect();
        let closure: Vec<String> = r
            .closure(&x)
            .into_iter()
            .filter(|a| part.contains(a))
            .collect();
        fds.push(Fd::new(x.iter().copied(), closure));
    }
    Relation::new(part.iter().cloned(), &fds).unwrap()
}

/// The properties every proposal must have, whatever the relation.
fn check_decompositions(r: &Relation) {
    let synthesis = r.synthesize_3nf();
    assert!(
        r.is_lossless(&synthesis),
        "3NF synthesis {synthesis:?} is lossy"
    );
    assert!(
        r.lost_dependencies(&synthesis).is_empty(),
        "3NF synthesis {synthesis:?} loses dependencies"
    );
    for part in &synthesis {
        assert!(
            project(r, part).normal_form() >= NormalForm::Third,
            "{part:?} of the synthesis is not in 3NF"
        );
    }
    let bcnf = r.bcnf_decomposition();
    assert!(r.is_lossless(&bcnf.relations), "BCNF {bcnf:?} is lossy");
    assert_eq!(bcnf.lost, r.lost_dependencies(&bcnf.relations));
    for part in &bcnf.relations {
        assert_eq!(
            project(r, part).normal_form(),
            NormalForm::BoyceCodd,
            "{part:?} of the BCNF decomposition is not in BCNF"
        );
    }
}

#[test]
fn silberschatz_closure_and_key() {
    // Silberschatz et al., Database System Concepts: R(A, B, C, G, H, I).
    let r = relation(
        "A B C G H I",
        &[
            fd("A", "B"),
            fd("A", "C"),
            fd("C G", "H"),
            fd("C G", "I"),
            fd("B", "H"),
        ],
    );
    assert_eq!(r.closure(&["A", "G"]), ["A", "B", "C", "G", "H", "I"]);
    assert_eq!(r.closure(&["A"]), ["A", "B", "C", "H"]);
    assert_eq!(r.candidate_keys(), strings(&["A G"]));
    let analysis = r.analyse();
    assert_eq!(analysis.normal_form, NormalForm::First);
    assert_eq!(
        analysis.violations[0].to_string(),
        "A -> B, C, H breaks 2NF"
    );
    check_decompositions(&r);
}

#[test]
fn minimal_cover_textbook() {
    // Silberschatz: F = {A -> BC, B -> C, A -> B, AB -> C} has the canonical cover {A -> B, B -> C}.
    let r = relation(
        "A B C",
        &[fd("A", "B C"), fd("B", "C"), fd("A", "B"), fd("A B", "C")],
    );
    let cover: Vec<String> = r.minimal_cover().iter().map(ToString::to_string).collect();
    assert_eq!(cover, ["A -> B", "B -> C"]);
    assert_eq!(r.normal_form(), NormalForm::Second);
    assert_eq!(r.synthesize_3nf(), strings(&["A B", "B C"]));
    check_decompositions(&r);
}

#[test]
fn five_attribute_relation_with_four_keys() {
    // R(A, B, C, D, E), F = {A -> BC, CD -> E, B -> D, E -> A}: keys A, E, BC, CD.
    let r = relation(
        "A B C D E",
        &[fd("A", "B C"), fd("C D", "E"), fd("B", "D"), fd("E", "A")],
    );
    assert_eq!(r.candidate_keys(), strings(&["A", "E", "B C", "C D"]));
    assert_eq!(r.closure(&["B"]), ["B", "D"]);
    let analysis = r.analyse();
    // Every attribute is prime, so 3NF; B -> D has a non-key determinant, so not BCNF.
    assert_eq!(analysis.normal_form, NormalForm::Third);
    assert_eq!(analysis.violations.len(), 1);
    assert_eq!(analysis.violations[0].to_string(), "B -> D breaks BCNF");
    check_decompositions(&r);
}

#[test]
fn street_city_zip_is_3nf_and_bcnf_cannot_preserve() {
    let r = relation(
        "street city zip",
        &[fd("street city", "zip"), fd("zip", "city")],
    );
    assert_eq!(r.candidate_keys(), strings(&["street city", "street zip"]));
    let analysis = r.analyse();
    assert_eq!(analysis.normal_form, NormalForm::Third);
    assert_eq!(
        analysis.violations[0].to_string(),
        "zip -> city breaks BCNF"
    );
    // 3NF synthesis keeps the relation whole: (zip, city) is inside (street, city, zip).
    assert_eq!(r.synthesize_3nf(), strings(&["street city zip"]));
    let bcnf = r.bcnf_decomposition();
    assert_eq!(bcnf.relations, strings(&["city zip", "street zip"]));
    assert_eq!(bcnf.lost.len(), 1);
    assert_eq!(bcnf.lost[0].to_string(), "street, city -> zip");
    check_decompositions(&r);
}

#[test]
fn employee_department_is_2nf_not_3nf() {
    let r = relation(
        "emp_id emp_name dept_id dept_name",
        &[fd("emp_id", "emp_name dept_id"), fd("dept_id", "dept_name")],
    );
    assert_eq!(r.candidate_keys(), strings(&["emp_id"]));
    let analysis = r.analyse();
    assert_eq!(analysis.normal_form, NormalForm::Second);
    assert_eq!(
        analysis.violations[0].to_string(),
        "dept_id -> dept_name breaks 3NF"
    );
    assert_eq!(
        r.synthesize_3nf(),
        strings(&["emp_id emp_name dept_id", "dept_id dept_name"])
    );
    check_decompositions(&r);
}

#[test]
fn order_items_partial_dependency_is_1nf() {
    let r = relation(
        "order_id product_id quantity product_name",
        &[
            fd("order_id product_id", "quantity product_name"),
            fd("product_id", "product_name"),
        ],
    );
    assert_eq!(r.candidate_keys(), strings(&["order_id product_id"]));
    let analysis = r.analyse();
    assert_eq!(analysis.normal_form, NormalForm::First);
    assert_eq!(
        analysis.violations[0].to_string(),
        "product_id -> product_name breaks 2NF"
    );
    assert_eq!(
        r.synthesize_3nf(),
        strings(&["order_id product_id quantity", "product_id product_name"])
    );
    check_decompositions(&r);
}

#[test]
fn ullman_abcd_is_3nf_with_two_bcnf_violations() {
    // R(A, B, C, D), F = {AB -> C, C -> D, D -> A}: keys AB, BC, BD; all attributes prime.
    let r = relation("A B C D", &[fd("A B", "C"), fd("C", "D"), fd("D", "A")]);
    assert_eq!(r.candidate_keys(), strings(&["A B", "B C", "B D"]));
    let analysis = r.analyse();
    assert_eq!(analysis.normal_form, NormalForm::Third);
    let violations: Vec<String> = analysis
        .violations
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(violations, ["C -> D breaks BCNF", "D -> A breaks BCNF"]);
    check_decompositions(&r);
}

#[test]
fn chase_tells_lossless_from_lossy() {
    let r = relation("A B C", &[fd("A", "B")]);
    assert!(r.is_lossless(&strings(&["A B", "A C"])));
    assert!(!r.is_lossless(&strings(&["A B", "B C"])));
    assert!(r.is_lossless(&strings(&["A B C"])));
    // Textbook: R(A,B,C,D,E) with A -> C, B -> C, C -> D, DE -> C, CE -> A and the
    // decomposition (AD, AB, BE, CDE, AE) is lossless (Ullman's chase example).
    let r = relation(
        "A B C D E",
        &[
            fd("A", "C"),
            fd("B", "C"),
            fd("C", "D"),
            fd("D E", "C"),
            fd("C E", "A"),
        ],
    );
    assert!(r.is_lossless(&strings(&["A D", "A B", "B E", "C D E", "A E"])));
    assert!(!r.is_lossless(&strings(&["A D", "A B", "C D E"])));
}

#[test]
fn a_relation_without_dependencies_is_its_own_key() {
    let r = relation("a b c", &[]);
    assert_eq!(r.candidate_keys(), strings(&["a b c"]));
    assert_eq!(r.normal_form(), NormalForm::BoyceCodd);
    assert_eq!(r.synthesize_3nf(), strings(&["a b c"]));
    check_decompositions(&r);
}

/// Many small relations from a fixed pseudo-random sequence: every proposal keeps its promises.
#[test]
fn decompositions_keep_their_promises_on_generated_relations() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % bound
    };
    let names = ["a", "b", "c", "d", "e", "f"];
    for _ in 0..300 {
        let n = 3 + next(4) as usize;
        let attributes = &names[..n];
        let pick = |bits: u64| -> Vec<&str> {
            (0..n)
                .filter(|i| bits >> i & 1 == 1)
                .map(|i| attributes[i])
                .collect()
        };
        let mut fds = Vec::new();
        for _ in 0..1 + next(4) {
            let lhs = 1 + next((1 << n) - 1);
            let rhs = 1 + next((1 << n) - 1);
            fds.push(Fd::new(pick(lhs), pick(rhs)));
        }
        let r = Relation::new(attributes.iter().copied(), &fds).unwrap();
        // The minimal cover is equivalent to the given dependencies.
        let cover = Relation::new(attributes.iter().copied(), &r.minimal_cover()).unwrap();
        for mask in 1u64..(1 << n) {
            let x = pick(mask);
            assert_eq!(r.closure(&x), cover.closure(&x), "cover of {fds:?}");
        }
        // Every candidate key is a minimal superkey.
        for key in r.candidate_keys() {
            let key: Vec<&str> = key.iter().map(String::as_str).collect();
            assert!(r.is_superkey(&key));
            for skip in 0..key.len() {
                let smaller: Vec<&str> = key
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, a)| *a)
                    .collect();
                assert!(
                    !r.is_superkey(&smaller),
                    "{key:?} is not minimal for {fds:?}"
                );
            }
        }
        check_decompositions(&r);
    }
}
