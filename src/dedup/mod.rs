//! Copies: fingerprints, candidates, exact verification, passages, copy shares, clusters.
//!
//! OWNER: dedup helper. Interface used by the pipeline: [`prepare`], [`Dedup`], [`DedupOutput`].
//!
//! How it scales: [`prepare`] (parallel, per article) normalises the key, computes winnowed
//! k-gram fingerprints and encodes the key and its map for the spool; [`Dedup::add`] appends the
//! record to a spool file and keeps only the fingerprints (about `2/(W+1)` of the key chars,
//! 8 bytes each) plus a few fields per article. [`Dedup::finish`] sorts the fingerprints into an
//! inverted index, draws candidate pairs (see [`candidates`]), reads each candidate's two keys
//! back and aligns them exactly.

pub mod align;
pub mod candidates;
pub mod cluster;
pub mod compare;
pub mod fingerprint;
pub mod spool;

pub use compare::{compare_json, render_compare};

use crate::report::{
    Cluster, CommonPassage, Copy, CopySource, DedupParams, Duplicates, Pair, Passage,
};
use align::Run;
use candidates::{Candidates, FingerprintTable, Tuning};
use rayon::prelude::*;
use spool::{Spool, Spooled};

/// Passages shorter than this that consist of stock phrasing are not copy evidence.
const STOCK_LEN: usize = 50;
/// Near-duplicate thresholds of the clusters.
const CLUSTER_JACCARD: f64 = 0.5;
const CLUSTER_CONTAINMENT: f64 = 0.8;
/// Candidate pairs verified per batch (bounds the memory of results in flight).
const BATCH: usize = 1 << 15;
/// Stock phrases listed at most.
const MAX_COMMON: usize = 200;

/// One article as the pipeline hands it over (built in the parallel per-document pass).
#[derive(Debug, Clone)]
pub struct ArticleInput {
    /// Article id (`doc#n`).
    pub id: String,
    /// Index of the document in input order.
    pub doc_index: u32,
    /// The article's dedup key (hanzi, letters, digits of its span, simplified).
    pub key: String,
    /// For each char of `key`, its char offset in the document's cleaned text.
    pub key_map: Vec<u32>,
    /// Publication date as yyyymmdd, when known.
    pub date: Option<u32>,
    /// The document is a known template page (`--reference`).
    pub reference: bool,
}

/// What [`prepare`] computes in parallel for one article.
#[derive(Debug, Clone)]
pub struct Prepared {
    id: String,
    doc_index: u32,
    date: Option<u32>,
    reference: bool,
    key_len: u32,
    fps: Vec<(u32, u32)>,
    record: Vec<u8>,
}

impl Prepared {
    /// Number of fingerprints kept for the article.
    pub fn fingerprints(&self) -> usize {
        self.fps.len()
    }
}

/// Per-article work that can run in parallel (fingerprints etc.).
pub fn prepare(input: ArticleInput) -> Prepared {
    let norm = fingerprint::normalise(&input.key);
    let fps = fingerprint::fingerprints(&norm);
    // A map shorter than the key (a caller bug) must not make passages panic later.
    let mut map = input.key_map;
    if map.len() != norm.len() {
        let last = map.last().copied().unwrap_or(0);
        map.resize(norm.len(), last);
    }
    let record = spool::encode(&input.key, &map);
    Prepared {
        id: input.id,
        doc_index: input.doc_index,
        date: input.date,
        reference: input.reference,
        key_len: norm.len() as u32,
        fps,
        record,
    }
}

/// Corpus-wide copy detection. Articles are added in input order.
pub struct Dedup {
    params: DedupParams,
    tune: Tuning,
    table: FingerprintTable,
    ids: Vec<String>,
    dates: Vec<Option<u32>>,
    key_len: Vec<u32>,
    loc: Vec<(u64, u32)>,
    spool: Spool,
}

/// The result of the corpus stage.
#[derive(Debug, Clone, Default)]
pub struct DedupOutput {
    /// duplicates.json.
    pub duplicates: Duplicates,
    /// Copy evidence of each added article, in the order added.
    pub copies: Vec<Copy>,
    /// For `--emit-dedup`, per added article: kept (in no cluster, or its cluster's
    /// representative: the earliest dated member, else the first in input order).
    pub keep: Vec<bool>,
    /// Work counts, for progress reports and tuning.
    pub stats: DedupStats,
}

