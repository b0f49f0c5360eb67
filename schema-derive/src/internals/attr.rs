//! Typed parsing of `#[table(...)]`, `#[column(...)]` and `#[sql_enum(...)]`.
//!
//! Parsing records every problem in the [`Ctxt`] and keeps going; cross-attribute rules live in
//! [`check`](super::check).

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitStr, Meta, Path, Token, token};

use super::advice::{AllowAttr, FdAttr, parse_allow, parse_fd};
use super::ctxt::Ctxt;
use super::features::{self, ExcludeAttr, KeyPartAttr, index_columns, parse_exclude};
use super::parse::{
    Attr, Spanned, did_you_mean, each_item, each_nested, equals, fields, flag, has_value, key,
    parenthesized_ints, per_engine_strings, span_of, string, unknown_key, word,
};
use super::symbol::*;

/// A referential action: `cascade`, `restrict`, `set_null`, `set_default`, `no_action`.
#[derive(Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)] // the SQL names: NO ACTION, SET NULL, SET DEFAULT
pub enum Action {
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

const ACTIONS: &[(&str, Action)] = &[
    ("cascade", Action::Cascade),
    ("restrict", Action::Restrict),
    ("set_null", Action::SetNull),
    ("set_default", Action::SetDefault),
    ("no_action", Action::NoAction),
];

/// `#[column(identity)]` or `#[column(identity = always)]`.
#[derive(Clone, Copy)]
pub enum IdentityKind {
    ByDefault,
    Always,
}

/// An explicit column type.
#[derive(Clone)]
pub enum TypeOverride {
    Text,
    Varchar(u32),
    Char(u32),
    Decimal(Option<u16>, Option<u16>),
    Json,
    Jsonb,
    Bytes,
    Cidr,
    Interval,
    TsVector,
    CiText,
    /// `(engine key, type text)` in the order written.
    Raw(Vec<(Symbol, String)>),
}

/// `#[column(default = ...)]` or `#[column(default_sql = "...")]`.
#[derive(Clone)]
pub enum DefaultValue {
    Bool(bool),
    Int(i64),
    Number(String),
    Text(String),
    Now,
    CurrentDate,
    RandomUuid,
    Sql(String),
}

/// `references = Tenant` or `references = Tenant(slug)`.
#[derive(Clone)]
pub struct Reference {
    pub path: Path,
    pub column: Option<Ident>,
}

/// `unique(...)` on the table.
pub struct UniqueAttr {
    pub name: Option<String>,
    pub columns: Vec<Ident>,
    pub nulls_not_distinct: bool,
}

/// `index(...)` on the table.
pub struct IndexAttr {
    pub name: Option<String>,
    pub columns: Vec<Ident>,
    pub unique: bool,
    pub predicate: Option<String>,
    /// Where `unique` was written, for conflicts.
    pub unique_span: Option<Span>,
    /// Key columns with options (`desc`, `nulls_last`, a prefix length).
    pub parts: Vec<KeyPartAttr>,
    /// `method = gin` (or the `fulltext` flag).
    pub method: Option<Spanned<&'static str>>,
    /// `opclass = jsonb_path_ops`, for every key column.
    pub opclass: Option<Spanned<String>>,
    /// `expr = "lower(email)"`.
    pub exprs: Vec<String>,
    /// `include(a, b)`.
    pub include: Vec<Ident>,
    /// `nulls_not_distinct`.
    pub nulls_not_distinct: Option<Span>,
    /// `engines(postgres)`.
    pub engines: Vec<Symbol>,
}

/// `check(...)` on the table.
pub struct CheckAttr {
    pub name: Option<String>,
    pub sql: String,
}

/// `foreign_key(...)` on the table.
pub struct ForeignKeyAttr {
    pub span: Span,
    pub name: Option<String>,
    pub columns: Vec<Ident>,
    pub references: Option<Path>,
    pub target: Option<Vec<Ident>>,
    pub on_delete: Option<Spanned<Action>>,
    pub on_update: Option<Spanned<Action>>,
    pub deferrable: Option<Spanned<Symbol>>,
    pub match_full: bool,
}

/// Everything `#[table(...)]` and the struct's doc comment say.
pub struct Container {
    pub name: Option<Spanned<String>>,
    pub comment: Option<String>,
    pub primary_key: Option<Spanned<Vec<Ident>>>,
    pub uniques: Vec<UniqueAttr>,
    pub indexes: Vec<IndexAttr>,
    pub checks: Vec<CheckAttr>,
    pub foreign_keys: Vec<ForeignKeyAttr>,
    /// `allow(...)`: design-advisor rules switched off for the table.
    pub allows: Vec<AllowAttr>,
    /// `fd(...)`: declared functional dependencies.
    pub fds: Vec<FdAttr>,
    /// `exclude(...)`: exclusion constraints.
    pub exclusions: Vec<ExcludeAttr>,
    /// `without_rowid`.
    pub without_rowid: bool,
    /// `audit`: every row change is recorded in the audit table.
    pub audit: bool,
    /// `renamed_from = "old_name"`: the table's previous name, for migrations.
    pub renamed_from: Option<String>,
    /// `tenant_isolated(...)`, `policy(...)`, `row_security(...)`, `grant(...)`.
    pub security: super::security::SecurityAttrs,
}

const TABLE_FORM: &str = "#[table(...)]";

impl Container {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut name = Attr::none(NAME);
        let mut comment = Attr::none(COMMENT);
        let mut primary_key = Attr::none(PRIMARY_KEY);
        let mut uniques = Vec::new();
        let mut indexes = Vec::new();
        let mut checks = Vec::new();
        let mut foreign_keys = Vec::new();
        let mut allows = Vec::new();
        let mut fds = Vec::new();
        let mut exclusions = Vec::new();
        let mut without_rowid = Attr::none(WITHOUT_ROWID);
        let mut audit = Attr::none(AUDIT);
        let mut renamed_from = Attr::none(RENAMED_FROM);
        let mut security = super::security::SecurityAttrs::default();

