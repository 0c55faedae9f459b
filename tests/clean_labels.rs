//! The labelled set: every line of the five seed pages and of eight provincial reports marked
//! keep or drop by hand (tests/data/clean/labels/*.tsv). Cleaning, with site chrome learned
//! from the whole corpus as `analyze` does, must reach precision and recall of "drop" ≥ 0.98
//! and must not drop any line labelled keep.
//!
//! Label files: one line per non-empty line of the page, `keep<TAB>text` or
//! `drop<TAB>reason<TAB>text`. `ZHREPORT_DRAFT_LABELS=DIR` writes the current verdicts in that
//! format to DIR, to start labelling a new page (then read and correct every line by hand).

use std::path::{Path, PathBuf};
use zhreport::clean::chrome::{page_line_hashes, ChromeLearner, ChromeSet};
use zhreport::clean::{clean, Format};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
const LABELS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/clean/labels");

/// Provincial reports in the labelled set (chosen for their different page furniture).
const REPORTS: &[&str] = &[
    "北京市",
    "云南省",
    "宁夏回族自治区",
    "四川省",
    "陕西省",
    "青海省",
    "广东省",
    "贵州省",
];

fn seeds() -> Vec<(String, String)> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(CORPUS).join("seeds"))
        .expect("corpus/seeds")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v.into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            (name, std::fs::read_to_string(&p).expect("seed text"))
        })
        .collect()
}

fn reports() -> Vec<(String, String)> {
    let dir = Path::new(CORPUS).join("gov-reports-2026");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("gov-reports")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v.into_iter()
        .map(|p| {
            let mut rdr = csv::Reader::from_path(&p).expect("csv");
            let headers = rdr.headers().expect("headers").clone();
            let col = headers
                .iter()
                .position(|h| h.trim_start_matches('\u{feff}') == "full_text")
                .expect("full_text column");
            let rec = rdr.records().next().expect("one record").expect("record");
            let name = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            (name, rec.get(col).unwrap_or_default().to_string())
        })
        .collect()
}

fn learn_chrome(docs: &[(String, String)]) -> ChromeSet {
    let mut learner = ChromeLearner::new();
    for (_, text) in docs {
        learner.observe(&page_line_hashes(text, Format::Text));
    }
    learner.finish()
}

struct Label {
    drop: bool,
    reason: String,
    text: String,
}

fn read_labels(path: &Path) -> Vec<Label> {
    let body = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    body.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut f = l.splitn(3, '\t');
            match (f.next(), f.next(), f.next()) {
                (Some("keep"), Some(t), None) => Label {
                    drop: false,
                    reason: String::new(),
                    text: t.to_string(),
                },
                (Some("drop"), Some(r), Some(t)) => Label {
                    drop: true,
                    reason: r.to_string(),
                    text: t.to_string(),
                },
                _ => panic!("{}: bad label line {l:?}", path.display()),
            }
        })
        .collect()
}

fn page_lines(text: &str) -> Vec<String> {
    text.split(['\n', '\r'])
        .map(|l| l.trim().replace('\t', " "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn labelled_lines_precision_recall() {
    let seeds = seeds();
    let reports = reports();
    let all: Vec<(String, String)> = seeds.iter().chain(reports.iter()).cloned().collect();
    let chrome = learn_chrome(&all);
    let labelled: Vec<&(String, String)> = seeds
        .iter()
        .chain(
            reports
                .iter()
                .filter(|(n, _)| REPORTS.iter().any(|r| n.contains(r))),
        )
        .collect();
    assert_eq!(labelled.len(), 5 + REPORTS.len());

    if let Ok(dir) = std::env::var("ZHREPORT_DRAFT_LABELS") {
        std::fs::create_dir_all(&dir).expect("draft dir");
        for (name, text) in &labelled {
            let c = clean(text, Format::Text, &chrome);
            let mut removed = c.removed.iter().peekable();
            let mut out = String::new();
            for line in page_lines(text) {
                match removed.peek() {
                    Some(r) if r.text.trim().replace('\t', " ") == line => {
                        out.push_str(&format!("drop\t{}\t{line}\n", r.reason));
                        removed.next();
                    }
                    _ => out.push_str(&format!("keep\t{line}\n")),
                }
            }
            std::fs::write(Path::new(&dir).join(format!("{name}.tsv")), out).expect("write draft");
        }
        return;
    }

    let (mut tp, mut fp, mut fneg, mut wrong_reason) = (0usize, 0usize, 0usize, 0usize);
    let mut lost = Vec::new();
    let mut missed = Vec::new();
    for (name, text) in &labelled {
        let labels = read_labels(&Path::new(LABELS).join(format!("{name}.tsv")));
        let lines = page_lines(text);
        assert_eq!(
            labels.len(),
            lines.len(),
            "{name}: label file out of step with the page"
        );
        let c = clean(text, Format::Text, &chrome);
        let mut removed = c.removed.iter().peekable();
        for (label, line) in labels.iter().zip(&lines) {
            assert_eq!(
                &label.text, line,
                "{name}: label file out of step with the page"
            );
            let dropped = match removed.peek() {
                Some(r) if r.text.trim().replace('\t', " ") == *line => {
                    if label.drop && r.reason != label.reason {
                        wrong_reason += 1;
                    }
                    removed.next();
                    true
                }
                _ => false,
            };
            match (label.drop, dropped) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    lost.push(format!("{name}: {line}"));
                }
                (true, false) => {
                    fneg += 1;
                    missed.push(format!("{name}: {line}"));
                }
                (false, false) => {}
            }
        }
        assert!(
            removed.next().is_none(),
            "{name}: removed lines not in page order"
        );
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    eprintln!("drop: tp {tp} fp {fp} fn {fneg}; precision {precision:.4} recall {recall:.4}; reason differs on {wrong_reason}");
    assert!(tp > 100, "too few labelled drops to measure");
    assert!(
        precision >= 0.98,
        "precision {precision:.4}; content dropped: {lost:#?}"
    );
    assert!(
        recall >= 0.98,
        "recall {recall:.4}; furniture kept: {missed:#?}"
    );
    assert!(lost.is_empty(), "content lines lost: {lost:#?}");
}
