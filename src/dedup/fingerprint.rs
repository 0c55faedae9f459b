//! Normalised key chars, k-gram hashes and winnowed fingerprints (MOSS).
//!
//! Digits are folded to one class before hashing and alignment so that a copy whose numbers
//! were edited (`600多名` → `500多名`) still matches the text around them; passages are reported
//! over the original key, whose chars stay one-to-one with the normalised ones.

use xxhash_rust::xxh3::xxh3_64;

/// K-gram length of the fingerprints, in key chars.
pub const K: usize = 13;
/// Winnowing window (in k-grams): any shared run of at least `W + K - 1` chars shares a
/// fingerprint; the expected density is `2 / (W + 1)`.
pub const W: usize = 16;

/// Folds a key char to its matching class: every digit (and the placeholder `x`) is `0`,
/// ASCII letters are lowercase.
#[inline]
pub fn norm_char(c: char) -> u32 {
    match c {
        // `x` is the template placeholder (`20xx年`, `XX公司`): it matches a filled-in digit.
        '0'..='9' | '０'..='９' | 'x' | 'X' | 'ｘ' | 'Ｘ' => '0' as u32,
        'A'..='Z' => c.to_ascii_lowercase() as u32,
        'Ａ'..='Ｚ' => (c as u32 - 'Ａ' as u32) + 'a' as u32,
        'ａ'..='ｚ' => (c as u32 - 'ａ' as u32) + 'a' as u32,
        _ => c as u32,
    }
}

/// The normalised chars of a key.
pub fn normalise(key: &str) -> Vec<u32> {
    key.chars().map(norm_char).collect()
}

/// Stable hash of one k-gram of normalised chars (xxh3 over the little-endian code points;
/// no per-process seed, so the same text gives the same fingerprint in every run).
#[inline]
pub fn kgram_hash(chars: &[u32]) -> u64 {
    let bytes: Vec<u8> = chars.iter().flat_map(|c| c.to_le_bytes()).collect();
    xxh3_64(&bytes)
}

/// The index keeps 32 bits of the hash: collisions only add candidates, which are verified.
#[inline]
pub fn short_hash(h: u64) -> u32 {
    (h >> 32) as u32 ^ h as u32
}

/// Hashes of every k-gram of `norm` (empty when shorter than `k`).
pub fn kgram_hashes(norm: &[u32], k: usize) -> Vec<u32> {
    if k == 0 || norm.len() < k {
        return Vec::new();
    }
    // Hash windows of one little-endian buffer: the same bytes as `kgram_hash`, no copy per window.
    let bytes: Vec<u8> = norm.iter().flat_map(|c| c.to_le_bytes()).collect();
    (0..=norm.len() - k)
        .map(|i| short_hash(xxh3_64(&bytes[4 * i..4 * (i + k)])))
        .collect()
}

/// Robust winnowing: in every window of `w` consecutive k-gram hashes keep the minimum
/// (rightmost on ties), recording each selected position once. Returns `(hash, position)` in
/// position order.
pub fn winnow(hashes: &[u32], w: usize) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(hashes.len() * 2 / (w + 1) + 2);
    if hashes.is_empty() {
        return out;
    }
    if hashes.len() <= w {
        // A key shorter than one window still gets its minimum, so short articles index.
        let (pos, h) = min_rightmost(hashes, 0);
        out.push((h, pos as u32));
        return out;
    }
    // Monotone deque of positions with increasing hashes.
    let mut dq: std::collections::VecDeque<usize> = std::collections::VecDeque::with_capacity(w);
    let mut last: Option<usize> = None;
    for (i, &h) in hashes.iter().enumerate() {
        while let Some(&b) = dq.back() {
            if hashes[b] >= h {
                dq.pop_back();
            } else {
                break;
            }
        }
        dq.push_back(i);
        if i + 1 >= w {
            let start = i + 1 - w;
            while let Some(&f) = dq.front() {
                if f < start {
                    dq.pop_front();
                } else {
                    break;
                }
            }
            if let Some(&m) = dq.front() {
                if last != Some(m) {
                    out.push((hashes[m], m as u32));
                    last = Some(m);
                }
            }
        }
    }
    out
}

fn min_rightmost(hashes: &[u32], base: usize) -> (usize, u32) {
    let mut best = (base, hashes[0]);
    for (i, &h) in hashes.iter().enumerate() {
        if h <= best.1 {
            best = (base + i, h);
        }
    }
    best
}

/// Fingerprints of a key: winnowed k-gram hashes with their key positions.
pub fn fingerprints(norm: &[u32]) -> Vec<(u32, u32)> {
    winnow(&kgram_hashes(norm, K), W)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_fold_to_one_class() {
        assert_eq!(normalise("年600多名"), normalise("年500多名"));
        assert_ne!(normalise("甲乙"), normalise("甲丙"));
    }

    #[test]
    fn winnow_guarantees_a_fingerprint_per_window() {
        let text: Vec<u32> = (0..500u32).map(|i| 0x4e00 + (i * 7919) % 3000).collect();
        let hs = kgram_hashes(&text, K);
        let fp = winnow(&hs, W);
        // Every window of W k-grams holds a selected position.
        for start in 0..=hs.len() - W {
            assert!(fp
                .iter()
                .any(|&(_, p)| (p as usize) >= start && (p as usize) < start + W));
        }
        assert!(fp.len() < hs.len() / 4);
        // Gaps between selected positions fit the index's byte (FingerprintTable::fp_gap).
        assert!(fp[0].1 < W as u32);
        assert!(fp.windows(2).all(|p| p[1].1 - p[0].1 <= W as u32));
    }

    #[test]
    fn shared_run_shares_fingerprints_whatever_the_context() {
        let shared: Vec<u32> = (0..80u32).map(|i| 0x4e00 + (i * 31) % 900).collect();
        let mut a: Vec<u32> = (0..40u32).map(|i| 0x5000 + i).collect();
        a.extend(&shared);
        let mut b: Vec<u32> = (0..70u32).map(|i| 0x6000 + i).collect();
        b.extend(&shared);
        b.extend((0..30u32).map(|i| 0x7000 + i));
        let fa: std::collections::HashSet<u32> =
            fingerprints(&a).into_iter().map(|x| x.0).collect();
        let fb: std::collections::HashSet<u32> =
            fingerprints(&b).into_iter().map(|x| x.0).collect();
        assert!(fa.intersection(&fb).count() >= 2);
    }

    #[test]
    fn window_hashes_equal_kgram_hashes() {
        let n = normalise("以习近平新时代中国特色社会主义思想为指导2024年");
        let hs = kgram_hashes(&n, K);
        for (i, h) in hs.iter().enumerate() {
            assert_eq!(*h, short_hash(kgram_hash(&n[i..i + K])));
        }
    }

    #[test]
    fn hashes_are_stable() {
        // Pinned value: fingerprints must not depend on the process, the build or the platform.
        assert_eq!(kgram_hash(&normalise("一二三")), 0xc812_7902_7e36_68f3);
    }
}
