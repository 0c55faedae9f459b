//! Held-out national government work reports and party congress reports
//! (tests/data/structure/heldout/): level-1/level-2 heading F1, kind of every level-1
//! section, and plan/summary of single paragraphs, with the targets.

mod structure_common;

use structure_common::*;
use zhreport::classify::{classify_article, classify_text, cue_scores};
use zhreport::structure::analyze;

const DOCS: [&str; 10] = [
    "nat_2025",
    "nat_2025_fused",
    "nat_1984",
    "nat_1984_fused",
    "nat_1959",
    "nat_2019_trad",
    "nat_2019_trad_fused",
    "party_2022",
    "party_2022_fused",
    "nat_1957",
];

fn heldout(name: &str) -> String {
    std::fs::read_to_string(data().join("heldout").join(name)).expect("held-out file")
}

/// Predicted level-1/level-2 headings as (line, level, marker, kind).
fn predict(text: &str) -> Vec<(usize, u8, String, String)> {
    let analysis = analysis_view(text);
    let page = analyze(text, &analysis);
    let mut out = Vec::new();
    for a in page.articles {
        let mut secs = a.sections.clone();
        classify_article(&analysis, a.span, &mut secs);
        for s in secs.iter().filter(|s| s.level <= 2) {
            out.push((
                line_of(text, s.offset),
                s.level,
                s.marker.clone(),
                s.kind.map_or("-".to_string(), |k| k.as_str().to_string()),
            ));
        }
    }
    out
}

#[test]
fn heldout_headings_and_section_kinds() {
    let (mut tp, mut n_gold, mut n_pred) = (0usize, 0usize, 0usize);
    let (mut kind_ok, mut kind_n) = (0usize, 0usize);
    let mut report = String::new();
    for doc in DOCS {
        let text = heldout(&format!("{doc}.txt"));
        let gold = read_labels(&format!("heldout/{doc}.tsv"));
        let pred = predict(&text);
        n_gold += gold.len();
        n_pred += pred.len();
        for g in &gold {
            let hit = pred.iter().find(|p| p.0 == g.line && p.2 == g.marker);
            match hit {
                Some(p) if p.1 == g.level => tp += 1,
                Some(p) => {
                    report.push_str(&format!("{doc}:{} level {} != {}\n", g.line, p.1, g.level))
                }
                None => report.push_str(&format!(
                    "{doc}:{} missed {}{}\n",
                    g.line, g.marker, g.title
                )),
            }
            if g.kind != "-" {
                kind_n += 1;
                match hit {
                    Some(p) if p.3 == g.kind => kind_ok += 1,
                    _ => report.push_str(&format!(
                        "{doc}:{} kind {:?} != {} ({})\n",
                        g.line,
                        hit.map(|p| p.3.as_str()),
                        g.kind,
                        g.title
                    )),
                }
            }
        }
        for p in &pred {
            if !gold.iter().any(|g| g.line == p.0 && g.marker == p.2) {
                report.push_str(&format!("{doc}:{} spurious {} level {}\n", p.0, p.2, p.1));
            }
        }
    }
    let p = tp as f64 / n_pred.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(1e-9);
    let acc = kind_ok as f64 / kind_n.max(1) as f64;
    eprintln!("held-out headings: gold {n_gold} pred {n_pred} tp {tp} P {p:.3} R {r:.3} F1 {f1:.3}; section kinds {kind_ok}/{kind_n} = {acc:.3}\n{report}");
    assert!(n_gold >= 80, "too few labelled headings: {n_gold}");
    assert!(f1 >= 0.95, "held-out heading F1 {f1:.3}\n{report}");
    assert!(
        acc >= 0.95,
        "held-out section kind accuracy {acc:.3}\n{report}"
    );
}

#[test]
fn heldout_paragraph_kinds() {
    let text = heldout("paragraphs.tsv");
    let (mut ok, mut n, mut report) = (0usize, 0usize, String::new());
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (want, para) = line.split_once('\t').expect("kind<TAB>text");
        let (got, score) = classify_text(&analysis_view(para));
        n += 1;
        if got.as_str() == want {
            ok += 1;
        } else {
            let sc = cue_scores(&analysis_view(para));
            report.push_str(&format!(
                "{} ({score:.2}; fwd {:.1} back {:.1}) != {want}: {para}\n",
                got.as_str(),
                sc.forward,
                sc.backward
            ));
        }
    }
    let acc = ok as f64 / n.max(1) as f64;
    eprintln!("held-out paragraphs: {ok}/{n} = {acc:.3}\n{report}");
    assert!(n >= 40, "too few paragraphs: {n}");
    assert!(acc >= 0.9, "held-out paragraph accuracy {acc:.3}\n{report}");
}

/// Titles of headings fused to their paragraph end where the sentence begins: the fused
/// variants give the same titles as the documents with line breaks.
#[test]
fn heldout_fused_titles_match() {
    let (mut ok, mut n, mut report) = (0usize, 0usize, String::new());
    for doc in DOCS.iter().filter(|d| d.ends_with("_fused")) {
        let gold = read_labels(&format!("heldout/{doc}.tsv"));
        let text = heldout(&format!("{doc}.txt"));
        let analysis = analysis_view(&text);
        let page = analyze(&text, &analysis);
        let got: Vec<(usize, String)> = page
            .articles
            .iter()
            .flat_map(|a| a.sections.iter())
            .filter(|s| s.level <= 2)
            .map(|s| (line_of(&text, s.offset), s.title.clone()))
            .collect();
        for g in &gold {
            let t = got.iter().find(|p| p.0 == g.line).map(|p| p.1.as_str());
            n += 1;
            if t == Some(g.title.as_str()) {
                ok += 1;
            } else {
                report.push_str(&format!("{doc}:{} {t:?} != {}\n", g.line, g.title));
            }
        }
    }
    eprintln!("held-out fused titles: {ok}/{n}\n{report}");
    assert!(
        ok as f64 >= 0.95 * n as f64,
        "fused titles {ok}/{n}\n{report}"
    );
}
