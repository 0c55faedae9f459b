//! Reading one number, Arabic or Chinese or mixed, with its scale words applied.
//!
//! The reader works on the analysis view (simplified, half-width) as a char slice, so `億` is
//! already `亿` and `１９９６` already `1996`; a full-width `。` used as a decimal point is not
//! converted by the analysis view and is handled here.

/// A number as read from the text, scale words (十 百 千 万 亿) applied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    /// First char of the number.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The value with scale words applied.
    pub value: f64,
    /// Written (at least partly) with Chinese numerals.
    pub chinese: bool,
    /// Read digit by digit without scale (1998, 二〇二四): the only shape a year can have.
    pub digit_string: bool,
    /// Digits of a digit string.
    pub digits: u32,
    /// No fractional part.
    pub integer: bool,
    /// Just `一` (or `壹`): an article as often as a number.
    pub lone_one: bool,
    /// A `多`/`余` sits inside the number (三十多万).
    pub over: bool,
    /// Written with a leading zero (0755, 05): a code, not a quantity.
    pub leading_zero: bool,
    /// A scale word (十 百 千 万 亿) was applied.
    pub scaled: bool,
}

/// Value of a Chinese digit (also financial forms and the zero look-alikes).
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' | 'Ｏ' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' | '俩' | '貳' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Value of a small scale word (十 百 千).
pub(crate) fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

/// Value of a big scale word (万 亿).
pub(crate) fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        _ => return None,
    })
}

/// True for chars that can continue a number (digits and scale words of both kinds).
pub(crate) fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit()
        || chinese_digit(c).is_some()
        || small_unit(c).is_some()
        || big_unit(c).is_some()
}

/// Units whose name begins with a scale char: a scale word must not swallow their first char.
const SCALE_LED_UNITS: &[&str] = &[
    "千瓦",
    "千克",
    "千米",
    "千伏",
    "千卡",
    "千公顷",
    "千分之",
    "千兆",
    "百分点",
    "百分之",
    "万分之",
];

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    super::lexicon::word_at(chars, at, word)
}

