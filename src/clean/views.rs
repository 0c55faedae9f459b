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
    matches!(
        c,
        '兒' | '覆'
            | '夥'
            | '藉'
            | '瞭'
            | '麽'
            | '幺'
            | '於'
            | '乾'
            | '著'
            | '苧'
            | '闔'
            | '鍾'
            | '讎'
            | '畫'
    )
}

/// Table entry of the chars that need their neighbours (no char converts to NUL).
const CONTEXT_MARK: char = '\0';

/// fast2s converts only 3-byte chars (U+0800–U+FFFF), one char to one char; a table of its
/// answers (width fold included) for that range makes the analysis view a single cheap pass.
fn analysis_table() -> &'static [u16] {
    static TABLE: OnceLock<Vec<u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut buf = [0u8; 4];
        (0x0800u32..=0xFFFF)
            .map(|cp| match char::from_u32(cp) {
                Some(c) if is_contextual(c) => CONTEXT_MARK as u16,
                Some(c) => {
                    let s = fast2s::convert(c.encode_utf8(&mut buf));
                    let mut it = s.chars();
                    let t = match (it.next(), it.next()) {
                        (Some(t), None) => fold_width(t),
                        _ => fold_width(c),
                    };
                    // Every answer is in the BMP; should one not be, keep the char itself.
                    u16::try_from(t as u32).unwrap_or(cp as u16)
                }
                None => b' '.into(),
            })
            .collect()
    })
}

