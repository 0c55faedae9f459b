//! The span grammar of one figure:
//!
//! ```text
//! figure  := prefix? number mid? unit post? suffix?          (约3万余人, 10亿元以上)
//!          | prefix? number unit? SEP number mid? unit suffix? (3-5年, 10%至15%, 1—8月)
//!          | 百分之 number (SEP 百分之? number)?             (百分之十点五)
//!          | number 分之 number                               (三分之一)
//!          | year 年 month 月 (day 日)? | month 月 day 日 | yyyy-mm-dd | 上半年 …
//! number  := see numerals.rs (Arabic, Chinese, mixed, scale words applied)
//! ```
//! followed by filters for what looks like a figure but is a name: ordinals (第一), plan names
//! and slogans, set phrases, codes with leading zeros, numbers glued to Latin letters.

use super::lexicon::{
    self, match_at, match_before, word_at, word_before, PREFIX_APPROX, SUFFIX_APPROX,
};
use super::numerals::{self, Number};
use super::units::{unit_at, FigKind};

/// A figure found by the grammar, before metric and role.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Raw {
    /// First char (estimate prefix included).
    pub start: usize,
    /// One past the last char (estimate suffix included).
    pub end: usize,
    /// Where the number itself starts.
    pub num_start: usize,
    /// Value, scale applied; None for dates.
    pub value: Option<f64>,
    /// Unit as reported.
    pub unit: Option<String>,
    /// Kind.
    pub kind: FigKind,
    /// `about`, `over`, `under`, `range`.
    pub approx: Option<&'static str>,
    /// Range bounds.
    pub lower: Option<f64>,
    /// Range bounds.
    pub upper: Option<f64>,
}

fn is_hanzi(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

const RANGE_SEPS: &[char] = &['-', '—', '–', '~', '～', '〜', '至', '到', '－', '―'];

/// Chars that glue a number into a code, a URL, a version or a clock time.
fn is_code_neighbour(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '/' | '_' | '=' | '#' | '@' | '&' | ':' | '\\' | '+' | '*' | '×'
        )
}

/// Chars of context searched for set phrases on each side of a figure (the longest phrase
/// is eight chars).
const BLOCK_WINDOW: usize = 10;

/// Can a figure start at `c`? One bit test in a compile-time bitmap of the BMP (8 KiB).
fn is_candidate(c: char) -> bool {
    const STARTS: &[char] = &[
        '〇', '零', '○', '一', '壹', '幺', '二', '贰', '两', '俩', '貳', '兩', '三', '叁', '參',
        '四', '肆', '五', '伍', '六', '陆', '陸', '七', '柒', '八', '捌', '九', '玖', '十', '拾',
        '上', '下', '前', '百', '千', '万', '亿', '佰', '仟', '萬', '億', 'Ｏ',
    ];
    const fn bitmap() -> [u64; 1024] {
        let mut m = [0u64; 1024];
        let mut i = 0;
        while i < STARTS.len() {
            let u = STARTS[i] as usize;
            m[u / 64] |= 1u64 << (u % 64);
            i += 1;
        }
        m
    }
    static BITMAP: [u64; 1024] = bitmap();
    if c.is_ascii_digit() {
        return true;
    }
    let u = c as usize;
    u < 0x10000 && BITMAP[u / 64] & (1u64 << (u % 64)) != 0
}

/// Scans `chars[from..to]` for figures.
pub(crate) fn scan(chars: &[char], from: usize, to: usize) -> Vec<Raw> {
    let to = to.min(chars.len());
    let from = from.min(to);
    let view = &chars[..to];
    let mut out: Vec<Raw> = Vec::new();
    let mut i = from;
    while i < to {
        let c = view[i];
        if !is_candidate(c) {
            i += 1;
            continue;
        }
        match figure_at(view, i, from) {
            Step::Found(raw) => {
                let next = raw.end.max(i + 1);
                // Set phrases are short: look for them in a window around the figure only.
                let wa = raw.num_start.saturating_sub(BLOCK_WINDOW).max(from);
                let wb = (raw.end + BLOCK_WINDOW).min(to);
                let overlaps = lexicon::blocked_overlap(view, wa, wb, raw.num_start, raw.end);
                if !overlaps {
                    out.push(raw);
                }
                i = next;
            }
            Step::Skip(next) => i = next.max(i + 1),
        }
    }
    out
}

enum Step {
    Found(Raw),
    Skip(usize),
}

