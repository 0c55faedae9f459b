//! Heading markers of Chinese documents (GB/T 9704-2012 and common practice) and their
//! nesting.
//!
//! A heading is a line that *starts* with a marker: `一、` `（一）` `一)` `1.` `1、` `（1）`
//! `1)` `①` `第一章` `第一节` `第一部分` `第一条` `第一，` `一是` or a month of a schedule
//! (`三月份`, `七——八月份`, `3月份:`). A number inside a sentence is never a heading.
//!
//! Levels are not a fixed table: the first marker style met in an article is level 1, a new
//! style met below a heading nests one level deeper, and a style already open closes every
//! deeper level (a stack, as a reader nests them). Ordinals must continue their sequence —
//! the next ordinal of an open style (gaps of up to two missing items tolerated), or 1 for a
//! style not yet open — so a stray `2、` that starts a sentence is not taken as a heading.

use super::text::{
    is_blank, is_cn_numeral_char, is_hanzi, is_trailing_punct, parse_ascii_number,
    parse_cn_numeral, Line, Page,
};
use crate::report::Section;

/// A numbering style. Two markers with the same style are siblings when they meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// 一、
    CnComma,
    /// 一. / 一．
    CnDot,
    /// `一　关于…` : a numeral and a space before a short heading line (older reports).
    CnSpace,
    /// （一）
    CnParen,
    /// 一）
    CnHalfParen,
    /// 1. / １．
    ArDot,
    /// 1、
    ArComma,
    /// （1） / ⑴
    ArParen,
    /// 1）
    ArHalfParen,
    /// ①
    Circled,
    /// 第一章
    DiZhang,
    /// 第一节
    DiJie,
    /// 第一部分
    DiBufen,
    /// 第一条
    DiTiao,
    /// 第一， / 第一、
    Di,
    /// 一是
    Shi,
    /// 三月份 / 3月份
    Month,
    /// An unnumbered part heading of a report (`“十四五”时期工作回顾`, `2026年重点工作`).
    Part,
}

/// A marker found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    pub style: Style,
    /// Ordinal the marker denotes (first month of a range).
    pub ordinal: u32,
    /// Last ordinal covered (differs from `ordinal` for `七——八月份`).
    pub last: u32,
    /// Chars of the marker, separator included.
    pub len: usize,
}

