//! Articles (篇N), titles and heading hierarchy.
//!
//! Interface used by the pipeline: [`analyze`], [`PageStructure`], [`ArticleSpan`].
//!
//! - [`articles`] splits template pages that bundle several documents;
//! - [`headings`] finds the numbered headings of each article and nests them;
//! - the page title is the first title-like line before the first article (see
//!   [`page_title`]).
//!
//! Decisions: an article's span runs from its heading (or, on a page without article
//! headings, from the page title line) to the last non-blank char of its body. Text before
//! the first article heading of a bundle (page title, intro) belongs to no article. A
//! related-articles trailer left by cleaning (`相关文章`, `上一篇`…) ends the last article.

mod articles;
mod headings;
mod text;

use crate::report::Section;
use text::Page;

/// One article found on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSpan {
    /// Title, original script.
    pub title: String,
    /// `[start, end)` char offsets in the document's cleaned text.
    pub span: [usize; 2],
    /// Headings inside the span (offsets in the document's cleaned text), `kind` unset.
    pub sections: Vec<Section>,
}

/// The structure of one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageStructure {
    /// Page title as a reader would name it.
    pub title: String,
    /// At least one article for a non-empty page.
    pub articles: Vec<ArticleSpan>,
}

/// Finds the title, articles and headings of a cleaned page. `analysis` is the char-aligned
/// simplified view of `cleaned` (when it is not aligned, markers are matched on `cleaned`).
pub fn analyze(cleaned: &str, analysis: &str) -> PageStructure {
    let page = Page::new(cleaned, analysis);
    let trailer = trailer_line(&page);
    let heads: Vec<_> = articles::find_heads(&page)
        .into_iter()
        .filter(|h| h.line < trailer)
        .collect();
    let title_scan_end = heads.first().map_or(trailer, |h| h.line);
    let title_line = page_title_line(&page, title_scan_end);
    let mut title = title_line.map(|l| page_title(&page, l)).unwrap_or_default();

    let mut out = Vec::new();
    if heads.is_empty() {
        let first = title_line
            .unwrap_or_else(|| page.lines.iter().position(|l| !l.is_blank()).unwrap_or(0));
        let body_from = if title_line.is_some() {
            first + 1
        } else {
            first
        };
        let start = page.lines.get(first).map_or(0, |l| l.body);
        let end_line = trailer.min(page.lines.len());
        let end = page.trim_end(
            start,
            page.lines
                .get(end_line)
                .map_or(page.norm.len(), |l| l.start),
        );
        if end > start {
            let lines = &page.lines[body_from.min(end_line)..end_line];
            if title.is_empty() {
                title = page.quote(start, page.lines[first].end);
            }
            out.push(ArticleSpan {
                title: title.clone(),
                span: [start, end],
                sections: headings::find_sections(&page, lines),
            });
        }
    } else {
        for (i, h) in heads.iter().enumerate() {
            let next_line = heads
                .get(i + 1)
                .map_or(trailer.min(page.lines.len()), |n| n.line);
            let limit = page
                .lines
                .get(next_line)
                .map_or(page.norm.len(), |l| l.start);
            let end = page.trim_end(h.start, limit);
            let mut lines: Vec<text::Line> =
                page.lines[(h.line + 1).min(next_line)..next_line].to_vec();
            // A body fused to the heading (`…总结 篇8一、围绕发展目标…`) is read as a line.
            let hl = page.lines[h.line];
            if h.title_end < hl.end {
                let mut body = h.title_end;
                while body < hl.end && text::is_blank(page.norm[body]) {
                    body += 1;
                }
                lines.insert(
                    0,
                    text::Line {
                        start: h.title_end,
                        body,
                        end: hl.end,
                    },
                );
            }
            out.push(ArticleSpan {
                title: page.quote(h.start, h.title_end).trim().to_string(),
                span: [h.start, end.max(h.title_end)],
                sections: headings::find_sections(&page, &lines),
            });
        }
        if title.is_empty() {
            title = common_title(&out);
        }
    }
    PageStructure {
        title,
        articles: out,
    }
}