/// The estimate word written just before `at`, if any (not reaching before `floor`).
fn prefix_approx(chars: &[char], at: usize, floor: usize) -> Option<(&'static str, usize)> {
    for &(w, a) in PREFIX_APPROX {
        let Some(n) = match_before(chars, at, w) else {
            continue;
        };
        if at < floor + n {
            continue;
        }
        let p = at - n;
        let before = if p > 0 {
            chars.get(p - 1).copied()
        } else {
            None
        };
        // 节约, 签约, 最近, 附近, 以上, 赶超: the char belongs to another word.
        let glued = match w {
            "约" => before.is_some_and(|b| "节制签预合特公违履邀相隐婉盟条契".contains(b)),
            "近" => before.is_some_and(|b| "最附将接邻临靠亲贴".contains(b)),
            "超" => before.is_some_and(|b| "赶高".contains(b)),
            "过" => {
                before.is_some_and(|b| "通经超度不越穿错透路".contains(b))
                    || !before.is_some_and(is_hanzi)
            }
            "上" => true,
            _ => false,
        };
        if glued {
            continue;
        }
        return Some((a, p));
    }
    None
}

/// The estimate word written at `at` after a unit, if any.
fn suffix_approx(chars: &[char], at: usize) -> Option<(&'static str, usize)> {
    for &(w, a) in SUFFIX_APPROX {
        let Some(n) = match_at(chars, at, w) else {
            continue;
        };
        if w == "上下" {
            // 上下一心, 上下联动, 上下游: not an estimate.
            let next = chars.get(at + 2).copied();
            if next.is_some_and(|c| "一联级游同齐贯".contains(c)) {
                continue;
            }
        }
        if w == "前后" && chars.get(at + 2).is_some_and(|c| "左对相".contains(*c)) {
            continue;
        }
        return Some((a, at + n));
    }
    None
}

/// `多`, `余` or `来` between a number and its unit (200多家, 三十余人, 十来个).
fn mid_over(chars: &[char], n: &Number) -> usize {
    match chars.get(n.end) {
        Some('多') | Some('余') => n.end + 1,
        Some('来') if n.chinese && n.value >= 10.0 && n.value % 10.0 == 0.0 => n.end + 1,
        _ => n.end,
    }
}

/// A number, possibly written as 百分之…; returns (number, percent?) .
fn number_at(chars: &[char], at: usize) -> Option<(Number, bool)> {
    if word_at(chars, at, "百分之百")
        && !chars
            .get(at + 4)
            .is_some_and(|c| numerals::is_numeral_char(*c))
    {
        let mut n = numerals::bare_scale(chars, at + 3)?;
        n.start = at;
        return Some((n, true));
    }
    if word_at(chars, at, "百分之") || word_at(chars, at, "千分之") {
        let mut n = numerals::parse(chars, at + 3)?;
        if word_at(chars, at, "千分之") {
            n.value /= 10.0;
        }
        n.start = at;
        return Some((n, true));
    }
    numerals::parse(chars, at).map(|n| (n, false))
}

fn month_day(chars: &[char], at: usize) -> Option<usize> {
    // month 月 (day 日|号)? starting at `at`; returns the end.
    let m = numerals::parse(chars, at)?;
    if !m.integer || m.value < 1.0 || m.value > 12.0 || m.digit_string && m.digits > 2 {
        return None;
    }
    if chars.get(m.end) != Some(&'月') {
        return None;
    }
    let mut end = m.end + 1;
    if chars.get(end) == Some(&'份') {
        end += 1;
    }
    if let Some(d) = numerals::parse(chars, end) {
        if d.integer
            && d.value >= 1.0
            && d.value <= 31.0
            && matches!(chars.get(d.end), Some('日') | Some('号'))
        {
            end = d.end + 1;
        }
    }
    Some(end)
}

fn half_or_quarter(chars: &[char], at: usize) -> Option<usize> {
    for w in ["上半年", "下半年", "上半月", "下半月"] {
        if word_at(chars, at, w) {
            return Some(at + 3);
        }
    }
    let mut i = at;
    if matches!(chars.get(i), Some('第') | Some('前') | Some('后')) {
        i += 1;
    }
    let q = numerals::parse(chars, i)?;
    if q.value >= 1.0 && q.value <= 4.0 && word_at(chars, q.end, "季度") {
        return Some(q.end + 2);
    }
    None
}

