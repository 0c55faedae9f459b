//! Is it text at all? Empty input, magic numbers of binary formats, control-byte ratio.

/// Magic numbers at offset 0: (prefix, kind).
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xFF\xD8\xFF", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"\x00\x00\x02\x00", "CUR"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"8BPS", "PSD"),
    (b"\x00\x00\x00\x0CjP  ", "JPEG 2000"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"PK\x07\x08", "ZIP"),
    (b"\x1F\x8B", "gzip"),
    (b"\x28\xB5\x2F\xFD", "zstd"),
    (b"BZh", "bzip2"),
    (b"\xFD7zXZ\x00", "xz"),
    (b"7z\xBC\xAF\x27\x1C", "7z"),
    (b"Rar!\x1A\x07", "RAR"),
    (b"%PDF-", "PDF"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "OLE2 (doc/xls/ppt)"),
    (b"{\\rtf", "RTF"),
    (b"\x7FELF", "ELF"),
    (b"\xCA\xFE\xBA\xBE", "Java class / Mach-O"),
    (b"\xFE\xED\xFA\xCE", "Mach-O"),
    (b"\xFE\xED\xFA\xCF", "Mach-O"),
    (b"\xCE\xFA\xED\xFE", "Mach-O"),
    (b"\xCF\xFA\xED\xFE", "Mach-O"),
    (b"\x00asm", "WebAssembly"),
    (b"dex\n", "Dalvik"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"OggS", "Ogg"),
    (b"fLaC", "FLAC"),
    (b"ID3", "MP3"),
    (b"\x1A\x45\xDF\xA3", "Matroska/WebM"),
    (b"FLV\x01", "FLV"),
    (b"\x30\x26\xB2\x75\x8E\x66\xCF\x11", "ASF/WMV"),
    (b"wOFF", "WOFF"),
    (b"wOF2", "WOFF2"),
    (b"\x00\x01\x00\x00\x00", "TrueType"),
    (b"OTTO", "OpenType"),
    (b"PAR1", "Parquet"),
    (b"ARROW1", "Arrow"),
    (b"\x93NUMPY", "NumPy"),
    (b"!<arch>\n", "ar archive"),
    (b"\xED\xAB\xEE\xDB", "RPM"),
    (b"MSCF", "CAB"),
    (b"ITSF", "CHM"),
];

/// `None` for text; otherwise the kind of binary file.
pub(crate) fn sniff(bytes: &[u8]) -> Option<&'static str> {
    for (magic, kind) in MAGIC {
        if bytes.starts_with(magic) {
            // "BM" and the ICO/CUR headers are short: demand a plausible header behind them,
            // so a text starting with "BM" stays text.
            let plausible = match *kind {
                "BMP" => bmp_header(bytes),
                "ICO" | "CUR" => ico_header(bytes),
                "MP3" => bytes.len() > 10 && bytes[3] < 0x10,
                "PDF" | "GIF" | "RTF" | "ar archive" => true,
                // Magic numbers made of letters ("OTTO", "BZh", "OggS" …) also start words:
                // the header behind them must hold binary bytes.
                _ if magic.iter().all(|b| b.is_ascii_graphic()) => {
                    has_binary_bytes(&bytes[..bytes.len().min(256)])
                }
                _ => true,
            };
            if plausible {
                return Some(kind);
            }
        }
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" {
        return Some(match &bytes[8..12] {
            b"WEBP" => "WebP",
            b"WAVE" => "WAV",
            b"AVI " => "AVI",
            _ => "RIFF",
        });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some(match &bytes[8..12] {
            b"heic" | b"heix" | b"mif1" | b"msf1" => "HEIC",
            b"avif" => "AVIF",
            _ => "MP4/QuickTime",
        });
    }
    if bytes.starts_with(b"MZ") && pe_header(bytes) {
        return Some("PE executable");
    }
    if control_heavy(bytes) {
        return Some("control bytes");
    }
    None
}

