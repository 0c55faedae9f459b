//! Shared helpers of the structure tests: corpus access, a char-aligned analysis view and
//! the hand-labelled heading files.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared corpus directory (`../shared/corpus` beside the repository).
pub fn corpus() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"))
}

/// The labelled data of this stage.
pub fn data() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/structure"))
}

/// Char-aligned analysis view, built char by char (simplified script, half-width ASCII) so
/// the tests do not depend on the clean stage.
pub fn analysis_view(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        };
        let s = fast2s::convert(c.encode_utf8(&mut buf));
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(x), None) => out.push(x),
            _ => out.push(c),
        }
    }
    out
}

/// The seed pages, (file name, text).
pub fn seeds() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(corpus().join("seeds"))
        .expect("seeds dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).expect("utf-8 seed"),
            )
        })
        .collect();
    v.sort();
    v
}

/// `full_text` of one provincial report (`2026_北京市_政府工作报告.csv` → name `北京市`).
pub fn gov_report(name: &str) -> String {
    let path = corpus()
        .join("gov-reports-2026")
        .join(format!("2026_{name}_政府工作报告.csv"));
    let mut rd = csv::Reader::from_path(&path).expect("csv");
    let headers = rd.headers().expect("headers").clone();
    let col = headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == "full_text")
        .expect("full_text column");
    let rec = rd.records().next().expect("one record").expect("record");
    rec.get(col).expect("field").to_string()
}

/// 1-based line number of char offset `off`.
pub fn line_of(text: &str, off: usize) -> usize {
    1 + text.chars().take(off).filter(|&c| c == '\n').count()
}

/// One labelled row: `H` heading or `A` article.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub tag: String,
    pub line: usize,
    pub level: u8,
    pub marker: String,
    pub title: String,
    pub kind: String,
}

/// Reads a label file: tab-separated `tag line level marker title kind`, `#` comments.
pub fn read_labels(file: &str) -> Vec<Label> {
    let text = std::fs::read_to_string(data().join(file)).expect("label file");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 6, "bad label row: {l}");
            Label {
                tag: f[0].to_string(),
                line: f[1].parse().expect("line"),
                level: f[2].parse().expect("level"),
                marker: f[3].to_string(),
                title: f[4].to_string(),
                kind: f[5].to_string(),
            }
        })
        .collect()
}
