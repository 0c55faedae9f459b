//! The vendored copy of jieba-rs (vendor/jieba-rs, see its UPSTREAM.md) must segment and tag
//! exactly as crates.io's jieba-rs 0.11.0 does, and its per-token callback must report the
//! tokens of `cut` with ids that name dictionary words consistently. Checked on the shared
//! corpus (both scripts), this repository's corpus, and edge cases.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jieba_rs::Jieba;
use jieba_upstream::Jieba as Upstream;

#[path = "support/reports.rs"]
mod reports;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
const OWN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

/// Every text file under `dir` (recursively), and the `full_text` column of every CSV.
fn texts_under(dir: &Path, out: &mut Vec<String>) {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    for p in paths {
        match p.extension().and_then(|e| e.to_str()) {
            Some("csv") => out.extend(reports::full_texts(&p)),
            _ => {
                if let Ok(bytes) = std::fs::read(&p) {
                    // Undecodable bytes become U+FFFD: text of every kind is welcome here.
                    out.push(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
    }
}

fn corpus_lines() -> Vec<String> {
    let mut docs = Vec::new();
    texts_under(Path::new(SHARED), &mut docs);
    texts_under(Path::new(OWN), &mut docs);
    let simplified: Vec<String> = docs.iter().map(|d| fast2s::convert(d)).collect();
    docs.extend(simplified);
    let mut lines: Vec<String> = docs
        .iter()
        .flat_map(|d| d.lines().map(str::to_string))
        .collect();
    lines.extend(
        [
            "",
            " ",
            "\r\n",
            "GDP增长5.2%，CPI上涨0.3%。",
            "第十四届全国人民代表大会第二次会议",
            "ＡＢＣ１２３ｘｙｚ，全角字符",
            "emoji😀混排🇨🇳测试",
            "a+b=c#1 & d_e.f-g%",
            "20xx年XX公司工作总结____元",
            "𠀀𪚥古字扩展区",
            "哈哈哈哈哈哈",
            "了了了了",
        ]
        .map(str::to_string),
    );
    lines
}

fn words<'a>(tokens: &[jieba_rs::Token<'a>]) -> Vec<&'a str> {
    tokens.iter().map(|t| t.word).collect()
}

#[test]
fn the_copy_cuts_and_tags_as_upstream_does() {
    let lines = corpus_lines();
    assert!(lines.len() > 1000, "corpus not found under {SHARED}");
    let ours = Jieba::new();
    let theirs = Upstream::new();
    for hmm in [true, false] {
        for line in &lines {
            let a = ours.cut(line, hmm);
            let b = theirs.cut(line, hmm);
            assert_eq!(a.len(), b.len(), "cut({line:?}, {hmm})");
            for (x, y) in a.iter().zip(&b) {
                assert_eq!(
                    (x.word, x.start, x.end, x.byte_start, x.byte_end),
                    (y.word, y.start, y.end, y.byte_start, y.byte_end),
                    "cut({line:?}, {hmm})"
                );
            }
        }
    }
    // Tagging reads the POS model, which the copy stores differently: every seventh line (tag
    // costs about twice a cut).
    for line in lines.iter().step_by(7) {
        let a: Vec<_> = ours
            .tag(line, true)
            .iter()
            .map(|t| (t.word, t.tag))
            .collect();
        let b: Vec<_> = theirs
            .tag(line, true)
            .iter()
            .map(|t| (t.word, t.tag))
            .collect();
        assert_eq!(a, b, "tag({line:?})");
    }
}

#[test]
fn added_words_cut_alike() {
    let mut ours = Jieba::new();
    let mut theirs = Upstream::new();
    for (w, f) in [
        ("职代会", 2000),
        ("厂务公开", 3000),
        ("十四五", 5000),
        ("安康杯", 100),
    ] {
        ours.add_word(w, Some(f), Some("nz"));
        theirs.add_word(w, Some(f), Some("nz"));
    }
    for line in corpus_lines().iter().step_by(3) {
        assert_eq!(
            words(&ours.cut(line, true)),
            theirs
                .cut(line, true)
                .iter()
                .map(|t| t.word)
                .collect::<Vec<_>>(),
            "{line:?}"
        );
    }
}

#[test]
fn the_callback_gives_cuts_tokens_with_consistent_ids() {
    let mut jieba = Jieba::new();
    jieba.add_word("职代会", Some(2000), Some("nz"));
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut with_id = 0usize;
    let mut all = 0usize;
    for line in corpus_lines() {
        for hmm in [true, false] {
            let mut got = Vec::new();
            jieba.cut_with_ids(&line, hmm, |w, id| got.push((w, id)));
            let cut = jieba.cut(&line, hmm);
            assert_eq!(
                got.iter().map(|x| x.0).collect::<Vec<_>>(),
                words(&cut),
                "{line:?}"
            );
            for (w, id) in got {
                all += 1;
                let Some(id) = id else { continue };
                with_id += 1;
                assert!((id as usize) < jieba.dict_len(), "{w}: id {id}");
                assert!(jieba.has_word(w), "{w} has an id but is not a word");
                assert_eq!(jieba.word_id(w), Some(id), "{w}");
                let first = *ids.entry(w.to_string()).or_insert(id);
                assert_eq!(first, id, "{w} has two ids");
            }
        }
    }
    // Nearly every token of these texts is a dictionary word found by the route.
    assert!(with_id * 10 > all * 6, "{with_id} of {all} tokens have ids");
    // Distinct words, distinct ids.
    let mut seen: HashMap<u32, &str> = HashMap::new();
    for (w, id) in &ids {
        assert_eq!(*seen.entry(*id).or_insert(w), w.as_str(), "id {id}");
    }
    let mut added = Vec::new();
    jieba.cut_with_ids("召开职代会", true, |w, id| {
        added.push((w, id.is_some()))
    });
    assert_eq!(added, [("召开", true), ("职代会", true)]);
}