/// Lines that end an article's body when cleaning left them: related-article lists,
/// previous/next links, share bars.
const TRAILER_CUES: &[&str] = &[
    "相关文章",
    "相关推荐",
    "相关阅读",
    "推荐阅读",
    "热门推荐",
    "热门文章",
    "猜你喜欢",
    "延伸阅读",
    "上一篇",
    "下一篇",
    "相关报道",
    "本文链接",
    "版权声明",
    "相关范文",
    "更多相关",
];

/// Index of the first trailer line (or the number of lines).
fn trailer_line(page: &Page) -> usize {
    let s = &page.norm;
    // Only the last third of the page (and never the first lines) can be a trailer.
    let from = page.lines.len() / 3;
    for (i, l) in page.lines.iter().enumerate().skip(from.max(1)) {
        if l.is_blank() || l.end - l.body > 40 {
            continue;
        }
        let t: String = s[l.body..l.end].iter().collect();
        if TRAILER_CUES.iter().any(|c| t.contains(c)) {
            return i;
        }
    }
    page.lines.len()
}

/// Words of document types; a line naming one is the likely title.
const DOC_WORDS: &[&str] = &[
    "计划", "总结", "要点", "报告", "方案", "述职", "规划", "安排", "打算", "意见", "讲话", "汇报",
    "范文", "工作", "纲要", "决定", "通知", "心得", "体会",
];

/// Marks of navigation, meta and chrome lines that are never titles.
const NOT_TITLE: &[&str] = &[
    "当前位置",
    "首页",
    "来源",
    "时间:",
    "日期:",
    "发布",
    "浏览",
    "投稿",
    "欢迎",
    "字号",
    "作者",
    "点击",
    "责任编辑",
    ">",
    "|",
    "下载",
    "打印",
    "收藏",
];

fn is_title_like(page: &Page, li: usize) -> bool {
    let l = page.lines[li];
    let n = l.end - l.body;
    if !(4..=60).contains(&n) {
        return false;
    }
    let s = &page.norm[l.body..l.end];
    let last = s[s.len() - 1];
    if matches!(last, '。' | ',' | ';' | '!' | '?' | ':' | '、') {
        return false;
    }
    if s.iter().filter(|&&c| matches!(c, ',' | '。' | ';')).count() > 1 {
        return false;
    }
    if s.iter().filter(|&&c| text::is_hanzi(c)).count() * 2 < n {
        return false;
    }
    if headings::parse_marker(&page.norm, l.body, l.end).is_some() {
        return false;
    }
    let t: String = s.iter().collect();
    !NOT_TITLE.iter().any(|w| t.contains(w))
}

/// The line holding the page title among the first lines before `limit`: the first
/// title-like line naming a document type, else the first title-like line.
fn page_title_line(page: &Page, limit: usize) -> Option<usize> {
    let limit = limit.min(page.lines.len());
    let candidates: Vec<usize> = (0..limit)
        .filter(|&i| !page.lines[i].is_blank())
        .take(12)
        .filter(|&i| is_title_like(page, i))
        .collect();
    let named = candidates.iter().copied().find(|&i| {
        let l = page.lines[i];
        let t: String = page.norm[l.body..l.end].iter().collect();
        DOC_WORDS.iter().any(|w| t.contains(w))
    });
    named.or_else(|| candidates.first().copied())
}

/// The title on line `li` without the decorations of template sites: a leading `【精华】`
/// tag and a trailing collection count (`…计划3篇(…)`, `…(精选22篇)`).
fn page_title(page: &Page, li: usize) -> String {
    let l = page.lines[li];
    let s = &page.norm;
    let mut a = l.body;
    let mut e = l.end;
    if s[a] == '【' {
        if let Some(k) = s[a..e].iter().position(|&c| c == '】') {
            if a + k + 1 < e && k <= 6 {
                a += k + 1;
            }
        }
    }
    // Trailing parenthetical naming a collection.
    if e > a && matches!(s[e - 1], ')' | '）') {
        if let Some(k) = s[a..e].iter().rposition(|&c| matches!(c, '(' | '（')) {
            let inner: String = s[a + k..e].iter().collect();
            let before_count = ends_with_count(s, a, a + k);
            if inner.contains('篇') || inner.contains("精选") || before_count.is_some() {
                e = a + k;
            }
        }
    }
    if let Some(c) = ends_with_count(s, a, e) {
        e = c;
    }
    while e > a && text::is_blank(s[e - 1]) {
        e -= 1;
    }
    if e <= a + 1 {
        return page.quote(l.body, l.end);
    }
    page.quote(a, e)
}

