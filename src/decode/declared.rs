//! The charset a page declares: `<meta charset>`, `<meta http-equiv content="…; charset=…">`,
//! `<?xml … encoding="…"?>`. Only the first few KB are read, as browsers do.

use encoding_rs::Encoding;

/// How far into the page a declaration is looked for.
pub(crate) const SCAN_LIMIT: usize = 4096;

/// A declaration found in the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Declared {
    /// The label as written, lower-cased and trimmed.
    pub label: String,
    /// What encoding_rs resolves it to (HTML rules: UTF-16 labels in an ASCII-readable page
    /// mean UTF-8).
    pub encoding: &'static Encoding,
}

/// Finds the first charset declaration in the first [`SCAN_LIMIT`] bytes.
pub(crate) fn find(bytes: &[u8]) -> Option<Declared> {
    let head = &bytes[..bytes.len().min(SCAN_LIMIT)];
    // No tag, no declaration.
    memchr::memchr(b'<', head)?;
    if let Some(d) = xml_declaration(head) {
        return Some(d);
    }
    let mut pos = 0;
    while let Some(off) = find_ci(&head[pos..], b"<meta") {
        let start = pos + off + 5;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |e| start + e);
        if let Some(d) = meta_tag(&head[start..end]) {
            return Some(d);
        }
        pos = end.max(start);
    }
    None
}

fn resolve(label: &[u8]) -> Option<Declared> {
    let label = trim(label);
    if label.is_empty() {
        return None;
    }
    let enc = Encoding::for_label(label)?;
    // A page that can be read as ASCII to find its declaration is not UTF-16 (HTML spec).
    let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        encoding_rs::UTF_8
    } else if enc == encoding_rs::X_USER_DEFINED {
        encoding_rs::WINDOWS_1252
    } else if enc == encoding_rs::REPLACEMENT {
        return None;
    } else {
        enc
    };
    Some(Declared {
        label: String::from_utf8_lossy(label).to_ascii_lowercase(),
        encoding: enc,
    })
}

fn xml_declaration(head: &[u8]) -> Option<Declared> {
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let body = trim_start(body);
    if !body.starts_with(b"<?xml") {
        return None;
    }
    let end = find_ci(body, b"?>")?;
    let decl = &body[..end];
    let at = find_ci(decl, b"encoding")?;
    attribute_value(&decl[at + 8..]).and_then(resolve)
}

/// Inside one `<meta …>` tag: `charset=…` directly or inside `content`.
fn meta_tag(tag: &[u8]) -> Option<Declared> {
    let at = find_ci(tag, b"charset")?;
    let rest = &tag[at + 7..];
    let rest = trim_start(rest);
    let rest = rest.strip_prefix(b"=")?;
    let rest = trim_start(rest);
    let rest = match rest.first() {
        Some(b'"') | Some(b'\'') => &rest[1..],
        _ => rest,
    };
    let end = rest
        .iter()
        .position(|&b| {
            matches!(
                b,
                b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n'
            )
        })
        .unwrap_or(rest.len());
    resolve(&rest[..end])
}

/// `= "value"` or `='value'` → value.
fn attribute_value(rest: &[u8]) -> Option<&[u8]> {
    let rest = trim_start(rest).strip_prefix(b"=")?;
    let rest = trim_start(rest);
    let quote = *rest.first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let end = memchr::memchr(quote, &rest[1..])?;
    Some(&rest[1..1 + end])
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn trim(b: &[u8]) -> &[u8] {
    let b = trim_start(b);
    let n = b
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_whitespace())
        .count();
    &b[..b.len() - n]
}

/// ASCII case-insensitive search.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    let first = needle[0].to_ascii_lowercase();
    let upper = needle[0].to_ascii_uppercase();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let found = memchr::memchr2(first, upper, &hay[i..=hay.len() - needle.len()])?;
        let at = i + found;
        if hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> Option<(&'static str, String)> {
        find(s.as_bytes()).map(|d| (d.encoding.name(), d.label))
    }

    #[test]
    fn meta_forms() {
        assert_eq!(
            label("<html><head><meta charset=gb2312>"),
            Some(("GBK", "gb2312".into()))
        );
        assert_eq!(
            label("<META CHARSET=\"Big5\" />"),
            Some(("Big5", "big5".into()))
        );
        assert_eq!(
            label("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">"),
            Some(("GBK", "gbk".into()))
        );
        assert_eq!(
            label("<?xml version=\"1.0\" encoding='GB18030'?><root/>"),
            Some(("gb18030", "gb18030".into()))
        );
        assert_eq!(
            label("<meta charset=\"utf-16\">"),
            Some(("UTF-8", "utf-16".into()))
        );
    }

    #[test]
    fn no_declaration() {
        assert_eq!(label("charset=gbk but not in a tag"), None);
        assert_eq!(label("<meta name=\"keywords\" content=\"工作计划\">"), None);
        assert_eq!(label("<meta charset=nonsense>"), None);
    }

    #[test]
    fn declaration_after_limit_is_ignored() {
        let page = format!("<html>{}<meta charset=gbk>", " ".repeat(SCAN_LIMIT));
        assert_eq!(label(&page), None);
    }
}
