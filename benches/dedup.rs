//! Criterion bench of the copies (dedup) stage over the provincial reports: per-article
//! preparation (fingerprints), the whole stage (prepare + add + finish) over articles and their
//! copies, and the exact alignment of one copied pair. Throughput is in key bytes.
//!
//! Scale runs (10k / 100k / 1M articles) use the generator: `zhgen gen` then `zhgen eval`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use zhreport::dedup::{self, prepare, ArticleInput, Dedup};
use zhreport::report::DedupParams;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/gov-reports-2026"
);

fn key(text: &str) -> (String, Vec<u32>) {
    let simp = fast2s::convert(text);
    let mut k = String::new();
    let mut m = Vec::new();
    for (i, c) in simp.chars().enumerate() {
        if c.is_alphanumeric() {
            k.push(c);
            m.push(i as u32);
        }
    }
    (k, m)
}

/// Articles: each report cut into six, plus a copy with numbers changed and a copy of every
/// other paragraph of each.
fn articles() -> Vec<ArticleInput> {
    let mut paths: Vec<_> = std::fs::read_dir(CORPUS)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut texts = Vec::new();
    for p in paths {
        let mut r = csv::Reader::from_path(&p).unwrap();
        let col = r
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "full_text")
            .unwrap();
        let body = r.records().next().unwrap().unwrap()[col].to_string();
        let lines: Vec<&str> = body.lines().filter(|l| l.chars().count() >= 30).collect();
        for part in lines.chunks(lines.len().div_ceil(6).max(1)) {
            texts.push(part.join("\n"));
        }
    }
    let n = texts.len();
    for i in 0..n {
        if i % 3 == 0 {
            let t: String = texts[i]
                .chars()
                .map(|c| {
                    c.to_digit(10)
                        .map_or(c, |d| char::from_digit((d + 1) % 10, 10).unwrap_or(c))
                })
                .collect();
            texts.push(t);
        }
        if i % 5 == 0 {
            let t: Vec<&str> = texts[i].lines().step_by(2).collect();
            texts.push(t.join("\n"));
        }
    }
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (k, m) = key(t);
            ArticleInput {
                id: format!("a{i}#1"),
                doc_index: i as u32,
                key: k,
                key_map: m,
                date: None,
                reference: false,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let arts = articles();
    let bytes: u64 = arts.iter().map(|a| a.key.len() as u64).sum();
    let mut g = c.benchmark_group("dedup");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function(BenchmarkId::new("prepare", arts.len()), |b| {
        b.iter(|| {
            arts.iter()
                .cloned()
                .map(prepare)
                .map(|p| p.fingerprints())
                .sum::<usize>()
        })
    });
    g.bench_function(BenchmarkId::new("stage", arts.len()), |b| {
        let dir = tempfile::tempdir().unwrap();
        b.iter(|| {
            let mut d = Dedup::new(DedupParams::default(), dir.path()).unwrap();
            for a in arts.iter().cloned() {
                d.add(prepare(a)).unwrap();
            }
            d.finish().unwrap().duplicates.pairs.len()
        })
    });
    let a = &arts[0].key;
    let copy: String = a
        .chars()
        .map(|c| if c.is_ascii_digit() { '7' } else { c })
        .collect();
    g.throughput(Throughput::Bytes((a.len() + copy.len()) as u64));
    g.bench_function("align/copied-pair", |b| {
        b.iter(|| dedup::align(a, &copy, 13).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
