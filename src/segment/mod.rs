//! Segmentation (one shared jieba-rs instance, domain dictionary) and keywords.
//!
//! The pipeline builds one [`Segmenter`] per process and shares it across threads. Per article,
//! in parallel, [`Segmenter::terms`] cuts the analysis view paragraph by paragraph (HMM on) and
//! keeps what keywords need ([`ArticleTerms`]); then, sequentially, [`DocFreq::add`] counts the
//! article's terms into the corpus document frequencies; after the pass, [`keywords`] scores each
//! article's candidates by TF-IDF against the corpus, and [`DocFreq::top`] gives summary.json's
//! `top_keywords`.
//!
//! Keyword candidates are content words judged by the dictionaries' part-of-speech tags
//! (jieba's dictionary, the embedded domain dictionary, any user dictionary): nouns, verbs,
//! verbal nouns, abbreviations, set phrases and domain terms, never stopwords, numbers, single
//! characters or placeholders (XX). jieba-rs does not expose a word's tag except through
//! `Jieba::tag`, which costs about twice a cut (it runs a POS HMM on every unknown word), so the
//! text is cut with `Jieba::cut` and each *distinct* word is then judged against an embedded
//! table of jieba's content words and IDFs (see `lexicon.rs`); only words jieba's HMM made up,
//! and only those that recur in the article, get jieba's POS guess. A verdict depends on the
//! word alone, so each thread remembers it (see `vocab.rs`): a word is judged the first time
//! the thread meets it, not once per article. The text is cut with the vendored jieba-rs's
//! `Jieba::cut_with_ids` (vendor/jieba-rs), which hands over each token as it is cut with the
//! dictionary id jieba found for it: a dictionary word (nine tokens in ten) is counted and
//! remembered by that id, in a table indexed by it, and only the others are counted by their
//! text in a small table of the article's, then looked up in the memo all at once.
//!
//! Keyword scores: TF-IDF, with the IDF from the corpus being analysed blended with jieba's
//! (exactly jieba's for a single article, see [`keywords`]); ties by term, so output is
//! deterministic. [`Segmenter::keywords_textrank`] is the TextRank alternative.
//!
//! Memory at a million articles: an [`ArticleTerms`] keeps only the article's best
//! [`DEFAULT_CANDIDATES`] candidates (by count × jieba's IDF) in one compact string, plus the
//! 64-bit hashes of *all* its candidate terms for [`DocFreq`] (which must see every term an
//! article has, or the IDF of common words would be underestimated wherever they fall outside
//! an article's shortlist). [`DocFreq::absorb`] counts those hashes and frees them, leaving a
//! few hundred bytes per article; [`DocFreq`] itself holds one hash per distinct term and the
//! text of terms that were some article's candidate.

mod lexicon;
mod textrank;
mod vocab;

use std::path::Path;

use jieba_rs::Jieba;
use rustc_hash::FxHashMap;

use lexicon::{word_hash, Lexicon, Verdict};
use vocab::{Entry, Rule, Vocab, WordKey};

/// How many candidate terms an [`ArticleTerms`] keeps by default: several times the default
/// of ten keywords, so that re-ranking by corpus IDF can still reach the right ones.
pub const DEFAULT_CANDIDATES: usize = 40;

/// Pseudo-documents given to jieba's IDF when blending it with the corpus document
/// frequencies: a small corpus leans on jieba's reference corpus, a large one on itself.
const PRIOR_DOCUMENTS: f64 = 2.0;

/// Errors building a segmenter.
#[derive(Debug, thiserror::Error)]
pub enum SegmentError {
    /// The user dictionary could not be read or parsed.
    #[error("user dictionary {path}: {message}")]
    UserDict {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// Data embedded in the binary (domain dictionary, IDF table) is corrupt: a build defect.
    #[error("embedded segmentation data: {0}")]
    Embedded(String),
}

/// A jieba-rs segmenter with the domain dictionary (Send + Sync; build once per process).
pub struct Segmenter {
    jieba: Jieba,
    lexicon: Lexicon,
    candidates: usize,
    /// Tells this segmenter's word verdicts apart from another's in the per-thread memo.
    id: u64,
}

/// Source of [`Segmenter`] ids.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("candidates", &self.candidates)
            .finish_non_exhaustive()
    }
}

