//! Rust names to SQL names.

/// `InvoiceLine` → `invoice_line`, `HTTPRequest` → `http_request`, `Utf8Text` → `utf8_text`.
pub fn snake_case(name: &str) -> String {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                None | Some('_') => false,
                Some(p) if p.is_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_uppercase() => next.is_some_and(char::is_lowercase),
                Some(_) => false,
            };
            if boundary {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn converts() {
        assert_eq!(snake_case("Invoice"), "invoice");
        assert_eq!(snake_case("InvoiceLine"), "invoice_line");
        assert_eq!(snake_case("HTTPRequest"), "http_request");
        assert_eq!(snake_case("Utf8Text"), "utf8_text");
        assert_eq!(snake_case("already_snake"), "already_snake");
        assert_eq!(snake_case("PaidInFull"), "paid_in_full");
    }
}
