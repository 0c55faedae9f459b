//! Bytes → `String`: BOM, declared charset, UTF-8 fast path, detection, encoding_rs.
//!
//! Order of evidence, strongest first:
//! 1. empty / white-space-only input → [`DecodeError::Empty`]; binary formats →
//!    [`DecodeError::Binary`] ([`sniff_binary`]);
//! 2. `--encoding` ([`EncodingSource::User`]);
//! 3. a byte-order mark (UTF-8, UTF-16LE/BE);
//! 4. valid UTF-8 (checked with SIMD, so UTF-8 pages cost about a memcpy) — a page that
//!    declares another charset but is valid UTF-8 with multi-byte characters is UTF-8 and
//!    `declared_mismatch` names the false label;
//! 5. the charset declared in `<meta>` or `<?xml?>` (first 4 KB), kept unless the bytes
//!    contradict it (many more decoding errors than the best guess, or much less plausible
//!    text);
//! 6. detection on a 4 KB sample: UTF-16 without BOM, then the CJK double-byte encodings
//!    scored by character frequency (right on 8-character snippets, where byte statistics
//!    guess), then chardetng for everything else.
//!
//! GB2312 and GBK labels decode with the GBK decoder (a GB18030 superset), and the result is
//! called "gb18030" only when four-byte GB18030 sequences occur.

mod charcost;
mod declared;
pub(crate) mod detect;
pub mod mojibake;
mod sniff;

use crate::report::EncodingSource;
use encoding_rs::{DecoderResult, Encoding};

/// Why bytes were not decoded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// Zero bytes, or only white space.
    #[error("empty file")]
    Empty,
    /// Not text: the kind of file detected (PNG, ZIP, PDF, ELF …).
    #[error("binary file ({0})")]
    Binary(&'static str),
}

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text (BOM removed).
    pub text: String,
    /// encoding_rs name: "UTF-8", "GBK", "gb18030", "Big5", "UTF-16LE" …
    pub encoding: &'static str,
    /// Where the encoding came from.
    pub source: EncodingSource,
    /// Whether the choice is sure.
    pub confident: bool,
    /// Replacement characters produced.
    pub decode_errors: usize,
    /// A declared charset label that the bytes contradicted.
    pub declared_mismatch: Option<String>,
}

/// The encoding for a user-given label (`--encoding gb2312` → GBK).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Detects binary files by magic numbers (images, archives, PDF, office containers,
/// executables, databases, media, fonts) and by control bytes (NUL bytes that are not UTF-16
/// structure, or more than 10% C0 controls). `None` for text.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    sniff::sniff(bytes)
}

/// The encoding of a stream from its first bytes, with the same evidence as [`decode`]
/// (BOM, declaration, UTF-8 validity, detection). For the pipeline's CSV/JSONL readers: pass
/// the first few KB of the file and decode the whole stream with the result (e.g. with
/// `encoding_rs_io`-style transcoding or `Encoding::decode`). A UTF-8 prefix cut inside a
/// character still counts as UTF-8. GB2312/GBK/GB18030 all come back as `GBK`, whose decoder
/// reads four-byte GB18030 sequences too.
pub fn detect_encoding(prefix: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(prefix) {
        return enc;
    }
    let prefix = &prefix[..prefix.len().min(64 * 1024)];
    let head = detect::sample(prefix, detect::SAMPLE_LIMIT);
    if memchr::memchr(0, head).is_some() {
        if let Some(enc) = detect::looks_utf16(head) {
            return enc;
        }
    }
    match detect::utf8_verdict(prefix) {
        detect::Utf8Verdict::Valid { .. } | detect::Utf8Verdict::Damaged => {
            return encoding_rs::UTF_8
        }
        detect::Utf8Verdict::Invalid => {}
    }
    let guess = detect::guess(prefix);
    let chosen = match declared::find(prefix) {
        Some(d) if d.encoding != encoding_rs::UTF_8 => {
            settle_declared(&d, prefix, guess).map_or(guess.encoding, |(enc, _)| enc)
        }
        _ => guess.encoding,
    };
    family(chosen)
}

/// GB2312/GBK/GB18030 → the GBK decoder; others unchanged.
fn family(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::GB18030 {
        encoding_rs::GBK
    } else {
        enc
    }
}

