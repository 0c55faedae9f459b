//! What the segmenter knows about words beyond jieba's dictionary: the domain dictionary
//! (union and government work), user dictionaries, stopwords, the prior IDF table, and the
//! rule deciding which words may be keywords.

use std::io::Read;

use rustc_hash::{FxHashMap, FxHashSet};

/// The domain dictionary, jieba format (`word freq tag`), `#` comments.
const DOMAIN_DICT: &str = include_str!("domain_dict.txt");

/// Stopwords for keywords, one a line, `#` comments.
const STOPWORDS: &str = include_str!("stopwords.txt");

/// jieba's IDF table (jieba-rs `src/data/idf.txt`, MIT), cut down to the words that can be
/// keywords (two or more characters, no digits, tagged n/ns/nt/nz/nw/vn/v/j/l/an in jieba's
/// dictionary or absent from it) with two decimals, zstd-compressed. jieba-rs keeps its own
/// copy private, so this is the only way to look a word's IDF up without a second cut.
const PRIOR_IDF_ZST: &[u8] = include_bytes!("idf.txt.zst");

/// The median IDF of jieba's full table (jieba-rs computes the same value for words it does
/// not know); used for words absent from the table, domain terms included.
pub(crate) const MEDIAN_IDF: f32 = 11.954_768;

/// Part-of-speech tags (jieba's dictionary tags) of words that may be keywords: nouns (common,
/// place, organisation, proper, new), verbs and verbal nouns, abbreviations, set phrases and
/// noun-like adjectives (安全, 困难). Person names (nr*) are left out: in this genre they are
/// signatures and placeholders, and jieba guesses `nr` for much of what its HMM invents.
const CONTENT_TAGS: &[&str] = &["n", "ns", "nt", "nz", "nw", "vn", "v", "j", "l", "an"];

/// One parsed dictionary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DictEntry {
    pub word: String,
    pub freq: Option<usize>,
    pub tag: Option<String>,
}

/// Parses a jieba-format dictionary (`word [freq] [tag]` a line; blank lines and `#` comments
/// skipped). Returns the 1-based number and text of the first bad line on error.
pub(crate) fn parse_dict(text: &str) -> Result<Vec<DictEntry>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let mut freq = None;
        let mut tag = None;
        for field in fields {
            if freq.is_none() && tag.is_none() && field.bytes().all(|b| b.is_ascii_digit()) {
                freq = Some(field.parse::<usize>().map_err(|e| format!("line {}: {line:?}: {e}", i + 1))?);
            } else if tag.is_none() && field.bytes().all(|b| b.is_ascii_alphabetic()) {
                tag = Some(field.to_ascii_lowercase());
            } else {
                return Err(format!("line {}: {line:?}: expected `word [freq] [tag]`", i + 1));
            }
        }
        entries.push(DictEntry { word: word.to_string(), freq, tag });
    }
    Ok(entries)
}

/// The embedded domain dictionary.
pub(crate) fn domain_entries() -> Result<Vec<DictEntry>, String> {
    parse_dict(DOMAIN_DICT)
}

/// Word knowledge shared by every article: immutable after construction.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Domain and user-dictionary words with their tags; these are keyword candidates whatever
    /// jieba's own dictionary says (it tags 十四五 as a numeral, for one).
    domain: FxHashMap<Box<str>, Box<str>>,
    stop: FxHashSet<Box<str>>,
    idf: FxHashMap<Box<str>, f32>,
}

impl Lexicon {
    /// Loads the embedded stopwords and prior IDF table.
    pub(crate) fn new() -> Result<Self, String> {
        let stop = STOPWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(Box::from)
            .collect();
        let mut raw = String::new();
        zstd::stream::read::Decoder::new(PRIOR_IDF_ZST)
            .and_then(|mut d| d.read_to_string(&mut raw))
            .map_err(|e| format!("embedded IDF table: {e}"))?;
        let mut idf = FxHashMap::with_capacity_and_hasher(raw.len() / 14, Default::default());
        for line in raw.lines() {
            let mut it = line.split(' ');
            if let (Some(w), Some(v)) = (it.next(), it.next().and_then(|v| v.parse::<f32>().ok())) {
                idf.insert(Box::from(w), v);
            }
        }
        Ok(Lexicon { domain: FxHashMap::default(), stop, idf })
    }

    /// Records a domain or user-dictionary word and its tag (`n` when none is given).
    pub(crate) fn add_domain(&mut self, word: &str, tag: Option<&str>) {
        self.domain.insert(Box::from(word), Box::from(tag.unwrap_or("n")));
    }

    /// Whether `word` is a domain or user-dictionary word.
    pub(crate) fn is_domain(&self, word: &str) -> bool {
        self.domain.contains_key(word)
    }

