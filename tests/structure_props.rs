//! Property tests: structure and classification never panic and keep their invariants on
//! arbitrary text made of the characters they react to.

use proptest::prelude::*;
use zhreport::classify::{classify_article, classify_text};
use zhreport::structure::analyze;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("一、".to_string()),
        Just("（二）".to_string()),
        Just("3.".to_string()),
        Just("1、".to_string()),
        Just("①".to_string()),
        Just("第一章".to_string()),
        Just("二是".to_string()),
        Just("七——八月份".to_string()),
        Just("篇1".to_string()),
        Just("篇1020__年".to_string()),
        Just("工作计划2".to_string()),
        Just("相关文章".to_string()),
        Just("名词解释".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("　".to_string()),
        Just("。".to_string()),
        Just("，".to_string()),
        Just("将".to_string()),
        Just("了".to_string()),
        "[\\u{4e00}-\\u{4e20}a-z0-9 ]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn never_panics_and_keeps_offsets_in_range(parts in prop::collection::vec(piece(), 0..60), drop_one in any::<bool>()) {
        let text: String = parts.concat();
        let n = text.chars().count();
        // A misaligned analysis view (one char short) must not break offsets either.
        let analysis: String = if drop_one { text.chars().skip(1).collect() } else { text.clone() };
        let page = analyze(&text, &analysis);
        let mut prev_end = 0;
        for a in page.articles {
            prop_assert!(a.span[0] <= a.span[1] && a.span[1] <= n);
            prop_assert!(a.span[0] >= prev_end);
            prev_end = a.span[1];
            for s in &a.sections {
                prop_assert!(s.offset >= a.span[0] && s.offset < a.span[1].max(a.span[0] + 1));
                prop_assert!(s.level >= 1);
            }
            let mut secs = a.sections.clone();
            let (_, score) = classify_article(&text, a.span, &mut secs);
            prop_assert!((0.0..=1.0).contains(&score));
        }
        let (_, score) = classify_text(&text);
        prop_assert!((0.0..=1.0).contains(&score));
    }
}
