//! Numbers with unit, scale, approximation, metric and role; template placeholders.
//!
//! OWNER: figures helper. Interface used by the pipeline: [`extract`].

use crate::report::{Figure, Placeholder};

/// Extracts the figures and placeholders of `span` (char offsets) of a document.
/// `cleaned` is the document's cleaned text, `analysis` its char-aligned simplified view.
/// Offsets in the result are char offsets into `cleaned`.
pub fn extract(cleaned: &str, analysis: &str, span: [usize; 2]) -> (Vec<Figure>, Vec<Placeholder>) {
    let _ = (cleaned, analysis, span);
    (Vec::new(), Vec::new())
}