fn figure_at(chars: &[char], at: usize, floor: usize) -> Step {
    let c = chars[at];
    let prev = if at > 0 { Some(chars[at - 1]) } else { None };

    // 上半年, 下半年, 前三季度: dates without a number in front.
    if matches!(c, '上' | '下' | '前') {
        if let Some(end) = half_or_quarter(chars, at) {
            return Step::Found(date(at, end));
        }
        return Step::Skip(at + 1);
    }
    // 几十年, 数万公里, 几百万人: an unnamed multiple of a scale word, at least the scale.
    if matches!(c, '十' | '百' | '千' | '万' | '亿') && matches!(prev, Some('几') | Some('数'))
    {
        return match several(chars, at, floor) {
            Some(r) => Step::Found(r),
            None => Step::Skip(at + 1),
        };
    }
    // 近万人, 上万, 逾千: a bare scale word after an estimate word.
    if matches!(c, '百' | '千' | '万' | '亿')
        && !word_at(chars, at, "百分之")
        && !word_at(chars, at, "千分之")
    {
        let Some(p) = prev else {
            return Step::Skip(at + 1);
        };
        let two =
            at >= floor + 2 && (word_before(chars, at, "突破") || word_before(chars, at, "超过"));
        let approx = match p {
            _ if two => "over",
            '近' => "about",
            '上' | '逾' | '过' | '超' => "over",
            _ => return Step::Skip(at + 1),
        };
        if at < floor + 1 {
            return Step::Skip(at + 1);
        }
        let before = if at >= 2 { Some(chars[at - 2]) } else { None };
        if !two && before.is_some_and(|b| "以之最附将接线向马路早赶".contains(b)) {
            return Step::Skip(at + 1);
        }
        let Some(n) = numerals::bare_scale(chars, at) else {
            return Step::Skip(at + 1);
        };
        let (unit, kind, ulen) = match unit_at(chars, n.end) {
            Some(u) if matches!(u.1, FigKind::Count | FigKind::Money | FigKind::Quantity) => {
                (Some(u.0), u.1, u.2)
            }
            Some(_) => return Step::Skip(n.end),
            None => match unitless_kind(chars, at - if two { 2 } else { 1 }, n.end, floor) {
                Some(k) => (None, k, 0),
                None => return Step::Skip(n.end),
            },
        };
        return Step::Found(Raw {
            start: at - if two { 2 } else { 1 },
            end: n.end + ulen,
            num_start: at,
            value: Some(n.value),
            unit: unit.map(str::to_string),
            kind,
            approx: Some(approx),
            lower: None,
            upper: None,
        });
    }

    // Not the start of a number: inside a code, a word in Latin letters, a clock time.
    let prev2 = if at > 1 { Some(chars[at - 2]) } else { None };
    let minus = matches!(prev, Some('-') | Some('−') | Some('－'))
        && !prev2
            .is_some_and(|p| p.is_ascii_alphanumeric() || numerals::is_numeral_char(p) || p == '%');
    if c.is_ascii_digit() && !minus {
        if prev.is_some_and(|p| is_code_neighbour(p) || p == '.' || p == '-') {
            let mut j = at;
            while chars
                .get(j)
                .is_some_and(|c| c.is_ascii_digit() || *c == '.')
            {
                j += 1;
            }
            return Step::Skip(j);
        }
    } else if prev.is_some_and(|p| numerals::is_numeral_char(p) && !p.is_ascii_digit()) && c != '百'
    {
        return Step::Skip(at + 1);
    }

    // 七八个, 两三年, 三四万人, 二三十家: two neighbouring digits are an estimate range.
    if let Some(r) = neighbour_range(chars, at, floor) {
        return Step::Found(r);
    }

    // yyyy-mm-dd, yyyy.mm.dd, yyyy/mm/dd
    if let Some(end) = iso_date(chars, at) {
        return Step::Found(date(at, end));
    }

    let Some((n, percent_word)) = number_at(chars, at) else {
        return Step::Skip(at + 1);
    };
    let skip_to = n.end.max(at + 1);
    if n.end > chars.len() {
        return Step::Skip(skip_to);
    }
    // 翻一番, 翻两番, 翻了一番多: doubling n times is a ratio of 2^n to the base.
    if let Some(r) = doubling(chars, at, &n, floor) {
        return Step::Found(r);
    }
    let after = chars.get(n.end).copied();
    // Glued to Latin letters or a clock colon: 5G, 3.0版 handled by unit absence, 10:54.
    if !percent_word && after.is_some_and(|a| a.is_ascii_alphabetic() || a == ':' || a == '∶') {
        return Step::Skip(skip_to);
    }
    // Codes and ids: leading zeros, long runs of digits.
    if n.leading_zero || (!n.chinese && n.integer && !n.scaled && n.digits >= 9) {
        return Step::Skip(skip_to);
    }
    // Ordinals: 第一书记, 第八届 (but 第一季度 is a date).
    let ordinal = prev == Some('第');
    if ordinal {
        if let Some(end) = half_or_quarter(chars, at - 1) {
            return Step::Found(date(at - 1, end));
        }
        return Step::Skip(skip_to);
    }

    // Fractions: 三分之一.
    if !percent_word && word_at(chars, n.end, "分之") {
        if let Some(d) = numerals::parse(chars, n.end + 2) {
            if n.value > 0.0 {
                let (approx, end) = match suffix_approx(chars, d.end) {
                    Some((a, e)) => (Some(a), e),
                    None => (None, d.end),
                };
                let (approx, start) = with_prefix(chars, at, floor, approx);
                return Step::Found(Raw {
                    start,
                    end,
                    num_start: at,
                    value: Some(d.value / n.value),
                    unit: None,
                    kind: FigKind::Ratio,
                    approx,
                    lower: None,
                    upper: None,
                });
            }
        }
        return Step::Skip(skip_to);
    }

    // A year with month/day or half/quarter: one date.
    if let Some(y) = year_like(&n) {
        if chars.get(n.end) == Some(&'年') {
            let mut end = n.end + 1;
            let mut is_date = false;
            if let Some(e) = month_day(chars, end) {
                end = e;
                is_date = true;
            } else if let Some(e) = half_or_quarter(chars, end) {
                end = e;
                is_date = true;
            }
            if is_date {
                return Step::Found(date(at, end));
            }
            let _ = y;
        }
    }
    // month 月 day 日 (4月9日, 8月份)
    if !percent_word && chars.get(n.end) == Some(&'月') {
        if let Some(e) = month_day(chars, at) {
            let (approx, start) = with_prefix(chars, at, floor, None);
            let mut r = date(start, e);
            r.approx = approx.filter(|a| *a != "about");
            if r.approx.is_none() {
                r.start = at;
            }
            return Step::Found(r);
        }
    }

    // number, estimate inside, unit
    let mut over = n.over;
    let mut p = n.end;
    let q = mid_over(chars, &n);
    if q > p && (unit_at(chars, q).is_some() || percent_word) {
        over = true;
        p = q;
    }
    let mut unit = if percent_word {
        None
    } else {
        unit_at(chars, p)
    };
    // An unanchored range: 3-5年, 10%至15%, 1—8月, 百分之五到百分之十.
    let after_unit = p + unit.map(|u| u.2).unwrap_or(0);
    let mut range: Option<(Number, usize)> = None;
    if let Some(&sep) = chars.get(after_unit) {
        let mut s = after_unit;
        if RANGE_SEPS.contains(&sep) {
            s += 1;
            if sep == '—' && chars.get(s) == Some(&'—') {
                s += 1;
            }
            let from_to = matches!(sep, '至' | '到')
                && at > 0
                && matches!(chars[at.saturating_sub(1)], '从' | '由');
            if let Some((n2, pw2)) = number_at(chars, s) {
                let q2 = mid_over(chars, &n2);
                let p2 = if q2 > n2.end && unit_at(chars, q2).is_some() {
                    q2
                } else {
                    n2.end
                };
                let u2 = if percent_word {
                    None
                } else {
                    unit_at(chars, p2)
                };
                let ok = if percent_word {
                    unit_at(chars, n2.end).is_none_or(|u| u.1 == FigKind::Percent && u.2 == 1)
                } else {
                    match (unit, u2) {
                        (Some(a), Some(b)) => a.0 == b.0,
                        (None, Some(_)) => !pw2,
                        _ => false,
                    }
                };
                let yearish = u2.is_some_and(|u| u.1 == FigKind::Year) && year_like(&n).is_some();
                if ok && n2.value > n.value && (!from_to || yearish) {
                    if unit.is_none() {
                        unit = u2;
                    }
                    let mut end = p2 + u2.map(|u| u.2).unwrap_or(0);
                    if percent_word && unit_at(chars, n2.end).is_some() {
                        end = n2.end + 1;
                    }
                    range = Some((n2, end));
                }
            }
        }
    }
    let Some((uname, ukind, ulen)) = unit.or(if percent_word {
        Some(("%", FigKind::Percent, 0))
    } else {
        None
    }) else {
        // 总人口1.2万, 贫困人口减少1000万以上: a scaled number whose unit the metric implies.
        if n.scaled
            && !n.chinese
            && n.value >= 1e4
            && range.is_none()
            && numerals::big_unit(chars[n.end - 1]).is_some()
        {
            let kind = unitless_kind(chars, at, n.end, floor)
                .or_else(|| people_noun_after(chars, n.end).then_some(FigKind::Count));
            if let Some(kind) = kind {
                let mut end = n.end;
                let mut approx = over.then_some("over");
                if let Some((a, e)) = suffix_approx(chars, end) {
                    approx = approx.or(Some(a));
                    end = e;
                }
                let (approx, start) = with_prefix(chars, at, floor, approx);
                return Step::Found(Raw {
                    start,
                    end,
                    num_start: at,
                    value: Some(n.value),
                    unit: None,
                    kind,
                    approx,
                    lower: None,
                    upper: None,
                });
            }
        }
        return Step::Skip(skip_to);
    };
    let mut end = match range {
        Some((_, e)) => e,
        None => p + ulen,
    };
    let mut value = n.value;
    let mut upper = range.map(|r| r.0.value);
    let mut kind = ukind;
    let mut unit_s = uname.to_string();

    // Sort out 年 / 月 / 日 / 季度 and the ratio words.
    match ukind {
        FigKind::Year => {
            if year_like(&n).is_some() {
                kind = FigKind::Year;
            } else if n.digit_string && n.chinese {
                return Step::Skip(skip_to);
            } else {
                kind = FigKind::Duration;
                if chars.get(end) == Some(&'半') {
                    value += 0.5;
                    end += 1;
                }
            }
            // 三年行动计划, 五年规划: plan names.
            if kind == FigKind::Duration
                && [
                    "行动", "计划", "规划", "攻坚", "工程", "方案", "纲要", "专项",
                ]
                .iter()
                .any(|w| word_at(chars, end, w))
            {
                return Step::Skip(end);
            }
            // 七十年代, 1980年代: a period, kept as a date.
            if chars.get(end) == Some(&'代') && n.integer {
                let mut r = date(at, end + 1);
                r.num_start = at;
                return Step::Found(r);
            }
            // 年度, 年底 stay years; 年级 is not a year.
            if chars.get(end) == Some(&'级') {
                return Step::Skip(end);
            }
        }
        FigKind::Date => {
            // A month (1-8月), a day (18日) or a quarter (一季度); value null.
            let lim = match uname {
                "月" | "月份" => 12.0,
                "日" => 31.0,
                _ => 4.0,
            };
            if !n.integer || n.value < 1.0 || upper.unwrap_or(n.value) > lim {
                return Step::Skip(skip_to);
            }
            if uname == "日" && !n.chinese {
                // 30日内 is a duration.
                if word_at(chars, end, "内") || word_at(chars, end, "以内") {
                    kind = FigKind::Duration;
                    unit_s = "日".into();
                }
            }
        }
        FigKind::Ratio => {
            let next = chars.get(end).copied();
            match uname {
                "成" => {
                    if next.is_some_and(|c| "为员本立效果熟绩就交长型功品都份分".contains(c))
                    {
                        return Step::Skip(skip_to);
                    }
                    value /= 10.0;
                    upper = upper.map(|u| u / 10.0);
                }
                "折" => {
                    if next.is_some_and(|c| "合旧算射扣腾".contains(c)) {
                        return Step::Skip(skip_to);
                    }
                    value = discount(value);
                    upper = upper.map(discount);
                }
                _ => {}
            }
        }
        // 一度, 两度: times, not kilowatt-hours (一千一百三十亿度 is an amount).
        FigKind::Quantity if uname == "度" && n.chinese && n.value < 100.0 => {
            return Step::Skip(skip_to)
        }
        _ => {}
    }
    if kind == FigKind::Percent {
        unit_s = if uname == "‰" {
            "‰".into()
        } else {
            "%".into()
        };
    }
    if kind == FigKind::Duration {
        if let Some(rest) = uname.strip_prefix('个') {
            match rest {
                "多月" => {
                    over = true;
                    unit_s = "月".into();
                }
                "半月" => {
                    value += 0.5;
                    unit_s = "月".into();
                }
                r => unit_s = r.into(),
            }
        }
    }
    if uname == "元人民币" {
        unit_s = "元".into();
    }

    // Names, not quantities.
    let nxt = chars.get(end).copied();
    // 一个, 一批, 一次, 一年: articles and set phrases; 一名, 一位, 一所 are counts.
    let counted_one = kind == FigKind::Count
        && matches!(
            uname,
            "名" | "位"
                | "户"
                | "所"
                | "座"
                | "台"
                | "辆"
                | "艘"
                | "架"
                | "栋"
                | "幢"
                | "株"
                | "棵"
                | "枚"
                | "套"
                | "册"
                | "篇"
                | "例"
                | "宗"
                | "笔"
                | "家"
                | "人"
        )
        && !nxt.is_some_and(|c| "人一亲子之独所".contains(c));
    if n.lone_one
        && range.is_none()
        && !over
        && !counted_one
        && matches!(kind, FigKind::Count | FigKind::Duration)
    {
        return Step::Skip(end);
    }
    if n.digit_string && n.chinese && kind != FigKind::Year {
        return Step::Skip(skip_to);
    }
    // 1对1 is a manner of helping, not a count of pairs.
    if uname == "对" && nxt.is_some_and(numerals::is_numeral_char) {
        return Step::Skip(end);
    }
    if n.chinese && matches!(uname, "期" | "门") {
        return Step::Skip(end);
    }
    if uname == "次" && prev == Some('届') {
        return Step::Skip(end);
    }
    if nxt == Some('级') || nxt == Some('号') || nxt.is_some_and(|c| c.is_ascii_alphabetic()) {
        return Step::Skip(end);
    }
    if kind == FigKind::Count && uname == "位" && nxt.is_some_and(|c| "数置于居列".contains(c))
    {
        return Step::Skip(end);
    }
    if matches!(kind, FigKind::Count | FigKind::Duration) && in_short_quote(chars, at, end) {
        return Step::Skip(end);
    }

    // Compound units (元/吨, 微克/立方米) and trailing words of the unit.
    if matches!(kind, FigKind::Money | FigKind::Quantity | FigKind::Count)
        && chars.get(end) == Some(&'/')
    {
        if let Some((u2, _, l2)) = unit_at(chars, end + 1) {
            unit_s.push('/');
            unit_s.push_str(u2);
            end += 1 + l2;
        }
    } else if matches!(kind, FigKind::Money | FigKind::Quantity) && chars.get(end) == Some(&'每') {
        // 30微克每立方米, 2000元每吨: a rate written with 每.
        if let Some((u2, FigKind::Quantity | FigKind::Duration, l2)) = unit_at(chars, end + 1) {
            unit_s.push('每');
            unit_s.push_str(u2);
            end += 1 + l2;
        }
    }
    if kind == FigKind::Money && word_at(chars, end, "人民币") {
        end += 3;
    }

    // Estimate after the unit: 3年多, 10亿元以上, 5%左右.
    let mut approx: Option<&'static str> = if range.is_some() {
        Some("range")
    } else if over {
        Some("over")
    } else {
        None
    };
    if matches!(chars.get(end), Some('多') | Some('余'))
        && !matches!(kind, FigKind::Date | FigKind::Year)
        && !chars
            .get(end + 1)
            .is_some_and(|c| is_hanzi(*c) && !"的时来".contains(*c))
    {
        if approx.is_none() {
            approx = Some("over");
        }
        end += 1;
    }
    if let Some((a, e)) = suffix_approx(chars, end) {
        if !matches!(kind, FigKind::Year | FigKind::Date) || a != "over" {
            if approx.is_none() {
                approx = Some(a);
            }
            end = e;
        }
    }
    // Estimate before the number: 约, 近, 超过, 不到.
    let mut start = at;
    if approx != Some("range") {
        if let Some((a, p0)) = prefix_approx(chars, at, floor) {
            // 近3年 is "the last three years", not an estimate.
            let recent =
                a == "about" && matches!(kind, FigKind::Duration | FigKind::Year | FigKind::Date);
            let too_far = matches!(kind, FigKind::Year | FigKind::Date);
            if !recent && !too_far {
                if approx.is_none() {
                    approx = Some(a);
                }
                start = p0;
            }
        }
    }

    if minus
        && range.is_none()
        && matches!(
            kind,
            FigKind::Percent | FigKind::Points | FigKind::Money | FigKind::Quantity
        )
    {
        value = -value;
        if approx.is_none() {
            start = at - 1;
        }
    }
    let value = numerals::tidy(value);
    let upper = upper.map(numerals::tidy);
    let (value, lower) = match kind {
        FigKind::Date => (None, if range.is_some() { Some(value) } else { None }),
        _ => (
            Some(value),
            if range.is_some() { Some(value) } else { None },
        ),
    };
    let upper = if range.is_some() { upper } else { None };
    Step::Found(Raw {
        start,
        end,
        num_start: at,
        value,
        unit: Some(unit_s),
        kind,
        approx,
        lower,
        upper,
    })
}

