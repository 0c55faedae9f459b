//! Plan / summary / mixed classification from explainable cues.
//!
//! OWNER: structure helper. Interface used by the pipeline: [`classify_article`], [`classify_text`].

use crate::report::{Kind, Section};

/// Classifies a piece of analysis-view text (an article, a section or a paragraph).
pub fn classify_text(analysis: &str) -> (Kind, f64) {
    let _ = analysis;
    (Kind::Other, 0.0)
}

/// Classifies an article and labels its top-level sections (`kind` of level-1 sections).
/// `analysis` is the whole document's analysis view; `span` and section offsets are char offsets.
pub fn classify_article(analysis: &str, span: [usize; 2], sections: &mut [Section]) -> (Kind, f64) {
    let _ = (span, sections);
    classify_text(analysis)
}
