//! Article headings of template pages that bundle several documents.
//!
//! Two families of heading are recognised:
//! - **篇N**: `工會工作計劃 篇1`, `…精选篇2`, `第3篇`, `篇四`. The number may be fused to the
//!   body (`…总结 篇1XX年1-8月，…`, `篇620__年度…` is 篇6 then 20__年度); the expected next
//!   number of the sequence decides where the counter ends. All 篇N lines of a page form one
//!   sequence whatever their title, since sites vary the title from article to article.
//! - **trailing counter**: a short title line ending in a number or `范文一`
//!   (`工会年终工作总结及计划1`, `…2`). These need the same title on at least two lines.
//!
//! Only numbers continuing the sequence (1, 2, 3 …, at most two missing) are taken, so a
//! related-article list (`工會工作計劃05-24`), a count (`汇总六篇`, `精选22篇`) or a
//! `上一篇:` link does not start an article.

use super::text::{
    is_blank, is_cn_numeral_char, is_hanzi, parse_ascii_number, parse_cn_numeral, Page,
};

/// An article heading found on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ArticleHead {
    /// Index of the heading's line.
    pub line: usize,
    /// Char offset where the heading starts (first non-blank char of the line).
    pub start: usize,
    /// Char offset where the heading's title ends (the counter's end for fused headings).
    pub title_end: usize,
    /// The article's number in its page's sequence.
    pub ordinal: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Pian,
    Trailing,
}

/// One candidate heading line with the counter readings it allows.
#[derive(Debug, Clone)]
struct Cand {
    line: usize,
    start: usize,
    family: Family,
    prefix: String,
    /// (value, end offset of the counter) — several for a run of digits fused to the body.
    readings: Vec<(u32, usize)>,
    /// End of the line's text (trimmed).
    line_end: usize,
    /// The line has no sentence punctuation after the counter.
    rest_title_ok: bool,
}

/// Longest title before a counter; longer runs are sentences, not headings.
const MAX_PREFIX: usize = 60;
/// Longest line taken as a trailing-counter heading.
const MAX_TRAILING_LINE: usize = 50;

/// Finds the article headings of a page, in page order.
pub(crate) fn find_heads(page: &Page) -> Vec<ArticleHead> {
    let mut cands = Vec::new();
    for (li, line) in page.lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        if let Some(c) = pian_candidate(page, li) {
            cands.push(c);
        } else if let Some(c) = trailing_candidate(page, li) {
            cands.push(c);
        }
    }
    let pian: Vec<&Cand> = cands.iter().filter(|c| c.family == Family::Pian).collect();
    let best_pian = follow_sequence(&pian);
    if !best_pian.is_empty() {
        return best_pian;
    }
    let mut best: Vec<ArticleHead> = Vec::new();
    let mut prefixes: Vec<&str> = cands
        .iter()
        .filter(|c| c.family == Family::Trailing)
        .map(|c| c.prefix.as_str())
        .collect();
    prefixes.sort_unstable();
    prefixes.dedup();
    for p in prefixes {
        let group: Vec<&Cand> = cands
            .iter()
            .filter(|c| c.family == Family::Trailing && c.prefix == p)
            .collect();
        let heads = follow_sequence(&group);
        if heads.len() >= 2 && heads.len() > best.len() {
            best = heads;
        }
    }
    best
}

/// Keeps the candidates that continue the sequence 1, 2, 3 … in page order.
fn follow_sequence(cands: &[&Cand]) -> Vec<ArticleHead> {
    let mut out: Vec<ArticleHead> = Vec::new();
    let mut expected = 1u32;
    for c in cands {
        let fused = c.readings.iter().all(|&(_, e)| e < c.line_end);
        let pick = c
            .readings
            .iter()
            .find(|&&(v, _)| v == expected)
            .copied()
            .or_else(|| {
                // A gap (missing article) is accepted only for an unambiguous counter.
                let &(v, e) = c.readings.last()?;
                let gap_ok = if out.is_empty() {
                    v <= 3
                } else {
                    v > expected && v <= expected + 2
                };
                (gap_ok && (!fused || c.readings.len() == 1)).then_some((v, e))
            });
        if let Some((v, mut e)) = pick {
            if c.rest_is_title(e) {
                e = c.line_end;
            }
            out.push(ArticleHead {
                line: c.line,
                start: c.start,
                title_end: e,
                ordinal: v,
            });
            expected = v + 1;
        }
    }
    out
}