impl Segmenter {
    /// Builds the segmenter, adding `user_dict` (jieba format: `word [freq] [tag]` a line)
    /// when given. User words are kept whole and count as domain terms for keywords, unless
    /// tagged as numerals or function words (m, q, r, p, c, u, d, x, w).
    pub fn new(user_dict: Option<&Path>) -> Result<Self, SegmentError> {
        let mut jieba = Jieba::new();
        let mut lexicon = Lexicon::new().map_err(SegmentError::Embedded)?;
        for entry in lexicon::domain_entries().map_err(SegmentError::Embedded)? {
            // The listed frequency is a floor: whatever it takes to beat the word's own
            // split (suggest_freq) wins, so the term stays whole.
            let freq = entry.freq.unwrap_or(0).max(jieba.suggest_freq(&entry.word));
            jieba.add_word(&entry.word, Some(freq), entry.tag.as_deref());
            lexicon.add_domain(&entry.word, entry.tag.as_deref());
        }
        if let Some(path) = user_dict {
            let err = |message: String| SegmentError::UserDict {
                path: path.display().to_string(),
                message,
            };
            let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
            let text = String::from_utf8(bytes).map_err(|e| err(format!("not UTF-8: {e}")))?;
            for entry in lexicon::parse_dict(&text).map_err(err)? {
                // jieba semantics: an explicit frequency is the user's choice (it may be set
                // low on purpose, to split a word); without one, keep the word whole.
                let freq = entry
                    .freq
                    .unwrap_or_else(|| jieba.suggest_freq(&entry.word));
                jieba.add_word(&entry.word, Some(freq), entry.tag.as_deref());
                lexicon.add_domain(&entry.word, entry.tag.as_deref());
            }
        }
        Ok(Segmenter {
            jieba,
            lexicon,
            candidates: DEFAULT_CANDIDATES,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// Sets how many candidate terms [`Segmenter::terms`] keeps per article (at least the
    /// largest number of keywords that will be asked for).
    pub fn with_candidates(mut self, candidates: usize) -> Self {
        self.candidates = candidates.max(1);
        self
    }

    /// The underlying jieba instance (domain dictionary loaded), for callers that need tokens.
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// Whether `word` is in the embedded domain dictionary or the user dictionary.
    pub fn is_domain_term(&self, word: &str) -> bool {
        self.lexicon.is_domain(word)
    }

    /// Cuts `analysis` paragraph by paragraph (HMM on) into words, returning each with its
    /// part-of-speech tag; punctuation and white space are left out.
    pub fn words<'a>(&'a self, analysis: &'a str) -> Vec<(&'a str, &'a str)> {
        let mut out = Vec::new();
        for para in paragraphs(analysis) {
            for t in self.jieba.tag(para, true) {
                if is_word(t.word) {
                    out.push((t.word, t.tag));
                }
            }
        }
        out
    }

    /// Cuts one article's analysis-view text into countable terms.
    pub fn terms(&self, analysis: &str) -> ArticleTerms {
        VOCAB.with(|cell| match cell.try_borrow_mut() {
            Ok(mut vocab) => self.terms_in(&mut vocab, analysis),
            // Only reachable by re-entry, which nothing here does: judge afresh.
            Err(_) => self.terms_in(&mut Vocab::default(), analysis),
        })
    }

    /// [`Segmenter::terms`] against this thread's memo of word verdicts.
    fn terms_in<'a>(&self, vocab: &mut Vocab, analysis: &'a str) -> ArticleTerms {
        // Tokens are only noted as jieba cuts: a dictionary word by its id, any other by its
        // bytes packed into integers ([`WordKey`]). After the cut each is counted, by id in a
        // table indexed by it, by key in a small per-article map (no string hash or
        // comparison), whose distinct words are then looked up in the thread's memo at once;
        // a word met for the first time on this thread is judged then (lexicon, xxh3 hash),
        // and never again.
        vocab.claim(self.id, self.jieba.dict_len());
        // Words are placed by their byte offset as a u32: an article is cut up to its
        // first 4 GiB.
        let analysis = match analysis.len() {
            n if n <= u32::MAX as usize => analysis,
            _ => {
                let mut end = u32::MAX as usize;
                while !analysis.is_char_boundary(end) {
                    end -= 1;
                }
                analysis.get(..end).unwrap_or("")
            }
        };
        let base = analysis.as_ptr() as usize;
        let mut tokens = 0usize;
        let text = analysis.as_bytes();
        for para in paragraphs(analysis) {
            self.jieba.cut_with_ids(para, true, |word, id| {
                let w = word.as_bytes();
                let start = word.as_ptr() as usize - base;
                // Only what could pass the lexicon: words of two hanzi or more (a hanzi is
                // three bytes), and all-capital ASCII (GDP); numbers, the commonest ASCII,
                // never do. A token led by a common hanzi is a word. Such a word is noted by
                // the dictionary id jieba found for it, if it did (a word the HMM made up
                // may be in the dictionary too: `resolve` counts it with its id's tokens).
                match (w, id) {
                    // U+4E00..U+9FFF, as in `is_word`.
                    ([0xE5..=0xE9, ..] | [0xE4, 0xB8..=0xBF, ..], Some(id)) => {
                        tokens += 1;
                        vocab.note_id(id, start as u32, w.len() as u32, w.len() > 3);
                    }
                    ([0xE5..=0xE9, ..] | [0xE4, 0xB8..=0xBF, ..], None) => {
                        tokens += 1;
                        let key = WordKey::in_text(text, start, w.len());
                        vocab.note(key, start as u32, w.len() as u32, w.len() > 3);
                    }
                    _ => {
                        if !is_word(word) {
                            return;
                        }
                        tokens += 1;
                        if (w.len() > 3 && !w.is_ascii())
                            || (w.len() > 1 && w.iter().all(u8::is_ascii_uppercase))
                        {
                            vocab.note(WordKey::new(w), start as u32, w.len() as u32, true);
                        }
                    }
                }
            });
        }
        // Every candidate's hash goes to document frequencies and its count to the total,
        // including words kept out of the shortlist or failing jieba's POS guess (as the
        // guess is asked for shortlisted words only, which of the others would fail it is
        // not known: counting them all keeps the output independent of what the memo knows).
        // About half the occurrences are of distinct words.
        let distinct = vocab.noted() / 2;
        let mut doc_terms: Vec<u64> = Vec::with_capacity(distinct);
        let mut cands: Vec<Cand<'a>> = Vec::with_capacity(distinct);
        let mut total = 0u64;
        vocab.resolve(
            |s| self.entry_of(s.word(analysis)),
            |s| self.jieba.word_id(s.word(analysis)),
            |s, e| {
                let keep = match e.rule {
                    Rule::Rejected => return,
                    Rule::Always => true,
                    Rule::Recurring(_) if s.count < 2 => return,
                    // A word failing the guess is never a kept candidate anywhere.
                    Rule::Recurring(guess) => guess != Some(false),
                };
                doc_terms.push(e.hash);
                total += u64::from(s.count);
                if keep {
                    cands.push(Cand {
                        word: s.word(analysis),
                        count: s.count,
                        idf: e.idf,
                        slot: s.slot,
                    });
                }
            },
        );
        let mut kept = loop {
            // Shortlist, ask jieba's POS guess for the HMM words that made it and have not
            // been guessed on this thread, and shortlist again without the ones that failed
            // until none does: usually once, rarely thrice.
            let kept = shortlist(&cands, self.candidates);
            let mut failed = false;
            for c in &kept {
                if vocab.entry(c.slot).rule == Rule::Recurring(None) {
                    let content = self.pos_guess_is_content(c.word);
                    vocab.set_guess(c.slot, content);
                    failed |= !content;
                }
            }
            if !failed {
                break kept;
            }
            cands.retain(|c| vocab.entry(c.slot).rule != Rule::Recurring(Some(false)));
        };
        kept.sort_unstable_by(|a, b| a.word.cmp(b.word));
        let mut text = String::with_capacity(kept.iter().map(|c| c.word.len()).sum());
        let mut entries = Vec::with_capacity(kept.len());
        for c in &kept {
            text.push_str(c.word);
            entries.push(Candidate {
                end: text.len() as u32,
                count: c.count,
                prior_idf: c.idf,
            });
        }
        ArticleTerms {
            tokens,
            total: u32::try_from(total).unwrap_or(u32::MAX),
            text: text.into_boxed_str(),
            entries: entries.into_boxed_slice(),
            doc_terms: doc_terms.into_boxed_slice(),
        }
    }

    /// The verdict on `word`, which holds wherever it occurs: a domain term, or a content
    /// word by the tags of jieba's dictionary, is a candidate. A word jieba's HMM made up
    /// (absent from every dictionary) is one only where it recurs, if it is not one
    /// character repeated, and if jieba's POS guess for it is a content tag: once-seen HMM
    /// words are mostly junk (日及, 使生者), and guessing only for recurring ones keeps the
    /// cost off the cut.
    ///
    /// Asked once per word and thread, so kept out of line: inlined into
    /// [`Vocab::resolve`]'s loop, it made that loop's common path slower.
    #[cold]
    fn entry_of(&self, word: &str) -> Entry {
        let hash = word_hash(word);
        let (idf, rule) = match self.lexicon.judge(word, hash) {
            Verdict::Rejected => return Entry::REJECTED,
            Verdict::Candidate(idf) => (idf, Rule::Always),
            Verdict::Guess(idf) => (idf, Rule::Recurring(None)),
            Verdict::Unlisted => (lexicon::MEDIAN_IDF, Rule::Recurring(None)),
        };
        if rule != Rule::Always && (is_one_char_repeated(word) || self.jieba.has_word(word)) {
            return Entry::REJECTED;
        }
        Entry { hash, idf, rule }
    }

    /// jieba's IDF of `word` (seen `count` times in the article) if it may be a keyword, by
    /// [`Segmenter::entry_of`]'s rule, asking jieba's POS guess where the rule needs it.
    fn candidate_idf(&self, word: &str, count: u32) -> Option<f32> {
        let e = self.entry_of(word);
        match e.rule {
            Rule::Rejected => None,
            Rule::Always => Some(e.idf),
            Rule::Recurring(_) if count < 2 => None,
            Rule::Recurring(_) => self.pos_guess_is_content(word).then_some(e.idf),
        }
    }

    /// Whether jieba tags `word`, alone, as one content word.
    fn pos_guess_is_content(&self, word: &str) -> bool {
        matches!(self.jieba.tag(word, true).as_slice(), [t] if lexicon::CONTENT_TAGS.contains(&t.tag))
    }

    /// Top `n` keywords of one article by TextRank over its candidate words (co-occurrence
    /// within a window of five tokens inside a paragraph), the same candidates as
    /// [`keywords`]; weights are normalised so the best is 1.0, ties by term. Needs no corpus
    /// pass, at the cost of a second cut when used beside [`Segmenter::terms`].
    pub fn keywords_textrank(&self, analysis: &str, n: usize) -> Vec<(String, f64)> {
        textrank::keywords(self, analysis, n)
    }
}

/// Keeps the `k` candidates most likely to be keywords once the corpus is known. Half are
/// the best by TF × jieba IDF (the single-article score, so one article's keywords are always
/// among them); the rest favour specific terms, by TF × IDF²: in a corpus of one genre the
/// generic words with high counts (建设, 发展) get a corpus IDF near zero, and the terms that
/// replace them in the top ten are those with a high IDF and a modest count (浦东, 工联会).
fn shortlist<'a>(cands: &[Cand<'a>], k: usize) -> Vec<Cand<'a>> {
    if cands.len() <= k {
        return cands.to_vec();
    }
    // Each candidate's weight is computed once, not at every comparison: selection compares
    // each element several times. (A single pass against the weakest of the best so far
    // costs more: many candidates tie with it, count 1 at the median IDF, and a tie is
    // broken by comparing terms.)
    let weigh = |c: &Cand<'_>, power: i32| f64::from(c.count) * f64::from(c.idf).powi(power);
    let by = |a: &(f64, usize), b: &(f64, usize)| {
        let term = |i: usize| cands.get(i).map_or("", |c| c.word);
        b.0.total_cmp(&a.0).then_with(|| term(a.1).cmp(term(b.1)))
    };
    let first = k.div_ceil(2);
    let mut order: Vec<(f64, usize)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (weigh(c, 1), i))
        .collect();
    order.select_nth_unstable_by(first - 1, by);
    if k > first {
        let rest = &mut order[first..];
        for e in rest.iter_mut() {
            e.0 = cands.get(e.1).map_or(0.0, |c| weigh(c, 2));
        }
        rest.select_nth_unstable_by(k - first - 1, by);
    }
    order.truncate(k);
    order
        .iter()
        .filter_map(|e| cands.get(e.1).copied())
        .collect()
}