/// Decodes a document's bytes. `forced` is `--encoding`.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if sniff::is_blank(bytes) {
        return Err(DecodeError::Empty);
    }
    let bom = Encoding::for_bom(bytes);
    if bom.is_none() {
        if let Some(kind) = sniff::sniff(bytes) {
            return Err(DecodeError::Binary(kind));
        }
    }
    if let Some(enc) = forced {
        let body = match bom {
            Some((b, len)) if b == enc || (family(b) == family(enc)) => &bytes[len..],
            _ => bytes,
        };
        return Ok(finish(enc, body, EncodingSource::User, true, None));
    }
    if let Some((enc, len)) = bom {
        // The BOM wins over a declaration, which is then reported as contradicted.
        let mismatch = declared::find(&bytes[len..])
            .filter(|d| family(d.encoding) != family(enc))
            .map(|d| d.label);
        return Ok(finish(
            enc,
            &bytes[len..],
            EncodingSource::Bom,
            true,
            mismatch,
        ));
    }
    let head = detect::sample(bytes, detect::SAMPLE_LIMIT);
    if memchr::memchr(0, head).is_some() {
        // NULs never occur in real UTF-8 text, but are the high bytes of ASCII in UTF-16.
        if let Some(enc) = detect::looks_utf16(head) {
            return Ok(finish(
                enc,
                bytes,
                EncodingSource::Detected,
                head.len() >= 16,
                None,
            ));
        }
    }
    let declared = declared::find(bytes);
    match detect::utf8_verdict(bytes) {
        detect::Utf8Verdict::Valid { ascii } => {
            if ascii && memchr::memchr(0x1B, bytes).is_some() {
                // ISO-2022-JP is all ASCII bytes with escape sequences.
                let mut det =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
                det.feed(detect::sample(bytes, detect::SAMPLE_LIMIT), true);
                if det.guess(None, chardetng::Utf8Detection::Allow) == encoding_rs::ISO_2022_JP {
                    return Ok(finish(
                        encoding_rs::ISO_2022_JP,
                        bytes,
                        EncodingSource::Detected,
                        false,
                        None,
                    ));
                }
            }
            let (source, mismatch) = match declared {
                Some(d) if d.encoding == encoding_rs::UTF_8 => (EncodingSource::Meta, None),
                // Pure ASCII is valid in every ASCII-compatible charset: no contradiction.
                Some(_) if ascii => (EncodingSource::Meta, None),
                Some(d) => (EncodingSource::Detected, Some(d.label)),
                None => (EncodingSource::Detected, None),
            };
            Ok(utf8_text(bytes, source, mismatch))
        }
        detect::Utf8Verdict::Damaged => {
            let mismatch = declared
                .filter(|d| d.encoding != encoding_rs::UTF_8)
                .map(|d| d.label);
            let source = if mismatch.is_none() && declared_is_some(bytes) {
                EncodingSource::Meta
            } else {
                EncodingSource::Detected
            };
            Ok(finish(encoding_rs::UTF_8, bytes, source, false, mismatch))
        }
        detect::Utf8Verdict::Invalid => {
            let sample = detect::sample(bytes, detect::SAMPLE_LIMIT);
            let guess = detect::guess(bytes);
            match declared {
                Some(d) if d.encoding == encoding_rs::UTF_8 => {
                    // Says UTF-8, is not.
                    Ok(finish(
                        guess.encoding,
                        bytes,
                        EncodingSource::Detected,
                        guess.confident,
                        Some(d.label),
                    ))
                }
                Some(d) => match settle_declared(&d, sample, guess) {
                    Some((enc, confident)) => {
                        Ok(finish(enc, bytes, EncodingSource::Meta, confident, None))
                    }
                    None => Ok(finish(
                        guess.encoding,
                        bytes,
                        EncodingSource::Detected,
                        guess.confident,
                        Some(d.label),
                    )),
                },
                None => Ok(finish(
                    guess.encoding,
                    bytes,
                    EncodingSource::Detected,
                    guess.confident,
                    None,
                )),
            }
        }
    }
}

fn declared_is_some(bytes: &[u8]) -> bool {
    declared::find(bytes).is_some()
}

/// Keeps a declared (non-UTF-8) charset unless the bytes contradict it. Returns the encoding
/// to use and whether that is sure, or `None` when the declaration loses to the guess.
fn settle_declared(
    d: &declared::Declared,
    sample: &[u8],
    guess: detect::Guess,
) -> Option<(&'static Encoding, bool)> {
    if family(d.encoding) == family(guess.encoding) {
        return Some((d.encoding, true));
    }
    let said = detect::score(d.encoding, sample);
    let seen = detect::score(guess.encoding, sample);
    let slack = 1 + said.non_ascii / 100;
    if said.replacements > seen.replacements + slack {
        return None;
    }
    let cjk = |e: &'static Encoding| detect::CJK_CANDIDATES.contains(&family(e));
    let guess_reads_well = detect::convincing(&seen);
    if cjk(d.encoding) && cjk(guess.encoding) {
        // Both double-byte: the declaration loses only to much more plausible text.
        let worse = said.total - seen.total;
        if guess_reads_well && worse > 20.0_f32.max(1.5 * said.non_ascii as f32) {
            return None;
        }
    } else if !cjk(d.encoding) && cjk(guess.encoding) && guess_reads_well && seen.non_ascii >= 2 {
        // A Chinese page labelled iso-8859-1/windows-1252 by a careless server template.
        return None;
    }
    Some((d.encoding, said.replacements == 0))
}

/// Valid UTF-8: no decoder needed.
fn utf8_text(bytes: &[u8], source: EncodingSource, declared_mismatch: Option<String>) -> Decoded {
    // The verdict was Valid, so this never takes the lossy branch; it just avoids a second
    // unsafe-free validation pass.
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    };
    Decoded {
        text,
        encoding: "UTF-8",
        source,
        confident: true,
        decode_errors: 0,
        declared_mismatch,
    }
}

