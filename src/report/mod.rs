//! The output contract: serde types of documents.jsonl, duplicates.json and summary.json.

pub mod html;
mod types;

pub use types::*;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One line of documents.jsonl.
///
/// Lines whose status is not "ok" carry `id`, `status`, `reason` and `bytes` only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// Document id (OUTPUT.md "Ids").
    pub id: String,
    /// ok / skipped / error.
    pub status: Status,
    /// Why skipped or error; for ok documents, notes such as a charset declaration that lied.
    pub reason: Option<String>,
    /// Size of the document's bytes, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// `true` for pages given with `--reference` (known template pages).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub reference: bool,
    /// Analysis of an ok document.
    #[serde(flatten)]
    pub body: Option<DocumentBody>,
}

/// The fields of documents.jsonl that only ok documents carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentBody {
    /// Other JSONL fields / CSV columns of the record, as strings.
    pub meta: BTreeMap<String, String>,
    /// encoding_rs name of the encoding used.
    pub encoding: String,
    /// Where the encoding came from.
    pub encoding_source: EncodingSource,
    /// Whether detection was sure.
    pub confident: bool,
    /// A declared charset the bytes contradicted (e.g. `gb2312`), when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_encoding: Option<String>,
    /// Replacement characters produced while decoding.
    pub decode_errors: usize,
    /// Script of the cleaned text.
    pub script: Script,
    /// Page title.
    pub title: String,
    /// Characters of cleaned text.
    pub chars: usize,
    /// What cleaning removed.
    pub removed: Removed,
    /// Mojibake found and repaired.
    pub mojibake: Mojibake,
    /// The articles of the page.
    pub articles: Vec<Article>,
    /// Cleaned text (only with `--with-text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Parameters of the copy detection, echoed in duplicates.json.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DedupParams {
    /// Minimum passage length in dedup-key characters.
    pub min_run: usize,
    /// A pair is listed when `max(a_in_b, b_in_a) >= min_share`.
    pub min_share: f64,
    /// Runs recurring in more than this many unrelated documents are stock phrasing.
    pub common_df: usize,
}

impl Default for DedupParams {
    fn default() -> Self {
        DedupParams {
            min_run: 13,
            min_share: 0.3,
            common_df: 10,
        }
    }
}

/// A passage shared by the two articles of a pair, as cleaned-text offsets of each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// `[start, end)` in a's document.
    pub a: [usize; 2],
    /// `[start, end)` in b's document.
    pub b: [usize; 2],
}

/// A pair of articles that share text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Article id of the one earlier in input order.
    pub a: String,
    /// Article id of the other.
    pub b: String,
    /// Jaccard similarity of the two articles' shingle sets.
    pub jaccard: f64,
    /// Share of a's dedup key in passages shared with b.
    pub a_in_b: f64,
    /// Share of b's dedup key in passages shared with a.
    pub b_in_a: f64,
    /// a's dedup-key characters in shared passages.
    pub copied_chars: usize,
    /// "a", "b" or null: which was published first, when known.
    pub earlier: Option<String>,
    /// Shared passages.
    pub passages: Vec<Passage>,
}

/// A group of near-duplicate articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Cluster number, 0-based, in order of first member.
    pub id: usize,
    /// Article ids in input order.
    pub articles: Vec<String>,
}

/// Stock phrasing: a short run shared by many unrelated documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommonPassage {
    /// The run, in the analysis view's script.
    pub text: String,
    /// Documents it occurs in.
    pub documents: usize,
}

/// OUT/duplicates.json.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Duplicates {
    /// Parameters used.
    pub params: DedupParams,
    /// Pairs reaching min_share, in input order of `a` then `b`.
    pub pairs: Vec<Pair>,
    /// Near-duplicate clusters.
    pub clusters: Vec<Cluster>,
    /// Stock phrasing, most frequent first.
    pub common_passages: Vec<CommonPassage>,
}
