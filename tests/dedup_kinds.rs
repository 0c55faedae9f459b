//! Each kind of copy made from the provincial reports is found with the right share (± 0.05),
//! and different reports on the same topic are not listed.

use regex::Regex;
use std::collections::HashMap;
use zhreport::dedup::{prepare, ArticleInput, Dedup, DedupOutput};
use zhreport::report::DedupParams;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

fn reports() -> Vec<String> {
    let dir = format!("{CORPUS}/gov-reports-2026");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let mut r = csv::Reader::from_path(p).unwrap();
            let col = r
                .headers()
                .unwrap()
                .iter()
                .position(|h| h == "full_text")
                .unwrap();
            let rec = r.records().next().unwrap().unwrap();
            // Body paragraphs only: the scraped page's chrome lines are short.
            rec[col]
                .lines()
                .filter(|l| l.chars().count() >= 30)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

#[path = "support/dedup_key.rs"]
mod dedup_key;
use dedup_key::key;

fn klen(text: &str) -> f64 {
    key(text).0.chars().count() as f64
}

fn run(arts: &[(String, String)]) -> DedupOutput {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dedup::new(DedupParams::default(), dir.path()).unwrap();
    for (i, (id, text)) in arts.iter().enumerate() {
        let (k, m) = key(text);
        d.add(prepare(ArticleInput {
            id: id.clone(),
            doc_index: i as u32,
            key: k,
            key_map: m,
            date: None,
            reference: false,
        }))
        .unwrap();
    }
    d.finish().unwrap()
}

/// Simplified → traditional for the chars the traditional seed page uses.
fn trad_table() -> &'static HashMap<char, char> {
    static TABLE: std::sync::OnceLock<HashMap<char, char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(build_trad_table)
}

fn build_trad_table() -> HashMap<char, char> {
    let dir = format!("{CORPUS}/seeds");
    let mut t = HashMap::new();
    for e in std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
        let text = std::fs::read_to_string(e.path()).unwrap();
        for c in text.chars() {
            let s: Vec<char> = fast2s::convert(&c.to_string()).chars().collect();
            if s.len() == 1 && s[0] != c {
                t.entry(s[0]).or_insert(c);
            }
        }
    }
    t
}

fn to_trad(s: &str) -> String {
    let t = trad_table();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        let tc = t.get(&c).copied().unwrap_or(c);
        out.push(tc);
        if tc != c && i % 7 == 0 {
            out.push_str("(jīng)");
        }
        if i % 97 == 0 {
            out.push('\'');
        }
    }
    out
}

fn sentences(s: &str) -> Vec<String> {
    s.split_inclusive(['。', '\n'])
        .map(str::to_string)
        .collect()
}

struct Case {
    name: &'static str,
    copy: String,
    /// Expected share of the source in the copy.
    src_in_copy: f64,
    /// Expected share of the copy in the source.
    copy_in_src: f64,
}

fn cases(src: &str, other: &str) -> Vec<Case> {
    let sl = klen(src);
    let mut v = Vec::new();
    let chrome = format!(
        "首页 > 政府信息公开 > 政府工作报告\n{src}\n上一篇：关于印发2026年重点工作任务的通知\n下一篇：2025年国民经济和社会发展统计公报\n版权所有 ©2026 某某网 京ICP备12345678号 技术支持：某某科技\n"
    );
    v.push(Case {
        name: "chrome",
        src_in_copy: 1.0,
        copy_in_src: sl / klen(&chrome),
        copy: chrome,
    });

    let ss = sentences(src);
    let os = sentences(other);
    let mut replaced = 0.0;
    let copy: String = ss
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i % 4 == 1 && !os.is_empty() {
                replaced += klen(s);
                os[i % os.len()].clone()
            } else {
                s.clone()
            }
        })
        .collect();
    let cl = klen(&copy);
    v.push(Case {
        name: "sentences replaced",
        src_in_copy: (sl - replaced) / sl,
        copy_in_src: (sl - replaced) / cl,
        copy,
    });

    let copy: String = src
        .chars()
        .map(|c| {
            c.to_digit(10)
                .map_or(c, |d| char::from_digit((d + 3) % 10, 10).unwrap_or(c))
        })
        .collect();
    v.push(Case {
        name: "numbers changed",
        src_in_copy: 1.0,
        copy_in_src: 1.0,
        copy,
    });

    let mut paras: Vec<&str> = src.lines().collect();
    let n = paras.len();
    for i in 0..n {
        paras.swap(i, (i * 7 + 3) % n);
    }
    v.push(Case {
        name: "paragraphs shuffled",
        src_in_copy: 1.0,
        copy_in_src: 1.0,
        copy: paras.join("\n"),
    });

    v.push(Case {
        name: "traditional + pinyin + marks",
        src_in_copy: 1.0,
        copy_in_src: 1.0,
        copy: to_trad(src),
    });

    // The source filled in from a template: here the copy is the template.
    let year = Regex::new(r"20\d\d年").unwrap();
    let tpl = year
        .replace_all(src, "20xx年")
        .replace("我省", "XX省")
        .replace("全省", "全XX");
    let filled = (src.matches("我省").count() + src.matches("全省").count()) as f64;
    let tl = klen(&tpl);
    v.push(Case {
        name: "placeholders",
        src_in_copy: (sl - filled) / sl,
        copy_in_src: (tl - 2.0 * filled) / tl,
        copy: tpl,
    });

    let ps: Vec<&str> = src.lines().collect();
    let mut end = ps.len() / 3;
    while end < ps.len() && klen(&ps[ps.len() / 3..end].join("\n")) < sl / 3.0 {
        end += 1;
    }
    let third = ps[ps.len() / 3..end].join("\n");
    let ops: Vec<&str> = other.lines().collect();
    let host = format!(
        "{}\n{third}\n{}",
        ops[..ops.len() / 2].join("\n"),
        ops[ops.len() / 2..].join("\n")
    );
    let tl = klen(&third);
    v.push(Case {
        name: "a third inside another",
        src_in_copy: tl / sl,
        copy_in_src: tl / klen(&host),
        copy: host,
    });
    v
}

