//! TextRank keywords: PageRank over the co-occurrence graph of an article's candidate words,
//! as in jieba, but over the same candidates as TF-IDF (domain tags, stopwords, no numbers)
//! and with deterministic ties.

use rustc_hash::FxHashMap;

use super::{is_word, paragraphs, Segmenter};

/// Tokens either side within which two candidates are linked (jieba's default span).
const SPAN: usize = 5;
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 10;

pub(super) fn keywords(seg: &Segmenter, analysis: &str, n: usize) -> Vec<(String, f64)> {
    if n == 0 {
        return Vec::new();
    }
    // The words of each paragraph and each distinct word's count: the candidate rule needs
    // the count, so ids are given in a second pass.
    let mut paras: Vec<Vec<&str>> = Vec::new();
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    for para in paragraphs(analysis) {
        let words: Vec<&str> = seg
            .jieba
            .cut(para, true)
            .into_iter()
            .map(|t| t.word)
            .filter(|w| is_word(w))
            .collect();
        for w in &words {
            *counts.entry(w).or_insert(0) += 1;
        }
        paras.push(words);
    }
    // Node id of each distinct word (None: not a candidate), in order of first occurrence.
    let mut ids: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    let mut words: Vec<&str> = Vec::new();
    let mut edges: FxHashMap<(usize, usize), f64> = FxHashMap::default();
    let mut window: Vec<Option<usize>> = Vec::new();
    for para in &paras {
        window.clear();
        for &w in para {
            let id = *ids.entry(w).or_insert_with(|| {
                let count = counts.get(w).copied().unwrap_or(0);
                seg.candidate_idf(w, count).is_some().then(|| {
                    words.push(w);
                    words.len() - 1
                })
            });
            window.push(id);
        }
        for (i, u) in window.iter().enumerate() {
            let Some(u) = *u else { continue };
            for v in window.iter().skip(i + 1).take(SPAN - 1).flatten() {
                if *v != u {
                    let key = if u < *v { (u, *v) } else { (*v, u) };
                    *edges.entry(key).or_insert(0.0) += 1.0;
                }
            }
        }
    }
    if words.is_empty() {
        return Vec::new();
    }
    // Adjacency lists in a fixed order, so float sums do not depend on hash order.
    let mut edge_list: Vec<((usize, usize), f64)> = edges.into_iter().collect();
    edge_list.sort_unstable_by_key(|e| e.0);
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); words.len()];
    for ((u, v), w) in edge_list {
        adj[u].push((v, w));
        adj[v].push((u, w));
    }
    let out_sum: Vec<f64> = adj.iter().map(|a| a.iter().map(|e| e.1).sum()).collect();
    let mut ws = vec![1.0 / words.len() as f64; words.len()];
    for _ in 0..ITERATIONS {
        let prev = ws.clone();
        for (node, links) in adj.iter().enumerate() {
            let s: f64 = links.iter().map(|&(o, w)| w / out_sum[o] * prev[o]).sum();
            ws[node] = (1.0 - DAMPING) + DAMPING * s;
        }
    }
    let max = ws.iter().copied().fold(f64::MIN_POSITIVE, f64::max);
    let mut ranked: Vec<(&str, f64)> = words.iter().zip(&ws).map(|(w, s)| (*w, s / max)).collect();
    ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.truncate(n);
    ranked
        .into_iter()
        .map(|(w, s)| (w.to_string(), s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::Segmenter;

    #[test]
    fn textrank_finds_central_terms() {
        let s = Segmenter::new(None).unwrap();
        let text = "工会组织职工开展劳动竞赛，劳动竞赛激发职工热情。\n\
                    劳动竞赛与技能培训结合，职工技能不断提升，劳动竞赛成效明显。";
        let k = s.keywords_textrank(text, 3);
        assert_eq!(k.len(), 3);
        assert!(k.iter().any(|x| x.0 == "劳动竞赛"), "{k:?}");
        assert!((k[0].1 - 1.0).abs() < 1e-12);
        assert_eq!(k, s.keywords_textrank(text, 3));
    }
}
