//! Guessing the encoding of unlabelled bytes: UTF-8 validity, UTF-16 structure, then the
//! East-Asian candidates scored by [`charcost`](super::charcost), with chardetng for the
//! rest of the world's legacy encodings.

use super::charcost::{self, TextCost};
use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GBK, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8};

/// Bytes fed to chardetng: enough to tell GBK from Big5, cheap on big pages.
pub(crate) const SAMPLE_LIMIT: usize = 4096;

/// Bytes the frequency scorer reads per candidate (about 700 hanzi: far more than it needs).
pub(crate) const SCORE_LIMIT: usize = 1536;

/// The double-byte East-Asian encodings, in tie-break order (most likely for this tool first).
pub(crate) const CJK_CANDIDATES: [&Encoding; 5] = [GBK, BIG5, EUC_KR, SHIFT_JIS, EUC_JP];

/// An encoding guess.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Guess {
    /// The encoding chosen.
    pub encoding: &'static Encoding,
    /// Whether the evidence was clear.
    pub confident: bool,
}

/// What the UTF-8 validator says about a whole input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Utf8Verdict {
    /// Valid UTF-8 (`ascii`: no byte ≥ 0x80).
    Valid {
        /// Only ASCII bytes.
        ascii: bool,
    },
    /// UTF-8 with a few damaged sequences (a truncated last character, stray bytes).
    Damaged,
    /// Not UTF-8.
    Invalid,
}

/// Checks UTF-8 validity. Damaged: the only error is a sequence cut by the end of the input,
/// or errors are rare among many valid multi-byte characters.
pub(crate) fn utf8_verdict(bytes: &[u8]) -> Utf8Verdict {
    let first_error = match simdutf8::basic::from_utf8(bytes) {
        Ok(_) => {
            return Utf8Verdict::Valid {
                ascii: bytes.is_ascii(),
            }
        }
        Err(_) => match std::str::from_utf8(bytes) {
            Ok(_) => {
                return Utf8Verdict::Valid {
                    ascii: bytes.is_ascii(),
                }
            }
            Err(e) => e,
        },
    };
    if first_error.error_len().is_none() {
        // Only the end is cut: count what came before to be sure it was UTF-8 at all.
        let valid = &bytes[..first_error.valid_up_to()];
        return if valid.is_ascii() && !plausible_truncated_tail(&bytes[first_error.valid_up_to()..])
        {
            Utf8Verdict::Invalid
        } else {
            Utf8Verdict::Damaged
        };
    }
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += count_multibyte(s);
                break;
            }
            Err(e) => {
                let up_to = e.valid_up_to();
                // SAFETY-free: from_utf8 guarantees this prefix is valid.
                valid_multibyte += std::str::from_utf8(&rest[..up_to]).map_or(0, count_multibyte);
                invalid += 1;
                match e.error_len() {
                    Some(len) => rest = &rest[up_to + len..],
                    None => break,
                }
                if invalid >= 32 && invalid * 10 > valid_multibyte {
                    return Utf8Verdict::Invalid;
                }
            }
        }
    }
    if valid_multibyte >= 8 && invalid * 10 <= valid_multibyte {
        Utf8Verdict::Damaged
    } else {
        Utf8Verdict::Invalid
    }
}

/// A lone lead byte with its continuation bytes at the very end of an otherwise ASCII input.
fn plausible_truncated_tail(tail: &[u8]) -> bool {
    matches!(tail.first(), Some(0xE0..=0xF4)) && tail[1..].iter().all(|b| (0x80..=0xBF).contains(b))
}

fn count_multibyte(s: &str) -> usize {
    // Lead bytes of multi-byte sequences.
    s.as_bytes().iter().filter(|&&b| b >= 0xC0).count()
}

/// Cuts `bytes` to at most `limit` bytes, ending on an ASCII byte when one is near the end so
/// that no multi-byte character is split.
pub(crate) fn sample(bytes: &[u8], limit: usize) -> &[u8] {
    if bytes.len() <= limit {
        return bytes;
    }
    let cut = &bytes[..limit];
    match cut.iter().rev().take(256).position(|&b| b < 0x80) {
        Some(back) => &cut[..limit - back],
        None => cut,
    }
}