/// The kind of a scaled number written without a unit, read from the words before it in
/// its clause (人口 → count, 总值/收入/投资 → money); None when they do not say, or when the
/// number is followed by more text than an estimate word (then it is a name or a code).
fn unitless_kind(chars: &[char], start: usize, end: usize, floor: usize) -> Option<FigKind> {
    let next = chars.get(end).copied();
    let closed = match next {
        None => true,
        Some(c) => {
            "，,。；;、）)！？".contains(c)
                || c == '\n'
                || suffix_approx(chars, end).is_some()
                || c == '多'
        }
    };
    if !closed {
        return None;
    }
    let mut a = start;
    while a > floor && start - a < 16 && !"，,。；;：:\n（(".contains(chars[a - 1]) {
        a -= 1;
    }
    let before: String = chars[a..start].iter().collect();
    const PEOPLE: &[&str] = &[
        "人口",
        "就业",
        "职工",
        "人员",
        "劳动力",
        "游客",
        "学生",
        "农民",
        "群众",
        "人数",
        "会员",
    ];
    const MONEY: &[&str] = &[
        "总值",
        "收入",
        "投资",
        "资金",
        "产值",
        "总额",
        "成交额",
        "营业额",
        "销售额",
        "规模",
        "储备",
        "GDP",
        "增加值",
        "支出",
        "利润",
        "税收",
        "存款",
        "贷款",
    ];
    if PEOPLE.iter().any(|w| before.contains(w)) {
        Some(FigKind::Count)
    } else if MONEY.iter().any(|w| before.contains(w)) {
        Some(FigKind::Money)
    } else {
        None
    }
}

