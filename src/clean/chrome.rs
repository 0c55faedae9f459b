//! Site chrome: lines repeated verbatim across many pages of a corpus (CCNet-style), learned in
//! a cheap first pass over line hashes.
//!
//! A line is chrome when it is short, recurs on many pages, those pages otherwise differ (their
//! longest lines are not the same: copies of one report share every line, and a paragraph
//! shared by a few copied reports is content), and it recurs in the same place — beside the
//! same neighbour line, or at the very start or end of the page. The last test keeps common
//! content lines such as 各位代表： or 一、指导思想, which recur on many unrelated pages but
//! each time next to different text.

use super::rules::looks_like_heading;
use std::collections::{HashMap, HashSet};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Longest line, in chars, that can be chrome.
const MAX_CHROME_CHARS: usize = 50;
/// Share of a line's pages whose longest lines must differ.
const MIN_DISTINCT_PAGES: f64 = 0.8;
/// Share of a line's pages on which it must sit beside its most common neighbour.
const MIN_STABLE_CONTEXT: f64 = 0.5;

const BOUNDARY: u64 = 0x9e37_79b9_7f4a_7c15;

fn pair(a: u64, b: u64, seed: u64) -> u64 {
    let mut buf = [0u8; 16];
    buf[..8].copy_from_slice(&a.to_le_bytes());
    buf[8..].copy_from_slice(&b.to_le_bytes());
    xxh3_64_with_seed(&buf, seed)
}

fn line_hash(line: &str) -> u64 {
    xxh3_64(line.trim().as_bytes())
}

/// Hashes of one page for the first pass: an opaque record for [`ChromeLearner::observe`]
/// (the page's signature, then, per short line, the line and its two neighbours).
pub fn page_line_hashes(decoded: &str, format: super::Format) -> Vec<u64> {
    let page = match format {
        super::Format::Html => super::html::extract(decoded).text,
        super::Format::Text => decoded.to_string(),
    };
    let prepared = super::prepare_lines(&page, None);
    let lines = &prepared.lines;
    let hashes: Vec<u64> = lines.iter().map(|l| line_hash(&l.text)).collect();
    let signature = lines
        .iter()
        .enumerate()
        .max_by_key(|(i, l)| (l.chars, usize::MAX - i))
        .map_or(0, |(i, _)| hashes[i]);
    let mut out = Vec::with_capacity(1 + 3 * lines.len() / 2);
    out.push(signature);
    for (i, l) in lines.iter().enumerate() {
        if l.chars > MAX_CHROME_CHARS || looks_like_heading(&l.norm) || sentence_or_title(&l.norm) {
            continue;
        }
        let prev = if i == 0 { BOUNDARY } else { hashes[i - 1] };
        let next = hashes.get(i + 1).copied().unwrap_or(BOUNDARY);
        out.extend([
            hashes[i],
            pair(hashes[i], prev, 1),
            pair(hashes[i], next, 2),
        ]);
    }
    out
}

/// Sentences and document titles recur across unrelated pages as stock phrasing (现在，我代表
/// 省人民政府向大会报告工作…。, 政府工作报告), never as furniture: they are not candidates.
fn sentence_or_title(norm: &str) -> bool {
    let t = norm.trim_end_matches(|c: char| !c.is_alphanumeric());
    norm.contains(['。', '！', '？', '；'])
        || [
            "报告", "计划", "总结", "要点", "方案", "意见", "通知", "讲话", "决定", "规划", "纲要",
            "办法",
        ]
        .iter()
        .any(|w| t.ends_with(w))
}

#[derive(Debug, Default, Clone, Copy)]
struct LineStats {
    pages: u32,
}

/// Collects line hashes of every page; merge per-thread learners with [`ChromeLearner::merge`].
#[derive(Debug, Default)]
pub struct ChromeLearner {
    lines: HashMap<u64, LineStats>,
    /// (line, neighbour) → (line, pages).
    contexts: HashMap<u64, (u64, u32)>,
    /// (line, page signature) → line: distinct signatures per line.
    signatures: HashMap<u64, u64>,
    pages: usize,
}

