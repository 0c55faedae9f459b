//! Segment stage against the shared corpus: domain terms whole, traditional twins identical to
//! their simplified sources, and golden keywords of the seed articles (reviewed by eye; rewrite
//! with `UPDATE_GOLDEN=1 cargo test --test segment_keywords`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use zhreport::segment::{keywords, DocFreq, Segmenter};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/segment/seed_keywords.tsv"
);
const GOLDEN_GOV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/segment/gov_keywords.tsv"
);
const GOLDEN_SINGLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/segment/seed_keywords_single.tsv"
);

fn seg() -> &'static Segmenter {
    static S: OnceLock<Segmenter> = OnceLock::new();
    S.get_or_init(|| Segmenter::new(None).expect("segmenter"))
}

/// A crude stand-in for the clean stage: pinyin notes and anti-copy backticks out, simplified
/// script, full-width ASCII made half-width.
fn analysis_view(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '(' {
            // A pinyin note such as (qū): drop it.
            let rest: String = chars.clone().take_while(|&c| c != ')').collect();
            if !rest.is_empty()
                && rest.len() <= 12
                && rest.chars().all(|c| c.is_alphabetic() && !is_cjk(c))
            {
                for _ in 0..=rest.chars().count() {
                    chars.next();
                }
                continue;
            }
        }
        if c == '`' {
            continue;
        }
        s.push(match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        });
    }
    fast2s::convert(&s)
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The articles of a seed page: the text after each `篇N` marker (markers as in
/// "工会工作计划 篇1"), or the whole page when there is none.
fn seed_articles() -> Vec<(String, usize, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(format!("{CORPUS}/seeds"))
        .expect("seeds dir (symlink ../shared)")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    paths.sort();
    let marker = regex::Regex::new(r"篇\d+").unwrap();
    let mut out = Vec::new();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = analysis_view(&std::fs::read_to_string(&path).unwrap());
        let mut articles: Vec<String> = Vec::new();
        let mut current: Option<String> = None;
        for line in text.lines() {
            match marker.find(line) {
                Some(m) if m.start() < 90 => {
                    if let Some(a) = current.take() {
                        articles.push(a);
                    }
                    current = Some(format!("{}\n", &line[m.end()..]));
                }
                _ => {
                    if let Some(a) = current.as_mut() {
                        a.push_str(line);
                        a.push('\n');
                    }
                }
            }
        }
        articles.extend(current);
        if articles.is_empty() {
            articles.push(text);
        }
        for (i, a) in articles.into_iter().enumerate() {
            out.push((name.clone(), i + 1, a));
        }
    }
    out
}

/// One golden row: file, article number, keywords.
type Row = (String, usize, Vec<(String, f64)>);

fn render(rows: &[Row]) -> String {
    let mut s = String::new();
    for (file, i, kw) in rows {
        let words: Vec<String> = kw.iter().map(|(w, x)| format!("{w}:{x:.3}")).collect();
        s.push_str(&format!("{file}\t{i}\t{}\n", words.join(" ")));
    }
    s
}

/// Compares the keyword words (not the scores) of `got` with the golden file.
fn check_golden(path: &str, got: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(path).expect("golden file; create with UPDATE_GOLDEN=1");
    let words = |s: &str| -> Vec<Vec<String>> {
        s.lines()
            .map(|l| {
                l.split(['\t', ' '])
                    .map(|f| f.split(':').next().unwrap_or("").to_string())
                    .collect()
            })
            .collect()
    };
    let (g, w) = (words(got), words(&want));
    assert_eq!(
        g.len(),
        w.len(),
        "article count differs from {path}:\n{got}"
    );
    for (g, w) in g.iter().zip(&w) {
        assert_eq!(g, w, "keywords differ from {path}");
    }
}

