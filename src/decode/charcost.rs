//! How surprising a character is in East-Asian text: a unigram cost model in nats.
//!
//! Detection decodes a sample with each candidate encoding and keeps the one whose text costs
//! least. Wrong decodings of CJK bytes produce characters in *random* order — rare hanzi, PUA,
//! half-width katakana, uncommon hangul, replacement characters — while the right one produces
//! the skewed distribution of real text. That difference is large even on 8 characters, where
//! byte-statistics detectors guess.
//!
//! Hanzi costs come from `hanzi_freq.txt` (built by `tools/build_hanzi_freq.py`: a
//! general frequency list merged with the plan/summary corpus), then from the national
//! standards' own frequency tiers (GB2312 level 1 holds the 3755 most used simplified
//! characters, Big5 level 1 the 5401 most used traditional ones, JIS X 0208 level 1 the
//! common kanji), and traditional characters inherit the cost of their simplified form.

use std::sync::OnceLock;

const CJK_START: u32 = 0x4E00;
const CJK_END: u32 = 0x9FFF;
const HANGUL_START: u32 = 0xAC00;
const HANGUL_END: u32 = 0xD7A3;

/// Costs are stored in tenths of a nat.
const SCALE: f32 = 10.0;

/// Cost of a decoding error (U+FFFD produced by the decoder).
pub(crate) const COST_REPLACEMENT: f32 = 18.0;

/// Frequency-ordered hanzi, most frequent first.
const HANZI_FREQ: &str = include_str!("hanzi_freq.txt");

/// The most frequent hangul syllables of Korean prose, roughly most frequent first.
const HANGUL_COMMON: &str = "이다는의에하고을가서한지로기리를자사도어나인대일그수정아들게해있시으보적라전니구상부것\
만여주장국원제면우동성되경과소스없신중위내했생말문무학마거모오요와비공용미연야관계조세화실방단유개선저안물각데까식터분\
통명진현결회발행치금업날당때본같및년월또더후번두알려입할등던음었겠습니까요즘처럼왜누군걸건못잘좀참함께위해통해대해따라\
위한의해이런그런저런어떤무슨모든여러다른새로운많은좋은큰작은높은사람우리너나그녀자기생각마음시간세상사회문화역사경제\
정치교육과학기술산업지역국가정부대통령회사시장가격서울한국미국일본중국북한남한세계최근오늘내일어제올해지난다음이번\
처음마지막";

/// Cost tables, built once.
struct Tables {
    /// Cost of U+4E00..=U+9FFF, in tenths of a nat.
    hanzi: Vec<u8>,
    /// Cost of every BMP character, in tenths of a nat (one load per character when scoring).
    bmp: Vec<u8>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}

fn to_units(nats: f32) -> u8 {
    (nats * SCALE).round().clamp(0.0, 255.0) as u8
}

/// Every character a double-byte range of `enc` decodes to.
fn chars_of(
    enc: &'static encoding_rs::Encoding,
    leads: std::ops::RangeInclusive<u8>,
    trails: &[std::ops::RangeInclusive<u8>],
) -> Vec<char> {
    let mut bytes =
        Vec::with_capacity(2 * 200 * (*leads.end() as usize - *leads.start() as usize + 1));
    for lead in leads {
        for range in trails {
            for trail in range.clone() {
                bytes.push(lead);
                bytes.push(trail);
            }
        }
    }
    let (text, _) = enc.decode_without_bom_handling(&bytes);
    text.chars().filter(|&c| c != '\u{FFFD}').collect()
}

/// Lowers to `cost` the cost of every character in `chars`.
fn tier(chars: &[char], cost: u8, hanzi: &mut [u8], hangul: &mut [u8]) {
    for &c in chars {
        let u = c as u32;
        if (CJK_START..=CJK_END).contains(&u) {
            let slot = &mut hanzi[(u - CJK_START) as usize];
            *slot = (*slot).min(cost);
        } else if (HANGUL_START..=HANGUL_END).contains(&u) {
            let slot = &mut hangul[(u - HANGUL_START) as usize];
            *slot = (*slot).min(cost);
        }
    }
}

