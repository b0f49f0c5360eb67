//! Parsing of the access-control keys of `#[table(...)]`:
//! `tenant_isolated(by = tenant_id, setting = "app.tenant_id", to(app_role))`,
//! `policy(name = "...", command = select, restrictive, to(role), using = "...", with_check = "...")`,
//! `row_security(forced | not_forced | off, engines(postgres))` and
//! `grant(select, insert, update(display_name), to(role))`.
//!
//! Role names are bare words (they are plain lower-case identifiers); the roles themselves are
//! declared on the schema (`Schema::builder().role(...)`), which checks that they exist.

use syn::meta::ParseNestedMeta;
use syn::{Ident, token};

use super::ctxt::Ctxt;
use super::features::engines;
use super::parse::{
    Attr, did_you_mean, each_nested, fields, flag, has_value, key, list, span_of, string,
    unknown_key, word,
};
use super::symbol::*;

/// `tenant_isolated(...)`.
pub struct TenantAttr {
    pub by: Ident,
    pub setting: Option<String>,
    pub to: Vec<Ident>,
}

/// `policy(...)`.
pub struct PolicyAttr {
    pub name: String,
    pub command: &'static str,
    pub restrictive: bool,
    pub to: Vec<Ident>,
    pub using: Option<String>,
    pub with_check: Option<String>,
}

/// `row_security(...)`.
pub struct RowSecurityAttr {
    pub mode: Option<Symbol>,
    pub engines: Vec<Symbol>,
}

/// `grant(...)`: table privileges, column privileges (`update(a, b)`), and the roles.
pub struct GrantAttr {
    pub privileges: Vec<Symbol>,
    pub columns: Vec<(Symbol, Vec<Ident>)>,
    pub to: Vec<Ident>,
}

/// The commands `command = ...` accepts.
const COMMANDS: &[Symbol] = &[ALL, SELECT, INSERT, UPDATE, DELETE];
/// The privileges `grant(...)` accepts on a table.
const TABLE_PRIVILEGES: &[Symbol] = &[
    SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER,
];
/// The privileges `grant(...)` accepts on columns.
const COLUMN_PRIVILEGES: &[Symbol] = &[SELECT, INSERT, UPDATE, REFERENCES];

/// `None` when `by` is missing (the error is recorded).
pub fn parse_tenant(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<TenantAttr>> {
    let help = "tenant_isolated(by = tenant_id)";
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`tenant_isolated` names the tenant field\nhelp: write it as `{help}`"
        )));
    }
    let mut by = Attr::none(BY);
    let mut setting = Attr::none(SETTING);
    let mut to = Attr::none(TO);
    let errors_before = cx.error_count();
    each_nested(cx, meta, |inner| {
        if inner.path == BY {
            let field = word(inner, "by = tenant_id")?;
            by.set(cx, span_of(inner), field);
        } else if inner.path == SETTING {
            let lit = string(inner, "setting = \"app.tenant_id\"")?;
            setting.set(cx, span_of(inner), lit.value());
        } else if inner.path == TO {
            to.set(cx, span_of(inner), roles(inner)?);
        } else {
            return Err(unknown_key(inner, "tenant_isolated(...)", TENANT_KEYS));
        }
        Ok(())
    })?;
    let Some(by) = by.get() else {
        if cx.error_count() == errors_before {
            cx.error_spanned_by(
                &meta.path,
                format!("`tenant_isolated` is missing `by = <field>`\nhelp: write it as `{help}`"),
            );
        }
        return Ok(None);
    };
    Ok(Some(TenantAttr {
        by: by.value,
        setting: setting.get().map(|s| s.value),
        to: to.get().map(|s| s.value).unwrap_or_default(),
    }))
}

