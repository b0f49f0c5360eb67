//! "Did you mean" help for misspelled names, shared by every validation layer.

use crate::TableDef;

/// The candidate closest to `wrong` (case-insensitive Jaro-Winkler above 0.8), if any is close.
///
/// ```
/// use schema_core::suggest::closest;
/// assert_eq!(closest("emial", ["id", "email"]), Some("email"));
/// assert_eq!(closest("zzz", ["id", "email"]), None);
/// ```
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            (
                strsim::jaro_winkler(&wrong, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// `the columns of `t` are: a, b`, for help on a column name with no close match.
///
/// ```
/// use schema_core::{suggest::column_list, Column, SqlType, TableDef};
/// let t = TableDef::new("t").column(Column::new("a", SqlType::Text)).column(Column::new("b", SqlType::Text));
/// assert_eq!(column_list(&t), "the columns of `t` are: a, b");
/// ```
pub fn column_list(table: &TableDef) -> String {
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    format!("the columns of `{}` are: {}", table.name, names.join(", "))
}
