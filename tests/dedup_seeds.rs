//! The seed cluster: seed 000 篇5 and 篇6 (traditional, pinyin notes, anti-copy marks) and
//! seed 003 篇8 (simplified, reworked) are one report and must form one cluster.

use regex::Regex;
use zhreport::dedup::{prepare, ArticleInput, Dedup, DedupOutput};
use zhreport::report::DedupParams;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seeds");

fn seed(prefix: &str) -> String {
    let dir = std::fs::read_dir(SEEDS).expect("seeds dir");
    let mut paths: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    let p = paths
        .into_iter()
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .expect("seed file");
    std::fs::read_to_string(p).expect("read seed")
}

/// The text of article `篇n`: from its marker to the next article's marker line.
fn article(text: &str, n: usize) -> String {
    let marker = format!("篇{n}");
    let next = Regex::new(r"篇\d+").unwrap();
    let mut out = String::new();
    let mut inside = false;
    for line in text.lines() {
        if let Some(m) = next.find(line) {
            if m.as_str() == marker && !line.contains("匯總") && !line.contains("精选22篇") {
                inside = true;
                out.push_str(&line[m.end()..]);
                out.push('\n');
                continue;
            } else if inside {
                break;
            }
        }
        if inside {
            if line.starts_with("上一篇") {
                break;
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[path = "support/dedup_key.rs"]
mod dedup_key;
use dedup_key::key;

fn run(arts: &[(&str, u32, &str)]) -> DedupOutput {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dedup::new(DedupParams::default(), dir.path()).unwrap();
    for &(id, doc, text) in arts {
        let (k, m) = key(text);
        d.add(prepare(ArticleInput {
            id: id.into(),
            doc_index: doc,
            key: k,
            key_map: m,
            date: None,
            reference: false,
        }))
        .unwrap();
    }
    d.finish().unwrap()
}

#[test]
fn seed_cluster_traditional_and_simplified_copies() {
    let s0 = seed("000_");
    let s3 = seed("003_");
    let a5 = article(&s0, 5);
    let a6 = article(&s0, 6);
    let b8 = article(&s3, 8);
    assert!(a5.chars().count() > 1000 && a6.chars().count() > 1000 && b8.chars().count() > 1000);
    // Same key across scripts once pinyin notes and marks are gone.
    assert!(key(&a5)
        .0
        .contains("镇工会先后开展了重点工程劳动竞赛技术创新立功竞赛等活动"));
    // Unrelated articles of the same pages around them.
    let a1 = article(&s0, 1);
    let b1 = article(&s3, 1);
    let out = run(&[
        ("s0#1", 0, &a1),
        ("s0#5", 0, &a5),
        ("s0#6", 0, &a6),
        ("s3#1", 1, &b1),
        ("s3#8", 1, &b8),
    ]);
    let c = &out.duplicates.clusters;
    assert_eq!(c.len(), 1, "{:#?}", out.duplicates.pairs);
    assert_eq!(c[0].articles, vec!["s0#5", "s0#6", "s3#8"]);
    let pair = |a: &str, b: &str| {
        out.duplicates
            .pairs
            .iter()
            .find(|p| p.a == a && p.b == b)
            .cloned()
    };
    let p56 = pair("s0#5", "s0#6").expect("篇5 ~ 篇6");
    assert!(p56.a_in_b > 0.9 && p56.b_in_a > 0.9, "{p56:?}");
    let p58 = pair("s0#5", "s3#8").expect("篇5 ~ 篇8");
    assert!(p58.a_in_b.max(p58.b_in_a) >= 0.8, "{p58:?}");
    // Passages point into each side's text and cover shared wording.
    let chars5: Vec<char> = fast2s::convert(&a5).chars().collect();
    for ps in &p58.passages {
        assert!(ps.a[0] < ps.a[1]);
        assert!(ps.a[1] <= chars5.len() + 200);
    }
    assert!(out.copies[1].share > 0.9);
    assert!(out.copies[1].sources.iter().any(|s| s.article == "s0#6"));
    assert!(!out
        .duplicates
        .pairs
        .iter()
        .any(|p| p.a == "s0#1" || p.a == "s3#1" || p.b == "s3#1"));
}
