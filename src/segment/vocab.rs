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
//! A word jieba found in its dictionary comes with its dictionary id, and is counted and
//! remembered by it: one table indexed by id holds each word's count in the current article
//! and its verdict, so that neither hashing nor probing is needed ([`Vocab::note_id`]). A word
//! rejected once (a function word, a number) costs one load per occurrence after that.
//!
//! The other words (those jieba's HMM made up, ASCII) are counted in two steps. Each token
//! probes a small per-article table ([`Counts`]), hot in cache, which holds the word's count
//! beside its key; after the cut, the article's distinct words are looked up in the memo all
//! at once, in a table built so that the lookups' cache misses overlap (see [`Memo`]).
//! Probing the memo per token, or per first occurrence as the cut goes, cost a cache miss
//! each, as much time as all the rest of the counting.
//!
//! Both kinds of token are only noted while jieba cuts, and counted after: touching these
//! tables between cut steps made jieba's trie walk and them evict each other's cache lines.
//!
//! The memo only stores what a pure function of the word returns, so which thread met a word
//! first changes no output. It is bounded: past [`MAX_WORDS`] words it starts afresh (between
//! articles), 16 MiB a thread at most; the per-article tables add at most 10 MiB. The table by
//! id takes 8 bytes per dictionary word (2.8 MiB for jieba's 350,000), and the verdicts of
//! the dictionary words met 16 bytes each.

/// Words remembered per thread before the memo is cleared.
pub(super) const MAX_WORDS: usize = 1 << 17;

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
pub(super) struct Seen {
    key: WordKey,
    /// Where the word is in the article's [`Counts`] while counting; then, once
    /// [`Vocab::resolve`] has run, where its entry is in the memo.
    pub slot: u32,
    pub count: u32,
    /// Where the word is in the article's text (its first occurrence), in bytes.
    pub start: u32,
    pub len: u32,
}

impl Seen {
    /// The word, in the article's text `text`.
    pub fn word<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start as usize..(self.start + self.len) as usize)
            .unwrap_or("")
    }
}

/// The memo of one thread, and its per-article counts.
#[derive(Debug, Default)]
pub(super) struct Vocab {
    /// Which segmenter the verdicts are from.
    owner: u64,
    memo: Memo,
    article: Counts,
    /// The current article's distinct words, in order of first occurrence.
    pub seen: Vec<Seen>,
    /// The current article's countable tokens, in order, until they are counted: the
    /// first `noted` entries (the rest is room written ahead, see [`Vocab::note`]).
    tokens: Vec<(WordKey, u32, u32)>,
    noted: usize,
    /// The words jieba gave a dictionary id, by id: their count in the current article and
    /// their verdict ([`ID_UNKNOWN`], [`ID_REJECTED`], or 2 + their index in `id_entries`).
    ids: Vec<IdSlot>,
    id_entries: Vec<Entry>,
    /// The current article's tokens with an id (id, start, length), as `tokens`.
    id_tokens: Vec<(u32, u32, u32)>,
    id_noted: usize,
    /// Its distinct ids not rejected, in order of first occurrence (as many as
    /// [`Vocab::count_ids`] listed; the rest is room written ahead).
    id_seen: Vec<(u32, u32, u32)>,
}

/// A word's place in [`Vocab`]'s table of dictionary ids.
#[derive(Debug, Clone, Copy, Default)]
struct IdSlot {
    count: u32,
    verdict: u32,
}

/// The verdict of a dictionary id not judged yet on this thread.
const ID_UNKNOWN: u32 = 0;
/// The verdict of a dictionary id that is never a candidate.
const ID_REJECTED: u32 = 1;
/// Marks a slot (in [`Seen::slot`]) as an index in [`Vocab`]'s entries of dictionary words
/// rather than in the memo: the memo never holds 2^31 slots.
const ID_SLOT: u32 = 1 << 31;

/// Entries of a [`Vocab`]'s word list kept between articles.
const SEEN_KEPT: usize = 1 << 16;