#[test]
fn seed_keywords_match_golden() {
    let s = seg();
    let articles = seed_articles();
    assert!(
        articles.len() >= 20,
        "expected the seed pages' 篇N articles, got {}",
        articles.len()
    );
    let terms: Vec<_> = articles.iter().map(|a| s.terms(&a.2)).collect();
    let mut df = DocFreq::default();
    for t in &terms {
        df.add(t);
    }
    let rows: Vec<_> = articles
        .iter()
        .zip(&terms)
        .map(|(a, t)| (a.0.clone(), a.1, keywords(t, &df, 10)))
        .collect();
    for (file, i, kw) in &rows {
        assert!(kw.len() >= 5, "{file} #{i}: too few keywords {kw:?}");
        for (w, score) in kw {
            assert!(
                w.chars().count() >= 2 && !w.chars().any(|c| c.is_ascii_digit()),
                "{w}"
            );
            assert!(!w.contains("XX") && !w.contains("xx"), "{w}");
            assert!(score.is_finite() && *score > 0.0, "{w} {score}");
        }
    }
    check_golden(GOLDEN, &render(&rows));

    // Single-document mode (jieba's IDF) on each seed article.
    let single = DocFreq::default();
    let rows: Vec<_> = articles
        .iter()
        .zip(&terms)
        .map(|(a, t)| (a.0.clone(), a.1, keywords(t, &single, 10)))
        .collect();
    check_golden(GOLDEN_SINGLE, &render(&rows));
}

/// The 31 provincial government work reports as (file, text), in file order.
fn gov_reports() -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(format!("{CORPUS}/gov-reports-2026"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let mut rdr = csv::Reader::from_path(&path).unwrap();
        let col = rdr
            .headers()
            .unwrap()
            .iter()
            .position(|h| h.ends_with("full_text"))
            .unwrap();
        for rec in rdr.records() {
            out.push((
                path.file_name().unwrap().to_string_lossy().to_string(),
                rec.unwrap()[col].to_string(),
            ));
        }
    }
    out
}

#[test]
fn gov_report_keywords_match_golden() {
    let s = seg();
    let reports = gov_reports();
    assert_eq!(reports.len(), 31);
    let mut terms: Vec<_> = reports
        .iter()
        .map(|r| s.terms(&fast2s::convert(&r.1)))
        .collect();
    let mut df = DocFreq::default();
    let before: usize = terms.iter().map(|t| t.heap_bytes()).sum();
    for t in &mut terms {
        df.absorb(t);
    }
    // What stays per article until the corpus stage: the shortlist only.
    eprintln!(
        "heap per article: {} bytes before absorb",
        before / terms.len()
    );
    let after: usize = terms.iter().map(|t| t.heap_bytes()).sum();
    eprintln!(
        "heap per article: {} bytes after absorb",
        after / terms.len()
    );
    assert!(
        after / terms.len() < 1024,
        "{} bytes per article kept",
        after / terms.len()
    );
    assert!(
        after * 4 < before,
        "absorb frees the document-frequency hashes ({before} → {after})"
    );
    let rows: Vec<_> = reports
        .iter()
        .zip(&terms)
        .map(|(r, t)| (r.0.clone(), 1, keywords(t, &df, 10)))
        .collect();
    let mut out = render(&rows);
    let top: Vec<String> = df
        .top(20)
        .into_iter()
        .map(|(w, n)| format!("{w}:{n}"))
        .collect();
    out.push_str(&format!("top_keywords\t0\t{}\n", top.join(" ")));
    check_golden(GOLDEN_GOV, &out);
}

/// A simplified → traditional map built from fast2s itself: for each simplified character,
/// the smallest traditional character fast2s turns into it.
fn s2t() -> BTreeMap<char, char> {
    let mut map = BTreeMap::new();
    for cp in 0x4E00u32..=0x9FFF {
        let Some(t) = char::from_u32(cp) else {
            continue;
        };
        let s = fast2s::convert(&t.to_string());
        let mut it = s.chars();
        if let (Some(sc), None) = (it.next(), it.next()) {
            if sc != t {
                map.entry(sc).or_insert(t);
            }
        }
    }
    map
}

