//! The segment stage never panics and stays deterministic on arbitrary text, and counts what
//! jieba cuts, on arbitrary text and on the corpus.

use std::sync::OnceLock;

use proptest::prelude::*;

#[path = "support/reports.rs"]
mod reports;
use zhreport::segment::{keywords, DocFreq, Segmenter};

fn seg() -> &'static Segmenter {
    static S: OnceLock<Segmenter> = OnceLock::new();
    S.get_or_init(|| Segmenter::new(None).expect("segmenter"))
}

/// Text mixing hanzi from the domain vocabulary, ASCII, digits, punctuation and odd code points.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("职工".to_string()),
        Just("工会".to_string()),
        Just("十四五".to_string()),
        Just("集体合同".to_string()),
        Just("XX".to_string()),
        // A dictionary word jieba's route splits and its HMM joins (given no id by the cut).
        Just("整治内卷式竞争".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("，".to_string()),
        Just("2024年".to_string()),
        "[\\u{4e00}-\\u{9fff}]{1,4}",
        "[a-zA-Z0-9 .%+#-]{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn never_panics_and_is_deterministic(a in texty(), b in texty(), n in 0usize..15) {
        let s = seg();
        let ta = s.terms(&a);
        let tb = s.terms(&b);
        prop_assert_eq!(&ta, &s.terms(&a));
        // The per-thread memo of word verdicts changes nothing: a thread that has met no
        // word yet gets the same terms.
        let cold = std::thread::scope(|sc| sc.spawn(|| s.terms(&a)).join());
        prop_assert!(cold.as_ref().is_ok_and(|c| c == &ta));
        // Each kept term's count is the number of its tokens in the cut.
        for (w, c) in ta.counts() {
            let n = a
                .lines()
                .filter(|l| !l.trim().is_empty())
                .flat_map(|l| s.jieba().cut(l, true))
                .filter(|t| t.word == w)
                .count();
            prop_assert_eq!(c as usize, n, "{}", w);
        }
        let mut df = DocFreq::default();
        df.add(&ta);
        df.add(&tb);
        let k = keywords(&ta, &df, n);
        prop_assert!(k.len() <= n);
        for (w, score) in &k {
            prop_assert!(score.is_finite());
            prop_assert!(w.chars().count() >= 2);
        }
        prop_assert_eq!(k, keywords(&ta, &df, n));
        let single = keywords(&tb, &DocFreq::default(), n);
        prop_assert!(single.iter().all(|x| x.1.is_finite()));
        let tr = s.keywords_textrank(&a, n);
        prop_assert!(tr.len() <= n);
        prop_assert!(tr.iter().all(|x| x.1.is_finite() && x.1 <= 1.0 + 1e-9));
        let _ = df.top(n);
    }
}

/// Every kept term's count is its number of tokens in the cut, on every report of the corpus
/// (where jieba's HMM joins dictionary words its route left apart, 内卷 among them), and no
/// term is kept twice.
#[test]
fn counts_are_the_cuts_on_the_corpus() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/gov-reports-2026"
    );
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("gov-reports-2026")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let s = seg();
    let mut checked = 0;
    for p in paths {
        for text in reports::full_texts(&p) {
            let text = text.as_str();
            let mut cut: std::collections::HashMap<&str, usize> = Default::default();
            for l in text.lines().filter(|l| !l.trim().is_empty()) {
                for t in s.jieba().cut(l, true) {
                    *cut.entry(t.word).or_default() += 1;
                }
            }
            let terms = s.terms(text);
            let mut kept = std::collections::HashSet::new();
            for (w, c) in terms.counts() {
                assert!(kept.insert(w), "{w} kept twice in {}", p.display());
                assert_eq!(c as usize, cut.get(w).copied().unwrap_or(0), "{w}");
            }
            checked += terms.len();
        }
    }
    assert!(checked > 1000, "{checked} terms checked");
}
