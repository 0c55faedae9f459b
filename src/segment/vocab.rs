//! A per-thread memo of the segmenter's verdict on every word it has met, and the per-article
//! word counts looked up in it.
//!
//! Whether a word may be a keyword, its prior IDF and its corpus hash depend on the word alone
//! (and on the [`Segmenter`](super::Segmenter) that judged it), never on the article. In a
//! corpus of one genre most of an article's distinct words were met in earlier articles, so
//! judging them once per thread instead of once per article takes the per-distinct-word work
//! (an xxh3 hash, a probe of the 350,000-word lexicon, the tests on the word's characters,
//! jieba's POS guess) off all but the first sight of each word.
//!
//! Counting is in two steps. Each token probes a small per-article map, hot in cache; after
//! the cut, the article's distinct words are looked up in the memo all at once, in a table
//! built so that the lookups' cache misses overlap (see [`Memo`]). Probing the memo per token,
//! or per first occurrence as the cut goes, cost a cache miss each, as much time as all the
//! rest of the counting.
//!
//! The memo only stores what a pure function of the word returns, so which thread met a word
//! first changes no output. It is bounded: past [`MAX_WORDS`] words it starts afresh (between
//! articles), 16 MiB a thread at most.

use std::collections::hash_map::Entry as MapEntry;

use rustc_hash::FxHashMap;

/// Words remembered per thread before the memo is cleared.
pub(super) const MAX_WORDS: usize = 1 << 18;

/// What decides whether a word is a keyword candidate in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// Never a candidate.
    Rejected,
    /// A candidate wherever it occurs.
    Always,
    /// A word jieba's HMM made up: a candidate only where it occurs at least twice, and only
    /// if jieba's POS guess for it is a content tag (`None`: not asked yet).
    Recurring(Option<bool>),
}

impl Rule {
    fn code(self) -> u8 {
        match self {
            Rule::Rejected => 0,
            Rule::Always => 1,
            Rule::Recurring(None) => 2,
            Rule::Recurring(Some(true)) => 3,
            Rule::Recurring(Some(false)) => 4,
        }
    }

    fn from_code(code: u8) -> Rule {
        match code {
            1 => Rule::Always,
            2 => Rule::Recurring(None),
            3 => Rule::Recurring(Some(true)),
            4 => Rule::Recurring(Some(false)),
            _ => Rule::Rejected,
        }
    }
}

/// The verdict on one word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Entry {
    /// `word_hash` of the word: its key in document frequencies.
    pub hash: u64,
    /// jieba's IDF of the word.
    pub idf: f32,
    pub rule: Rule,
}

impl Entry {
    /// The entry of a word that is never a candidate.
    pub const REJECTED: Entry = Entry {
        hash: 0,
        idf: 0.0,
        rule: Rule::Rejected,
    };
}

/// One distinct word of the current article.
#[derive(Debug, Clone, Copy)]
pub(super) struct Seen<'a> {
    key: WordKey,
    /// Where the word's entry is in the memo, once [`Vocab::resolve`] has run.
    pub slot: u32,
    pub count: u32,
    pub word: &'a str,
}

/// The memo of one thread, and its per-article map.
#[derive(Debug, Default)]
pub(super) struct Vocab {
    /// Which segmenter the verdicts are from.
    owner: u64,
    memo: Memo,
    /// The current article's words: their place in its list of seen words.
    article: FxHashMap<WordKey, u32>,
}

impl Vocab {
    /// Readies the memo for an article cut by segmenter `owner`: verdicts of another
    /// segmenter are dropped, and so is a memo past its bound.
    pub fn claim(&mut self, owner: u64) {
        if self.owner != owner || self.memo.len > MAX_WORDS {
            self.memo = Memo::default();
            self.owner = owner;
        }
        if self.article.capacity() > 1 << 16 {
            // A long article's map is not kept for the next one.
            self.article = FxHashMap::default();
        } else {
            self.article.clear();
        }
    }

    /// Counts one occurrence of `word` (whose key is `key`) in the current article, whose
    /// distinct words are listed in `seen`.
    #[inline]
    pub fn count<'a>(&mut self, key: WordKey, word: &'a str, seen: &mut Vec<Seen<'a>>) {
        match self.article.entry(key) {
            MapEntry::Occupied(e) => {
                if let Some(s) = seen.get_mut(*e.get() as usize) {
                    s.count += 1;
                }
            }
            MapEntry::Vacant(v) => {
                v.insert(seen.len() as u32);
                seen.push(Seen {
                    key,
                    slot: 0,
                    count: 1,
                    word,
                });
            }
        }
    }

    /// Finds every seen word's entry in the memo, judging the words met for the first time
    /// on this thread with `judge` and remembering them.
    pub fn resolve(&mut self, seen: &mut [Seen<'_>], mut judge: impl FnMut(&str) -> Entry) {
        // Room for all of them first, so that no slot moves while the batch is looked up.
        self.memo.reserve(seen.len());
        self.memo.touch(seen.iter().map(|s| s.key));
        for s in seen.iter_mut() {
            s.slot = match self.memo.find(&s.key) {
                Ok(i) => i,
                Err(i) => {
                    self.memo.put(i, s.key, judge(s.word));
                    i
                }
            };
        }
    }

    /// The entry at `slot` (as [`Vocab::resolve`] left it in a [`Seen`]).
    #[inline]
    pub fn entry(&self, slot: u32) -> Entry {
        self.memo.entry(slot)
    }

    /// Records jieba's POS guess for the word at `slot`.
    pub fn set_guess(&mut self, slot: u32, content: bool) {
        self.memo.set_rule(slot, Rule::Recurring(Some(content)));
    }
}