/// Work counts of one run of the stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DedupStats {
    /// Articles added.
    pub articles: usize,
    /// Fingerprints kept.
    pub fingerprints: usize,
    /// Candidate pairs verified by alignment.
    pub candidates: usize,
    /// Candidate pairs that share at least one passage.
    pub verified: usize,
    /// Fingerprints held by so many articles that only anchors are paired.
    pub frequent: usize,
}

/// The outcome of aligning two articles' keys.
#[derive(Debug, Clone, Default)]
pub struct PairStats {
    /// Shared passages as key-char runs (stock phrasing removed), in a order.
    pub runs: Vec<Run>,
    /// Key chars of a (= of b) in the passages.
    pub copied_chars: usize,
    /// Share of a's key in the passages.
    pub a_in_b: f64,
    /// Share of b's key in the passages.
    pub b_in_a: f64,
}

/// Aligns two normalised keys, leaving out short passages that `is_stock` calls stock phrasing.
///
/// With `need_long`, a passage counts only within a copied region of at least `STOCK_LEN`
/// chars: passages in the same order on both sides with small gaps (the edits of a copy:
/// numbers, a word replaced) chain into one region. Two reports that share nothing but
/// formulaic phrases (`着力稳就业稳企业稳市场稳预期`, each in a handful of documents) are not
/// copies, while the short pieces between the edits of a real copy are.
pub fn pair_stats(
    a: &[u32],
    b: &[u32],
    min_run: usize,
    is_stock: &dyn Fn(&[u32]) -> bool,
    need_long: bool,
) -> PairStats {
    let mut runs = align::align_norm(a, b, min_run);
    runs.retain(|r| r.len >= STOCK_LEN || !is_stock(&a[r.a_start..r.a_start + r.len]));
    if need_long {
        runs = in_long_regions(runs, a.len().min(b.len()));
    }
    let copied: usize = runs.iter().map(|r| r.len).sum();
    PairStats {
        copied_chars: copied,
        a_in_b: ratio(copied, a.len()),
        b_in_a: ratio(copied, b.len()),
        runs,
    }
}

/// Largest gap (key chars, each side) between two passages of one copied region.
const REGION_GAP: usize = 16;

/// Keeps the passages that chain into regions of at least `STOCK_LEN` chars, or of most of
/// the shorter article when it is short (a 40-char notice copied whole is a copy).
fn in_long_regions(runs: Vec<Run>, shorter: usize) -> Vec<Run> {
    let long = STOCK_LEN.min(shorter * 4 / 5).max(1);
    // `runs` are in a order and do not overlap on either side.
    let mut keep = vec![false; runs.len()];
    let mut i = 0;
    while i < runs.len() {
        let mut j = i;
        while j + 1 < runs.len() {
            let (p, q) = (&runs[j], &runs[j + 1]);
            let ga = q.a_start.saturating_sub(p.a_start + p.len);
            let b_end = p.b_start + p.len;
            if ga <= REGION_GAP && q.b_start >= b_end && q.b_start - b_end <= REGION_GAP {
                j += 1;
            } else {
                break;
            }
        }
        let span = runs[j].a_start + runs[j].len - runs[i].a_start;
        if span >= long {
            keep[i..=j].iter_mut().for_each(|k| *k = true);
        }
        i = j + 1;
    }
    runs.into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}

fn ratio(x: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        x as f64 / n as f64
    }
}

