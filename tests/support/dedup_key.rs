//! The dedup key of a test article, made by the real cleaning stage (no site chrome), as the
//! pipeline makes it: shared by the copy-detection tests.

use zhreport::clean::{chrome::ChromeSet, clean, Format};

/// Dedup key and, for each key char, its offset in the cleaned text.
pub fn key(text: &str) -> (String, Vec<u32>) {
    let ct = clean(text, Format::Text, &ChromeSet::empty());
    (ct.key, ct.key_map)
}
