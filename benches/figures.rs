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

/// CPU seconds this process has used (user + system), from /proc/self/stat (Linux).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let analysis = zhreport::figures::analysis_view(&text);
    let n = text.chars().count();
    // On a shared machine wall time understates one core's speed: report CPU time too.
    if let Some(t0) = cpu_seconds() {
        let mut runs = 0u32;
        let mut t1 = t0;
        while t1 - t0 < 3.0 && runs < 10_000 {
            std::hint::black_box(zhreport::figures::extract(&text, &analysis, [0, n]));
            runs += 1;
            t1 = cpu_seconds().unwrap_or(t0 + 100.0);
        }
        let mb = text.len() as f64 * runs as f64 / 1e6;
        println!(
            "figures/extract: {runs} runs over {:.2} MB in {:.2} CPU s = {:.1} MB per CPU second",
            text.len() as f64 / 1e6,
            t1 - t0,
            mb / (t1 - t0)
        );
    }
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
