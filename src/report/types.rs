//! Serde types of the output contract (`../shared/docs/OUTPUT.md`).
//!
//! Field names here are the contract: add fields freely, never rename or drop one.
//! Every offset is a character (Unicode scalar) offset into the *document's* cleaned text.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Status of one input document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Decoded and analysed.
    Ok,
    /// Deliberately not analysed: empty, binary, too large.
    Skipped,
    /// Could not be read or parsed.
    Error,
}

impl Status {
    /// The name written in documents.jsonl.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Skipped => "skipped",
            Status::Error => "error",
        }
    }
}

/// Where the chosen encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EncodingSource {
    /// A byte-order mark.
    Bom,
    /// An HTML `<meta>` or XML declaration that the bytes agree with.
    Meta,
    /// Detected from the bytes.
    Detected,
    /// Forced with `--encoding`.
    User,
}

/// Script of a document's text.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord,
)]
pub enum Script {
    /// Simplified Chinese.
    #[serde(rename = "zh-Hans")]
    Hans,
    /// Traditional Chinese.
    #[serde(rename = "zh-Hant")]
    Hant,
    /// Both scripts in substantial amounts.
    #[serde(rename = "mixed")]
    Mixed,
    /// Not Chinese (or no text).
    #[default]
    #[serde(rename = "other")]
    Other,
}

impl Script {
    /// The name written in documents.jsonl.
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Hans => "zh-Hans",
            Script::Hant => "zh-Hant",
            Script::Mixed => "mixed",
            Script::Other => "other",
        }
    }
}

/// Plan / summary classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Looks forward: targets, tasks, 将/要/确保.
    Plan,
    /// Looks back: results, 完成/取得/了.
    Summary,
    /// A review followed by a plan (or the other way round).
    Mixed,
    /// Neither.
    Other,
}

impl Kind {
    /// The name written in documents.jsonl.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Summary => "summary",
            Kind::Mixed => "mixed",
            Kind::Other => "other",
        }
    }
}

/// What cleaning removed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    /// Lines removed.
    pub lines: usize,
    /// Characters removed (lines' characters, without line breaks).
    pub chars: usize,
    /// Lines removed per reason code.
    pub by_reason: BTreeMap<String, usize>,
    /// Every removed line with its reason (only with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines_detail: Option<Vec<RemovedLine>>,
}

/// One removed line and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// The line as it stood in the decoded page.
    pub text: String,
    /// Reason code (OUTPUT.md "Removal reasons").
    pub reason: String,
}

/// Mojibake found and repaired.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mojibake {
    /// Spans of mojibake found.
    pub spans: usize,
    /// Spans repaired by a proven round trip.
    pub repaired: usize,
}

/// A heading of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Nesting level, 1 = outermost marker style of the article.
    pub level: u8,
    /// The marker as written (`一、`, `（一）`, `1.`, `第一章`, `三月份` …).
    pub marker: String,
    /// 1-based ordinal the marker denotes.
    pub ordinal: u32,
    /// Heading title without marker, trailing punctuation trimmed, original script.
    pub title: String,
    /// Offset of the marker in the document's cleaned text.
    pub offset: usize,
    /// Plan/summary label, for top-level sections only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
}

/// A number with its unit, scale, approximation and metric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure as written, e.g. `3万余人`.
    pub text: String,
    /// Value with scale words applied, in the written unit; null for dates.
    pub value: Option<f64>,
    /// Unit as written (`人`, `万元` is reported as `元` with the scale applied, `%` …).
    pub unit: Option<String>,
    /// `count`, `percent`, `percentage-points`, `money`, `quantity`, `year`, `date`, `duration`, `ratio`.
    pub kind: String,
    /// `about`, `over`, `under`, `range` or null.
    pub approx: Option<String>,
    /// Lower bound of a range.
    pub lower: Option<f64>,
    /// Upper bound of a range.
    pub upper: Option<f64>,
    /// The thing measured, quoted from the text.
    pub metric: Option<String>,
    /// `level`, `change`, `share-of-target` or null.
    pub role: Option<String>,
    /// Offset of the figure in the document's cleaned text.
    pub offset: usize,
}

/// A template placeholder (20xx年, XX公司, ____元).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placeholder {
    /// The placeholder as written.
    pub text: String,
    /// Offset in the document's cleaned text.
    pub offset: usize,
}

/// Where an article's copied text came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopySource {
    /// Article id of the other article.
    pub article: String,
    /// Share of this article's dedup key covered by passages shared with it.
    pub share: f64,
}

/// Copy evidence of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Copy {
    /// Share of the article's dedup-key characters covered by passages shared with any other
    /// article (stock phrasing left out).
    pub share: f64,
    /// The articles it shares passages with, largest share first.
    pub sources: Vec<CopySource>,
}

/// One article of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Document id + `#` + 1-based number.
    pub id: String,
    /// Title as a reader would name it, original script.
    pub title: String,
    /// `[start, end)` in the document's cleaned text.
    pub span: [usize; 2],
    /// Plan / summary / mixed / other.
    pub kind: Kind,
    /// Confidence of `kind`, 0..1.
    pub kind_score: f64,
    /// Characters of cleaned text in the span.
    pub chars: usize,
    /// Tokens jieba cut from the span (words, punctuation excluded).
    pub tokens: usize,
    /// Top keywords (simplified script) with TF-IDF scores.
    pub keywords: Vec<(String, f64)>,
    /// Heading hierarchy.
    pub sections: Vec<Section>,
    /// Numbers with units and metrics.
    pub figures: Vec<Figure>,
    /// Template placeholders.
    pub placeholders: Vec<Placeholder>,
    /// Copy evidence (filled by the corpus stage).
    pub copy: Copy,
}
