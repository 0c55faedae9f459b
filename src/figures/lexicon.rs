//! Word lists: phrases whose numerals are not figures, estimate words, link words.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Set phrases, idioms, plan names and slogans (simplified script) whose numerals are names or
/// manners of speaking, not quantities. A figure overlapping one of these is dropped.
const BLOCKED: &[&str] = &[
    // Idioms and set phrases.
    "一心一意",
    "千方百计",
    "一批",
    "一系列",
    "一些",
    "一定",
    "统一",
    "唯一",
    "第一时间",
    "一线",
    "一体",
    "一带一路",
    "一年来",
    "一道",
    "一起",
    "一并",
    "一直",
    "一切",
    "一样",
    "一般",
    "一致",
    "一律",
    "一贯",
    "一度",
    "一旦",
    "一举",
    "一流",
    "一方面",
    "一手",
    "一把手",
    "一揽子",
    "一站式",
    "一张网",
    "一网通办",
    "一网统管",
    "一件事",
    "一次性",
    "一马当先",
    "一以贯之",
    "一抓到底",
    "一盘棋",
    "一张蓝图",
    "一张图",
    "四处",
    "四面八方",
    "五湖四海",
    "五花八门",
    "三番五次",
    "七上八下",
    "万一",
    "十全十美",
    "一五一十",
    "三心二意",
    "九牛一毛",
    "独一无二",
    "数一数二",
    "三令五申",
    "一鼓作气",
    "一清二楚",
    "两手抓",
    "三天两头",
    "千家万户",
    "千千万万",
    "千百万",
    "万众一心",
    "一穷二白",
    "一国两制",
    "一天天",
    "一年年",
    "一年一度",
    "一年四季",
    "一年到头",
    "一次次",
    "一个个",
    "一项项",
    "一件件",
    "一批批",
    "过去一年",
    "这一年",
    "新一年",
    "上一年",
    "下一年",
    "同一",
    "一次又一次",
    "一户一",
    "一村一",
    "一企一",
    "一人一",
    "一案一",
    "一事一议",
    "一对一",
    "一帮一",
    "一岗双责",
    "一票否决",
    "三重一大",
    "一区多园",
    "多规合一",
    "位一体",
    "次产业",
    "一二三产",
    "二三产业",
    "三产融合",
    "一二三产业",
    "百年大计",
    "千秋万代",
    "一场硬仗",
    "一口气",
    "一口价",
    "一门式",
    "一窗受理",
    "一次办",
    "一趟",
    "一码通",
    "一件事一次办",
    "最多跑一次",
    "一网",
    "一次会议",
    "二次会议",
    "三次会议",
    "四次会议",
    "五次会议",
    "六次会议",
    "七次会议",
    "八次会议",
    "九次会议",
    "十次会议",
    "次全体会议",
    "次全会",
    "次代表大会",
    "次党代会",
    // Place names and terms with a numeral and a measure word.
    "五台山",
    "七台河",
    "五家渠",
    "三门峡",
    "三门核电",
    "三台县",
    "九台",
    "二十四节气",
    "节气",
    "三门湾",
    "一元化",
    "二元结构",
    "城乡二元",
    "一体化",
    // Plan names and slogans.
    "三个代表",
    "两学一做",
    "四个全面",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "两个毫不动摇",
    "五位一体",
    "四个中心",
    "五个中心",
    "五子",
    "三大攻坚战",
    "两个一百年",
    "八项规定",
    "三去一降一补",
    "六稳",
    "六保",
    "两新",
    "两重",
    "三严三实",
    "三会一课",
    "两弹一星",
    "三大改造",
    "三面红旗",
    "四个现代化",
    "三个世界",
    "五讲四美",
    "三来一补",
    "一办法五条例",
    "四个革命",
    "一个合作",
    "两个结合",
    "三个务必",
    "两个先行",
    "三个转变",
    "两个健康",
    "四个机制",
    "一中心",
    "一张清单",
    "四下基层",
    "三个区分开来",
    "三个有利于",
    "四项基本原则",
    "一个中心",
    "两个基本点",
    "两个文明",
    "三步走",
    "两个大局",
    "两个毫不",
    "两个百年",
    "三个一以贯之",
    "五个必由之路",
    "六个必须坚持",
    "九个坚持",
    "十个坚持",
    "十个明确",
    "十四个坚持",
    "十三个方面",
    "两个务必",
    "两个凡是",
    "三个面向",
    "五个统筹",
    "八个坚持",
    "两个文明建设",
    "三个倡导",
    "第一个五年计划",
    "第二个五年计划",
    "第三个五年计划",
    "第四个五年计划",
    "第五个五年计划",
    "个五年计划",
    "五年计划",
    "五年规划",
    "五年纲要",
    "一五",
    "二五",
    "三五",
    "四五",
    "五五",
    "六五",
    "七五",
    "八五",
    "九五",
    "十五",
    "十一五",
    "十二五",
    "十三五",
    "十四五",
    "十五五",
    "十六五",
];

/// Phrase matches that end a plan name or slogan only when they stand alone: `十五` is also
/// fifteen, so it is blocked only before these words or inside quotes.
const PLAN_SUFFIX: &[&str] = &[
    "规划",
    "计划",
    "时期",
    "期间",
    "末",
    "初期",
    "以来",
    "开局",
    "收官",
    "目标",
    "发展规划",
];

fn blocked() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(BLOCKED)
            .expect("static phrase list builds")
    })
}