/// Parses a marker at `s[i..end]` (analysis view, width folded).
pub(crate) fn parse_marker(s: &[char], i: usize, end: usize) -> Option<Marker> {
    if i >= end {
        return None;
    }
    let s = &s[..end];
    let c = s[i];
    let at = |k: usize| s.get(k).copied();
    let mk = |style, ordinal, len| {
        Some(Marker {
            style,
            ordinal,
            last: ordinal,
            len,
        })
    };
    match c {
        '(' | '〔' | '[' | '【' => {
            let close = match c {
                '(' => ')',
                '〔' => '〕',
                '[' => ']',
                _ => '】',
            };
            if let Some((n, k)) = parse_cn_numeral(s, i + 1) {
                if at(i + 1 + k) == Some(close) {
                    return mk(Style::CnParen, n, k + 2);
                }
            } else if let Some((n, k)) = parse_ascii_number(s, i + 1) {
                if at(i + 1 + k) == Some(close) {
                    return mk(Style::ArParen, n, k + 2);
                }
            }
            None
        }
        '\u{2460}'..='\u{2473}' => mk(Style::Circled, c as u32 - 0x2460 + 1, 1),
        '\u{2776}'..='\u{277F}' => mk(Style::Circled, c as u32 - 0x2776 + 1, 1),
        '\u{2474}'..='\u{2487}' => mk(Style::ArParen, c as u32 - 0x2474 + 1, 1),
        '第' => parse_di(s, i),
        _ if c.is_ascii_digit() => {
            let (n, k) = parse_ascii_number(s, i)?;
            let j = i + k;
            match at(j)? {
                '.' if !at(j + 1).is_some_and(|d| d.is_ascii_digit()) => mk(Style::ArDot, n, k + 1),
                '、' => mk(Style::ArComma, n, k + 1),
                ')' => mk(Style::ArHalfParen, n, k + 1),
                '月' => parse_month(s, i, n, n, j),
                '-' | '—' | '~' | '～' | '至' => {
                    let mut q = j;
                    while at(q).is_some_and(|d| matches!(d, '-' | '—' | '~' | '～' | '至')) {
                        q += 1;
                    }
                    let (m, k2) = parse_ascii_number(s, q)?;
                    if at(q + k2) == Some('月') && m > n {
                        parse_month(s, i, n, m, q + k2)
                    } else {
                        None
                    }
                }
                _ => None,
            }
        }
        _ if is_cn_numeral_char(c) => {
            let (n, k) = parse_cn_numeral(s, i)?;
            let j = i + k;
            match at(j)? {
                '、' => mk(Style::CnComma, n, k + 1),
                '.' => mk(Style::CnDot, n, k + 1),
                ')' => mk(Style::CnHalfParen, n, k + 1),
                '是' if n <= 30 => mk(Style::Shi, n, k + 1),
                b if is_blank(b) => {
                    // Only a whole short line without a sentence end: `一 关于经济建设`.
                    let mut q = j;
                    while at(q).is_some_and(is_blank) {
                        q += 1;
                    }
                    let rest = &s[q.min(s.len())..];
                    let body = rest.iter().filter(|c| !is_blank(**c)).count();
                    let sentence = rest
                        .iter()
                        .any(|c| matches!(c, '。' | ',' | ';' | '!' | '?'));
                    if (2..=30).contains(&body)
                        && !sentence
                        && rest.first().is_some_and(|&c| is_hanzi(c))
                    {
                        mk(Style::CnSpace, n, q - i)
                    } else {
                        None
                    }
                }
                '月' => parse_month(s, i, n, n, j),
                '-' | '—' | '~' | '至' => {
                    let mut q = j;
                    while at(q).is_some_and(|d| matches!(d, '-' | '—' | '~' | '至')) {
                        q += 1;
                    }
                    let (m, k2) = parse_cn_numeral(s, q)?;
                    if at(q + k2) == Some('月') && m > n {
                        parse_month(s, i, n, m, q + k2)
                    } else {
                        None
                    }
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// `第` + numeral + (章|节|部分|条) or a separator.
fn parse_di(s: &[char], i: usize) -> Option<Marker> {
    let (n, k) = parse_cn_numeral(s, i + 1).or_else(|| parse_ascii_number(s, i + 1))?;
    let j = i + 1 + k;
    let at = |q: usize| s.get(q).copied();
    let mk = |style, len| {
        Some(Marker {
            style,
            ordinal: n,
            last: n,
            len,
        })
    };
    match at(j) {
        Some('章') => mk(Style::DiZhang, k + 2 + sep_len(s, j + 1)),
        Some('节') | Some('節') => mk(Style::DiJie, k + 2 + sep_len(s, j + 1)),
        Some('条') | Some('條') => mk(Style::DiTiao, k + 2 + sep_len(s, j + 1)),
        Some('部') if at(j + 1) == Some('分') => mk(Style::DiBufen, k + 3 + sep_len(s, j + 2)),
        Some(',') | Some('、') | Some(':') | Some('，') | Some('：') => mk(Style::Di, k + 2),
        _ => None,
    }
}

/// A separator (、 , : or spaces) right after `第一章` is part of the marker.
fn sep_len(s: &[char], j: usize) -> usize {
    match s.get(j) {
        Some('、') | Some(',') | Some(':') | Some('.') => 1,
        _ => 0,
    }
}

/// A month of a schedule: `三月份`, `三月:`, `3月份`, `七——八月份`. Only when the month stands
/// alone on its line or is followed by a separator, so `三月，召开…` stays a sentence.
fn parse_month(s: &[char], i: usize, first: u32, last: u32, yue: usize) -> Option<Marker> {
    if first == 0 || last > 12 {
        return None;
    }
    let mut j = yue + 1;
    if s.get(j) == Some(&'份') {
        j += 1;
    }
    let ok = match s.get(j) {
        None => true,
        Some(&c) => matches!(c, ':' | '、' | ' ' | '\t') || is_blank(c),
    };
    if !ok {
        return None;
    }
    if s.get(j).is_some_and(|&c| matches!(c, ':' | '、')) {
        j += 1;
    }
    Some(Marker {
        style: Style::Month,
        ordinal: first,
        last,
        len: j - i,
    })
}

/// Words that begin the paragraph's first sentence when a heading is fused to it
/// (`一、2013年工作回顾过去一年是…`). Matched on the analysis view (simplified).
const FUSED_CUES: &[&str] = &[
    "过去一年",
    "过去的一年",
    "过去五年",
    "过去的五年",
    "一年来",
    "五年来",
    "今年以来",
    "刚刚过去",
    "这一年",
    "这五年",
    "我们",
    "各位代表",
    "面对",
    "当前",
    "今年是",
    "明年是",
    "今后五年",
    "未来五年",
    "从现在起",
    "我国",
    "十八大以来",
    "十九大以来",
    "二十大以来",
];

/// Title range `[start, end)` of a heading whose text begins at `from` (marker skipped)
/// and whose line ends at `end`.
///
/// The title is the lead sentence (up to 。；：！？). A lead sentence longer than
/// [`LONG_TITLE`] chars is cut at its first comma, as readers quote such headings. When no
/// punctuation separates the heading from the paragraph (fused), the title ends where a
/// sentence-opening cue begins.
pub(crate) fn title_range(s: &[char], from: usize, end: usize) -> (usize, usize) {
    let mut a = from;
    while a < end && is_blank(s[a]) {
        a += 1;
    }
    let mut stop = end;
    let mut comma = None;
    // Punctuation inside a short quotation (`开展“精彩工会?尽在桂园”系列活动`) ends no
    // sentence: the quotation is skipped when it closes on the line.
    let mut quoted_until = a;
    for (q, &c) in s.iter().enumerate().take(end).skip(a) {
        if q < quoted_until {
            continue;
        }
        match c {
            '“' => {
                let hi = end.min(q + 1 + MAX_QUOTE);
                if let Some(k) = s[q + 1..hi].iter().position(|&d| d == '”') {
                    quoted_until = q + 1 + k;
                }
            }
            '。' | ';' | ':' | '!' | '?' => {
                stop = q;
                break;
            }
            ',' if comma.is_none() => comma = Some(q),
            ' ' | '\t' if q > a && inline_child(s, q, end).is_some() => {
                stop = q;
                break;
            }
            _ => {}
        }
    }
    let first_clause_end = comma.map_or(stop, |c| c.min(stop));
    if let Some(p) = fused_ending(s, a, first_clause_end) {
        return (a, trim_title_end(s, a, p));
    }
    if let Some(p) = fused_cue(s, a, first_clause_end) {
        return (a, trim_title_end(s, a, p));
    }
    if let Some(p) = fused_repeat(s, a, stop) {
        return (a, trim_title_end(s, a, p));
    }
    let mut e = stop;
    if e - a > LONG_TITLE {
        if let Some(c) = comma.filter(|&c| c < stop && c >= a + 4) {
            e = c;
        }
    }
    (a, trim_title_end(s, a, e))
}

/// Lead sentences longer than this are cut at their first comma.
const LONG_TITLE: usize = 30;

/// Longest quotation (chars) whose inner punctuation a title skips.
const MAX_QUOTE: usize = 20;

fn trim_title_end(s: &[char], a: usize, mut e: usize) -> usize {
    while e > a && is_trailing_punct(s[e - 1]) {
        e -= 1;
    }
    e
}

/// Position of a sentence-opening cue inside the first clause `[a, clause_end)`, when the
/// clause is long enough to be a heading fused with its paragraph.
fn fused_cue(s: &[char], a: usize, clause_end: usize) -> Option<usize> {
    if clause_end < a + 12 {
        return None;
    }
    let hi = clause_end.min(a + 40);
    for p in a + 4..hi {
        for cue in FUSED_CUES {
            if starts_with(s, p, cue) && p + cue.chars().count() <= clause_end {
                return Some(p);
            }
        }
        // "2013年是…" opens a sentence too.
        if p + 5 < clause_end
            && s[p..p + 4].iter().all(|c| c.is_ascii_digit())
            && s[p + 4] == '年'
            && s[p + 5] == '是'
            && p > a + 4
        {
            return Some(p);
        }
    }
    None
}

/// Words that end the part headings of work reports (`2025年工作回顾`,
/// `…总体要求和政策取向`, `2026年政府工作任务`).
const HEADING_ENDINGS: &[&str] = &[
    "工作回顾",
    "政策取向",
    "政府工作任务",
    "重点工作",
    "目标任务",
    "主要任务",
    "重点任务",
    "工作安排",
    "总体要求",
    "工作建议",
    "主要考虑",
    "发展成就",
    "主要成就",
];

/// End of a report part heading fused to its paragraph: just after a heading ending that
/// is followed by more text of the same clause.
fn fused_ending(s: &[char], a: usize, clause_end: usize) -> Option<usize> {
    if clause_end < a + 8 {
        return None;
    }
    let hi = clause_end.min(a + 40);
    for p in a + 2..hi {
        for w in HEADING_ENDINGS {
            let n = w.chars().count();
            if starts_with(s, p, w) && p + n + 4 <= clause_end {
                // `重点工作` inside `做好重点工作的…` is no ending: it must not be followed by 的.
                if s.get(p + n) == Some(&'的') {
                    continue;
                }
                // `总体要求和政策取向`: two endings joined by 和/与/及 make one heading.
                let mut e = p + n;
                if matches!(s.get(e), Some('和' | '与' | '及')) {
                    let more = (e + 1..(e + 9).min(clause_end)).find_map(|q| {
                        HEADING_ENDINGS
                            .iter()
                            .find(|w2| starts_with(s, q, w2))
                            .map(|w2| q + w2.chars().count())
                    });
                    if let Some(m2) = more.filter(|&m2| m2 <= clause_end) {
                        e = m2;
                    }
                }
                return Some(e);
            }
        }
    }
    None
}

/// Verbs that open the first sentence of a paragraph restating its heading.
const OPENING_VERBS: &[&str] = &[
    "推进", "坚持", "推动", "实现", "加快", "深化", "实施", "建设", "发展", "加强", "坚定", "做好",
    "开辟", "把握", "构建", "促进",
];

/// End of a heading fused to a paragraph that restates it: the paragraph opens with the
/// heading's own first words (`经济体制改革问题经济体制改革是…`) or with the words that close
/// it (`…着力推动高质量发展高质量发展是…`). Only inside the first sentence `[a, stop)`.
///
/// A heading that lost its line break had no punctuation of its own at its end, and headings
/// have at most two clauses (`坚持全面依法治国，推进法治中国建设全面依法治国是…`). So a
/// repeat right after a comma, or in the third clause or later, is a word used twice inside
/// one long lead sentence (`…认真履行经审会的职责，发挥经审会组织的职能作用。`), not the
/// start of the paragraph: the lead sentence stays whole.
fn fused_repeat(s: &[char], a: usize, stop: usize) -> Option<usize> {
    const HEAD: usize = 4;
    let hi = stop.min(a + 48);
    let word = |c: char| is_hanzi(c) || c.is_ascii_digit();
    let mut commas = s[a..(a + HEAD).min(stop)]
        .iter()
        .filter(|&&c| c == ',')
        .count();
    for p in a + HEAD..hi {
        if p > a + HEAD && s[p - 1] == ',' {
            commas += 1;
        }
        if commas > 1 {
            return None;
        }
        if matches!(s[p - 1], ',' | '、') {
            continue;
        }
        if p + HEAD <= stop && (0..HEAD).all(|k| s[p + k] == s[a + k] && word(s[a + k])) {
            return Some(p);
        }
        // `…新境界推进马克思主义中国化…`: the paragraph restates six chars of the heading,
        // possibly after a verb that opens its sentence.
        let run = p..p + 6;
        if run.end <= stop
            && s[run.clone()].iter().all(|&c| is_hanzi(c))
            && s[a..p].windows(6).any(|w| w == &s[run.clone()])
        {
            let verb = p >= a + 6 && OPENING_VERBS.iter().any(|v| starts_with(s, p - 2, v));
            return Some(if verb { p - 2 } else { p });
        }
        for m in 3..=6 {
            if p >= a + m + 2
                && p + m <= stop
                && (0..m).all(|k| s[p - m + k] == s[p + k] && word(s[p + k]))
            {
                return Some(p);
            }
        }
    }
    None
}

pub(crate) fn starts_with(s: &[char], p: usize, w: &str) -> bool {
    w.chars().enumerate().all(|(k, c)| s.get(p + k) == Some(&c))
}

/// Styles of parts and chapters (as opposed to the items of a list).
fn is_part_style(st: Style) -> bool {
    matches!(
        st,
        Style::CnComma
            | Style::CnSpace
            | Style::CnParen
            | Style::DiZhang
            | Style::DiJie
            | Style::DiBufen
            | Style::Di
            | Style::Part
    )
}

/// An open level of the nesting stack.
struct Frame {
    style: Style,
    last: u32,
}

/// Largest forward jump in a sequence still taken as the next item (missing items happen
/// on scraped pages).
const MAX_GAP: u32 = 3;

/// Finds the headings of the lines `lines` (an article's body).
pub(crate) fn find_sections(page: &Page, lines: &[Line]) -> Vec<Section> {
    let s = &page.norm;
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let Some(m) = parse_marker(s, line.body, line.end) else {
            if stack.first().is_none_or(|f| f.style == Style::Part)
                && is_part_heading(s, line)
                && ends_sentence(s, lines[..li].iter().rev().find(|l| !l.is_blank()))
                && opens_part(s, lines[li + 1..].iter().find(|l| !l.is_blank()))
            {
                // A part heading sits above every numbered list of its part; parts follow
                // one another, numbered by their order.
                let ordinal = match stack.first() {
                    Some(f) => f.last + 1,
                    None => 1,
                };
                stack.clear();
                stack.push(Frame {
                    style: Style::Part,
                    last: ordinal,
                });
                let e = trim_title_end(s, line.body, line.end);
                out.push(Section {
                    level: 1,
                    marker: String::new(),
                    ordinal,
                    title: page.quote(line.body, e),
                    offset: line.body,
                    kind: None,
                });
                continue;
            }
            if is_appendix_heading(s, line) {
                // `附件2` / `名词解释`: a new part after the body; its lists nest afresh.
                stack.clear();
            } else if is_bare_subheading(s, line) && next_has_marker(s, &lines[li + 1..]) {
                // `下步工作打算:` / `具体时间安排`: an unnumbered part heading closes the
                // item lists open below the outermost level.
                stack.truncate(1);
            }
            continue;
        };
        let title_from = line.body + m.len;
        if m.style != Style::Month && !has_text(s, title_from, line.end) {
            continue;
        }
        let Some(level) = place(&mut stack, &m) else {
            continue;
        };
        let (ta, te) = title_range(s, title_from, line.end);
        let title = if te > ta {
            page.quote(ta, te)
        } else {
            page.quote(line.body, line.body + m.len)
                .trim_end_matches([':', '：', '、'])
                .to_string()
        };
        let marker = page
            .quote(line.body, line.body + m.len)
            .trim_end()
            .to_string();
        out.push(Section {
            level: level.min(u8::MAX as usize) as u8,
            marker,
            ordinal: m.ordinal,
            title,
            offset: line.body,
            kind: None,
        });
        // A first sub-item run into the heading's line after a space
        // (`二、认真履行…合法权益 1、推进企业…`).
        if let Some(q) = inline_child(s, te, line.end) {
            if let Some(cm) = parse_marker(s, q, line.end) {
                if let Some(level) = place(&mut stack, &cm) {
                    let (ta, te) = title_range(s, q + cm.len, line.end);
                    out.push(Section {
                        level: level.min(u8::MAX as usize) as u8,
                        marker: page.quote(q, q + cm.len).trim_end().to_string(),
                        ordinal: cm.ordinal,
                        title: page.quote(ta, te),
                        offset: q,
                        kind: None,
                    });
                }
            }
        }
    }
    out
}

/// Offset of a first-item marker (ordinal 1) that follows a blank right after a heading's
/// title on the same line.
fn inline_child(s: &[char], title_end: usize, end: usize) -> Option<usize> {
    let mut q = title_end;
    let mut blanks = 0;
    while q < end && (is_blank(s[q]) || matches!(s[q], ',' | '。' | ';')) {
        blanks += usize::from(is_blank(s[q]));
        q += 1;
    }
    if blanks == 0 || q >= end {
        return None;
    }
    let m = parse_marker(s, q, end)?;
    (m.ordinal == 1
        && matches!(
            m.style,
            Style::ArComma | Style::ArDot | Style::CnParen | Style::ArParen
        ))
    .then_some(q)
}

/// Words of an unnumbered part heading inside a document.
const PART_WORDS: &[&str] = &[
    "打算",
    "安排",
    "计划",
    "思路",
    "措施",
    "要点",
    "工作重点",
    "主要工作",
    "下步",
    "下一步",
];

/// A short unnumbered line that introduces a part (`下步重点工作打算`, `具体时间安排`,
/// `下半年的工作打算:`).
fn is_bare_subheading(s: &[char], line: &Line) -> bool {
    let n = line.end - line.body;
    if !(4..=20).contains(&n) {
        return false;
    }
    let t = &s[line.body..line.end];
    if t[..n - 1]
        .iter()
        .any(|&c| matches!(c, '。' | ',' | ';' | ':' | '!' | '?'))
    {
        return false;
    }
    PART_WORDS
        .iter()
        .any(|w| (0..n).any(|p| starts_with(t, p, w)))
}

/// A short standalone line naming a part of a report by its period and its subject
/// (`“十四五”时期工作回顾`, `2025年工作安排`, `二〇二五年主要任务`,
/// `“十五五”时期主要目标和2026年重点工作`): it opens with a period and ends with a part
/// heading ending. Titles of whole documents (`2026年政府工作报告`), captions, dates,
/// signatures and list items end otherwise; the neighbours are checked by the caller.
///
/// Such lines only count while the article has no numbered level-1 heading before them
/// (the caller's stack), so a line inside a numbered document never reshapes it.
fn is_part_heading(s: &[char], line: &Line) -> bool {
    let mut end = line.end;
    while end > line.body && is_blank(s[end - 1]) {
        end -= 1;
    }
    let t = &s[line.body..end];
    if !(6..=30).contains(&t.len()) {
        return false;
    }
    let ends = HEADING_ENDINGS.iter().any(|w| {
        let n = w.chars().count();
        n + 2 <= t.len() && starts_with(t, t.len() - n, w)
    });
    if !ends {
        return false;
    }
    let plain = t
        .iter()
        .all(|&c| is_hanzi(c) || c.is_ascii_digit() || matches!(c, '〇' | '“' | '”' | '"' | '、'));
    plain && period_len(t).is_some_and(|n| n + 2 <= t.len())
}

/// Length of the period that opens a part heading: `2025年`, `二〇二五年`,
/// `“十四五”时期`, `今年`, `过去五年`… (after an optional `关于`).
fn period_len(t: &[char]) -> Option<usize> {
    let from = if starts_with(t, 0, "关于") { 2 } else { 0 };
    let at = |k: usize| t.get(from + k).copied();
    // 2025年 / 二〇二五年
    let digit = |c: char| c.is_ascii_digit() || matches!(c, '〇' | '零') || is_cn_numeral_char(c);
    if (0..4).all(|k| at(k).is_some_and(digit)) && at(4) == Some('年') {
        return Some(from + 5);
    }
    // “十四五”时期 / 十四五时期
    let q = usize::from(matches!(at(0), Some('“' | '"')));
    if at(q) == Some('十') && at(q + 1).is_some_and(is_cn_numeral_char) && at(q + 2) == Some('五')
    {
        let mut k = q + 3;
        if matches!(at(k), Some('”' | '"')) {
            k += 1;
        }
        if starts_with(t, from + k, "时期") {
            k += 2;
        }
        return Some(from + k);
    }
    [
        "今年",
        "明年",
        "过去一年",
        "过去五年",
        "今后五年",
        "未来五年",
    ]
    .iter()
    .find(|w| starts_with(t, from, w))
    .map(|w| from + w.chars().count())
}

/// The line before a part heading ends a sentence or is a numbered heading (a fragment of
/// a broken line or a title block above the text is neither).
fn ends_sentence(s: &[char], prev: Option<&Line>) -> bool {
    prev.is_some_and(|l| {
        s[l.body..l.end]
            .iter()
            .rev()
            .find(|&&c| !is_blank(c))
            .is_some_and(|&c| matches!(c, '。' | '!' | '?' | ':' | '”' | '…'))
            || parse_marker(s, l.body, l.end).is_some()
    })
}

/// The line after a part heading opens its text: a sentence or a numbered heading, not the
/// rest of a broken line (`是:…`).
fn opens_part(s: &[char], next: Option<&Line>) -> bool {
    next.is_some_and(|l| {
        let t = &s[l.body..l.end];
        let prose = t.len() >= 8 && t.iter().any(|&c| matches!(c, '。' | ','));
        let first = t.first().copied().unwrap_or(' ');
        (prose || parse_marker(s, l.body, l.end).is_some())
            && (is_hanzi(first) || first.is_ascii_digit() || matches!(first, '“' | '"' | '('))
            && !starts_with(t, 0, "是")
    })
}

/// `附件`, `附件2`, `附录`, `名词解释`, `注释` alone on a line.
fn is_appendix_heading(s: &[char], line: &Line) -> bool {
    let n = line.end - line.body;
    if !(2..=8).contains(&n) {
        return false;
    }
    let t = &s[line.body..line.end];
    ["附件", "附录", "名词解释", "注释", "名词注释"]
        .iter()
        .any(|w| starts_with(t, 0, w))
        && t.iter()
            .skip(2)
            .all(|&c| c.is_ascii_digit() || is_hanzi(c) || is_blank(c) || matches!(c, ':' | '：'))
}

fn next_has_marker(s: &[char], rest: &[Line]) -> bool {
    rest.iter()
        .find(|l| !l.is_blank())
        .is_some_and(|l| parse_marker(s, l.body, l.end).is_some())
}

/// A heading needs some words after its marker (a hanzi or letter), so `1.` alone or
/// `一、。` is not one.
fn has_text(s: &[char], from: usize, end: usize) -> bool {
    s[from.min(end)..end]
        .iter()
        .any(|&c| is_hanzi(c) || c.is_alphanumeric())
}

/// Places a marker on the nesting stack; returns its level (1-based) or `None` when the
/// ordinal breaks every open sequence (a false marker).
fn place(stack: &mut Vec<Frame>, m: &Marker) -> Option<usize> {
    let gap = if m.style == Style::Month { 12 } else { MAX_GAP };
    if let Some(i) = stack.iter().rposition(|f| f.style == m.style) {
        let last = stack[i].last;
        if m.ordinal > last && m.ordinal <= last + gap {
            stack.truncate(i + 1);
            stack[i].last = m.last;
            return Some(i + 1);
        }
        if m.ordinal == 1 && last >= 2 {
            if i == 0 && i + 1 == stack.len() {
                // The outermost sequence restarts right under its last heading
                // (`八、明年工作安排` followed by `一、…`): a list nested in that heading.
                stack.push(Frame {
                    style: m.style,
                    last: m.last,
                });
                return Some(stack.len());
            }
            // A new enumeration under the same parent.
            stack.truncate(i + 1);
            stack[i].last = m.last;
            return Some(i + 1);
        }
        return None;
    }
    let starts = m.ordinal == 1 || m.style == Style::Month;
    if !starts {
        return None;
    }
    if m.style == Style::Month {
        // A schedule is never a sub-item of a numbered item: close the item lists.
        while stack.len() > 1 && !is_part_style(stack[stack.len() - 1].style) {
            stack.pop();
        }
    }
    stack.push(Frame {
        style: m.style,
        last: m.last,
    });
    Some(stack.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(s: &str) -> Option<(Style, u32, usize)> {
        let v: Vec<char> = s.chars().map(super::super::text::fold_width).collect();
        parse_marker(&v, 0, v.len()).map(|m| (m.style, m.ordinal, m.len))
    }

    fn title(s: &str) -> String {
        let v: Vec<char> = s.chars().map(super::super::text::fold_width).collect();
        let m = parse_marker(&v, 0, v.len()).expect("marker");
        let (a, e) = title_range(&v, m.len, v.len());
        v[a..e].iter().collect()
    }

    #[test]
    fn numeral_and_space_heads_a_short_line_only() {
        assert_eq!(
            marker("一　关于一九五六年的工作"),
            Some((Style::CnSpace, 1, 2))
        );
        assert_eq!(
            marker("三 关于国家机关的工作"),
            Some((Style::CnSpace, 3, 2))
        );
        // A sentence is no heading, nor is a numeral before a figure.
        assert_eq!(marker("一 年来，我们做了大量工作。"), None);
        assert_eq!(marker("三 5家企业"), None);
    }

    #[test]
    fn fused_titles_end_where_the_paragraph_restates_them() {
        assert_eq!(
            title("二、经济体制改革问题经济体制改革是一项全面而深刻的变革。"),
            "经济体制改革问题"
        );
        assert_eq!(
            title("二、开辟马克思主义中国化时代化新境界推进马克思主义中国化时代化是一个过程。"),
            "开辟马克思主义中国化时代化新境界"
        );
        assert_eq!(
            title("二、2025年经济社会发展总体要求和政策取向今年是“十四五”规划收官之年。"),
            "2025年经济社会发展总体要求和政策取向"
        );
        // A word used twice inside one long lead sentence is no restatement: the lead
        // sentence stays whole (then cut at its first comma, being long).
        assert_eq!(
            title("四、在建立健全工会经审会组织的同时，要名符其实，认真履行经审会的职责，发挥经审会组织的职能作用。不能光挂名"),
            "在建立健全工会经审会组织的同时"
        );
        assert_eq!(
            title("（二）认真履行经审会的职责，发挥经审会组织的作用。不能光挂名"),
            "认真履行经审会的职责,发挥经审会组织的作用"
        );
        assert_eq!(
            title("四、紧紧围绕中心工作，积极开展优质、满意服务以医院为中心，积极开展优质服务，努力改善服务态度。"),
            "紧紧围绕中心工作"
        );
        assert_eq!(
            title("二、继续开展“精彩工会?尽在桂园”系列活动。包括户外拓展"),
            "继续开展“精彩工会?尽在桂园”系列活动"
        );
        // An unclosed quotation skips nothing.
        assert_eq!(
            title("二、开展“精彩工会。尽在桂园系列活动"),
            "开展“精彩工会"
        );
        // No restatement: the heading is kept whole.
        assert_eq!(title("（二）农业生产的跃进。"), "农业生产的跃进");
    }

    #[test]
    fn marker_styles() {
        assert_eq!(marker("一、指导思想"), Some((Style::CnComma, 1, 2)));
        assert_eq!(marker("十二、其他"), Some((Style::CnComma, 12, 3)));
        assert_eq!(marker("（三）加强"), Some((Style::CnParen, 3, 3)));
        assert_eq!(marker("(三)加强"), Some((Style::CnParen, 3, 3)));
        assert_eq!(marker("三）加强"), Some((Style::CnHalfParen, 3, 2)));
        assert_eq!(marker("1.健全"), Some((Style::ArDot, 1, 2)));
        assert_eq!(marker("１．健全"), Some((Style::ArDot, 1, 2)));
        assert_eq!(marker("12、健全"), Some((Style::ArComma, 12, 3)));
        assert_eq!(marker("（2）健全"), Some((Style::ArParen, 2, 3)));
        assert_eq!(marker("⑵健全"), Some((Style::ArParen, 2, 1)));
        assert_eq!(marker("2)健全"), Some((Style::ArHalfParen, 2, 2)));
        assert_eq!(marker("③健全"), Some((Style::Circled, 3, 1)));
        assert_eq!(marker("第二章 总则"), Some((Style::DiZhang, 2, 3)));
        assert_eq!(marker("第三节、要求"), Some((Style::DiJie, 3, 4)));
        assert_eq!(marker("第一部分 回顾"), Some((Style::DiBufen, 1, 4)));
        assert_eq!(marker("第四条 会员"), Some((Style::DiTiao, 4, 3)));
        assert_eq!(marker("第二，坚持"), Some((Style::Di, 2, 3)));
        assert_eq!(marker("二是完善困难职工"), Some((Style::Shi, 2, 2)));
        assert_eq!(marker("三月份"), Some((Style::Month, 3, 3)));
        assert_eq!(marker("十一月份"), Some((Style::Month, 11, 4)));
        assert_eq!(marker("3月份:开展"), Some((Style::Month, 3, 4)));
        let r = {
            let v: Vec<char> = "七——八月份".chars().collect();
            parse_marker(&v, 0, v.len())
        };
        assert_eq!(r.map(|m| (m.ordinal, m.last, m.len)), Some((7, 8, 6)));
    }

    #[test]
    fn sentences_are_not_markers() {
        assert_eq!(marker("三月，召开全镇大会"), None);
        assert_eq!(marker("1.5万元用于"), None);
        assert_eq!(marker("2015年是全面贯彻"), None);
        assert_eq!(marker("一年来，我们"), None);
        assert_eq!(marker("第一次会议"), None);
        assert_eq!(marker("十三月份"), None);
    }

    #[test]
    fn titles() {
        assert_eq!(title("（一）着力稳增长。坚持扩大内需"), "着力稳增长");
        assert_eq!(title("一、指导思想："), "指导思想");
        assert_eq!(title("二、主要工作"), "主要工作");
        assert_eq!(
            title("一是首都功能持续优化提升。圆满完成"),
            "首都功能持续优化提升"
        );
        assert_eq!(
            title("（一）更好统筹质的有效提升和量的合理增长，经济实力显著增强。全面落实"),
            "更好统筹质的有效提升和量的合理增长,经济实力显著增强"
        );
        assert_eq!(
            title("一、推进人民桥、新围、桂木园等3个社区工联会建设，将社区工联会打造成基层工会组织中心枢纽。做实"),
            "推进人民桥、新围、桂木园等3个社区工联会建设"
        );
    }

    #[test]
    fn fused_titles() {
        assert_eq!(
            title("一、2013年工作回顾过去一年是极不平凡的一年，我们"),
            "2013年工作回顾"
        );
        assert_eq!(
            title("二、2014年工作总体要求今年是全面深化改革的第一年"),
            "2014年工作总体要求"
        );
        assert_eq!(title("一、2024年工作回顧过去一年，我们"), "2024年工作回顧");
        assert_eq!(
            title("一、“十四五”时期和2025年工作回顾“十四五”时期是江苏发展历程中极不平凡的五年。"),
            "“十四五”时期和2025年工作回顾"
        );
        assert_eq!(
            title("三、2026年政府工作任务今年是十五五开局之年，"),
            "2026年政府工作任务"
        );
        // A cue at the very start belongs to the title.
        assert_eq!(title("三、我们的工作"), "我们的工作");
    }

    fn levels(text: &str) -> Vec<(u8, u32, String)> {
        let page = Page::new(text, text);
        find_sections(&page, &page.lines)
            .into_iter()
            .map(|s| (s.level, s.ordinal, s.title))
            .collect()
    }

    #[test]
    fn nesting_by_order_of_appearance() {
        let t = "一、甲\n（一）子一\n1.孙\n2.孙二\n（二）子二\n二、乙\n（一）再子\n";
        let l = levels(t);
        let lv: Vec<u8> = l.iter().map(|x| x.0).collect();
        assert_eq!(lv, vec![1, 2, 3, 3, 2, 1, 2]);
        // Another document may start with (一): it is then level 1.
        let l = levels("（一）甲\n一是乙\n二是丙\n（二）丁\n");
        assert_eq!(l.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 2, 2, 1]);
    }

    #[test]
    fn broken_sequences_are_rejected() {
        // "3、" starting a sentence with no 1、/2、 before it is no heading.
        let l = levels("一、甲\n3、组织开展了活动\n二、乙\n");
        assert_eq!(l.len(), 2);
        // Duplicated ordinal is no heading.
        let l = levels("一、甲\n二、乙\n二、乙\n三、丙\n");
        assert_eq!(l.iter().map(|x| x.1).collect::<Vec<_>>(), vec![1, 2, 3]);
    }

    #[test]
    fn restart_of_outer_list_nests() {
        let l = levels("一、甲\n二、明年工作安排\n一、学习\n二、培训\n");
        assert_eq!(l.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 1, 2, 2]);
        let l = levels("一、甲\n一是子\n二是子\n正文\n一是另\n二、乙\n");
        assert_eq!(
            l.iter().map(|x| x.0).collect::<Vec<_>>(),
            vec![1, 2, 2, 2, 1]
        );
    }

    #[test]
    fn inline_first_item_and_bare_part_heading() {
        let l = levels("一、甲\n二、认真履行职能 1、推进企业建立制度。\n2、做好维权。\n三、丙\n1、子\n2、子\n下步重点工作打算\n一)继续抓好组建。\n二)做好规范。\n");
        let v: Vec<(u8, u32)> = l.iter().map(|x| (x.0, x.1)).collect();
        assert_eq!(
            v,
            vec![
                (1, 1),
                (1, 2),
                (2, 1),
                (2, 2),
                (1, 3),
                (2, 1),
                (2, 2),
                (2, 1),
                (2, 2)
            ]
        );
        assert_eq!(l[1].2, "认真履行职能");
        assert_eq!(l[2].2, "推进企业建立制度");
    }

    #[test]
    fn unnumbered_part_headings() {
        let t = "2026年甘肃省政府工作报告\n各位代表：\n我代表省人民政府，向大会报告工作。\n“十四五”时期工作回顾\n“十四五”时期是极不平凡的五年。\n一是经济增长。\n二是民生改善。\n2026年重点工作\n今年是开局之年。\n（一）放大促消费扩投资政策效应\n（二）加快建设现代化产业体系\n二〇二七年主要任务\n（一）甲\n";
        let l = levels(t);
        let v: Vec<(u8, u32, &str)> = l.iter().map(|x| (x.0, x.1, x.2.as_str())).collect();
        assert_eq!(
            v,
            vec![
                (1, 1, "“十四五”时期工作回顾"),
                (2, 1, "经济增长"),
                (2, 2, "民生改善"),
                (1, 2, "2026年重点工作"),
                (2, 1, "放大促消费扩投资政策效应"),
                (2, 2, "加快建设现代化产业体系"),
                (1, 3, "二〇二七年主要任务"),
                (2, 1, "甲"),
            ]
        );
    }

    #[test]
    fn short_lines_that_are_no_part_headings() {
        // Document title, date, signature, caption, list item, a fragment of a broken line.
        for t in [
            "2026年政府工作报告\n2026年重点工作\n今年是开局之年。\n",
            "前言。\n2026年1月27日\n今年是开局之年。\n",
            "前言。\n2026年政府工作报告\n今年是开局之年。\n",
            "前言。\n2026年自治区民生实事\n通过以工代赈发放劳务报酬20亿元。\n",
            "前言。\n省长 王某\n今年是开局之年，我们。\n",
            "前言。\n图为2026年重点工作\n今年是开局之年。\n",
            "“十五五”时期经济社会发展的\n2026年重点工作\n是：地区生产总值增长5%。\n",
            "前言。\n2026年重点工作\n是：地区生产总值增长5%，其他。\n",
        ] {
            assert!(levels(t).is_empty(), "{t}");
        }
        // Inside a numbered document the line reshapes nothing.
        let l = levels("一、甲\n正文。\n2026年重点工作\n今年是开局之年。\n二、乙\n");
        assert_eq!(l.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 1]);
    }

    #[test]
    fn month_schedule() {
        let l =
            levels("一、具体安排\n三月份\n1.开学\n四月份\n1.青蓝\n七——八月份\n1.暑假\n九月份\n");
        let v: Vec<(u8, u32)> = l.iter().map(|x| (x.0, x.1)).collect();
        assert_eq!(
            v,
            vec![
                (1, 1),
                (2, 3),
                (3, 1),
                (2, 4),
                (3, 1),
                (2, 7),
                (3, 1),
                (2, 9)
            ]
        );
        assert_eq!(l[1].2, "三月份");
    }
}
