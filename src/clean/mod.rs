//! Decoded page → cleaned text, analysis view and dedup key.
//!
//! Interface used by the pipeline: [`clean`], [`CleanText`], [`Format`], [`detect_format`], and
//! the [`chrome`] learner (pass 1: [`chrome::page_line_hashes`] per page into a
//! [`chrome::ChromeLearner`], `finish()`; pass 2: [`clean`] per page with that set).
//!
//! The steps, each in its module: HTML → main-content blocks ([`html`]), line splitting with
//! split sub/superscripts joined; per line, one pass ([`views::line_views_of`]) for the
//! analysis view, dedup key, script evidence and the mojibake and artefact pre-scans, then
//! mojibake repair (`decode::mojibake`) and inline artefacts removed ([`artefacts`]) on the
//! lines flagged; line verdicts with reason codes ([`rules`], [`chrome`]); the page's views
//! are the kept lines' joined ([`views`]). The cleaned text holds one paragraph per
//! line, trimmed, without blank lines; cleaning it again changes nothing.

pub mod artefacts;
pub mod chrome;
pub mod html;
pub mod rules;
pub mod views;

use crate::report::{Mojibake, RemovedLine, Script};
use chrome::ChromeSet;

/// Whether a page is plain text or HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (lines).
    Text,
    /// HTML markup.
    Html,
}

/// Guesses the format of decoded text: a full page (`<html`, `<!doctype html`, `<body`), or
/// a fragment with several block tags (records of scraped JSONL/CSV often hold `<p>…</p>`).
pub fn detect_format(text: &str) -> Format {
    // Look at about the first 4096 chars (12 KiB covers them for CJK text); most pages have no
    // '<' at all there, and that answer costs one memchr.
    let mut end = text.len().min(12 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text.as_bytes()[..end];
    if memchr::memchr(b'<', head).is_none() {
        return Format::Text;
    }
    let head = head.to_ascii_lowercase();
    let count = |pat: &str| memchr::memmem::find_iter(&head, pat.as_bytes()).count();
    if count("<html") > 0 || count("<!doctype html") > 0 || count("<body") > 0 {
        return Format::Html;
    }
    let tags = [
        "<p>", "<p ", "</p>", "<br>", "<br/>", "<br />", "<div", "</div>", "<li>", "</li>", "<td",
        "<span",
    ]
    .iter()
    .map(|t| count(t))
    .sum::<usize>();
    if tags >= 4 {
        Format::Html
    } else {
        Format::Text
    }
}

/// The three texts of a document (OUTPUT.md "Three texts, one set of offsets").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CleanText {
    /// What a reader would call the document, original script.
    pub cleaned: String,
    /// Simplified script, full-width ASCII made half-width. Invariant: exactly as many chars
    /// as `cleaned`, char i of one corresponding to char i of the other.
    pub analysis: String,
    /// Hanzi, letters and digits of `analysis` only.
    pub key: String,
    /// For each char of `key`, its char offset in `cleaned`.
    pub key_map: Vec<u32>,
    /// Every removed line with its reason, in page order.
    pub removed: Vec<RemovedLine>,
    /// Mojibake found / repaired.
    pub mojibake: Mojibake,
    /// Script of `cleaned`.
    pub script: Script,
}

/// Cleans one decoded page. `chrome` holds the corpus's site-chrome lines (empty for `clean`).
///
/// HTML is reduced to its main content, mojibake is repaired line by line (where a round trip
/// proves it), then every line is judged by the line rules; kept lines, trimmed and freed of
/// template-site artefacts, make the cleaned text, one paragraph per line, no blank lines.
pub fn clean(decoded: &str, format: Format, chrome: &ChromeSet) -> CleanText {
    let mut removed = Vec::new();
    let html_text;
    let page: &str = match format {
        Format::Html => {
            let extracted = html::extract(decoded);
            removed = extracted.removed;
            html_text = extracted.text;
            &html_text
        }
        Format::Text => decoded,
    };
    let mut keys = views::KeyBuf {
        key: String::with_capacity(page.len()),
        map: Vec::with_capacity(page.len() / 3),
    };
    let prepared = prepare_lines(page, Some(&mut keys));
    let verdicts = rules::classify(&prepared.lines, chrome, format == Format::Html);
    let mut cleaned = String::with_capacity(page.len());
    // Each line's normalised form is its analysis view, and fast2s's context rules never match
    // across a line break, so the page's analysis view is the kept lines' forms joined.
    let mut analysis = String::with_capacity(page.len());
    // Each line's dedup key and script counts came from the same pass as its analysis view;
    // the page's are the kept lines' joined, key offsets moved to the line's start.
    let mut key = String::with_capacity(keys.key.len());
    let mut key_map = Vec::with_capacity(keys.map.len());
    let mut counts = views::ScriptCounts::default();
    let mut base = 0u32;
    for ((line, original), verdict) in prepared.lines.iter().zip(&prepared.originals).zip(verdicts)
    {
        match verdict {
            Some(reason) => removed.push(RemovedLine {
                text: original.to_string(),
                reason: reason.to_string(),
            }),
            None => {
                if !cleaned.is_empty() {
                    cleaned.push('\n');
                    analysis.push('\n');
                    base += 1;
                }
                cleaned.push_str(&line.text);
                analysis.push_str(&line.norm);
                key.push_str(&keys.key[line.views.key.clone()]);
                key_map.extend(keys.map[line.views.map.clone()].iter().map(|&m| m + base));
                counts.merge(&line.views.script);
                base += u32::try_from(line.chars).unwrap_or(u32::MAX);
            }
        }
    }
    debug_assert_eq!(analysis, views::analysis_view(&cleaned));
    debug_assert_eq!((&key, &key_map), {
        let (k, m) = views::dedup_key(&analysis);
        (&k.clone(), &m.clone())
    });
    let script = views::script_of(&counts);
    CleanText {
        cleaned,
        analysis,
        key,
        key_map,
        removed,
        mojibake: prepared.mojibake,
        script,
    }
}