/// Rounds a share for output (stable text, no float noise).
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Maximal shared runs of at least `min_run` chars between two dedup keys (digits edited in a
/// copy still match), as key-char ranges `(a_start, a_end, b_start, b_end)` in a order.
pub fn align(a_key: &str, b_key: &str, min_run: usize) -> Vec<(usize, usize, usize, usize)> {
    let a = fingerprint::normalise(a_key);
    let b = fingerprint::normalise(b_key);
    align::align_norm(&a, &b, min_run)
        .into_iter()
        .map(|r| (r.a_start, r.a_start + r.len, r.b_start, r.b_start + r.len))
        .collect()
}

/// Cleaned-text range of key chars `[s, e)`.
fn doc_range(map: &[u32], s: usize, e: usize) -> [usize; 2] {
    match (map.get(s), e.checked_sub(1).and_then(|x| map.get(x))) {
        (Some(&x), Some(&y)) => [x as usize, y as usize + 1],
        _ => [0, 0],
    }
}

struct Verified {
    a: u32,
    b: u32,
    /// (a_start, b_start, len) in key chars.
    runs: Vec<(u32, u32, u32)>,
    a_in_b: f64,
    b_in_a: f64,
    listed: Option<Pair>,
}

impl Dedup {
    /// A new corpus stage. `spool_dir` may hold temporary files.
    pub fn new(params: DedupParams, spool_dir: &std::path::Path) -> std::io::Result<Self> {
        let tune = Tuning {
            common_df: params.common_df,
            ..Tuning::default()
        };
        let mut table = FingerprintTable::default();
        table.fp_start.push(0);
        Ok(Dedup {
            params,
            tune,
            table,
            ids: Vec::new(),
            dates: Vec::new(),
            key_len: Vec::new(),
            loc: Vec::new(),
            spool: Spool::new(spool_dir)?,
        })
    }

    /// Adds one prepared article (input order).
    pub fn add(&mut self, article: Prepared) -> std::io::Result<()> {
        let loc = self.spool.append(&article.record)?;
        self.loc.push(loc);
        let mut prev = 0u32;
        for (h, p) in article.fps {
            self.table.fp_hash.push(h);
            // Gaps never exceed W (see FingerprintTable::fp_gap); saturating keeps a wrong
            // one from wrapping.
            self.table
                .fp_gap
                .push(p.saturating_sub(prev).min(u32::from(u8::MAX)) as u8);
            prev = p;
        }
        self.table.fp_start.push(self.table.fp_hash.len() as u64);
        self.table.doc.push(article.doc_index);
        self.table.reference.push(article.reference);
        self.ids.push(article.id);
        self.dates.push(article.date);
        self.key_len.push(article.key_len);
        Ok(())
    }

    /// Finds pairs, passages, shares and clusters.
    pub fn finish(mut self) -> std::io::Result<DedupOutput> {
        self.spool.seal()?;
        let n = self.ids.len();
        let cands = candidates::candidates(&self.table, &self.tune);
        let mut stats = DedupStats {
            articles: n,
            fingerprints: self.table.fp_hash.len(),
            candidates: cands.pairs.len(),
            verified: 0,
            frequent: cands
                .common
                .iter()
                .filter(|c| c.df as usize > self.tune.cap)
                .count(),
        };
        self.table.fp_hash = Vec::new();
        self.table.fp_gap = Vec::new();
        self.table.fp_start = Vec::new();

        let mut cover: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
        let mut sources: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
        let mut pairs: Vec<Pair> = Vec::new();
        let mut strong: Vec<(u32, u32)> = Vec::new();
        for batch in cands.pairs.chunks(BATCH) {
            let results: Vec<std::io::Result<Option<Verified>>> = batch
                .par_iter()
                .map(|&(a, b)| self.verify(a, b, &cands))
                .collect();
            let mut touched: Vec<u32> = Vec::new();
            for r in results {
                let Some(v) = r? else { continue };
                stats.verified += 1;
                for &(sa, sb, len) in &v.runs {
                    cover[v.a as usize].push((sa, sa + len));
                    cover[v.b as usize].push((sb, sb + len));
                }
                touched.push(v.a);
                touched.push(v.b);
                sources[v.a as usize].push((v.b, v.a_in_b));
                sources[v.b as usize].push((v.a, v.b_in_a));
                if let Some(p) = v.listed {
                    if p.jaccard >= CLUSTER_JACCARD || p.a_in_b.max(p.b_in_a) >= CLUSTER_CONTAINMENT
                    {
                        strong.push((v.a, v.b));
                    }
                    pairs.push(p);
                }
            }
            touched.sort_unstable();
            touched.dedup();
            for t in touched {
                merge_intervals(&mut cover[t as usize]);
            }
        }

        let copies: Vec<Copy> = (0..n)
            .map(|i| {
                let covered: u32 = cover[i].iter().map(|&(s, e)| e - s).sum();
                let mut src = std::mem::take(&mut sources[i]);
                src.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                Copy {
                    share: round4(ratio(covered as usize, self.key_len[i] as usize)),
                    sources: src
                        .into_iter()
                        .map(|(o, s)| CopySource {
                            article: self.ids[o as usize].clone(),
                            share: round4(s),
                        })
                        .collect(),
                }
            })
            .collect();

        let mut comps = cluster::Components::new(n);
        let mut members = Vec::with_capacity(strong.len() * 2);
        for &(a, b) in &strong {
            comps.union(a, b);
            members.push(a);
            members.push(b);
        }
        let groups = comps.groups(&members);
        let mut keep = vec![true; n];
        for g in &groups {
            // Undated members sort after dated ones; ties keep input order.
            let rep = g
                .iter()
                .copied()
                .min_by_key(|&m| (self.dates[m as usize].unwrap_or(u32::MAX), m));
            for &m in g {
                keep[m as usize] = Some(m) == rep;
            }
        }
        let clusters = groups
            .into_iter()
            .enumerate()
            .map(|(id, g)| Cluster {
                id,
                articles: g
                    .into_iter()
                    .map(|m| self.ids[m as usize].clone())
                    .collect(),
            })
            .collect();

        let common_passages = self.common_passages(&cands)?;
        Ok(DedupOutput {
            duplicates: Duplicates {
                params: self.params,
                pairs,
                clusters,
                common_passages,
            },
            copies,
            keep,
            stats,
        })
    }

    fn read(&self, a: u32) -> std::io::Result<Spooled> {
        let (off, len) = self.loc[a as usize];
        self.spool.read(off, len)
    }

    fn verify(&self, a: u32, b: u32, cands: &Candidates) -> std::io::Result<Option<Verified>> {
        if a == b {
            return Ok(None);
        }
        let sa = self.read(a)?;
        let sb = self.read(b)?;
        let na = fingerprint::normalise(&sa.key);
        let nb = fingerprint::normalise(&sb.key);
        let is_stock = |s: &[u32]| is_stock(s, &cands.stock);
        let st = pair_stats(&na, &nb, self.params.min_run, &is_stock, true);
        if st.runs.is_empty() {
            return Ok(None);
        }
        let listed = if st.a_in_b.max(st.b_in_a) >= self.params.min_share {
            let (da, db) = (self.dates[a as usize], self.dates[b as usize]);
            let earlier = match (da, db) {
                (Some(x), Some(y)) if x < y => Some("a".to_string()),
                (Some(x), Some(y)) if x > y => Some("b".to_string()),
                _ => None,
            };
            Some(Pair {
                a: self.ids[a as usize].clone(),
                b: self.ids[b as usize].clone(),
                jaccard: round4(align::jaccard(&na, &nb, fingerprint::K)),
                a_in_b: round4(st.a_in_b),
                b_in_a: round4(st.b_in_a),
                copied_chars: st.copied_chars,
                earlier,
                passages: st
                    .runs
                    .iter()
                    .map(|r| Passage {
                        a: doc_range(&sa.key_map, r.a_start, r.a_start + r.len),
                        b: doc_range(&sb.key_map, r.b_start, r.b_start + r.len),
                    })
                    .collect(),
            })
        } else {
            None
        };
        Ok(Some(Verified {
            a,
            b,
            runs: st
                .runs
                .iter()
                .map(|r| (r.a_start as u32, r.b_start as u32, r.len as u32))
                .collect(),
            a_in_b: st.a_in_b,
            b_in_a: st.b_in_a,
            listed,
        }))
    }

    /// Stock phrases: each stock fingerprint extended, in its first holders, to the whole
    /// phrase they agree on.
    fn common_passages(&self, cands: &Candidates) -> std::io::Result<Vec<CommonPassage>> {
        let found: Vec<std::io::Result<Option<(String, usize)>>> = cands
            .stock
            .par_iter()
            .zip(cands.stock_docs.par_iter())
            .map(|(&h, &docs)| {
                let Ok(ci) = cands.common.binary_search_by(|c| c.hash.cmp(&h)) else {
                    return Ok(None);
                };
                let mut holders: Vec<u32> = Vec::new();
                for &x in &cands.common[ci].anchors {
                    if holders
                        .iter()
                        .all(|&y| self.table.doc[y as usize] != self.table.doc[x as usize])
                    {
                        holders.push(x);
                    }
                    if holders.len() == 3 {
                        break;
                    }
                }
                if holders.len() < 2 {
                    return Ok(None);
                }
                let mut keys = Vec::new();
                for &x in &holders {
                    let s = self.read(x)?;
                    let chars: Vec<char> = s.key.chars().collect();
                    let norm: Vec<u32> = chars.iter().map(|&c| fingerprint::norm_char(c)).collect();
                    let hs = fingerprint::kgram_hashes(&norm, fingerprint::K);
                    let Some(p) = hs.iter().position(|&y| y == h) else {
                        return Ok(None);
                    };
                    keys.push((chars, norm, p));
                }
                Ok(extend_phrase(&keys).map(|t| (t, docs as usize)))
            })
            .collect();
        let mut best: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for f in found {
            if let Some((t, d)) = f? {
                let e = best.entry(t).or_insert(0);
                *e = (*e).max(d);
            }
        }
        let mut out: Vec<CommonPassage> = best
            .into_iter()
            .map(|(text, documents)| CommonPassage { text, documents })
            .collect();
        // A phrase found from several of its fingerprints may come out cut at different places:
        // keep the longest of texts contained in one another.
        out.sort_by(|x, y| {
            y.text
                .chars()
                .count()
                .cmp(&x.text.chars().count())
                .then(x.text.cmp(&y.text))
        });
        let mut kept: Vec<CommonPassage> = Vec::new();
        for c in out {
            if !kept.iter().any(|k| k.text.contains(&c.text)) {
                kept.push(c);
            }
        }
        kept.sort_by(|x, y| y.documents.cmp(&x.documents).then(x.text.cmp(&y.text)));
        kept.truncate(MAX_COMMON);
        Ok(kept)
    }
}

/// Whether a short passage is stock phrasing: one of its k-grams is a stock fingerprint.
fn is_stock(s: &[u32], stock: &[u32]) -> bool {
    if stock.is_empty() {
        return false;
    }
    fingerprint::kgram_hashes(s, fingerprint::K)
        .iter()
        .any(|h| stock.binary_search(h).is_ok())
}

/// The phrase around a shared k-gram on which all holders agree; `None` when it is long text
/// (copy evidence, not stock phrasing).
fn extend_phrase(keys: &[(Vec<char>, Vec<u32>, usize)]) -> Option<String> {
    let (first, rest) = keys.split_first()?;
    let k = fingerprint::K;
    let mut left = 0;
    'l: loop {
        if left + 1 > first.2 {
            break;
        }
        let c = first.1[first.2 - left - 1];
        for r in rest {
            if left + 1 > r.2 || r.1[r.2 - left - 1] != c {
                break 'l;
            }
        }
        left += 1;
        if left + k >= STOCK_LEN {
            return None;
        }
    }
    let mut right = 0;
    'r: loop {
        let i = first.2 + k + right;
        if i >= first.1.len() {
            break;
        }
        for r in rest {
            let j = r.2 + k + right;
            if j >= r.1.len() || r.1[j] != first.1[i] {
                break 'r;
            }
        }
        right += 1;
        if left + k + right >= STOCK_LEN {
            return None;
        }
    }
    Some(
        first.0[first.2 - left..first.2 + k + right]
            .iter()
            .collect(),
    )
}