impl Vocab {
    /// Readies the memo for an article cut by segmenter `owner`, whose dictionary ids are
    /// below `ids`: verdicts of another segmenter are dropped, and so is a memo past its
    /// bound (the verdicts by id are bounded by the dictionary).
    pub fn claim(&mut self, owner: u64, ids: usize) {
        if self.owner != owner {
            self.ids = Vec::new();
            self.id_entries = Vec::new();
        }
        if self.owner != owner || self.memo.len > MAX_WORDS {
            self.memo = Memo::default();
            self.owner = owner;
        }
        if self.ids.len() < ids {
            self.ids.resize(ids, IdSlot::default());
        }
        if self.id_tokens.len() > SEEN_KEPT * 4 {
            self.id_tokens = Vec::new();
            self.id_seen = Vec::new();
        }
        self.id_noted = 0;
        self.article.start();
        if self.seen.capacity() > SEEN_KEPT {
            self.seen = Vec::new();
        }
        self.seen.clear();
        // The token list keeps its length (room written ahead is never read).
        if self.tokens.len() > SEEN_KEPT * 4 {
            self.tokens = Vec::new();
        }
        self.noted = 0;
    }

    /// Occurrences noted so far in the current article.
    pub fn noted(&self) -> usize {
        self.noted + self.id_noted
    }

    /// Notes one occurrence of the word at `start..start + len` in the article's text (`key`
    /// is its key) if `keep`, to be counted by [`Vocab::resolve`].
    ///
    /// Tokens are only listed as the cut goes, which writes memory in order: probing the
    /// count table in between cut steps made each evict the other's cache lines, and cost
    /// the cut itself a tenth more time. The entry is written whether kept or not, and
    /// `keep` only decides whether the next one overwrites it: whether a token is one
    /// character or a word is as good as random, and a branch on it would be mispredicted
    /// about every other token.
    #[inline]
    pub fn note(&mut self, key: WordKey, start: u32, len: u32, keep: bool) {
        write_ahead(&mut self.tokens, &mut self.noted, (key, start, len), keep);
    }

    /// [`Vocab::note`] for a word jieba gave dictionary id `id` (below the bound given to
    /// [`Vocab::claim`]): such a word is counted and remembered by its id, without a key.
    #[inline]
    pub fn note_id(&mut self, id: u32, start: u32, len: u32, keep: bool) {
        write_ahead(
            &mut self.id_tokens,
            &mut self.id_noted,
            (id, start, len),
            keep,
        );
    }

    /// Counts the article's tokens and finds each distinct word's entry in the memo, judging
    /// the words met for the first time on this thread with `judge` (given the word's place
    /// in the text) and remembering them; hands each word not rejected with its entry to
    /// `each`: the words noted by key, then those noted by id, each in order of first
    /// occurrence.
    ///
    /// A word noted by key may be in the dictionary all the same (jieba's HMM can join
    /// characters into a dictionary word without looking it up): `dict_id` tells, once per
    /// word and thread, and such a word is counted with its id's tokens, so that no word is
    /// counted twice.
    pub fn resolve(
        &mut self,
        mut judge: impl FnMut(&Seen) -> Entry,
        mut dict_id: impl FnMut(&Seen) -> Option<u32>,
        mut each: impl FnMut(&Seen, Entry),
    ) {
        let mut listed = self.count_ids();
        let seen = &mut self.seen;
        self.article.size_for(self.noted);
        for &(key, start, len) in self.tokens.get(..self.noted).unwrap_or(&[]) {
            self.article.add(key, start, len, seen);
        }
        // Room for all of them first, so that no slot moves while the batch is looked up.
        self.memo.reserve(seen.len());
        self.memo.touch(seen.iter().map(|s| s.key));
        for s in seen.iter_mut() {
            s.count = self.article.take(s.slot);
            let i = match self.memo.find(&s.key) {
                Ok(i) => i,
                Err(i) => {
                    match dict_id(s) {
                        Some(id) => self.memo.put_dict(i, s.key, id),
                        None => self.memo.put(i, s.key, judge(s)),
                    }
                    i
                }
            };
            if let Some(id) = self.memo.dict_id(i) {
                // Counted with the id's tokens (listed if its tokens were not).
                if let Some(slot) = self.ids.get_mut(id as usize) {
                    if slot.verdict != ID_REJECTED {
                        if slot.count == 0 {
                            let at = (id, s.start, s.len);
                            write_ahead(&mut self.id_seen, &mut listed, at, true);
                        }
                        slot.count += s.count;
                    }
                }
                continue;
            }
            s.slot = i;
            let e = self.memo.entry(i);
            if e.rule != Rule::Rejected {
                each(s, e);
            }
        }
        self.resolve_ids(listed, judge, each);
    }