fn build() -> Tables {
    let mut hanzi = vec![to_units(13.5); (CJK_END - CJK_START + 1) as usize];
    let mut hangul = vec![to_units(14.0); (HANGUL_END - HANGUL_START + 1) as usize];

    // Frequency list: rank r costs ln(r + 30) + 0.8 nats (a Zipf law with a flat head).
    for (rank, c) in HANZI_FREQ.trim().chars().enumerate() {
        let u = c as u32;
        if (CJK_START..=CJK_END).contains(&u) {
            let cost = to_units(((rank + 30) as f32).ln() + 0.8);
            let slot = &mut hanzi[(u - CJK_START) as usize];
            *slot = (*slot).min(cost);
        }
    }
    let full: &[std::ops::RangeInclusive<u8>] = &[0xA1..=0xFE];
    let big5: &[std::ops::RangeInclusive<u8>] = &[0x40..=0x7E, 0xA1..=0xFE];
    let big5_common = chars_of(encoding_rs::BIG5, 0xA4..=0xC6, big5);
    // Traditional characters in common use (Big5 level 1) cost a little more than their
    // simplified form. Rare variants (崐 for 昆) do not inherit: they are what mis-decoded
    // bytes look like.
    let common: String = big5_common.iter().collect();
    let simplified = fast2s::convert(&common);
    let pairs: Vec<(u32, u32)> = common
        .chars()
        .zip(simplified.chars())
        .map(|(t, s)| (t as u32, s as u32))
        .collect();
    for (t, s) in pairs {
        if t != s && (CJK_START..=CJK_END).contains(&s) && (CJK_START..=CJK_END).contains(&t) {
            let inherited = hanzi[(s - CJK_START) as usize].saturating_add(4);
            let slot = &mut hanzi[(t - CJK_START) as usize];
            *slot = (*slot).min(inherited);
        }
    }
    // GB2312 level 1 / level 2.
    tier(
        &chars_of(encoding_rs::GBK, 0xB0..=0xD7, full),
        to_units(9.5),
        &mut hanzi,
        &mut hangul,
    );
    tier(
        &chars_of(encoding_rs::GBK, 0xD8..=0xF7, full),
        to_units(11.5),
        &mut hanzi,
        &mut hangul,
    );
    // Big5 frequently used / less frequently used.
    tier(&big5_common, to_units(9.5), &mut hanzi, &mut hangul);
    tier(
        &chars_of(encoding_rs::BIG5, 0xC9..=0xF9, big5),
        to_units(11.5),
        &mut hanzi,
        &mut hangul,
    );
    // JIS X 0208 level 1 / level 2 kanji.
    tier(
        &chars_of(encoding_rs::EUC_JP, 0xB0..=0xCF, full),
        to_units(9.5),
        &mut hanzi,
        &mut hangul,
    );
    tier(
        &chars_of(encoding_rs::EUC_JP, 0xD0..=0xF4, full),
        to_units(11.5),
        &mut hanzi,
        &mut hangul,
    );
    // KS X 1001: the 2350 hangul syllables in use, and its hanja.
    tier(
        &chars_of(encoding_rs::EUC_KR, 0xB0..=0xC8, full),
        to_units(9.0),
        &mut hanzi,
        &mut hangul,
    );
    tier(
        &chars_of(encoding_rs::EUC_KR, 0xCA..=0xFD, full),
        to_units(11.5),
        &mut hanzi,
        &mut hangul,
    );
    for (rank, c) in HANGUL_COMMON.chars().enumerate() {
        let u = c as u32;
        if (HANGUL_START..=HANGUL_END).contains(&u) {
            let cost = if rank < 60 { 4.5 } else { 6.0 };
            let slot = &mut hangul[(u - HANGUL_START) as usize];
            *slot = (*slot).min(to_units(cost));
        }
    }
    let mut bmp = vec![0u8; 0x10000];
    for (u, slot) in bmp.iter_mut().enumerate() {
        let cost = match u as u32 {
            CJK_START..=CJK_END => f32::from(hanzi[u - CJK_START as usize]) / SCALE,
            HANGUL_START..=HANGUL_END => f32::from(hangul[u - HANGUL_START as usize]) / SCALE,
            v => char::from_u32(v).map_or(COST_REPLACEMENT, class_cost),
        };
        *slot = to_units(cost);
    }
    Tables { hanzi, bmp }
}

