//! OUT/report.html: one self-contained page for people (no scripts, fonts or images fetched).
//!
//! Built while the final write streams the records, so it keeps only one short row per document
//! (and at most [`MAX_ROWS`] of them) plus the largest copy pairs.

use super::{DocumentRecord, Duplicates, Kind, Status};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Documents listed in the page's table; the rest are counted.
pub const MAX_ROWS: usize = 2000;
/// Copy pairs listed.
pub const MAX_PAIRS: usize = 300;

struct Row {
    id: String,
    status: Status,
    reason: String,
    title: String,
    encoding: String,
    script: String,
    chars: usize,
    articles: Vec<(String, String, Kind, f64, Vec<String>)>,
}

/// Collects what the page shows.
#[derive(Default)]
pub struct HtmlReport {
    rows: Vec<Row>,
    more: usize,
    titles: HashMap<String, String>,
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

impl HtmlReport {
    /// An empty report.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one finished record (keywords and copy evidence filled in).
    pub fn add(&mut self, r: &DocumentRecord) {
        if self.rows.len() >= MAX_ROWS {
            self.more += 1;
            return;
        }
        let mut row = Row {
            id: r.id.clone(),
            status: r.status,
            reason: r.reason.clone().unwrap_or_default(),
            title: String::new(),
            encoding: String::new(),
            script: String::new(),
            chars: 0,
            articles: Vec::new(),
        };
        if let Some(b) = &r.body {
            row.title = b.title.clone();
            row.encoding = b.encoding.clone();
            row.script = b.script.as_str().to_string();
            row.chars = b.chars;
            for a in &b.articles {
                self.titles.insert(a.id.clone(), a.title.clone());
                let kw = a.keywords.iter().take(6).map(|k| k.0.clone()).collect();
                row.articles
                    .push((a.id.clone(), a.title.clone(), a.kind, a.copy.share, kw));
            }
        }
        self.rows.push(row);
    }