impl Cand {
    /// A short, unpunctuated remainder after the counter is the article's own title
    /// (`第一篇 学校计划`, `篇2：社区计划`), not the start of its body.
    fn rest_is_title(&self, counter_end: usize) -> bool {
        let full_run = self.readings.iter().all(|&(_, e)| e <= counter_end);
        full_run
            && self.rest_title_ok
            && counter_end < self.line_end
            && self.line_end - counter_end <= 30
    }
}

fn pian_candidate(page: &Page, li: usize) -> Option<Cand> {
    let line = page.lines[li];
    let s = &page.norm;
    let hi = line.end.min(line.body + MAX_PREFIX + 2);
    let mut j = line.body;
    while j < hi {
        if s[j] == '篇' {
            if let Some(c) = pian_at(page, li, j) {
                return Some(c);
            }
        }
        j += 1;
    }
    None
}

fn pian_at(page: &Page, li: usize, j: usize) -> Option<Cand> {
    let line = page.lines[li];
    let s = &page.norm;
    // Before 篇: a number means a count ("六篇", "22篇") unless it is 第N篇.
    let mut b = j;
    while b > line.body && is_blank(s[b - 1]) {
        b -= 1;
    }
    let prefix_chars = &s[line.body..b];
    if prefix_chars
        .iter()
        .any(|&c| matches!(c, '。' | ',' | ';' | '!' | '?' | ':'))
    {
        return None;
    }
    let prev = if b > line.body { Some(s[b - 1]) } else { None };
    let mut readings = Vec::new();
    if let Some(p) = prev.filter(|&p| p.is_ascii_digit() || is_cn_numeral_char(p)) {
        let _ = p;
        // 第N篇 at the line start.
        if s[line.body] != '第' {
            return None;
        }
        let (v, k) =
            parse_cn_numeral(s, line.body + 1).or_else(|| parse_ascii_number(s, line.body + 1))?;
        if line.body + 1 + k != j {
            return None;
        }
        readings.push((v, j + 1));
    } else {
        let mut a = j + 1;
        while a < line.end && is_blank(s[a]) {
            a += 1;
        }
        if a < line.end && s[a].is_ascii_digit() {
            let mut e = a;
            while e < line.end && s[e].is_ascii_digit() {
                e += 1;
            }
            for len in 1..=(e - a).min(3) {
                let v = s[a..a + len]
                    .iter()
                    .fold(0u32, |acc, &d| acc * 10 + (d as u32 - '0' as u32));
                if v > 0 {
                    readings.push((v, a + len));
                }
            }
        } else if let Some((v, k)) = parse_cn_numeral(s, a) {
            readings.push((v, a + k));
        }
    }
    if readings.is_empty() {
        return None;
    }
    Some(Cand {
        line: li,
        start: line.body,
        family: Family::Pian,
        prefix: prefix_chars.iter().filter(|c| !is_blank(**c)).collect(),
        rest_title_ok: readings.iter().all(|&(_, e)| {
            !s[e..line.end]
                .iter()
                .any(|&c| matches!(c, '。' | ',' | ';' | '!' | '?' | '、'))
        }),
        readings,
        line_end: trim_heading_end(s, line.body, line.end),
    })
}

/// End of a heading line without a trailing colon or blank.
fn trim_heading_end(s: &[char], a: usize, mut e: usize) -> usize {
    while e > a && (is_blank(s[e - 1]) || matches!(s[e - 1], ':' | '：')) {
        e -= 1;
    }
    e
}

/// Words after which a Chinese numeral counts articles: 范文一, 模板二 …
const COUNTER_WORDS: &[&str] = &["范文", "模板", "例文", "样本", "示例", "材料", "文章"];