        for attr in attrs {
            if attr.path() == COLUMN {
                cx.error_spanned_by(
                    attr,
                    "`#[column(...)]` belongs on a field\nhelp: table-wide settings go in `#[table(...)]`",
                );
                continue;
            }
            if attr.path() != TABLE {
                continue;
            }
            each_item(cx, attr, |meta| {
                if meta.path == NAME {
                    let lit = string(meta, "#[table(name = \"invoices\")]")?;
                    name.set(cx, span_of(meta), lit.value());
                } else if meta.path == COMMENT {
                    let lit = string(meta, "#[table(comment = \"One bill sent to a tenant\")]")?;
                    comment.set(cx, span_of(meta), lit.value());
                } else if meta.path == PRIMARY_KEY {
                    let help = "#[table(primary_key(tenant_id, id))]";
                    if !has_value(meta) {
                        return Err(meta.error(format!(
                            "`primary_key` on the table lists its fields\nhelp: write it as `{help}`, or put `#[column(primary_key)]` on a single field"
                        )));
                    }
                    let columns = fields(meta, help)?;
                    primary_key.set(cx, span_of(meta), columns);
                } else if meta.path == UNIQUE {
                    uniques.push(parse_unique(cx, meta)?);
                } else if meta.path == INDEX {
                    indexes.push(parse_index(cx, meta)?);
                } else if meta.path == CHECK {
                    checks.push(parse_check(cx, meta)?);
                } else if meta.path == FOREIGN_KEY {
                    foreign_keys.push(parse_foreign_key(cx, meta)?);
                } else if meta.path == ALLOW {
                    allows.push(parse_allow(meta)?);
                } else if meta.path == FD {
                    fds.push(parse_fd(meta)?);
                } else if meta.path == EXCLUDE {
                    exclusions.push(parse_exclude(cx, meta)?);
                } else if meta.path == WITHOUT_ROWID {
                    without_rowid.set(cx, flag(meta, "#[table(without_rowid)]")?, ());
                } else if meta.path == AUDIT {
                    audit.set(cx, flag(meta, "#[table(audit)]")?, ());
                } else if meta.path == RENAMED_FROM {
                    let lit = string(meta, "#[table(renamed_from = \"clients\")]")?;
                    renamed_from.set(cx, span_of(meta), lit.value());
                } else if security.parse(cx, meta)? {
                } else {
                    return Err(unknown_key(meta, TABLE_FORM, TABLE_KEYS));
                }
                Ok(())
            });
        }

        let comment = comment
            .get()
            .map(|spanned| spanned.value)
            .or_else(|| docs(attrs));
        Container {
            name: name.get(),
            comment,
            primary_key: primary_key.get(),
            uniques,
            indexes,
            checks,
            foreign_keys,
            allows,
            fds,
            exclusions,
            without_rowid: without_rowid.get().is_some(),
            audit: audit.get().is_some(),
            renamed_from: renamed_from.get().map(|s| s.value),
            security,
        }
    }
}

/// Bare field names or `columns(...)`, plus the keys of the long form.
struct ColumnList {
    bare: Vec<Ident>,
    listed: Option<Vec<Ident>>,
}

impl ColumnList {
    fn new() -> Self {
        ColumnList {
            bare: Vec::new(),
            listed: None,
        }
    }

    /// A bare word inside `unique(...)` / `index(...)` is a field name.
    fn push_bare(&mut self, meta: &ParseNestedMeta) -> syn::Result<()> {
        match meta.path.get_ident() {
            Some(ident) => {
                self.bare.push(ident.clone());
                Ok(())
            }
            None => Err(syn::Error::new_spanned(
                &meta.path,
                "expected a field name, not a path",
            )),
        }
    }

    fn finish(self, cx: &Ctxt, meta: &ParseNestedMeta, help: &str) -> Vec<Ident> {
        match (self.bare.is_empty(), self.listed) {
            (false, Some(listed)) => {
                // With `columns(...)`, a bare word is most likely a misspelt key.
                let word = self.bare[0].to_string();
                let keys = UNIQUE_KEYS.iter().chain(INDEX_KEYS).map(|k| k.0);
                let message = match did_you_mean(&word, keys) {
                    Some(key) => format!(
                        "unknown attribute `{word}` in `{}(...)`\nhelp: did you mean `{key}`?",
                        super::parse::key(meta)
                    ),
                    None => format!(
                        "fields are listed both bare and in `columns(...)`\nhelp: list them once: `{help}`"
                    ),
                };
                cx.error_spanned_by(&self.bare[0], message);
                listed
            }
            (_, Some(listed)) => listed,
            (false, None) => self.bare,
            (true, None) => {
                cx.error_spanned_by(
                    &meta.path,
                    format!(
                        "`{}` names no fields\nhelp: write it as `{help}`",
                        key(meta)
                    ),
                );
                Vec::new()
            }
        }
    }
}

