//! The embedded data files, stored zstd-compressed (upstream compresses them at build time
//! with include-flate, from the plain files; this copy keeps only the compressed ones).

/// Decompresses one of the crate's embedded data files.
pub(crate) fn decompress(compressed: &[u8]) -> String {
    let bytes = zstd::stream::decode_all(compressed).expect("embedded jieba data is valid zstd");
    String::from_utf8(bytes).expect("embedded jieba data is UTF-8")
}
