//! Template-site artefacts inside lines: pinyin notes after hanzi (經(jīng) → 經), anti-copy marks
//! between hanzi (的`業 → 的業), zero-width characters; and sub/superscripts that a scraper put
//! on a line of their own (M / 2 → M2).

/// Whether `c` is a CJK ideograph (the BMP blocks and extension B+).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF)
}

/// Zero-width characters and stray control characters (never content in a text line).
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || (c.is_control() && c != '\t')
}

const TONE_VOWELS: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

fn is_tone_vowel(c: char) -> bool {
    TONE_VOWELS.contains(c)
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || c == 'ü' || c == 'ê' || is_tone_vowel(c)
}

/// Length in chars of a pinyin note starting at `chars[0]` (an opening parenthesis), or 0.
/// A note is tone-marked pinyin only: "(jīng)", "（qū）", "(zhí xíng)". Plain letters are not
/// enough, as "(de)" or "(a)" may be real text. A `?` or U+FFFD among the letters counts as a
/// tone vowel: it is what an encoder without the vowel (Big5, GBK) leaves of it — "(li?n)".
fn pinyin_note_len(chars: &[char]) -> usize {
    let close = match chars.first() {
        Some('(') => ')',
        Some('（') => '）',
        _ => return 0,
    };
    let mut tone = false;
    let mut letters = 0;
    for (i, &c) in chars.iter().enumerate().skip(1).take(24) {
        if c == close {
            return if tone && letters > 0 { i + 1 } else { 0 };
        }
        if is_pinyin_letter(c) {
            letters += 1;
            tone |= is_tone_vowel(c);
        } else if c == '?' || c == '\u{FFFD}' {
            tone = true;
        } else if c != ' ' {
            return 0;
        }
    }
    0
}

/// Whether the bytes after an opening parenthesis may start a pinyin note: a space, `?`, an
/// ASCII lowercase letter or the lead byte of a tone vowel, ü, ê, ḿ or U+FFFD (the chars
/// [`pinyin_note_len`] accepts first). A superset: it only spares lines the full test
/// (the line-view pass flags lines with it, see `clean::views::line_views_of`).
pub(crate) fn may_open_pinyin_note(rest: &[u8]) -> bool {
    rest.first().is_some_and(|&x| {
        x == b' '
            || x == b'?'
            || x.is_ascii_lowercase()
            || (0xC3..=0xC7).contains(&x)
            || x == 0xE1
            || x == 0xEF
    })
}

/// Removes zero-width characters, pinyin notes after hanzi and anti-copy marks between hanzi.
/// Decisions look at the output built so far, so applying it twice changes nothing more.
pub fn strip_inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().filter(|&c| !is_zero_width(c)).collect();
    let mut out = String::with_capacity(line.len());
    let mut last: Option<char> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let after_han = last.is_some_and(is_han);
        if after_han && (c == '(' || c == '（') {
            let n = pinyin_note_len(&chars[i..]);
            if n > 0 {
                i += n;
                continue;
            }
        }
        if after_han && (c == '`' || c == '\'') && chars.get(i + 1).copied().is_some_and(is_han) {
            i += 1;
            continue;
        }
        out.push(c);
        last = Some(c);
        i += 1;
    }
    out
}

/// Whether a line holds only a sub/superscript number that belongs to the line before
/// (m² written as "m" / "2", PM2.5 as "PM" / "2.5" / "年平均浓度").
pub fn is_split_script(line: &str) -> bool {
    let t = line.trim();
    matches!(t, "²" | "³" | "₂" | "₃")
        || (1..=4).contains(&t.len())
            && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && t.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && t.bytes().last().is_some_and(|b| b.is_ascii_digit())
}

/// Joins sub/superscripts split onto their own line: "面积100m", "2", "，增长" → "面积100m2，增长".
/// Only when the line before ends in an ASCII letter (a unit or formula: m, km, CO, SO) and the
/// line after continues the sentence (starts with punctuation or a hanzi that is not a heading).
pub fn join_split_scripts(lines: Vec<String>) -> Vec<String> {
    if !lines.iter().any(|l| is_split_script(l)) {
        return lines;
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let prev_letter = out
            .last()
            .and_then(|p| p.trim_end().chars().last())
            .is_some_and(|c| c.is_ascii_alphabetic());
        if is_split_script(line) && prev_letter {
            let digit = line.trim();
            if let Some(prev) = out.last_mut() {
                let t = prev.trim_end().len();
                prev.truncate(t);
                prev.push_str(digit);
                if let Some(next) = lines.get(i + 1) {
                    if continues_sentence(next) {
                        prev.push_str(next.trim());
                        i += 2;
                        continue;
                    }
                }
            }
            i += 1;
            continue;
        }
        out.push(line.clone());
        i += 1;
    }
    out
}

fn continues_sentence(next: &str) -> bool {
    let t = next.trim_start();
    match t.chars().next() {
        Some(c) if "，。、；：,.;:）)%".contains(c) => true,
        Some(c) if is_han(c) => !super::rules::looks_like_heading(t),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_notes_with_lost_tone_vowels_go() {
        assert_eq!(strip_inline("社區(q?)工聯(li?n)會"), "社區工聯會");
        assert_eq!(strip_inline("經(j\u{FFFD}ng)審"), "經審");
        assert_eq!(strip_inline("你好(?)"), "你好(?)");
    }

    #[test]
    fn pinyin_notes_go() {
        assert_eq!(
            strip_inline("不經(jīng)意間，社區(qū)工聯(lián)會"),
            "不經意間，社區工聯會"
        );
        assert_eq!(strip_inline("執（zhí xíng）行"), "執行");
        // Plain letters and non-hanzi contexts stay.
        assert_eq!(strip_inline("单位(de)说明"), "单位(de)说明");
        assert_eq!(strip_inline("A(jīng)"), "A(jīng)");
        assert_eq!(strip_inline("经(jīng)(jīng)审"), "经审");
    }

    #[test]
    fn anti_copy_marks_go() {
        assert_eq!(
            strip_inline("開展經常性的`郵政發展"),
            "開展經常性的郵政發展"
        );
        assert_eq!(strip_inline("《工会法》的'规定"), "《工会法》的规定");
        assert_eq!(strip_inline("it's 'quoted' 的"), "it's 'quoted' 的");
    }

    #[test]
    fn zero_width_goes() {
        assert_eq!(strip_inline("\u{FEFF}工\u{200B}会\u{200D}"), "工会");
    }

    #[test]
    fn split_superscripts_join() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            join_split_scripts(v(&["新增面积100m", "2", "，同比增长5%。"])),
            v(&["新增面积100m2，同比增长5%。"])
        );
        assert_eq!(
            join_split_scripts(v(&["排放CO", "₂", "二、下一步"])),
            v(&["排放CO₂", "二、下一步"])
        );
        assert_eq!(
            join_split_scripts(v(&["空气质量，以PM", "2.5", "浓度持续下降为主线"])),
            v(&["空气质量，以PM2.5浓度持续下降为主线"])
        );
        // A lone digit after a hanzi line is not a superscript.
        assert_eq!(
            join_split_scripts(v(&["第一节", "2", "正文"])),
            v(&["第一节", "2", "正文"])
        );
    }
}
