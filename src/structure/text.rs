//! Char-indexed view of a page: lines, numerals and the small character classes the
//! heading and article scanners share.

/// One line of the page, char offsets `[start, end)` without the line break, plus the offset
/// of its first non-blank char (`body`, == `end` for a blank line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub start: usize,
    pub body: usize,
    pub end: usize,
}

impl Line {
    /// True when the line holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.body >= self.end
    }
}

/// The page as two char arrays of equal length: `cleaned` (original script, quoted in the
/// output) and `norm` (the analysis view; markers and cues are matched on it).
pub(crate) struct Page {
    pub cleaned: Vec<char>,
    pub norm: Vec<char>,
    pub lines: Vec<Line>,
}

impl Page {
    /// Builds the page. If `analysis` is not char-aligned with `cleaned` (a contract breach
    /// upstream), the view is rebuilt from `cleaned` with the width folding only, so offsets
    /// stay right even though traditional-script cues then match less.
    pub fn new(cleaned: &str, analysis: &str) -> Page {
        let cleaned: Vec<char> = cleaned.chars().collect();
        let mut norm: Vec<char> = analysis.chars().map(fold_width).collect();
        if norm.len() != cleaned.len() {
            norm = cleaned.iter().copied().map(fold_width).collect();
        }
        let lines = split_lines(&norm);
        Page {
            cleaned,
            norm,
            lines,
        }
    }

    /// Cleaned text of `[start, end)`.
    pub fn quote(&self, start: usize, end: usize) -> String {
        let end = end.min(self.cleaned.len());
        if start >= end {
            return String::new();
        }
        self.cleaned[start..end].iter().collect()
    }

    /// Last non-blank char offset + 1 at or before `end`, not before `start`.
    pub fn trim_end(&self, start: usize, end: usize) -> usize {
        let mut e = end.min(self.norm.len());
        while e > start && is_blank(self.norm[e - 1]) {
            e -= 1;
        }
        e
    }
}

fn split_lines(norm: &[char]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &c) in norm.iter().enumerate() {
        if c == '\n' {
            lines.push(make_line(norm, start, i));
            start = i + 1;
        }
    }
    if start <= norm.len() {
        lines.push(make_line(norm, start, norm.len()));
    }
    lines
}

fn make_line(norm: &[char], start: usize, mut end: usize) -> Line {
    if end > start && norm[end - 1] == '\r' {
        end -= 1;
    }
    let mut body = start;
    while body < end && is_blank(norm[body]) {
        body += 1;
    }
    let mut e = end;
    while e > body && is_blank(norm[e - 1]) {
        e -= 1;
    }
    Line {
        start,
        body,
        end: e,
    }
}

/// Full-width ASCII → half-width, ideographic space → space. The analysis view already does
/// this; repeating it is free and keeps the scanners right on a raw view.
pub(crate) fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => c,
    }
}

/// White space inside a line (line breaks are handled by the line splitter).
pub(crate) fn is_blank(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\n' | '\u{3000}' | '\u{00A0}' | '\u{200B}' | '\u{FEFF}'
    )
}

/// Value of one Chinese numeral char (simplified or traditional forms the analysis view may
/// leave), or `None`.
fn cn_digit(c: char) -> Option<u32> {
    // One table of Chinese digits (also 壹贰, 兩, 〇) for the whole crate.
    crate::figures::numerals::chinese_digit(c)
}

/// True for chars that can appear in a Chinese cardinal numeral.
pub(crate) fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || matches!(c, '十' | '拾' | '百' | '佰')
}

/// Parses a Chinese numeral starting at `s[i]` (一, 十二, 二十三, 一百零五, 〇 forms),
/// returning (value, chars used). At most 6 chars are read, enough for any ordinal.
pub(crate) fn parse_cn_numeral(s: &[char], i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    while j < s.len() && j - i < 6 {
        let c = s[j];
        if let Some(d) = cn_digit(c) {
            if matches!(digit, Some(x) if x != 0) {
                // "一二" is not a numeral; stop before the second digit.
                break;
            }
            digit = Some(d);
        } else if matches!(c, '十' | '拾') {
            total += digit.take().map_or(10, |d| d.max(1) * 10);
        } else if matches!(c, '百' | '佰') {
            total += digit.take()? * 100;
        } else {
            break;
        }
        j += 1;
    }
    if j == i {
        return None;
    }
    total += digit.unwrap_or(0);
    if total == 0 {
        return None;
    }
    Some((total, j - i))
}

/// Parses 1–3 ASCII digits at `s[i]`, returning (value, chars used).
pub(crate) fn parse_ascii_number(s: &[char], i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut v = 0u32;
    while j < s.len() && s[j].is_ascii_digit() {
        if j - i >= 3 {
            return None;
        }
        v = v * 10 + (s[j] as u32 - '0' as u32);
        j += 1;
    }
    if j == i {
        None
    } else {
        Some((v, j - i))
    }
}

/// True for a CJK ideograph.
pub(crate) fn is_hanzi(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Punctuation that may end a heading title and is trimmed from it.
pub(crate) fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ':'
            | ';'
            | '!'
            | '?'
            | '。'
            | '、'
            | '，'
            | '：'
            | '；'
            | '！'
            | '？'
            | '…'
            | '—'
            | '-'
    ) || is_blank(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> Option<(u32, usize)> {
        let v: Vec<char> = s.chars().collect();
        parse_cn_numeral(&v, 0)
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn("一、"), Some((1, 1)));
        assert_eq!(cn("十、"), Some((10, 1)));
        assert_eq!(cn("十二、"), Some((12, 2)));
        assert_eq!(cn("二十、"), Some((20, 2)));
        assert_eq!(cn("二十三"), Some((23, 3)));
        assert_eq!(cn("一百零五"), Some((105, 4)));
        assert_eq!(cn("一二"), Some((1, 1)));
        assert_eq!(cn("是"), None);
        assert_eq!(cn("〇"), None);
    }

    #[test]
    fn lines_and_width() {
        let p = Page::new("  一、標題\r\n\n（二）ｘ", "  一、标题\r\n\n（二）ｘ");
        assert_eq!(p.lines.len(), 3);
        assert_eq!(p.lines[0].body, 2);
        assert!(p.lines[1].is_blank());
        assert_eq!(p.norm[p.lines[2].body], '(');
        assert_eq!(p.quote(2, 6), "一、標題");
    }

    #[test]
    fn misaligned_analysis_falls_back() {
        let p = Page::new("一、標題", "一、标");
        assert_eq!(p.norm.len(), p.cleaned.len());
    }
}
