//! The segment stage's corpus and loops, shared by `benches/segment.rs` and
//! `examples/segment_cost.rs` so that the bench's times and the example's instruction counts
//! are of the same work.
use zhreport::segment::{keywords, DocFreq, Segmenter};

pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// One string per document: the reports' `full_text` and the seeds converted to simplified.
pub fn documents() -> Vec<String> {
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(format!("{CORPUS}/gov-reports-2026"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for path in paths {
        let Ok(mut rdr) = csv::Reader::from_path(&path) else {
            continue;
        };
        let Ok(headers) = rdr.headers().cloned() else {
            continue;
        };
        let Some(col) = headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == "full_text")
        else {
            continue;
        };
        for rec in rdr.records().flatten() {
            if let Some(text) = rec.get(col) {
                docs.push(text.to_string());
            }
        }
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

/// Bare `Jieba::cut` (HMM on) of every line of every document: the reference.
#[inline(never)]
pub fn bare_cut(jieba: &jieba_rs::Jieba, docs: &[String]) -> usize {
    let mut n = 0usize;
    for doc in docs {
        for para in doc.lines() {
            n += jieba.cut(para, true).len();
        }
    }
    n
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