/// Simplified script with full-width ASCII folded: exactly one output char per input char
/// (what `fast2s::convert` followed by [`fold_width`] gives, char by char). Cleaning gets it
/// from [`line_views_of`] with the other views of a line; this is the view alone, for texts
/// outside a cleaning run and as the reference the fused pass is tested against.
pub fn analysis_view(cleaned: &str) -> String {
    let table = analysis_table();
    let b = cleaned.as_bytes();
    let mut out = String::with_capacity(cleaned.len());
    let mut i = 0;
    let mut run = 0; // start of bytes copied unchanged
    while i < b.len() {
        let lead = b[i];
        if !(0xE0..0xF0).contains(&lead) {
            // 1-, 2- and 4-byte chars: never converted.
            i += if lead < 0x80 {
                1
            } else if lead < 0xE0 {
                2
            } else {
                4
            };
            continue;
        }
        let cp = (u32::from(lead & 0x0F) << 12)
            | (u32::from(b[i + 1] & 0x3F) << 6)
            | u32::from(b[i + 2] & 0x3F);
        let mut t = char::from_u32(table[(cp - 0x0800) as usize].into()).unwrap_or(' ');
        if t == CONTEXT_MARK {
            t = contextual(cleaned, i, cp);
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

/// One line's views from a single pass (see [`line_views_of`]).
#[derive(Debug, Default, Clone)]
pub(crate) struct LineViews {
    /// The analysis view of the line.
    pub(crate) norm: String,
    /// Whether the line may hold an inline artefact ([`super::artefacts::strip_inline`] would
    /// change it): never false when it would.
    pub(crate) flagged: bool,
    /// Chars in the line.
    pub(crate) chars: usize,
    /// Whether the line may hold mojibake (what `decode::mojibake`'s pre-scan would say).
    pub(crate) suspicious: bool,
    /// Script evidence of the line.
    pub(crate) script: ScriptCounts,
    /// Byte range of the line's dedup key in the key buffer.
    pub(crate) key: std::ops::Range<usize>,
    /// Range of the line's entries in the key-map buffer (line-relative char offsets).
    pub(crate) map: std::ops::Range<usize>,
}

/// Page-wide buffers the lines' dedup keys are appended to.
#[derive(Debug, Default)]
pub(crate) struct KeyBuf {
    /// Key chars of every line, back to back.
    pub(crate) key: String,
    /// Per key char, its char offset inside its line.
    pub(crate) map: Vec<u32>,
}

impl KeyBuf {
    /// Drops what the last line viewed into this buffer appended (`views` must be that
    /// line's), so the line can be viewed again after it changes.
    pub(crate) fn forget(&mut self, views: &LineViews) {
        self.key.truncate(views.key.start);
        self.map.truncate(views.map.start);
    }
}

/// The analysis view, artefact flag, char count, script counts and (when `keys` is given) the
/// dedup key of one line, decoding each char once: what [`analysis_view`],
/// [`dedup_key`] and [`detect_script`] compute, fused for the cleaning hot path.
pub(crate) fn line_views_of(line: &str, keys: Option<&mut KeyBuf>) -> LineViews {
    let table = analysis_table();
    let (trad_bits, simp_bits) = script_bitmaps();
    let moji = crate::decode::mojibake::flags_table();
    use crate::decode::mojibake::{F_LATIN, F_SUSPICIOUS};
    // The mojibake pre-scan, on the chars decoded here anyway: a suspicious char, or two
    // windows-1252 high chars in a row.
    let mut prev_latin = false;
    let mut scratch = KeyBuf::default();
    let want_key = keys.is_some();
    let kb = keys.unwrap_or(&mut scratch);
    let (key_start, map_start) = (kb.key.len(), kb.map.len());
    let b = line.as_bytes();
    let mut v = LineViews::default();
    let mut norm = String::with_capacity(line.len());
    let mut run = 0; // start of bytes copied unchanged into `norm`
                     // Start of the pending run of unchanged key chars (key chars come in long runs of hanzi
                     // between punctuation: copied as runs, not char by char).
    let mut krun = 0;
    let mut i = 0;
    let mut n = 0u32; // chars so far
    while i < b.len() {
        let lead = b[i];
        // (char length, is a key char, its analysis form when that differs)
        let (len, key, changed) = if lead < 0x80 {
            v.script.latin += usize::from(lead.is_ascii_alphabetic());
            // ASCII artefacts: control chars, marks, a pinyin note in half-width parentheses.
            v.flagged |= match lead {
                b'\t' => false,
                0..=0x1F | 0x7F | b'`' | b'\'' => true,
                b'(' => super::artefacts::may_open_pinyin_note(&b[i + 1..]),
                _ => false,
            };
            prev_latin = false;
            (1, lead.is_ascii_alphanumeric(), None)
        } else if (0xE0..0xF0).contains(&lead) {
            let cp = (u32::from(lead & 0x0F) << 12)
                | (u32::from(b[i + 1] & 0x3F) << 6)
                | u32::from(b[i + 2] & 0x3F);
            let f = moji[cp as usize];
            let latin = f & F_LATIN != 0;
            v.suspicious |= (f & F_SUSPICIOUS != 0) | (latin & prev_latin);
            prev_latin = latin;
            v.flagged |= matches!(cp, 0x200B..=0x200D | 0x2060 | 0xFEFF)
                || (cp == 0xFF08 && super::artefacts::may_open_pinyin_note(&b[i + 3..]));
            v.script.add3(cp, trad_bits, simp_bits);
            let mut t = char::from_u32(table[(cp - 0x0800) as usize].into()).unwrap_or(' ');
            if t == CONTEXT_MARK {
                t = contextual(line, i, cp);
            }
            let tu = t as u32;
            let key =
                matches!(tu, 0x3400..=0x4DBF | 0x4E00..=0x9FFF) || (want_key && is_key_char(t));
            if tu != cp {
                norm.push_str(&line[run..i]);
                norm.push(t);
                run = i + 3;
                (3, key, Some(t))
            } else {
                (3, key, None)
            }
        } else {
            let len = if lead < 0xE0 { 2 } else { 4 };
            let c = line[i..].chars().next().unwrap_or(' ');
            let f = moji.get(c as usize).copied().unwrap_or(0);
            let latin = f & F_LATIN != 0;
            v.suspicious |= (f & F_SUSPICIOUS != 0) | (latin & prev_latin);
            prev_latin = latin;
            if len == 2 {
                v.script.latin += usize::from(c.is_alphabetic());
                // C1 controls and the soft hyphen.
                v.flagged |= matches!(c, '\u{80}'..='\u{9F}' | '\u{AD}');
            } else {
                v.script.han += usize::from(is_han(c));
            }
            (len, want_key && is_key_char(c), None)
        };
        if want_key {
            if key {
                kb.map.push(n);
                if let Some(t) = changed {
                    kb.key.push_str(&line[krun..i]);
                    kb.key.push(t);
                    krun = i + len;
                }
            } else {
                kb.key.push_str(&line[krun..i]);
                krun = i + len;
            }
        }
        i += len;
        n += 1;
    }
    norm.push_str(&line[run..]);
    if want_key {
        kb.key.push_str(&line[krun..]);
    }
    v.norm = norm;
    v.chars = n as usize;
    v.key = key_start..kb.key.len();
    v.map = map_start..kb.map.len();
    v
}

/// The simplified form of a contextual char at byte `i` of `text`, from its neighbours.
fn contextual(text: &str, i: usize, cp: u32) -> char {
    let c = char::from_u32(cp).unwrap_or(' ');
    let prev = text[..i].chars().next_back().unwrap_or('0');
    let next = text[i + 3..].chars().next().unwrap_or('0');
    let window: String = [prev, c, next].iter().collect();
    fast2s::convert(&window)
        .chars()
        .nth(1)
        .map_or(c, fold_width)
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
    let b = analysis.as_bytes();
    let (mut at, mut i) = (0usize, 0u32);
    // Key chars come in long runs (hanzi between punctuation): copy runs, not chars.
    let mut run = 0usize;
    while at < b.len() {
        let lead = b[at];
        let len = if lead < 0x80 {
            1
        } else if lead < 0xE0 {
            2
        } else if lead < 0xF0 {
            3
        } else {
            4
        };
        let keep = match len {
            1 => lead.is_ascii_alphanumeric(),
            3 => {
                let cp = (u32::from(lead & 0x0F) << 12)
                    | (u32::from(b[at + 1] & 0x3F) << 6)
                    | u32::from(b[at + 2] & 0x3F);
                matches!(cp, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
                    || analysis[at..].chars().next().is_some_and(is_key_char)
            }
            _ => analysis[at..].chars().next().is_some_and(is_key_char),
        };
        if keep {
            map.push(i);
        } else {
            key.push_str(&analysis[run..at]);
            run = at + len;
        }
        at += len;
        i += 1;
    }
    key.push_str(&analysis[run..]);
    (key, map)
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF)
}

/// Characters that are valid in both scripts although fast2s maps some traditional char onto
/// them (后 "queen", 干 "shield", 里 "village" …): they say nothing about the script.
const SHARED_FORMS: &str = "后干只台里面系征冲于余云松板斗才几谷丑出范划回汇伙获家价借卷困了辟仆朴千秋曲适术涂万咸向须叶佣御愿郁折症志制致钟种朱筑准表采彩尝党吊冬恶发丰复姜据克累历帘蒙弥面蔑苹凄签纤舍胜苏坛团托纬系咸向须旋佣吁郁云札占沾征只致制钟种周朱注准姿踪卜厂广斗范丰赶谷刮合后胡划回获几家价借据卷克困腊累里历帘了蒙弥面苹朴仆千签秋曲舍术松台坛涂团万系纤咸向须旋叶佣御吁郁愿云扎占折征症只致制钟种朱筑准";

/// Two bitmaps over U+3400–9FFF (small enough to stay in L1 while a page is scanned):
/// traditional forms (fast2s changes them) and simplified-only forms (targets of fast2s that
/// are not shared by both scripts).
fn script_bitmaps() -> &'static (Vec<u64>, Vec<u64>) {
    static SET: OnceLock<(Vec<u64>, Vec<u64>)> = OnceLock::new();
    SET.get_or_init(|| {
        let shared: HashSet<char> = SHARED_FORMS.chars().collect();
        let table = analysis_table();
        let words = (0x9FFF - 0x3400) / 64 + 1;
        let (mut trad, mut simp) = (vec![0u64; words], vec![0u64; words]);
        let han = |cp: u32| matches!(cp, 0x3400..=0x4DBF | 0x4E00..=0x9FFF);
        for cp in 0x3400u32..=0x9FFF {
            let t = u32::from(table[(cp - 0x0800) as usize]);
            if t != cp && han(cp) && han(t) {
                let i = (cp - 0x3400) as usize;
                trad[i / 64] |= 1 << (i % 64);
                if !char::from_u32(t).is_some_and(|c| shared.contains(&c)) {
                    let j = (t - 0x3400) as usize;
                    simp[j / 64] |= 1 << (j % 64);
                }
            }
        }
        (trad, simp)
    })
}

/// Bit of code point `cp` (in U+3400–9FFF) in a script bitmap.
fn bit(bits: &[u64], cp: u32) -> bool {
    let i = (cp - 0x3400) as usize;
    bits[i / 64] & (1 << (i % 64)) != 0
}

/// Counts of script evidence in a text; summable over lines.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ScriptCounts {
    han: usize,
    kana: usize,
    hangul: usize,
    latin: usize,
    trad: usize,
    simp_only: usize,
}

impl ScriptCounts {
    /// Adds another line's counts.
    pub(crate) fn merge(&mut self, o: &ScriptCounts) {
        self.han += o.han;
        self.kana += o.kana;
        self.hangul += o.hangul;
        self.latin += o.latin;
        self.trad += o.trad;
        self.simp_only += o.simp_only;
    }

    /// Counts one 3-byte char (by code point).
    #[inline]
    fn add3(&mut self, cp: u32, trad_bits: &[u64], simp_bits: &[u64]) {
        match cp {
            0x3400..=0x4DBF | 0x4E00..=0x9FFF => {
                // Branch-free: which bit is set is data, not a pattern a predictor learns.
                let t = bit(trad_bits, cp);
                self.han += 1;
                self.trad += usize::from(t);
                self.simp_only += usize::from(!t & bit(simp_bits, cp));
            }
            0xF900..=0xFAFF => self.han += 1,
            0x3041..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => self.kana += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => self.hangul += 1,
            0xFF21..=0xFF3A | 0xFF41..=0xFF5A => self.latin += 1,
            _ => {}
        }
    }

    // Byte-level walk: hanzi, kana and hangul are all 3-byte chars (ext. B+ hanzi 4-byte).
    fn add(&mut self, text: &str, trad_bits: &[u64], simp_bits: &[u64]) {
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let lead = b[i];
            if lead < 0x80 {
                self.latin += usize::from(lead.is_ascii_alphabetic());
                i += 1;
            } else if lead < 0xE0 {
                let c = text[i..].chars().next().unwrap_or(' ');
                self.latin += usize::from(c.is_alphabetic());
                i += 2;
            } else if lead < 0xF0 {
                let cp = (u32::from(lead & 0x0F) << 12)
                    | (u32::from(b[i + 1] & 0x3F) << 6)
                    | u32::from(b[i + 2] & 0x3F);
                self.add3(cp, trad_bits, simp_bits);
                i += 3;
            } else {
                self.han += usize::from(text[i..].chars().next().is_some_and(is_han));
                i += 4;
            }
        }
    }
}