    /// Counts the tokens noted by id, each straight into its id's slot; one of a word already
    /// rejected on this thread goes nowhere. Neither branches on what it finds (which is as
    /// good as random), so the slot's load is the only cost. The distinct ids are listed in
    /// `id_seen` as they are first counted; returns how many.
    fn count_ids(&mut self) -> usize {
        if self.id_seen.len() < self.id_noted {
            self.id_seen.resize(self.id_noted, (0, 0, 0));
        }
        let mut listed = 0usize;
        for &(id, start, len) in self.id_tokens.get(..self.id_noted).unwrap_or(&[]) {
            let Some(s) = self.ids.get_mut(id as usize) else {
                continue;
            };
            let live = s.verdict != ID_REJECTED;
            let fresh = live & (s.count == 0);
            if let Some(slot) = self.id_seen.get_mut(listed) {
                *slot = (id, start, len);
            }
            listed += usize::from(fresh);
            s.count += u32::from(live);
        }
        listed
    }

    /// [`Vocab::resolve`] for the first `listed` words of `id_seen`: judges those not judged
    /// on this thread, and hands over those not rejected, emptying their counts.
    fn resolve_ids(
        &mut self,
        listed: usize,
        mut judge: impl FnMut(&Seen) -> Entry,
        mut each: impl FnMut(&Seen, Entry),
    ) {
        for &(id, start, len) in self.id_seen.get(..listed).unwrap_or(&[]) {
            let Some(s) = self.ids.get_mut(id as usize) else {
                continue;
            };
            let mut seen = Seen {
                key: WordKey(0, 0),
                slot: 0,
                count: std::mem::take(&mut s.count),
                start,
                len,
            };
            let index = match s.verdict {
                ID_UNKNOWN => {
                    let e = judge(&seen);
                    if e.rule == Rule::Rejected {
                        s.verdict = ID_REJECTED;
                        continue;
                    }
                    self.id_entries.push(e);
                    s.verdict = self.id_entries.len() as u32 + 1;
                    self.id_entries.len() - 1
                }
                v => v as usize - 2,
            };
            seen.slot = ID_SLOT | index as u32;
            each(&seen, self.entry(seen.slot));
        }
    }

    /// The entry at `slot` (as [`Vocab::resolve`] left it in a [`Seen`]).
    #[inline]
    pub fn entry(&self, slot: u32) -> Entry {
        if slot & ID_SLOT != 0 {
            let i = (slot & !ID_SLOT) as usize;
            return self.id_entries.get(i).copied().unwrap_or(Entry::REJECTED);
        }
        self.memo.entry(slot)
    }

    /// Records jieba's POS guess for the word at `slot`.
    pub fn set_guess(&mut self, slot: u32, content: bool) {
        let rule = Rule::Recurring(Some(content));
        if slot & ID_SLOT != 0 {
            let i = (slot & !ID_SLOT) as usize;
            if let Some(e) = self.id_entries.get_mut(i) {
                e.rule = rule;
            }
            return;
        }
        self.memo.set_rule(slot, rule);
    }
}

/// Writes `x` at `buf[*len]` (growing `buf` when it is that short), and keeps it, counting it
/// into `*len`, if `keep`: entries past `*len` are room written ahead, overwritten by the
/// next call. Writing whether kept or not spares the caller a branch on `keep`.
#[inline(always)]
fn write_ahead<T>(buf: &mut Vec<T>, len: &mut usize, x: T, keep: bool) {
    match buf.get_mut(*len) {
        Some(slot) => *slot = x,
        None => buf.push(x),
    }
    *len += usize::from(keep);
}

