//! Round trips: text from the seeds and the provincial reports, encoded in each encoding it
//! can be represented in, cut into snippets of 8, 24 and 80 characters, must decode back to
//! the same text with the right encoding name (issue 2: ≥ 99.5%, snippets included).

use encoding_rs::{Encoding, BIG5, GB18030, GBK};
use zhreport::decode::decode;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// Lines of running text (mostly hanzi) from the corpus: (simplified, traditional).
fn corpus_lines() -> (Vec<String>, Vec<String>) {
    let mut simplified = Vec::new();
    let mut traditional = Vec::new();
    let mut seeds: Vec<_> = std::fs::read_dir(format!("{SHARED}/seeds"))
        .expect("seeds")
        .flatten()
        .map(|e| e.path())
        .collect();
    seeds.sort();
    for path in seeds {
        let text = std::fs::read_to_string(&path).expect("seed is UTF-8");
        let trad = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("000"));
        for line in text.lines() {
            let line = line.trim();
            if line
                .chars()
                .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
                .count()
                >= 20
            {
                if trad {
                    traditional.push(line.to_string());
                } else {
                    simplified.push(line.to_string());
                }
            }
        }
    }
    let mut reports: Vec<_> = std::fs::read_dir(format!("{SHARED}/gov-reports-2026"))
        .expect("reports")
        .flatten()
        .map(|e| e.path())
        .collect();
    reports.sort();
    for path in reports.iter().step_by(3) {
        let mut rdr = csv::Reader::from_path(path).expect("csv");
        let headers = rdr.headers().expect("header").clone();
        let col = headers
            .iter()
            .position(|h| h.trim_start_matches('\u{FEFF}') == "full_text")
            .expect("full_text");
        for rec in rdr.records().flatten() {
            for line in rec.get(col).unwrap_or("").lines() {
                let line = line.trim();
                if line.chars().count() >= 80 {
                    simplified.push(line.to_string());
                }
            }
        }
    }
    (simplified, traditional)
}

/// Deterministic snippets of `len` characters: every `stride`-th line, a few offsets each.
fn snippets(lines: &[String], len: usize, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        if chars.len() < len {
            continue;
        }
        for k in 0..3 {
            let start = ((i * 7919 + k * 104_729) % (chars.len() - len + 1)).min(chars.len() - len);
            let s: String = chars[start..start + len].iter().collect();
            if s.trim().chars().count() == len {
                out.push(s);
            }
        }
        if out.len() >= max {
            break;
        }
    }
    out.truncate(max);
    out
}

fn encode(text: &str, enc: &'static Encoding) -> Option<Vec<u8>> {
    if enc == encoding_rs::UTF_16LE {
        let mut b = vec![0xFF, 0xFE];
        b.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        return Some(b);
    }
    if enc == encoding_rs::UTF_16BE {
        let mut b = vec![0xFE, 0xFF];
        b.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        return Some(b);
    }
    let (bytes, _, unmappable) = enc.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}

