//! A labelled set made by `zhgen gen --articles 400 --seed 7`: original reports on the same
//! topics and copies of every kind, with the expected shares. Targets of the issue: pair
//! F1 ≥ 0.98 and copy-share mean absolute error ≤ 0.05.

use std::collections::{HashMap, HashSet};
use zhreport::dedup::{prepare, ArticleInput, Dedup};
use zhreport::report::DedupParams;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dedup");

#[path = "support/dedup_key.rs"]
mod dedup_key;
use dedup_key::key;

#[test]
fn generated_set_meets_the_targets() {
    let docs = std::fs::read_to_string(format!("{DATA}/generated.jsonl")).unwrap();
    let truth = std::fs::read_to_string(format!("{DATA}/generated.truth.jsonl")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dedup::new(DedupParams::default(), dir.path()).unwrap();
    let mut ids = Vec::new();
    for (i, line) in docs.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap().to_string();
        let (k, m) = key(v["text"].as_str().unwrap());
        let date = v["date"].as_str().unwrap().replace('-', "").parse().ok();
        d.add(prepare(ArticleInput {
            id: id.clone(),
            doc_index: i as u32,
            key: k,
            key_map: m,
            date,
            reference: false,
        }))
        .unwrap();
        ids.push(id);
    }
    let out = d.finish().unwrap();
    let index: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    let mut expected = vec![0.0f64; ids.len()];
    let mut truth_pairs = HashSet::new();
    let mut template_of = HashMap::new();
    for line in truth.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (a, b) = (
            index[v["a"].as_str().unwrap()],
            index[v["b"].as_str().unwrap()],
        );
        let (ab, ba) = (v["a_in_b"].as_f64().unwrap(), v["b_in_a"].as_f64().unwrap());
        if v["kind"] == "template" {
            template_of.insert(b, a);
            expected[a] = 1.0;
        } else {
            expected[a] = expected[a].max(ab);
        }
        expected[b] = expected[b].max(ba);
        if ab.max(ba) >= 0.3 {
            truth_pairs.insert((a, b));
        }
    }
    // Two copies of one template are copies of each other: the truth lists (template, copy) only.
    let predicted: HashSet<(usize, usize)> = out
        .duplicates
        .pairs
        .iter()
        .map(|p| (index[p.a.as_str()], index[p.b.as_str()]))
        .filter(|(a, b)| !(template_of.contains_key(a) && template_of.get(a) == template_of.get(b)))
        .collect();
    let tp = predicted.intersection(&truth_pairs).count() as f64;
    let (p, r) = (tp / predicted.len() as f64, tp / truth_pairs.len() as f64);
    let f1 = 2.0 * p * r / (p + r);
    let mae = out
        .copies
        .iter()
        .zip(&expected)
        .map(|(c, e)| (c.share - e).abs())
        .sum::<f64>()
        / ids.len() as f64;
    assert!(truth_pairs.len() > 100);
    assert!(f1 >= 0.98, "F1 {f1:.4} (precision {p:.4}, recall {r:.4})");
    assert!(mae <= 0.05, "share MAE {mae:.4}");
    // Every copy's largest source is its true source or, for template copies, the template
    // or another copy of it.
    for line in truth.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (a, b) = (
            index[v["a"].as_str().unwrap()],
            index[v["b"].as_str().unwrap()],
        );
        if v["b_in_a"].as_f64().unwrap() >= 0.3 && v["kind"] != "template" {
            assert_eq!(out.copies[b].sources[0].article, ids[a], "{line}");
        }
    }
}
