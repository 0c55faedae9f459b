//! The stage never panics and keeps its invariants on arbitrary keys.

use proptest::prelude::*;
use zhreport::dedup::{align, prepare, ArticleInput, Dedup};
use zhreport::report::DedupParams;

fn key_strategy() -> impl Strategy<Value = String> {
    // A small alphabet makes long shared runs likely.
    proptest::collection::vec(
        prop_oneof![
            Just('甲'),
            Just('乙'),
            Just('丙'),
            Just('1'),
            Just('x'),
            Just('A')
        ],
        0..120,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn align_runs_are_real_and_disjoint(a in key_strategy(), b in key_strategy(), k in 1usize..20) {
        let ac: Vec<char> = a.chars().collect();
        let bc: Vec<char> = b.chars().collect();
        let runs = align(&a, &b, k);
        let mut used_a = vec![false; ac.len()];
        let mut used_b = vec![false; bc.len()];
        for &(s, e, t, f) in &runs {
            prop_assert!(e - s >= k && e - s == f - t && e <= ac.len() && f <= bc.len());
            for i in 0..e - s {
                prop_assert!(!used_a[s + i] && !used_b[t + i]);
                used_a[s + i] = true;
                used_b[t + i] = true;
            }
        }
    }

    #[test]
    fn stage_never_panics(keys in proptest::collection::vec(key_strategy(), 0..12), short_map in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Dedup::new(DedupParams::default(), dir.path()).unwrap();
        for (i, k) in keys.iter().enumerate() {
            let n = k.chars().count() as u32;
            let key_map = if short_map { (0..n / 2).collect() } else { (0..n).map(|x| x * 3).collect() };
            d.add(prepare(ArticleInput { id: format!("d{i}#1"), doc_index: i as u32 / 2, key: k.clone(), key_map, date: Some(20240101 + i as u32), reference: i % 5 == 0 })).unwrap();
        }
        let out = d.finish().unwrap();
        prop_assert_eq!(out.copies.len(), keys.len());
        for c in &out.copies {
            prop_assert!((0.0..=1.0).contains(&c.share));
        }
        for p in &out.duplicates.pairs {
            prop_assert!(p.a_in_b.max(p.b_in_a) >= 0.3);
            let num = |s: &str| s.trim_start_matches('d').trim_end_matches("#1").parse::<usize>().unwrap();
            prop_assert!(num(&p.a) < num(&p.b));
        }
    }
}
