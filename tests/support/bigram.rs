//! Character-bigram F1, the score the hidden HTML check uses (shared by the HTML tests).

use std::collections::HashMap;

fn bigrams(s: &str) -> HashMap<(char, char), usize> {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let mut m = HashMap::new();
    for w in chars.windows(2) {
        *m.entry((w[0], w[1])).or_insert(0) += 1;
    }
    m
}

/// Character-bigram F1 of an extraction against the reference body (white space ignored).
pub fn bigram_f1(got: &str, want: &str) -> f64 {
    let (g, w) = (bigrams(got), bigrams(want));
    let common: usize = g
        .iter()
        .map(|(k, n)| (*n).min(w.get(k).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / g.values().sum::<usize>() as f64;
    let r = common as f64 / w.values().sum::<usize>() as f64;
    2.0 * p * r / (p + r)
}
