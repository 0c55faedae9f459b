//! Hand-labelled articles, headings and kinds of the seed pages and five provincial
//! government work reports (tests/data/structure/*.tsv): the targets.
//!
//! The pages are given raw (leftover breadcrumbs, related-article lists and SEO lines
//! included), which is harder than the cleaned text the pipeline passes.

mod structure_common;

use structure_common::*;
use zhreport::classify::classify_article;
use zhreport::structure::analyze;

/// Documents with a label file: (label file, text loader).
fn documents() -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for (name, text) in seeds() {
        docs.push((format!("seed_{}.tsv", &name[..3]), text));
    }
    for p in GOV {
        docs.push((format!("gov_{p}.tsv"), gov_report(p)));
    }
    docs
}

const GOV: [&str; 5] = ["北京市", "江苏省", "广东省", "四川省", "浙江省"];

/// Predicted rows in the label format.
fn predict(text: &str) -> Vec<Label> {
    let analysis = analysis_view(text);
    let page = analyze(text, &analysis);
    let mut rows = Vec::new();
    for a in page.articles {
        let mut secs = a.sections.clone();
        let (kind, _) = classify_article(&analysis, a.span, &mut secs);
        rows.push(Label {
            tag: "A".into(),
            line: line_of(text, a.span[0]),
            level: 0,
            marker: "-".into(),
            title: a.title.clone(),
            kind: kind.as_str().into(),
        });
        for s in secs {
            rows.push(Label {
                tag: "H".into(),
                line: line_of(text, s.offset),
                level: s.level,
                marker: s.marker.clone(),
                title: s.title.clone(),
                kind: s.kind.map_or("-".to_string(), |k| k.as_str().to_string()),
            });
        }
    }
    rows
}

#[test]
fn article_split_is_exact() {
    let expected = [6usize, 1, 5, 12, 3];
    let seeds = seeds();
    assert_eq!(seeds.len(), 5);
    for ((name, text), want) in seeds.iter().zip(expected) {
        let gold: Vec<Label> = read_labels(&format!("seed_{}.tsv", &name[..3]))
            .into_iter()
            .filter(|l| l.tag == "A")
            .collect();
        assert_eq!(gold.len(), want, "{name}: label file");
        let got: Vec<Label> = predict(text).into_iter().filter(|l| l.tag == "A").collect();
        let got_lt: Vec<(usize, &str)> = got.iter().map(|l| (l.line, l.title.as_str())).collect();
        let gold_lt: Vec<(usize, &str)> = gold.iter().map(|l| (l.line, l.title.as_str())).collect();
        assert_eq!(got_lt, gold_lt, "{name}: articles");
    }
}

#[test]
fn page_titles() {
    let want = [
        "工會工作計劃",
        "八字桥乡工会2015年工作要点",
        "关于工会工作目标及计划",
        "2023乡镇工会年终总结",
        "工会年终工作总结及计划",
    ];
    for ((name, text), w) in seeds().iter().zip(want) {
        assert_eq!(analyze(text, &analysis_view(text)).title, w, "{name}");
    }
    assert_eq!(
        analyze(&gov_report("北京市"), &analysis_view(&gov_report("北京市"))).title,
        "2026年北京市政府工作报告"
    );
}

