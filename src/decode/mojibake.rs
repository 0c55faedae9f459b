//! Mojibake: detection and lossless repair of mis-decoded spans.
//!
//! Kinds found, in the order they are looked for:
//! - `锟斤拷` (U+FFFD encoded as UTF-8, read as GBK), `烫烫烫` / `屯屯屯` (uninitialised
//!   MSVC memory), and runs of U+FFFD: found, never repairable (the bytes are gone);
//! - Latin-1 / windows-1252 runs (`ÎÒÃÇ`, `å·¥ä½œ`): re-encoded as windows-1252 they are UTF-8
//!   or GBK bytes of real text;
//! - UTF-8 bytes read as GBK (`鍥為【涓婂崐`): re-encoded as GBK they are valid UTF-8 of
//!   common Chinese;
//! - byte-shifted GBK (a byte lost, so every pair after it is read one byte off: rare hanzi,
//!   kana and private-use characters inside Chinese, as in `；仡櫳习肽旯ぷ` for
//!   `；回顧上半年工作`): found when re-encoding and reading one byte later gives common
//!   Chinese; not repaired, because the lost byte cannot be known.
//!
//! A span is repaired only when the round trip is complete and lands on common Chinese (or,
//! for UTF-8 read as Latin-1, on valid UTF-8); everything else is counted and left as it is.
//! Clean text costs one pass of cheap character checks.

use super::charcost;
use crate::report::Mojibake;
use std::borrow::Cow;

/// Finds mojibake spans in `text` and repairs those a round trip proves.
/// Returns the text (borrowed when nothing changed) and the counts.
pub fn repair(text: &str) -> (Cow<'_, str>, Mojibake) {
    // `spans` looks only at lines the cheap pre-scan flags; clean text costs that one pass.
    let spans = spans(text);
    let counts = Mojibake {
        spans: spans.len(),
        repaired: spans.iter().filter(|s| s.replacement.is_some()).count(),
    };
    if counts.repaired == 0 {
        return (Cow::Borrowed(text), counts);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    for span in &spans {
        out.extend(&chars[i..span.start]);
        match &span.replacement {
            Some(r) => out.push_str(r),
            None => out.extend(&chars[span.start..span.end]),
        }
        i = span.end;
    }
    out.extend(&chars[i..]);
    (Cow::Owned(out), counts)
}

/// One mojibake span, in char indices `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First char of the span.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// What kind of damage.
    pub kind: SpanKind,
    /// The repaired text, when a round trip proved it.
    pub replacement: Option<String>,
}

/// Kinds of mojibake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    /// `锟斤拷`, `烫烫烫`, `屯屯屯`.
    Marker,
    /// A run of U+FFFD.
    Replacement,
    /// Latin-1/windows-1252 characters that were UTF-8 or GBK bytes.
    Latin1,
    /// GBK characters that were UTF-8 bytes.
    Utf8AsGbk,
    /// GBK read one byte off.
    ShiftedGbk,
}

/// All spans of `text`, in order, for callers that want to show them (e.g. `--explain`).
///
/// Lines are examined one by one and only those the cheap pre-scan flags: a line break is
/// ASCII, so every kind of damage resynchronises there, and a page with one rare character
/// no longer sends all its lines through the round-trip searches.
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // Char offset of byte `counted`: advanced only when a flagged line needs it.
    let (mut counted, mut base) = (0usize, 0usize);
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if any_suspicious(line) {
            base += text[counted..at].chars().count();
            counted = at;
            let chars: Vec<char> = line.chars().collect();
            out.extend(find_spans(&chars).into_iter().map(|mut s| {
                s.start += base;
                s.end += base;
                s
            }));
        }
        at += line.len();
    }
    out
}

fn is_kana(c: char) -> bool {
    ('\u{3041}'..='\u{30FF}').contains(&c) && c != '\u{30FB}' && c != '\u{30FC}'
}

