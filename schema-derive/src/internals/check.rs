//! Cross-attribute rules, one small function each. Every rule says why it exists; a conflict is
//! reported on both spans so the user sees both halves.

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::{Fields, Ident, Type};

use super::ast::{Field, SqlEnum, Table};
use super::attr::{Action, IndexAttr, TypeOverride};
use super::ctxt::Ctxt;
use super::features::ElementTarget;
use super::parse::did_you_mean;

/// Runs every rule for a `#[derive(Table)]` input.
pub fn check_table(cx: &Ctxt, table: &Table) {
    no_generics(cx, table.original);
    has_columns(cx, table);
    names_not_empty(cx, table);
    distinct_column_names(cx, table);
    column_lists_name_fields(cx, table);
    one_primary_key_declaration(cx, table);
    primary_key_not_nullable(cx, table);
    for field in &table.fields {
        one_column_type(cx, field);
        one_default(cx, field);
        identity_has_no_default(cx, field);
        identity_not_nullable(cx, field);
        identity_is_integer(cx, field);
        fk_options_need_references(cx, field);
        set_null_needs_nullable_column(cx, field);
        generated_kind_needs_generated(cx, field);
        one_generated_kind(cx, field);
        generated_has_no_other_source(cx, field);
        array_needs_vec(cx, field);
    }
    for index in &table.attrs.indexes {
        nulls_not_distinct_needs_unique(cx, index);
        fulltext_is_not_unique(cx, index);
    }
    composite_target_matches_columns(cx, table);
    composite_set_null_needs_nullable_columns(cx, table);
    one_updated_at(cx, table);
    for field in &table.fields {
        updated_at_is_a_timestamp(cx, field);
    }
}

/// Why: one trigger keeps one column current; two `updated_at` columns would hold the same
/// value, and the second is most likely a copy-paste slip.
fn one_updated_at(cx: &Ctxt, table: &Table) {
    let marked: Vec<_> = table
        .fields
        .iter()
        .filter_map(|f| f.attrs.updated_at.map(|span| (span, f)))
        .collect();
    if marked.len() > 1 {
        for (span, _) in &marked {
            cx.error_at(
                *span,
                "`updated_at` is on more than one field\nhelp: mark the one column that records the last change",
            );
        }
    }
}

/// Why: the engine writes the current time into the column. Only the obvious cases are caught
/// here (a type override or a well-known non-time Rust type); schema validation catches the rest.
fn updated_at_is_a_timestamp(cx: &Ctxt, field: &Field) {
    let Some(span) = field.attrs.updated_at else {
        return;
    };
    const TIMESTAMPS: &[&str] = &[
        "DateTime",
        "NaiveDateTime",
        "OffsetDateTime",
        "PrimitiveDateTime",
        "SystemTime",
    ];
    let overridden = field
        .attrs
        .types
        .first()
        .map(|(symbol, _)| format!("`{symbol}`"));
    let rust_name = last_segment(field.value_ty).map(ToString::to_string);
    let offending = match (overridden, rust_name) {
        (Some(symbol), _) => Some(symbol),
        (None, Some(name)) if !TIMESTAMPS.contains(&name.as_str()) => {
            Some(format!("`{}`", type_text(field.value_ty)))
        }
        _ => None,
    };
    if let Some(offending) = offending {
        cx.error_at(
            span,
            format!(
                "`updated_at` needs a timestamp column, but this column is {offending}\nhelp: use `DateTime<Utc>` (or `NaiveDateTime`) and `#[column(updated_at, default = now)]`"
            ),
        );
    }
}

/// Runs every rule for a `#[derive(SqlEnum)]` input.
pub fn check_sql_enum(cx: &Ctxt, input: &syn::DeriveInput, sql_enum: &SqlEnum) {
    no_generics(cx, input);
    unit_variants(cx, sql_enum);
    has_variants(cx, input, sql_enum);
    distinct_values(cx, sql_enum);
}