    /// The page.
    pub fn render(&self, summary: &serde_json::Value, dups: &Duplicates) -> String {
        let mut h = String::with_capacity(64 * 1024);
        h.push_str(
            "<!doctype html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>zhreport</title><style>\
             body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}\
             table{border-collapse:collapse;margin:1em 0;font-size:14px}\
             td,th{border:1px solid #ccc;padding:3px 8px;vertical-align:top;text-align:left}\
             th{background:#f3f3f3}.num{text-align:right}.err{color:#b00}.skip{color:#888}\
             .plan{color:#1565c0}.summary{color:#2e7d32}.mixed{color:#6a1b9a}.other{color:#777}\
             .bar{display:inline-block;height:10px;background:#e53935;vertical-align:middle}\
             details{margin:.3em 0}</style></head><body>\n<h1>zhreport</h1>\n",
        );
        h.push_str("<h2>Corpus</h2>\n<table>");
        for key in [
            "documents",
            "articles",
            "clusters",
            "copied_articles",
            "bytes",
            "seconds",
        ] {
            let v = summary.get(key).map(|v| v.to_string()).unwrap_or_default();
            let _ = write!(
                h,
                "<tr><th>{}</th><td class=num>{}</td></tr>",
                esc(key),
                esc(&v)
            );
        }
        for key in [
            "by_status",
            "by_encoding",
            "by_script",
            "by_kind",
            "figures_by_kind",
        ] {
            let mut parts = Vec::new();
            if let Some(obj) = summary.get(key).and_then(|v| v.as_object()) {
                for (k, v) in obj {
                    parts.push(format!("{k}: {v}"));
                }
            }
            let _ = write!(
                h,
                "<tr><th>{}</th><td>{}</td></tr>",
                esc(key),
                esc(&parts.join(", "))
            );
        }
        if let Some(kw) = summary.get("top_keywords").and_then(|v| v.as_array()) {
            let words: Vec<String> = kw
                .iter()
                .filter_map(|p| p.get(0).and_then(|w| w.as_str()).map(str::to_string))
                .collect();
            let _ = write!(
                h,
                "<tr><th>top_keywords</th><td>{}</td></tr>",
                esc(&words.join("、"))
            );
        }
        h.push_str("</table>\n");

        let _ = write!(
            h,
            "<h2>Copies</h2>\n<p>{} pairs with a share of at least {}; {} clusters of near-duplicates.</p>\n",
            dups.pairs.len(),
            dups.params.min_share,
            dups.clusters.len()
        );
        if !dups.clusters.is_empty() {
            h.push_str("<table><tr><th>cluster</th><th>articles</th></tr>");
            for c in dups.clusters.iter().take(MAX_PAIRS) {
                let names: Vec<String> = c
                    .articles
                    .iter()
                    .map(|a| format!("{} <small>{}</small>", esc(a), esc(self.title(a))))
                    .collect();
                let _ = write!(
                    h,
                    "<tr><td class=num>{}</td><td>{}</td></tr>",
                    c.id,
                    names.join("<br>")
                );
            }
            h.push_str("</table>\n");
        }
        let mut pairs: Vec<&super::Pair> = dups.pairs.iter().collect();
        pairs.sort_by(|a, b| b.copied_chars.cmp(&a.copied_chars).then(a.a.cmp(&b.a)));
        if !pairs.is_empty() {
            h.push_str(
                "<table><tr><th>a</th><th>b</th><th>a in b</th><th>b in a</th><th>jaccard</th>\
                 <th>copied chars</th><th>earlier</th><th>passages</th></tr>",
            );
            for p in pairs.iter().take(MAX_PAIRS) {
                let _ = write!(
                    h,
                    "<tr><td>{} <small>{}</small></td><td>{} <small>{}</small></td>\
                     <td class=num>{:.2} <span class=bar style=\"width:{}px\"></span></td>\
                     <td class=num>{:.2} <span class=bar style=\"width:{}px\"></span></td>\
                     <td class=num>{:.2}</td><td class=num>{}</td><td>{}</td><td class=num>{}</td></tr>",
                    esc(&p.a),
                    esc(self.title(&p.a)),
                    esc(&p.b),
                    esc(self.title(&p.b)),
                    p.a_in_b,
                    (p.a_in_b * 60.0) as u32,
                    p.b_in_a,
                    (p.b_in_a * 60.0) as u32,
                    p.jaccard,
                    p.copied_chars,
                    esc(p.earlier.as_deref().unwrap_or("")),
                    p.passages.len()
                );
            }
            h.push_str("</table>\n");
        }
        if !dups.common_passages.is_empty() {
            h.push_str("<details><summary>Stock phrasing (not counted as copying)</summary><ul>");
            for c in dups.common_passages.iter().take(100) {
                let _ = write!(
                    h,
                    "<li>{} <small>({} documents)</small></li>",
                    esc(&c.text),
                    c.documents
                );
            }
            h.push_str("</ul></details>\n");
        }

        h.push_str("<h2>Documents</h2>\n<table><tr><th>id</th><th>status</th><th>title</th><th>encoding</th>\
                    <th>script</th><th>chars</th><th>articles (kind, copy share, keywords)</th></tr>");
        for r in &self.rows {
            let class = match r.status {
                Status::Ok => "",
                Status::Skipped => " class=skip",
                Status::Error => " class=err",
            };
            let mut arts = String::new();
            for (_, title, kind, share, kw) in &r.articles {
                let _ = write!(
                    arts,
                    "<div>{} <span class={}>{}</span> {:.0}% <small>{}</small></div>",
                    esc(title),
                    kind.as_str(),
                    kind.as_str(),
                    share * 100.0,
                    esc(&kw.join(" "))
                );
            }
            let status = if r.reason.is_empty() {
                r.status.as_str().to_string()
            } else {
                format!("{}: {}", r.status.as_str(), r.reason)
            };
            let _ = write!(
                h,
                "<tr{class}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=num>{}</td><td>{}</td></tr>",
                esc(&r.id),
                esc(&status),
                esc(&r.title),
                esc(&r.encoding),
                esc(&r.script),
                r.chars,
                arts
            );
        }
        h.push_str("</table>\n");
        if self.more > 0 {
            let _ = writeln!(
                h,
                "<p>… and {} more documents in documents.jsonl.</p>",
                self.more
            );
        }
        h.push_str("</body></html>\n");
        h
    }

    fn title(&self, article: &str) -> &str {
        self.titles.get(article).map(String::as_str).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_titles_is_escaped() {
        let mut r = HtmlReport::new();
        r.add(&DocumentRecord {
            id: "<script>x</script>".into(),
            status: Status::Error,
            reason: Some("a & b".into()),
            bytes: None,
            reference: false,
            body: None,
        });
        let page = r.render(&serde_json::json!({"documents": 1}), &Duplicates::default());
        assert!(page.contains("&lt;script&gt;x&lt;/script&gt;"));
        assert!(page.contains("a &amp; b"));
        assert!(!page.contains("<script>"));
        assert!(
            !page.contains("http"),
            "self-contained: no external references"
        );
    }
}