#[test]
fn traditional_twin_gives_same_tokens_and_keywords() {
    let s = seg();
    let map = s2t();
    assert!(map.len() > 2000);
    let mut pages: Vec<String> = seed_articles().into_iter().map(|a| a.2).collect();
    // Some government reports too: a different register.
    for name in [
        "2026_广东省_政府工作报告.csv",
        "2026_上海市_政府工作报告.csv",
    ] {
        let mut rdr = csv::Reader::from_path(format!("{CORPUS}/gov-reports-2026/{name}")).unwrap();
        let col = rdr
            .headers()
            .unwrap()
            .iter()
            .position(|h| h.ends_with("full_text"))
            .unwrap();
        for rec in rdr.records() {
            pages.push(rec.unwrap()[col].to_string());
        }
    }
    let mut changed_pages = 0;
    let mut df_simp = DocFreq::default();
    let mut df_trad = DocFreq::default();
    let mut pairs = Vec::new();
    for simplified in &pages {
        let traditional: String = simplified
            .chars()
            .map(|c| *map.get(&c).unwrap_or(&c))
            .collect();
        if traditional != *simplified {
            changed_pages += 1;
        }
        // What the clean stage hands over: every page goes through the T→S conversion, the
        // simplified source too (fast2s is not the identity on simplified text: 捍卫 → 扞卫).
        let view = fast2s::convert(&traditional);
        let simplified = &fast2s::convert(simplified);
        let a = s.words(simplified);
        let b = s.words(&view);
        assert_eq!(a.len(), b.len(), "token count differs");
        let differing: Vec<_> = a.iter().zip(&b).filter(|(x, y)| x != y).take(5).collect();
        assert!(differing.is_empty(), "tokens differ: {differing:?}");
        let (ta, tb) = (s.terms(simplified), s.terms(&view));
        assert_eq!(ta, tb);
        df_simp.add(&ta);
        df_trad.add(&tb);
        pairs.push((ta, tb));
        assert_eq!(
            s.keywords_textrank(simplified, 10),
            s.keywords_textrank(&view, 10)
        );
    }
    assert!(
        changed_pages * 10 >= pages.len() * 9,
        "the twins must really be traditional"
    );
    for (ta, tb) in &pairs {
        assert_eq!(keywords(ta, &df_simp, 10), keywords(tb, &df_trad, 10));
        assert_eq!(
            keywords(ta, &DocFreq::default(), 10),
            keywords(tb, &DocFreq::default(), 10)
        );
    }
    assert_eq!(df_simp.top(20), df_trad.top(20));
}

#[test]
fn domain_terms_stay_whole_in_corpus() {
    let s = seg();
    // Every occurrence of these terms in the corpus must come out as one token.
    let terms = [
        "职代会",
        "厂务公开",
        "集体合同",
        "困难职工",
        "送温暖",
        "金秋助学",
        "劳动竞赛",
        "安康杯",
        "职工之家",
        "十四五",
        "十五五",
        "新质生产力",
        "高质量发展",
        "营商环境",
        "乡村振兴",
        "以旧换新",
        "一网通办",
    ];
    let mut pages: Vec<String> = seed_articles().into_iter().map(|a| a.2).collect();
    for entry in std::fs::read_dir(format!("{CORPUS}/gov-reports-2026")).unwrap() {
        let mut rdr = csv::Reader::from_path(entry.unwrap().path()).unwrap();
        let col = rdr
            .headers()
            .unwrap()
            .iter()
            .position(|h| h.ends_with("full_text"))
            .unwrap();
        for rec in rdr.records() {
            pages.push(rec.unwrap()[col].to_string());
        }
    }
    let mut seen = BTreeMap::new();
    for page in &pages {
        let words = s.words(page);
        for term in terms {
            let in_text = page.matches(term).count();
            if in_text == 0 {
                continue;
            }
            let whole = words.iter().filter(|w| w.0 == term).count();
            // A term may legitimately sit inside a longer domain word (困难职工帮扶).
            let inside_longer = words
                .iter()
                .filter(|w| w.0 != term && w.0.contains(term))
                .count();
            assert_eq!(whole + inside_longer, in_text, "{term} split in a page");
            *seen.entry(term).or_insert(0) += whole;
        }
    }
    assert!(seen.len() >= 12, "most terms occur in the corpus: {seen:?}");
}