fn is_plan_number(p: &str) -> bool {
    // 一五 … 十六五: the plan names that are also plain numbers (十五 = 15, 三五 = 3-5).
    let cs: Vec<char> = p.chars().collect();
    cs.len() <= 3 && cs.last() == Some(&'五') && !p.contains("个") && !p.contains("年")
}

/// Does a blocked phrase found in `chars[from..to]` overlap `[x, y)`? Encodes the window
/// on the stack: this runs once per figure.
pub(crate) fn blocked_overlap(chars: &[char], from: usize, to: usize, x: usize, y: usize) -> bool {
    const MAX: usize = 60;
    if to <= from || to - from > MAX {
        return blocked_ranges(chars, from, to)
            .iter()
            .any(|&(a, b)| a < y && x < b);
    }
    let mut buf = [0u8; MAX * 4];
    let mut starts = [0usize; MAX + 1];
    let mut len = 0;
    for (k, c) in chars[from..to].iter().enumerate() {
        starts[k] = len;
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    starts[to - from] = len;
    let n = to - from + 1;
    let to_char = |b: usize| from + starts[..n].partition_point(|&s| s < b);
    blocked().find_iter(&buf[..len]).any(|m| {
        let (a, b) = (to_char(m.start()), to_char(m.end()));
        a < y && x < b && keep_match(chars, a, b, BLOCKED[m.pattern().as_usize()])
    })
}

/// A plan-number match (十五, 三五) blocks only as a plan name.
fn keep_match(chars: &[char], a: usize, b: usize, pat: &str) -> bool {
    if !is_plan_number(pat) {
        return true;
    }
    let quoted = a > 0 && matches!(chars[a - 1], '“' | '"' | '「' | '‘')
        || chars
            .get(b)
            .is_some_and(|c| matches!(c, '”' | '"' | '」' | '’'));
    quoted || PLAN_SUFFIX.iter().any(|w| word_at(chars, b, w))
}

/// Blocked char ranges of `chars[from..to]` (char offsets into `chars`).
pub(crate) fn blocked_ranges(chars: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let s: String = chars[from..to].iter().collect();
    let starts: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
    let to_char = |b: usize| from + starts.partition_point(|&x| x < b);
    let mut out = Vec::new();
    for m in blocked().find_iter(&s) {
        let a = to_char(m.start());
        let b = to_char(m.end());
        if !keep_match(chars, a, b, BLOCKED[m.pattern().as_usize()]) {
            continue;
        }
        out.push((a, b));
    }
    out
}

/// Estimate words written before a number, longest first, with the estimate they make.
pub(crate) const PREFIX_APPROX: &[(&str, &str)] = &[
    ("不超过", "under"),
    ("不高于", "under"),
    ("不低于", "over"),
    ("不少于", "over"),
    ("多于", "over"),
    ("高于", "over"),
    ("低于", "under"),
    ("少于", "under"),
    ("至少", "over"),
    ("最多", "under"),
    ("不到", "under"),
    ("不足", "under"),
    ("超过", "over"),
    ("突破", "over"),
    ("大约", "about"),
    ("大概", "about"),
    ("将近", "about"),
    ("接近", "about"),
    ("约", "about"),
    ("近", "about"),
    ("超", "over"),
    ("逾", "over"),
    ("过", "over"),
    ("上", "over"),
];

/// Estimate words written after a number and its unit.
pub(crate) const SUFFIX_APPROX: &[(&str, &str)] = &[
    ("以上", "over"),
    ("之多", "over"),
    ("有余", "over"),
    ("开外", "over"),
    ("以下", "under"),
    ("以内", "under"),
    ("之内", "under"),
    ("左右", "about"),
    ("上下", "about"),
    ("前后", "about"),
];

/// Does `word` occur in `chars` at `at`?
pub(crate) fn word_at(chars: &[char], at: usize, word: &str) -> bool {
    match_at(chars, at, word).is_some()
}

/// Length in chars of `word` if it occurs in `chars` at `at`.
pub(crate) fn match_at(chars: &[char], at: usize, word: &str) -> Option<usize> {
    let mut i = at;
    for w in word.chars() {
        if chars.get(i) != Some(&w) {
            return None;
        }
        i += 1;
    }
    Some(i - at)
}

/// Does `word` end in `chars` just before `end`?
pub(crate) fn word_before(chars: &[char], end: usize, word: &str) -> bool {
    match_before(chars, end, word).is_some()
}

/// Length in chars of `word` if it ends in `chars` just before `end` (compared backwards, so
/// a mismatch costs one comparison).
pub(crate) fn match_before(chars: &[char], end: usize, word: &str) -> Option<usize> {
    let mut i = end;
    for w in word.chars().rev() {
        if i == 0 || chars.get(i - 1) != Some(&w) {
            return None;
        }
        i -= 1;
    }
    Some(end - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(s: &str) -> Vec<(usize, usize)> {
        let cs: Vec<char> = s.chars().collect();
        blocked_ranges(&cs, 0, cs.len())
    }

    #[test]
    fn plan_numbers_only_before_plan_words() {
        assert_eq!(ranges("“十四五”规划"), vec![(1, 4)]);
        assert_eq!(ranges("十五个"), vec![]);
        assert_eq!(ranges("十五计划"), vec![(0, 2)]);
        assert_eq!(ranges("千方百计"), vec![(0, 4)]);
    }
}
