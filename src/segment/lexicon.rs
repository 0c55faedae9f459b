//! What the segmenter knows about words beyond jieba's dictionary: the domain dictionary
//! (union and government work), user dictionaries, stopwords, the prior IDF table, and the
//! rule deciding which words may be keywords.

use std::io::Read;

/// The domain dictionary, jieba format (`word freq tag`), `#` comments.
const DOMAIN_DICT: &str = include_str!("domain_dict.txt");

/// Stopwords for keywords, one a line, `#` comments.
const STOPWORDS: &str = include_str!("stopwords.txt");

/// The content words of jieba's dictionary with jieba's IDF (jieba-rs `src/data/dict.txt` and
/// `src/data/idf.txt`, MIT): every dictionary word of two or more CJK characters tagged
/// n/ns/nt/nz/nw/vn/v/j/l/an, the IDF table's words that are not in the dictionary (flag
/// `o`), and the non-content words among the 24,000 most frequent dictionary words (flag `x`),
/// as `word idf flags` (idf `-` when jieba has none; flag `h`: among those most frequent
/// words); zstd-compressed. jieba-rs keeps its tags and IDFs private (only `Jieba::tag` reads
/// them, at about twice the cost of a cut, because it also runs a POS HMM on every unknown
/// word), so this table is how a word's tag class and IDF are read with one hash lookup.
const CONTENT_WORDS_ZST: &[u8] = include_bytes!("content_words.txt.zst");

/// The median IDF of jieba's full table (jieba-rs uses the same value for words it has no IDF
/// for); used for such words, domain terms included.
pub(crate) const MEDIAN_IDF: f32 = 11.954_768;

/// Part-of-speech tags of words that may be keywords: nouns (common, place, organisation,
/// proper, new), verbs and verbal nouns, abbreviations, set phrases and noun-like adjectives
/// (安全, 困难). Person names (nr*) are left out: in this genre they are signatures and
/// placeholders, and jieba guesses `nr` for much of what its HMM invents. The content-word
/// table was cut to these tags; the list judges words jieba's HMM made up.
pub(crate) const CONTENT_TAGS: &[&str] = &["n", "ns", "nt", "nz", "nw", "vn", "v", "j", "l", "an"];

/// Tags with which a user-dictionary word is kept whole but is no keyword.
const NON_CONTENT_TAGS: &[&str] = &["m", "q", "mq", "r", "p", "c", "u", "d", "x", "w"];

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
                freq = Some(
                    field
                        .parse::<usize>()
                        .map_err(|e| format!("line {}: {line:?}: {e}", i + 1))?,
                );
            } else if tag.is_none() && field.bytes().all(|b| b.is_ascii_alphabetic()) {
                tag = Some(field.to_ascii_lowercase());
            } else {
                return Err(format!(
                    "line {}: {line:?}: expected `word [freq] [tag]`",
                    i + 1
                ));
            }
        }
        entries.push(DictEntry {
            word: word.to_string(),
            freq,
            tag,
        });
    }
    Ok(entries)
}

/// The embedded domain dictionary.
pub(crate) fn domain_entries() -> Result<Vec<DictEntry>, String> {
    parse_dict(DOMAIN_DICT)
}

/// What the lexicon knows of one word.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A stopword.
    Stop,
    /// A domain or user-dictionary word that may be a keyword.
    Domain,
    /// A user-dictionary word tagged as a numeral or function word: kept whole, no keyword.
    DomainNonContent,
    /// A content word of jieba's dictionary.
    Content,
    /// A word of jieba's IDF table that is not in its dictionary: only ever made by the HMM.
    IdfOnly,
    /// A dictionary word with a non-content tag (adverb, pronoun, numeral …).
    NonContent,
}

/// Word knowledge shared by every article, immutable after construction.
///
/// Words are known by their xxh3 hash ([`word_hash`]): a probe has no string to chase or
/// compare, which matters as this runs for every distinct word of every article. The frequent
/// words, stopwords and domain words sit in a small table of their own (half a megabyte) that
/// stays in cache, so most probes never touch the large one; an entry of the small table
/// overrides one of the large table.
#[derive(Debug)]
pub(crate) struct Lexicon {
    hot: WordTable,
    cold: WordTable,
}