/// Bytes of text examined for the script: long documents are sampled in evenly spread windows.
const SCRIPT_SAMPLE: usize = 32 * 1024;
const SCRIPT_WINDOW: usize = 1024;

/// Script of a cleaned text, from the characters whose form differs between the scripts.
pub fn detect_script(cleaned: &str) -> Script {
    let (trad_bits, simp_bits) = script_bitmaps();
    let mut n = ScriptCounts::default();
    if cleaned.len() <= SCRIPT_SAMPLE {
        n.add(cleaned, trad_bits, simp_bits);
    } else {
        let windows = SCRIPT_SAMPLE / SCRIPT_WINDOW;
        let stride = cleaned.len() / windows;
        for w in 0..windows {
            let start = floor_boundary(cleaned, w * stride);
            let end = floor_boundary(cleaned, start + SCRIPT_WINDOW);
            n.add(&cleaned[start..end], trad_bits, simp_bits);
        }
    }
    script_of(&n)
}

/// Script from evidence counts (see [`detect_script`]).
pub(crate) fn script_of(n: &ScriptCounts) -> Script {
    let ScriptCounts {
        han,
        kana,
        hangul,
        latin,
        trad,
        simp_only,
    } = *n;
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

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
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
        assert_eq!(detect_script(t), Script::Hant);
        assert_eq!(detect_script(s), Script::Hans);
        let m = format!("{t}{s}");
        assert_eq!(detect_script(&m), Script::Mixed);
        let j = "これは日本語の文章です。東京都の天気は晴れです。";
        assert_eq!(detect_script(j), Script::Other);
        assert_eq!(detect_script("hello world"), Script::Other);
    }

    use proptest::prelude::*;

    /// Strings over the chars that matter here: hanzi of both scripts, contextual chars,
    /// full-width forms, pinyin, marks, zero-width and control chars, Latin-1, 4-byte hanzi.
    fn text() -> impl Strategy<Value = String> {
        let pieces: Vec<&str> = vec![
            "工",
            "會",
            "计",
            "劃",
            "乾",
            "著",
            "畫",
            "於",
            "一",
            "（一）",
            "(2)",
            "（",
            "）",
            "(",
            ")",
            "ＡＢ",
            "１２",
            "，",
            "。",
            "、",
            "“",
            "”",
            "jīng",
            "(jīng)",
            "（qū）",
            "( zhí xíng)",
            "(li?n)",
            "（\u{FFFD}n）",
            "(ǚ)",
            "(ḿ)",
            "(ê)",
            "(ü)",
            "(de)",
            "`",
            "'",
            "\u{200B}",
            "\u{FEFF}",
            "\u{AD}",
            "\u{85}",
            "\u{1}",
            "·",
            "×",
            " ",
            "a",
            "Z",
            "9",
            "\u{20000}",
            "ぷ",
            "가",
        ];
        proptest::collection::vec(proptest::sample::select(pieces), 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn fused_views_agree(s in text()) {
            let mut kb = KeyBuf::default();
            let v = line_views_of(&s, Some(&mut kb));
            let norm = analysis_view(&s);
            prop_assert_eq!(&v.norm, &norm);
            prop_assert_eq!(v.chars, s.chars().count());
            let (key, map) = dedup_key(&norm);
            prop_assert_eq!(&kb.key[v.key.clone()], key.as_str());
            prop_assert_eq!(&kb.map[v.map.clone()], map.as_slice());
            let mut n = ScriptCounts::default();
            let (t, p) = script_bitmaps();
            n.add(&s, t, p);
            prop_assert_eq!(v.script, n);
            prop_assert_eq!(v.suspicious, crate::decode::mojibake::any_suspicious(&s));
        }

        #[test]
        fn artefact_flags_never_miss(s in text()) {
            let v = line_views_of(&s, None);
            if super::super::artefacts::strip_inline(&s) != s {
                prop_assert!(v.flagged);
            }
        }
    }
}
