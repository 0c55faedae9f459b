//! The analysis view, the dedup key and the script of a cleaned text.
//!
//! The analysis view must stay char-aligned with the cleaned text, so every conversion here maps
//! one char to one char: fast2s (which converts char by char, looking at neighbours only to pick
//! the right simplified form) and the full-width → half-width fold.

use crate::report::Script;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Full-width ASCII (U+FF01–FF5E) → ASCII, ideographic space → space; other chars unchanged.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Chars whose fast2s form depends on their neighbours (乾隆 vs 乾燥, 計畫 vs 畫家 …).
fn is_contextual(c: char) -> bool {
    matches!(c, '兒' | '覆' | '夥' | '藉' | '瞭' | '麽' | '幺' | '於' | '乾' | '著' | '苧' | '闔' | '鍾' | '讎' | '畫')
}

/// Table entry of the chars that need their neighbours (no char converts to NUL).
const CONTEXT_MARK: char = '\0';

/// fast2s converts only 3-byte chars (U+0800–U+FFFF), one char to one char; a table of its
/// answers (width fold included) for that range makes the analysis view a single cheap pass.
fn analysis_table() -> &'static [char] {
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut buf = [0u8; 4];
        (0x0800u32..=0xFFFF)
            .map(|cp| match char::from_u32(cp) {
                Some(c) if is_contextual(c) => CONTEXT_MARK,
                Some(c) => {
                    let s = fast2s::convert(c.encode_utf8(&mut buf));
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(t), None) => fold_width(t),
                        _ => fold_width(c),
                    }
                }
                None => ' ',
            })
            .collect()
    })
}

/// Simplified script with full-width ASCII folded: exactly one output char per input char
/// (what `fast2s::convert` followed by [`fold_width`] gives, char by char).
pub fn analysis_view(cleaned: &str) -> String {
    let table = analysis_table();
    let b = cleaned.as_bytes();
    let mut out = String::with_capacity(cleaned.len());
    let mut i = 0;
    let mut run = 0; // start of bytes copied unchanged
    while i < b.len() {
        let lead = b[i];
        if lead < 0xE0 || lead >= 0xF0 {
            // 1-, 2- and 4-byte chars: never converted.
            i += if lead < 0x80 { 1 } else if lead < 0xE0 { 2 } else { 4 };
            continue;
        }
        let cp = (u32::from(lead & 0x0F) << 12) | (u32::from(b[i + 1] & 0x3F) << 6) | u32::from(b[i + 2] & 0x3F);
        let mut t = table[(cp - 0x0800) as usize];
        if t == CONTEXT_MARK {
            let c = char::from_u32(cp).unwrap_or(' ');
            let prev = cleaned[..i].chars().next_back().unwrap_or('0');
            let next = cleaned[i + 3..].chars().next().unwrap_or('0');
            let window: String = [prev, c, next].iter().collect();
            t = fast2s::convert(&window).chars().nth(1).map_or(c, fold_width);
        }
        if t as u32 != cp {
            out.push_str(&cleaned[run..i]);
            out.push(t);
            run = i + 3;
        }
        i += 3;
    }
    out.push_str(&cleaned[run..]);
    out
}

/// Whether a char counts in the dedup key: hanzi, letters, digits.
fn is_key_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_han(c) || (!is_cjk_punct(c) && c.is_alphanumeric())
    }
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0x2000..=0x206F)
}

/// Dedup key (hanzi, letters, digits of `analysis`) and, per key char, its char offset.
pub fn dedup_key(analysis: &str) -> (String, Vec<u32>) {
    let mut key = String::with_capacity(analysis.len());
    let mut map = Vec::with_capacity(analysis.len() / 3);
    for (i, c) in analysis.chars().enumerate() {
        if is_key_char(c) {
            key.push(c);
            map.push(i as u32);
        }
    }
    (key, map)
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF)
}

fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// Characters that are valid in both scripts although fast2s maps some traditional char onto
/// them (后 "queen", 干 "shield", 里 "village" …): they say nothing about the script.
const SHARED_FORMS: &str = "后干只台里面系征冲于余云松板斗才几谷丑出范划回汇伙获家价借卷困了辟仆朴千秋曲适术涂万咸向须叶佣御愿郁折症志制致钟种朱筑准表采彩尝党吊冬恶发丰复姜据克累历帘蒙弥面蔑苹凄签纤舍胜苏坛团托纬系咸向须旋佣吁郁云札占沾征只致制钟种周朱注准姿踪卜厂广斗范丰赶谷刮合后胡划回获几家价借据卷克困腊累里历帘了蒙弥面苹朴仆千签秋曲舍术松台坛涂团万系纤咸向须旋叶佣御吁郁愿云扎占折征症只致制钟种朱筑准";