fn is_pua(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// Characters windows-1252 decodes bytes 0x80–0xFF to.
fn is_cp1252_high(c: char) -> bool {
    matches!(c as u32, 0x80..=0xFF)
        || matches!(
            c,
            '€' | '‚'
                | 'ƒ'
                | '„'
                | '…'
                | '†'
                | '‡'
                | 'ˆ'
                | '‰'
                | 'Š'
                | '‹'
                | 'Œ'
                | 'Ž'
                | '‘'
                | '’'
                | '“'
                | '”'
                | '•'
                | '–'
                | '—'
                | '˜'
                | '™'
                | 'š'
                | '›'
                | 'œ'
                | 'ž'
                | 'Ÿ'
        )
}

/// Flags of a BMP character, from one table built once: [`F_SUSPICIOUS`] (may be part of
/// mojibake on its own), [`F_LATIN`] (windows-1252 high: suspicious only in runs).
pub(crate) fn flags_table() -> &'static [u8] {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0u32..=0xFFFF)
            .map(|u| match char::from_u32(u) {
                Some(c) if u >= 0x80 => {
                    let latin = is_cp1252_high(c);
                    if latin {
                        F_LATIN
                    } else if suspicious(c) {
                        F_SUSPICIOUS
                    } else {
                        0
                    }
                }
                _ => 0,
            })
            .collect()
    })
}

/// Flag: may be part of mojibake on its own.
pub(crate) const F_SUSPICIOUS: u8 = 1;
/// Flag: windows-1252 high char (suspicious in runs of two or more).
pub(crate) const F_LATIN: u8 = 2;

/// Cheap first look over a text: one table load per non-ASCII character, ASCII skipped a
/// word at a time. A lone Latin-1 character (`·`, NBSP, `×`) is ordinary; Latin-1 mojibake
/// comes in runs.
pub(crate) fn any_suspicious(text: &str) -> bool {
    let table = flags_table();
    let b = text.as_bytes();
    let mut prev_latin = false;
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        if lead < 0x80 {
            prev_latin = false;
            i += 1;
            // Skip ASCII eight bytes at a time.
            while i + 8 <= b.len() {
                let w = u64::from_le_bytes([
                    b[i],
                    b[i + 1],
                    b[i + 2],
                    b[i + 3],
                    b[i + 4],
                    b[i + 5],
                    b[i + 6],
                    b[i + 7],
                ]);
                if w & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                i += 8;
            }
            continue;
        }
        let (cp, len) = if lead < 0xE0 {
            (
                (u32::from(lead & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F),
                2,
            )
        } else if lead < 0xF0 {
            (
                (u32::from(lead & 0x0F) << 12)
                    | (u32::from(b[i + 1] & 0x3F) << 6)
                    | u32::from(b[i + 2] & 0x3F),
                3,
            )
        } else {
            // Outside the BMP: ext. B+ hanzi and emoji, never part of the damage we find.
            prev_latin = false;
            i += 4;
            continue;
        };
        i += len;
        let f = table[cp as usize];
        if f & F_LATIN != 0 {
            if prev_latin {
                return true;
            }
            prev_latin = true;
            continue;
        }
        prev_latin = false;
        if f & F_SUSPICIOUS != 0 {
            return true;
        }
    }
    false
}

/// Could this character be part of mojibake? (Latin-1 characters only in runs.)
fn suspicious(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return false;
    }
    matches!(u, 0x80..=0xFF | 0x3041..=0x30FF | 0xE000..=0xF8FF | 0xFF61..=0xFF9F | 0xFFFD)
        || c == '锟'
        || c == '烫'
        || c == '屯'
        || rare(c)
}

/// A hanzi outside everyday use (GB2312 level 2 and beyond, rare variants).
fn rare(c: char) -> bool {
    matches!(charcost::hanzi_cost(c), Some(cost) if cost >= 11.0)
}

/// Characters that may appear in repaired text: everyday hanzi (GB2312/Big5 level 1 and the
/// frequency list), CJK and general punctuation, full-width forms, ASCII; and, as a whole,
/// ordinary frequency.
fn plausible_repair(s: &str) -> bool {
    let mut hanzi = 0;
    let mut total = 0.0;
    let mut n = 0;
    for c in s.chars() {
        let u = c as u32;
        let ok = match u {
            0x20..=0x7E => true,
            0x2010..=0x2027 | 0x3000..=0x303F | 0xFF01..=0xFF5E => true,
            0x4E00..=0x9FFF => {
                hanzi += 1;
                matches!(charcost::hanzi_cost(c), Some(cost) if cost <= 9.5)
            }
            _ => false,
        };
        if !ok {
            return false;
        }
        if !c.is_ascii() {
            total += charcost::char_cost(c);
            n += 1;
        }
    }
    hanzi >= 1 && total / n.max(1) as f32 <= 9.0
}