fn merge_intervals(v: &mut Vec<(u32, u32)>) {
    v.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(v.len());
    for &(s, e) in v.iter() {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    *v = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(id: &str, doc: u32, key: &str) -> ArticleInput {
        let n = key.chars().count();
        ArticleInput {
            id: id.into(),
            doc_index: doc,
            key: key.into(),
            key_map: (0..n as u32).map(|i| i * 2 + 5).collect(),
            date: None,
            reference: false,
        }
    }

    fn run(inputs: Vec<ArticleInput>) -> DedupOutput {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Dedup::new(DedupParams::default(), dir.path()).unwrap();
        for i in inputs {
            d.add(prepare(i)).unwrap();
        }
        d.finish().unwrap()
    }

    /// Pseudo-random hanzi text: unrelated texts share no 13-char run.
    fn text(seed: u32, n: usize) -> String {
        let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                char::from_u32(0x4e00 + x % 2000).unwrap_or('一')
            })
            .collect()
    }

    #[test]
    fn exact_copy_is_a_pair_with_passages_in_document_offsets() {
        let t = text(1, 300);
        let out = run(vec![
            input("a#1", 0, &t),
            input("b#1", 1, &format!("{}{}", text(2, 100), t)),
        ]);
        let p = &out.duplicates.pairs;
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].a_in_b, 1.0);
        assert_eq!(p[0].b_in_a, 0.75);
        assert_eq!(
            p[0].passages,
            vec![Passage {
                a: [5, 5 + 2 * 299 + 1],
                b: [205, 205 + 2 * 299 + 1]
            }]
        );
        assert_eq!(out.copies[0].share, 1.0);
        assert_eq!(out.copies[1].share, 0.75);
        assert_eq!(out.copies[1].sources[0].article, "a#1");
        assert_eq!(out.duplicates.clusters.len(), 1);
    }

    #[test]
    fn unrelated_articles_are_not_paired() {
        let out = run((0..20)
            .map(|i| input(&format!("d{i}#1"), i, &text(i + 100, 400)))
            .collect());
        assert!(out.duplicates.pairs.is_empty());
        assert!(out
            .copies
            .iter()
            .all(|c| c.share == 0.0 && c.sources.is_empty()));
    }

    #[test]
    fn a_template_copied_by_many_is_copied_by_each() {
        let tpl = text(7, 400);
        let mut v = vec![input("tpl#1", 0, &tpl)];
        for i in 1..120u32 {
            v.push(input(
                &format!("u{i}#1"),
                i,
                &format!("{}{}", text(1000 + i, 200), tpl),
            ));
        }
        let out = run(v);
        for c in &out.copies[1..] {
            assert!((c.share - 400.0 / 600.0).abs() < 0.01, "{}", c.share);
        }
        assert!(
            out.duplicates
                .pairs
                .iter()
                .filter(|p| p.a == "tpl#1")
                .count()
                == 119
        );
        assert_eq!(out.duplicates.clusters.len(), 1);
        assert_eq!(out.duplicates.clusters[0].articles.len(), 120);
        assert_eq!(out.keep.iter().filter(|&&k| k).count(), 1);
        assert!(out.keep[0]);
    }

    #[test]
    fn stock_phrase_is_common_not_copy() {
        let stock = "以习近平新时代中国特色社会主义思想为指导";
        let v = (0..30u32)
            .map(|i| {
                input(
                    &format!("d{i}#1"),
                    i,
                    &format!("{}{}{}", text(i + 500, 150), stock, text(i + 900, 150)),
                )
            })
            .collect();
        let out = run(v);
        assert!(out.duplicates.pairs.is_empty());
        assert!(
            out.copies.iter().all(|c| c.share == 0.0),
            "{:?}",
            out.copies[0]
        );
        assert_eq!(
            out.duplicates.common_passages.len(),
            1,
            "{:?}",
            out.duplicates.common_passages
        );
        assert_eq!(out.duplicates.common_passages[0].text, stock);
        assert_eq!(out.duplicates.common_passages[0].documents, 30);
    }

    #[test]
    fn reference_pages_are_sources_but_not_paired_together() {
        let tpl = text(11, 300);
        let mut r1 = input("ref1#1", 0, &tpl);
        r1.reference = true;
        let mut r2 = input("ref2#1", 1, &format!("{tpl}{}", text(12, 50)));
        r2.reference = true;
        let mut c = input("sub#1", 2, &format!("{}{}", text(13, 300), tpl));
        c.date = Some(20240301);
        r1.date = Some(20230101);
        let out = run(vec![r1, r2, c]);
        let pairs: Vec<(&str, &str)> = out
            .duplicates
            .pairs
            .iter()
            .map(|p| (p.a.as_str(), p.b.as_str()))
            .collect();
        assert_eq!(pairs, vec![("ref1#1", "sub#1"), ("ref2#1", "sub#1")]);
        assert_eq!(out.duplicates.pairs[0].earlier.as_deref(), Some("a"));
        assert_eq!(out.duplicates.pairs[1].earlier, None);
        let src: Vec<&str> = out.copies[2]
            .sources
            .iter()
            .map(|s| s.article.as_str())
            .collect();
        assert_eq!(src, vec!["ref1#1", "ref2#1"]);
        // The dated template is the cluster's representative.
        assert_eq!(out.keep, vec![true, false, false]);
        assert!((out.copies[2].share - 0.5).abs() < 0.01);
    }

    #[test]
    fn short_articles_copied_whole_are_copies() {
        let t = text(21, 30);
        let out = run(vec![
            input("a#1", 0, &t),
            input("b#1", 1, &t),
            input("c#1", 2, &text(22, 300)),
        ]);
        let pairs: Vec<(&str, &str)> = out
            .duplicates
            .pairs
            .iter()
            .map(|p| (p.a.as_str(), p.b.as_str()))
            .collect();
        assert_eq!(pairs, vec![("a#1", "b#1")]);
        assert_eq!(out.copies[1].share, 1.0);
    }

    #[test]
    fn empty_and_tiny_inputs() {
        let out = run(vec![]);
        assert!(out.copies.is_empty());
        let out = run(vec![
            input("a#1", 0, ""),
            input("b#1", 0, "甲"),
            input("c#1", 1, ""),
        ]);
        assert_eq!(out.copies.len(), 3);
        assert!(out.duplicates.pairs.is_empty());
    }

    #[test]
    fn public_align_reports_key_ranges() {
        let t = text(3, 40);
        let r = align(&format!("甲乙{t}"), &t, 13);
        assert_eq!(r, vec![(2, 42, 0, 40)]);
    }
}
