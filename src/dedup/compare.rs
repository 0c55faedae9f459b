//! `zhreport compare A B`: the copied passages of two documents, side by side or as JSON.

use super::{fingerprint, pair_stats, round4, PairStats};
use serde_json::json;

/// Columns of each side in the terminal rendering.
const COLUMN: usize = 38;
/// Chars of uncopied context shown around each passage.
const CONTEXT: usize = 12;
const HIGHLIGHT: &str = "\x1b[1;31m";
const RESET: &str = "\x1b[0m";

fn stats(a_key: &str, b_key: &str, min_run: usize) -> (PairStats, f64) {
    let a = fingerprint::normalise(a_key);
    let b = fingerprint::normalise(b_key);
    let st = pair_stats(&a, &b, min_run, &|_| false, false);
    let j = super::align::jaccard(&a, &b, fingerprint::K);
    (st, j)
}

/// Cleaned-text `[start, end)` of key chars `[s, e)`, clamped to the text.
fn span(map: &[u32], s: usize, e: usize, text_len: usize) -> (usize, usize) {
    let r = super::doc_range(map, s, e);
    (r[0].min(text_len), r[1].min(text_len))
}

/// Terminal width of a char: CJK and full-width forms take two columns.
fn width(c: char) -> usize {
    if (c as u32) < 0x1100 {
        1
    } else {
        2
    }
}

/// Wraps `(char, highlighted)` cells into lines of at most `cols` columns.
fn wrap(cells: &[(char, bool)], cols: usize) -> Vec<Vec<(char, bool)>> {
    let mut lines = vec![Vec::new()];
    let mut w = 0;
    for &(c, h) in cells {
        if c == '\n' || c == '\r' {
            continue;
        }
        let cw = width(c);
        if w + cw > cols {
            lines.push(Vec::new());
            w = 0;
        }
        if let Some(l) = lines.last_mut() {
            l.push((c, h));
        }
        w += cw;
    }
    lines
}