/// Cost in nats of a hanzi in U+4E00..=U+9FFF; `None` for other characters.
pub(crate) fn hanzi_cost(c: char) -> Option<f32> {
    let u = c as u32;
    if (CJK_START..=CJK_END).contains(&u) {
        Some(f32::from(tables().hanzi[(u - CJK_START) as usize]) / SCALE)
    } else {
        None
    }
}

/// Cost in nats of one character in CJK-encoded text. ASCII costs nothing: every
/// ASCII-compatible candidate decodes it identically.
#[inline]
pub(crate) fn char_cost(c: char) -> f32 {
    match tables().bmp.get(c as usize) {
        Some(&units) => f32::from(units) / SCALE,
        None => 14.0,
    }
}

/// Cost by character class, for everything but hanzi and hangul (which have tables).
fn class_cost(c: char) -> f32 {
    let u = c as u32;
    match u {
        0..=0x7F => 0.0,
        0x80..=0x9F => COST_REPLACEMENT,
        0xA0..=0xFF => 8.0,
        0x100..=0x36F => 9.0,
        0x370..=0x4FF => 10.0,
        0x2010..=0x2027 => 4.5,
        0x2030..=0x206F => 9.0,
        0x2100..=0x27BF => 8.0,
        0x3000..=0x303F => 4.5,
        0x3041..=0x309F => 5.5,
        0x30A0..=0x30FF => 6.5,
        0x3100..=0x31FF => 11.0,
        0x3200..=0x33FF => 10.0,
        0x3400..=0x4DBF => 15.0,
        0xA000..=0xABFF => 16.0,
        0xD800..=0xDFFF => COST_REPLACEMENT,
        0xE000..=0xF8FF => 16.0,
        0xF900..=0xFAFF => 13.0,
        0xFE30..=0xFE6F => 10.0,
        0xFF01..=0xFF5E => 5.0,
        0xFF61..=0xFF9F => 13.0,
        0xFFE0..=0xFFE6 => 7.0,
        0xFFFD => COST_REPLACEMENT,
        _ => 14.0,
    }
}

/// Cost of a text: total nats, and how many non-ASCII characters and replacement
/// characters it holds.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct TextCost {
    /// Total cost in nats.
    pub total: f32,
    /// Non-ASCII characters.
    pub non_ascii: usize,
    /// U+FFFD characters.
    pub replacements: usize,
}

impl TextCost {
    /// Mean cost per non-ASCII character (0 when there is none).
    pub fn mean(&self) -> f32 {
        if self.non_ascii == 0 {
            0.0
        } else {
            self.total / self.non_ascii as f32
        }
    }
}

/// Scores a decoded sample.
pub(crate) fn text_cost(text: &str) -> TextCost {
    let mut cost = TextCost::default();
    for c in text.chars() {
        if c.is_ascii() {
            continue;
        }
        cost.non_ascii += 1;
        if c == '\u{FFFD}' {
            cost.replacements += 1;
        }
        cost.total += char_cost(c);
    }
    cost
}

/// Extra cost of kana in a Chinese decoding (GBK, Big5): Chinese prose has none, while
/// Japanese bytes read as GBK keep them (the kana rows of GB2312 and JIS X 0208 coincide).
pub(crate) fn kana_in_chinese_penalty(text: &str) -> f32 {
    2.0 * text
        .chars()
        .filter(|c| ('\u{3041}'..='\u{30FF}').contains(c))
        .count() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_characters_are_cheap() {
        for c in "的一是在人中国工作计划總結會議".chars() {
            assert!(char_cost(c) < 8.0, "{c} costs {}", char_cost(c));
        }
    }

    #[test]
    fn rare_and_junk_characters_are_expensive() {
        for c in "\u{E419}\u{FFFD}ｱ涓婂崐".chars() {
            assert!(char_cost(c) > 9.0, "{c} costs {}", char_cost(c));
        }
        assert!(hanzi_cost('的').is_some_and(|c| c < 6.0));
        assert!(hanzi_cost('婂').is_some_and(|c| c > 11.0));
    }

    #[test]
    fn traditional_inherits_from_simplified() {
        let s = char_cost('计');
        let t = char_cost('計');
        assert!(t >= s && t <= s + 0.5, "{s} {t}");
    }
}
