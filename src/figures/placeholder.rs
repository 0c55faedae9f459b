//! Template placeholders: 20xx年, xx届, XX公司, ____元, 20__年, __X, ×××.

use super::units::unit_at;

fn is_mark(c: char) -> bool {
    matches!(c, 'x' | 'X' | '×' | '_' | '＿' | 'Ｘ' | 'ｘ')
}

/// Words a placeholder usually stands in front of, kept in its text.
const FOLLOWERS: &[&str] = &[
    "年度", "年", "月份", "月", "日", "号", "届", "公司", "单位", "部门", "同志", "镇", "乡", "村",
    "县", "市", "区", "局", "厂", "学校", "省", "处", "科", "中心", "项目", "集团",
];

/// Placeholders of `chars[from..to]` as (start, end) char ranges.
pub(crate) fn scan(chars: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let to = to.min(chars.len());
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        if !is_mark(chars[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < to && is_mark(chars[j]) {
            j += 1;
        }
        let run = &chars[i..j];
        let letters_only = run
            .iter()
            .all(|c| matches!(c, 'x' | 'X' | 'Ｘ' | 'ｘ' | '×'));
        // Digits written before the marks (20xx, 20__), not a heading number (篇1XX).
        let mut s = i;
        while s > from && chars[s - 1].is_ascii_digit() && i - s < 3 {
            s -= 1;
        }
        if s < i {
            let before = if s > 0 { Some(chars[s - 1]) } else { None };
            let digits: String = chars[s..i].iter().collect();
            let yearish = digits.starts_with('1') || digits.starts_with('2');
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || "篇第章节".contains(b))
                || !yearish
            {
                s = i;
            }
        }
        let glued_letter = (s > 0 && chars[s - 1].is_ascii_alphabetic())
            || chars.get(j).is_some_and(|c| c.is_ascii_alphabetic());
        let long_enough = run.len() >= 2 || s < i;
        // 5×3, 7×24: a times sign between digits is arithmetic.
        let arithmetic = run.len() == 1 && run[0] == '×';
        if glued_letter || !long_enough || arithmetic || (letters_only && run.len() == 1) {
            i = j;
            continue;
        }
        let mut e = j;
        if let Some((_, _, l)) = unit_at(chars, j) {
            e = j + l;
        } else if let Some(w) = FOLLOWERS
            .iter()
            .find(|w| super::lexicon::word_at(chars, j, w))
        {
            e = j + w.chars().count();
        }
        out.push((s, e.min(to)));
        i = e.max(j);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let cs: Vec<char> = s.chars().collect();
        scan(&cs, 0, cs.len())
            .into_iter()
            .map(|(a, b)| cs[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn placeholders() {
        assert_eq!(texts("20xx年,公司工会"), vec!["20xx年"]);
        assert_eq!(texts("党的xx届五中"), vec!["xx届"]);
        assert_eq!(texts("XX公司"), vec!["XX公司"]);
        assert_eq!(texts("共____元"), vec!["____元"]);
        assert_eq!(texts("20__年"), vec!["20__年"]);
        assert_eq!(texts("__X"), vec!["__X"]);
        assert_eq!(texts("20___X"), vec!["20___X"]);
        assert_eq!(texts("篇1XX年1-8月"), vec!["XX年"]);
        assert_eq!(texts("Xbox max 7×24小时"), Vec::<String>::new());
    }
}
