//! Plan/summary of single paragraphs drawn from the 31 provincial government work reports
//! of 2026. A paragraph's label is the part it stands in, read from the part's heading:
//! `…工作回顾` (a review: summary) or `…重点工作` / `…工作安排` / `…目标任务` (plan).
//! Parts whose heading names both (`“十四五”时期发展成就和“十五五”时期主要目标任务`) are
//! left out, as are paragraphs under 40 chars (headings, transitions).

mod structure_common;

use structure_common::*;
use zhreport::classify::classify_text;
use zhreport::report::Kind;
use zhreport::structure::analyze;

const PROVINCES: [&str; 31] = [
    "上海市",
    "云南省",
    "内蒙古自治区",
    "北京市",
    "吉林省",
    "四川省",
    "天津市",
    "宁夏回族自治区",
    "安徽省",
    "山东省",
    "山西省",
    "广东省",
    "广西壮族自治区",
    "新疆维吾尔自治区",
    "江苏省",
    "江西省",
    "河北省",
    "河南省",
    "浙江省",
    "海南省",
    "湖北省",
    "湖南省",
    "甘肃省",
    "福建省",
    "西藏自治区",
    "贵州省",
    "辽宁省",
    "重庆市",
    "陕西省",
    "青海省",
    "黑龙江省",
];

fn part_label(title: &str) -> Option<Kind> {
    let back = title.contains("回顾") || title.contains("成就") || title.contains("成绩");
    let fwd = [
        "重点工作",
        "工作安排",
        "目标任务",
        "主要任务",
        "总体要求",
        "主要目标",
        "主要考虑",
    ]
    .iter()
    .any(|w| title.contains(w));
    match (back, fwd) {
        (true, false) => Some(Kind::Summary),
        (false, true) => Some(Kind::Plan),
        _ => None,
    }
}

#[test]
fn paragraphs_of_provincial_reports() {
    let (mut ok, mut n) = (0usize, 0usize);
    let mut misses = String::new();
    for p in PROVINCES {
        let text = gov_report(p);
        let analysis = analysis_view(&text);
        let page = analyze(&text, &analysis);
        let chars: Vec<char> = analysis.chars().collect();
        for art in &page.articles {
            let tops: Vec<_> = art.sections.iter().filter(|s| s.level == 1).collect();
            for (i, s) in tops.iter().enumerate() {
                let Some(want) = part_label(&s.title) else {
                    continue;
                };
                let end = tops.get(i + 1).map_or(art.span[1], |t| t.offset);
                let part: String = chars[s.offset..end].iter().collect();
                for para in part.lines().skip(1) {
                    if para.chars().count() < 40 {
                        continue;
                    }
                    n += 1;
                    let (got, _) = classify_text(para);
                    if got == want {
                        ok += 1;
                    } else {
                        let head: String = para.chars().take(60).collect();
                        misses.push_str(&format!("{p} want {want:?} got {got:?}: {head}\n"));
                    }
                }
            }
        }
    }
    let acc = ok as f64 / n.max(1) as f64;
    eprintln!("paragraphs {ok}/{n} = {acc:.3}\n{misses}");
    assert!(n > 1000, "too few paragraphs: {n}");
    assert!(acc >= 0.9, "paragraph accuracy {acc:.3}");
}
