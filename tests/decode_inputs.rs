//! Decode stage on every kind of input the issue lists: other scripts, declared charsets
//! (honest and lying), BOMs, UTF-16 without BOM, truncation, binary files, empty files, and
//! arbitrary bytes (proptest).

use encoding_rs::Encoding;
use proptest::prelude::*;
use zhreport::decode::{decode, detect_encoding, sniff_binary, DecodeError};
use zhreport::report::EncodingSource;

fn enc(text: &str, e: &'static Encoding) -> Vec<u8> {
    let (b, _, unmappable) = e.encode(text);
    assert!(!unmappable, "{text:?} not representable in {}", e.name());
    b.into_owned()
}

fn assert_decodes(text: &str, e: &'static Encoding) {
    let bytes = enc(text, e);
    let d = decode(&bytes, None).unwrap_or_else(|err| panic!("{}: {err}", e.name()));
    assert_eq!(
        d.encoding,
        e.name(),
        "{text:?} decoded as {} → {:?}",
        d.encoding,
        d.text
    );
    assert_eq!(d.text, text);
    assert_eq!(d.decode_errors, 0);
}

const JAPANESE: &[&str] = &[
    "今日は天気がいいので、公園へ散歩に行きました。",
    "東京都は新しい計画を発表しました。来年度から実施される予定です。",
    "ありがとうございます",
    "日本語のテキストを正しく読み込めるかどうかを確認します。",
    "カタカナとひらがな",
];

const KOREAN: &[&str] = &[
    "오늘은 날씨가 좋아서 공원에 산책하러 갔습니다.",
    "정부는 내년도 경제 계획을 발표했다.",
    "감사합니다",
    "한국어 문장을 올바르게 읽을 수 있는지 확인합니다.",
];

const LATIN: &[&str] = &[
    "Le café est très chaud, n'est-ce pas? À bientôt, Hélène.",
    "Grüße aus München: Die Straße ist heute für Fußgänger geöffnet.",
    "El niño comió piñas en la montaña después de la lección.",
];

#[test]
fn japanese_korean_latin_decode_right() {
    for t in JAPANESE {
        assert_decodes(t, encoding_rs::SHIFT_JIS);
        assert_decodes(t, encoding_rs::EUC_JP);
    }
    for t in KOREAN {
        assert_decodes(t, encoding_rs::EUC_KR);
    }
    for t in LATIN {
        assert_decodes(t, encoding_rs::WINDOWS_1252);
    }
    assert_decodes(
        "Съешь же ещё этих мягких французских булок, да выпей чаю. Это пример текста.",
        encoding_rs::WINDOWS_1251,
    );
}

#[test]
fn short_japanese_and_korean_snippets() {
    for t in ["ありがとう", "東京の天気", "会社員です", "日本語を話す"] {
        assert_decodes(t, encoding_rs::SHIFT_JIS);
        assert_decodes(t, encoding_rs::EUC_JP);
    }
    for t in ["감사합니다", "한국어 문장", "서울특별시"] {
        assert_decodes(t, encoding_rs::EUC_KR);
    }
}

#[test]
fn iso_2022_jp() {
    let t = "日本語のテキストです。";
    let bytes = enc(t, encoding_rs::ISO_2022_JP);
    assert!(bytes.is_ascii());
    let d = decode(&bytes, None).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("ISO-2022-JP", t));
}

#[test]
fn utf8_other_scripts_stay_utf8() {
    for t in JAPANESE.iter().chain(KOREAN).chain(LATIN) {
        let d = decode(t.as_bytes(), None).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-8", *t));
    }
}

#[test]
fn lying_meta_declares_gb2312_but_is_utf8() {
    let page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
                <title>工作总结</title></head><body><p>二〇二四年上半年工作总结</p></body></html>";
    let d = decode(page.as_bytes(), None).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.source, EncodingSource::Detected);
    assert_eq!(d.declared_mismatch.as_deref(), Some("gb2312"));
    assert_eq!(d.text, page);
}

#[test]
fn lying_meta_declares_utf8_but_is_gbk() {
    let mut page = b"<html><head><meta charset=\"utf-8\"></head><body>".to_vec();
    page.extend(enc(
        "今年以来，我镇工会在市总工会的正确领导下，认真贯彻落实上级工会的工作部署。",
        encoding_rs::GBK,
    ));
    page.extend(b"</body></html>");
    let d = decode(&page, None).unwrap();
    assert_eq!(d.encoding, "GBK");
    assert_eq!(d.declared_mismatch.as_deref(), Some("utf-8"));
    assert!(d.text.contains("我镇工会在市总工会"));
}

