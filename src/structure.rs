//! Articles (篇N), titles and heading hierarchy.
//!
//! OWNER: structure helper. Interface used by the pipeline: [`analyze`], [`PageStructure`],
//! [`ArticleSpan`].

use crate::report::Section;

/// One article found on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSpan {
    /// Title, original script.
    pub title: String,
    /// `[start, end)` char offsets in the document's cleaned text.
    pub span: [usize; 2],
    /// Headings inside the span (offsets in the document's cleaned text), `kind` unset.
    pub sections: Vec<Section>,
}

/// The structure of one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageStructure {
    /// Page title as a reader would name it.
    pub title: String,
    /// At least one article for a non-empty page.
    pub articles: Vec<ArticleSpan>,
}

/// Finds the title, articles and headings of a cleaned page. `analysis` is the char-aligned
/// simplified view of `cleaned`.
pub fn analyze(cleaned: &str, analysis: &str) -> PageStructure {
    let _ = analysis;
    let title = cleaned
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string();
    let n = cleaned.chars().count();
    PageStructure {
        title: title.clone(),
        articles: vec![ArticleSpan {
            title,
            span: [0, n],
            sections: Vec::new(),
        }],
    }
}