fn scale_led_unit_at(chars: &[char], at: usize) -> bool {
    SCALE_LED_UNITS.iter().any(|u| starts_with(chars, at, u))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

/// An Arabic number at `at`: digits with thousands separators, a decimal point
/// (`.`, `。` between digits) or single digits split by spaces (1 9 9 8).
/// Returns (value, end, integer digits, integer?, leading zero?).
fn arabic(chars: &[char], at: usize) -> Option<(f64, usize, u32, bool, bool)> {
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    if !digit(at) {
        return None;
    }
    // Single digits split by spaces: 1 9 9 8 (at least three digits).
    if chars.get(at + 1).copied().is_some_and(is_space) && digit(at + 2) && !digit(at + 1) {
        let mut i = at;
        let mut s = String::new();
        while digit(i) && !digit(i + 1) {
            s.push(chars[i]);
            if chars.get(i + 1).copied().is_some_and(is_space) && digit(i + 2) {
                i += 2;
            } else {
                i += 1;
                break;
            }
        }
        if s.len() >= 3 && !digit(i) {
            let v: f64 = s.parse().ok()?;
            let n = s.len() as u32;
            return Some((v, i, n, true, s.starts_with('0') && n > 1));
        }
    }
    let mut i = at;
    let mut s = String::new();
    while digit(i) {
        s.push(chars[i]);
        i += 1;
    }
    let first_group = s.len();
    // Thousands separators: groups of exactly three digits after a first group of 1-3.
    if first_group <= 3 {
        while matches!(chars.get(i), Some(',') | Some('，'))
            && digit(i + 1)
            && digit(i + 2)
            && digit(i + 3)
            && !digit(i + 4)
        {
            for k in 1..=3 {
                s.push(chars[i + k]);
            }
            i += 4;
        }
    }
    let int_digits = s.len() as u32;
    let leading_zero = s.len() > 1 && s.starts_with('0');
    let mut integer = true;
    if let Some(&p) = chars.get(i) {
        if (p == '.' || p == '。' || p == '．') && digit(i + 1) {
            let mut j = i + 1;
            let mut frac = String::new();
            while digit(j) {
                frac.push(chars[j]);
                j += 1;
            }
            // `。` is a decimal point only where a sentence cannot end: a scale word, a
            // currency or a percent sign must follow (241。65萬元).
            let ok = p != '。'
                || chars.get(j).is_some_and(|c| {
                    big_unit(*c).is_some() || matches!(c, '元' | '%' | '千' | '百')
                });
            // A second point means a version or a date (3.1.2, 2024.11.18): not a decimal.
            let again = matches!(chars.get(j), Some('.')) && digit(j + 1);
            if ok && !again {
                s.push('.');
                s.push_str(&frac);
                i = j;
                integer = false;
            }
        }
    }
    let v: f64 = s.parse().ok()?;
    Some((v, i, int_digits, integer, leading_zero))
}

/// Reads the number starting at `at`, if one starts there.
pub(crate) fn parse(chars: &[char], at: usize) -> Option<Number> {
    let first = *chars.get(at)?;
    let mut n = Number {
        start: at,
        end: at,
        value: 0.0,
        chinese: false,
        digit_string: false,
        digits: 0,
        integer: true,
        lone_one: false,
        over: false,
        leading_zero: false,
        scaled: false,
    };
    // total: parts of 亿 and above; wan: the 万 part; sec: below 万; num: pending digit.
    let mut total = 0.0f64;
    let mut wan = 0.0f64;
    let mut sec = 0.0f64;
    let mut num = 0.0f64;
    let mut have_num = false;
    let mut last_unit: f64 = 0.0; // the scale word just read, for 一万五 = 15000
    let mut i = at;

    if first.is_ascii_digit() {
        let (v, e, d, integer, lz) = arabic(chars, at)?;
        num = v;
        have_num = true;
        n.digits = d;
        n.integer = integer;
        n.leading_zero = lz;
        n.digit_string = integer;
        i = e;
    } else if let Some(d) = chinese_digit(first) {
        // A run of Chinese digits without scale words is read digit by digit (二〇二四).
        let mut j = at;
        let mut ds = Vec::new();
        while let Some(d) = chars.get(j).and_then(|c| chinese_digit(*c)) {
            ds.push(d);
            j += 1;
        }
        n.chinese = true;
        if ds.len() >= 3 || (ds.len() == 2 && ds[1] == 0 && ds[0] != 0) {
            if ds.len() == 2 {
                // 二〇 alone is not a number anyone writes.
                return None;
            }
            let mut v = 0.0;
            for d in &ds {
                v = v * 10.0 + *d as f64;
            }
            n.value = v;
            n.digit_string = true;
            n.digits = ds.len() as u32;
            n.end = j;
            return Some(n);
        }
        if ds.len() == 2 {
            // 七八个, 三五年: two digits side by side are an estimate, not a number we can read
            // (零 as a filler, 一零, is also rejected).
            if ds[0] != 0 {
                return None;
            }
        }
        num = d as f64;
        have_num = true;
        i = at + 1;
        if d == 1 && matches!(first, '一' | '壹' | '幺') {
            n.lone_one = true;
        }
        if d == 0 {
            // 零点五
            if chars.get(i) != Some(&'点') {
                return None;
            }
        }
    } else if matches!(first, '十' | '拾') {
        n.chinese = true;
    } else {
        return None;
    }

    while let Some(&c) = chars.get(i) {
        if let Some(u) = small_unit(c) {
            if scale_led_unit_at(chars, i) {
                break;
            }
            // After an Arabic number only 百 and 千 are scale words (3千万), never 十.
            if !n.chinese && u < 100.0 {
                break;
            }
            if !have_num && u > 10.0 {
                break;
            }
            let k = if have_num { num } else { 1.0 };
            // 二十五百 is not a number: a scale word must be smaller than the last one.
            if last_unit > 0.0 && last_unit < 1e4 && u >= last_unit && !have_num {
                break;
            }
            sec += k * u;
            num = 0.0;
            have_num = false;
            last_unit = u;
            n.scaled = true;
            n.lone_one = false;
            i += 1;
            continue;
        }
        if let Some(u) = big_unit(c) {
            if scale_led_unit_at(chars, i) {
                break;
            }
            if u == 1e4 {
                if wan > 0.0 || (sec + num == 0.0 && total == 0.0) {
                    break;
                }
                wan = (sec + num) * 1e4;
                if sec + num == 0.0 {
                    break;
                }
            } else {
                if total + wan + sec + num == 0.0 {
                    break;
                }
                total = (total + wan + sec + num) * 1e8;
                wan = 0.0;
            }
            sec = 0.0;
            num = 0.0;
            have_num = false;
            last_unit = u;
            n.scaled = true;
            n.lone_one = false;
            i += 1;
            continue;
        }
        if (c == '多' || c == '余')
            && !n.over
            && chars
                .get(i + 1)
                .is_some_and(|d| (small_unit(*d).is_some() && *d != '十') || big_unit(*d).is_some())
            && !scale_led_unit_at(chars, i + 1)
        {
            // 三十多万: the estimate sits between the number and its scale.
            n.over = true;
            i += 1;
            continue;
        }
        if c == '点' && n.chinese && (have_num || last_unit > 0.0) {
            // 零点五, 十点五: decimals are read digit by digit.
            let mut j = i + 1;
            // Read through a decimal string so that 零点六 is 0.6, not 0.6000000000000001.
            let mut digits = String::from("0.");
            while let Some(d) = chars.get(j).and_then(|c| chinese_digit(*c)) {
                digits.push(char::from(b'0' + d as u8));
                j += 1;
            }
            if j == i + 1 {
                break;
            }
            let frac: f64 = digits.parse().unwrap_or(0.0);
            num = format!("{}{}", num as u64, &digits[1..])
                .parse()
                .unwrap_or(num + frac);
            n.integer = false;
            i = j;
            continue;
        }
        if c == '点' && !n.chinese && have_num && sec + wan + total == 0.0 {
            break;
        }
        if c == '零' || c == '〇' {
            // 一百零三: a filler between scale words.
            if last_unit > 0.0 && chars.get(i + 1).and_then(|d| chinese_digit(*d)).is_some() {
                i += 1;
                continue;
            }
            break;
        }
        if !have_num && last_unit > 0.0 {
            // 9万亿三个: an Arabic number does not go on in Chinese digits.
            let arabic_start = first.is_ascii_digit();
            if let Some(d) = chinese_digit(c).filter(|_| !arabic_start) {
                // A Chinese digit may follow a scale word; two in a row end the number.
                if chars.get(i + 1).and_then(|e| chinese_digit(*e)).is_some() {
                    break;
                }
                num = d as f64;
                have_num = true;
                n.chinese = true;
                i += 1;
                // 一万五 = 15000, 三百五 = 350: a lone digit after a scale word counts in
                // the next lower place.
                let next = chars.get(i).copied();
                let continues = next.is_some_and(|e| {
                    (small_unit(e).is_some() || big_unit(e).is_some())
                        && !scale_led_unit_at(chars, i)
                }) || next == Some('点');
                if !continues && last_unit > 10.0 {
                    num *= last_unit / 10.0;
                }
                continue;
            }
            if c.is_ascii_digit() && last_unit >= 1e4 {
                // 1亿2000万
                let (v, e, _, integer, _) = arabic(chars, i)?;
                num = v;
                have_num = true;
                n.integer &= integer;
                i = e;
                continue;
            }
        }
        break;
    }
    if i == at {
        return None;
    }
    // 1.36万 is 13600, not 13600.000000000002: drop the binary noise of the scaling.
    n.value = tidy(total + wan + sec + num);
    n.end = i;
    if n.scaled {
        n.digit_string = false;
    }
    Some(n)
}

/// Rounds to 14 significant digits, which is more than any written figure carries.
pub(crate) fn tidy(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 || v.fract() == 0.0 && v.abs() < 1e15 {
        return v;
    }
    let m = 10f64.powi(13 - v.abs().log10().floor() as i32);
    let r = (v * m).round() / m;
    if r.is_finite() {
        r
    } else {
        v
    }
}

/// Reads a bare scale word used as a number after an estimate word: 近万人, 上万, 逾千.
pub(crate) fn bare_scale(chars: &[char], at: usize) -> Option<Number> {
    let c = *chars.get(at)?;
    let mut v = match c {
        '百' => 100.0,
        '千' => 1000.0,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    };
    if scale_led_unit_at(chars, at) {
        return None;
    }
    let mut end = at + 1;
    // 上百万, 近千亿, 超万亿: the scale words multiply.
    while let Some(&d) = chars.get(end) {
        let m = match d {
            '万' if v < 1e4 => 1e4,
            '亿' if v < 1e8 || v == 1e4 => 1e8,
            _ => break,
        };
        if scale_led_unit_at(chars, end) {
            break;
        }
        v *= m;
        end += 1;
    }
    Some(Number {
        start: at,
        end,
        value: v,
        chinese: true,
        digit_string: false,
        digits: 0,
        integer: true,
        lone_one: false,
        over: false,
        leading_zero: false,
        scaled: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> Option<(f64, usize)> {
        let cs: Vec<char> = s.chars().collect();
        parse(&cs, 0).map(|n| (n.value, n.end))
    }

    #[test]
    fn arabic_forms() {
        assert_eq!(val("1998年"), Some((1998.0, 4)));
        assert_eq!(val("5.2万亿元"), Some((5.2e12, 5)));
        assert_eq!(val("5,905万人"), Some((5.905e7, 6)));
        assert_eq!(val("5，905万人"), Some((5.905e7, 6)));
        assert_eq!(val("241。65万元"), Some((2.4165e6, 7)));
        assert_eq!(val("1 9 9 8年"), Some((1998.0, 7)));
        assert_eq!(val("1亿2000万"), Some((1.2e8, 7)));
        assert_eq!(val("100万千瓦"), Some((1e6, 4)));
        assert_eq!(val("3千万"), Some((3e7, 3)));
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(val("两千"), Some((2000.0, 2)));
        assert_eq!(val("十二项"), Some((12.0, 2)));
        assert_eq!(val("二〇二四年"), Some((2024.0, 4)));
        assert_eq!(val("一九八五年"), Some((1985.0, 4)));
        assert_eq!(val("三十余人"), Some((30.0, 2)));
        assert_eq!(val("十亿六千万"), Some((1.06e9, 5)));
        assert_eq!(val("一百零三亿七千万元"), Some((1.037e10, 8)));
        assert_eq!(val("零点五倍"), Some((0.5, 3)));
        assert_eq!(val("一万五"), Some((15000.0, 3)));
        assert_eq!(val("三十多万人"), Some((300000.0, 4)));
        assert_eq!(val("十点五"), Some((10.5, 3)));
        assert_eq!(val("七八个"), None);
        assert_eq!(val("一千二百万吨"), Some((1.2e7, 5)));
    }
}
