//! Criterion bench of the segment stage over the shared corpus (31 government work reports and
//! the seed pages in simplified script): the whole stage (terms + document frequencies +
//! keywords) against a bare `Jieba::cut` (HMM on) of the same paragraphs with the same
//! dictionary, and `Jieba::tag` for reference (what reading POS tags through jieba-rs costs).
//! The stage cuts with the vendored copy of jieba-rs (vendor/jieba-rs), which hands over each
//! token with its dictionary id; `bare_cut` is that copy's `Jieba::cut`, and
//! `bare_cut/crates-io` the same cut by crates.io's jieba-rs 0.11.0, to show the copy cuts as
//! fast as the original (and the same tokens: tests/jieba_copy.rs).
//! Target: the stage at ≥ 0.8× the bare cut's throughput. Besides criterion's figures, the
//! bench prints the ratio over interleaved runs (`segment/ratio`), which holds on a loaded
//! machine where the separate figures drift.
use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use zhreport::segment::Segmenter;

#[path = "common/segment_corpus.rs"]
mod segment_corpus;
use segment_corpus::{bare_cut, documents, stage, upstream_cut, upstream_jieba, CORPUS};

/// CPU time of the calling thread, in nanoseconds (the first field of Linux's
/// /proc/thread-self/schedstat). Falls back to zero elsewhere, which criterion reports as an
/// infinite rate rather than a wrong one.
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns = stat
        .split_whitespace()
        .next()
        .and_then(|x| x.parse::<u64>().ok())
        .unwrap_or(0);
    Duration::from_nanos(ns)
}

/// Times `pairs` runs of the bare cut and of the stage, interleaved, and prints the ratio of
/// their throughputs (bare time ÷ stage time) for the median and the fastest runs. On a
/// machine shared with other jobs the two criterion figures are measured seconds apart and
/// drift with the load; interleaving exposes both to the same load. Set
/// `ZHREPORT_BENCH_PAIRS` (default 30; 0 skips).
fn interleaved_ratio(seg: &Segmenter, upstream: &jieba_upstream::Jieba, docs: &[String]) {
    let pairs: usize = std::env::var("ZHREPORT_BENCH_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    if pairs == 0 {
        return;
    }
    let jieba = seg.jieba();
    let (mut bare, mut whole, mut original) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..pairs {
        let t = std::time::Instant::now();
        black_box(bare_cut(jieba, docs));
        bare.push(t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        black_box(stage(seg, docs));
        whole.push(t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        black_box(upstream_cut(upstream, docs));
        original.push(t.elapsed().as_secs_f64());
    }
    for v in [&mut bare, &mut whole, &mut original] {
        v.sort_by(f64::total_cmp);
    }
    let (mb, ms, mo) = (bare[pairs / 2], whole[pairs / 2], original[pairs / 2]);
    println!(
        "segment/ratio: stage throughput / bare_cut throughput = {:.3} (median of {pairs} \
         interleaved runs: bare {:.1} ms, stage {:.1} ms), {:.3} (fastest runs); \
         against crates.io's jieba-rs cut ({:.1} ms): {:.3}",
        mb / ms,
        mb * 1e3,
        ms * 1e3,
        bare[0] / whole[0],
        mo * 1e3,
        mo / ms,
    );
}

fn bench(c: &mut Criterion) {
    let docs = documents();
    assert!(!docs.is_empty(), "corpus not found under {CORPUS}");
    let bytes: usize = docs.iter().map(String::len).sum();
    let seg = Segmenter::new(None).expect("segmenter");
    let jieba = seg.jieba();
    let upstream = upstream_jieba();
    assert_eq!(
        bare_cut(jieba, &docs),
        upstream_cut(&upstream, &docs),
        "the copy and crates.io's jieba-rs cut alike"
    );
    // Warm up (jieba builds its POS tables on first use; the segmenter's word memo fills).
    black_box(stage(&seg, &docs));
    interleaved_ratio(&seg, &upstream, &docs);

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("bare_cut", |b| b.iter(|| black_box(bare_cut(jieba, &docs))));
    group.bench_function("bare_cut/crates-io", |b| {
        b.iter(|| black_box(upstream_cut(&upstream, &docs)))
    });
    group.bench_function("tag_only", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for doc in &docs {
                for para in doc.lines() {
                    n += jieba.tag(para, true).len();
                }
            }
            black_box(n)
        })
    });
    group.bench_function("stage", |b| b.iter(|| black_box(stage(&seg, &docs))));
    // The same two timed in CPU time of this thread, so that the ratio holds on a machine
    // shared with other jobs (wall time there counts time spent descheduled).
    group.bench_function("bare_cut/cpu-time", |b| {
        b.iter_custom(|iters| {
            let t0 = thread_cpu();
            for _ in 0..iters {
                black_box(bare_cut(jieba, &docs));
            }
            thread_cpu().saturating_sub(t0)
        })
    });
    group.bench_function("stage/cpu-time", |b| {
        b.iter_custom(|iters| {
            let t0 = thread_cpu();
            for _ in 0..iters {
                black_box(stage(&seg, &docs));
            }
            thread_cpu().saturating_sub(t0)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
