//! HTML pages → main content, scored by character-bigram F1 against the known body text
//! (tests/data/clean/html/NAME.html + NAME.txt, built by make_fixtures.py from corpus text with
//! realistic page furniture; three of them GBK-encoded like many Chinese sites).

use std::path::Path;
use zhreport::clean::chrome::ChromeSet;
use zhreport::clean::{clean, detect_format, Format};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/clean/html");

#[path = "support/bigram.rs"]
mod bigram;
use bigram::bigram_f1;

fn decode(name: &str, bytes: &[u8]) -> String {
    let enc = if name.contains("gbk") {
        encoding_rs::GBK
    } else {
        encoding_rs::UTF_8
    };
    enc.decode(bytes).0.into_owned()
}

#[test]
fn html_pages_main_content_f1() {
    let mut names: Vec<String> = std::fs::read_dir(DIR)
        .expect("html fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".html").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 4);
    let mut scores = Vec::new();
    for name in &names {
        let page = decode(
            name,
            &std::fs::read(Path::new(DIR).join(format!("{name}.html"))).expect("page"),
        );
        let want =
            std::fs::read_to_string(Path::new(DIR).join(format!("{name}.txt"))).expect("body");
        assert_eq!(detect_format(&page), Format::Html, "{name}");
        let c = clean(&page, Format::Html, &ChromeSet::empty());
        let f1 = bigram_f1(&c.cleaned, &want);
        eprintln!(
            "{name}: bigram F1 {f1:.4} ({} chars cleaned, {} removed lines)",
            c.cleaned.chars().count(),
            c.removed.len()
        );
        for junk in [
            "ICP",
            "相关文章",
            "相关报道",
            "版权所有",
            "var ",
            "www.fanwen",
            "网友评论",
            "【字",
            "上一篇",
            "当前位置",
            "热门文章",
            "本报记者",
            "标签：",
        ] {
            assert!(
                !c.cleaned.contains(junk),
                "{name}: {junk:?} left in the cleaned text"
            );
        }
        assert_eq!(
            c.cleaned.lines().count(),
            want.lines().count(),
            "{name}: paragraph breaks lost or added"
        );
        scores.push(f1);
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    eprintln!("mean bigram F1 {mean:.4}");
    assert!(mean >= 0.95, "mean F1 {mean:.4}");
    assert!(scores.iter().all(|&f| f >= 0.9), "{scores:?}");
}

#[test]
fn entities_comments_and_breaks() {
    let page = "<html><body><div id=\"content\"><p>第一段&ldquo;工会&rdquo;工作，&nbsp;职工&amp;群众。<!-- <p>注释</p> --></p>\
                <p>第二段<br>第三行内容，继续写作。</p><p>M<sup>2</sup>面积100平方米，PM<sub>2.5</sub>浓度下降。</p></div></body></html>";
    let c = clean(page, Format::Html, &ChromeSet::empty());
    assert_eq!(c.cleaned, "第一段“工会”工作， 职工&群众。\n第二段\n第三行内容，继续写作。\nM2面积100平方米，PM2.5浓度下降。");
}