fn paint(line: &[(char, bool)], color: bool, cols: usize) -> String {
    let mut out = String::new();
    let mut on = false;
    let mut w = 0;
    for &(c, h) in line {
        if color && h != on {
            out.push_str(if h { HIGHLIGHT } else { RESET });
            on = h;
        }
        out.push(c);
        w += width(c);
    }
    if on {
        out.push_str(RESET);
    }
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// The passage with some context, highlighted cells marking copied text.
fn cells(text: &[char], s: usize, e: usize) -> Vec<(char, bool)> {
    let from = s.saturating_sub(CONTEXT);
    let to = (e + CONTEXT).min(text.len());
    (from..to).map(|i| (text[i], i >= s && i < e)).collect()
}

/// Side-by-side rendering of the passages two documents share (ANSI highlight when `color`;
/// without colour, copied text is set off by `[` `]` in the first line of each side).
#[allow(clippy::too_many_arguments)]
pub fn render_compare(
    a_name: &str,
    a_cleaned: &str,
    a_key: &str,
    a_key_map: &[u32],
    b_name: &str,
    b_cleaned: &str,
    b_key: &str,
    b_key_map: &[u32],
    min_run: usize,
    color: bool,
) -> String {
    let (st, jac) = stats(a_key, b_key, min_run);
    let at: Vec<char> = a_cleaned.chars().collect();
    let bt: Vec<char> = b_cleaned.chars().collect();
    let mut out = String::new();
    out.push_str(&format!("A: {a_name}\nB: {b_name}\n"));
    out.push_str(&format!(
        "{} passages, {} copied chars; A in B {:.1}%, B in A {:.1}%, jaccard {:.3}\n",
        st.runs.len(),
        st.copied_chars,
        100.0 * st.a_in_b,
        100.0 * st.b_in_a,
        jac
    ));
    for (n, r) in st.runs.iter().enumerate() {
        let (as_, ae) = span(a_key_map, r.a_start, r.a_start + r.len, at.len());
        let (bs, be) = span(b_key_map, r.b_start, r.b_start + r.len, bt.len());
        out.push_str(&format!(
            "\n#{} A[{as_}, {ae}) B[{bs}, {be}) {} chars\n",
            n + 1,
            r.len
        ));
        let mut ac = cells(&at, as_, ae);
        let mut bc = cells(&bt, bs, be);
        if !color {
            mark(&mut ac);
            mark(&mut bc);
        }
        let (la, lb) = (wrap(&ac, COLUMN), wrap(&bc, COLUMN));
        for i in 0..la.len().max(lb.len()) {
            let l = la
                .get(i)
                .map(|l| paint(l, color, COLUMN))
                .unwrap_or_else(|| " ".repeat(COLUMN));
            let r = lb
                .get(i)
                .map(|l| paint(l, color, COLUMN))
                .unwrap_or_default();
            out.push_str(&l);
            out.push_str(" │ ");
            out.push_str(r.trim_end());
            out.push('\n');
        }
    }
    out
}

/// Brackets the copied stretch for terminals without colour.
fn mark(cells: &mut Vec<(char, bool)>) {
    if let Some(s) = cells.iter().position(|c| c.1) {
        let e = cells.iter().rposition(|c| c.1).map_or(s, |e| e + 1);
        cells.insert(e, ('】', false));
        cells.insert(s, ('【', false));
    }
}

/// The comparison for scripts: shares, jaccard and each passage's offsets and text.
#[allow(clippy::too_many_arguments)]
pub fn compare_json(
    a_name: &str,
    a_cleaned: &str,
    a_key: &str,
    a_key_map: &[u32],
    b_name: &str,
    b_cleaned: &str,
    b_key: &str,
    b_key_map: &[u32],
    min_run: usize,
) -> serde_json::Value {
    let (st, jac) = stats(a_key, b_key, min_run);
    let at: Vec<char> = a_cleaned.chars().collect();
    let bt: Vec<char> = b_cleaned.chars().collect();
    let passages: Vec<serde_json::Value> = st
        .runs
        .iter()
        .map(|r| {
            let (as_, ae) = span(a_key_map, r.a_start, r.a_start + r.len, at.len());
            let (bs, be) = span(b_key_map, r.b_start, r.b_start + r.len, bt.len());
            json!({
                "a": [as_, ae],
                "b": [bs, be],
                "chars": r.len,
                "a_text": at[as_..ae].iter().collect::<String>(),
                "b_text": bt[bs..be].iter().collect::<String>(),
            })
        })
        .collect();
    json!({
        "a": a_name,
        "b": b_name,
        "a_in_b": round4(st.a_in_b),
        "b_in_a": round4(st.b_in_a),
        "jaccard": round4(jac),
        "copied_chars": st.copied_chars,
        "passages": passages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(text: &str) -> (String, Vec<u32>) {
        let mut k = String::new();
        let mut m = Vec::new();
        for (i, c) in text.chars().enumerate() {
            if c.is_alphanumeric() {
                k.push(c);
                m.push(i as u32);
            }
        }
        (k, m)
    }

    const A: &str = "前言。全镇有600多名职工参加了“重点工程劳动竞赛”活动，成效明显。";
    const B: &str = "另一篇：全镇有500多名职工参加了“重点工程劳动竞赛”活动！";

    #[test]
    fn json_gives_passages_over_cleaned_text() {
        let (ak, am) = key_of(A);
        let (bk, bm) = key_of(B);
        let v = compare_json("a", A, &ak, &am, "b", B, &bk, &bm, 13);
        let p = &v["passages"][0];
        assert_eq!(p["a_text"], "全镇有600多名职工参加了“重点工程劳动竞赛”活动");
        assert_eq!(p["b_text"], "全镇有500多名职工参加了“重点工程劳动竞赛”活动");
        assert_eq!(v["copied_chars"], 23);
    }

    #[test]
    fn render_highlights_only_with_color() {
        let (ak, am) = key_of(A);
        let (bk, bm) = key_of(B);
        let plain = render_compare("a", A, &ak, &am, "b", B, &bk, &bm, 13, false);
        assert!(!plain.contains('\x1b'));
        assert!(plain.contains("1 passages"));
        assert!(plain.contains("【全镇有600"));
        let col = render_compare("a", A, &ak, &am, "b", B, &bk, &bm, 13, true);
        assert!(col.contains(HIGHLIGHT));
        let none = render_compare("a", "", "", &[], "b", B, &bk, &bm, 13, true);
        assert!(none.contains("0 passages"));
    }
}
