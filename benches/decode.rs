//! Criterion bench of the decode stage: detect + decode throughput.
//!
//! - `utf8-pages`: the five seed pages as scraped (UTF-8) — the fast path (target ≥ 1 GB/s);
//! - `corpus-mix`: every file under corpus/ (seeds and the GBK, GB18030, Big5, UTF-16 and
//!   HTML variants) — detection on a 4 KB sample plus a full decode (target ≥ 100 MB/s/core);
//! - `gbk-pages`: the seeds re-encoded as GBK (the common legacy case);
//! - `mojibake-clean`: `mojibake::repair` on clean UTF-8 text (the pre-scan cost).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use zhreport::decode::{decode, mojibake};

fn files(dir: &Path, out: &mut Vec<Vec<u8>>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "tools") {
                continue;
            }
            files(&p, out);
        } else if let Ok(b) = std::fs::read(&p) {
            if p.extension().is_some_and(|e| e != "md" && e != "py") {
                out.push(b);
            }
        }
    }
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut seeds = Vec::new();
    files(&root.join("seeds"), &mut seeds);
    let mut mix = Vec::new();
    files(&root, &mut mix);
    let gbk: Vec<Vec<u8>> = seeds
        .iter()
        .map(|s| {
            encoding_rs::GBK
                .encode(&String::from_utf8_lossy(s))
                .0
                .into_owned()
        })
        .collect();
    // Warm the lazily built tables outside the timed loop.
    let _ = decode(&gbk[0], None);

    let mut g = c.benchmark_group("decode");
    for (name, docs) in [
        ("utf8-pages", &seeds),
        ("corpus-mix", &mix),
        ("gbk-pages", &gbk),
    ] {
        let bytes: usize = docs.iter().map(Vec::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                for d in docs.iter() {
                    let _ = black_box(decode(black_box(d), None));
                }
            })
        });
    }
    let texts: Vec<String> = seeds[1..]
        .iter()
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("mojibake-clean", |b| {
        b.iter(|| {
            for t in &texts {
                let _ = black_box(mojibake::repair(black_box(t)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