/// The memo proper: open addressing with linear probing, at most half full, one 32-byte slot
/// a word holding its key and its whole verdict, so that a lookup is one cache line. Looking
/// many words up at once goes in two passes ([`Memo::touch`], then [`Memo::find`]): the first
/// only loads each word's home slot, without a branch, so the processor keeps many cache
/// misses in flight; the probes that follow mostly hit the cache. (A branch on what a probe
/// found, mispredicted, would discard the loads queued behind it.)
#[derive(Debug, Default)]
struct Memo {
    slots: Vec<Slot>,
    len: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    k0: u64,
    k1: u64,
    hash: u64,
    idf: f32,
    /// Key length (saturated; a long word's key also holds its hash); 0: empty.
    len: u16,
    rule: u8,
}

impl Memo {
    fn home(&self, key: &WordKey) -> usize {
        let x = key.0 ^ key.1.rotate_left(29) ^ u64::from(key.2).rotate_right(7);
        let h = (x ^ (x >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // The high bits, as many as the table needs.
        let bits = self.slots.len().trailing_zeros();
        if bits == 0 {
            0
        } else {
            (h >> (64 - bits)) as usize
        }
    }

    fn matches(slot: &Slot, key: &WordKey) -> bool {
        slot.len == key_len(key) && slot.k0 == key.0 && slot.k1 == key.1
    }

    /// Loads the home slot of every key, for the probes that follow.
    fn touch(&self, keys: impl Iterator<Item = WordKey>) {
        let mut acc = 0u64;
        for k in keys {
            acc ^= self.slots.get(self.home(&k)).map_or(0, |s| s.k0);
        }
        std::hint::black_box(acc);
    }

    /// `Ok(slot)` of `key`, or `Err(slot)` of the empty slot where it goes.
    fn find(&self, key: &WordKey) -> Result<u32, u32> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.home(key);
        while let Some(s) = self.slots.get(i) {
            if s.len == 0 {
                return Err(i as u32);
            }
            if Self::matches(s, key) {
                return Ok(i as u32);
            }
            i = (i + 1) & mask;
        }
        // Only an empty table (no slots) gets here; `reserve` comes first.
        Err(0)
    }

    /// Makes room for `more` words without the table growing.
    fn reserve(&mut self, more: usize) {
        let need = (self.len + more) * 2;
        if need <= self.slots.len() {
            return;
        }
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![Slot::default(); need.next_power_of_two().max(1024)];
        for s in old.into_iter().filter(|s| s.len != 0) {
            let key = WordKey(s.k0, s.k1, u32::from(s.len));
            if let Err(i) = self.find(&key) {
                if let Some(slot) = self.slots.get_mut(i as usize) {
                    *slot = s;
                }
            }
        }
    }

    fn put(&mut self, i: u32, key: WordKey, e: Entry) {
        if let Some(s) = self.slots.get_mut(i as usize) {
            *s = Slot {
                k0: key.0,
                k1: key.1,
                hash: e.hash,
                idf: e.idf,
                len: key_len(&key),
                rule: e.rule.code(),
            };
            self.len += 1;
        }
    }

    fn entry(&self, i: u32) -> Entry {
        self.slots
            .get(i as usize)
            .map_or(Entry::REJECTED, |s| Entry {
                hash: s.hash,
                idf: s.idf,
                rule: Rule::from_code(s.rule),
            })
    }

    fn set_rule(&mut self, i: u32, rule: Rule) {
        if let Some(s) = self.slots.get_mut(i as usize) {
            s.rule = rule.code();
        }
    }
}

/// A key's length as the memo stores it: saturated at `u16::MAX` (a key that long also holds
/// the word's hash), and never 0, which marks an empty slot.
fn key_len(key: &WordKey) -> u16 {
    u16::try_from(key.2).unwrap_or(u16::MAX).max(1)
}

/// A word's bytes as a map key. Up to 16 bytes (five hanzi) the key *is* the word: its first
/// and last eight bytes (overlapping, or four and four under eight bytes) and its length. A
/// longer word is keyed by its xxh3 hash, with a first half no short word can have (the
/// first eight bytes of UTF-8 text are never all 0xFF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WordKey(u64, u64, u32);

impl std::hash::Hash for WordKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // One word to the hasher (one multiply for FxHasher) instead of three: the parts
        // are mixed first, the rotations keep the two halves' bytes from cancelling.
        state.write_u64(self.0 ^ self.1.rotate_left(29) ^ u64::from(self.2).rotate_right(7));
    }
}