/// UTF-16 without a BOM: zeros on one parity (ASCII-heavy text) or code units that read as
/// common CJK text. Returns the byte order.
pub(crate) fn looks_utf16(sample: &[u8]) -> Option<&'static Encoding> {
    let n = sample.len() & !1;
    if n < 4 {
        return None;
    }
    let s = &sample[..n];
    let units = n / 2;
    let zero_even = s.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = s.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let structural = if zero_odd * 5 >= units && zero_even * 20 <= zero_odd {
        Some(UTF_16LE)
    } else if zero_even * 5 >= units && zero_odd * 20 <= zero_even {
        Some(UTF_16BE)
    } else {
        None
    };
    if let Some(enc) = structural {
        let (text, _) = enc.decode_without_bom_handling(s);
        let bad = text
            .chars()
            .filter(|&c| c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()))
            .count();
        return (bad * 20 <= text.chars().count()).then_some(enc);
    }
    if units < 4 {
        return None;
    }
    // Few zeros (CJK text with the odd ASCII character): both byte orders are scored like
    // any candidate and must read as common text. Cheap pre-filter first: the high bytes of
    // CJK UTF-16 lie in a few rows (ASCII, punctuation, U+3000, hanzi, full-width forms).
    let high_row = |b: u8| matches!(b, 0x00 | 0x20 | 0x30 | 0x4E..=0x9F | 0xAC..=0xD7 | 0xFF);
    let odd_rows = s
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| high_row(b))
        .count();
    let even_rows = s.iter().step_by(2).filter(|&&b| high_row(b)).count();
    if odd_rows * 10 < units * 9 && even_rows * 10 < units * 9 {
        return None;
    }
    let mut best: Option<(&'static Encoding, f32)> = None;
    for enc in [UTF_16LE, UTF_16BE] {
        let (text, _) = enc.decode_without_bom_handling(s);
        let mut plausible = 0usize;
        let mut chars = 0usize;
        let mut letters = 0usize;
        for c in text.chars() {
            chars += 1;
            if plausible_cjk_text_char(c) {
                plausible += 1;
            }
            if matches!(c as u32, 0x3041..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3) {
                letters += 1;
            }
        }
        let cost = charcost::text_cost(&text);
        // Mostly hanzi/kana/hangul: ASCII bytes read in pairs give punctuation (U+2020 for
        // two spaces) or rare hanzi, never running text.
        if plausible * 20 >= chars * 19
            && letters * 2 >= chars
            && cost.replacements == 0
            && cost.mean() <= 8.0
            && best.is_none_or(|(_, m)| cost.mean() < m)
        {
            best = Some((enc, cost.mean()));
        }
    }
    best.map(|(enc, _)| enc)
}

fn plausible_cjk_text_char(c: char) -> bool {
    let u = c as u32;
    (0x20..0x7F).contains(&u)
        || c == '\n'
        || c == '\r'
        || c == '\t'
        || (0x2010..=0x2027).contains(&u)
        || (0x3000..=0x30FF).contains(&u)
        || (0x4E00..=0x9FFF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0xFF01..=0xFF5E).contains(&u)
}

/// A scored candidate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    /// The candidate.
    pub encoding: &'static Encoding,
    /// Its text's cost.
    pub cost: TextCost,
}

/// Decodes `sample` with `enc` and scores the text.
pub(crate) fn score(enc: &'static Encoding, sample: &[u8]) -> TextCost {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length(sample.len())
            .unwrap_or(sample.len() * 3),
    );
    // `last = false`: a character cut by the end of the sample (or of a truncated file) stays
    // pending instead of becoming a replacement, so it is not evidence against the encoding.
    let (_, _, _) = decoder.decode_to_string(sample, &mut text, false);
    let mut cost = charcost::text_cost(&text);
    let mut tail = String::with_capacity(8);
    let (_, _, truncated) = decoder.decode_to_string(b"", &mut tail, true);
    if truncated {
        cost.total += 3.0;
    }
    // Priors for this tool's material: Chinese first. Japanese prose without kana and Korean
    // prose without hangul are rare, while Chinese bytes read as EUC-JP/EUC-KR give exactly that.
    if enc == SHIFT_JIS || enc == EUC_JP {
        let kana = text.chars().any(|c| ('\u{3041}'..='\u{30FF}').contains(&c));
        cost.total += 3.0
            + if kana {
                0.0
            } else {
                6.0 + 1.0 * cost.non_ascii as f32
            };
    } else if enc == EUC_KR {
        let hangul = text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
        cost.total += 3.0
            + if hangul {
                0.0
            } else {
                6.0 + 1.0 * cost.non_ascii as f32
            };
    } else if enc == BIG5 {
        cost.total += 1.0 + charcost::kana_in_chinese_penalty(&text);
    } else if enc == GBK {
        cost.total += charcost::kana_in_chinese_penalty(&text);
    }
    cost
}

/// The head of `sample` holding about a thousand high bytes: plenty to score, and bounded.
fn score_sample(sample: &[u8]) -> &[u8] {
    let mut high = 0usize;
    for (i, &b) in sample.iter().enumerate() {
        if b >= 0x80 {
            high += 1;
            if high >= 1024 && i >= SCORE_LIMIT {
                return self::sample(sample, i);
            }
        }
    }
    sample
}

/// Scores every CJK candidate on `sample`, cheapest first (stable: ties keep candidate order).
pub(crate) fn rank_cjk(sample: &[u8]) -> Vec<Scored> {
    let mut all: Vec<Scored> = CJK_CANDIDATES
        .iter()
        .map(|&encoding| Scored {
            encoding,
            cost: score(encoding, sample),
        })
        .collect();
    all.sort_by(|a, b| a.cost.total.total_cmp(&b.cost.total));
    all
}

