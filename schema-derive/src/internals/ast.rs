//! The typed model of a `#[derive(Table)]` / `#[derive(SqlEnum)]` input, keeping the original
//! syn nodes so every later error and every generated token can point at the user's code.

use syn::ext::IdentExt;
use syn::{
    Data, DeriveInput, Fields, GenericArgument, Ident, PathArguments, Type, TypePath, Variant,
};

use super::attr::{Container, EnumAttrs, FieldAttrs, VariantAttrs};
use super::case::snake_case;
use super::ctxt::Ctxt;

/// A struct deriving `Table`.
pub struct Table<'a> {
    pub original: &'a DeriveInput,
    pub ident: &'a Ident,
    pub attrs: Container,
    /// The SQL table name.
    pub name: String,
    pub fields: Vec<Field<'a>>,
}

/// One named field: one column.
pub struct Field<'a> {
    pub ident: &'a Ident,
    /// The type as written.
    pub ty: &'a Type,
    /// The type with one `Option<...>` removed.
    pub value_ty: &'a Type,
    /// Whether the type is `Option<...>`.
    pub nullable: bool,
    pub attrs: FieldAttrs,
    /// The SQL column name.
    pub column: String,
}

impl<'a> Table<'a> {
    /// The model, or `None` (with errors in `cx`) if the input is not a struct with named fields.
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let attrs = Container::from_attrs(cx, &input.attrs);
        let named = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => named,
                Fields::Unnamed(_) => {
                    cx.error_spanned_by(
                        &input.ident,
                        "`#[derive(Table)]` needs a struct with named fields, one per column; tuple structs are not supported\nhelp: write it as `struct Invoice { id: i64, ... }`",
                    );
                    return None;
                }
                Fields::Unit => {
                    cx.error_spanned_by(
                        &input.ident,
                        "`#[derive(Table)]` needs a struct with named fields, one per column; this unit struct has none\nhelp: write it as `struct Invoice { id: i64, ... }`",
                    );
                    return None;
                }
            },
            Data::Enum(data) => {
                cx.error_spanned_by(
                    data.enum_token,
                    "`#[derive(Table)]` needs a struct with named fields, one per column; enums are not supported\nhelp: for a column holding one of a set of values, use `#[derive(SqlEnum)]` on the enum",
                );
                return None;
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "`#[derive(Table)]` needs a struct with named fields, one per column; unions are not supported",
                );
                return None;
            }
        };
        let fields = named
            .named
            .iter()
            .map(|field| {
                let ident = field.ident.as_ref().expect("named field");
                let attrs = FieldAttrs::from_attrs(cx, &field.attrs);
                let (nullable, value_ty) = match option_inner(&field.ty) {
                    Some(inner) => (true, inner),
                    None => (false, &field.ty),
                };
                let column = attrs
                    .name
                    .as_ref()
                    .map_or_else(|| ident.unraw().to_string(), |name| name.value.clone());
                Field {
                    ident,
                    ty: &field.ty,
                    value_ty,
                    nullable,
                    attrs,
                    column,
                }
            })
            .collect();
        let name = attrs.name.as_ref().map_or_else(
            || snake_case(&input.ident.unraw().to_string()),
            |name| name.value.clone(),
        );
        Some(Table {
            original: input,
            ident: &input.ident,
            attrs,
            name,
            fields,
        })
    }

    /// The field an ident in a column list names (raw prefixes ignored).
    pub fn field(&self, ident: &Ident) -> Option<&Field<'a>> {
        let wanted = ident.unraw();
        self.fields
            .iter()
            .find(|field| field.ident.unraw() == wanted)
    }
}

/// `T` if `ty` is syntactically `Option<T>` (any path ending in `Option` with one type argument).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    single_generic_argument(ty, "Option")
}

/// `T` if `ty` is syntactically `Vec<T>`.
pub fn vec_inner(ty: &Type) -> Option<&Type> {
    single_generic_argument(ty, "Vec")
}

/// `T` if `ty` is a path ending in `wrapper<T>` with exactly one type argument.
fn single_generic_argument<'a>(ty: &'a Type, wrapper: &str) -> Option<&'a Type> {
    let Type::Path(TypePath { qself: None, path }) = ty else {
        return None;
    };
    let last = path.segments.last()?;
    if last.ident != wrapper {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

/// An enum deriving `SqlEnum`.
pub struct SqlEnum<'a> {
    pub name: String,
    pub variants: Vec<EnumVariant<'a>>,
}

/// One variant: one value.
pub struct EnumVariant<'a> {
    pub original: &'a Variant,
    pub attrs: VariantAttrs,
    /// The SQL value.
    pub value: String,
}

impl<'a> SqlEnum<'a> {
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let attrs = EnumAttrs::from_attrs(cx, &input.attrs);
        let Data::Enum(data) = &input.data else {
            let token = match &input.data {
                Data::Struct(data) => data.struct_token.span,
                Data::Union(data) => data.union_token.span,
                Data::Enum(_) => unreachable!(),
            };
            cx.error_at(
                token,
                "`#[derive(SqlEnum)]` needs an enum of unit variants, one per value\nhelp: write it as `enum InvoiceStatus { Draft, Open, Paid }`",
            );
            return None;
        };
        let variants = data
            .variants
            .iter()
            .map(|variant| {
                let attrs = VariantAttrs::from_attrs(cx, &variant.attrs);
                let value = attrs.rename.as_ref().map_or_else(
                    || snake_case(&variant.ident.unraw().to_string()),
                    |rename| rename.value.clone(),
                );
                EnumVariant {
                    original: variant,
                    attrs,
                    value,
                }
            })
            .collect();
        let name = attrs
            .name
            .unwrap_or_else(|| snake_case(&input.ident.unraw().to_string()));
        Some(SqlEnum { name, variants })
    }
}