fn with_prefix(
    chars: &[char],
    at: usize,
    floor: usize,
    approx: Option<&'static str>,
) -> (Option<&'static str>, usize) {
    match prefix_approx(chars, at, floor) {
        Some((a, p)) => (approx.or(Some(a)), p),
        None => (approx, at),
    }
}

/// 8折 is 0.8, 9.9折 is 0.99, 85折 is 0.85.
fn discount(v: f64) -> f64 {
    if v < 10.0 {
        v / 10.0
    } else {
        v / 100.0
    }
}

/// A number that can be a year: four digits 1000-2100 read digit by digit.
fn year_like(n: &Number) -> Option<f64> {
    (n.digit_string && n.integer && n.digits == 4 && (1000.0..=2100.0).contains(&n.value))
        .then_some(n.value)
}

fn iso_date(chars: &[char], at: usize) -> Option<usize> {
    let d = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    if !(d(at) && d(at + 1) && d(at + 2) && d(at + 3)) || d(at + 4) {
        return None;
    }
    let sep = *chars.get(at + 4)?;
    if !matches!(sep, '-' | '.' | '/') {
        return None;
    }
    let y: u32 = chars[at..at + 4].iter().collect::<String>().parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    let mut i = at + 5;
    let read = |i: &mut usize| -> Option<u32> {
        let s = *i;
        while d(*i) && *i - s < 2 {
            *i += 1;
        }
        if *i == s || d(*i) {
            return None;
        }
        chars[s..*i].iter().collect::<String>().parse().ok()
    };
    let m = read(&mut i)?;
    if !(1..=12).contains(&m) || chars.get(i) != Some(&sep) {
        return None;
    }
    i += 1;
    let day = read(&mut i)?;
    if !(1..=31).contains(&day) {
        return None;
    }
    Some(i)
}