/// Whether a CJK decoding reads like real text: no decoding errors to speak of and characters
/// mostly common.
pub(crate) fn convincing(cost: &TextCost) -> bool {
    cost.non_ascii >= 1 && cost.replacements * 100 <= cost.non_ascii && cost.mean() <= 8.6
}

/// Guesses the encoding of bytes that are not valid UTF-8 and carry no BOM or trusted label.
pub(crate) fn guess(bytes: &[u8]) -> Guess {
    let head = sample(bytes, SAMPLE_LIMIT);
    if let Some(enc) = looks_utf16(head) {
        return Guess {
            encoding: enc,
            confident: head.len() >= 16,
        };
    }
    // Pages often open with kilobytes of ASCII markup: look where the text is.
    let first_high = Encoding::ascii_valid_up_to(bytes);
    let window = first_high.saturating_sub(256);
    let from = bytes[window..first_high]
        .iter()
        .rposition(|&b| b == b'\n' || b == b'>')
        .map_or(window, |p| window + p + 1);
    let text_part = &bytes[from..];
    let sample = sample(text_part, SAMPLE_LIMIT);
    let ranked = rank_cjk(score_sample(sample));
    let best = ranked[0];
    let margin = ranked[1].cost.total - best.cost.total;
    // Error-free double-byte decoding of a long sample, far ahead of the others: single-byte
    // text (Latin, Cyrillic …) read as GBK always trips on a high byte before a space, so
    // chardetng (slow: ~1 ms per 4 KB) has nothing to add.
    let clean_and_clear =
        best.cost.replacements == 0 && best.cost.non_ascii >= 16 && margin >= 20.0;
    if convincing(&best.cost) || clean_and_clear {
        return Guess {
            encoding: best.encoding,
            confident: margin >= 12.0 && best.cost.non_ascii >= 4,
        };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(sample, sample.len() == text_part.len());
    let guessed = detector.guess(None, chardetng::Utf8Detection::Deny);
    if CJK_CANDIDATES.contains(&guessed) || guessed == encoding_rs::GB18030 {
        // Among CJK decodings the scorer has seen more than byte statistics; neither is sure.
        return Guess {
            encoding: best.encoding,
            confident: false,
        };
    }
    let non_ascii = sample.iter().filter(|&&b| b >= 0x80).count();
    Guess {
        encoding: guessed,
        confident: non_ascii >= 64 && guessed != UTF_8,
    }
}

/// Whether `bytes` (decoded as GBK) use any four-byte GB18030 sequence.
pub(crate) fn has_gb18030_four_byte(bytes: &[u8]) -> bool {
    let mut i = 0;
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            // Skip ASCII runs quickly.
            i += 1 + bytes[i + 1..].iter().take_while(|&&c| c < 0x80).count();
            continue;
        }
        if b == 0x80 || b == 0xFF {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(0x30..=0x39) => {
                if matches!(bytes.get(i + 2), Some(0x81..=0xFE))
                    && matches!(bytes.get(i + 3), Some(0x30..=0x39))
                {
                    return true;
                }
                i += 1;
            }
            Some(0x40..=0x7E) | Some(0x80..=0xFE) => i += 2,
            _ => i += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(text: &str, e: &'static Encoding) -> Vec<u8> {
        let (b, _, unmappable) = e.encode(text);
        assert!(!unmappable, "{text} not representable in {}", e.name());
        b.into_owned()
    }

    #[test]
    fn short_gbk_and_big5() {
        assert_eq!(guess(&enc("今年工作计划要点", GBK)).encoding, GBK);
        assert_eq!(guess(&enc("今年工作計劃要點", BIG5)).encoding, BIG5);
    }

    #[test]
    fn utf8_verdicts() {
        assert_eq!(utf8_verdict(b"abc"), Utf8Verdict::Valid { ascii: true });
        assert_eq!(
            utf8_verdict("工作".as_bytes()),
            Utf8Verdict::Valid { ascii: false }
        );
        let mut cut = "工作计划".as_bytes().to_vec();
        cut.pop();
        assert_eq!(utf8_verdict(&cut), Utf8Verdict::Damaged);
        assert_eq!(
            utf8_verdict(&enc("今年工作计划要点，全面推进", GBK)),
            Utf8Verdict::Invalid
        );
    }

    #[test]
    fn four_byte_sequences() {
        assert!(!has_gb18030_four_byte(&enc("工作计划abc", GBK)));
        let (b, _, _) = encoding_rs::GB18030.encode("工作€\u{20000}");
        assert!(has_gb18030_four_byte(&b));
    }

    #[test]
    fn utf16_without_bom() {
        let (le, _, _) = UTF_16LE.encode("x");
        assert!(
            le.len() == 1,
            "encoding_rs encodes UTF-16 as UTF-8; build by hand"
        );
        let units: Vec<u8> = "今年的工作计划要点如下"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(looks_utf16(&units), Some(UTF_16LE));
        let units: Vec<u8> = "Plan 2024: 工作"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(looks_utf16(&units), Some(UTF_16BE));
        assert_eq!(looks_utf16(&enc("今年的工作计划要点如下", GBK)), None);
    }
}
