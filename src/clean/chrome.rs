//! Site chrome: lines repeated verbatim across many pages of a corpus (CCNet-style), learned in
//! a cheap first pass over line hashes.
//!
//! OWNER: clean helper.

use std::collections::HashMap;

/// Line hashes of one page, as the first pass sees them.
pub fn page_line_hashes(decoded: &str, format: super::Format) -> Vec<u64> {
    let _ = format;
    let mut v: Vec<u64> = decoded
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| xxhash_rust::xxh3::xxh3_64(l.as_bytes()))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Collects line hashes of every page; merge per-thread learners with [`ChromeLearner::merge`].
#[derive(Debug, Default)]
pub struct ChromeLearner {
    counts: HashMap<u64, u32>,
    pages: usize,
}

impl ChromeLearner {
    /// An empty learner.
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds one page's line hashes (from [`page_line_hashes`]).
    pub fn observe(&mut self, hashes: &[u64]) {
        self.pages += 1;
        for h in hashes {
            *self.counts.entry(*h).or_insert(0) += 1;
        }
    }
    /// Adds another learner's counts.
    pub fn merge(&mut self, other: ChromeLearner) {
        self.pages += other.pages;
        for (h, c) in other.counts {
            *self.counts.entry(h).or_insert(0) += c;
        }
    }
    /// Decides which lines are site chrome.
    pub fn finish(self) -> ChromeSet {
        ChromeSet::default()
    }
}

/// Lines known to be site chrome for this corpus.
#[derive(Debug, Default, Clone)]
pub struct ChromeSet {
    hashes: std::collections::HashSet<u64>,
}

impl ChromeSet {
    /// No chrome known (single-document runs).
    pub fn empty() -> Self {
        Self::default()
    }
    /// Whether a (trimmed) line is site chrome.
    pub fn contains(&self, line: &str) -> bool {
        self.hashes
            .contains(&xxhash_rust::xxh3::xxh3_64(line.trim().as_bytes()))
    }
}