fn mean_cost(s: &[char]) -> f32 {
    let mut total = 0.0;
    let mut n = 0;
    for &c in s {
        if !c.is_ascii() {
            total += charcost::char_cost(c);
            n += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        total / n as f32
    }
}

fn find_spans(chars: &[char]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut taken = vec![false; chars.len()];
    let claim = |spans: &mut Vec<Span>, taken: &mut [bool], span: Span| {
        for t in &mut taken[span.start..span.end] {
            *t = true;
        }
        spans.push(span);
    };

    markers(chars, &mut |s| claim(&mut spans, &mut taken, s));
    latin1_runs(chars, &taken.clone(), &mut |s| {
        claim(&mut spans, &mut taken, s)
    });
    utf8_as_gbk(chars, &taken.clone(), &mut |s| {
        claim(&mut spans, &mut taken, s)
    });
    shifted_gbk(chars, &taken.clone(), &mut |s| {
        claim(&mut spans, &mut taken, s)
    });

    spans.sort_by_key(|s| s.start);
    merge_adjacent(spans)
}

/// Longest byte window one UTF-8-as-GBK segment is tried on.
const MAX_SEGMENT: usize = 4096;

/// Joins touching spans of the same kind (a long damaged stretch processed in pieces).
fn merge_adjacent(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        if let Some(last) = out.last_mut() {
            if last.end == span.start
                && last.kind == span.kind
                && last.replacement.is_some() == span.replacement.is_some()
                && span.kind != SpanKind::Replacement
            {
                last.end = span.end;
                if let (Some(a), Some(b)) = (&mut last.replacement, &span.replacement) {
                    a.push_str(b);
                }
                continue;
            }
        }
        out.push(span);
    }
    out
}

/// 锟斤拷 runs, 烫烫烫/屯屯屯 runs of three or more, U+FFFD runs.
fn markers(chars: &[char], emit: &mut dyn FnMut(Span)) {
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '锟' && chars.get(i + 1) == Some(&'斤') && chars.get(i + 2) == Some(&'拷') {
            let start = i;
            i += 3;
            // Repeats, and a trailing partial 锟 / 锟斤 from an odd byte count.
            while chars.get(i) == Some(&'锟') {
                i += 1;
                for next in ['斤', '拷'] {
                    if chars.get(i) == Some(&next) {
                        i += 1;
                    }
                }
            }
            emit(Span {
                start,
                end: i,
                kind: SpanKind::Marker,
                replacement: None,
            });
            continue;
        }
        if c == '烫' || c == '屯' || c == '\u{FFFD}' {
            let start = i;
            while chars.get(i) == Some(&c) {
                i += 1;
            }
            if c == '\u{FFFD}' {
                emit(Span {
                    start,
                    end: i,
                    kind: SpanKind::Replacement,
                    replacement: None,
                });
            } else if i - start >= 3 {
                emit(Span {
                    start,
                    end: i,
                    kind: SpanKind::Marker,
                    replacement: None,
                });
            }
            continue;
        }
        i += 1;
    }
}