#[test]
fn lying_meta_declares_big5_but_is_gbk_and_latin1_but_is_gbk() {
    let body = "今年以来，我镇工会在市总工会的正确领导下，认真贯彻落实上级工会的工作部署，扎实推进各项工作。";
    for label in ["big5", "iso-8859-1"] {
        let mut page = format!("<html><head><meta charset={label}></head><body>").into_bytes();
        page.extend(enc(body, encoding_rs::GBK));
        let d = decode(&page, None).unwrap();
        assert_eq!(d.encoding, "GBK", "declared {label}");
        assert_eq!(d.declared_mismatch.as_deref(), Some(label));
        assert!(d.text.contains(body));
    }
}

#[test]
fn long_ascii_head_without_declaration() {
    // No meta, kilobytes of script and style before the first Chinese character.
    let mut page = b"<html><head><script>".to_vec();
    for i in 0..300 {
        page.extend(format!("var a{i} = function() {{ return {i}; }};\n").as_bytes());
    }
    page.extend(b"</script></head><body><p>");
    page.extend(enc(
        "今年以来，我镇工会认真贯彻落实上级工会的工作部署。",
        encoding_rs::GBK,
    ));
    page.extend(b"</p></body></html>");
    assert!(page.len() > 8000);
    let d = decode(&page, None).unwrap();
    assert_eq!(d.encoding, "GBK");
    let mut page5 = b"<html><body>".to_vec();
    page5.extend(" ".repeat(6000).as_bytes());
    page5.extend(enc("工會工作計劃", encoding_rs::BIG5));
    assert_eq!(decode(&page5, None).unwrap().encoding, "Big5");
}

#[test]
fn honest_meta_big5() {
    let mut page = b"<html><head><meta charset=big5></head><body>".to_vec();
    page.extend(enc("工會工作計劃", encoding_rs::BIG5));
    let d = decode(&page, None).unwrap();
    assert_eq!(
        (d.encoding, d.source, d.confident),
        ("Big5", EncodingSource::Meta, true)
    );
}

#[test]
fn gb18030_named_only_for_four_byte_sequences() {
    let d = decode(&enc("工作计划", encoding_rs::GB18030), None).unwrap();
    assert_eq!(d.encoding, "GBK");
    let text = "工作计划 € 𠀀 ḿ 结束";
    let d = decode(&enc(text, encoding_rs::GB18030), None).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("gb18030", text));
}

#[test]
fn utf16_with_and_without_bom() {
    let text = "二〇二四年工作计划\n一、指导思想\n以习近平新时代中国特色社会主义思想为指导。";
    let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    for (body, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
        let bom: &[u8] = if name == "UTF-16LE" {
            b"\xFF\xFE"
        } else {
            b"\xFE\xFF"
        };
        let with: Vec<u8> = bom.iter().copied().chain(body.iter().copied()).collect();
        let d = decode(&with, None).unwrap();
        assert_eq!(
            (d.encoding, d.source, d.text.as_str()),
            (name, EncodingSource::Bom, text)
        );
        let d = decode(&body, None).unwrap();
        assert_eq!(
            (d.encoding, d.source, d.text.as_str()),
            (name, EncodingSource::Detected, text)
        );
    }
    let ascii_heavy = "Report 2024\r\nTotal: 1234 units\r\n";
    let le: Vec<u8> = ascii_heavy
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let d = decode(&le, None).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", ascii_heavy));
}

#[test]
fn utf8_bom_is_removed() {
    let d = decode("\u{FEFF}工作总结".as_bytes(), None).unwrap();
    assert_eq!(
        (d.text.as_str(), d.source),
        ("工作总结", EncodingSource::Bom)
    );
}

#[test]
fn truncated_multibyte_is_ok_with_errors() {
    for e in [encoding_rs::UTF_8, encoding_rs::GBK, encoding_rs::BIG5] {
        let mut b = enc("今年工作計劃與總結報告全文如下", e);
        b.pop();
        let d = decode(&b, None).unwrap();
        assert_eq!(d.encoding, e.name());
        assert_eq!(d.decode_errors, 1, "{}", e.name());
        assert!(d.text.ends_with('\u{FFFD}'));
    }
}

