//! Decoded page → cleaned text, analysis view and dedup key.
//!
//! OWNER: clean helper. Interface used by the pipeline: [`clean`], [`CleanText`], [`Format`],
//! [`detect_format`], and the [`chrome`] learner.

pub mod chrome;

use crate::report::{Mojibake, RemovedLine, Script};
use chrome::ChromeSet;

/// Whether a page is plain text or HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (lines).
    Text,
    /// HTML markup.
    Html,
}

/// Guesses the format of decoded text.
pub fn detect_format(text: &str) -> Format {
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") {
        Format::Html
    } else {
        Format::Text
    }
}

/// The three texts of a document (OUTPUT.md "Three texts, one set of offsets").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CleanText {
    /// What a reader would call the document, original script.
    pub cleaned: String,
    /// Simplified script, full-width ASCII made half-width. Invariant: exactly as many chars
    /// as `cleaned`, char i of one corresponding to char i of the other.
    pub analysis: String,
    /// Hanzi, letters and digits of `analysis` only.
    pub key: String,
    /// For each char of `key`, its char offset in `cleaned`.
    pub key_map: Vec<u32>,
    /// Every removed line with its reason, in page order.
    pub removed: Vec<RemovedLine>,
    /// Mojibake found / repaired.
    pub mojibake: Mojibake,
    /// Script of `cleaned`.
    pub script: Script,
}

/// Cleans one decoded page. `chrome` holds the corpus's site-chrome lines (empty for `clean`).
pub fn clean(decoded: &str, format: Format, chrome: &ChromeSet) -> CleanText {
    let _ = (format, chrome);
    let cleaned = decoded.to_string();
    let analysis = fast2s::convert(&cleaned);
    let mut key = String::new();
    let mut key_map = Vec::new();
    for (i, c) in analysis.chars().enumerate() {
        if c.is_alphanumeric() {
            key.push(c);
            key_map.push(i as u32);
        }
    }
    CleanText {
        cleaned,
        analysis,
        key,
        key_map,
        removed: Vec::new(),
        mojibake: Mojibake::default(),
        script: Script::Hans,
    }
}