impl WordKey {
    #[inline]
    pub fn new(w: &[u8]) -> Self {
        let n = w.len();
        let u64_at = |i: usize| {
            w.get(i..i + 8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map_or(0, u64::from_le_bytes)
        };
        let u32_at = |i: usize| {
            w.get(i..i + 4)
                .and_then(|b| <[u8; 4]>::try_from(b).ok())
                .map_or(0, u32::from_le_bytes)
        };
        match n {
            8..=16 => WordKey(u64_at(0), u64_at(n - 8), n as u32),
            4..=7 => WordKey(
                u64::from(u32_at(0)) | u64::from(u32_at(n - 4)) << 32,
                0,
                n as u32,
            ),
            0..=3 => {
                let mut b = [0u8; 8];
                for (d, s) in b.iter_mut().zip(w) {
                    *d = *s;
                }
                WordKey(u64::from_le_bytes(b), 0, n as u32)
            }
            _ => WordKey(u64::MAX, xxhash_rust::xxh3::xxh3_64(w), n as u32),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_keys_tell_words_apart() {
        let words = [
            "",
            "a",
            "GDP",
            "职工",
            "职工a",
            "ab职工",
            "职工之",
            "职工之家",
            "aaaaaaaa",
            "aaaaaaaaa",
            "aaaaaaaaaa",
            "职工之家建设",
            "职工之家建设啊",
            "中华人民共和国成立",
        ];
        for (i, a) in words.iter().enumerate() {
            assert_eq!(WordKey::new(a.as_bytes()), WordKey::new(a.as_bytes()));
            for b in &words[i + 1..] {
                assert_ne!(
                    WordKey::new(a.as_bytes()),
                    WordKey::new(b.as_bytes()),
                    "{a} {b}"
                );
            }
        }
    }

    fn article<'a>(v: &mut Vocab, words: &[&'a str], judged: &mut Vec<String>) -> Vec<Seen<'a>> {
        let mut seen = Vec::new();
        for w in words {
            v.count(WordKey::new(w.as_bytes()), w, &mut seen);
        }
        v.resolve(&mut seen, |w| {
            judged.push(w.to_string());
            if w.starts_with('职') {
                Entry {
                    hash: w.len() as u64,
                    idf: 1.5,
                    rule: Rule::Always,
                }
            } else {
                Entry::REJECTED
            }
        });
        seen
    }

    #[test]
    fn counts_per_article_and_judges_each_word_once() {
        let mut v = Vocab::default();
        let mut judged = Vec::new();
        v.claim(1);
        let seen = article(
            &mut v,
            &["职工", "我们", "职工", "我们", "职工"],
            &mut judged,
        );
        let got: Vec<_> = seen.iter().map(|s| (s.word, s.count)).collect();
        assert_eq!(got, [("职工", 3), ("我们", 2)]);
        assert_eq!(v.entry(seen[0].slot).rule, Rule::Always);
        assert_eq!(v.entry(seen[0].slot).idf, 1.5);
        assert_eq!(v.entry(seen[1].slot).rule, Rule::Rejected);
        // The next article counts from zero and judges nothing again.
        v.claim(1);
        let seen = article(&mut v, &["我们", "职工"], &mut judged);
        let got: Vec<_> = seen.iter().map(|s| (s.word, s.count)).collect();
        assert_eq!(got, [("我们", 1), ("职工", 1)]);
        assert_eq!(judged, ["职工", "我们"]);
        v.set_guess(seen[1].slot, false);
        assert_eq!(v.entry(seen[1].slot).rule, Rule::Recurring(Some(false)));
        // Another segmenter's verdicts are not reused.
        v.claim(2);
        article(&mut v, &["职工"], &mut judged);
        assert_eq!(judged, ["职工", "我们", "职工"]);
    }

    #[test]
    fn memo_survives_growth() {
        let mut v = Vocab::default();
        let mut judged = Vec::new();
        let words: Vec<String> = (0..5000).map(|i| format!("职{i}")).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        for chunk in refs.chunks(700) {
            v.claim(1);
            article(&mut v, chunk, &mut judged);
        }
        assert_eq!(judged.len(), 5000);
        v.claim(1);
        let seen = article(&mut v, &refs, &mut judged);
        assert_eq!(judged.len(), 5000, "every word remembered across growth");
        for s in &seen {
            assert_eq!(v.entry(s.slot).hash, s.word.len() as u64);
        }
    }

    #[test]
    fn rules_round_trip() {
        for r in [
            Rule::Rejected,
            Rule::Always,
            Rule::Recurring(None),
            Rule::Recurring(Some(true)),
            Rule::Recurring(Some(false)),
        ] {
            assert_eq!(Rule::from_code(r.code()), r);
        }
    }
}
