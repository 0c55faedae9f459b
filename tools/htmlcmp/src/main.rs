//! Parse-speed comparison for zhreport issue 3: html5ever (scraper) and tl against the pages
//! of zhreport's HTML tests; each parser builds its DOM and collects the text of <body>.
use std::time::Instant;

fn pages() -> Vec<String> {
    let mut out = Vec::new();
    for dir in [concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/clean/html"), concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/clean/news")] {
        let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "html")).collect();
        names.sort();
        for p in names {
            let b = std::fs::read(&p).unwrap();
            let enc = if p.to_string_lossy().contains("gbk") { encoding_rs::GBK } else { encoding_rs::UTF_8 };
            out.push(enc.decode(&b).0.into_owned());
        }
    }
    out
}

fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = stat.rsplit_once(')').unwrap().1.split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}

fn run(name: &str, pages: &[String], f: &dyn Fn(&str) -> usize) {
    let bytes: usize = pages.iter().map(String::len).sum();
    let (c0, t0) = (cpu(), Instant::now());
    let mut done = 0usize;
    let mut sink = 0usize;
    while cpu() - c0 < 5.0 {
        for p in pages { sink += f(p); }
        done += bytes;
    }
    let used = cpu() - c0;
    println!("{name}: {:.1} MB per CPU second ({:.1} MB/s wall) [{sink}]", done as f64 / 1e6 / used, done as f64 / 1e6 / t0.elapsed().as_secs_f64());
}

fn main() {
    let pages = pages();
    println!("{} pages, {} bytes", pages.len(), pages.iter().map(String::len).sum::<usize>());
    run("scraper (html5ever) parse + body text", &pages, &|p| {
        let doc = scraper::Html::parse_document(p);
        let sel = scraper::Selector::parse("body").unwrap();
        doc.select(&sel).map(|b| b.text().map(str::len).sum::<usize>()).sum()
    });
    run("tl parse + inner text", &pages, &|p| {
        match tl::parse(p, tl::ParserOptions::default()) {
            Ok(dom) => dom.nodes().iter().filter_map(|n| n.as_raw()).map(|r| r.as_bytes().len()).sum(),
            Err(_) => 0,
        }
    });
}
