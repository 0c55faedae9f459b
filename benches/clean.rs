//! Criterion bench of the clean stage: text pages (the seeds and the provincial reports) and
//! HTML pages (the fixtures of tests/clean_html.rs, built around corpus text). Reports MB/s of
//! decoded input. Targets: ≥ 100 MB/s per core on text, ≥ 20 MB/s on HTML.
use criterion::{criterion_group, Criterion, Throughput};
use std::path::Path;
use zhreport::clean::chrome::{page_line_hashes, ChromeLearner, ChromeSet};
use zhreport::clean::{clean, Format};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
const HTML: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/clean/html");
const NEWS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/clean/news");

fn text_pages() -> Vec<String> {
    let mut pages = Vec::new();
    let mut seeds: Vec<_> = std::fs::read_dir(Path::new(CORPUS).join("seeds"))
        .expect("seeds")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    seeds.sort();
    for p in seeds {
        pages.push(std::fs::read_to_string(p).expect("seed"));
    }
    let mut reports: Vec<_> = std::fs::read_dir(Path::new(CORPUS).join("gov-reports-2026"))
        .expect("reports")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    reports.sort();
    for p in reports {
        let mut rdr = csv::Reader::from_path(p).expect("csv");
        let headers = rdr.headers().expect("headers").clone();
        let col = headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == "full_text")
            .expect("full_text");
        if let Some(Ok(rec)) = rdr.records().next() {
            pages.push(rec.get(col).unwrap_or_default().to_string());
        }
    }
    pages
}

/// The pages of both HTML test sets (template pages and news pages), as tools/htmlcmp reads
/// them, so the parser comparison there is like for like.
fn html_pages() -> Vec<String> {
    let mut names: Vec<_> = [HTML, NEWS]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).expect("html"))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    names.sort();
    names
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            let bytes = std::fs::read(&p).expect("page");
            let enc = if p.to_string_lossy().contains("gbk") {
                encoding_rs::GBK
            } else {
                encoding_rs::UTF_8
            };
            enc.decode(&bytes).0.into_owned()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = text_pages();
    let html = html_pages();
    let text_bytes: usize = text.iter().map(String::len).sum();
    let html_bytes: usize = html.iter().map(String::len).sum();
    let mut learner = ChromeLearner::new();
    for p in &text {
        learner.observe(&page_line_hashes(p, Format::Text));
    }
    let chrome = learner.finish();
    let empty = ChromeSet::empty();

    let mut g = c.benchmark_group("clean");
    g.throughput(Throughput::Bytes(text_bytes as u64));
    g.bench_function("text", |b| {
        b.iter(|| {
            text.iter()
                .map(|p| clean(p, Format::Text, &chrome).cleaned.len())
                .sum::<usize>()
        })
    });
    g.bench_function("chrome-pass", |b| {
        b.iter(|| {
            text.iter()
                .map(|p| page_line_hashes(p, Format::Text).len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(html_bytes as u64));
    g.bench_function("html", |b| {
        b.iter(|| {
            html.iter()
                .map(|p| clean(p, Format::Html, &empty).cleaned.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

/// CPU seconds (user + system) of this process, from /proc/self/stat (Linux; clock ticks of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// MB/s per CPU second: on a loaded machine wall-clock throughput understates what one core does.
fn per_core(name: &str, pages: &[String], format: Format, chrome: &ChromeSet) {
    let bytes: usize = pages.iter().map(String::len).sum();
    let (Some(start), mut done) = (cpu_seconds(), 0usize) else {
        return;
    };
    // `ZHREPORT_BENCH_SECS`: CPU seconds to run (default 5; longer under valgrind, where a
    // run's one-time table building must be amortised).
    let secs: f64 = std::env::var("ZHREPORT_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5.0);
    let mut used = 0.0;
    while used < secs {
        for p in pages {
            std::hint::black_box(clean(p, format, chrome));
        }
        done += bytes;
        used = cpu_seconds().unwrap_or(start) - start;
    }
    println!(
        "clean/{name}: {:.1} MB/s per CPU second ({:.1} MB in {used:.2} CPU s)",
        done as f64 / 1e6 / used,
        done as f64 / 1e6
    );
}

criterion_group!(benches, bench);

fn main() {
    // `ZHREPORT_BENCH_CPU=1 cargo bench --bench clean`: throughput per CPU second instead.
    // (`=text` or `=html` for one of them.)
    if let Ok(which) = std::env::var("ZHREPORT_BENCH_CPU") {
        if which != "html" {
            per_core("text", &text_pages(), Format::Text, &ChromeSet::empty());
        }
        if which != "text" {
            per_core("html", &html_pages(), Format::Html, &ChromeSet::empty());
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
