//! Titles of lead-sentence headings on the cleaned text the pipeline passes (the clean stage
//! repairs the mojibake of seed 000, which then exposes words repeated inside a lead
//! sentence): a title is the lead sentence, or its first clause when long, never a phrase
//! cut where a word happens to repeat.

mod structure_common;

use structure_common::*;
use zhreport::clean::chrome::ChromeSet;
use zhreport::clean::{clean, Format};
use zhreport::structure::analyze;

/// (heading line text, title) of every heading of the cleaned seed 000.
fn seed_000_headings() -> Vec<(String, String)> {
    let (_, raw) = seeds()
        .into_iter()
        .find(|(n, _)| n.starts_with("000"))
        .expect("seed 000");
    let ct = clean(&raw, Format::Text, &ChromeSet::empty());
    let page = analyze(&ct.cleaned, &ct.analysis);
    let chars: Vec<char> = ct.cleaned.chars().collect();
    let mut out = Vec::new();
    for a in &page.articles {
        for s in &a.sections {
            let line: String = chars[s.offset..]
                .iter()
                .take_while(|&&c| c != '\n')
                .collect();
            out.push((line, s.title.clone()));
        }
    }
    out
}

#[test]
fn seed_000_titles_end_at_a_clause_boundary() {
    let heads = seed_000_headings();
    assert!(heads.len() >= 30, "headings: {}", heads.len());
    let mut bad = String::new();
    for (line, title) in &heads {
        let Some(at) = line.find(title.as_str()) else {
            bad.push_str(&format!("title not in line: {title} | {line}\n"));
            continue;
        };
        // What follows the title on its line: end of line or a punctuation mark.
        let next = line[at + title.len()..].chars().next();
        let boundary = next.is_none_or(|c| {
            matches!(
                c,
                '。' | '，' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '.'
            )
        });
        if !boundary {
            bad.push_str(&format!("cut mid-phrase: {title} | {line}\n"));
        }
    }
    assert!(bad.is_empty(), "{bad}");
    let titles: Vec<&str> = heads.iter().map(|h| h.1.as_str()).collect();
    // The word repeated inside the lead sentence (經審會組織) does not end the title.
    assert!(
        titles.contains(&"在建立健全工會經審會組織的同時"),
        "{titles:?}"
    );
    // A quotation's inner `?` ends no sentence.
    assert!(
        titles.contains(&"繼續開展“精彩工會?盡在桂園”系列活動"),
        "{titles:?}"
    );
}