fn no_parens(meta: &ParseNestedMeta, help: &str) -> syn::Result<()> {
    if meta.input.peek(token::Paren) {
        Ok(())
    } else {
        Err(meta.error(format!(
            "`{}` on the table needs its parts in parentheses\nhelp: write it as `{help}`",
            key(meta)
        )))
    }
}

fn parse_unique(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<UniqueAttr> {
    let help = "unique(tenant_id, number)` or `unique(name = \"invoices_number_key\", columns(tenant_id, number))";
    no_parens(meta, help)?;
    let mut name = Attr::none(NAME);
    let mut nulls_not_distinct = Attr::none(NULLS_NOT_DISTINCT);
    let mut columns = ColumnList::new();
    each_nested(cx, meta, |inner| {
        if inner.path == NULLS_NOT_DISTINCT {
            nulls_not_distinct.set(cx, flag(inner, "nulls_not_distinct")?, ());
            Ok(())
        } else if !has_value(inner) {
            columns.push_bare(inner)
        } else if inner.path == NAME {
            let lit = string(inner, "name = \"invoices_number_key\"")?;
            name.set(cx, span_of(inner), lit.value());
            Ok(())
        } else if inner.path == COLUMNS {
            let list = fields(inner, "columns(tenant_id, number)")?;
            set_list(cx, &mut columns.listed, inner, list);
            Ok(())
        } else {
            Err(unknown_key(inner, "unique(...)", UNIQUE_KEYS))
        }
    })?;
    Ok(UniqueAttr {
        name: name.get().map(|s| s.value),
        columns: columns.finish(cx, meta, help),
        nulls_not_distinct: nulls_not_distinct.get().is_some(),
    })
}

fn set_list(cx: &Ctxt, slot: &mut Option<Vec<Ident>>, meta: &ParseNestedMeta, list: Vec<Ident>) {
    if slot.is_some() {
        cx.error_spanned_by(
            &meta.path,
            format!("duplicate attribute `{}`\nhelp: give it once", key(meta)),
        );
    } else {
        *slot = Some(list);
    }
}

fn parse_index(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<IndexAttr> {
    let help = "index(columns(tenant_id, issued_at))` or `index(name = \"invoices_open\", columns(tenant_id), unique, where = \"paid_at IS NULL\")";
    no_parens(meta, help)?;
    let mut name = Attr::none(NAME);
    let mut unique = Attr::none(UNIQUE);
    let mut predicate = Attr::none(WHERE);
    let mut method = Attr::none(METHOD);
    let mut opclass = Attr::none(OPCLASS);
    let mut include = Attr::none(INCLUDE);
    let mut nulls_not_distinct = Attr::none(NULLS_NOT_DISTINCT);
    let mut engines_attr = Attr::none(ENGINES);
    let mut exprs = Vec::new();
    let mut parts = Vec::new();
    let mut columns = ColumnList::new();
    let errors_before = cx.error_count();
    each_nested(cx, meta, |inner| {
        if inner.path == UNIQUE {
            unique.set(cx, flag(inner, "unique")?, ());
        } else if inner.path == NULLS_NOT_DISTINCT {
            nulls_not_distinct.set(cx, flag(inner, "nulls_not_distinct")?, ());
        } else if inner.path == FULLTEXT {
            method.set(cx, flag(inner, "fulltext")?, "fulltext");
        } else if !has_value(inner) {
            columns.push_bare(inner)?;
        } else if inner.path == NAME {
            let lit = string(inner, "name = \"invoices_open\"")?;
            name.set(cx, span_of(inner), lit.value());
        } else if inner.path == COLUMNS {
            let list = index_columns(inner, "columns(tenant_id, issued_at desc nulls_last)")?;
            let idents = list.iter().map(|p| p.ident.clone()).collect();
            parts.extend(list.into_iter().filter(KeyPartAttr::has_options));
            set_list(cx, &mut columns.listed, inner, idents);
        } else if inner.path == METHOD {
            let m = features::method(inner, "method = gin")?;
            method.set(cx, m.span, m.value);
        } else if inner.path == OPCLASS {
            let w = word(inner, "opclass = jsonb_path_ops")?;
            opclass.set(cx, w.span(), w.to_string());
        } else if inner.path == EXPR {
            exprs.push(string(inner, "expr = \"lower(email)\"")?.value());
        } else if inner.path == INCLUDE {
            let list = fields(inner, "include(total_cents)")?;
            include.set(cx, span_of(inner), list);
        } else if inner.path == ENGINES {
            let list = features::engines(cx, inner)?;
            engines_attr.set(cx, span_of(inner), list);
        } else if inner.path == WHERE {
            let lit = string(inner, "where = \"paid_at IS NULL\"")?;
            predicate.set(cx, span_of(inner), lit.value());
        } else {
            return Err(unknown_key(inner, "index(...)", INDEX_KEYS));
        }
        Ok(())
    })?;
    // An expression index may have no plain column; after an error in `columns(...)`, "names
    // no fields" would only repeat it.
    let none_given = columns.bare.is_empty() && columns.listed.is_none();
    let columns = if none_given && (!exprs.is_empty() || cx.error_count() > errors_before) {
        Vec::new()
    } else {
        columns.finish(cx, meta, help)
    };
    let unique = unique.get();
    Ok(IndexAttr {
        name: name.get().map(|s| s.value),
        columns,
        unique: unique.is_some(),
        unique_span: unique.map(|s| s.span),
        predicate: predicate.get().map(|s| s.value),
        parts,
        method: method.get(),
        opclass: opclass.get(),
        exprs,
        include: include.get().map(|s| s.value).unwrap_or_default(),
        nulls_not_distinct: nulls_not_distinct.get().map(|s| s.span),
        engines: engines_attr.get().map(|s| s.value).unwrap_or_default(),
    })
}

fn parse_check(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<CheckAttr> {
    let help = "check(sql = \"total_cents >= 0\")` or `check(name = \"invoices_total_nonneg\", sql = \"total_cents >= 0\")";
    if meta.input.peek(Token![=]) {
        let sql = string(meta, help)?;
        return Ok(CheckAttr {
            name: None,
            sql: sql.value(),
        });
    }
    no_parens(meta, help)?;
    let mut name = Attr::none(NAME);
    let mut sql = Attr::none(SQL);
    each_nested(cx, meta, |inner| {
        if inner.path == NAME {
            let lit = string(inner, "name = \"invoices_total_nonneg\"")?;
            name.set(cx, span_of(inner), lit.value());
        } else if inner.path == SQL {
            let lit = string(inner, "sql = \"total_cents >= 0\"")?;
            sql.set(cx, span_of(inner), lit.value());
        } else {
            return Err(unknown_key(inner, "check(...)", CHECK_KEYS));
        }
        Ok(())
    })?;
    let Some(sql) = sql.get() else {
        return Err(meta.error(format!(
            "`check` needs its SQL expression\nhelp: write it as `{help}`"
        )));
    };
    Ok(CheckAttr {
        name: name.get().map(|s| s.value),
        sql: sql.value,
    })
}

fn parse_foreign_key(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<ForeignKeyAttr> {
    let help = "foreign_key(columns(tenant_id, customer_id), references = Customer)";
    no_parens(meta, help)?;
    let mut name = Attr::none(NAME);
    let mut columns = Attr::none(COLUMNS);
    let mut references = Attr::none(REFERENCES);
    let mut target = Attr::none(TARGET);
    let mut on_delete = Attr::none(ON_DELETE);
    let mut on_update = Attr::none(ON_UPDATE);
    let mut deferrable = Attr::none(DEFERRABLE);
    let mut match_full = Attr::none(MATCH_FULL);
    let errors_before = cx.error_count();
    each_nested(cx, meta, |inner| {
        if inner.path == DEFERRABLE {
            let value = features::deferrable(inner, "deferrable = initially_deferred")?;
            deferrable.set(cx, value.span, value.value);
        } else if inner.path == MATCH_FULL {
            match_full.set(cx, flag(inner, "match_full")?, ());
        } else if inner.path == NAME {
            let lit = string(inner, "name = \"invoices_customer_fkey\"")?;
            name.set(cx, span_of(inner), lit.value());
        } else if inner.path == COLUMNS {
            let list = fields(inner, "columns(tenant_id, customer_id)")?;
            columns.set(cx, span_of(inner), list);
        } else if inner.path == REFERENCES {
            let path = table_path(inner, "references = Customer")?;
            references.set(cx, span_of(inner), path);
        } else if inner.path == TARGET {
            let list = fields(inner, "target(tenant_id, id)")?;
            target.set(cx, span_of(inner), list);
        } else if inner.path == ON_DELETE {
            let action = action(inner)?;
            on_delete.set(cx, action.span, action.value);
        } else if inner.path == ON_UPDATE {
            let action = action(inner)?;
            on_update.set(cx, action.span, action.value);
        } else {
            return Err(unknown_key(inner, "foreign_key(...)", FOREIGN_KEY_KEYS));
        }
        Ok(())
    })?;
    let columns = columns.get().map(|s| s.value);
    let references = references.get().map(|s| s.value);
    // After an error inside the list (say a misspelt `references`), "missing" would repeat it.
    if (columns.is_none() || references.is_none()) && cx.error_count() == errors_before {
        let missing = match (&columns, &references) {
            (None, None) => "`columns(...)` and `references = ...`",
            (None, _) => "`columns(...)`",
            _ => "`references = ...`",
        };
        cx.error_spanned_by(
            &meta.path,
            format!("`foreign_key` is missing {missing}\nhelp: write it as `{help}`"),
        );
    }
    Ok(ForeignKeyAttr {
        span: span_of(meta),
        name: name.get().map(|s| s.value),
        columns: columns.unwrap_or_default(),
        references,
        target: target.get().map(|s| s.value),
        on_delete: on_delete.get(),
        on_update: on_update.get(),
        deferrable: deferrable.get(),
        match_full: match_full.get().is_some(),
    })
}

/// `key = Tenant`: the Rust path of a table type.
fn table_path(meta: &ParseNestedMeta, help: &str) -> syn::Result<Path> {
    equals(meta, help)?;
    if meta.input.peek(LitStr) {
        let lit: LitStr = meta.input.parse()?;
        return Err(syn::Error::new_spanned(
            &lit,
            format!(
                "`{}` takes the Rust type of the referenced table, not its SQL name\nhelp: write it as `{help}`, naming a type with `#[derive(Table)]`",
                key(meta)
            ),
        ));
    }
    meta.input.call(Path::parse_mod_style).map_err(|error| {
        syn::Error::new(
            error.span(),
            format!(
                "`{}` takes the Rust type of the referenced table\nhelp: write it as `{help}`",
                key(meta)
            ),
        )
    })
}

/// `on_delete = cascade`.
fn action(meta: &ParseNestedMeta) -> syn::Result<Spanned<Action>> {
    let help = format!("{} = cascade", key(meta));
    let word = word(meta, &help)?;
    let text = word.to_string();
    match ACTIONS.iter().find(|(name, _)| *name == text) {
        Some((_, action)) => Ok(Spanned {
            span: word.span(),
            value: *action,
        }),
        None => {
            let mut message = format!("unknown referential action `{text}`");
            if let Some(suggestion) = did_you_mean(&text, ACTIONS.iter().map(|(name, _)| *name)) {
                message.push_str(&format!("\nhelp: did you mean `{suggestion}`?"));
            }
            message.push_str(
                "\nnote: the actions are `cascade`, `restrict`, `set_null`, `set_default` and `no_action`",
            );
            Err(syn::Error::new(word.span(), message))
        }
    }
}

/// Everything `#[column(...)]` and the field's doc comment say.
pub struct FieldAttrs {
    pub name: Option<Spanned<String>>,
    pub comment: Option<String>,
    pub primary_key: Option<Span>,
    pub identity: Option<Spanned<IdentityKind>>,
    pub unique: Option<Span>,
    pub index: Option<Span>,
    pub check: Option<String>,
    pub references: Option<Spanned<Reference>>,
    pub on_delete: Option<Spanned<Action>>,
    pub on_update: Option<Spanned<Action>>,
    pub fk_name: Option<Spanned<String>>,
    pub default: Option<Spanned<DefaultValue>>,
    pub default_sql: Option<Spanned<DefaultValue>>,
    /// `generated = "price * qty"`.
    pub generated: Option<Spanned<String>>,
    /// `stored` / `virtual`: the generated column's kind.
    pub stored: Option<Span>,
    pub virtual_: Option<Span>,
    /// `collation(postgres = "...", ...)`.
    pub collation: Vec<(Symbol, String)>,
    /// `deferrable = initially_deferred` on a referencing column.
    pub deferrable: Option<Spanned<Symbol>>,
    /// `match_full` on a referencing column.
    pub match_full: Option<Span>,
    /// `array`: the column is an array of the `Vec<T>` element's type.
    pub array: Option<Span>,
    /// Every type key given, so two of them can be reported as a conflict.
    pub types: Vec<(Symbol, Spanned<TypeOverride>)>,
    /// `allow(...)`: design-advisor rules switched off for the column.
    pub allows: Vec<AllowAttr>,
    /// `updated_at`: the engine sets the column to the current time on every UPDATE.
    pub updated_at: Option<Span>,
    /// `renamed_from = "old_name"`: the column's previous name, for migrations.
    pub renamed_from: Option<String>,
}

const COLUMN_FORM: &str = "#[column(...)]";

impl FieldAttrs {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut name = Attr::none(NAME);
        let mut comment = Attr::none(COMMENT);
        let mut primary_key = Attr::none(PRIMARY_KEY);
        let mut identity = Attr::none(IDENTITY);
        let mut unique = Attr::none(UNIQUE);
        let mut index = Attr::none(INDEX);
        let mut check = Attr::none(CHECK);
        let mut references = Attr::none(REFERENCES);
        let mut on_delete = Attr::none(ON_DELETE);
        let mut on_update = Attr::none(ON_UPDATE);
        let mut fk_name = Attr::none(FK_NAME);
        let mut default = Attr::none(DEFAULT);
        let mut default_sql = Attr::none(DEFAULT_SQL);
        let mut generated = Attr::none(GENERATED);
        let mut stored = Attr::none(STORED);
        let mut virtual_ = Attr::none(VIRTUAL);
        let mut collation = Attr::none(COLLATION);
        let mut deferrable = Attr::none(DEFERRABLE);
        let mut match_full = Attr::none(MATCH_FULL);
        let mut array = Attr::none(ARRAY);
        let mut updated_at = Attr::none(UPDATED_AT);
        let mut renamed_from = Attr::none(RENAMED_FROM);
        let mut types: Vec<(Symbol, Spanned<TypeOverride>)> = Vec::new();
        let mut allows = Vec::new();

        for attr in attrs {
            if attr.path() == TABLE {
                cx.error_spanned_by(
                    attr,
                    "`#[table(...)]` belongs on the struct\nhelp: settings of this column go in `#[column(...)]`",
                );
                continue;
            }
            if attr.path() != COLUMN {
                continue;
            }
            each_item(cx, attr, |meta| {
                let span = span_of(meta);
                if meta.path == NAME {
                    let lit = string(meta, "#[column(name = \"email_address\")]")?;
                    name.set(cx, span_of(meta), lit.value());
                } else if meta.path == COMMENT {
                    let lit = string(meta, "#[column(comment = \"Shown in URLs\")]")?;
                    comment.set(cx, span_of(meta), lit.value());
                } else if meta.path == PRIMARY_KEY {
                    if meta.input.peek(token::Paren) {
                        return Err(meta.error(
                            "a composite primary key is declared on the table\nhelp: write `#[table(primary_key(tenant_id, id))]` on the struct, or `#[column(primary_key)]` on this field alone",
                        ));
                    }
                    primary_key.set(cx, flag(meta, "#[column(primary_key)]")?, ());
                } else if meta.path == IDENTITY {
                    let kind = if meta.input.peek(Token![=]) {
                        let help = "#[column(identity)]` or `#[column(identity = always)]";
                        let word = word(meta, help)?;
                        if word == ALWAYS {
                            IdentityKind::Always
                        } else if word == BY_DEFAULT {
                            IdentityKind::ByDefault
                        } else {
                            return Err(syn::Error::new_spanned(
                                &word,
                                format!(
                                    "unknown identity kind `{word}`\nhelp: write `#[column(identity)]` (generated by default) or `#[column(identity = always)]`"
                                ),
                            ));
                        }
                    } else {
                        flag(
                            meta,
                            "#[column(identity)]` or `#[column(identity = always)]",
                        )?;
                        IdentityKind::ByDefault
                    };
                    identity.set(cx, span, kind);
                } else if meta.path == UNIQUE {
                    unique.set(cx, flag(meta, "#[column(unique)]")?, ());
                } else if meta.path == INDEX {
                    index.set(cx, flag(meta, "#[column(index)]` (for a multi-column or named index use `#[table(index(...))]`")?, ());
                } else if meta.path == CHECK {
                    let lit = string(meta, "#[column(check = \"amount >= 0\")]")?;
                    check.set(cx, span, lit.value());
                } else if meta.path == REFERENCES {
                    let reference = reference(meta)?;
                    references.set(cx, span, reference);
                } else if meta.path == ON_DELETE {
                    let action = action(meta)?;
                    on_delete.set(cx, action.span, action.value);
                } else if meta.path == ON_UPDATE {
                    let action = action(meta)?;
                    on_update.set(cx, action.span, action.value);
                } else if meta.path == FK_NAME {
                    let lit = string(meta, "#[column(fk_name = \"invoices_tenant_fkey\")]")?;
                    fk_name.set(cx, span_of(meta), lit.value());
                } else if meta.path == DEFAULT {
                    let value = default_value(meta)?;
                    default.set(cx, span, value);
                } else if meta.path == DEFAULT_SQL {
                    let lit = string(meta, "#[column(default_sql = \"gen_random_uuid()\")]")?;
                    default_sql.set(cx, span, DefaultValue::Sql(lit.value()));
                } else if meta.path == GENERATED {
                    let lit = string(
                        meta,
                        "#[column(generated = \"price_cents * quantity\", stored)]",
                    )?;
                    generated.set(cx, span, lit.value());
                } else if meta.path == STORED {
                    stored.set(
                        cx,
                        flag(meta, "#[column(generated = \"...\", stored)]")?,
                        (),
                    );
                } else if meta.path == VIRTUAL {
                    virtual_.set(
                        cx,
                        flag(meta, "#[column(generated = \"...\", virtual)]")?,
                        (),
                    );
                } else if meta.path == COLLATION {
                    let list = features::collation(cx, meta)?;
                    collation.set(cx, span, list);
                } else if meta.path == DEFERRABLE {
                    let value = features::deferrable(
                        meta,
                        "#[column(references = Tenant, deferrable = initially_deferred)]",
                    )?;
                    deferrable.set(cx, value.span, value.value);
                } else if meta.path == ARRAY {
                    array.set(cx, flag(meta, "#[column(array)]` on a `Vec<T>` field")?, ());
                } else if meta.path == RENAMED_FROM {
                    let lit = string(meta, "#[column(renamed_from = \"mail\")]")?;
                    renamed_from.set(cx, span_of(meta), lit.value());
                } else if meta.path == UPDATED_AT {
                    updated_at.set(cx, flag(meta, "#[column(updated_at, default = now)]")?, ());
                } else if meta.path == MATCH_FULL {
                    match_full.set(
                        cx,
                        flag(meta, "#[column(references = Tenant, match_full)]")?,
                        (),
                    );
                } else if let Some(symbol) = TYPE_KEYS.iter().find(|symbol| meta.path == **symbol) {
                    let value = type_override(cx, meta, *symbol)?;
                    if types.iter().any(|(s, _)| s == symbol) {
                        cx.error_at(
                            span,
                            format!("duplicate attribute `{symbol}`\nhelp: give it once"),
                        );
                    } else {
                        types.push((*symbol, Spanned { span, value }));
                    }
                } else if meta.path == ALLOW {
                    allows.push(parse_allow(meta)?);
                } else {
                    return Err(unknown_key(meta, COLUMN_FORM, COLUMN_KEYS));
                }
                Ok(())
            });
        }

        FieldAttrs {
            name: name.get(),
            comment: comment.get().map(|s| s.value).or_else(|| docs(attrs)),
            primary_key: primary_key.get().map(|s| s.span),
            identity: identity.get(),
            unique: unique.get().map(|s| s.span),
            index: index.get().map(|s| s.span),
            check: check.get().map(|s| s.value),
            references: references.get(),
            on_delete: on_delete.get(),
            on_update: on_update.get(),
            fk_name: fk_name.get(),
            default: default.get(),
            default_sql: default_sql.get(),
            generated: generated.get(),
            stored: stored.get().map(|s| s.span),
            virtual_: virtual_.get().map(|s| s.span),
            collation: collation.get().map(|s| s.value).unwrap_or_default(),
            deferrable: deferrable.get(),
            match_full: match_full.get().map(|s| s.span),
            array: array.get().map(|s| s.span),
            types,
            allows,
            updated_at: updated_at.get().map(|s| s.span),
            renamed_from: renamed_from.get().map(|s| s.value),
        }
    }
}

/// `references = Tenant` or `references = Tenant(slug)`.
fn reference(meta: &ParseNestedMeta) -> syn::Result<Reference> {
    let help = "#[column(references = Tenant)]` or `#[column(references = Tenant(slug))]";
    let path = table_path(meta, help)?;
    let mut column = None;
    if meta.input.peek(token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        let ident: Ident = content.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                format!("expected the referenced field's name\nhelp: write it as `{help}`"),
            )
        })?;
        if !content.is_empty() {
            return Err(content.error(
                "a column references one field\nhelp: for a composite key use `#[table(foreign_key(columns(a, b), references = Target))]`",
            ));
        }
        column = Some(ident);
    }
    Ok(Reference { path, column })
}