/// A keyword candidate of one article: the word, its count, jieba's IDF, its memo slot.
#[derive(Debug, Clone, Copy)]
struct Cand<'a> {
    word: &'a str,
    count: u32,
    idf: f32,
    slot: u32,
}

thread_local! {
    /// This thread's memo of word verdicts ([`vocab`]), reused across articles.
    static VOCAB: std::cell::RefCell<Vocab> = std::cell::RefCell::new(Vocab::default());
}

/// Whether `word` is one character repeated (哈哈, 啊啊啊), or a single character.
fn is_one_char_repeated(word: &str) -> bool {
    word.chars().all(|c| word.starts_with(c))
}

/// The non-empty lines of `text`: jieba is markedly faster on short inputs, and no word
/// spans a line break.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim().is_empty())
}

/// Whether a token is a word rather than punctuation or white space.
#[inline(always)]
fn is_word(token: &str) -> bool {
    // Nearly every token is a hanzi word, ASCII, or one CJK punctuation mark: decide those
    // without the general Unicode tables, the commonest marks (U+3000..U+303F,
    // U+FF00..U+FF0F, U+2000..U+206F) by their bytes.
    if let [0xE3, 0x80, _]
    | [0xEF, 0xBC, 0x80..=0x8F]
    | [0xE2, 0x80, _]
    | [0xE2, 0x81, 0x80..=0xAF] = token.as_bytes()
    {
        return false;
    }
    match token.chars().next() {
        Some(c) if c.is_ascii() => token.bytes().any(|b| b.is_ascii_alphanumeric()),
        Some('\u{4E00}'..='\u{9FFF}') => true,
        Some(c @ ('\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}'))
            if token.len() == c.len_utf8() =>
        {
            false
        }
        _ => token.chars().any(char::is_alphanumeric),
    }
}

