//! Throughput of the figures stage on the 31 provincial government work reports and the
//! seeds (dense in figures), in bytes of UTF-8 text per second on one core.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut text = String::new();
    if let Ok(dir) = std::fs::read_dir(root.join("gov-reports-2026")) {
        let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let Ok(mut r) = csv::ReaderBuilder::new().from_path(&p) else {
                continue;
            };
            let Ok(headers) = r.headers().cloned() else {
                continue;
            };
            let Some(col) = headers.iter().position(|h| h == "full_text") else {
                continue;
            };
            for rec in r.records().flatten() {
                if let Some(t) = rec.get(col) {
                    text.push_str(t);
                    text.push('\n');
                }
            }
        }
    }
    if let Ok(dir) = std::fs::read_dir(root.join("seeds")) {
        let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                text.push_str(&t);
            }
        }
    }
    if text.is_empty() {
        text = "全市生产总值达到5.67万亿元、增长5.4%，新增会员821人，完成年计划的103.51%。\n"
            .repeat(2000);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let analysis = zhreport::figures::analysis_view(&text);
    let n = text.chars().count();
    let mut g = c.benchmark_group("figures");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("extract", |b| {
        b.iter(|| zhreport::figures::extract(&text, &analysis, [0, n]))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