/// Decodes all of `bytes` with `enc`, counting malformed sequences.
fn finish(
    enc: &'static Encoding,
    bytes: &[u8],
    source: EncodingSource,
    confident: bool,
    declared_mismatch: Option<String>,
) -> Decoded {
    let enc = family(enc);
    let (text, decode_errors) = decode_counting(enc, bytes);
    let name = if enc == encoding_rs::GBK && four_byte_used(bytes, &text, decode_errors) {
        encoding_rs::GB18030.name()
    } else {
        enc.name()
    };
    Decoded {
        text,
        encoding: name,
        source,
        confident: confident && decode_errors == 0,
        decode_errors,
        declared_mismatch,
    }
}

/// Whether a GBK-decoded input used four-byte GB18030 sequences. Without errors and with
/// only one- and two-byte characters, the text has exactly one character per ASCII byte and
/// per pair of high bytes; a four-byte sequence (two high bytes, two digits, one character)
/// breaks that count, and the exact scan then settles it.
fn four_byte_used(bytes: &[u8], text: &str, decode_errors: usize) -> bool {
    if decode_errors == 0 {
        let high_bytes = bytes.iter().filter(|&&b| b >= 0x80).count();
        let chars = text
            .as_bytes()
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        if high_bytes % 2 == 0 && chars == bytes.len() - high_bytes / 2 {
            return false;
        }
    }
    detect::has_gb18030_four_byte(bytes)
}

/// Decodes with replacement, counting each replacement the decoder had to make.
pub(crate) fn decode_counting(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(cap);
    let mut errors = 0usize;
    let mut pos = 0usize;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[pos..], &mut text, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::Malformed(_, _) => {
                errors += 1;
                text.push('\u{FFFD}');
            }
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(bytes.len() - pos)
                    .unwrap_or(bytes.len() - pos)
                    .max(16);
                text.reserve(more);
            }
        }
    }
    (text, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(s).0.into_owned()
    }

    #[test]
    fn utf8_page() {
        let d = decode("工作计划".as_bytes(), None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.source),
            ("工作计划", "UTF-8", EncodingSource::Detected)
        );
        assert!(d.confident);
    }

    #[test]
    fn lying_meta_loses_to_utf8() {
        let page = "<html><head><meta charset=gb2312></head><body>工作总结</body></html>";
        let d = decode(page.as_bytes(), None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.declared_mismatch.as_deref(), Some("gb2312"));
    }

    #[test]
    fn honest_meta() {
        let mut page = b"<meta charset=gb2312><p>".to_vec();
        page.extend(gbk("二〇二四年工作总结"));
        let d = decode(&page, None).unwrap();
        assert_eq!(
            (d.encoding, d.source, d.declared_mismatch),
            ("GBK", EncodingSource::Meta, None)
        );
        assert!(d.text.ends_with("二〇二四年工作总结"));
    }

    #[test]
    fn truncated_sequence_counts_an_error() {
        let mut b = gbk("今年工作计划要点");
        b.pop();
        let d = decode(&b, None).unwrap();
        assert_eq!(d.encoding, "GBK");
        assert_eq!(d.decode_errors, 1);
        let mut u = "今年工作计划要点".as_bytes().to_vec();
        u.pop();
        let d = decode(&u, None).unwrap();
        assert_eq!((d.encoding, d.decode_errors), ("UTF-8", 1));
    }

    #[test]
    fn forced_and_bom() {
        let d = decode(&gbk("工作"), encoding_for_label("gb2312")).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.source),
            ("工作", "GBK", EncodingSource::User)
        );
        let mut b = vec![0xFF, 0xFE];
        b.extend("工作".encode_utf16().flat_map(|u| u.to_le_bytes()));
        let d = decode(&b, None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.source),
            ("工作", "UTF-16LE", EncodingSource::Bom)
        );
    }

    #[test]
    fn bom_beats_declaration() {
        let page = "\u{FEFF}<meta charset=gbk><p>工作总结</p>";
        let d = decode(page.as_bytes(), None).unwrap();
        assert_eq!((d.encoding, d.source), ("UTF-8", EncodingSource::Bom));
        assert_eq!(d.declared_mismatch.as_deref(), Some("gbk"));
        let page = "\u{FEFF}<meta charset=utf-8><p>工作总结</p>";
        assert_eq!(
            decode(page.as_bytes(), None).unwrap().declared_mismatch,
            None
        );
    }

    #[test]
    fn detect_encoding_prefix() {
        assert_eq!(
            detect_encoding(&gbk("id,text\n1,今年工作计划要点\n")),
            encoding_rs::GBK
        );
        let mut cut = "id,text\n1,今年工作计划".as_bytes().to_vec();
        cut.pop();
        assert_eq!(detect_encoding(&cut), encoding_rs::UTF_8);
    }
}