/// One kept candidate: where its text ends in [`ArticleTerms`]' string, its count, and
/// jieba's IDF for it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    end: u32,
    count: u32,
    prior_idf: f32,
}

/// Term counts of one article: what the corpus stage needs for keywords.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleTerms {
    /// Word tokens (punctuation and white space excluded).
    pub tokens: usize,
    /// Occurrences of all keyword candidates in the article (the TF denominator), including
    /// candidates not kept.
    pub total: u32,
    /// The kept candidate terms, concatenated in term order.
    text: Box<str>,
    entries: Box<[Candidate]>,
    /// xxh3 hashes of every distinct candidate term, for [`DocFreq`]; emptied by
    /// [`DocFreq::absorb`].
    doc_terms: Box<[u64]>,
}

impl ArticleTerms {
    /// The kept candidate terms with their counts, in term order.
    pub fn counts(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.iter().map(|(t, c, _)| (t, c))
    }

    /// Kept candidates with count and jieba IDF.
    fn iter(&self) -> impl Iterator<Item = (&str, u32, f32)> + '_ {
        let mut start = 0usize;
        self.entries.iter().map(move |e| {
            let end = e.end as usize;
            let term = self.text.get(start..end).unwrap_or("");
            start = end;
            (term, e.count, e.prior_idf)
        })
    }

    /// Number of kept candidates.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the article has no candidate term.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct candidate terms still held for [`DocFreq`] (0 after
    /// [`DocFreq::absorb`]).
    pub fn distinct_terms(&self) -> usize {
        self.doc_terms.len()
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.text.len()
            + std::mem::size_of_val(&*self.entries)
            + std::mem::size_of_val(&*self.doc_terms)
    }
}