/// Where `key` starts probing in a table of `2^bits` slots: the high bits of a
/// multiplicative hash.
#[inline]
fn home(key: &WordKey, bits: u32) -> usize {
    let h = (key.0 ^ key.1.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h.checked_shr(64 - bits).unwrap_or(0) as usize
}

/// The word counts of one article: open addressing with linear probing, at most half full,
/// 24 bytes a slot holding the key and the count, so that a token costs one cache line (a
/// general hash map reads a control byte group too, and held the count elsewhere). Emptied
/// after each article slot by slot, through the article's list of words.
#[derive(Debug, Default)]
struct Counts {
    slots: Vec<CountSlot>,
    bits: u32,
    len: usize,
}

/// A slot of [`Counts`]; `k0 == 0` marks it empty (only the empty word has a key with a
/// zero first half, and it is never counted).
#[derive(Debug, Clone, Copy, Default)]
struct CountSlot {
    k0: u64,
    k1: u64,
    count: u32,
}

/// Slots of [`Counts`] at least, and the most kept between articles.
const COUNTS_MIN: usize = 1 << 6;
const COUNTS_KEPT: usize = 1 << 16;

impl Counts {
    fn start(&mut self) {
        if self.slots.len() > COUNTS_KEPT {
            self.slots = Vec::new();
        }
        self.len = 0;
    }

    /// Sizes the (empty) table for an article of `tokens` countable tokens: about twice as
    /// many slots as it has distinct words, guessed as half its tokens, so that a short
    /// article's table stays in the first-level cache. It grows if the guess is short.
    ///
    /// The table in use is the first `2^bits` slots; the rest stays empty, so a table once
    /// grown serves shorter articles without being allocated and cleared again.
    fn size_for(&mut self, tokens: usize) {
        let size = tokens.next_power_of_two().clamp(COUNTS_MIN, COUNTS_KEPT);
        if self.slots.len() < size {
            self.slots.resize(size, CountSlot::default());
        }
        self.bits = size.trailing_zeros();
    }

    #[inline]
    fn add(&mut self, key: WordKey, start: u32, len: u32, seen: &mut Vec<Seen>) {
        let mask = (1usize << self.bits) - 1;
        let mut i = home(&key, self.bits);
        while let Some(s) = self.slots.get_mut(i) {
            if s.k0 == key.0 && s.k1 == key.1 {
                s.count += 1;
                return;
            }
            if s.k0 == 0 {
                *s = CountSlot {
                    k0: key.0,
                    k1: key.1,
                    count: 1,
                };
                seen.push(Seen {
                    key,
                    slot: i as u32,
                    count: 0,
                    start,
                    len,
                });
                self.len += 1;
                if self.len * 2 > mask + 1 {
                    self.grow(seen);
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Doubles the table, moving every counted word.
    fn grow(&mut self, seen: &mut [Seen]) {
        self.bits += 1;
        let size = 1usize << self.bits;
        let fresh = vec![CountSlot::default(); size.max(self.slots.len())];
        let old = std::mem::replace(&mut self.slots, fresh);
        let mask = size - 1;
        for s in seen.iter_mut() {
            let Some(&moved) = old.get(s.slot as usize) else {
                continue;
            };
            let mut i = home(&s.key, self.bits);
            while self.slots.get(i).is_some_and(|x| x.k0 != 0) {
                i = (i + 1) & mask;
            }
            if let Some(slot) = self.slots.get_mut(i) {
                *slot = moved;
            }
            s.slot = i as u32;
        }
    }

    /// The count in slot `i`, emptying the slot for the next article.
    #[inline]
    fn take(&mut self, i: u32) -> u32 {
        self.slots
            .get_mut(i as usize)
            .map_or(0, |slot| std::mem::take(slot).count)
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
    bits: u32,
    len: usize,
}

/// The rule code of a [`Memo`] slot that holds no verdict but the word's dictionary id (in
/// its `hash`): the word's verdict is by id.
const DICT_CODE: u8 = u8::MAX;

/// A slot of [`Memo`]; `k0 == 0` marks it empty.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    k0: u64,
    k1: u64,
    hash: u64,
    idf: f32,
    rule: u8,
}

impl Memo {
    /// Loads the home slot of every key, for the probes that follow.
    fn touch(&self, keys: impl Iterator<Item = WordKey>) {
        let mut acc = 0u64;
        for k in keys {
            acc ^= self.slots.get(home(&k, self.bits)).map_or(0, |s| s.k0);
        }
        std::hint::black_box(acc);
    }

    /// `Ok(slot)` of `key`, or `Err(slot)` of the empty slot where it goes.
    fn find(&self, key: &WordKey) -> Result<u32, u32> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = home(key, self.bits);
        while let Some(s) = self.slots.get(i) {
            if s.k0 == key.0 && s.k1 == key.1 {
                return Ok(i as u32);
            }
            if s.k0 == 0 {
                return Err(i as u32);
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
        let size = need.next_power_of_two().max(1024);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.bits = size.trailing_zeros();
        for s in old.into_iter().filter(|s| s.k0 != 0) {
            if let Err(i) = self.find(&WordKey(s.k0, s.k1)) {
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
                rule: e.rule.code(),
            };
            self.len += 1;
        }
    }

    /// Remembers that `key`, going in slot `i`, is the dictionary word `id`.
    fn put_dict(&mut self, i: u32, key: WordKey, id: u32) {
        if let Some(s) = self.slots.get_mut(i as usize) {
            *s = Slot {
                k0: key.0,
                k1: key.1,
                hash: u64::from(id),
                idf: 0.0,
                rule: DICT_CODE,
            };
            self.len += 1;
        }
    }

    /// The dictionary id of the word in slot `i`, if it was put there by [`Memo::put_dict`].
    #[inline]
    fn dict_id(&self, i: u32) -> Option<u32> {
        self.slots
            .get(i as usize)
            .filter(|s| s.rule == DICT_CODE)
            .map(|s| s.hash as u32)
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

/// A word's bytes as a table key. Up to 16 bytes (five hanzi) the key *is* the word, zero
/// padded: a word of text never holds a NUL byte (jieba cuts control characters off as
/// tokens of their own), so no two words share a key, and the first half is never zero. A
/// longer word is keyed by its xxh3 hash, with a first half no short word can have (the
/// first eight bytes of UTF-8 text are never all 0xFF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WordKey(u64, u64);

impl WordKey {
    /// The key of the word at `start..start + len` of `text`: [`WordKey::new`] of those
    /// bytes, computed without a branch on the length when the text goes on for 16 bytes
    /// from `start` (one 16-byte load, masked).
    #[inline]
    pub fn in_text(text: &[u8], start: usize, len: usize) -> Self {
        match text.get(start..start + 16) {
            Some(b) if (1..=16).contains(&len) => {
                let x = <[u8; 16]>::try_from(b).map_or(0, u128::from_le_bytes);
                // The low `8 * len` bits.
                let x = x & (u128::MAX >> (128 - 8 * len as u32));
                WordKey(x as u64, (x >> 64) as u64)
            }
            _ => WordKey::new(text.get(start..start + len).unwrap_or(&[])),
        }
    }

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
                .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
        };
        // Little-endian loads: the last load overlaps the first, and shifting it right
        // drops the overlap, leaving the bytes after the first load, zero padded.
        match n {
            8..=16 => WordKey(
                u64_at(0),
                u64_at(n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0),
            ),
            4..=7 => WordKey(u32_at(0) | (u32_at(n - 4) >> (8 * (8 - n))) << 32, 0),
            0..=3 => {
                let mut b = [0u8; 8];
                for (d, s) in b.iter_mut().zip(w) {
                    *d = *s;
                }
                WordKey(u64::from_le_bytes(b), 0)
            }
            _ => WordKey(u64::MAX, xxhash_rust::xxh3::xxh3_64(w)),
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
        // Up to 16 bytes, the key is the word's bytes, zero padded.
        let padded = |w: &[u8]| {
            let mut b = [0u8; 16];
            b[..w.len()].copy_from_slice(w);
            WordKey(
                u64::from_le_bytes(b[..8].try_into().unwrap()),
                u64::from_le_bytes(b[8..].try_into().unwrap()),
            )
        };
        let long = "职工之家建设啊abcdefghijklmnop".as_bytes();
        for n in 0..=16 {
            assert_eq!(WordKey::new(&long[..n]), padded(&long[..n]), "{n} bytes");
        }
        assert_eq!(WordKey::new(long).0, u64::MAX);
        // In a text, the same keys, whether the text goes on or ends.
        let text = "职工之家建设啊abcdefghijklmnop职工之家".as_bytes();
        for start in 0..text.len() {
            for len in 0..=text.len() - start {
                assert_eq!(
                    WordKey::in_text(text, start, len),
                    WordKey::new(&text[start..start + len]),
                    "{start} {len}"
                );
            }
        }
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

    /// Counts the words of `text` (separated by spaces) as one article; returns each
    /// distinct word with its count and entry. A word of the toy dictionary is noted by its
    /// id, as the segmenter does, unless marked with a trailing `*`: then it is noted by key,
    /// as jieba's HMM words are (the `*` is not part of the word).
    fn article(
        v: &mut Vocab,
        owner: u64,
        text: &str,
        judged: &mut Vec<String>,
    ) -> Vec<(String, u32, Entry, u32)> {
        v.claim(owner, DICT.len());
        let mut start = 0;
        let dict_id = |w: &str| DICT.iter().position(|d| *d == w).map(|i| i as u32);
        for w in text.split(' ') {
            let by_key = w.strip_suffix('*');
            let word = by_key.unwrap_or(w);
            match dict_id(w) {
                Some(id) => v.note_id(id, start as u32, w.len() as u32, true),
                None => v.note(
                    WordKey::new(word.as_bytes()),
                    start as u32,
                    word.len() as u32,
                    true,
                ),
            }
            start += w.len() + 1;
        }
        let mut out = Vec::new();
        v.resolve(
            |s| {
                let w = s.word(text);
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
            },
            |s| dict_id(s.word(text)),
            |s, e| out.push((s.word(text).to_string(), s.count, e, s.slot)),
        );
        for o in &out {
            assert_eq!(v.entry(o.3), o.2, "the entry handed over is the memo's");
        }
        out
    }

    /// A toy dictionary: its words are noted by their index here, as jieba's are by id.
    const DICT: [&str; 4] = ["职代会", "我们", "职工之家", "一个"];

    #[test]
    fn words_by_id_are_counted_and_judged_once_alike() {
        let mut v = Vocab::default();
        let mut judged = Vec::new();
        let text = "职代会 我们 职工 职代会 一个 我们 职工 职代会 新词";
        let seen = article(&mut v, 1, text, &mut judged);
        let got: Vec<_> = seen.iter().map(|s| (s.0.as_str(), s.1)).collect();
        // Words by key first, then words by id, each in order of first occurrence; rejected
        // words are judged, but not handed over.
        assert_eq!(got, [("职工", 2), ("职代会", 3)]);
        assert_eq!(judged, ["职工", "新词", "职代会", "我们", "一个"]);
        assert_eq!(seen[1].2.rule, Rule::Always);
        // Next article: nothing judged again, counts from zero, rejected words stay out.
        let seen = article(&mut v, 1, "我们 职代会 职工之家 我们 职代会", &mut judged);
        let got: Vec<_> = seen.iter().map(|s| (s.0.as_str(), s.1)).collect();
        assert_eq!(got, [("职代会", 2), ("职工之家", 1)]);
        assert_eq!(judged.len(), 6, "{judged:?}");
        // A guess recorded on a word by id sticks to it.
        v.set_guess(seen[1].3, false);
        assert_eq!(v.entry(seen[1].3).rule, Rule::Recurring(Some(false)));
        let again = article(&mut v, 1, "职工之家", &mut judged);
        assert_eq!(again[0].2.rule, Rule::Recurring(Some(false)));
        // Another segmenter's ids mean other words: judged afresh.
        article(&mut v, 2, "职代会", &mut judged);
        assert_eq!(judged.len(), 7);
    }

    #[test]
    fn dictionary_words_noted_by_key_count_with_their_ids() {
        let mut v = Vocab::default();
        let mut judged = Vec::new();
        // 职代会 twice by id and twice by key (as the HMM would give it), 职工之家 only by
        // key, 我们 (rejected) both ways.
        let text = "职代会* 我们 职代会 职工之家* 我们* 职代会* 职代会 职工之家*";
        let seen = article(&mut v, 1, text, &mut judged);
        let got: Vec<_> = seen.iter().map(|s| (s.0.as_str(), s.1)).collect();
        assert_eq!(got, [("职代会", 4), ("职工之家", 2)], "one count per word");
        assert_eq!(judged, ["我们", "职代会", "职工之家"], "judged once, by id");
        // Next article: the key is remembered as the id, whatever the id's verdict.
        let seen = article(&mut v, 1, "我们* 职工之家* 职工之家", &mut judged);
        let got: Vec<_> = seen.iter().map(|s| (s.0.as_str(), s.1)).collect();
        assert_eq!(got, [("职工之家", 2)]);
        assert_eq!(judged.len(), 3);
    }

    #[test]
    fn counts_per_article_and_judges_each_word_once() {
        let mut v = Vocab::default();
        let mut judged = Vec::new();
        let seen = article(&mut v, 1, "职工 他们 职工 他们 职工", &mut judged);
        let got: Vec<_> = seen.iter().map(|s| (s.0.as_str(), s.1)).collect();
        assert_eq!(got, [("职工", 3)], "rejected words are not handed over");
        assert_eq!(seen[0].2.rule, Rule::Always);
        assert_eq!(seen[0].2.idf, 1.5);
        // The next article counts from zero and judges nothing again.
        let seen = article(&mut v, 1, "他们 职工", &mut judged);
        let got: Vec<_> = seen.iter().map(|s| (s.0.as_str(), s.1)).collect();
        assert_eq!(got, [("职工", 1)]);
        assert_eq!(judged, ["职工", "他们"]);
        v.set_guess(seen[0].3, false);
        assert_eq!(v.entry(seen[0].3).rule, Rule::Recurring(Some(false)));
        // Another segmenter's verdicts are not reused.
        article(&mut v, 2, "职工", &mut judged);
        assert_eq!(judged, ["职工", "他们", "职工"]);
    }

    #[test]
    fn memo_and_counts_survive_growth() {
        let mut v = Vocab::default();
        let mut judged = Vec::new();
        let words: Vec<String> = (0..5000).map(|i| format!("职{i}")).collect();
        for chunk in words.chunks(700) {
            article(&mut v, 1, &chunk.join(" "), &mut judged);
        }
        assert_eq!(judged.len(), 5000);
        // One article of every word twice: the counts table grows while counting.
        let all = words.join(" ");
        let seen = article(&mut v, 1, &format!("{all} {all}"), &mut judged);
        assert_eq!(judged.len(), 5000, "every word remembered across growth");
        assert_eq!(seen.len(), 5000);
        for (w, count, e, _) in &seen {
            assert_eq!(*count, 2, "{w}");
            assert_eq!(e.hash, w.len() as u64);
        }
    }

    #[test]
    fn memo_is_bounded() {
        let mut v = Vocab::default();
        let mut judged = Vec::new();
        let batch = MAX_WORDS / 4 + 1;
        for round in 0..5 {
            let words: Vec<String> = (0..batch).map(|i| format!("职{round}-{i}")).collect();
            article(&mut v, 1, &words.join(" "), &mut judged);
        }
        assert!(v.memo.len <= MAX_WORDS, "cleared past the bound");
        assert!(v.memo.len > 0);
        // The first round's words were forgotten: judged again.
        let before = judged.len();
        article(&mut v, 1, "职0-0", &mut judged);
        assert_eq!(judged.len(), before + 1);
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
