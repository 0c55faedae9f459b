//! Property tests: the figures stage never panics and its offsets stay inside the text.

use proptest::prelude::*;
use zhreport::figures::{analysis_view, extract, extract_text};

/// Strings built from the characters the grammar reacts to, plus anything else.
fn numeric_soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0",
        "1",
        "9",
        "5.2",
        "，",
        ",",
        "。",
        ".",
        "-",
        "—",
        "至",
        "到",
        "万",
        "亿",
        "千",
        "百",
        "十",
        "零",
        "〇",
        "一",
        "两",
        "三",
        "点",
        "多",
        "余",
        "来",
        "约",
        "近",
        "超过",
        "不到",
        "以上",
        "左右",
        "上下",
        "元",
        "人",
        "个",
        "百分点",
        "%",
        "％",
        "年",
        "月",
        "日",
        "季度",
        "上半年",
        "第",
        "分之",
        "百分之",
        "倍",
        "成",
        "折",
        "x",
        "X",
        "_",
        "“",
        "”",
        "(",
        ")",
        "增长",
        "比上年",
        "的",
        "完成计划的",
        "等",
        "、",
        " ",
        "\n",
        "萬",
        "億",
        "１",
        "．",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let n = text.chars().count();
    let (figs, holders) = extract_text(text);
    let chars: Vec<char> = text.chars().collect();
    for f in &figs {
        let len = f.text.chars().count();
        assert!(f.offset + len <= n, "figure outside the text: {f:?}");
        let at: String = chars[f.offset..f.offset + len].iter().collect();
        assert_eq!(at, f.text);
        if let Some(v) = f.value {
            assert!(v.is_finite());
        }
    }
    for p in &holders {
        assert!(p.offset + p.text.chars().count() <= n);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_safe(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn numeric_soup_is_safe(s in numeric_soup()) {
        check(&s);
    }

    #[test]
    fn any_span_is_safe(s in numeric_soup(), a in 0usize..200, b in 0usize..200) {
        let analysis = analysis_view(&s);
        let n = s.chars().count();
        let (figs, holders) = extract(&s, &analysis, [a, b]);
        let lo = a.min(n);
        for f in &figs {
            prop_assert!(f.offset >= lo.min(b) && f.offset + f.text.chars().count() <= n);
        }
        for p in &holders {
            prop_assert!(p.offset + p.text.chars().count() <= n);
        }
    }
}

#[test]
fn mismatched_views_do_not_panic() {
    // The contract says the views are char-aligned; a broken caller must not crash us.
    let (f, _) = extract("增长5%", "增长5%多出来的字", [0, 100]);
    assert!(f.iter().all(|f| f.offset < 20));
}