/// Document frequencies over the corpus being analysed (one "document" = one article).
#[derive(Debug, Default, Clone)]
pub struct DocFreq {
    /// Articles per term hash.
    df: FxHashMap<u64, u32>,
    /// Text of the terms that were some article's kept candidate: the only terms that can be
    /// keywords, so the only ones [`DocFreq::top`] reports.
    names: FxHashMap<u64, Box<str>>,
    n: u32,
}

impl DocFreq {
    /// Counts one article's terms.
    pub fn add(&mut self, terms: &ArticleTerms) {
        self.n += 1;
        for h in terms.doc_terms.iter() {
            *self.df.entry(*h).or_insert(0) += 1;
        }
        for (t, _) in terms.counts() {
            self.names
                .entry(word_hash(t))
                .or_insert_with(|| Box::from(t));
        }
    }

    /// Counts one article's terms, then frees the part of `terms` only document frequencies
    /// need (most of its memory); [`keywords`] still works on it. Preferred over
    /// [`DocFreq::add`] when the pipeline keeps every article's terms until the corpus stage.
    pub fn absorb(&mut self, terms: &mut ArticleTerms) {
        self.add(terms);
        terms.doc_terms = Box::default();
    }

    /// Adds another set of counts (for instance one gathered by another worker).
    pub fn merge(&mut self, other: DocFreq) {
        self.n += other.n;
        for (h, c) in other.df {
            *self.df.entry(h).or_insert(0) += c;
        }
        for (h, t) in other.names {
            self.names.entry(h).or_insert(t);
        }
    }

