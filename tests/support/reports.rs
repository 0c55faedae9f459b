//! The `full_text` column of the government work reports' CSV files, shared by tests, benches
//! and examples (`#[path]`-included).

use std::path::Path;

/// Every `full_text` value of the CSV file at `path` (a BOM before the header is ignored);
/// none when the file cannot be read or has no such column.
pub fn full_texts(path: &Path) -> Vec<String> {
    let Ok(mut rdr) = csv::Reader::from_path(path) else {
        return Vec::new();
    };
    let Ok(headers) = rdr.headers().cloned() else {
        return Vec::new();
    };
    let Some(col) = headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == "full_text")
    else {
        return Vec::new();
    };
    rdr.records()
        .flatten()
        .filter_map(|rec| rec.get(col).map(str::to_string))
        .collect()
}