/// When `s[a..e]` ends with a collection count (`3篇`, `六篇`, `汇总六篇`), where it starts.
fn ends_with_count(s: &[char], a: usize, e: usize) -> Option<usize> {
    if e <= a + 2 || s[e - 1] != '篇' {
        return None;
    }
    let mut c = e - 1;
    while c > a && (s[c - 1].is_ascii_digit() || text::is_cn_numeral_char(s[c - 1])) {
        c -= 1;
    }
    if c == e - 1 {
        return None;
    }
    for w in ["汇总", "合集", "大全", "精选"] {
        if c >= a + 2 && s[c - 2..c].iter().copied().eq(w.chars()) {
            c -= 2;
            break;
        }
    }
    Some(c)
}

/// Without a title line, the title all article titles share (`工会工作计划` from
/// `工会工作计划 篇1`, `… 篇2`).
fn common_title(arts: &[ArticleSpan]) -> String {
    let Some(first) = arts.first() else {
        return String::new();
    };
    let mut common: Vec<char> = first.title.chars().collect();
    for a in &arts[1..] {
        let n = common
            .iter()
            .zip(a.title.chars())
            .take_while(|(x, y)| **x == *y)
            .count();
        common.truncate(n);
    }
    let t: String = common.into_iter().collect();
    let t = t.trim_end_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || c == '篇' || c == '精' || c == '选'
    });
    if t.chars().count() >= 2 {
        t.to_string()
    } else {
        first.title.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_article_page() {
        let t = "八字桥乡工会2015年工作要点\n2015年是全面贯彻的第一年。\n一、紧紧围绕乡中心工作。\n正文。\n二、切实维护职工合法权益。\n";
        let p = analyze(t, t);
        assert_eq!(p.title, "八字桥乡工会2015年工作要点");
        assert_eq!(p.articles.len(), 1);
        let a = &p.articles[0];
        assert_eq!(a.span[0], 0);
        assert_eq!(a.span[1], t.trim_end().chars().count());
        assert_eq!(a.sections.len(), 2);
        assert_eq!(a.sections[1].title, "切实维护职工合法权益");
    }

    #[test]
    fn bundle_spans() {
        let t = "工会工作计划\n【精华】工会工作计划汇总六篇\n引言。\n工会工作计划 篇1\n一、甲。\n\n工会工作计划 篇2\n乙。\n  \n";
        let p = analyze(t, t);
        assert_eq!(p.title, "工会工作计划");
        assert_eq!(p.articles.len(), 2);
        let a = &p.articles[0];
        let chars: Vec<char> = t.chars().collect();
        let s: String = chars[a.span[0]..a.span[1]].iter().collect();
        assert_eq!(s, "工会工作计划 篇1\n一、甲。");
        let b = &p.articles[1];
        let s: String = chars[b.span[0]..b.span[1]].iter().collect();
        assert_eq!(s, "工会工作计划 篇2\n乙。");
        assert_eq!(a.sections.len(), 1);
    }

    #[test]
    fn title_decorations() {
        let t = "好好学习,天天向上,写范文网欢迎您!\n当前位置:首页 > 工作计划 > 正文\n工会年终工作总结及计划3篇(总工会工作总结及工作计划)\n正文。";
        assert_eq!(analyze(t, t).title, "工会年终工作总结及计划");
    }

    #[test]
    fn empty_and_blank_pages() {
        assert!(analyze("", "").articles.is_empty());
        assert!(analyze(" \n\n ", " \n\n ").articles.is_empty());
        let p = analyze("甲", "甲");
        assert_eq!(p.articles.len(), 1);
    }
}