    /// Articles counted.
    pub fn articles(&self) -> u32 {
        self.n
    }

    /// Articles containing `term`.
    pub fn df(&self, term: &str) -> u32 {
        self.df.get(&word_hash(term)).copied().unwrap_or(0)
    }

    /// The `n` terms found in most articles, with their article counts (ties by term). Only
    /// terms that were among some article's keyword candidates are ranked.
    pub fn top(&self, n: usize) -> Vec<(String, u32)> {
        let mut v: Vec<(&str, u32)> = self
            .names
            .iter()
            .map(|(h, t)| (&**t, self.df.get(h).copied().unwrap_or(0)))
            .collect();
        v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v.into_iter().map(|(t, c)| (t.to_string(), c)).collect()
    }
}

/// How many articles have each word among their keywords: an alternative to
/// [`DocFreq::top`] for summary.json's `top_keywords` that ranks the words articles are
/// *about* rather than the most widespread content words.
#[derive(Debug, Default, Clone)]
pub struct KeywordTally {
    counts: FxHashMap<Box<str>, u32>,
}

impl KeywordTally {
    /// Counts one article's keywords (each word once).
    pub fn add(&mut self, keywords: &[(String, f64)]) {
        for (i, (w, _)) in keywords.iter().enumerate() {
            if keywords[..i].iter().all(|(x, _)| x != w) {
                *self.counts.entry(Box::from(w.as_str())).or_insert(0) += 1;
            }
        }
    }

    /// The `n` words that are keywords of most articles, with those article counts (ties by
    /// word).
    pub fn top(&self, n: usize) -> Vec<(String, u32)> {
        let mut v: Vec<(&str, u32)> = self.counts.iter().map(|(w, c)| (&**w, *c)).collect();
        v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v.into_iter().map(|(w, c)| (w.to_string(), c)).collect()
    }
}

