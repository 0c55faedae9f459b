//! Mojibake on the corpus: the seed-000 shifted spans are found, clean pages and the 31
//! provincial reports have no span at all, and synthetic damage made from corpus text is
//! repaired back to the original exactly.

use zhreport::decode::mojibake::{repair, spans, SpanKind};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

fn seed(prefix: &str) -> String {
    let dir = format!("{SHARED}/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let path = paths
        .into_iter()
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .expect("seed");
    std::fs::read_to_string(path).expect("utf-8 seed")
}

fn reports() -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(format!("{SHARED}/gov-reports-2026"))
        .expect("reports")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let mut rdr = csv::Reader::from_path(&path).expect("csv");
        let headers = rdr.headers().expect("header").clone();
        let col = headers
            .iter()
            .position(|h| h.trim_start_matches('\u{FEFF}') == "full_text")
            .expect("full_text");
        for rec in rdr.records().flatten() {
            out.push((
                path.display().to_string(),
                rec.get(col).unwrap_or("").to_string(),
            ));
        }
    }
    out
}

#[test]
fn seed_000_shifted_gbk_is_found_and_left_alone() {
    let text = seed("000");
    let found = spans(&text);
    let chars: Vec<char> = text.chars().collect();
    let shown: Vec<String> = found
        .iter()
        .map(|s| chars[s.start..s.end].iter().collect())
        .collect();
    eprintln!("seed 000 spans: {shown:?}");
    // Both copies of ";仡櫳习肽旯ぷ," (回顧上半年工作 read one byte off).
    let shifted = shown.iter().filter(|s| s.contains("仡櫳习肽旯ぷ")).count();
    assert_eq!(shifted, 2, "{shown:?}");
    assert!(
        found.iter().all(|s| s.replacement.is_none()),
        "nothing here is provably repairable"
    );
    assert!(found.iter().all(|s| s.kind == SpanKind::ShiftedGbk));
    // Every span holds a character no clean Chinese text would (kana, PUA, rare hanzi).
    assert!(found.len() <= 6, "{shown:?}");
    let (out, m) = repair(&text);
    assert_eq!(out, text);
    assert_eq!(m.spans, found.len());
    assert_eq!(m.repaired, 0);
}

#[test]
fn clean_pages_and_reports_have_no_spans() {
    for p in ["001", "002", "003"] {
        let text = seed(p);
        assert!(spans(&text).is_empty(), "seed {p}: {:?}", spans(&text));
    }
    // Seed 004 is not clean: "工会干咳嗽钡睦砺鬯匮" is 工会干部的理论素质 read one byte off.
    // Exactly that one span, nothing else.
    let text = seed("004");
    let found = spans(&text);
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let shown: String = chars[found[0].start..found[0].end].iter().collect();
    assert!("咳嗽钡睦砺鬯匮".contains(&shown), "{shown}");
    let all = reports();
    assert!(all.len() >= 31);
    for (path, text) in &all {
        let found = spans(text);
        let chars: Vec<char> = text.chars().collect();
        let shown: Vec<String> = found
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect();
        assert!(found.is_empty(), "{path}: {shown:?}");
    }
}

/// Paragraph-sized pieces of corpus text (simplified).
fn paragraphs() -> Vec<String> {
    let mut out = Vec::new();
    for (_, text) in reports().iter().step_by(4) {
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| l.chars().count() >= 60)
            .take(6)
        {
            out.push(line.to_string());
        }
    }
    out
}

/// Garbles `chars[a..b]` of `line` with `garble` and checks that repair restores the line.
fn check_repair(garble: &dyn Fn(&str) -> Option<String>, min_share: f64, label: &str) {
    let mut total = 0;
    let mut restored = 0;
    let mut misses = Vec::new();
    for (i, line) in paragraphs().iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        // A run of hanzi of even length (so UTF-8 bytes fill whole GBK pairs), somewhere in the line.
        let len = 6 + 2 * (i % 8);
        let is_hanzi = |c: &char| ('\u{4E00}'..='\u{9FFF}').contains(c);
        let from = (i * 37) % chars.len();
        let Some(a) = (from..chars.len().saturating_sub(len))
            .find(|&a| chars[a..a + len].iter().all(is_hanzi))
        else {
            continue;
        };
        let piece: String = chars[a..a + len].iter().collect();
        let Some(bad) = garble(&piece) else { continue };
        let damaged = format!(
            "{}{}{}",
            chars[..a].iter().collect::<String>(),
            bad,
            chars[a + len..].iter().collect::<String>()
        );
        total += 1;
        let (out, m) = repair(&damaged);
        if out == *line && m.spans == 1 && m.repaired == 1 {
            restored += 1;
        } else {
            let ctx: String = damaged
                .chars()
                .skip(a.saturating_sub(4))
                .take(len + 12)
                .collect();
            misses.push(format!("{piece} → {bad} → {m:?} in {ctx:?}"));
        }
    }
    let share = restored as f64 / total as f64;
    eprintln!("{label}: restored {restored}/{total}");
    for m in misses.iter().take(10) {
        eprintln!("  {m}");
    }
    assert!(total >= 20, "{label}: too few samples");
    assert!(share >= min_share, "{label}: {share:.3}");
}

#[test]
fn utf8_read_as_gbk_spans_are_repaired() {
    check_repair(
        &|s| {
            let (g, had_errors) = encoding_rs::GBK.decode_without_bom_handling(s.as_bytes());
            (!had_errors).then(|| g.into_owned())
        },
        0.95,
        "UTF-8 as GBK",
    );
}

#[test]
fn gbk_read_as_latin1_spans_are_repaired() {
    check_repair(
        &|s| {
            let (b, _, unmappable) = encoding_rs::GBK.encode(s);
            if unmappable {
                return None;
            }
            Some(
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&b)
                    .0
                    .into_owned(),
            )
        },
        0.98,
        "GBK as Latin-1",
    );
}

#[test]
fn utf8_read_as_latin1_is_repaired() {
    let (g, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling("工作总结".as_bytes());
    let text = format!("标题：{g}（2024）");
    let (out, m) = repair(&text);
    assert_eq!(out, "标题：工作总结（2024）");
    assert_eq!((m.spans, m.repaired), (1, 1));
}

#[test]
fn other_scripts_are_not_flagged() {
    for t in [
        "東京都は新しい計画を発表しました。来年度から実施される予定です。カタカナとひらがな。",
        "정부는 내년도 경제 계획을 발표했다.",
        "Grüße aus München: Die Straße ist heute für Fußgänger geöffnet. Ça va? Ñandú.",
        "經(jīng)審工作(zuò)對于每一個工會看似不重要，實質(zhì)上卻非常重要。",
        "邕江两岸、鄱阳湖畔、婺源、歙县、黟县、涪陵、濮阳、亳州、儋州、邛崃、犍为",
    ] {
        assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
    }
}
