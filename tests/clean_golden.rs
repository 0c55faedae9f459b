//! Golden cleaned text of the seed pages (tests/data/clean/golden/<seed>.txt), and invariants
//! of every cleaned page of the corpus: idempotence, aligned views, offsets inside their text.
//! `ZHREPORT_BLESS=1 cargo test --test clean_golden` rewrites the golden files (review the diff).

use std::path::{Path, PathBuf};
use zhreport::clean::chrome::ChromeSet;
use zhreport::clean::{clean, Format};
use zhreport::report::Script;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/clean/golden");

fn seed_paths() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(CORPUS).join("seeds"))
        .expect("corpus/seeds")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

fn reports() -> Vec<String> {
    let dir = Path::new(CORPUS).join("gov-reports-2026");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("gov-reports")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v.iter()
        .map(|p| {
            let mut rdr = csv::Reader::from_path(p).expect("csv");
            let headers = rdr.headers().expect("headers").clone();
            let col = headers
                .iter()
                .position(|h| h.trim_start_matches('\u{feff}') == "full_text")
                .expect("full_text");
            let rec = rdr.records().next().expect("record").expect("record");
            rec.get(col).unwrap_or_default().to_string()
        })
        .collect()
}

#[test]
fn seeds_match_golden_text() {
    let bless = std::env::var_os("ZHREPORT_BLESS").is_some();
    for p in seed_paths() {
        let text = std::fs::read_to_string(&p).expect("seed");
        let c = clean(&text, Format::Text, &ChromeSet::empty());
        let golden = Path::new(GOLDEN).join(p.file_name().expect("name"));
        if bless {
            std::fs::create_dir_all(GOLDEN).expect("golden dir");
            std::fs::write(&golden, format!("{}\n", c.cleaned)).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&golden)
            .unwrap_or_else(|e| panic!("{}: {e} (run with ZHREPORT_BLESS=1)", golden.display()));
        assert_eq!(
            format!("{}\n", c.cleaned),
            want,
            "{} differs from its golden text",
            p.display()
        );
    }
}

#[test]
fn seed_artefacts_are_gone() {
    let p = seed_paths()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("000_"))
        .expect("seed 000");
    let c = clean(
        &std::fs::read_to_string(p).expect("seed"),
        Format::Text,
        &ChromeSet::empty(),
    );
    assert!(
        !c.cleaned.contains("(jīng)") && !c.cleaned.contains("(qū)"),
        "pinyin notes left"
    );
    assert!(!c.cleaned.contains("的`"), "anti-copy mark left");
    assert!(c.cleaned.contains("職工的業餘") || c.cleaned.contains("經常性的郵政"));
    assert_eq!(c.script, Script::Hant);
    assert!(c.cleaned.starts_with("工會工作計劃\n"));
}

fn check_invariants(text: &str) {
    let c = clean(text, Format::Text, &ChromeSet::empty());
    let n = c.cleaned.chars().count();
    assert_eq!(c.analysis.chars().count(), n);
    assert_eq!(c.key.chars().count(), c.key_map.len());
    assert!(c.key_map.iter().all(|&o| (o as usize) < n));
    assert!(c.key_map.windows(2).all(|w| w[0] < w[1]));
    let again = clean(&c.cleaned, Format::Text, &ChromeSet::empty());
    assert_eq!(again.cleaned, c.cleaned, "cleaning is not idempotent");
    assert!(
        again.removed.is_empty(),
        "second pass removed {:?}",
        again.removed
    );
}

#[test]
fn corpus_pages_keep_invariants() {
    for p in seed_paths() {
        check_invariants(&std::fs::read_to_string(p).expect("seed"));
    }
    let reports = reports();
    assert_eq!(reports.len(), 31);
    for r in &reports {
        check_invariants(r);
        let c = clean(r, Format::Text, &ChromeSet::empty());
        assert_eq!(c.script, Script::Hans);
        assert!(c.cleaned.starts_with(|ch: char| !ch.is_whitespace()));
    }
}
