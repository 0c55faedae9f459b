//! Golden snapshots of the default run on corpus/: documents.jsonl (with text) and
//! duplicates.json. A change in any stage shows up here as a diff to review; regenerate with
//! `ZHREPORT_BLESS=1 cargo test --test golden` after checking the new output is right.

use assert_cmd::Command;
use std::path::PathBuf;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/corpus")
}

#[test]
fn corpus_matches_golden_output() {
    let out = tempfile::tempdir().expect("tempdir");
    Command::cargo_bin("zhreport")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["analyze", "corpus", "--quiet", "--with-text", "-o"])
        .arg(out.path())
        .assert()
        .code(0);
    let bless = std::env::var_os("ZHREPORT_BLESS").is_some();
    for name in ["documents.jsonl", "duplicates.json"] {
        let got = std::fs::read_to_string(out.path().join(name)).expect("output written");
        let path = golden_dir().join(name);
        if bless {
            std::fs::create_dir_all(golden_dir()).expect("mkdir");
            std::fs::write(&path, &got).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} missing: run with ZHREPORT_BLESS=1", path.display()));
        if got != want {
            let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
            let first = g
                .iter()
                .zip(&w)
                .position(|(a, b)| a != b)
                .unwrap_or(g.len().min(w.len()));
            panic!(
                "{name} differs from the golden file at line {} (got {} lines, want {}):\n got: {}\nwant: {}\n\
                 review, then regenerate with ZHREPORT_BLESS=1 cargo test --test golden",
                first + 1,
                g.len(),
                w.len(),
                g.get(first).map(|s| s.chars().take(300).collect::<String>()).unwrap_or_default(),
                w.get(first).map(|s| s.chars().take(300).collect::<String>()).unwrap_or_default()
            );
        }
    }
}