/// Runs of windows-1252 high characters that re-encode to UTF-8 or GBK text.
fn latin1_runs(chars: &[char], taken: &[bool], emit: &mut dyn FnMut(Span)) {
    let mut i = 0;
    while i < chars.len() {
        if taken[i] || !is_cp1252_high(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !taken[i] && is_cp1252_high(chars[i]) {
            i += 1;
        }
        // Typographic quotes and dashes at the edges may be the real text's punctuation
        // (or, in UTF-8 read as windows-1252, part of the damage): try both.
        let mut inner_start = start;
        let mut stop = i;
        while inner_start < stop && (chars[inner_start] as u32) > 0xFF {
            inner_start += 1;
        }
        while stop > inner_start && (chars[stop - 1] as u32) > 0xFF {
            stop -= 1;
        }
        if let Some(span) = latin1_round_trip(chars, start, i)
            .or_else(|| latin1_round_trip(chars, inner_start, stop))
        {
            emit(span);
            continue;
        }
        // Long runs of accented letters with no word around them are damage even unproven.
        let run = &chars[inner_start..stop];
        let letters = run
            .iter()
            .filter(|&&c| ('\u{C0}'..='\u{FF}').contains(&c))
            .count();
        let bounded = |c: Option<&char>| c.is_none_or(|c| !c.is_ascii_alphabetic());
        if run.len() >= 6
            && letters * 5 >= run.len() * 4
            && bounded(chars.get(stop))
            && bounded(inner_start.checked_sub(1).and_then(|j| chars.get(j)))
        {
            emit(Span {
                start: inner_start,
                end: stop,
                kind: SpanKind::Latin1,
                replacement: None,
            });
        }
    }
}

/// `chars[start..end]` (windows-1252 characters) re-encoded: valid UTF-8, or GBK of common
/// Chinese.
fn latin1_round_trip(chars: &[char], start: usize, end: usize) -> Option<Span> {
    let run = &chars[start..end];
    if run.iter().filter(|&&c| (c as u32) < 0x100).count() < 2 {
        return None;
    }
    let s: String = run.iter().collect();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&s);
    if unmappable {
        return None;
    }
    // UTF-8 read as Latin-1: the bytes are valid UTF-8 with multi-byte characters.
    if let Ok(u) = std::str::from_utf8(&bytes) {
        // Only a repair to everyday Chinese is proof enough: "×¡" is valid UTF-8 too (Hebrew ס).
        if !u.is_ascii() && u.chars().count() < run.len() && plausible_repair(u) {
            return Some(Span {
                start,
                end,
                kind: SpanKind::Latin1,
                replacement: Some(u.to_string()),
            });
        }
    }
    // GBK read as Latin-1: pairs of high bytes that are common Chinese.
    if run.len() >= 4 {
        if let Some(g) =
            encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&bytes)
        {
            if plausible_repair(&g)
                && g.chars()
                    .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
                    .count()
                    >= 2
            {
                return Some(Span {
                    start,
                    end,
                    kind: SpanKind::Latin1,
                    replacement: Some(g.into_owned()),
                });
            }
        }
    }
    None
}

/// GBK-encodable non-ASCII runs holding a rare character, whose GBK bytes contain valid
/// UTF-8 of common Chinese on character boundaries.
fn utf8_as_gbk(chars: &[char], taken: &[bool], emit: &mut dyn FnMut(Span)) {
    let mut i = 0;
    while i < chars.len() {
        if taken[i] || chars[i].is_ascii() {
            i += 1;
            continue;
        }
        let outer_start = i;
        while i < chars.len() && !taken[i] && !chars[i].is_ascii() {
            i += 1;
        }
        let outer_end = i;
        if !chars[outer_start..outer_end]
            .iter()
            .any(|&c| rare(c) || is_pua(c))
        {
            continue;
        }
        let mut j = outer_start;
        while j < outer_end {
            if gbk2(chars[j]).is_none() {
                j += 1;
                continue;
            }
            let start = j;
            let mut bytes = Vec::with_capacity(32);
            let mut offsets = Vec::with_capacity(16);
            while j < outer_end {
                let Some((pair, len)) = gbk2(chars[j]) else {
                    break;
                };
                offsets.push(bytes.len());
                bytes.extend_from_slice(&pair[..len]);
                j += 1;
            }
            offsets.push(bytes.len());
            utf8_segments(&chars[start..j], start, &bytes, &offsets, emit);
        }
    }
}

/// Within one run of GBK two-byte characters (`bytes`, char `offsets` plus the end), the
/// segments whose bytes are UTF-8 of common Chinese.
fn utf8_segments(
    run: &[char],
    start: usize,
    bytes: &[u8],
    offsets: &[usize],
    emit: &mut dyn FnMut(Span),
) {
    if run.len() < 2 || !run.iter().any(|&c| rare(c) || is_pua(c)) {
        return;
    }
    let mut k = 0;
    while k + 1 < run.len() {
        let p = offsets[k];
        if bytes[p] < 0xC2 {
            k += 1;
            continue;
        }
        // Segments are tried at most MAX_SEGMENT bytes at a time (a long mojibake paragraph
        // is repaired piecewise and the pieces merged), so the work stays linear.
        let window = &bytes[p..bytes.len().min(p + MAX_SEGMENT)];
        let valid = match std::str::from_utf8(window) {
            Ok(_) => window.len(),
            Err(e) => e.valid_up_to(),
        };
        // GBK char boundaries that are also UTF-8 boundaries, largest first: the
        // mojibake may be followed by real text whose bytes happen to continue as UTF-8.
        let ends: Vec<usize> = offsets
            .iter()
            .enumerate()
            .skip(k + 2)
            .take_while(|&(_, &off)| off - p <= valid)
            .filter(|&(_, &off)| off - p == valid || bytes[off] & 0xC0 != 0x80)
            .map(|(kk, _)| kk)
            .collect();
        let seg_rare = |e: usize| run[k..e].iter().any(|&c| rare(c) || is_pua(c));
        let accepted = ends.iter().rev().take(16).copied().find(|&e| {
            let decoded = std::str::from_utf8(&bytes[p..offsets[e]]).unwrap_or("");
            let dec_chars: Vec<char> = decoded.chars().collect();
            dec_chars.len() >= 2
                && seg_rare(e)
                && plausible_repair(decoded)
                && mean_cost(&run[k..e]) >= mean_cost(&dec_chars) + 2.0
        });
        if let Some(e) = accepted {
            let decoded = std::str::from_utf8(&bytes[p..offsets[e]]).unwrap_or("");
            emit(Span {
                start: start + k,
                end: start + e,
                kind: SpanKind::Utf8AsGbk,
                replacement: Some(decoded.to_string()),
            });
            k = e;
            continue;
        }
        k += 1;
    }
}

