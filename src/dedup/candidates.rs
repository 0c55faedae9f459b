//! Candidate pairs from an inverted index of winnowed fingerprints.
//!
//! * A fingerprint held by at most [`Tuning::cap`] articles pairs all of them; a pair is a
//!   candidate when it shares at least [`Tuning::min_shared`] fingerprints. This catches
//!   containment (a third of one report inside another) as well as near-duplicates.
//! * A fingerprint held by more documents than `common_df` is *common*. In each article,
//!   consecutive common fingerprints that cover contiguous text form runs. A run spanning at
//!   least [`Tuning::long_run`] chars is a long shared passage: copy evidence however many
//!   articles share it, so the article is paired with the first [`Tuning::anchors`] holders of
//!   each of its fingerprints (in input order: the earliest copies, usually the template)
//!   instead of with all of them, which keeps a template copied 500 times near-linear.
//!   A shorter run is stock phrasing (`以习近平新时代中国特色社会主义思想为指导`): that
//!   occurrence pairs the article with no one, and fingerprints found in short runs of more
//!   than `common_df` documents are the stock set (left out of copy shares, listed as
//!   common passages).

use super::fingerprint::{K, W};
use rayon::prelude::*;

/// Knobs of candidate generation.
#[derive(Debug, Clone, Copy)]
pub struct Tuning {
    /// Largest posting list paired exhaustively.
    pub cap: usize,
    /// Holders of a frequent fingerprint that other holders are paired with.
    pub anchors: usize,
    /// Span (key chars) from which a run of common fingerprints is a copied passage.
    pub long_run: usize,
    /// Shared fingerprints that make a pair a candidate.
    pub min_shared: usize,
    /// Documents above which a fingerprint is common (`--common-df`).
    pub common_df: usize,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            cap: 48,
            anchors: 8,
            long_run: 50,
            min_shared: 3,
            common_df: 10,
        }
    }
}

/// Fingerprints of all added articles, as flat arrays.
#[derive(Debug, Default)]
pub struct FingerprintTable {
    /// `fp_start[i]..fp_start[i+1]` are article i's fingerprints.
    pub fp_start: Vec<u64>,
    /// Fingerprint hashes.
    pub fp_hash: Vec<u32>,
    /// Key position of each fingerprint, as the gap from the article's previous one (from 0 for
    /// the first). Winnowing selects a position in every window of `W` k-grams, so gaps are at
    /// most `W` and a byte holds them: a quarter of the memory of absolute positions.
    pub fp_gap: Vec<u8>,
    /// Document index of each article (non-decreasing).
    pub doc: Vec<u32>,
    /// Whether each article is a reference page.
    pub reference: Vec<bool>,
}

impl FingerprintTable {
    /// Number of articles.
    pub fn len(&self) -> usize {
        self.doc.len()
    }
    /// True when no article was added.
    pub fn is_empty(&self) -> bool {
        self.doc.is_empty()
    }
    fn range(&self, a: usize) -> std::ops::Range<usize> {
        self.fp_start[a] as usize..self.fp_start[a + 1] as usize
    }
}

/// A fingerprint held by more than `common_df` documents or more than `cap` articles.
#[derive(Debug, Clone)]
pub struct Common {
    /// Its hash.
    pub hash: u32,
    /// Documents holding it.
    pub docs: u32,
    /// Articles holding it.
    pub df: u32,
    /// Its first holders in input order.
    pub anchors: Vec<u32>,
}

/// What candidate generation hands to verification.
#[derive(Debug, Default)]
pub struct Candidates {
    /// Candidate pairs `(a, b)` with `a < b`, sorted.
    pub pairs: Vec<(u32, u32)>,
    /// Stock fingerprints: in short runs of more than `common_df` documents (sorted).
    pub stock: Vec<u32>,
    /// Common fingerprints by hash (sorted by hash).
    pub common: Vec<Common>,
    /// For each stock fingerprint, documents in which it sits in a short run.
    pub stock_docs: Vec<u32>,
}