/// An open-addressing table (linear probing, at most half full) from word hash to kind and
/// IDF, one `u64` a slot: the hash's top 29 bits and the kind in the upper half, the IDF's
/// `f32` bits in the lower half; the home slot comes from the hash's low bits. A probe is one
/// load of one cache line, without the control bytes and separate keys and values of a
/// general hash map, so the lookups of an article's words overlap their cache misses. A false
/// match needs an unlisted word to agree with a listed one on 29 bits of the hash *and* to
/// probe the slot it sits in: about one in 10⁸ probes.
#[derive(Debug)]
struct WordTable {
    slots: Box<[u64]>,
    /// The full hash of every entry (some twice), to rehash when the table grows.
    hashes: Vec<u64>,
}

const EMPTY: u64 = 0;
const TAG_SHIFT: u32 = 35;
const KIND_SHIFT: u32 = 32;

impl WordTable {
    fn with_capacity(n: usize) -> Self {
        WordTable {
            slots: vec![EMPTY; (n.max(8) * 2).next_power_of_two()].into_boxed_slice(),
            hashes: Vec::with_capacity(n),
        }
    }

    fn tag(x: u64) -> u64 {
        (x >> TAG_SHIFT) << TAG_SHIFT
    }

    /// The slot holding `hash`, or the empty slot where it would go.
    fn find(&self, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let tag = Self::tag(hash);
        // The low bits: independent of the tag's.
        let mut i = (hash as usize) & mask;
        while let Some(&s) = self.slots.get(i) {
            if s == EMPTY || Self::tag(s) == tag {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }

    fn get(&self, hash: u64) -> Option<(Kind, f32)> {
        let s = self.slots.get(self.find(hash)).copied().unwrap_or(EMPTY);
        if s == EMPTY {
            return None;
        }
        // Kinds are stored plus one, so a used slot is never EMPTY.
        let k = ((s >> KIND_SHIFT) & 0x7) as usize;
        let kind = KINDS.get(k.wrapping_sub(1)).copied()?;
        Some((kind, f32::from_bits(s as u32)))
    }

    /// Inserts or replaces the entry for `hash`.
    fn insert(&mut self, hash: u64, kind: Kind, idf: f32) {
        if (self.hashes.len() + 1) * 2 > self.slots.len() {
            let mut grown = WordTable::with_capacity(self.slots.len());
            for &h in &self.hashes {
                let s = self.slots.get(self.find(h)).copied().unwrap_or(EMPTY);
                let i = grown.find(h);
                if let Some(slot) = grown.slots.get_mut(i) {
                    *slot = s;
                }
            }
            grown.hashes = std::mem::take(&mut self.hashes);
            *self = grown;
        }
        let k = KINDS.iter().position(|&x| x == kind).unwrap_or(0) as u64 + 1;
        let i = self.find(hash);
        if let Some(slot) = self.slots.get_mut(i) {
            if *slot == EMPTY {
                self.hashes.push(hash);
            }
            *slot = Self::tag(hash) | (k << KIND_SHIFT) | u64::from(idf.to_bits());
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.hashes.len()
    }
}

/// What the lexicon says about a word, before jieba's dictionary is asked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Verdict {
    /// Never a keyword.
    Rejected,
    /// A keyword candidate with this prior IDF.
    Candidate(f32),
    /// A word jieba's HMM must have made up, which may be a keyword if its POS guess is a
    /// content tag; with this prior IDF.
    Guess(f32),
    /// Unknown to the lexicon: a non-content word of jieba's dictionary, or a word its HMM
    /// made up.
    Unlisted,
}

impl Lexicon {
    /// Loads the embedded content-word table and stopwords.
    pub(crate) fn new() -> Result<Self, String> {
        let mut raw = String::new();
        zstd::stream::read::Decoder::new(CONTENT_WORDS_ZST)
            .and_then(|mut d| d.read_to_string(&mut raw))
            .map_err(|e| format!("embedded content-word table: {e}"))?;
        let mut hot = WordTable::with_capacity(28 * 1024);
        let mut cold = WordTable::with_capacity(raw.len() / 14);
        for line in raw.lines() {
            let mut it = line.split(' ');
            let (Some(w), Some(idf), Some(flags)) = (it.next(), it.next(), it.next()) else {
                continue;
            };
            let idf = idf.parse::<f32>().unwrap_or(f32::NAN);
            let kind = if flags.contains('o') {
                Kind::IdfOnly
            } else if flags.contains('x') {
                Kind::NonContent
            } else {
                Kind::Content
            };
            if flags.contains('h') {
                // The frequent words' IDFs in hundredths, as they were when this table packed
                // them into 16 bits: keyword scores stay what they were.
                hot.insert(word_hash(w), kind, round_idf(idf));
            } else {
                cold.insert(word_hash(w), kind, idf);
            }
        }
        let mut lex = Lexicon { hot, cold };
        for w in STOPWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            lex.set_kind(w, Kind::Stop);
        }
        Ok(lex)
    }

    fn get(&self, hash: u64) -> Option<(Kind, f32)> {
        self.hot.get(hash).or_else(|| self.cold.get(hash))
    }

    /// Sets a word's kind in the hot table (stopwords and domain words are few and frequent,
    /// and the hot entry overrides the cold one), keeping its IDF.
    fn set_kind(&mut self, word: &str, kind: Kind) {
        let hash = word_hash(word);
        let idf = self.get(hash).map_or(f32::NAN, |e| round_idf(e.1));
        self.hot.insert(hash, kind, idf);
    }

    /// Records a domain or user-dictionary word with its tag; a stopword stays a stopword.
    pub(crate) fn add_domain(&mut self, word: &str, tag: Option<&str>) {
        if self.get(word_hash(word)).is_some_and(|e| e.0 == Kind::Stop) {
            return;
        }
        let non_content = tag.is_some_and(|t| NON_CONTENT_TAGS.contains(&t));
        self.set_kind(
            word,
            if non_content {
                Kind::DomainNonContent
            } else {
                Kind::Domain
            },
        );
    }

    /// Whether `word` is a domain or user-dictionary word.
    pub(crate) fn is_domain(&self, word: &str) -> bool {
        self.get(word_hash(word))
            .is_some_and(|e| matches!(e.0, Kind::Domain | Kind::DomainNonContent))
    }

    /// jieba's IDF of `word`, the median for words it has none for.
    #[cfg(test)]
    pub(crate) fn prior_idf(&self, word: &str) -> f32 {
        self.get(word_hash(word))
            .map(|e| e.1)
            .filter(|v| !v.is_nan())
            .unwrap_or(MEDIAN_IDF)
    }

    /// Judges `word` as a keyword candidate as far as the lexicon can: stopwords, single
    /// characters, numbers and placeholders (XX) are out; domain words and acronyms (GDP) in.
    /// `hash` is `word_hash(word)`.
    pub(crate) fn judge(&self, word: &str, hash: u64) -> Verdict {
        if !has_two_chars(word) {
            return Verdict::Rejected;
        }
        let idf = |v: f32| if v.is_nan() { MEDIAN_IDF } else { v };
        match self.get(hash) {
            Some((Kind::Stop | Kind::DomainNonContent | Kind::NonContent, _)) => Verdict::Rejected,
            Some((Kind::Domain, v)) => Verdict::Candidate(idf(v)),
            Some((Kind::Content, _)) if word.chars().all(is_cjk_numeral) => Verdict::Rejected,
            Some((Kind::Content, v)) => Verdict::Candidate(idf(v)),
            Some((Kind::IdfOnly, v)) => Verdict::Guess(idf(v)),
            None if word.is_ascii() => {
                if is_acronym(word) {
                    Verdict::Candidate(MEDIAN_IDF)
                } else {
                    Verdict::Rejected
                }
            }
            None if !word.chars().all(is_cjk) || word.chars().all(is_cjk_numeral) => {
                Verdict::Rejected
            }
            None => Verdict::Unlisted,
        }
    }
}

const KINDS: [Kind; 6] = [
    Kind::Stop,
    Kind::Domain,
    Kind::DomainNonContent,
    Kind::Content,
    Kind::IdfOnly,
    Kind::NonContent,
];

/// An IDF rounded to hundredths (NaN, for none, stays NaN).
fn round_idf(idf: f32) -> f32 {
    if idf.is_nan() {
        idf
    } else {
        (idf * 100.0).round().clamp(0.0, 65_534.0) / 100.0
    }
}

/// The hash words are known by, in the lexicon and in document frequencies.
pub(crate) fn word_hash(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
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
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '两'
            | '壹'
            | '贰'
            | '叁'
            | '肆'
            | '伍'
            | '陆'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
            | '第'
            | '几'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_domain_dict_parses_with_tags() {
        let entries = domain_entries().unwrap();
        assert!(entries.len() > 150);
        assert!(
            entries.iter().all(|e| e.freq.is_some() && e.tag.is_some()),
            "every domain entry has freq and tag"
        );
        assert!(entries.iter().any(|e| e.word == "职代会"));
    }

    #[test]
    fn parse_dict_accepts_jieba_variants_and_rejects_garbage() {
        let e = parse_dict("\u{feff}# c\n云计算 5 n\n创新办 3\n凱特琳 nz\n台中\n").unwrap();
        assert_eq!(e.len(), 4);
        assert_eq!(
            e[0],
            DictEntry {
                word: "云计算".into(),
                freq: Some(5),
                tag: Some("n".into())
            }
        );
        assert_eq!(e[1].freq, Some(3));
        assert_eq!(e[1].tag, None);
        assert_eq!(e[2].freq, None);
        assert_eq!(e[2].tag.as_deref(), Some("nz"));
        assert_eq!(e[3].tag, None);
        assert!(parse_dict("好词 12x n\n")
            .unwrap_err()
            .starts_with("line 1"));
        assert!(parse_dict("好词 n 12\n").is_err());
        assert!(parse_dict("好词 99999999999999999999999999 n\n").is_err());
    }

    #[test]
    fn content_table_loads() {
        let lex = Lexicon::new().unwrap();
        assert!(lex.cold.len() > 200_000);
        assert!(lex.cold.slots.len() >= 2 * lex.cold.len());
        assert!(lex.hot.len() > 20_000);
        assert!((lex.prior_idf("职工") - 7.15).abs() < 0.01);
        assert!(lex.prior_idf("工会") < lex.prior_idf("集体合同"));
        assert_eq!(lex.prior_idf("不存在的词语"), MEDIAN_IDF);
    }

    #[test]
    fn lexicon_verdicts() {
        let mut lex = Lexicon::new().unwrap();
        lex.add_domain("十四五", Some("nz"));
        lex.add_domain("一是", Some("m"));
        lex.add_domain("开展", Some("v"));
        assert!(matches!(
            lex.judge("职工", word_hash("职工")),
            Verdict::Candidate(_)
        ));
        assert!(matches!(
            lex.judge("维护", word_hash("维护")),
            Verdict::Candidate(_)
        ));
        assert!(
            matches!(
                lex.judge("十四五", word_hash("十四五")),
                Verdict::Candidate(_)
            ),
            "domain tag wins over jieba's numeral tag"
        );
        assert!(lex.is_domain("十四五"));
        assert_eq!(
            lex.judge("一是", word_hash("一是")),
            Verdict::Rejected,
            "user-listed numeral is kept whole but no keyword"
        );
        assert_eq!(
            lex.judge("开展", word_hash("开展")),
            Verdict::Rejected,
            "a stopword stays one"
        );
        assert_eq!(lex.judge("我们", word_hash("我们")), Verdict::Rejected);
        assert_eq!(
            lex.judge("已经", word_hash("已经")),
            Verdict::Rejected,
            "frequent adverb"
        );
        assert_eq!(
            lex.judge("不亦乐乎", word_hash("不亦乐乎")),
            Verdict::Unlisted,
            "rare idiom"
        );
        assert_eq!(
            lex.judge("工", word_hash("工")),
            Verdict::Rejected,
            "single character"
        );
        assert_eq!(
            lex.judge("十八", word_hash("十八")),
            Verdict::Rejected,
            "numeral"
        );
        assert_eq!(lex.judge("XX", word_hash("XX")), Verdict::Rejected);
        assert_eq!(lex.judge("xx", word_hash("xx")), Verdict::Rejected);
        assert_eq!(lex.judge("2024", word_hash("2024")), Verdict::Rejected);
        assert_eq!(lex.judge("XX市", word_hash("XX市")), Verdict::Rejected);
        assert!(matches!(
            lex.judge("GDP", word_hash("GDP")),
            Verdict::Candidate(_)
        ));
        assert_eq!(
            lex.judge("脚踏实地", word_hash("脚踏实地")),
            Verdict::Unlisted,
            "idiom (i) is not a content tag"
        );
    }
}
