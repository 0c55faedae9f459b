//! Criterion bench of the segment stage over the shared corpus (31 government work reports and
//! the seed pages in simplified script): the whole stage (terms + document frequencies +
//! keywords) against a bare `Jieba::cut` (HMM on) of the same paragraphs with the same
//! dictionary, and `Jieba::tag` for reference (what reading POS tags through jieba-rs costs).
//! Target: the stage at ≥ 0.8× the bare cut's throughput.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use zhreport::segment::{keywords, DocFreq, Segmenter};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// One string per document: the reports' `full_text` and the seeds converted to simplified.
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

fn bench(c: &mut Criterion) {
    let docs = documents();
    assert!(!docs.is_empty(), "corpus not found under {CORPUS}");
    let bytes: usize = docs.iter().map(String::len).sum();
    let seg = Segmenter::new(None).expect("segmenter");
    let jieba = seg.jieba();

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("bare_cut", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for doc in &docs {
                for para in doc.lines() {
                    n += jieba.cut(para, true).len();
                }
            }
            black_box(n)
        })
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
    group.bench_function("stage", |b| {
        b.iter(|| {
            let mut all: Vec<_> = docs.iter().map(|d| seg.terms(d)).collect();
            let mut df = DocFreq::default();
            for t in &mut all {
                df.absorb(t);
            }
            let n: usize = all.iter().map(|t| keywords(t, &df, 10).len()).sum();
            black_box((n, df.top(20)))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