    /// jieba's IDF of `word`, the table's median for words it does not hold.
    pub(crate) fn prior_idf(&self, word: &str) -> f32 {
        self.idf.get(word).copied().unwrap_or(MEDIAN_IDF)
    }

    /// Whether `word`, tagged `tag` by jieba, may be a keyword: a content word (by the
    /// dictionaries' tags) of two or more characters that is no stopword, number or placeholder.
    pub(crate) fn is_candidate(&self, word: &str, tag: &str) -> bool {
        if self.stop.contains(word) || !has_two_chars(word) {
            return false;
        }
        if let Some(domain_tag) = self.domain.get(word) {
            // A user may list a word to keep it whole without wanting it as a keyword: a
            // numeral or function-word tag says so.
            return !matches!(&**domain_tag, "m" | "q" | "mq" | "r" | "p" | "c" | "u" | "d" | "x" | "w");
        }
        if word.is_ascii() {
            return is_acronym(word);
        }
        CONTENT_TAGS.contains(&tag) && word.chars().all(is_cjk) && !word.chars().all(is_cjk_numeral)
    }
}

fn has_two_chars(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some() && chars.next().is_some()
}

/// An all-capitals ASCII word such as GDP or AI, but not a placeholder such as XX.
fn is_acronym(word: &str) -> bool {
    (2..=8).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && !word.bytes().all(|b| b == b'X')
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2EBEF}' | '\u{F900}'..='\u{FAFF}')
}

/// Characters that make up Chinese numbers (十八, 二〇二四, 两千); a word of only these is a
/// number, not a keyword.
fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '亿' | '两' | '壹' | '贰' | '叁' | '肆' | '伍' | '陆' | '柒' | '捌' | '玖' | '拾' | '佰' | '仟' | '第' | '几'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_domain_dict_parses_with_tags() {
        let entries = domain_entries().unwrap();
        assert!(entries.len() > 150);
        assert!(entries.iter().all(|e| e.freq.is_some() && e.tag.is_some()), "every domain entry has freq and tag");
        assert!(entries.iter().any(|e| e.word == "职代会"));
    }

    #[test]
    fn parse_dict_accepts_jieba_variants_and_rejects_garbage() {
        let e = parse_dict("\u{feff}# c\n云计算 5 n\n创新办 3\n凱特琳 nz\n台中\n").unwrap();
        assert_eq!(e.len(), 4);
        assert_eq!(e[0], DictEntry { word: "云计算".into(), freq: Some(5), tag: Some("n".into()) });
        assert_eq!(e[1].freq, Some(3));
        assert_eq!(e[1].tag, None);
        assert_eq!(e[2].freq, None);
        assert_eq!(e[2].tag.as_deref(), Some("nz"));
        assert_eq!(e[3].tag, None);
        assert!(parse_dict("好词 12x n\n").unwrap_err().starts_with("line 1"));
        assert!(parse_dict("好词 n 12\n").is_err());
        assert!(parse_dict("好词 99999999999999999999999999 n\n").is_err());
    }

    #[test]
    fn prior_idf_table_loads() {
        let lex = Lexicon::new().unwrap();
        assert!(lex.idf.len() > 150_000);
        assert!((lex.prior_idf("职工") - 7.15).abs() < 0.01);
        assert!(lex.prior_idf("工会") < lex.prior_idf("集体合同"));
        assert_eq!(lex.prior_idf("不存在的词语"), MEDIAN_IDF);
    }

    #[test]
    fn candidate_rule() {
        let mut lex = Lexicon::new().unwrap();
        lex.add_domain("十四五", Some("nz"));
        lex.add_domain("一是", Some("m"));
        assert!(lex.is_candidate("职工", "n"));
        assert!(lex.is_candidate("十四五", "m"), "domain tag wins over jieba's numeral tag");
        assert!(!lex.is_candidate("一是", "n"), "user-listed numeral is kept whole but no keyword");
        assert!(lex.is_candidate("维护", "v"));
        assert!(!lex.is_candidate("我们", "r"));
        assert!(!lex.is_candidate("开展", "v"), "stopword");
        assert!(!lex.is_candidate("工", "n"), "single character");
        assert!(!lex.is_candidate("十八", "n"), "numeral");
        assert!(!lex.is_candidate("XX", "eng"));
        assert!(!lex.is_candidate("xx", "eng"));
        assert!(!lex.is_candidate("2024", "m"));
        assert!(lex.is_candidate("GDP", "eng"));
        assert!(!lex.is_candidate("张三", "nr"));
        assert!(!lex.is_candidate("脚踏实地", "i"));
    }
}