fn default_value(meta: &ParseNestedMeta) -> syn::Result<DefaultValue> {
    let help = "help: write a literal (`default = 0`, `default = -1.5`, `default = true`, `default = \"draft\"`), `default = now`, `default = current_date`, `default = random_uuid`, or raw SQL with `default_sql = \"...\"`";
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("`default` needs a value\n{help}")));
    }
    meta.input.parse::<Token![=]>()?;
    let negative = meta.input.parse::<Option<Token![-]>>()?.is_some();
    if meta.input.peek(Lit) {
        let lit: Lit = meta.input.parse()?;
        let value = match (&lit, negative) {
            (Lit::Int(int), _) => {
                let digits: i128 = int.base10_parse()?;
                let value = if negative { -digits } else { digits };
                i64::try_from(value)
                    .map(DefaultValue::Int)
                    .map_err(|_| syn::Error::new_spanned(&lit, "integer default out of the range of a 64-bit integer\nhelp: write it as `default_sql = \"...\"`"))?
            }
            (Lit::Float(float), _) => {
                let sign = if negative { "-" } else { "" };
                DefaultValue::Number(format!("{sign}{}", float.base10_digits()))
            }
            (Lit::Bool(b), false) => DefaultValue::Bool(b.value),
            (Lit::Str(s), false) => DefaultValue::Text(s.value()),
            _ => {
                return Err(syn::Error::new_spanned(
                    &lit,
                    format!("unsupported default value\n{help}"),
                ));
            }
        };
        return Ok(value);
    }
    if !negative && meta.input.peek(syn::Ident) {
        let word: Ident = meta.input.parse()?;
        if word == NOW {
            return Ok(DefaultValue::Now);
        }
        if word == CURRENT_DATE {
            return Ok(DefaultValue::CurrentDate);
        }
        if word == RANDOM_UUID {
            return Ok(DefaultValue::RandomUuid);
        }
        let text = word.to_string();
        let lower = text.to_lowercase();
        let mut message = format!("unknown default `{text}`");
        let suggestion = match lower.as_str() {
            "current_timestamp" | "now" | "localtimestamp" => Some("now"),
            "current_date" | "today" => Some("current_date"),
            "uuid" | "gen_random_uuid" | "uuid_generate_v4" | "new_uuid" => Some("random_uuid"),
            _ => did_you_mean(&lower, ["now", "current_date", "random_uuid"]),
        };
        if let Some(suggestion) = suggestion {
            message.push_str(&format!("\nhelp: did you mean `default = {suggestion}`?"));
        }
        message.push('\n');
        message.push_str(help);
        return Err(syn::Error::new(word.span(), message));
    }
    let next: proc_macro2::TokenTree = meta
        .input
        .parse()
        .map_err(|_| meta.error(format!("`default` needs a value\n{help}")))?;
    Err(syn::Error::new_spanned(
        next,
        format!("unsupported default value\n{help}"),
    ))
}