fn trailing_candidate(page: &Page, li: usize) -> Option<Cand> {
    let line = page.lines[li];
    let s = &page.norm;
    let end = trim_heading_end(s, line.body, line.end);
    if end <= line.body || end - line.body > MAX_TRAILING_LINE {
        return None;
    }
    let text = &s[line.body..end];
    if text
        .iter()
        .any(|&c| matches!(c, '。' | ',' | ';' | '!' | '?' | '、'))
    {
        return None;
    }
    let mut d = end;
    while d > line.body && s[d - 1].is_ascii_digit() {
        d -= 1;
    }
    let (value, cut) = if d < end && end - d <= 2 {
        let (v, _) = parse_ascii_number(s, d)?;
        (v, d)
    } else {
        let mut c = end;
        while c > line.body && is_cn_numeral_char(s[c - 1]) {
            c -= 1;
        }
        if c == end || end - c > 2 {
            return None;
        }
        let before: String = s[line.body..c].iter().collect();
        if !COUNTER_WORDS.iter().any(|w| before.ends_with(w)) {
            return None;
        }
        let (v, k) = parse_cn_numeral(s, c)?;
        if c + k != end {
            return None;
        }
        (v, c)
    };
    let mut p = cut;
    while p > line.body && is_blank(s[p - 1]) {
        p -= 1;
    }
    let last = if p > line.body { s[p - 1] } else { return None };
    // The title must end in a word (or a closing bracket): `05-24` and `2023.` are dates.
    if !(is_hanzi(last) || matches!(last, ')' | '）' | '》' | '」' | '】')) || p - line.body < 4
    {
        return None;
    }
    Some(Cand {
        line: li,
        start: line.body,
        family: Family::Trailing,
        prefix: s[line.body..p].iter().filter(|c| !is_blank(**c)).collect(),
        readings: vec![(value, end)],
        line_end: end,
        rest_title_ok: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(text: &str) -> Vec<(u32, String)> {
        let page = Page::new(text, text);
        find_heads(&page)
            .into_iter()
            .map(|h| (h.ordinal, page.quote(h.start, h.title_end)))
            .collect()
    }

    #[test]
    fn pian_sequence() {
        let t = "工会工作计划汇总六篇\n工会工作计划 篇1\n一、甲\n工会工作计划 篇2\n乙\n工会工作计划05-24\n";
        assert_eq!(
            heads(t),
            vec![
                (1, "工会工作计划 篇1".to_string()),
                (2, "工会工作计划 篇2".to_string())
            ]
        );
    }

    #[test]
    fn fused_pian_counters() {
        let t = "总结 篇1XX年1-8月，我镇工会\n总结 篇2今年是三八国际劳动妇女节xx周年，为纪念\n总结 篇3一年来，我镇\n总结 篇4黄盖镇镇位于临湘市东北部，面积\n总结 篇5今年以来，我镇\n总结 篇620__年度我镇\n总结 篇7\n总结 篇8一、围绕\n总结 篇9今年年初以来，我镇\n总结 篇1020__年\n总结 篇11职工队伍是促进社会经济发展的主力军，没有\n总结 篇12工作计划，为";
        let h = heads(t);
        assert_eq!(
            h.iter().map(|x| x.0).collect::<Vec<_>>(),
            (1..=12).collect::<Vec<u32>>()
        );
        assert_eq!(h[5].1, "总结 篇6");
        assert_eq!(h[9].1, "总结 篇10");
        assert_eq!(h[11].1, "总结 篇12");
    }

    #[test]
    fn counts_and_links_are_not_heads() {
        assert!(heads(
            "2023乡镇工会年终总结(精选22篇)\n【精华】汇总六篇\n上一篇:2023年工会财务工作总结\n"
        )
        .is_empty());
    }

    #[test]
    fn trailing_counters() {
        let t = "工会年终工作总结及计划3篇\n工会年终工作总结及计划1\n甲\n工会年终工作总结及计划2\n乙\n工会年终工作总结及计划3\n丙";
        let h = heads(t);
        assert_eq!(h.len(), 3);
        assert_eq!(h[2].1, "工会年终工作总结及计划3");
        let h = heads("学习计划范文一\n甲\n学习计划范文二\n乙\n");
        assert_eq!(h.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 2]);
        // A single numbered line is not a bundle.
        assert!(heads("第十四届全国人大2\n正文").is_empty());
    }

    #[test]
    fn di_n_pian() {
        let h = heads("第一篇 学校计划\n甲\n第二篇 社区计划\n乙\n");
        assert_eq!(h.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(h[1].1, "第二篇 社区计划");
    }
}
