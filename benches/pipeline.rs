//! End-to-end bench: every per-document stage on the sample corpus (decode → clean → structure →
//! classify → figures → segment → dedup prepare), as the pipeline's parallel pass runs them.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::collections::BTreeMap;
use zhreport::input::{DocItem, Payload};
use zhreport::pipeline::{process_document, Context};

fn corpus() -> Vec<(String, Vec<u8>)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut files = Vec::new();
    for e in walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() && e.file_name() != "README.md" {
            if let Ok(b) = std::fs::read(e.path()) {
                files.push((e.path().display().to_string(), b));
            }
        }
    }
    files
}

fn bench(c: &mut Criterion) {
    let files = corpus();
    let bytes: u64 = files.iter().map(|f| f.1.len() as u64).sum();
    let ctx = match Context::new(None, None) {
        Ok(c) => c,
        Err(e) => panic!("context: {e}"),
    };
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("per-document stages, corpus/, one core", |b| {
        b.iter(|| {
            for (i, (id, data)) in files.iter().enumerate() {
                let item = DocItem {
                    id: id.clone(),
                    bytes: Some(data.len() as u64),
                    meta: BTreeMap::new(),
                    reference: false,
                    payload: Payload::Bytes(data.clone()),
                };
                std::hint::black_box(process_document(item, i as u32, &ctx));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