pub(crate) fn type_override(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    symbol: Symbol,
) -> syn::Result<TypeOverride> {
    Ok(match symbol {
        TEXT => {
            flag(
                meta,
                "#[column(text)]` (for a bounded length use `#[column(varchar(320))]`",
            )?;
            TypeOverride::Text
        }
        JSON => {
            flag(meta, "#[column(json)]")?;
            TypeOverride::Json
        }
        JSONB => {
            flag(meta, "#[column(jsonb)]")?;
            TypeOverride::Jsonb
        }
        CIDR => {
            flag(meta, "#[column(cidr)]")?;
            TypeOverride::Cidr
        }
        INTERVAL => {
            flag(meta, "#[column(interval)]")?;
            TypeOverride::Interval
        }
        TSVECTOR => {
            flag(meta, "#[column(tsvector)]")?;
            TypeOverride::TsVector
        }
        CITEXT => {
            flag(meta, "#[column(citext)]")?;
            TypeOverride::CiText
        }
        BYTES => {
            flag(meta, "#[column(bytes)]")?;
            TypeOverride::Bytes
        }
        VARCHAR | CHAR => {
            let example = if symbol == VARCHAR { 320 } else { 3 };
            let help = format!("#[column({symbol}({example}))]");
            let length = length(meta, &help)?;
            if symbol == VARCHAR {
                TypeOverride::Varchar(length)
            } else {
                TypeOverride::Char(length)
            }
        }
        NUMERIC | DECIMAL => {
            let help = format!(
                "#[column({symbol}(12, 2))]` (precision, scale) or `#[column({symbol}(12))]"
            );
            if meta.input.peek(Token![=]) {
                return Err(meta.error(format!(
                    "`{symbol}` takes its precision in parentheses\nhelp: write it as `{help}`"
                )));
            }
            if !meta.input.peek(token::Paren) {
                return Ok(TypeOverride::Decimal(None, None));
            }
            let ints = parenthesized_ints(meta, &help)?;
            let parse = |lit: &syn::LitInt| -> syn::Result<u16> {
                lit.base10_parse::<u16>().map_err(|_| {
                    syn::Error::new_spanned(lit, format!("precision and scale are small non-negative integers\nhelp: write it as `{help}`"))
                })
            };
            match ints.as_slice() {
                [p] => TypeOverride::Decimal(Some(parse(p)?), None),
                [p, s] => {
                    let (precision, scale) = (parse(p)?, parse(s)?);
                    if precision == 0 || scale > precision {
                        return Err(syn::Error::new_spanned(
                            s,
                            format!(
                                "`{symbol}({precision}, {scale})`: the scale must not exceed the precision, which must be at least 1\nhelp: write it as `{help}`"
                            ),
                        ));
                    }
                    TypeOverride::Decimal(Some(precision), Some(scale))
                }
                _ => return Err(meta.error(format!(
                    "`{symbol}` takes a precision and an optional scale\nhelp: write it as `{help}`"
                ))),
            }
        }
        RAW => {
            let help =
                "#[column(raw(postgres = \"tsvector\", mysql = \"TEXT\", sqlite = \"TEXT\"))]";
            let engines = per_engine_strings(cx, meta, "type", "gives the type per engine", help)?;
            TypeOverride::Raw(engines)
        }
        _ => unreachable!("not a type key: {symbol}"),
    })
}