/// Bytes no text has: C0 controls other than tab, line breaks, form feed and escape.
fn has_binary_bytes(b: &[u8]) -> bool {
    b.iter()
        .any(|&c| c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
}

fn bmp_header(b: &[u8]) -> bool {
    // File size field and the reserved zero words; DIB header size 12..=124.
    b.len() >= 26
        && b[6..10] == [0, 0, 0, 0]
        && (12..=124).contains(&u32::from_le_bytes([b[14], b[15], b[16], b[17]]))
}

fn ico_header(b: &[u8]) -> bool {
    // Image count 1..=255, reserved byte 0 in the first directory entry.
    b.len() >= 22 && b[4] != 0 && b[5] == 0 && b[9] == 0
}

fn pe_header(b: &[u8]) -> bool {
    if b.len() < 0x40 {
        // Tiny "MZ" files: DOS stubs are binary either way when full of control bytes.
        return control_heavy(b);
    }
    let off = u32::from_le_bytes([b[0x3C], b[0x3D], b[0x3E], b[0x3F]]) as usize;
    match b.get(off..off + 4) {
        Some(sig) => sig == b"PE\x00\x00",
        None => control_heavy(b),
    }
}

/// Whether the first 8 KB are mostly not text: NUL bytes that are not UTF-16 structure, or
/// many C0 control bytes other than tab, line feeds, form feed, escape.
fn control_heavy(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return false;
    }
    let mut nul = 0usize;
    let mut control = 0usize;
    for &b in sample {
        if b == 0 {
            nul += 1;
        } else if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B) || b == 0x7F {
            control += 1;
        }
    }
    let suspicious =
        (nul > 0 && (nul * 200 > sample.len() || nul >= 16)) || control * 10 > sample.len();
    if !suspicious {
        return false;
    }
    // UTF-16 without BOM has NULs (high bytes of ASCII, low bytes of U+xx00) and control
    // bytes (low bytes of CJK punctuation U+3001…); it is text if it reads as text.
    crate::decode::detect::looks_utf16(sample).is_none()
}

/// Zero bytes or only white space (ASCII, ideographic space, NBSP, BOMs).
pub(crate) fn is_blank(bytes: &[u8]) -> bool {
    if bytes.iter().all(|b| b.is_ascii_whitespace() || *b == 0x0B) {
        return true;
    }
    // Short inputs: a BOM and/or Unicode spaces only.
    if bytes.len() > 256 {
        return false;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(body) {
        return s.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}');
    }
    for (bom, enc) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (s, _) = enc.decode_without_bom_handling(rest);
            return s.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}');
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("PNG"));
        assert_eq!(sniff(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), Some("PDF"));
        assert_eq!(sniff(b"PK\x03\x04\x14\x00\x06\x00"), Some("ZIP"));
        assert_eq!(sniff(b"RIFF\x10\x00\x00\x00WEBPVP8 "), Some("WebP"));
        assert_eq!(sniff(b"\x7FELF\x02\x01\x01\0"), Some("ELF"));
    }

    #[test]
    fn text_is_not_binary() {
        assert_eq!(sniff("BM是一个缩写".as_bytes()), None);
        assert_eq!(sniff(b"MZ is a text line\nwith two lines\n"), None);
        assert_eq!(
            sniff("正文\u{7}含一个响铃字符，其余都是文字。".as_bytes()),
            None
        );
        assert_eq!(sniff("GIF87 is a format".as_bytes()), None);
        assert_eq!(sniff(b"OTTO von Bismarck und BZh"), None);
        assert_eq!(sniff(b"PAR1 report: plan"), None);
        assert_eq!(sniff(b"OggS\x00\x02\x00\x00"), Some("Ogg"));
    }

    #[test]
    fn nul_heavy_is_binary() {
        let mut v = vec![0u8; 64];
        v.extend_from_slice(b"abc\x01\x02\x03\x00\x00\x10");
        assert_eq!(sniff(&v), Some("control bytes"));
    }

    #[test]
    fn blank() {
        assert!(is_blank(b""));
        assert!(is_blank(b" \r\n\t "));
        assert!(is_blank("\u{FEFF}\u{3000}\n".as_bytes()));
        assert!(is_blank(b"\xFF\xFE \x00\n\x00"));
        assert!(!is_blank(b" a "));
    }
}
