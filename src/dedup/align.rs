//! Exact alignment of two keys into maximal shared runs (passages).
//!
//! Maximal exact matches of at least `min_run` normalised chars are found by anchoring on
//! k-gram hashes of one side and extending; they are then tiled greedily, longest first, so no
//! char of either side lies in two passages (a paragraph repeated in one side is counted once).

/// A shared run: `a[a_start..a_start+len] == b[b_start..b_start+len]` (normalised).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Run {
    /// Start in a (key chars).
    pub a_start: usize,
    /// Start in b (key chars).
    pub b_start: usize,
    /// Length in key chars.
    pub len: usize,
}

/// How many places of b one k-gram of a may anchor on: bounds the work on degenerate text
/// (a row of digits repeated a hundred times) without losing real passages, which have
/// neighbouring anchors.
const MAX_ANCHORS: usize = 16;

const BASE: u64 = 0x9E37_79B9_7F4A_7C15;

/// Polynomial rolling hashes of every `k`-gram (internal to one alignment, never stored).
fn rolling(s: &[u32], k: usize) -> Vec<u64> {
    if s.len() < k || k == 0 {
        return Vec::new();
    }
    let mut pow = 1u64;
    for _ in 1..k {
        pow = pow.wrapping_mul(BASE);
    }
    let mut out = Vec::with_capacity(s.len() - k + 1);
    let mut h = 0u64;
    for (i, &c) in s.iter().enumerate() {
        if i >= k {
            h = h.wrapping_sub(pow.wrapping_mul(u64::from(s[i - k]) + 1));
        }
        h = h.wrapping_mul(BASE).wrapping_add(u64::from(c) + 1);
        if i + 1 >= k {
            out.push(h);
        }
    }
    out
}

/// Positions of b's seeds by hash: open-addressed heads plus a chain of earlier positions.
struct SeedIndex {
    mask: usize,
    heads: Vec<u32>,
    prev: Vec<u32>,
    hashes: Vec<u64>,
}

const NONE: u32 = u32::MAX;

impl SeedIndex {
    fn new(hashes: Vec<u64>) -> SeedIndex {
        let size = (hashes.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut heads = vec![NONE; size];
        let mut prev = vec![NONE; hashes.len()];
        for (j, &h) in hashes.iter().enumerate() {
            let slot = (h as usize) & mask;
            prev[j] = heads[slot];
            heads[slot] = j as u32;
        }
        SeedIndex {
            mask,
            heads,
            prev,
            hashes,
        }
    }

    /// Positions whose seed hash is `h` (and a few whose slot only collides), latest first.
    fn find(&self, h: u64) -> impl Iterator<Item = usize> + '_ {
        let mut j = self.heads[(h as usize) & self.mask];
        std::iter::from_fn(move || {
            while j != NONE {
                let cur = j as usize;
                j = self.prev[cur];
                if self.hashes[cur] == h {
                    return Some(cur);
                }
            }
            None
        })
    }
}

/// Maximal exact matches of at least `k` chars between `a` and `b`.
///
/// Only every `step`-th position of a is probed, with seeds of `k + 1 - step` chars: every
/// match of `k` chars holds a whole seed at a probe, so none is missed, and a probe is
/// skipped when a match already found on its diagonal covers it.
pub fn maximal_matches(a: &[u32], b: &[u32], k: usize) -> Vec<Run> {
    let k = k.max(1);
    if a.len() < k || b.len() < k {
        return Vec::new();
    }
    let step = (k / 2).max(1);
    let seed = k + 1 - step;
    let index = SeedIndex::new(rolling(b, seed));
    let ha = rolling(a, seed);
    // End (in a) of the last match found on each diagonal `i - j + b.len()`.
    let mut covered = vec![0usize; a.len() + b.len() + 1];
    let mut out = Vec::new();
    for i in (0..ha.len()).step_by(step) {
        for j in index.find(ha[i]).take(MAX_ANCHORS) {
            let diag = i + b.len() - j;
            if i < covered[diag] {
                continue;
            }
            if a[i..i + seed] != b[j..j + seed] {
                continue;
            }
            let (mut s, mut t) = (i, j);
            while s > 0 && t > 0 && a[s - 1] == b[t - 1] {
                s -= 1;
                t -= 1;
            }
            let mut e = i + seed;
            while e < a.len() && e - i + j < b.len() && a[e] == b[e - i + j] {
                e += 1;
            }
            covered[diag] = e;
            if e - s >= k {
                out.push(Run {
                    a_start: s,
                    b_start: t,
                    len: e - s,
                });
            }
        }
    }
    out
}

