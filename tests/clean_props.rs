//! Property tests of cleaning: any input, no panic; idempotent; views aligned; maps in range.

use proptest::prelude::*;
use zhreport::clean::chrome::ChromeSet;
use zhreport::clean::{clean, Format};

/// Pieces of real pages, so random strings hit the rules, not only plain noise.
const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    "　　",
    " ",
    "一、指导思想\n",
    "三月份\n",
    "1. 组织员工烧烤\n",
    "當前位置:首页 > 工作计划 > 正文\n",
    "时间:2024-11-18 18:00:07 我要投稿\n",
    "下面是小编整理的工作计划，希望对大家有所帮助。\n",
    "【工会】相关文章:\n",
    "高中工会工作计划05-24\n",
    "上一篇:工作总结\n",
    "362180\n",
    "經(jīng)審",
    "的`業",
    "的'规定",
    "\u{200B}",
    "\u{FEFF}",
    "m\n2\n，",
    "PM\n2.5\n浓度",
    "各位代表：\n",
    "下载\n打印\n【字号：\n加大\n】\n",
    "您的位置:\n首页\n>\n要闻\n",
    "本报记者 张三摄\n",
    "版权所有 © 2024\n",
    "aa毛片,激情专区,午夜福利,免费看\n",
    "ＡＢＣ１２３",
    "工會",
    "（",
    "）",
    "(",
    ")",
    "<p>",
    "</p>",
    "&amp;",
    "&#x4E2D;",
    "★ 相关\n",
    "|",
    "×\n",
    "2.",
    "—",
    "\t",
    "é",
    "ǎ",
    "'",
    "`",
];

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_string),
            "\\PC{0,12}",
            "[a-z0-9 .,]{0,6}"
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn clean_is_idempotent_and_aligned(text in page()) {
        let c = clean(&text, Format::Text, &ChromeSet::empty());
        let n = c.cleaned.chars().count();
        prop_assert_eq!(c.analysis.chars().count(), n);
        prop_assert_eq!(c.key.chars().count(), c.key_map.len());
        prop_assert!(c.key_map.iter().all(|&o| (o as usize) < n));
        let again = clean(&c.cleaned, Format::Text, &ChromeSet::empty());
        prop_assert_eq!(&again.cleaned, &c.cleaned);
    }

    #[test]
    fn html_any_input_no_panic(text in page()) {
        let html = format!("<html><body><div>{text}</div><script>{text}</script></body></html>");
        let c = clean(&html, Format::Html, &ChromeSet::empty());
        prop_assert_eq!(c.analysis.chars().count(), c.cleaned.chars().count());
        let again = clean(&c.cleaned, Format::Text, &ChromeSet::empty());
        prop_assert_eq!(&again.cleaned, &c.cleaned);
    }

    #[test]
    fn arbitrary_bytes_no_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = clean(&text, Format::Text, &ChromeSet::empty());
        let _ = clean(&text, Format::Html, &ChromeSet::empty());
        let _ = zhreport::clean::chrome::page_line_hashes(&text, Format::Html);
    }
}
