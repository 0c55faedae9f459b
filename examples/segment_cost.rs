//! Instruction counts of the segment stage against a bare `Jieba::cut`, for callgrind, which
//! counts the same on a loaded machine as on a quiet one (criterion's times there drift):
//!
//! ```text
//! cargo build --release --example segment_cost
//! for f in bare_cut upstream_cut stage; do for r in 2 4; do RUNS=$r valgrind --tool=callgrind \
//!   --callgrind-out-file=cg.$f.$r --toggle-collect="segment_cost::segment_corpus::$f" \
//!   target/release/examples/segment_cost; done; done
//! ```
//!
//! The instructions of one run are (Collected at RUNS=4 − Collected at RUNS=2) / 2: the
//! difference removes the warm-up run (jieba builds its POS tables on first use). `COLD=1`
//! gives every run a fresh segmenter, so that its word memo starts empty, as on a thread's
//! first articles. The corpus and loops are those of `benches/segment.rs`
//! (`benches/common/segment_corpus.rs`).
use std::hint::black_box;

use zhreport::segment::Segmenter;

#[path = "../benches/common/segment_corpus.rs"]
mod segment_corpus;
use segment_corpus::{bare_cut, documents, stage, upstream_cut, upstream_jieba, CORPUS};

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
    let upstream = upstream_jieba();
    black_box(stage(&segs[0], &docs));
    for i in 0..runs {
        black_box(bare_cut(jieba, &docs));
        black_box(upstream_cut(&upstream, &docs));
        black_box(stage(&segs[if cold { i + 1 } else { 0 }], &docs));
    }
    Ok(())
}
