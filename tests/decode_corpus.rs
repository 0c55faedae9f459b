//! The corpus variants (corpus/variants, made by tools/make_variants.py from the
//! seeds) decode to the seeds' text with the right encoding, source and mismatch.

use zhreport::decode::decode;
use zhreport::report::EncodingSource;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(format!("{CORPUS}/{rel}")).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn seed(name: &str) -> String {
    String::from_utf8(read(&format!("seeds/{name}"))).expect("seed is UTF-8")
}

#[test]
fn gbk_variant() {
    let d = decode(&read("variants/gbk_001_7479f0db71bd9e90.txt"), None).unwrap();
    assert_eq!(
        (d.encoding, d.source, d.confident, d.decode_errors),
        ("GBK", EncodingSource::Detected, true, 0)
    );
    assert_eq!(d.text, seed("001_7479f0db71bd9e90.txt"));
}

#[test]
fn gb18030_variant_has_four_byte_characters() {
    let d = decode(&read("variants/gb18030_002_0652916cca44b76f.txt"), None).unwrap();
    assert_eq!((d.encoding, d.decode_errors), ("gb18030", 0));
    assert!(d
        .text
        .starts_with(&seed("002_0652916cca44b76f.txt").trim_end().to_string()));
    assert!(d.text.contains("刘䶮") && d.text.contains("𠮷野"));
}

#[test]
fn big5_variant_with_fallbacks() {
    let d = decode(&read("variants/big5_000_8f9c3c8eedcddc83.txt"), None).unwrap();
    assert_eq!((d.encoding, d.decode_errors), ("Big5", 0));
    let original = seed("000_8f9c3c8eedcddc83.txt");
    assert_eq!(d.text.chars().count(), original.chars().count());
    let mut replaced = 0;
    for (got, want) in d.text.chars().zip(original.chars()) {
        if got != want {
            assert_eq!(got, '?', "{want} became {got}");
            replaced += 1;
        }
    }
    // Pinyin tone letters, simplified leftovers and the mojibake kana: about 4% of the page.
    assert!(replaced > 0 && replaced * 10 < original.chars().count());
}

#[test]
fn utf16le_bom_variant() {
    let d = decode(&read("variants/utf16le-bom_003_e143416c15d9f134.txt"), None).unwrap();
    assert_eq!((d.encoding, d.source), ("UTF-16LE", EncodingSource::Bom));
    assert_eq!(d.text, seed("003_e143416c15d9f134.txt"));
}

#[test]
fn html_meta_gb2312_variant() {
    let d = decode(
        &read("variants/html-meta-gb2312_004_d1b7e45385dff9cc.html"),
        None,
    )
    .unwrap();
    assert_eq!(
        (d.encoding, d.source, d.declared_mismatch.as_deref()),
        ("GBK", EncodingSource::Meta, None)
    );
    assert!(d.confident);
    assert!(d.text.contains("工会年终工作总结及计划3篇"));
}

#[test]
fn html_meta_lies_variant() {
    let d = decode(
        &read("variants/html-meta-lies-utf8_001_7479f0db71bd9e90.html"),
        None,
    )
    .unwrap();
    assert_eq!(
        (d.encoding, d.source, d.declared_mismatch.as_deref()),
        ("UTF-8", EncodingSource::Detected, Some("gb2312"))
    );
    assert!(d.text.contains("八字桥乡工会2015年工作要点"));
}

#[test]
fn seeds_are_utf8() {
    for entry in std::fs::read_dir(format!("{CORPUS}/seeds"))
        .expect("seeds")
        .flatten()
    {
        let d = decode(&std::fs::read(entry.path()).expect("read"), None).unwrap();
        assert_eq!(
            (d.encoding, d.decode_errors),
            ("UTF-8", 0),
            "{:?}",
            entry.path()
        );
    }
}