#[inline]
fn pair_key(x: u32, y: u32) -> u64 {
    let (a, b) = if x < y { (x, y) } else { (y, x) };
    (u64::from(a) << 32) | u64::from(b)
}

/// Builds the index and the candidate pairs.
pub fn candidates(t: &FingerprintTable, tune: &Tuning) -> Candidates {
    let n = t.len();
    if n < 2 {
        return Candidates::default();
    }
    // Posting entries (hash, article), sorted so each hash's holders come in input order.
    let mut entries: Vec<u64> = (0..n)
        .into_par_iter()
        .flat_map_iter(|a| {
            t.range(a)
                .map(move |i| (u64::from(t.fp_hash[i]) << 32) | a as u64)
        })
        .collect();
    entries.par_sort_unstable();
    entries.dedup();

    // Group boundaries, split into chunks that never cut a group.
    let chunk = 1 << 16;
    let mut bounds = vec![0usize];
    while *bounds.last().unwrap_or(&0) < entries.len() {
        let mut e = (bounds[bounds.len() - 1] + chunk).min(entries.len());
        while e < entries.len() && entries[e] >> 32 == entries[e - 1] >> 32 {
            e += 1;
        }
        bounds.push(e);
    }
    let groups = |slice: &[u64], f: &mut dyn FnMut(u32, &[u64])| {
        let mut s = 0;
        while s < slice.len() {
            let h = (slice[s] >> 32) as u32;
            let mut e = s + 1;
            while e < slice.len() && (slice[e] >> 32) as u32 == h {
                e += 1;
            }
            f(h, &slice[s..e]);
            s = e;
        }
    };
    let docs_of = |holders: &[u64]| {
        let mut docs = 1u32;
        for p in holders.windows(2) {
            if t.doc[p[0] as u32 as usize] != t.doc[p[1] as u32 as usize] {
                docs += 1;
            }
        }
        docs
    };

    // Pass 1: common fingerprints.
    let parts: Vec<Vec<Common>> = bounds
        .par_windows(2)
        .map(|w| {
            let mut common = Vec::new();
            groups(&entries[w[0]..w[1]], &mut |h, g| {
                let docs = docs_of(g);
                if docs as usize > tune.common_df || g.len() > tune.cap {
                    common.push(Common {
                        hash: h,
                        docs,
                        df: g.len() as u32,
                        anchors: g[..g.len().min(tune.anchors)]
                            .iter()
                            .map(|&x| x as u32)
                            .collect(),
                    });
                }
            });
            common
        })
        .collect();
    // Chunks are in hash order and each is sorted, so `common` is sorted by hash.
    let common: Vec<Common> = parts.into_iter().flatten().collect();

    // Runs of common fingerprints in each article.
    let walked: Vec<(Vec<u64>, Vec<u64>)> = (0..n)
        .into_par_iter()
        .with_min_len(256)
        .map(|a| walk_article(t, a, &common, tune))
        .collect();
    let mut forced: Vec<u64> = Vec::new();
    let mut short_occ: Vec<u64> = Vec::new();
    for (f, s) in walked {
        forced.extend(f);
        short_occ.extend(s);
    }
    short_occ.par_sort_unstable();
    short_occ.dedup();

    // Pass 2: pairs of each small posting list. A common fingerprint that sits in a short run
    // of an article (stock phrasing there) is no evidence for that article.
    let parts: Vec<Vec<u64>> = bounds
        .par_windows(2)
        .map(|w| {
            let mut pairs = Vec::new();
            let mut holders: Vec<u32> = Vec::new();
            groups(&entries[w[0]..w[1]], &mut |h, g| {
                if g.len() > tune.cap {
                    return;
                }
                let is_common = common.binary_search_by(|c| c.hash.cmp(&h)).is_ok();
                holders.clear();
                holders.extend(
                    g.iter()
                        .filter(|&&e| !is_common || short_occ.binary_search(&e).is_err())
                        .map(|&e| e as u32),
                );
                for i in 0..holders.len() {
                    for j in i + 1..holders.len() {
                        let (x, y) = (holders[i], holders[j]);
                        if !(t.reference[x as usize] && t.reference[y as usize]) {
                            pairs.push(pair_key(x, y));
                        }
                    }
                }
            });
            pairs
        })
        .collect();
    drop(entries);
    let mut pairs: Vec<u64> = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for p in parts {
        pairs.extend(p);
    }

    pairs.par_sort_unstable();
    let mut out: Vec<u64> = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i + 1;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        // A short article has few fingerprints: all of them shared is enough.
        let (x, y) = ((pairs[i] >> 32) as usize, pairs[i] as u32 as usize);
        let fewest = t.range(x).len().min(t.range(y).len()).max(1);
        if j - i >= tune.min_shared.min(fewest) {
            out.push(pairs[i]);
        }
        i = j;
    }
    drop(pairs);
    out.extend(forced);
    out.par_sort_unstable();
    out.dedup();

    // Stock fingerprints: in short runs of more than common_df documents.
    let mut stock_occ: Vec<u64> = short_occ
        .iter()
        .map(|&e| (e >> 32 << 32) | u64::from(t.doc[e as u32 as usize]))
        .collect();
    drop(short_occ);
    stock_occ.par_sort_unstable();
    stock_occ.dedup();
    let mut stock = Vec::new();
    let mut stock_docs = Vec::new();
    let mut i = 0;
    while i < stock_occ.len() {
        let h = stock_occ[i] >> 32;
        let mut j = i + 1;
        while j < stock_occ.len() && stock_occ[j] >> 32 == h {
            j += 1;
        }
        if j - i > tune.common_df {
            stock.push(h as u32);
            stock_docs.push((j - i) as u32);
        }
        i = j;
    }
    Candidates {
        pairs: out
            .into_iter()
            .map(|p| ((p >> 32) as u32, p as u32))
            .collect(),
        stock,
        common,
        stock_docs,
    }
}