#[test]
fn damaged_utf8_stays_utf8() {
    let mut b = "今年以来，我镇工会在市总工会的正确领导下，认真贯彻落实上级工会的工作部署。"
        .repeat(3)
        .into_bytes();
    b[40] = 0xFF;
    let d = decode(&b, None).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.decode_errors >= 1 && d.decode_errors <= 3);
    assert!(!d.confident);
}

#[test]
fn binary_kinds() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
            "PNG",
        ),
        (b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00", "WebP"),
        (
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml",
            "ZIP",
        ),
        (b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj", "PDF"),
        (
            b"\x7FELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
            "ELF",
        ),
        (b"\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03", "gzip"),
        (b"SQLite format 3\x00\x10\x00\x01\x01", "SQLite"),
        (b"\xCA\xFE\xBA\xBE\x00\x00\x00\x34", "Java class / Mach-O"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00",
            "OLE2 (doc/xls/ppt)",
        ),
    ];
    for (bytes, kind) in cases {
        assert_eq!(sniff_binary(bytes), Some(*kind));
        assert_eq!(decode(bytes, None), Err(DecodeError::Binary(kind)));
    }
    let mut bmp = b"BM\x46\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00".to_vec();
    bmp.extend([0u8; 40]);
    assert_eq!(sniff_binary(&bmp), Some("BMP"));
    let mut pe = vec![0u8; 0x100];
    pe[..2].copy_from_slice(b"MZ");
    pe[0x3C] = 0x80;
    pe[0x80..0x84].copy_from_slice(b"PE\x00\x00");
    assert_eq!(sniff_binary(&pe), Some("PE executable"));
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 % 32)
        .collect();
    assert_eq!(sniff_binary(&noise), Some("control bytes"));
}

#[test]
fn text_with_a_few_control_bytes_is_text() {
    let mut b = "今年以来，我镇工会在市总工会的正确领导下"
        .repeat(20)
        .into_bytes();
    b.insert(30, 0x07);
    b.insert(90, 0x00);
    b.insert(150, 0x1A);
    assert_eq!(sniff_binary(&b), None);
    let d = decode(&b, None).unwrap();
    assert_eq!(d.encoding, "UTF-8");
}

#[test]
fn empty_inputs() {
    for b in [
        &b""[..],
        b"   \n\t\r\n",
        "\u{FEFF}".as_bytes(),
        "\u{3000}\n".as_bytes(),
        b"\xFF\xFE",
    ] {
        assert_eq!(decode(b, None), Err(DecodeError::Empty), "{b:?}");
    }
}

#[test]
fn detect_encoding_for_csv_streams() {
    let csv = "id,full_text\n1,\"今年以来，我镇工会在市总工会的正确领导下，认真贯彻落实\"\n";
    assert_eq!(detect_encoding(csv.as_bytes()), encoding_rs::UTF_8);
    assert_eq!(
        detect_encoding(&enc(csv, encoding_rs::GBK)),
        encoding_rs::GBK
    );
    assert_eq!(
        detect_encoding(&enc(csv, encoding_rs::GB18030)),
        encoding_rs::GBK
    );
    let trad = "id,full_text\n1,工會工作計劃匯總六篇\n";
    assert_eq!(
        detect_encoding(&enc(trad, encoding_rs::BIG5)),
        encoding_rs::BIG5
    );
    let mut prefix = csv.as_bytes().to_vec();
    prefix.truncate(prefix.len() - 5);
    assert_eq!(detect_encoding(&prefix), encoding_rs::UTF_8);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = decode(&bytes, None);
        let _ = decode(&bytes, Some(encoding_rs::GBK));
        let _ = detect_encoding(&bytes);
        let _ = sniff_binary(&bytes);
    }

    #[test]
    fn never_panics_on_cjk_like_bytes(bytes in proptest::collection::vec(prop_oneof![0x20u8..0x7F, 0x81u8..0xFF, Just(0u8)], 0..300)) {
        if let Ok(d) = decode(&bytes, None) {
            prop_assert!(!d.encoding.is_empty());
        }
    }

    #[test]
    fn utf8_text_always_round_trips(s in "\\PC{1,80}") {
        match decode(s.as_bytes(), None) {
            Ok(d) => {
                prop_assert_eq!(d.text, s.clone());
                prop_assert_eq!(d.encoding, "UTF-8");
            }
            Err(DecodeError::Empty) => {
                let blank = s.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}');
                prop_assert!(blank);
            }
            Err(e) => prop_assert!(false, "{e} for {s:?}"),
        }
    }
}