/// `(n)` with `n >= 1`.
fn length(meta: &ParseNestedMeta, help: &str) -> syn::Result<u32> {
    if !meta.input.peek(token::Paren) {
        let extra = if key(meta) == "varchar" {
            ", or `#[column(text)]` for unbounded text"
        } else {
            ""
        };
        return Err(meta.error(format!(
            "`{}` needs a length\nhelp: write it as `{help}`{extra}",
            key(meta)
        )));
    }
    let ints = parenthesized_ints(meta, help)?;
    let [int] = ints.as_slice() else {
        return Err(meta.error(format!(
            "`{}` takes one length\nhelp: write it as `{help}`",
            key(meta)
        )));
    };
    match int.base10_parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(syn::Error::new_spanned(
            int,
            format!("the length must be at least 1\nhelp: write it as `{help}`"),
        )),
    }
}

/// `#[sql_enum(name = "...")]` on the enum.
pub struct EnumAttrs {
    pub name: Option<String>,
}

impl EnumAttrs {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut name = Attr::none(NAME);
        for attr in attrs.iter().filter(|attr| attr.path() == SQL_ENUM) {
            each_item(cx, attr, |meta| {
                if meta.path == NAME {
                    let lit = string(meta, "#[sql_enum(name = \"invoice_status\")]")?;
                    name.set(cx, span_of(meta), lit.value());
                } else if meta.path == RENAME {
                    return Err(meta.error(
                        "`rename` belongs on a variant\nhelp: write `#[sql_enum(name = \"invoice_status\")]` to name the type, `#[sql_enum(rename = \"paid_in_full\")]` on a variant to rename a value",
                    ));
                } else {
                    return Err(unknown_key(meta, "#[sql_enum(...)]", SQL_ENUM_KEYS));
                }
                Ok(())
            });
        }
        EnumAttrs {
            name: name.get().map(|s| s.value),
        }
    }
}