/// The GBK bytes of a non-ASCII character, if it has them: two bytes, or the single byte
/// 0x80 that GBK decoders read as `€` (a UTF-8 continuation byte in mojibake).
fn gbk2(c: char) -> Option<([u8; 2], usize)> {
    if c.is_ascii() {
        return None;
    }
    if c == '€' {
        return Some(([0x80, 0], 1));
    }
    let pair = *gbk_table().get(c as usize)?;
    (pair != 0).then(|| (pair.to_be_bytes(), 2))
}

/// GBK two-byte code of every BMP character (0: none), built once by the encoder itself on
/// first use (only pages with suspicious lines get here).
fn gbk_table() -> &'static [u16] {
    static TABLE: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut encoder = encoding_rs::GBK.new_encoder();
        let mut buf = [0u8; 4];
        let mut out = [0u8; 8];
        (0u32..=0xFFFF)
            .map(|u| {
                let Some(c) = char::from_u32(u).filter(|c| !c.is_ascii()) else {
                    return 0;
                };
                let (result, _, written) = encoder.encode_from_utf8_without_replacement(
                    c.encode_utf8(&mut buf),
                    &mut out,
                    true,
                );
                match (result, written) {
                    (encoding_rs::EncoderResult::InputEmpty, 2) => {
                        u16::from_be_bytes([out[0], out[1]])
                    }
                    _ => 0,
                }
            })
            .collect()
    })
}

/// Clusters of rare hanzi, kana and private-use characters inside Chinese text that read as
/// common Chinese when their GBK bytes are taken one byte later.
fn shifted_gbk(chars: &[char], taken: &[bool], emit: &mut dyn FnMut(Span)) {
    let non_ascii = chars.iter().filter(|c| !c.is_ascii()).count();
    let kana = chars.iter().filter(|&&c| is_kana(c)).count();
    // Japanese prose is full of kana; Chinese never is.
    let japanese = kana * 20 > non_ascii;
    let bad = |c: char| {
        rare(c) || is_pua(c) || (!japanese && is_kana(c)) || ('\u{FF61}'..='\u{FF9F}').contains(&c)
    };
    let mut i = 0;
    while i < chars.len() {
        if taken[i] || !bad(chars[i]) {
            i += 1;
            continue;
        }
        // Cluster: bad characters at most two non-ASCII characters apart.
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < chars.len() && j <= end + 2 && !taken[j] && !chars[j].is_ascii() {
            if bad(chars[j]) {
                end = j + 1;
            }
            j += 1;
        }
        // Context: one neighbour each side, inside the same non-ASCII run.
        let lo = if start > 0 && !taken[start - 1] && !chars[start - 1].is_ascii() {
            start - 1
        } else {
            start
        };
        let hi = if end < chars.len() && !taken[end] && !chars[end].is_ascii() {
            end + 1
        } else {
            end
        };
        if shift_proves(&chars[lo..hi]) || shift_proves(&chars[start..end]) {
            emit(Span {
                start: lo.min(start),
                end: hi.max(end),
                kind: SpanKind::ShiftedGbk,
                replacement: None,
            });
            i = hi.max(end);
        } else {
            i = end;
        }
    }
}

