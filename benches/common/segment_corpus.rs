//! The segment stage's corpus and loops, shared by `benches/segment.rs` and
//! `examples/segment_cost.rs` so that the bench's times and the example's instruction counts
//! are of the same work.
use zhreport::segment::{keywords, DocFreq, Segmenter};

#[path = "../../tests/support/reports.rs"]
mod reports;

pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// One string per document: the reports' `full_text` and the seeds converted to simplified.
pub fn documents() -> Vec<String> {
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(format!("{CORPUS}/gov-reports-2026"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for path in paths {
        docs.extend(reports::full_texts(&path));
    }
    let mut seeds: Vec<_> = std::fs::read_dir(format!("{CORPUS}/seeds"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    seeds.sort();
    for path in seeds {
        if let Ok(text) = std::fs::read_to_string(&path) {
            docs.push(fast2s::convert(&text));
        }
    }
    docs
}

/// Bare `Jieba::cut` (HMM on) of every line of every document, with the vendored jieba-rs
/// (which cuts as crates.io's does, tests/jieba_copy.rs): the reference.
#[inline(never)]
pub fn bare_cut(jieba: &jieba_rs::Jieba, docs: &[String]) -> usize {
    cut_lines(docs, |line| jieba.cut(line, true).len())
}

/// The tokens `cut` gives for every line of every document.
#[inline(always)]
fn cut_lines(docs: &[String], cut: impl Fn(&str) -> usize) -> usize {
    docs.iter().flat_map(|doc| doc.lines()).map(cut).sum()
}

/// crates.io's jieba-rs 0.11.0 with the segmenter's dictionary: jieba's, and the domain
/// dictionary added by `Segmenter::new`'s rule (a listed frequency is a floor under
/// `suggest_freq`). The reference the vendored copy (vendor/jieba-rs) is measured against.
pub fn upstream_jieba() -> jieba_upstream::Jieba {
    let mut jieba = jieba_upstream::Jieba::new();
    let dict = include_str!("../../src/segment/domain_dict.txt");
    for line in dict.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let (mut freq, mut tag) = (None, None);
        for f in fields {
            match f.parse::<usize>() {
                Ok(n) => freq = Some(n),
                Err(_) => tag = Some(f.to_ascii_lowercase()),
            }
        }
        let freq = freq.unwrap_or(0).max(jieba.suggest_freq(word));
        jieba.add_word(word, Some(freq), tag.as_deref());
    }
    jieba
}

/// [`bare_cut`] with crates.io's jieba-rs.
#[inline(never)]
pub fn upstream_cut(jieba: &jieba_upstream::Jieba, docs: &[String]) -> usize {
    cut_lines(docs, |line| jieba.cut(line, true).len())
}

/// The whole stage: terms per document, document frequencies, keywords.
#[inline(never)]
pub fn stage(seg: &Segmenter, docs: &[String]) -> (usize, Vec<(String, u32)>) {
    let mut all: Vec<_> = docs.iter().map(|d| seg.terms(d)).collect();
    let mut df = DocFreq::default();
    for t in &mut all {
        df.absorb(t);
    }
    let n: usize = all.iter().map(|t| keywords(t, &df, 10).len()).sum();
    (n, df.top(20))
}