/// Simplified forms (targets of fast2s not shared by both scripts), as a bitmap over U+4E00–9FFF.
fn simplified_only() -> &'static [u64] {
    static SET: OnceLock<Vec<u64>> = OnceLock::new();
    SET.get_or_init(|| {
        let shared: HashSet<char> = SHARED_FORMS.chars().collect();
        let table = analysis_table();
        let mut bits = vec![0u64; (0x9FFF - 0x4E00) / 64 + 1];
        for cp in 0x4E00u32..=0x9FFF {
            let t = table[(cp - 0x0800) as usize];
            if t as u32 != cp && (0x4E00..=0x9FFF).contains(&(t as u32)) && !shared.contains(&t) {
                let i = (t as u32 - 0x4E00) as usize;
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        bits
    })
}

fn in_bitmap(bits: &[u64], c: char) -> bool {
    let cp = c as u32;
    (0x4E00..=0x9FFF).contains(&cp) && {
        let i = (cp - 0x4E00) as usize;
        bits[i / 64] & (1 << (i % 64)) != 0
    }
}

/// Script of a cleaned text, from the characters whose form differs between the scripts.
/// `analysis` must be [`analysis_view`] of `cleaned`.
pub fn detect_script(cleaned: &str, analysis: &str) -> Script {
    let simp = simplified_only();
    let (mut han, mut kana, mut hangul, mut latin) = (0usize, 0usize, 0usize, 0usize);
    let (mut trad, mut simp_only) = (0usize, 0usize);
    for (c, a) in cleaned.chars().zip(analysis.chars()) {
        if is_han(c) {
            han += 1;
            if a != c && is_han(a) {
                trad += 1;
            } else if in_bitmap(simp, c) {
                simp_only += 1;
            }
        } else if is_kana(c) {
            kana += 1;
        } else if is_hangul(c) {
            hangul += 1;
        } else if c.is_ascii_alphabetic() || (!c.is_ascii() && (c as u32) < 0x2E80 && c.is_alphabetic()) {
            latin += 1;
        }
    }
    if han < 5 || kana * 10 > han + kana || hangul * 10 > han + hangul || latin > han * 3 {
        return Script::Other;
    }
    let evidence = trad + simp_only;
    if evidence < 3 {
        return Script::Hans;
    }
    // A traditional page keeps a few simplified-looking chars (今后, mis-encodings) and a
    // simplified page a few traditional variants (quotes, names): only a clear minority flips.
    let trad_share = trad as f64 / evidence as f64;
    if trad_share >= 0.8 {
        Script::Hant
    } else if trad_share <= 0.2 {
        Script::Hans
    } else {
        Script::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysis_is_char_aligned_and_folds_width() {
        let s = "工會ＡＢＣ１２３　計劃（一）";
        let a = analysis_view(s);
        assert_eq!(a.chars().count(), s.chars().count());
        assert_eq!(a, "工会ABC123 计划(一)");
    }

    #[test]
    fn contextual_list_matches() {
        assert!("兒覆夥藉瞭麽幺於乾著苧闔鍾讎畫".chars().all(is_contextual));
    }

    #[test]
    fn table_agrees_with_fast2s() {
        let s = "乾隆皇帝喝乾了水，計畫與畫家；著作看著；於是樊於期。發展經濟，乾坤，兒寬、兒子。ＡＢ，　";
        let want: String = fast2s::convert(s).chars().map(fold_width).collect();
        assert_eq!(analysis_view(s), want);
    }

    #[test]
    fn key_maps_back() {
        let a = "一、工会 A1。";
        let (k, m) = dedup_key(a);
        assert_eq!(k, "一工会A1");
        assert_eq!(m, vec![0, 2, 3, 5, 6]);
    }

    #[test]
    fn scripts() {
        let t = "繼續開展職工權益保障體系工作準則，繼續做實做好送清涼和金秋助學等慰問工作。";
        let s = "继续开展职工权益保障体系工作准则，继续做实做好送清凉和金秋助学等慰问工作。";
        assert_eq!(detect_script(t, &analysis_view(t)), Script::Hant);
        assert_eq!(detect_script(s, &analysis_view(s)), Script::Hans);
        let m = format!("{t}{s}");
        assert_eq!(detect_script(&m, &analysis_view(&m)), Script::Mixed);
        let j = "これは日本語の文章です。東京都の天気は晴れです。";
        assert_eq!(detect_script(j, &analysis_view(j)), Script::Other);
        assert_eq!(detect_script("hello world", "hello world"), Script::Other);
    }
}
