//! Instruction counts of the segment stage against a bare `Jieba::cut`, for callgrind, which
//! counts the same on a loaded machine as on a quiet one (criterion's times there drift):
//!
//! ```text
//! cargo build --release --example segment_cost
//! for f in bare_cut stage; do for r in 2 4; do RUNS=$r valgrind --tool=callgrind \
//!   --callgrind-out-file=cg.$f.$r --toggle-collect="segment_cost::$f" \
//!   target/release/examples/segment_cost; done; done
//! ```
//!
//! The instructions of one run are (Collected at RUNS=4 − Collected at RUNS=2) / 2: the
//! difference removes the warm-up run (jieba builds its POS tables on first use). `COLD=1`
//! gives every run a fresh segmenter, so that its word memo starts empty, as on a thread's
//! first articles. The loops are those of `benches/segment.rs`.
use std::hint::black_box;

use zhreport::segment::{keywords, DocFreq, Segmenter};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// The reports' `full_text` and the seeds in simplified script, as in the bench.
fn documents() -> Vec<String> {
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(format!("{CORPUS}/gov-reports-2026"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for path in paths {
        let Ok(mut rdr) = csv::Reader::from_path(&path) else {
            continue;
        };
        let Some(col) = rdr.headers().ok().and_then(|h| {
            h.iter()
                .position(|h| h.trim_start_matches('\u{feff}') == "full_text")
        }) else {
            continue;
        };
        docs.extend(
            rdr.records()
                .flatten()
                .filter_map(|r| r.get(col).map(str::to_string)),
        );
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

#[inline(never)]
fn bare_cut(jieba: &jieba_rs::Jieba, docs: &[String]) -> usize {
    let mut n = 0usize;
    for doc in docs {
        for para in doc.lines() {
            n += jieba.cut(para, true).len();
        }
    }
    n
}

#[inline(never)]
fn stage(seg: &Segmenter, docs: &[String]) -> (usize, Vec<(String, u32)>) {
    let mut all: Vec<_> = docs.iter().map(|d| seg.terms(d)).collect();
    let mut df = DocFreq::default();
    for t in &mut all {
        df.absorb(t);
    }
    let n: usize = all.iter().map(|t| keywords(t, &df, 10).len()).sum();
    (n, df.top(20))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let docs = documents();
    if docs.is_empty() {
        return Err(format!("no documents under {CORPUS}").into());
    }
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|x| x.parse().ok())
        .unwrap_or(2);
    let cold = std::env::var_os("COLD").is_some();
    let segs: Vec<Segmenter> = (0..if cold { runs + 1 } else { 1 })
        .map(|_| Segmenter::new(None))
        .collect::<Result<_, _>>()?;
    let jieba = segs[0].jieba();
    black_box(stage(&segs[0], &docs));
    for i in 0..runs {
        black_box(bare_cut(jieba, &docs));
        black_box(stage(&segs[if cold { i + 1 } else { 0 }], &docs));
    }
    Ok(())
}