/// `None` when `name` is missing (the error is recorded).
pub fn parse_policy(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<PolicyAttr>> {
    let help = "policy(name = \"invoices_read\", command = select, to(app_role), using = \"...\")";
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`policy` needs its parts in parentheses\nhelp: write it as `{help}`"
        )));
    }
    let mut name = Attr::none(NAME);
    let mut command: Attr<&'static str> = Attr::none(COMMAND);
    let mut restrictive = Attr::none(RESTRICTIVE);
    let mut to = Attr::none(TO);
    let mut using = Attr::none(USING);
    let mut with_check = Attr::none(WITH_CHECK);
    let errors_before = cx.error_count();
    each_nested(cx, meta, |inner| {
        if inner.path == NAME {
            let lit = string(inner, "name = \"invoices_read\"")?;
            name.set(cx, span_of(inner), lit.value());
        } else if inner.path == COMMAND {
            let value = word(inner, "command = select")?;
            let Some(found) = COMMANDS.iter().find(|c| value == **c) else {
                return Err(unknown_word(&value, "command", COMMANDS));
            };
            command.set(cx, span_of(inner), found.0);
        } else if inner.path == RESTRICTIVE {
            restrictive.set(cx, flag(inner, "restrictive")?, ());
        } else if inner.path == TO {
            to.set(cx, span_of(inner), roles(inner)?);
        } else if inner.path == USING {
            let lit = string(inner, "using = \"owner_id = current_user\"")?;
            using.set(cx, span_of(inner), lit.value());
        } else if inner.path == WITH_CHECK {
            let lit = string(inner, "with_check = \"owner_id = current_user\"")?;
            with_check.set(cx, span_of(inner), lit.value());
        } else {
            return Err(unknown_key(inner, "policy(...)", POLICY_KEYS));
        }
        Ok(())
    })?;
    let Some(name) = name.get() else {
        if cx.error_count() == errors_before {
            cx.error_spanned_by(
                &meta.path,
                format!("`policy` is missing `name = \"...\"`\nhelp: write it as `{help}`"),
            );
        }
        return Ok(None);
    };
    Ok(Some(PolicyAttr {
        name: name.value,
        command: command.get().map_or("all", |c| c.value),
        restrictive: restrictive.get().is_some(),
        to: to.get().map(|s| s.value).unwrap_or_default(),
        using: using.get().map(|s| s.value),
        with_check: with_check.get().map(|s| s.value),
    }))
}

pub fn parse_row_security(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<RowSecurityAttr> {
    let help = "row_security(not_forced)` or `row_security(engines(postgres))";
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`row_security` takes a mode or engines in parentheses\nhelp: write it as `{help}`"
        )));
    }
    let mut mode: Attr<Symbol> = Attr::none(ROW_SECURITY);
    let mut engines_attr = Attr::none(ENGINES);
    each_nested(cx, meta, |inner| {
        if let Some(found) = ROW_SECURITY_MODES.iter().find(|m| inner.path == **m) {
            mode.set(cx, flag(inner, "row_security(not_forced)")?, *found);
        } else if inner.path == ENGINES {
            engines_attr.set(cx, span_of(inner), engines(cx, inner)?);
        } else {
            return Err(unknown_key(inner, "row_security(...)", ROW_SECURITY_KEYS));
        }
        Ok(())
    })?;
    Ok(RowSecurityAttr {
        mode: mode.get().map(|s| s.value),
        engines: engines_attr.get().map(|s| s.value).unwrap_or_default(),
    })
}