/// `#[sql_enum(rename = "...")]` on a variant.
pub struct VariantAttrs {
    pub rename: Option<Spanned<String>>,
}

impl VariantAttrs {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut rename = Attr::none(RENAME);
        for attr in attrs.iter().filter(|attr| attr.path() == SQL_ENUM) {
            each_item(cx, attr, |meta| {
                if meta.path == RENAME {
                    let lit = string(meta, "#[sql_enum(rename = \"paid_in_full\")]")?;
                    rename.set(cx, span_of(meta), lit.value());
                } else if meta.path == NAME {
                    return Err(meta.error(
                        "`name` belongs on the enum and names the SQL type\nhelp: to change this value write `#[sql_enum(rename = \"paid_in_full\")]`",
                    ));
                } else {
                    return Err(unknown_key(meta, "#[sql_enum(...)]", VARIANT_KEYS));
                }
                Ok(())
            });
        }
        VariantAttrs {
            rename: rename.get(),
        }
    }
}

/// The doc comment (`///` lines), one leading space per line removed, trimmed; `None` if empty.
pub fn docs(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            Meta::NameValue(nv) if nv.path == DOC => match &nv.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(s), ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .flat_map(|text| {
            text.split('\n')
                .map(|line| {
                    line.strip_prefix(' ')
                        .unwrap_or(line)
                        .trim_end()
                        .to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let joined = lines.join("\n");
    let trimmed = joined.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}
