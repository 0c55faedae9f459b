//! Numbers with unit, scale, approximation, metric and role; template placeholders.
//!
//! OWNER: figures helper. Interface used by the pipeline: [`extract`]; [`extract_text`] does
//! the same for a standalone sentence.
//!
//! The grammar (grammar.rs) reads the analysis view (simplified, half-width), so one set of
//! rules covers both scripts; texts and metrics are quoted from the cleaned text at the same
//! char offsets. Conventions beyond OUTPUT.md:
//! - `value` keeps the sign as written: 下降3% is 3 with role `change` (the metric and the
//!   verb say which way); a written minus (-0.5%) is kept.
//! - `text` includes the estimate words (约500人, 10亿元以上); `offset` is where `text` starts.
//! - Units: scale words are applied and dropped (万元 → 元); percent is `%` (also for 百分之);
//!   duration units drop the measure word (3个月 → 月); fractions (三分之一) are `ratio` with
//!   no unit; 成 and 折 are turned into fractions (2.5成 → 0.25, 9.9折 → 0.99).
//! - Years are four digits written digit by digit (2015年, 一九八五年); other numbers before
//!   年 are durations. A year with a month or day (2024年11月18日) is one `date`.
//! - A lone 一 before a measure word (一个, 一家) is an article, not a count.
//! - 翻一番 / 翻两番 are `ratio` 2 / 4 (倍) with role `change`; neighbouring digits (七八个,
//!   三四万人, 一两年) are a `range`; 几十年, 数万公里, 几百万人 are the scale word with `over`.

mod grammar;
mod lexicon;
mod metric;
pub(crate) mod numerals;
mod placeholder;
mod units;

use crate::report::{Figure, Placeholder};

/// Extracts the figures and placeholders of `span` (char offsets) of a document.
/// `cleaned` is the document's cleaned text, `analysis` its char-aligned simplified view.
/// Offsets in the result are char offsets into `cleaned`. For several spans of one document
/// build a [`Document`] once.
pub fn extract(cleaned: &str, analysis: &str, span: [usize; 2]) -> (Vec<Figure>, Vec<Placeholder>) {
    Document::new(cleaned, analysis).extract(span)
}

/// A document prepared once for the figures of each of its articles: the width-folded view as
/// chars and the byte offset of every char of the text quotes are taken from.
pub struct Document<'a> {
    view: Vec<char>,
    /// The text quotes are taken from: the cleaned text, or the analysis view if the two are
    /// not char-aligned (which the contract rules out).
    quote: &'a str,
    /// Byte offset of each char of `quote`, and `quote.len()` last.
    bounds: Vec<usize>,
}

impl<'a> Document<'a> {
    /// Prepares `cleaned` and its char-aligned analysis view.
    pub fn new(cleaned: &'a str, analysis: &'a str) -> Self {
        // Half-width again: cheap, and keeps the grammar right if a caller passes a view that
        // is simplified but not width-folded.
        let view: Vec<char> = analysis
            .chars()
            .map(crate::clean::views::fold_width)
            .collect();
        let mut bounds: Vec<usize> = cleaned.char_indices().map(|(b, _)| b).collect();
        let quote = if bounds.len() == view.len() {
            cleaned
        } else {
            bounds = analysis.char_indices().map(|(b, _)| b).collect();
            analysis
        };
        bounds.push(quote.len());
        Document {
            view,
            quote,
            bounds,
        }
    }

    fn slice(&self, a: usize, b: usize) -> String {
        let at = |c: usize| self.bounds.get(c).copied().unwrap_or(self.quote.len());
        let (x, y) = (at(a), at(b));
        self.quote.get(x..y.max(x)).unwrap_or("").to_string()
    }

    /// The figures and placeholders of `span` (char offsets; nothing after it is read).
    pub fn extract(&self, span: [usize; 2]) -> (Vec<Figure>, Vec<Placeholder>) {
        let view = &self.view[..span[1].min(self.view.len())];
        let to = view.len();
        let from = span[0].min(to);
        let (raws, roles, holders) = find(view, from, to);
        let figures = raws
            .iter()
            .zip(roles)
            .map(|(r, m)| Figure {
                text: self.slice(r.start, r.end),
                value: r.value,
                unit: r.unit.clone(),
                kind: r.kind.as_str().to_string(),
                approx: r.approx.map(str::to_string),
                lower: r.lower,
                upper: r.upper,
                metric: m.metric.map(|(a, b)| self.slice(a, b)),
                role: m.role.map(str::to_string),
                offset: r.start,
            })
            .collect();
        let placeholders = holders
            .into_iter()
            .map(|(a, b)| Placeholder {
                text: self.slice(a, b),
                offset: a,
            })
            .collect();
        (figures, placeholders)
    }
}

/// Extracts the figures and placeholders of a standalone text (any script, full-width or not).
/// Offsets are char offsets into `text`.
pub fn extract_text(text: &str) -> (Vec<Figure>, Vec<Placeholder>) {
    let analysis = analysis_view(text);
    let n = analysis.chars().count();
    extract(text, &analysis, [0, n])
}

/// Simplified script, full-width ASCII made half-width, char for char.
pub fn analysis_view(text: &str) -> String {
    // The same view the pipeline hands to `extract`.
    crate::clean::views::analysis_view(text)
}

type Found = (
    Vec<grammar::Raw>,
    Vec<metric::MetricRole>,
    Vec<(usize, usize)>,
);

/// Figures (with metric and role) and placeholders of `view[from..to]`.
fn find(view: &[char], from: usize, to: usize) -> Found {
    let holders = placeholder::scan(view, from, to);
    let mut raws = grammar::scan(view, from, to);
    // A placeholder is not a number: drop figures that overlap one (20xx年 → no year 20).
    raws.retain(|r| !holders.iter().any(|&(a, b)| a < r.end && r.start < b));
    raws.retain(|r| r.end <= to && r.start >= from);
    let roles = metric::assign(&view[..to], from, &raws);
    (raws, roles, holders)
}

#[cfg(test)]
mod tests;