pub fn parse_grant(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<GrantAttr> {
    let help = "grant(select, insert, update(display_name), to(app_role))";
    if !meta.input.peek(token::Paren) {
        return Err(meta.error(format!(
            "`grant` lists privileges and roles\nhelp: write it as `{help}`"
        )));
    }
    let mut privileges: Vec<Symbol> = Vec::new();
    let mut columns = Vec::new();
    let mut to = Attr::none(TO);
    let errors_before = cx.error_count();
    each_nested(cx, meta, |inner| {
        if inner.path == TO {
            to.set(cx, span_of(inner), roles(inner)?);
        } else if let Some(privilege) = TABLE_PRIVILEGES.iter().find(|p| inner.path == **p) {
            if has_value(inner) {
                if !COLUMN_PRIVILEGES.contains(privilege) {
                    return Err(inner.error(format!(
                        "`{privilege}` is granted on whole tables only; columns take {}\nhelp: write it as `{help}`",
                        list(COLUMN_PRIVILEGES)
                    )));
                }
                columns.push((*privilege, fields(inner, help)?));
            } else if privileges.contains(privilege) {
                cx.error_spanned_by(
                    &inner.path,
                    format!("`{privilege}` is listed twice\nhelp: list it once"),
                );
            } else {
                privileges.push(*privilege);
            }
        } else {
            let mut valid = TABLE_PRIVILEGES.to_vec();
            valid.push(TO);
            return Err(unknown_key(inner, "grant(...)", &valid));
        }
        Ok(())
    })?;
    let to = to.get().map(|s| s.value).unwrap_or_default();
    if cx.error_count() == errors_before {
        if to.is_empty() {
            cx.error_spanned_by(
                &meta.path,
                format!("`grant` names no role; nothing is granted to PUBLIC\nhelp: write it as `{help}`"),
            );
        } else if privileges.is_empty() && columns.is_empty() {
            cx.error_spanned_by(
                &meta.path,
                format!("`grant` names no privilege\nhelp: write it as `{help}`"),
            );
        }
    }
    Ok(GrantAttr {
        privileges,
        columns,
        to,
    })
}

/// `to(role_a, role_b)`: bare role names.
fn roles(meta: &ParseNestedMeta) -> syn::Result<Vec<Ident>> {
    let help = format!("{}(app_role)", key(meta));
    fields(meta, &help).map_err(|e| {
        syn::Error::new(
            e.span(),
            e.to_string()
                .replace(
                    "fields are named by their Rust identifier",
                    "roles are named by a bare word",
                )
                .replace("a list of fields", "a list of roles")
                .replace("lists no fields", "lists no roles")
                .replace("expected a field name", "expected a role name"),
        )
    })
}

/// "unknown `command` value `x`", with the nearest and the valid values.
fn unknown_word(value: &Ident, what: &str, valid: &[Symbol]) -> syn::Error {
    let text = value.to_string();
    let mut message = format!("unknown `{what}` value `{text}`");
    if let Some(s) = did_you_mean(&text, valid.iter().map(|v| v.0)) {
        message.push_str(&format!("\nhelp: did you mean `{s}`?"));
    }
    message.push_str(&format!("\nnote: `{what}` is one of {}", list(valid)));
    syn::Error::new_spanned(value, message)
}

/// Every access-control key of one `#[table(...)]`.
#[derive(Default)]
pub struct SecurityAttrs {
    pub tenant: Option<(proc_macro2::Span, TenantAttr)>,
    pub policies: Vec<PolicyAttr>,
    pub row_security: Option<RowSecurityAttr>,
    pub grants: Vec<GrantAttr>,
}

impl SecurityAttrs {
    /// Parses `meta` if it is one of the access-control keys; `Ok(false)` if it is not.
    pub fn parse(&mut self, cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<bool> {
        if meta.path == TENANT_ISOLATED {
            if let Some(tenant) = parse_tenant(cx, meta)? {
                if self.tenant.is_some() {
                    cx.error_spanned_by(
                        &meta.path,
                        "duplicate attribute `tenant_isolated`\nhelp: a table is isolated by one tenant field",
                    );
                } else {
                    self.tenant = Some((span_of(meta), tenant));
                }
            }
        } else if meta.path == POLICY {
            if let Some(policy) = parse_policy(cx, meta)? {
                self.policies.push(policy);
            }
        } else if meta.path == ROW_SECURITY {
            let parsed = parse_row_security(cx, meta)?;
            if self.row_security.is_some() {
                cx.error_spanned_by(
                    &meta.path,
                    "duplicate attribute `row_security`\nhelp: write the mode and the engines in one `row_security(...)`",
                );
            } else {
                self.row_security = Some(parsed);
            }
        } else if meta.path == GRANT {
            self.grants.push(parse_grant(cx, meta)?);
        } else {
            return Ok(false);
        }
        Ok(true)
    }
}