#[test]
fn headings_f1_and_kinds() {
    let (mut tp, mut n_gold, mut n_pred) = (0usize, 0usize, 0usize);
    let (mut kind_ok, mut kind_n) = (0usize, 0usize);
    let mut report = String::new();
    for (file, text) in documents() {
        let gold = read_labels(&file);
        let pred = predict(&text);
        let gh: Vec<&Label> = gold.iter().filter(|l| l.tag == "H").collect();
        let ph: Vec<&Label> = pred.iter().filter(|l| l.tag == "H").collect();
        n_gold += gh.len();
        n_pred += ph.len();
        for g in &gh {
            match ph.iter().find(|p| p.line == g.line && p.marker == g.marker) {
                Some(p) if p.level == g.level => tp += 1,
                Some(p) => report.push_str(&format!(
                    "{file}:{} level {} != {}\n",
                    g.line, p.level, g.level
                )),
                None => report.push_str(&format!(
                    "{file}:{} missed {} {}\n",
                    g.line, g.marker, g.title
                )),
            }
        }
        for p in &ph {
            if !gh.iter().any(|g| g.line == p.line && g.marker == p.marker) {
                report.push_str(&format!(
                    "{file}:{} spurious {} {}\n",
                    p.line, p.marker, p.title
                ));
            }
        }
        // Kinds: every article, every level-1 section.
        for g in gold.iter().filter(|l| l.kind != "-") {
            kind_n += 1;
            let hit = pred.iter().find(|p| {
                p.tag == g.tag && p.line == g.line && (g.tag == "A" || p.marker == g.marker)
            });
            match hit {
                Some(p) if p.kind == g.kind => kind_ok += 1,
                Some(p) => report.push_str(&format!(
                    "{file}:{} kind {} != {} ({})\n",
                    g.line, p.kind, g.kind, g.title
                )),
                None => report.push_str(&format!(
                    "{file}:{} kind not predicted ({})\n",
                    g.line, g.title
                )),
            }
        }
    }
    let p = tp as f64 / n_pred.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(1e-9);
    let acc = kind_ok as f64 / kind_n.max(1) as f64;
    eprintln!("headings: gold {n_gold} pred {n_pred} tp {tp} P {p:.3} R {r:.3} F1 {f1:.3}; kinds {kind_ok}/{kind_n} = {acc:.3}\n{report}");
    assert!(n_gold > 300, "too few labelled headings: {n_gold}");
    assert!(f1 >= 0.97, "heading F1 {f1:.3}\n{report}");
    assert!(acc >= 0.95, "kind accuracy {acc:.3}\n{report}");
}

/// Writes predictions in the label format to tests/data/structure/draft/ (run with
/// `cargo test --test structure_labels -- --ignored dump_drafts`); drafts are then read and
/// corrected by hand into the label files.
#[test]
#[ignore]
fn dump_drafts() {
    let dir = data().join("draft");
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in documents() {
        let lines: Vec<&str> = text.split('\n').collect();
        let mut out = String::from("# tag\tline\tlevel\tmarker\ttitle\tkind\t| line text\n");
        for l in predict(&text) {
            let src: String = lines
                .get(l.line - 1)
                .map_or(String::new(), |s| s.trim().chars().take(50).collect());
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t| {}\n",
                l.tag, l.line, l.level, l.marker, l.title, l.kind, src
            ));
        }
        std::fs::write(dir.join(file), out).unwrap();
    }
}

/// Headings fused to their paragraph (the line break between a part heading and its first
/// paragraph lost, as on many scraped pages) are found with the same level and title.
#[test]
fn fused_part_headings_keep_level_and_title() {
    for p in GOV {
        let text = gov_report(p);
        let base = analyze(&text, &analysis_view(&text));
        let tops: Vec<(String, String, u8)> = base.articles[0]
            .sections
            .iter()
            .filter(|s| s.level == 1 && s.marker.ends_with('、'))
            .map(|s| (s.marker.clone(), s.title.clone(), s.level))
            .collect();
        // Join every `一、…` heading line with the line after it.
        let lines: Vec<&str> = text.split('\n').collect();
        let mut fused = String::new();
        for (i, l) in lines.iter().enumerate() {
            fused.push_str(l);
            let is_top = tops.iter().any(|(m, t, _)| {
                l.trim_start().starts_with(&format!("{m}{t}")) && l.trim().chars().count() < 40
            });
            if i + 1 < lines.len() && !is_top {
                fused.push('\n');
            }
        }
        let got = analyze(&fused, &analysis_view(&fused));
        let got_tops: Vec<(String, String, u8)> = got.articles[0]
            .sections
            .iter()
            .filter(|s| s.level == 1 && s.marker.ends_with('、'))
            .map(|s| (s.marker.clone(), s.title.clone(), s.level))
            .collect();
        assert_eq!(got_tops, tops, "{p}");
    }
}