/// Why: a table has one fixed set of columns with one SQL type each; a generic struct would
/// describe a family of tables, and `Table::NAME` could not differ between its instances.
fn no_generics(cx: &Ctxt, input: &syn::DeriveInput) {
    if let Some(param) = input.generics.params.first() {
        cx.error_spanned_by(
            param,
            "generic parameters are not supported here: a table or enum type describes one fixed SQL definition\nhelp: remove the parameter, or derive on a concrete type",
        );
    }
}

/// Why: SQL tables need at least one column (SQLite and MySQL reject an empty CREATE TABLE).
fn has_columns(cx: &Ctxt, table: &Table) {
    if table.fields.is_empty() {
        cx.error_spanned_by(
            table.ident,
            "a table needs at least one column\nhelp: add a named field, e.g. `id: i64`",
        );
    }
}

/// Why: an empty identifier cannot be written in SQL.
fn names_not_empty(cx: &Ctxt, table: &Table) {
    let names = table
        .attrs
        .name
        .iter()
        .chain(table.fields.iter().filter_map(|f| f.attrs.name.as_ref()));
    for name in names {
        if name.value.trim().is_empty() {
            cx.error_at(
                name.span,
                "the name is empty\nhelp: give a name, or remove `name = ...` to use the Rust name in snake_case",
            );
        }
    }
}

/// Why: two fields mapping to one SQL column would make the CREATE TABLE invalid.
fn distinct_column_names(cx: &Ctxt, table: &Table) {
    let mut seen: BTreeMap<&str, &Field> = BTreeMap::new();
    for field in &table.fields {
        if let Some(first) = seen.insert(&field.column, field) {
            let span = field
                .attrs
                .name
                .as_ref()
                .map_or(field.ident.span(), |name| name.span);
            cx.error_at(
                span,
                format!(
                    "column `{}` is already defined by field `{}`\nhelp: give one of them another `#[column(name = \"...\")]`",
                    field.column, first.ident
                ),
            );
            let first_span = first
                .attrs
                .name
                .as_ref()
                .map_or(first.ident.span(), |name| name.span);
            cx.error_at(
                first_span,
                format!(
                    "column `{}` is also defined by field `{}`",
                    field.column, field.ident
                ),
            );
        }
    }
}