/// The encoding name the contract expects for `enc` given the text.
fn expected_name(enc: &'static Encoding, text: &str) -> &'static str {
    if enc == GB18030 || enc == GBK {
        // "gb18030" only when a four-byte sequence occurs, i.e. some character is not in GBK.
        if GBK.encode(text).2 {
            "gb18030"
        } else {
            "GBK"
        }
    } else {
        enc.name()
    }
}

struct Tally {
    total: usize,
    wrong: Vec<String>,
}

fn run(texts: &[String], enc: &'static Encoding, tally: &mut Tally) {
    for t in texts {
        let Some(bytes) = encode(t, enc) else {
            continue;
        };
        tally.total += 1;
        let want = expected_name(enc, t);
        match decode(&bytes, None) {
            Ok(d) if d.text == *t && d.encoding == want => {}
            Ok(d) => tally.wrong.push(format!(
                "{} {:?} → {} {:?}",
                enc.name(),
                t,
                d.encoding,
                d.text
            )),
            Err(e) => tally.wrong.push(format!("{} {:?} → {e}", enc.name(), t)),
        }
    }
}

#[test]
fn snippets_round_trip_in_every_encoding() {
    let (simplified, traditional) = corpus_lines();
    assert!(
        simplified.len() > 100 && traditional.len() > 20,
        "corpus not found under {SHARED}"
    );
    let mut tally = Tally {
        total: 0,
        wrong: Vec::new(),
    };
    for len in [8usize, 24, 80] {
        let simp = snippets(&simplified, len, 400);
        let trad = snippets(&traditional, len, 200);
        for enc in [
            GBK,
            GB18030,
            encoding_rs::UTF_8,
            encoding_rs::UTF_16LE,
            encoding_rs::UTF_16BE,
        ] {
            run(&simp, enc, &mut tally);
        }
        for enc in [BIG5, encoding_rs::UTF_8, encoding_rs::UTF_16LE] {
            run(&trad, enc, &mut tally);
        }
    }
    let right = tally.total - tally.wrong.len();
    let share = right as f64 / tally.total as f64;
    eprintln!("round trip: {right}/{} = {:.4}", tally.total, share);
    for w in tally.wrong.iter().take(40) {
        eprintln!("  {w}");
    }
    assert!(tally.total > 3000);
    assert!(share >= 0.995, "only {share:.4} right");
}

#[test]
fn utf16_without_bom_best_effort() {
    // No BOM: structure and plausibility only. 24 and 80 characters must come out right.
    let (simplified, _) = corpus_lines();
    let mut total = 0;
    let mut wrong = Vec::new();
    for len in [24usize, 80] {
        for t in snippets(&simplified, len, 300) {
            for le in [true, false] {
                let bytes: Vec<u8> = t
                    .encode_utf16()
                    .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                    .collect();
                total += 1;
                match decode(&bytes, None) {
                    Ok(d) if d.text == t => {}
                    other => wrong.push(format!("{t:?} → {other:?}")),
                }
            }
        }
    }
    let share = (total - wrong.len()) as f64 / total as f64;
    eprintln!("UTF-16 without BOM: {share:.4} of {total}");
    for w in wrong.iter().take(10) {
        eprintln!("  {w}");
    }
    assert!(share >= 0.995, "only {share:.4}");
}

#[test]
fn eight_character_snippets_without_bom_or_markup() {
    // The hardest case on its own: 16 bytes, no context. Each encoding separately ≥ 99.5%.
    let (simplified, traditional) = corpus_lines();
    for (texts, enc) in [
        (snippets(&simplified, 8, 600), GBK),
        (snippets(&traditional, 8, 300), BIG5),
    ] {
        let mut tally = Tally {
            total: 0,
            wrong: Vec::new(),
        };
        run(&texts, enc, &mut tally);
        let share = (tally.total - tally.wrong.len()) as f64 / tally.total as f64;
        eprintln!("{}: {share:.4} of {}", enc.name(), tally.total);
        for w in tally.wrong.iter().take(20) {
            eprintln!("  {w}");
        }
        assert!(share >= 0.995, "{}: only {share:.4} right", enc.name());
    }
}

/// Held-out text (news, literature, notices; not used to build the frequency table): every
/// 8-, 12- and 24-character window, simplified → GBK, traditional → Big5.
#[test]
fn held_out_text_snippets() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/decode");
    let read = |name: &str| -> Vec<String> {
        std::fs::read_to_string(format!("{dir}/{name}"))
            .expect("held-out text")
            .lines()
            .map(str::to_string)
            .collect()
    };
    for (lines, enc) in [
        (read("heldout_simplified.txt"), GBK),
        (read("heldout_traditional.txt"), BIG5),
    ] {
        let mut tally = Tally {
            total: 0,
            wrong: Vec::new(),
        };
        for len in [8usize, 12, 24] {
            let mut windows = Vec::new();
            for line in &lines {
                let chars: Vec<char> = line.chars().collect();
                for start in (0..chars.len().saturating_sub(len)).step_by(3) {
                    windows.push(chars[start..start + len].iter().collect::<String>());
                }
            }
            run(&windows, enc, &mut tally);
        }
        let share = (tally.total - tally.wrong.len()) as f64 / tally.total as f64;
        eprintln!("held-out {}: {share:.4} of {}", enc.name(), tally.total);
        for w in tally.wrong.iter().take(20) {
            eprintln!("  {w}");
        }
        assert!(share >= 0.995, "{}: only {share:.4}", enc.name());
    }
}

/// Whole documents: every provincial report and seed, in GBK and in UTF-16LE without BOM,
/// decodes back exactly.
#[test]
fn whole_documents_round_trip() {
    let mut docs: Vec<String> = Vec::new();
    let mut reports: Vec<_> = std::fs::read_dir(format!("{SHARED}/gov-reports-2026"))
        .expect("reports")
        .flatten()
        .map(|e| e.path())
        .collect();
    reports.sort();
    for path in reports {
        let mut rdr = csv::Reader::from_path(path).expect("csv");
        let headers = rdr.headers().expect("header").clone();
        let col = headers
            .iter()
            .position(|h| h.trim_start_matches('\u{FEFF}') == "full_text")
            .expect("full_text");
        for rec in rdr.records().flatten() {
            docs.push(rec.get(col).unwrap_or("").to_string());
        }
    }
    assert!(docs.len() >= 31);
    for doc in &docs {
        if let Some(bytes) = encode(doc, GBK) {
            let d = decode(&bytes, None).expect("decodes");
            assert_eq!((d.encoding, d.decode_errors), ("GBK", 0));
            assert!(d.text == *doc);
        }
        let le: Vec<u8> = doc.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let d = decode(&le, None).expect("decodes");
        assert_eq!(d.encoding, "UTF-16LE");
        assert!(d.text == *doc);
    }
}