/// Whether `seg`, GBK-encoded and read from its second byte, is common Chinese that is much
/// more plausible than `seg` itself.
fn shift_proves(seg: &[char]) -> bool {
    if seg.len() < 2 {
        return false;
    }
    let s: String = seg.iter().collect();
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&s);
    if unmappable || bytes.len() < 4 {
        return false;
    }
    let mut decoder = encoding_rs::GBK.new_decoder_without_bom_handling();
    let mut shifted = String::with_capacity(bytes.len() * 2);
    let (_, _, replaced) = decoder.decode_to_string(&bytes[1..], &mut shifted, false);
    if replaced {
        return false;
    }
    let sh: Vec<char> = shifted.chars().collect();
    let hanzi = sh
        .iter()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(*c))
        .count();
    hanzi >= 2
        && sh.iter().all(|&c| c.is_ascii() || !suspicious(c))
        && mean_cost(&sh) <= 8.5
        && mean_cost(seg) >= mean_cost(&sh) + 2.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        for t in [
            "今年以来，我镇工会认真贯彻落实上级工会的工作部署。",
            "工會工作計劃匯總六篇",
            "Plain ASCII.",
            "",
        ] {
            let (out, m) = repair(t);
            assert!(matches!(out, Cow::Borrowed(_)));
            assert_eq!(m, Mojibake::default());
        }
    }

    #[test]
    fn utf8_read_as_gbk_is_repaired() {
        let original = "回顾上半年的工作";
        let (garbled, _) = encoding_rs::GBK.decode_without_bom_handling(original.as_bytes());
        let text = format!("一、{garbled}。");
        let (out, m) = repair(&text);
        assert_eq!(out, format!("一、{original}。"));
        assert_eq!(
            m,
            Mojibake {
                spans: 1,
                repaired: 1
            }
        );
        // An odd number of characters leaves a lone byte: the rest is repaired, the cut
        // character is kept as found and counted.
        let (garbled, _) =
            encoding_rs::GBK.decode_without_bom_handling("回顾上半年工作".as_bytes());
        let text = format!("{garbled}。");
        let (out, m) = repair(&text);
        assert!(out.starts_with("回顾上半年工"), "{out}");
        assert_eq!(
            m,
            Mojibake {
                spans: 2,
                repaired: 1
            }
        );
    }

    #[test]
    fn gbk_read_as_latin1_is_repaired() {
        let gbk = encoding_rs::GBK.encode("我们的工作").0.into_owned();
        let (garbled, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&gbk);
        let text = format!("Title: {garbled} 2024");
        let (out, m) = repair(&text);
        assert_eq!(out, "Title: 我们的工作 2024");
        assert_eq!(
            m,
            Mojibake {
                spans: 1,
                repaired: 1
            }
        );
    }

    #[test]
    fn markers_are_found_not_repaired() {
        let (out, m) = repair("标题锟斤拷锟斤拷正文烫烫烫烫结束\u{FFFD}\u{FFFD}。");
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(
            m,
            Mojibake {
                spans: 3,
                repaired: 0
            }
        );
        assert_eq!(repair("烫烫的水").1.spans, 0);
    }

    #[test]
    fn shifted_gbk_is_found() {
        let (out, m) = repair("貢獻力量;仡櫳习肽旯ぷ,主要有以下幾個方面");
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(
            m,
            Mojibake {
                spans: 1,
                repaired: 0
            }
        );
    }

    #[test]
    fn long_damage_is_one_span_and_linear() {
        let original = "回顾上半年的工作，我们取得了显著成绩。".repeat(800);
        let (garbled, _) = encoding_rs::GBK.decode_without_bom_handling(original.as_bytes());
        let t = std::time::Instant::now();
        let (out, m) = repair(&garbled);
        assert!(t.elapsed().as_secs() < 5);
        // One repaired span; the odd last byte (a replacement character) stays as found.
        assert_eq!((m.spans, m.repaired), (2, 1));
        let first: String = out.chars().take(60).collect();
        assert!(
            out.matches("回顾上半年的工作").count() >= 700,
            "{m:?} {first}"
        );
    }

    #[test]
    fn latin1_pairs_that_decode_to_non_chinese_stay() {
        let (out, m) = repair("尺寸5×¡2");
        assert_eq!(out, "尺寸5×¡2");
        assert_eq!(m.repaired, 0);
    }

    #[test]
    fn japanese_and_latin_are_left_alone() {
        for t in [
            "今日は天気がいいので、公園へ散歩に行きました。",
            "Le café est très chaud. À bientôt, Hélène.",
            "經(jīng)審工作(zuò)",
            "饕餮盛宴与魑魅魍魉",
        ] {
            assert_eq!(repair(t).1, Mojibake::default(), "{t}");
        }
    }
}