/// Why: column lists are Rust idents precisely so that a typo is a compile error at the ident,
/// not a broken schema found at build time.
fn column_lists_name_fields(cx: &Ctxt, table: &Table) {
    let attrs = &table.attrs;
    let lists = attrs
        .primary_key
        .iter()
        .map(|pk| ("primary_key", &pk.value))
        .chain(attrs.uniques.iter().map(|u| ("unique", &u.columns)))
        .chain(attrs.indexes.iter().map(|i| ("index", &i.columns)))
        .chain(attrs.indexes.iter().map(|i| ("include", &i.include)))
        .chain(
            attrs
                .foreign_keys
                .iter()
                .map(|fk| ("foreign_key", &fk.columns)),
        )
        .chain(
            attrs
                .fds
                .iter()
                .flat_map(|fd| [("fd", &fd.from), ("fd", &fd.to)]),
        );
    let excluded: Vec<Vec<Ident>> = attrs
        .exclusions
        .iter()
        .map(|e| {
            e.elements
                .iter()
                .filter_map(|(target, _)| match target {
                    ElementTarget::Field(ident) => Some(ident.clone()),
                    ElementTarget::Sql(_) => None,
                })
                .collect()
        })
        .collect();
    let tenant: Vec<Vec<Ident>> = attrs
        .security
        .tenant
        .iter()
        .map(|(_, t)| vec![t.by.clone()])
        .collect();
    let lists = lists
        .chain(excluded.iter().map(|list| ("exclude", list)))
        .chain(tenant.iter().map(|list| ("tenant_isolated", list)))
        .chain(
            attrs
                .security
                .grants
                .iter()
                .flat_map(|g| g.columns.iter().map(|(_, list)| ("grant", list))),
        );
    for (what, list) in lists {
        for (i, ident) in list.iter().enumerate() {
            if table.field(ident).is_none() {
                let mut message = format!("`{}` has no field `{ident}`", table.ident);
                let names: Vec<String> = table.fields.iter().map(|f| f.ident.to_string()).collect();
                if let Some(suggestion) =
                    did_you_mean(&ident.to_string(), names.iter().map(String::as_str))
                {
                    message.push_str(&format!("\nhelp: did you mean `{suggestion}`?"));
                }
                message.push_str(&format!(
                    "\nnote: `{what}(...)` lists Rust field names; the fields are {}",
                    names
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                cx.error_spanned_by(ident, message);
            } else if list[..i].iter().any(|earlier| earlier == ident) {
                cx.error_spanned_by(
                    ident,
                    format!("field `{ident}` is listed twice in `{what}(...)`\nhelp: list each field once"),
                );
            }
        }
    }
}

/// Why: a table has one primary key; declaring it on a field and on the table (or on two
/// fields) leaves its column order ambiguous.
fn one_primary_key_declaration(cx: &Ctxt, table: &Table) {
    let on_fields: Vec<&Field> = table
        .fields
        .iter()
        .filter(|f| f.attrs.primary_key.is_some())
        .collect();
    if let Some(table_pk) = &table.attrs.primary_key {
        for field in &on_fields {
            cx.error_at(
                field.attrs.primary_key.unwrap(),
                "`primary_key` is set on this field and on the table\nhelp: keep one: remove this, or remove `primary_key(...)` from `#[table(...)]`",
            );
            cx.error_at(
                table_pk.span,
                format!("the table's `primary_key(...)` conflicts with `#[column(primary_key)]` on `{}`", field.ident),
            );
        }
    } else if on_fields.len() > 1 {
        let names: Vec<String> = on_fields.iter().map(|f| f.ident.to_string()).collect();
        for field in &on_fields {
            cx.error_at(
                field.attrs.primary_key.unwrap(),
                format!(
                    "`#[column(primary_key)]` is on {} fields\nhelp: for a composite key write `#[table(primary_key({}))]` on the struct, in key order",
                    on_fields.len(),
                    names.join(", ")
                ),
            );
        }
    }
}

/// Why: primary key columns are NOT NULL in every engine; an `Option` field could never hold
/// `None`.
fn primary_key_not_nullable(cx: &Ctxt, table: &Table) {
    let report = |span: Span, field: &Field| {
        cx.error_at(
            span,
            format!(
                "primary key column `{}` cannot be NULL, but its type is an `Option`\nhelp: change the field's type to `{}`",
                field.column,
                type_text(field.value_ty)
            ),
        );
    };
    for field in &table.fields {
        if let (Some(span), true) = (field.attrs.primary_key, field.nullable) {
            report(span, field);
        }
    }
    if let Some(pk) = &table.attrs.primary_key {
        for ident in &pk.value {
            if let Some(field) = table.field(ident).filter(|f| f.nullable) {
                report(ident.span(), field);
            }
        }
    }
}

/// Why: a column has exactly one SQL type; two explicit types contradict each other.
fn one_column_type(cx: &Ctxt, field: &Field) {
    let types = &field.attrs.types;
    if types.len() > 1 {
        for (symbol, spanned) in types {
            let others: Vec<String> = types
                .iter()
                .filter(|(other, _)| other != symbol)
                .map(|(other, _)| format!("`{other}`"))
                .collect();
            cx.error_at(
                spanned.span,
                format!(
                    "column type `{symbol}` conflicts with {}\nhelp: a column has one type; keep one of them",
                    others.join(" and ")
                ),
            );
        }
    }
}

/// Why: a column has one default; `default` and `default_sql` would compete.
fn one_default(cx: &Ctxt, field: &Field) {
    if let (Some(default), Some(sql)) = (&field.attrs.default, &field.attrs.default_sql) {
        cx.error_at(
            default.span,
            "`default` conflicts with `default_sql` on the same column\nhelp: keep one",
        );
        cx.error_at(
            sql.span,
            "`default_sql` conflicts with `default` on the same column",
        );
    }
}

/// Why: the engine generates identity values; a default would never apply (and PostgreSQL
/// rejects the combination).
fn identity_has_no_default(cx: &Ctxt, field: &Field) {
    let Some(identity) = &field.attrs.identity else {
        return;
    };
    for default in [&field.attrs.default, &field.attrs.default_sql]
        .into_iter()
        .flatten()
    {
        cx.error_at(
            identity.span,
            "`identity` conflicts with a default: the engine generates this column's values\nhelp: keep `identity` or the default, not both",
        );
        cx.error_at(default.span, "this default conflicts with `identity`");
    }
}

/// Why: identity columns are always filled, so they are NOT NULL.
fn identity_not_nullable(cx: &Ctxt, field: &Field) {
    if let (Some(identity), true) = (&field.attrs.identity, field.nullable) {
        cx.error_at(
            identity.span,
            format!(
                "an identity column is never NULL, but `{}` is an `Option`\nhelp: change the field's type to `{}`",
                field.ident,
                type_text(field.value_ty)
            ),
        );
    }
}

/// Why: every engine generates identity values only for integer columns. Only the obvious
/// cases are caught here (a non-integer type override or a well-known non-integer Rust type);
/// schema validation at build time catches the rest.
fn identity_is_integer(cx: &Ctxt, field: &Field) {
    let Some(identity) = &field.attrs.identity else {
        return;
    };
    let overridden = field
        .attrs
        .types
        .iter()
        .find(|(_, t)| !matches!(t.value, TypeOverride::Raw(_) | TypeOverride::Decimal(..)));
    const NOT_INTEGERS: &[&str] = &[
        "String",
        "str",
        "bool",
        "f32",
        "f64",
        "char",
        "Vec",
        "Uuid",
        "NaiveDate",
        "NaiveDateTime",
        "NaiveTime",
        "DateTime",
        "Value",
        "Decimal",
        "IpAddr",
    ];
    let rust_name = last_segment(field.value_ty);
    let offending = match (overridden, &rust_name) {
        (Some((symbol, _)), _) => Some(format!("`{symbol}`")),
        (None, Some(name)) if NOT_INTEGERS.contains(&name.to_string().as_str()) => {
            Some(format!("`{}`", type_text(field.value_ty)))
        }
        _ => None,
    };
    if let Some(offending) = offending {
        cx.error_at(
            identity.span,
            format!(
                "`identity` needs an integer column, but this column is {offending}\nhelp: use `i64` (or `i32`, `i16`) for a generated key, or remove `identity`"
            ),
        );
    }
}

/// Why: `on_delete`, `on_update` and `fk_name` describe a foreign key; without `references`
/// there is none, and silently ignoring them would hide a missing reference.
fn fk_options_need_references(cx: &Ctxt, field: &Field) {
    if field.attrs.references.is_some() {
        return;
    }
    let options = [
        ("on_delete", field.attrs.on_delete.as_ref().map(|a| a.span)),
        ("on_update", field.attrs.on_update.as_ref().map(|a| a.span)),
        ("fk_name", field.attrs.fk_name.as_ref().map(|n| n.span)),
        (
            "deferrable",
            field.attrs.deferrable.as_ref().map(|d| d.span),
        ),
        ("match_full", field.attrs.match_full),
    ];
    for (name, span) in options {
        if let Some(span) = span {
            cx.error_at(
                span,
                format!(
                    "`{name}` needs `references` on the same column\nhelp: write it as `#[column(references = Tenant, {name}{})]`",
                    if name == "match_full" { "" } else { " = ..." }
                ),
            );
        }
    }
}

/// Why: SET NULL writes NULL into the referencing column; a NOT NULL column would make every
/// such delete or update fail at run time.
fn set_null_needs_nullable_column(cx: &Ctxt, field: &Field) {
    if field.attrs.references.is_none() || field.nullable {
        return;
    }
    for action in [&field.attrs.on_delete, &field.attrs.on_update]
        .into_iter()
        .flatten()
    {
        if action.value == Action::SetNull {
            cx.error_at(
                action.span,
                format!(
                    "`set_null` needs a nullable column, but `{}` is not an `Option`\nhelp: change the field's type to `Option<{}>`, or use another action such as `cascade`",
                    field.ident,
                    type_text(field.ty)
                ),
            );
        }
    }
}

/// Why: a composite foreign key pairs its columns with the target's columns one by one.
fn composite_target_matches_columns(cx: &Ctxt, table: &Table) {
    for fk in &table.attrs.foreign_keys {
        if let Some(target) = &fk.target
            && !fk.columns.is_empty()
            && target.len() != fk.columns.len()
        {
            cx.error_at(
                target.first().map_or(fk.span, Ident::span),
                format!(
                    "`target(...)` lists {} field(s) but `columns(...)` lists {}\nhelp: pair each referencing column with one referenced field, in order",
                    target.len(),
                    fk.columns.len()
                ),
            );
        }
    }
}

/// Why: as for a column's `set_null`, every referencing column must accept NULL.
fn composite_set_null_needs_nullable_columns(cx: &Ctxt, table: &Table) {
    for fk in &table.attrs.foreign_keys {
        for action in [&fk.on_delete, &fk.on_update].into_iter().flatten() {
            if action.value != Action::SetNull {
                continue;
            }
            let not_null: Vec<String> = fk
                .columns
                .iter()
                .filter_map(|ident| table.field(ident))
                .filter(|field| !field.nullable)
                .map(|field| format!("`{}`", field.ident))
                .collect();
            if !not_null.is_empty() {
                cx.error_at(
                    action.span,
                    format!(
                        "`set_null` needs nullable columns, but {} not an `Option`\nhelp: make the referencing fields `Option<...>`, or use another action such as `cascade`",
                        if not_null.len() == 1 { format!("{} is", not_null[0]) } else { format!("{} are", not_null.join(", ")) }
                    ),
                );
            }
        }
    }
}

/// Why: an SQL enum value is a string; a variant carrying data has no string form.
fn unit_variants(cx: &Ctxt, sql_enum: &SqlEnum) {
    for variant in &sql_enum.variants {
        if !matches!(variant.original.fields, Fields::Unit) {
            cx.error_spanned_by(
                &variant.original.fields,
                format!(
                    "variant `{}` carries data, but an SQL enum value is a plain string\nhelp: use unit variants only: `{},`",
                    variant.original.ident, variant.original.ident
                ),
            );
        }
    }
}

/// Why: engines reject an enum type without values (and nothing could be stored in it).
fn has_variants(cx: &Ctxt, input: &syn::DeriveInput, sql_enum: &SqlEnum) {
    if sql_enum.variants.is_empty() {
        cx.error_spanned_by(
            &input.ident,
            "an SQL enum needs at least one value\nhelp: add unit variants, e.g. `enum InvoiceStatus { Draft, Open, Paid }`",
        );
    }
}

/// Why: two variants stored as the same string could not be told apart when read back.
fn distinct_values(cx: &Ctxt, sql_enum: &SqlEnum) {
    let mut seen: BTreeMap<&str, &syn::Variant> = BTreeMap::new();
    for variant in &sql_enum.variants {
        let span_of = |v: &super::ast::EnumVariant| {
            v.attrs
                .rename
                .as_ref()
                .map_or(v.original.ident.span(), |r| r.span)
        };
        if let Some(first) = seen.insert(&variant.value, variant.original) {
            let first_variant = sql_enum
                .variants
                .iter()
                .find(|v| std::ptr::eq(v.original, first))
                .expect("seen variant");
            cx.error_at(
                span_of(variant),
                format!(
                    "value `{}` is used by variants `{}` and `{}`\nhelp: give one of them another `#[sql_enum(rename = \"...\")]`",
                    variant.value, first.ident, variant.original.ident
                ),
            );
            cx.error_at(
                span_of(first_variant),
                format!(
                    "value `{}` is also used by variant `{}`",
                    variant.value, variant.original.ident
                ),
            );
        }
    }
}

fn last_segment(ty: &Type) -> Option<&Ident> {
    match ty {
        Type::Path(path) => path.path.segments.last().map(|s| &s.ident),
        Type::Reference(reference) => last_segment(&reference.elem),
        _ => None,
    }
}

/// The type as the user wrote it, for messages.
fn type_text(ty: &Type) -> String {
    let text = quote::quote!(#ty).to_string();
    // `Option < String >` → `Option<String>`.
    text.replace(" < ", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" :: ", "::")
        .replace(" ,", ",")
}

/// Why: `stored` and `virtual` say how a generated column is kept; without `generated` there
/// is nothing to keep.
fn generated_kind_needs_generated(cx: &Ctxt, field: &Field) {
    if field.attrs.generated.is_some() {
        return;
    }
    for (name, span) in [
        ("stored", field.attrs.stored),
        ("virtual", field.attrs.virtual_),
    ] {
        if let Some(span) = span {
            cx.error_at(
                span,
                format!("`{name}` needs `generated` on the same column\nhelp: write it as `#[column(generated = \"price_cents * quantity\", {name})]`"),
            );
        }
    }
}

/// Why: a generated column is either stored or computed on read, not both.
fn one_generated_kind(cx: &Ctxt, field: &Field) {
    if let (Some(stored), Some(virtual_)) = (field.attrs.stored, field.attrs.virtual_) {
        cx.error_at(
            stored,
            "`stored` conflicts with `virtual` on the same column\nhelp: keep one (`stored` is the default)",
        );
        cx.error_at(
            virtual_,
            "`virtual` conflicts with `stored` on the same column",
        );
    }
}

/// Why: the engine computes a generated column from its expression; a default or an identity
/// would be a second source of values, which every engine rejects.
fn generated_has_no_other_source(cx: &Ctxt, field: &Field) {
    let Some(generated) = &field.attrs.generated else {
        return;
    };
    let others = [
        ("default", field.attrs.default.as_ref().map(|d| d.span)),
        (
            "default_sql",
            field.attrs.default_sql.as_ref().map(|d| d.span),
        ),
        ("identity", field.attrs.identity.as_ref().map(|i| i.span)),
    ];
    for (name, span) in others {
        if let Some(span) = span {
            cx.error_at(
                generated.span,
                format!("`generated` conflicts with `{name}`: the expression gives this column's values\nhelp: keep `generated` or `{name}`, not both"),
            );
            cx.error_at(span, format!("`{name}` conflicts with `generated`"));
        }
    }
}

/// Why: NULLS NOT DISTINCT changes how uniqueness treats NULLs; a non-unique index has no
/// uniqueness to change.
fn nulls_not_distinct_needs_unique(cx: &Ctxt, index: &IndexAttr) {
    if let (Some(span), false) = (index.nulls_not_distinct, index.unique) {
        cx.error_at(
            span,
            "`nulls_not_distinct` needs `unique` on the same index\nhelp: write it as `index(columns(a), unique, nulls_not_distinct)`",
        );
    }
}

/// Why: a full-text index finds words in text; no engine enforces uniqueness with one.
fn fulltext_is_not_unique(cx: &Ctxt, index: &IndexAttr) {
    let Some(method) = &index.method else {
        return;
    };
    if method.value != "fulltext" {
        if let (Some(unique), true) = (index.unique_span, method.value != "btree") {
            cx.error_at(
                method.span,
                format!("`{}` indexes cannot be unique; only B-tree indexes enforce uniqueness\nhelp: drop `method = {}` for a unique index", method.value, method.value),
            );
            cx.error_at(
                unique,
                format!("`unique` conflicts with `method = {}`", method.value),
            );
        }
        return;
    }
    if let Some(unique) = index.unique_span {
        cx.error_at(
            method.span,
            "`fulltext` conflicts with `unique`: a full-text index cannot enforce uniqueness\nhelp: keep one, e.g. `index(columns(body), fulltext)`",
        );
        cx.error_at(unique, "`unique` conflicts with `fulltext`");
    }
}

/// Why: `array` takes its element type from `Vec<T>`; on any other Rust type the column and
/// the field would disagree.
fn array_needs_vec(cx: &Ctxt, field: &Field) {
    if let Some(span) = field.attrs.array
        && super::ast::vec_inner(field.value_ty).is_none()
    {
        cx.error_at(
            span,
            "`array` needs a `Vec<T>` field (or `Option<Vec<T>>`)\nhelp: write the field as `pub tags: Vec<String>`",
        );
    }
}