#[test]
fn each_kind_of_copy_is_found_with_its_share() {
    let rs = reports();
    let src = &rs[3];
    let other = &rs[17];
    for case in cases(src, other) {
        let out = run(&[
            ("src#1".into(), src.clone()),
            ("unrelated#1".into(), rs[9].clone()),
            ("copy#1".into(), case.copy.clone()),
        ]);
        let p = out
            .duplicates
            .pairs
            .iter()
            .find(|p| p.a == "src#1" && p.b == "copy#1");
        let p = p.unwrap_or_else(|| {
            panic!("{}: pair not listed: {:?}", case.name, out.duplicates.pairs)
        });
        assert!(
            (p.a_in_b - case.src_in_copy).abs() <= 0.05,
            "{}: a_in_b {} vs {}",
            case.name,
            p.a_in_b,
            case.src_in_copy
        );
        assert!(
            (p.b_in_a - case.copy_in_src).abs() <= 0.05,
            "{}: b_in_a {} vs {}",
            case.name,
            p.b_in_a,
            case.copy_in_src
        );
        assert!(
            (out.copies[2].share - case.copy_in_src).abs() <= 0.05,
            "{}: share {}",
            case.name,
            out.copies[2].share
        );
        assert_eq!(out.copies[2].sources[0].article, "src#1", "{}", case.name);
        assert!(
            out.duplicates
                .pairs
                .iter()
                .all(|p| p.a != "unrelated#1" && p.b != "unrelated#1"),
            "{}",
            case.name
        );
        assert!(p.copied_chars > 0 && !p.passages.is_empty());
    }
}

#[test]
fn different_reports_on_the_same_topic_are_not_listed() {
    let rs = reports();
    // Half of each report keeps the test fast in the unoptimised test profile; the shared
    // formulae (openings, slogans, closings) are all there.
    let arts: Vec<(String, String)> = rs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let lines: Vec<&str> = r.lines().collect();
            let mut half = lines[..lines.len() / 3].join("\n");
            half.push_str(&lines[lines.len() * 5 / 6..].join("\n"));
            (format!("r{i}#1"), half)
        })
        .collect();
    let out = run(&arts);
    assert!(
        out.duplicates.pairs.is_empty(),
        "{:?}",
        out.duplicates
            .pairs
            .iter()
            .map(|p| (&p.a, &p.b, p.a_in_b))
            .collect::<Vec<_>>()
    );
    assert!(out.duplicates.clusters.is_empty());
    for c in &out.copies {
        assert!(c.share < 0.1, "{c:?}");
    }
}

#[test]
fn two_union_plans_of_one_page_are_not_listed() {
    let text = std::fs::read_to_string(
        std::fs::read_dir(format!("{CORPUS}/seeds"))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().contains("/002_"))
            .unwrap(),
    )
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let at = |m: &str| lines.iter().position(|l| l.ends_with(m)).unwrap();
    let p1 = lines[at("精选篇1") + 1..at("精选篇2")].join("\n");
    let p3 = lines[at("精选篇3") + 1..at("精选篇4")].join("\n");
    let out = run(&[("p#1".into(), p1), ("p#3".into(), p3)]);
    assert!(
        out.duplicates.pairs.is_empty(),
        "{:?}",
        out.duplicates.pairs
    );
}