/// Finds runs of common fingerprints in one article: long runs pair it with anchors (forced
/// candidates), short runs are stock occurrences `(hash, article)`.
fn walk_article(
    t: &FingerprintTable,
    a: usize,
    common: &[Common],
    tune: &Tuning,
) -> (Vec<u64>, Vec<u64>) {
    let mut forced = Vec::new();
    let mut stock = Vec::new();
    let r = t.range(a);
    let mut run: Vec<(usize, u32)> = Vec::new(); // (common index, pos)
    let flush = |run: &mut Vec<(usize, u32)>, forced: &mut Vec<u64>, stock: &mut Vec<u64>| {
        if let (Some(&(_, p0)), Some(&(_, p1))) = (run.first(), run.last()) {
            let span = p1.saturating_sub(p0) as usize + K;
            if span >= tune.long_run {
                for &(ci, _) in run.iter() {
                    let c = &common[ci];
                    if c.df as usize > tune.cap {
                        for &x in &c.anchors {
                            if x as usize != a && !(t.reference[a] && t.reference[x as usize]) {
                                forced.push(pair_key(a as u32, x));
                            }
                        }
                    }
                }
            } else {
                for &(ci, _) in run.iter() {
                    stock.push((u64::from(common[ci].hash) << 32) | a as u64);
                }
            }
        }
        run.clear();
    };
    let mut pos = 0u32;
    for i in r {
        let h = t.fp_hash[i];
        pos += u32::from(t.fp_gap[i]);
        match common.binary_search_by(|c| c.hash.cmp(&h)) {
            Ok(ci) => {
                if let Some(&(_, last)) = run.last() {
                    if pos.saturating_sub(last) as usize > W {
                        flush(&mut run, &mut forced, &mut stock);
                    }
                }
                run.push((ci, pos));
            }
            Err(_) => flush(&mut run, &mut forced, &mut stock),
        }
    }
    flush(&mut run, &mut forced, &mut stock);
    forced.sort_unstable();
    forced.dedup();
    (forced, stock)
}