/// The non-empty lines of a page as the rules see them, with the original line of each.
pub(crate) struct Prepared<'a> {
    pub(crate) lines: Vec<rules::Line>,
    pub(crate) originals: Vec<std::borrow::Cow<'a, str>>,
    /// Mojibake found and repaired in the page's lines.
    pub(crate) mojibake: Mojibake,
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}'
    )
}

/// Splits a page into lines, joins split sub/superscripts, strips inline artefacts and trims.
///
/// With `keys`, each kept line's dedup key is appended there (see [`views::line_views_of`]).
pub(crate) fn prepare_lines<'a>(
    page: &'a str,
    mut keys: Option<&mut views::KeyBuf>,
) -> Prepared<'a> {
    use std::borrow::Cow;
    // Fast path: '\n' only (memchr); "\r\n" leaves a '\r' that trimming removes. Lone '\r'
    // (old Mac files) and Unicode line separators take the char-by-char split.
    let lone_cr = page
        .match_indices('\r')
        .any(|(i, _)| page.as_bytes().get(i + 1) != Some(&b'\n'));
    let rare_breaks = lone_cr
        || page.bytes().any(|b| b == 0x0B || b == 0x0C)
        || ["\u{2028}", "\u{2029}", "\u{85}"]
            .iter()
            .any(|sep| page.contains(sep));
    let raw: Vec<&str> = if rare_breaks {
        page.split(is_line_break)
            .filter(|l| !l.trim().is_empty())
            .collect()
    } else {
        page.split('\n').filter(|l| !l.trim().is_empty()).collect()
    };
    let raw: Vec<Cow<'_, str>> = if raw.iter().any(|l| artefacts::is_split_script(l)) {
        artefacts::join_split_scripts(raw.into_iter().map(str::to_string).collect())
            .into_iter()
            .map(Cow::Owned)
            .collect()
    } else {
        raw.into_iter().map(Cow::Borrowed).collect()
    };
    let mut lines = Vec::with_capacity(raw.len());
    let mut originals = Vec::with_capacity(raw.len());
    let mut mojibake = Mojibake::default();
    for mut original in raw {
        let mut trimmed = original.trim();
        let mut views = views::line_views_of(trimmed, keys.as_deref_mut());
        // Mojibake is looked for line by line (every kind of damage resynchronises at a line
        // break), on lines the view pass flagged; a repaired line is viewed again.
        if views.suspicious {
            let (fixed, found) = crate::decode::mojibake::repair(&original);
            mojibake.spans += found.spans;
            mojibake.repaired += found.repaired;
            if let Cow::Owned(fixed) = fixed {
                if let Some(k) = keys.as_deref_mut() {
                    k.forget(&views);
                }
                original = Cow::Owned(fixed);
                trimmed = original.trim();
                views = views::line_views_of(trimmed, keys.as_deref_mut());
            }
        }
        let line = if views.flagged {
            // The line changes: forget what its raw form appended, view the stripped text.
            if let Some(k) = keys.as_deref_mut() {
                k.forget(&views);
            }
            let stripped = artefacts::strip_inline(&original);
            let text = stripped.trim();
            if text.is_empty() {
                continue;
            }
            let text = text.to_string();
            let views = views::line_views_of(&text, keys.as_deref_mut());
            rules::Line::from_views(text, views)
        } else {
            rules::Line::from_views(trimmed.to_string(), views)
        };
        lines.push(line);
        originals.push(original);
    }
    Prepared {
        lines,
        originals,
        mojibake,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(
            detect_format("<!DOCTYPE html><html><body>x</body></html>"),
            Format::Html
        );
        assert_eq!(
            detect_format("<p>一、指导思想</p><p>以人为本。</p><br>"),
            Format::Html
        );
        assert_eq!(
            detect_format("工会工作计划\n一、指导思想\n用 <p> 标签分段"),
            Format::Text
        );
    }

    #[test]
    fn line_breaks_of_every_kind() {
        let c = clean(
            "第一行。\r第二行。\r\n\r\n　　第三行。\u{2028}第四行。\n\n\n第五行。",
            Format::Text,
            &ChromeSet::empty(),
        );
        assert_eq!(
            c.cleaned,
            "第一行。\n第二行。\n第三行。\n第四行。\n第五行。"
        );
    }

    #[test]
    fn fragment_cleans_to_paragraphs() {
        let c = clean(
            "<p>一、指导思想</p><p>以人为本，服务职工。</p>",
            Format::Html,
            &ChromeSet::empty(),
        );
        assert_eq!(c.cleaned, "一、指导思想\n以人为本，服务职工。");
        assert_eq!(c.script, Script::Hans);
    }
}