fn date(start: usize, end: usize) -> Raw {
    Raw {
        start,
        end,
        num_start: start,
        value: None,
        unit: None,
        kind: FigKind::Date,
        approx: None,
        lower: None,
        upper: None,
    }
}

/// Inside a short quotation (“两个维护”, “十四五”): a slogan, not a count.
fn in_short_quote(chars: &[char], start: usize, end: usize) -> bool {
    let mut a = start;
    let mut steps = 0;
    while a > 0 && steps < 8 {
        a -= 1;
        steps += 1;
        match chars[a] {
            '“' | '「' | '"' | '‘' => {
                let mut b = end;
                let mut s2 = 0;
                while b < chars.len() && s2 < 8 {
                    if matches!(chars[b], '”' | '」' | '"' | '’') {
                        return true;
                    }
                    if matches!(chars[b], '，' | '。' | ',' | '\n') {
                        return false;
                    }
                    b += 1;
                    s2 += 1;
                }
                return false;
            }
            '”' | '」' | '，' | '。' | ',' | '\n' => return false,
            _ => {}
        }
    }
    false
}

/// 9899万农村贫困人口: a scaled number whose noun, a short phrase ending in a word for people,
/// follows it without a measure word.
fn people_noun_after(chars: &[char], end: usize) -> bool {
    const PEOPLE: &[&str] = &["人口", "农民", "群众", "职工", "劳动力", "居民", "学生"];
    let mut k = end;
    while k < chars.len() && k < end + 8 && is_hanzi(chars[k]) {
        k += 1;
        if k >= end + 2 && PEOPLE.iter().any(|w| word_before(chars, k, w)) {
            return true;
        }
    }
    false
}