/// Top `n` keywords of an article by TF-IDF against `df`, best first, ties by term.
///
/// `terms` should have been counted into `df` (as the pipeline does for every article). TF is
/// the term's share of the article's candidate occurrences. IDF estimates how rare the term is
/// in *other* articles, with jieba's IDF as a prior worth [`PRIOR_DOCUMENTS`] documents:
/// `ln((N − 1 + P) / (df − 1 + P·e^(−idf_jieba)))`. The article itself is left out because it
/// always contains its own terms: counting it would cap every rare term's IDF at `ln(N + P)`
/// in a small corpus. With one article this is exactly jieba's IDF; a term no other article
/// has keeps about jieba's IDF; in a large corpus the corpus speaks for itself.
pub fn keywords(terms: &ArticleTerms, df: &DocFreq, n: usize) -> Vec<(String, f64)> {
    let total = f64::from(terms.total.max(1));
    let others = f64::from(df.articles().saturating_sub(1));
    let mut v: Vec<(&str, f64)> = terms
        .iter()
        .map(|(t, c, prior)| {
            let prior = f64::from(prior);
            if df.articles() <= 1 {
                return (t, f64::from(c) / total * prior);
            }
            let df_others = f64::from(df.df(t).saturating_sub(1));
            let idf =
                ((others + PRIOR_DOCUMENTS) / (df_others + PRIOR_DOCUMENTS * (-prior).exp())).ln();
            (t, f64::from(c) / total * idf)
        })
        .collect();
    v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    v.truncate(n);
    v.into_iter().map(|(t, s)| (t.to_string(), s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn seg() -> &'static Segmenter {
        static S: OnceLock<Segmenter> = OnceLock::new();
        S.get_or_init(|| Segmenter::new(None).unwrap())
    }

    #[test]
    fn segmenter_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Segmenter>();
        check::<DocFreq>();
        check::<ArticleTerms>();
    }

    #[test]
    fn domain_terms_stay_whole() {
        let s = seg();
        let text = "召开职代会，推行厂务公开，签订集体合同和工资集体协商协议，\n\
                    关爱困难职工，开展送温暖和金秋助学，组织劳动竞赛和安康杯竞赛，建设职工之家。\n\
                    谋划十五五，总结十四五，发展新质生产力，推动高质量发展，优化营商环境。";
        let words: Vec<&str> = s.words(text).into_iter().map(|w| w.0).collect();
        for term in [
            "职代会",
            "厂务公开",
            "集体合同",
            "工资集体协商",
            "困难职工",
            "送温暖",
            "金秋助学",
            "劳动竞赛",
            "安康杯",
            "职工之家",
            "十五五",
            "十四五",
            "新质生产力",
            "高质量发展",
            "营商环境",
        ] {
            assert!(words.contains(&term), "{term} not whole in {words:?}");
        }
    }

    #[test]
    fn terms_filter_and_count() {
        let s = seg();
        let t = s.terms("XX年，我们开展职工培训2次。\n职工培训覆盖XX名职工，十四五期间。");
        let counts: Vec<(&str, u32)> = t.counts().collect();
        assert!(counts.contains(&("职工", 3)), "{counts:?}");
        assert!(counts.contains(&("十四五", 1)), "{counts:?}");
        for (w, _) in &counts {
            assert!(
                !["XX", "我们", "开展", "2", "年", "次"].contains(w),
                "{w} kept in {counts:?}"
            );
        }
        assert!(t.tokens >= 12);
        assert_eq!(t.distinct_terms(), t.len());
        let mut sorted: Vec<&str> = counts.iter().map(|c| c.0).collect();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            counts.iter().map(|c| c.0).collect::<Vec<_>>(),
            "term order"
        );
    }

    #[test]
    fn candidates_are_capped_but_df_sees_all() {
        let s = Segmenter::new(None).unwrap().with_candidates(3);
        let text = "职工 工会 劳模 集体合同 安康杯 职工之家 工匠 技能 培训";
        let t = s.terms(text);
        assert_eq!(t.len(), 3);
        assert!(t.distinct_terms() > 3);
        let mut df = DocFreq::default();
        let mut t2 = t.clone();
        df.absorb(&mut t2);
        assert_eq!(t2.distinct_terms(), 0);
        assert_eq!(
            df.df("培训"),
            1,
            "a term outside the shortlist is still counted"
        );
        assert_eq!(keywords(&t, &df, 10), keywords(&t2, &df, 10));
    }

    #[test]
    fn keywords_deterministic_and_corpus_aware() {
        let s = seg();
        let a = s.terms("工会带领职工开展劳动竞赛。劳动竞赛促进安全生产。职工参加劳动竞赛。");
        let b = s.terms("工会关心职工，参加金秋助学。金秋助学帮助困难职工子女。");
        let single = DocFreq::default();
        let ka = keywords(&a, &single, 3);
        assert_eq!(ka[0].0, "劳动竞赛");
        let mut df = DocFreq::default();
        df.add(&a);
        df.add(&b);
        assert_eq!(df.articles(), 2);
        assert_eq!(df.df("职工"), 2);
        let ka2 = keywords(&a, &df, 10);
        let kb2 = keywords(&b, &df, 10);
        assert_eq!(ka2[0].0, "劳动竞赛");
        assert_eq!(kb2[0].0, "金秋助学");
        let pos = |k: &[(String, f64)], w: &str| k.iter().position(|x| x.0 == w);
        // 职工 is in both articles: the corpus must lower it against the article's own terms.
        let score = |k: &[(String, f64)], w: &str| k[pos(k, w).unwrap()].1;
        let ka1 = keywords(&a, &single, 10);
        assert!(
            score(&ka2, "职工") / score(&ka2, "劳动竞赛")
                < score(&ka1, "职工") / score(&ka1, "劳动竞赛")
        );
        // Alone, the same article gets jieba's IDF whichever way it is computed.
        let mut one = DocFreq::default();
        one.add(&a);
        assert_eq!(keywords(&a, &one, 10), ka1);
        assert_eq!(keywords(&a, &df, 10), ka2);
        let top = df.top(2);
        assert_eq!(top[0], ("工会".to_string(), 2));
        assert_eq!(top[1], ("职工".to_string(), 2));
        assert!(keywords(&a, &df, 0).is_empty());
    }

    #[test]
    fn shortlist_keeps_the_best_by_both_weights() {
        // Against a reference by full sorts, on candidates with many tied weights.
        let words: Vec<String> = (0..300).map(|i| format!("词{i:03}")).collect();
        let mut x = 12345u64;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        for n in [0, 1, 5, 39, 40, 41, 120, 300] {
            let cands: Vec<Cand> = words[..n]
                .iter()
                .enumerate()
                .map(|(i, w)| Cand {
                    word: w,
                    count: 1 + next(4) as u32,
                    idf: [2.0, 5.5, 7.25, 11.0][next(4) as usize],
                    slot: i as u32,
                })
                .collect();
            for k in [1, 2, 10, 40] {
                let got: std::collections::BTreeSet<&str> =
                    shortlist(&cands, k).iter().map(|c| c.word).collect();
                fn rank<'a>(power: i32, pool: &[Cand<'a>]) -> Vec<Cand<'a>> {
                    let mut v: Vec<Cand> = pool.to_vec();
                    v.sort_by(|a, b| {
                        let w = |c: &Cand| f64::from(c.count) * f64::from(c.idf).powi(power);
                        w(b).total_cmp(&w(a)).then(a.word.cmp(b.word))
                    });
                    v
                }
                let want: std::collections::BTreeSet<&str> = if n <= k {
                    cands.iter().map(|c| c.word).collect()
                } else {
                    let first: Vec<Cand> = rank(1, &cands)[..k.div_ceil(2)].to_vec();
                    let rest: Vec<Cand> = cands
                        .iter()
                        .filter(|c| !first.iter().any(|f| f.word == c.word))
                        .copied()
                        .collect();
                    first
                        .iter()
                        .chain(&rank(2, &rest)[..k - k.div_ceil(2)])
                        .map(|c| c.word)
                        .collect()
                };
                assert_eq!(got, want, "n {n} k {k}");
            }
        }
    }

    #[test]
    fn keyword_tally_counts_articles() {
        let mut tally = KeywordTally::default();
        tally.add(&[
            ("职工".into(), 0.5),
            ("工会".into(), 0.4),
            ("职工".into(), 0.1),
        ]);
        tally.add(&[("工会".into(), 0.9)]);
        assert_eq!(
            tally.top(5),
            vec![("工会".to_string(), 2), ("职工".to_string(), 1)]
        );
        assert_eq!(tally.top(1).len(), 1);
    }

    #[test]
    fn user_dict_adds_whole_words_and_reports_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("user.txt");
        std::fs::write(
            &path,
            "# 用户词典\n桂园工联会 nz\n暖心驿站 5000 n\n5G基站 n\n",
        )
        .unwrap();
        let s = Segmenter::new(Some(&path)).unwrap();
        let t = s.terms("建设5G基站。5G基站覆盖全镇。");
        assert!(t.counts().any(|(w, c)| w == "5G基站" && c == 2));
        let words: Vec<&str> = s
            .words("推进桂园工联会建设，打造暖心驿站。")
            .into_iter()
            .map(|w| w.0)
            .collect();
        assert!(
            words.contains(&"桂园工联会") && words.contains(&"暖心驿站"),
            "{words:?}"
        );
        assert!(s.is_domain_term("暖心驿站"));
        let t = s.terms("桂园工联会组织活动。");
        assert!(t.counts().any(|(w, _)| w == "桂园工联会"));

        std::fs::write(&path, "好词 12x n\n").unwrap();
        let err = Segmenter::new(Some(&path)).unwrap_err().to_string();
        assert!(
            err.contains("user dictionary") && err.contains("line 1"),
            "{err}"
        );
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert!(Segmenter::new(Some(&path)).is_err());
        assert!(Segmenter::new(Some(&dir.path().join("missing.txt"))).is_err());
    }

    #[test]
    fn empty_and_odd_inputs() {
        let s = seg();
        for text in [
            "",
            "\n\n",
            "，。！",
            "12345 67.8%",
            "\r\n职工\r\n",
            "\u{feff}\u{200b}",
            "a\u{0}b",
        ] {
            let t = s.terms(text);
            let _ = keywords(&t, &DocFreq::default(), 10);
            let _ = s.keywords_textrank(text, 10);
        }
        assert_eq!(s.terms("").tokens, 0);
    }

    #[test]
    fn merge_equals_sequential_add() {
        let s = seg();
        let texts = ["职工参加劳动竞赛", "困难职工送温暖", "职代会审议集体合同"];
        let mut all = DocFreq::default();
        let mut left = DocFreq::default();
        let mut right = DocFreq::default();
        for (i, t) in texts.iter().enumerate() {
            let terms = s.terms(t);
            all.add(&terms);
            if i == 0 {
                left.add(&terms)
            } else {
                right.add(&terms)
            }
        }
        left.merge(right);
        assert_eq!(left.articles(), all.articles());
        assert_eq!(left.top(10), all.top(10));
    }
}