impl ChromeLearner {
    /// An empty learner.
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds one page's record (from [`page_line_hashes`]).
    pub fn observe(&mut self, hashes: &[u64]) {
        self.pages += 1;
        let Some((&signature, rest)) = hashes.split_first() else {
            return;
        };
        let mut seen: HashSet<u64> = HashSet::with_capacity(rest.len());
        for t in rest.chunks_exact(3) {
            let (line, prev, next) = (t[0], t[1], t[2]);
            if seen.insert(line) {
                self.lines.entry(line).or_default().pages += 1;
                self.signatures.insert(pair(line, signature, 3), line);
            }
            for ctx in [prev, next] {
                if seen.insert(ctx) {
                    self.contexts.entry(ctx).or_insert((line, 0)).1 += 1;
                }
            }
        }
    }
    /// Adds another learner's counts.
    pub fn merge(&mut self, other: ChromeLearner) {
        self.pages += other.pages;
        for (h, s) in other.lines {
            self.lines.entry(h).or_default().pages += s.pages;
        }
        for (h, (line, c)) in other.contexts {
            self.contexts.entry(h).or_insert((line, 0)).1 += c;
        }
        self.signatures.extend(other.signatures);
    }
    /// Pages a line must appear on: at least 3, more in big corpora, never more than 50 (a
    /// site of a few hundred pages inside a corpus of millions still has chrome).
    fn min_pages(&self) -> u32 {
        (self.pages / 1000).clamp(3, 50) as u32
    }
    /// Decides which lines are site chrome.
    pub fn finish(self) -> ChromeSet {
        let min_pages = self.min_pages();
        let mut distinct: HashMap<u64, u32> = HashMap::new();
        for line in self.signatures.values() {
            *distinct.entry(*line).or_insert(0) += 1;
        }
        let mut best_context: HashMap<u64, u32> = HashMap::new();
        for (line, c) in self.contexts.values() {
            let e = best_context.entry(*line).or_insert(0);
            *e = (*e).max(*c);
        }
        let hashes = self
            .lines
            .iter()
            .filter(|(h, s)| {
                let pages = f64::from(s.pages);
                s.pages >= min_pages
                    && f64::from(distinct.get(h).copied().unwrap_or(0))
                        >= MIN_DISTINCT_PAGES * pages
                    && f64::from(best_context.get(h).copied().unwrap_or(0))
                        >= MIN_STABLE_CONTEXT * pages
            })
            .map(|(h, _)| *h)
            .collect();
        ChromeSet { hashes }
    }
}

/// Lines known to be site chrome for this corpus.
#[derive(Debug, Default, Clone)]
pub struct ChromeSet {
    hashes: HashSet<u64>,
}

impl ChromeSet {
    /// No chrome known (single-document runs).
    pub fn empty() -> Self {
        Self::default()
    }
    /// Whether a (trimmed) line is site chrome.
    pub fn contains(&self, line: &str) -> bool {
        !self.hashes.is_empty() && self.hashes.contains(&line_hash(line))
    }
    /// Number of chrome lines known.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }
    /// Whether no chrome is known.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::Format;

    fn learn(pages: &[String]) -> ChromeSet {
        let mut l = ChromeLearner::new();
        for p in pages {
            l.observe(&page_line_hashes(p, Format::Text));
        }
        l.finish()
    }

    #[test]
    fn site_wide_lines_in_fixed_places_are_chrome() {
        let pages: Vec<String> = (0..6)
            .map(|i| format!("学习网欢迎你\n第{i}篇独有的标题\n各位代表：\n这是第{i}篇文章独有的正文段落，内容各不相同，编号{i}。\n网站简介与联系方式"))
            .collect();
        let set = learn(&pages);
        assert!(set.contains("学习网欢迎你"));
        assert!(set.contains("网站简介与联系方式"));
        // Common, but beside different text each time: content.
        assert!(!set.contains("各位代表："));
    }

    #[test]
    fn copies_of_one_report_are_not_chrome() {
        let page = "工会工作计划\n一、指导思想\n以人为本，服务职工。这一段在所有副本里都一样。\n短句也一样".to_string();
        let set = learn(&vec![page; 8]);
        assert!(set.is_empty());
    }

    #[test]
    fn merge_equals_one_learner() {
        let pages: Vec<String> = (0..8)
            .map(|i| format!("页眉导航\n正文{i}独有的一段很长的内容，用来区分页面{i}。"))
            .collect();
        let mut a = ChromeLearner::new();
        let mut b = ChromeLearner::new();
        for (i, p) in pages.iter().enumerate() {
            let h = page_line_hashes(p, Format::Text);
            if i % 2 == 0 {
                a.observe(&h)
            } else {
                b.observe(&h)
            }
        }
        a.merge(b);
        assert!(a.finish().contains("页眉导航"));
    }
}