/// 翻一番 (×2), 翻两番 (×4), 翻了一番多: `n` is the number after 翻 (or 翻了).
fn doubling(chars: &[char], at: usize, n: &Number, floor: usize) -> Option<Raw> {
    if !(n.chinese || n.digit_string) || !n.integer || !(1.0..=6.0).contains(&n.value) {
        return None;
    }
    if chars.get(n.end) != Some(&'番') {
        return None;
    }
    let start = if at > floor && chars[at - 1] == '翻' {
        at - 1
    } else if at >= floor + 2 && word_before(chars, at, "翻了") {
        at - 2
    } else {
        return None;
    };
    let mut end = n.end + 1;
    let mut approx = None;
    if matches!(chars.get(end), Some('多') | Some('余')) {
        approx = Some("over");
        end += 1;
    }
    Some(Raw {
        start,
        end,
        num_start: at,
        value: Some(2f64.powi(n.value as i32)),
        unit: Some("倍".to_string()),
        kind: FigKind::Ratio,
        approx,
        lower: None,
        upper: None,
    })
}

/// 七八个, 一两年, 三四万人, 二三十家: two neighbouring Chinese digits, an optional scale word,
/// then a unit: a range from the smaller to the larger.
fn neighbour_range(chars: &[char], at: usize, floor: usize) -> Option<Raw> {
    let d1 = numerals::chinese_digit(*chars.get(at)?)?;
    let c2 = *chars.get(at + 1)?;
    let d2 = numerals::chinese_digit(c2)?;
    if d1 == 0 || d2 != d1 + 1 || (d1 == 1 && c2 == '二') {
        return None;
    }
    if at > floor && numerals::is_numeral_char(chars[at - 1]) {
        return None;
    }
    let mut p = at + 2;
    let mut scale = 1.0;
    if let Some(s) = chars
        .get(p)
        .and_then(|&c| numerals::small_unit(c).or_else(|| numerals::big_unit(c)))
    {
        scale = s;
        p += 1;
        if let Some(b) = chars.get(p).and_then(|&c| numerals::big_unit(c)) {
            if s < 1e4 {
                scale *= b;
                p += 1;
            }
        }
    }
    if chars.get(p).is_some_and(|&c| numerals::is_numeral_char(c)) {
        return None;
    }
    let (uname, ukind, ulen) = unit_at(chars, p)?;
    let mut end = p + ulen;
    let (kind, unit) = match ukind {
        FigKind::Count | FigKind::Money | FigKind::Quantity | FigKind::Duration => {
            (ukind, uname.strip_prefix('个').unwrap_or(uname))
        }
        FigKind::Year if chars.get(end) != Some(&'代') && chars.get(end) != Some(&'级') => {
            (FigKind::Duration, uname)
        }
        FigKind::Ratio if uname == "倍" => (ukind, uname),
        _ => return None,
    };
    // 三四级, 三四轮车: part of a name.
    if kind == FigKind::Count && chars.get(end).is_some_and(|&c| "级车型制".contains(c)) {
        return None;
    }
    if matches!(chars.get(end), Some('多') | Some('余')) {
        end += 1;
    }
    let lower = numerals::tidy(d1 as f64 * scale);
    let upper = numerals::tidy(d2 as f64 * scale);
    Some(Raw {
        start: at,
        end,
        num_start: at,
        value: Some(lower),
        unit: Some(unit.to_string()),
        kind,
        approx: Some("range"),
        lower: Some(lower),
        upper: Some(upper),
    })
}

