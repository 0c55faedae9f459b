//! Criterion bench of the structure stage plus classification (structure + kind), over the
//! seed pages and the provincial government work reports of the shared corpus.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use std::time::Duration;
use zhreport::classify::classify_article;
use zhreport::structure::analyze;

fn corpus() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"))
}

/// (cleaned, analysis) pairs; the analysis view is built char by char so it stays aligned.
fn pages() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    if let Ok(rd) = std::fs::read_dir(corpus().join("seeds")) {
        for e in rd.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    if let Ok(rd) = std::fs::read_dir(corpus().join("gov-reports-2026")) {
        for e in rd.flatten() {
            if let Ok(mut r) = csv::Reader::from_path(e.path()) {
                let col = r.headers().ok().and_then(|h| {
                    h.iter()
                        .position(|x| x.trim_start_matches('\u{feff}') == "full_text")
                });
                for rec in r.records().flatten() {
                    if let Some(t) = col.and_then(|c| rec.get(c)) {
                        texts.push(t.to_string());
                    }
                }
            }
        }
    }
    let mut buf = [0u8; 4];
    texts
        .into_iter()
        .map(|t| {
            let a: String = t
                .chars()
                .map(|c| {
                    let s = fast2s::convert(c.encode_utf8(&mut buf));
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(x), None) => x,
                        _ => c,
                    }
                })
                .collect();
            (t, a)
        })
        .collect()
}

/// CPU time (user + system) of the calling thread; Linux clock ticks of 10 ms. Falls back
/// to zero elsewhere, which criterion reports as an infinite rate rather than a wrong one.
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<u64> = rest
        .split_whitespace()
        .skip(1)
        .map(|x| x.parse::<i64>().unwrap_or(0).max(0) as u64)
        .collect();
    // After the state: ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
    // utime stime … (fields 4–15 of the line).
    let ticks = f.get(10).copied().unwrap_or(0) + f.get(11).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let bytes: usize = pages.iter().map(|p| p.0.len()).sum();
    let mut g = c.benchmark_group("structure");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("analyze+classify", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (text, analysis) in &pages {
                let page = analyze(text, analysis);
                for mut a in page.articles {
                    let (k, _) = classify_article(analysis, a.span, &mut a.sections);
                    n += a.sections.len() + k as usize;
                }
            }
            n
        })
    });
    // The same work timed in CPU time of this thread (from /proc/thread-self/stat), so the
    // figure is per core even on a machine shared with other jobs.
    g.bench_function("analyze+classify/cpu-time", |b| {
        b.iter_custom(|iters| {
            let t0 = thread_cpu();
            let mut n = 0usize;
            for _ in 0..iters {
                for (text, analysis) in &pages {
                    let page = analyze(text, analysis);
                    for mut a in page.articles {
                        let (k, _) = classify_article(analysis, a.span, &mut a.sections);
                        n += a.sections.len() + k as usize;
                    }
                }
            }
            criterion::black_box(n);
            thread_cpu().saturating_sub(t0)
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|(t, a)| analyze(t, a).articles.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
