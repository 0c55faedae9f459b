//! Unnumbered part headings (`“十四五”时期工作回顾`, `2026年重点工作`) over every provincial
//! report and seed page of the corpus: exactly the hand-checked part headings are found, at
//! level 1 with the numbered sections of their part nested below, and no title, date,
//! signature, caption, appendix line or broken-line fragment becomes one.

mod structure_common;

use structure_common::*;
use zhreport::classify::classify_article;
use zhreport::report::Kind;
use zhreport::structure::analyze;

/// Hand-checked: (province, title, kind) of every unnumbered part heading of the 31 reports,
/// in order. The 5 labelled reports of structure_labels have none.
const PARTS: [(&str, &str, Kind); 5] = [
    (
        "内蒙古自治区",
        "“十四五”时期发展成就和2025年工作回顾",
        Kind::Summary,
    ),
    (
        "内蒙古自治区",
        "“十五五”时期主要目标和2026年重点工作",
        Kind::Plan,
    ),
    ("甘肃省", "“十四五”时期工作回顾", Kind::Summary),
    // Its targets are worded as outcomes (`一是高质量发展水平明显提升`) after
    // `要努力实现以下目标任务：`.
    ("甘肃省", "“十五五”时期的主要目标任务", Kind::Plan),
    ("甘肃省", "2026年重点工作", Kind::Plan),
];

fn provinces() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(corpus().join("gov-reports-2026"))
        .expect("reports dir")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.strip_prefix("2026_")
                .and_then(|r| r.strip_suffix("_政府工作报告.csv"))
                .map(str::to_string)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn part_headings_of_the_corpus() {
    let provinces = provinces();
    assert_eq!(provinces.len(), 31);
    let mut texts: Vec<(String, String)> = provinces
        .iter()
        .map(|p| (p.clone(), gov_report(p)))
        .collect();
    texts.extend(seeds());
    let mut found = Vec::new();
    for (name, text) in &texts {
        let analysis = analysis_view(text);
        let page = analyze(text, &analysis);
        for a in &page.articles {
            let mut secs = a.sections.clone();
            classify_article(&analysis, a.span, &mut secs);
            for (i, s) in secs.iter().enumerate() {
                if !s.marker.is_empty() {
                    continue;
                }
                assert_eq!(s.level, 1, "{name}: {}", s.title);
                found.push((name.clone(), s.title.clone(), s.kind));
                // The numbered section that follows a part heading is nested in it.
                if let Some(n) = secs.get(i + 1).filter(|n| !n.marker.is_empty()) {
                    assert_eq!(n.level, 2, "{name}: {} {} not nested", n.marker, n.title);
                }
            }
        }
    }
    let want: Vec<(String, String, Option<Kind>)> = PARTS
        .iter()
        .map(|(p, t, k)| (p.to_string(), t.to_string(), Some(*k)))
        .collect();
    assert_eq!(found, want);
}