/// 几十年, 数万公里, 几百万人 at the scale word `at` (after 几 or 数): value the scale, `over`.
fn several(chars: &[char], at: usize, floor: usize) -> Option<Raw> {
    // 多数, 无数, 人数, 指数 …: 数 ends another word.
    if at >= floor + 2 && chars[at - 1] == '数' && chars[at - 2].is_alphanumeric() {
        let b = chars[at - 2];
        if "多少无半倍系指次人个总基参函分整岁户件位读票分计算".contains(b)
        {
            return None;
        }
    }
    if at < floor + 1 {
        return None;
    }
    let (mut v, mut end) = if chars[at] == '十' {
        (10.0, at + 1)
    } else {
        let n = numerals::bare_scale(chars, at)?;
        (n.value, n.end)
    };
    while let Some(m) = chars.get(end).and_then(|&c| numerals::big_unit(c)) {
        if m <= v || v == 1e4 && m == 1e4 {
            break;
        }
        v *= m;
        end += 1;
    }
    let (uname, ukind, ulen) = unit_at(chars, end)?;
    let kind = match ukind {
        FigKind::Count | FigKind::Money | FigKind::Quantity | FigKind::Duration => ukind,
        FigKind::Year if chars.get(end + ulen) != Some(&'代') => FigKind::Duration,
        _ => return None,
    };
    let unit = if kind == FigKind::Duration {
        uname.strip_prefix('个').unwrap_or(uname)
    } else {
        uname
    };
    Some(Raw {
        start: at - 1,
        end: end + ulen,
        num_start: at - 1,
        value: Some(v),
        unit: Some(unit.to_string()),
        kind,
        approx: Some("over"),
        lower: None,
        upper: None,
    })
}