/// Greedy tiling of the maximal matches: longest first, each char of a and of b in at most one
/// passage; a match partly covered keeps its free stretches of at least `k` chars.
pub fn tile(mut runs: Vec<Run>, a_len: usize, b_len: usize, k: usize) -> Vec<Run> {
    runs.sort_unstable_by(|x, y| {
        y.len
            .cmp(&x.len)
            .then(x.a_start.cmp(&y.a_start))
            .then(x.b_start.cmp(&y.b_start))
    });
    let mut used_a = vec![false; a_len];
    let mut used_b = vec![false; b_len];
    let mut out = Vec::new();
    for r in runs {
        let mut t = 0;
        while t < r.len {
            while t < r.len && (used_a[r.a_start + t] || used_b[r.b_start + t]) {
                t += 1;
            }
            let s = t;
            while t < r.len && !used_a[r.a_start + t] && !used_b[r.b_start + t] {
                t += 1;
            }
            if t - s >= k.max(1) {
                used_a[r.a_start + s..r.a_start + t]
                    .iter_mut()
                    .for_each(|u| *u = true);
                used_b[r.b_start + s..r.b_start + t]
                    .iter_mut()
                    .for_each(|u| *u = true);
                out.push(Run {
                    a_start: r.a_start + s,
                    b_start: r.b_start + s,
                    len: t - s,
                });
            }
        }
    }
    out.sort_unstable();
    out
}

/// Passages of two normalised keys: tiled maximal matches of at least `min_run` chars, in a order.
pub fn align_norm(a: &[u32], b: &[u32], min_run: usize) -> Vec<Run> {
    tile(maximal_matches(a, b, min_run), a.len(), b.len(), min_run)
}

/// Jaccard similarity of the `k`-shingle sets of two normalised keys.
pub fn jaccard(a: &[u32], b: &[u32], k: usize) -> f64 {
    let mut x = rolling(a, k);
    let mut y = rolling(b, k);
    x.sort_unstable();
    x.dedup();
    y.sort_unstable();
    y.dedup();
    if x.is_empty() && y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (x.len() + y.len() - inter) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::fingerprint::normalise;

    fn runs(a: &str, b: &str, k: usize) -> Vec<(usize, usize, usize)> {
        align_norm(&normalise(a), &normalise(b), k)
            .into_iter()
            .map(|r| (r.a_start, r.b_start, r.len))
            .collect()
    }

    #[test]
    fn finds_shared_run_with_digits_edited() {
        let a = "前言甲乙丙丁全镇有600多名职工参加了重点工程劳动竞赛活动结尾";
        let b = "开头全镇有500多名职工参加了重点工程劳动竞赛活动不同的尾巴";
        assert_eq!(runs(a, b, 13), vec![(6, 2, 23)]);
    }

    #[test]
    fn shuffled_paragraphs_are_all_found() {
        let p1 = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸";
        let p2 = "子丑寅卯辰巳午未申酉戌亥金木水火土东南西北";
        let a = format!("{p1}{p2}");
        let b = format!("{p2}{p1}");
        let r = runs(&a, &b, 13);
        assert_eq!(r.len(), 2);
        assert_eq!(r.iter().map(|x| x.2).sum::<usize>(), a.chars().count());
    }

    #[test]
    fn repeated_text_is_counted_once_per_side() {
        let p = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸";
        let a = format!("{p}{p}");
        let r = runs(&a, p, 13);
        assert_eq!(r.iter().map(|x| x.2).sum::<usize>(), 20);
    }

    #[test]
    fn short_runs_are_not_passages() {
        assert!(runs("一二三四五六七八九十甲乙", "一二三四五六七八九十甲乙", 13).is_empty());
        assert!(runs("", "一二三", 13).is_empty());
    }

    #[test]
    fn jaccard_bounds() {
        let a = normalise("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸");
        assert!((jaccard(&a, &a, 5) - 1.0).abs() < 1e-12);
        assert_eq!(jaccard(&a, &normalise("子丑寅卯辰巳午未申酉戌亥"), 5), 0.0);
    }
}
