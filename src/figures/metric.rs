//! The thing measured and the role of a figure, read from the clause around it.
//!
//! The metric is the noun phrase the clause puts before the number (集体合同签订率达90% →
//! 集体合同签订率), with link and change words (达到, 为, 增长, 同比, 比上年 …) taken off its
//! end and discourse words (其中, 一是, 全年 …) off its start. When the clause names nothing
//! before the number but a verb (新建7家高质量概念验证平台), the noun after the measure word is
//! taken. A growth figure with nothing before it (…5.67万亿元、增长5.4%) takes the metric of the
//! figure before it in the sentence.

use super::grammar::Raw;
use super::lexicon::{match_at, match_before, word_at, word_before};
use super::units::FigKind;

/// Metric char range and role of one figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MetricRole {
    /// `[start, end)` of the metric in the text.
    pub metric: Option<(usize, usize)>,
    /// `level`, `change`, `share-of-target` or None.
    pub role: Option<&'static str>,
}

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '；'
            | ';'
            | '。'
            | '！'
            | '!'
            | '？'
            | '?'
            | '：'
            | ':'
            | '\n'
            | '\r'
            | '（'
            | '('
            | '）'
            | ')'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '['
            | ']'
            | '…'
            | '|'
            | ' '
            | '\t'
            | '\u{3000}'
    )
}

fn is_sentence_break(c: char) -> bool {
    matches!(c, '；' | ';' | '。' | '！' | '!' | '？' | '?' | '\n' | '\r')
}

fn is_hanzi(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Words ending the text before a number that link it to its metric; stripped off the end,
/// longest first. The bool marks a change (增长 …); `to` words (提高到) make a level.
const LINKS: &[(&str, Link)] = &[
    ("比上年同期", Link::Change),
    ("比去年同期", Link::Change),
    ("较上年同期", Link::Change),
    ("较去年同期", Link::Change),
    ("分别增长", Link::Change),
    ("分别下降", Link::Change),
    ("分别提高", Link::Change),
    ("分别增加", Link::Change),
    ("分别达到", Link::Plain),
    ("分别为", Link::Plain),
    ("分别占", Link::Plain),
    ("分别", Link::Plain),
    ("比上年", Link::Change),
    ("比去年", Link::Change),
    ("较上年", Link::Change),
    ("较去年", Link::Change),
    ("比上期", Link::Change),
    ("比年初", Link::Change),
    ("较年初", Link::Change),
    ("调整为", Link::Plain),
    ("拟按", Link::Plain),
    ("拟安排", Link::Plain),
    ("安排", Link::Plain),
    ("按", Link::Plain),
    ("拟", Link::Plain),
    ("调整到", Link::Plain),
    ("调至", Link::Plain),
    ("调到", Link::Plain),
    ("净增", Link::Change),
    ("净减", Link::Change),
    ("压降", Link::Change),
    ("压减", Link::Change),
    ("可达", Link::Plain),
    ("增长到", Link::Plain),
    ("增加到", Link::Plain),
    ("提高到", Link::Plain),
    ("提升到", Link::Plain),
    ("上升到", Link::Plain),
    ("下降到", Link::Plain),
    ("降低到", Link::Plain),
    ("减少到", Link::Plain),
    ("扩大到", Link::Plain),
    ("缩小到", Link::Plain),
    ("提高至", Link::Plain),
    ("提升至", Link::Plain),
    ("上升至", Link::Plain),
    ("下降至", Link::Plain),
    ("降低至", Link::Plain),
    ("增长至", Link::Plain),
    ("增加至", Link::Plain),
    ("扩大至", Link::Plain),
    ("缩小至", Link::Plain),
    ("减少至", Link::Plain),
    ("保持在", Link::Plain),
    ("控制在", Link::Plain),
    ("稳定在", Link::Plain),
    ("不超过", Link::Plain),
    ("不低于", Link::Plain),
    ("不少于", Link::Plain),
    ("不高于", Link::Plain),
    ("年均增长", Link::Change),
    ("年平均增长", Link::Change),
    ("年平均", Link::Plain),
    ("实际增长", Link::Change),
    ("名义增长", Link::Change),
    ("增加了", Link::Change),
    ("增长了", Link::Change),
    ("提高了", Link::Change),
    ("下降了", Link::Change),
    ("减少了", Link::Change),
    ("降低了", Link::Change),
    ("扩大了", Link::Change),
    ("上升了", Link::Change),
    ("达到了", Link::Plain),
    ("实际", Link::Plain),
    ("预计", Link::Plain),
    ("连续", Link::Plain),
    ("将", Link::Plain),
    ("预期", Link::Plain),
    ("每年平均增长", Link::Change),
    ("每年平均", Link::Plain),
    ("平均每年", Link::Plain),
    ("平均每月", Link::Plain),
    ("每年", Link::Plain),
    ("每月", Link::Plain),
    ("每季度", Link::Plain),
    ("每天", Link::Plain),
    ("平均为", Link::Plain),
    ("平均达到", Link::Plain),
    ("年均提高", Link::Change),
    ("年均下降", Link::Change),
    ("平均增长", Link::Change),
    ("增长", Link::Change),
    ("增加", Link::Change),
    ("下降", Link::Change),
    ("降低", Link::Change),
    ("减少", Link::Change),
    ("提高", Link::Change),
    ("提升", Link::Change),
    ("上涨", Link::Change),
    ("上升", Link::Change),
    ("回落", Link::Change),
    ("回升", Link::Change),
    ("扩大", Link::Change),
    ("缩小", Link::Change),
    ("下滑", Link::Change),
    ("收窄", Link::Change),
    ("增收", Link::Change),
    ("减收", Link::Change),
    ("同比", Link::Change),
    ("环比", Link::Change),
    ("增至", Link::Plain),
    ("降至", Link::Plain),
    ("达到", Link::Plain),
    ("达至", Link::Plain),
    ("约为", Link::Plain),
    ("均为", Link::Plain),
    ("将近", Link::Plain),
    ("接近", Link::Plain),
    ("超过", Link::Plain),
    ("突破", Link::Plain),
    ("共计", Link::Plain),
    ("总计", Link::Plain),
    ("合计", Link::Plain),
    ("累计", Link::Plain),
    ("约占", Link::Plain),
    ("占比", Link::Plain),
    ("年均", Link::Plain),
    ("平均", Link::Plain),
    ("已经", Link::Plain),
    ("只有", Link::Plain),
    ("多达", Link::Plain),
    ("高达", Link::Plain),
    ("不到", Link::Plain),
    ("不足", Link::Plain),
    ("高于", Link::Plain),
    ("低于", Link::Plain),
    ("首次", Link::Plain),
    ("稳居", Link::Plain),
    ("位居", Link::Plain),
    ("保持", Link::Plain),
    ("实现", Link::Plain),
    ("完成", Link::Plain),
    ("新增", Link::Plain),
    ("共有", Link::Plain),
    ("达", Link::Plain),
    ("为", Link::Plain),
    ("是", Link::Plain),
    ("有", Link::Plain),
    ("约", Link::Plain),
    ("近", Link::Plain),
    ("超", Link::Plain),
    ("逾", Link::Plain),
    ("共", Link::Plain),
    ("计", Link::Plain),
    ("增", Link::Change),
    ("降", Link::Change),
    ("减", Link::Change),
    ("涨", Link::Change),
    ("占", Link::Plain),
    ("至", Link::Plain),
    ("到", Link::Plain),
    ("均", Link::Plain),
    ("已", Link::Plain),
    ("仅", Link::Plain),
    ("再", Link::Plain),
    ("又", Link::Plain),
    ("也", Link::Plain),
    ("都", Link::Plain),
    ("还", Link::Plain),
    ("在", Link::Plain),
    ("由", Link::Plain),
    ("从", Link::Plain),
    ("比", Link::Change),
    ("较", Link::Change),
    ("的", Link::Plain),
    ("、", Link::Plain),
    ("“", Link::Plain),
    ("”", Link::Plain),
    (" ", Link::Plain),
    ("\u{3000}", Link::Plain),
];

/// Link words by their last char, longest first (the text is stripped from the end).
fn links_by_last_char() -> &'static std::collections::HashMap<char, Vec<(&'static str, Link)>> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<char, Vec<(&'static str, Link)>>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: std::collections::HashMap<char, Vec<(&'static str, Link)>> = Default::default();
        for &(w, k) in LINKS {
            if let Some(c) = w.chars().last() {
                m.entry(c).or_default().push((w, k));
            }
        }
        for v in m.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        }
        m
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    Plain,
    Change,
}

/// Discourse words taken off the start of a metric.
const LEADS: &[&str] = &[
    "到目前为止",
    "截至目前",
    "截至",
    "至今",
    "力争",
    "确保",
    "预计",
    "争取",
    "每年",
    "今年以来",
    "其中",
    "同时",
    "并且",
    "此外",
    "另外",
    "首先",
    "其次",
    "最后",
    "目前",
    "截至目前",
    "全年",
    "当年",
    "今年",
    "去年",
    "年内",
    "年底",
    "年末",
    "年初",
    "底",
    "末",
    "初",
    "以来",
    "期间",
    "共",
    "并",
    "而",
    "在此基础上",
    "与此同时",
    "总体上",
    "总的来看",
    "我们",
    "将",
    "把",
    "“",
    "”",
    " ",
    "\u{3000}",
    "、",
    "和",
    "及",
    "的",
];

/// Verbs that name no thing: a metric made only of one of these looks after the number.
const BARE_VERBS: &[&str] = &[
    "新建",
    "建成",
    "建设",
    "开工建设",
    "开工",
    "打造",
    "发放",
    "实施",
    "开展",
    "举办",
    "组织",
    "培训",
    "完成",
    "推出",
    "引进",
    "新设",
    "设立",
    "培育",
    "认定",
    "创建",
    "改造",
    "帮助",
    "帮扶",
    "慰问",
    "走访",
    "投入",
    "筹集",
    "安排",
    "拨付",
    "争取",
    "吸纳",
    "覆盖",
    "惠及",
    "带动",
    "新增",
    "新培育",
    "新认定",
    "新引进",
    "召开",
    "举行",
    "组建",
    "新组建",
    "建立",
    "成立",
    "培养",
    "表彰",
    "评选",
    "资助",
    "救助",
    "解决",
    "提供",
    "落实",
    "受理",
    "办理",
    "调解",
    "化解",
    "处理",
    "签订",
    "形成",
    "拥有",
    "共有",
    "涌现",
    "获批",
    "获得",
    "入选",
    "荣获",
    "开通",
    "改建",
    "投用",
    "开设",
    "开办",
    "发展",
    "招募",
    "录用",
    "选派",
    "累计",
    "建",
    "有",
    "新",
    "出台",
    "制定",
    "修订",
    "发布",
    "集中",
    "推动",
    "推进",
    "支持",
    "命名",
    "整治",
    "治理",
    "关停",
    "淘汰",
    "取消",
    "下放",
    "清理",
    "减免",
    "减轻",
    "节约",
    "新开工",
    "竣工",
    "投产",
    "落地",
    "签约",
    "引育",
    "招引",
    "聘请",
    "培育壮大",
    "达到",
    "累计建成",
    "累计建设",
    "新改建",
    "新建改建",
    "新建扩建",
    "改扩建",
];

/// Words where the noun after a measure word stops.
const POST_STOPS: &[&str] = &[
    "和",
    "及",
    "与",
    "或",
    "并",
    "、",
    "等",
    "的",
    "以",
    "在",
    "为",
    "被",
    "将",
    "已",
    "正",
    "入住",
    "实现",
    "开展",
    "获得",
    "参加",
    "参与",
    "受益",
    "完成",
    "达到",
    "建成",
    "落地",
    "签约",
    "开工",
    "投产",
    "成功",
    "通过",
    "纳入",
    "进入",
    "入选",
    "获评",
    "获批",
    "得到",
    "全部",
    "均",
    "基本",
    "陆续",
    "顺利",
    "正式",
    "开通",
    "投入",
    "运行",
    "竣工",
    "增长",
    "提高",
    "下降",
    "累计",
    "签订",
    "列为",
    "稳步",
    "全面",
    "有效",
    "持续",
    "加快",
    "深入",
    "进一步",
    "提前",
    "已经",
    "正在",
    "相继",
    "分别",
    "成为",
    "位居",
    "用于",
    "获得",
    "得到",
    "圆了",
    "达",
    "占",
    "超",
];

/// Can a POST_STOPS word start with `c`? (A cheap test before trying them all.)
fn post_stop_first(c: char) -> bool {
    static FIRST: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    FIRST
        .get_or_init(|| {
            let mut v: Vec<char> = POST_STOPS.iter().filter_map(|w| w.chars().next()).collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .binary_search(&c)
        .is_ok()
}

fn strip_leads(chars: &[char], mut a: usize, b: usize) -> usize {
    loop {
        let mut moved = false;
        for w in LEADS {
            if let Some(n) = match_at(chars, a, w).filter(|n| a + n <= b) {
                a += n;
                moved = true;
                break;
            }
        }
        // 一是, 二是 … 十一是: enumerations.
        if !moved {
            let mut k = a;
            while k < b
                && k < a + 3
                && (super::numerals::chinese_digit(chars[k]).is_some() || chars[k] == '十')
            {
                k += 1;
            }
            if k > a && k < b && chars[k] == '是' {
                a = k + 1;
                moved = true;
            }
        }
        if !moved {
            return a;
        }
    }
}

/// Strips link words off the end; returns the new end and whether a change word was seen
/// (and not turned into a level by 到/至).
fn strip_links(chars: &[char], a: usize, mut b: usize) -> (usize, bool) {
    let mut change = false;
    let mut to_seen = false;
    loop {
        let mut moved = false;
        let Some(list) = b
            .checked_sub(1)
            .filter(|&i| i >= a)
            .and_then(|i| links_by_last_char().get(&chars[i]))
        else {
            return (b, change);
        };
        for (w, k) in list {
            if let Some(n) = match_before(chars, b, w).filter(|n| b >= a + n) {
                if *k == Link::Change && !to_seen {
                    change = true;
                }
                if w.ends_with('到') || w.ends_with('至') || w.ends_with('在') {
                    // 提高到 45%: a level.
                    to_seen = true;
                }
                b -= n;
                moved = true;
                break;
            }
        }
        if !moved {
            return (b, change);
        }
    }
}

/// Truncates at a comparison (比上年, 比2020年 …), which sits between metric and number.
fn cut_comparison(chars: &[char], a: usize, b: usize) -> (usize, bool) {
    let mut i = b;
    while i > a {
        i -= 1;
        let c = chars[i];
        if c == '比' || c == '较' {
            let next = chars.get(i + 1).copied();
            if next.is_some_and(|n| n.is_ascii_digit() || "上去前同年“\"".contains(n)) {
                return (i, true);
            }
        }
        if word_at(chars, i, "同比") || word_at(chars, i, "环比") {
            return (i, true);
        }
    }
    (b, false)
}

fn ends_with_change_noun(chars: &[char], a: usize, b: usize) -> bool {
    ["增速", "增幅", "涨幅", "降幅", "增长率", "增长速度"]
        .iter()
        .any(|w| match_before(chars, b, w).is_some_and(|n| b >= a + n))
}

/// The text ends with a verb of making or doing (成功创建, 重点建设, 每年办好).
fn ends_with_verb(chars: &[char], a: usize, b: usize) -> bool {
    BARE_VERBS
        .iter()
        .any(|v| match_before(chars, b, v).is_some_and(|n| n >= 2 && b >= a + n))
        || [
            "办好",
            "评选出",
            "选出",
            "表彰",
            "组成",
            "获评",
            "创建",
            "建设",
            "组织",
            "选派",
            "培育形成",
        ]
        .iter()
        .any(|v| word_before(chars, b, v))
}

fn is_bare_verb(chars: &[char], a: usize, b: usize) -> bool {
    let s: String = chars[a..b].iter().collect();
    BARE_VERBS.contains(&s.as_str())
}

/// The noun after a figure's measure word, e.g. 高质量概念验证平台 in 新建7家高质量概念验证平台.
fn post_noun(chars: &[char], from: usize, limit: usize) -> Option<(usize, usize)> {
    let mut a = from;
    if chars.get(a) == Some(&'的') {
        a += 1;
    }
    let mut b = a;
    while a < limit && matches!(chars[a], '“' | '"' | '「') {
        a += 1;
        b = a;
    }
    if a >= limit || !is_hanzi(chars[a]) {
        return None;
    }
    // Not a noun: a verb (参加了…), an estimate word, a verb of change, a link.
    if POST_STOPS.iter().any(|w| word_at(chars, a, w))
        || LINKS.iter().any(|(w, _)| word_at(chars, a, w))
    {
        return None;
    }
    if [
        "以上",
        "以下",
        "左右",
        "增长",
        "下降",
        "提高",
        "同比",
        "比上年",
        "的",
        "和",
        "及",
        "与",
        "、",
        "等",
        "是",
        "为",
    ]
    .iter()
    .any(|w| word_at(chars, a, w))
    {
        return None;
    }
    // 500多平方米的居民文化体育休闲场所, 16名表现突出的工作人员: the noun follows 的.
    if let Some(k) = (a..limit.min(a + 8)).find(|&k| chars[k] == '的') {
        if k + 1 < limit && is_hanzi(chars[k + 1]) {
            a = k + 1;
            b = a;
        }
    }
    while b < limit && b - a < 14 {
        let c = chars[b];
        if is_clause_break(c) || c.is_ascii_digit() {
            break;
        }
        if b > a && post_stop_first(c) && POST_STOPS.iter().any(|w| word_at(chars, b, w)) {
            // 国家和地区: a 和 joining two nouns up to the end of the clause stays inside.
            let joins = matches!(c, '和' | '与' | '及') && {
                let mut e = b + 1;
                while e < limit && !is_clause_break(chars[e]) && is_hanzi(chars[e]) && e - b < 6 {
                    e += 1;
                }
                e > b + 1
                    && e - b <= 5
                    && (e == chars.len() || is_clause_break(chars[e]))
                    && !chars[b + 1..e]
                        .iter()
                        .any(|c| super::numerals::is_numeral_char(*c))
            };
            if !joins {
                break;
            }
        }
        b += 1;
    }
    let mut e = b;
    while e > a && matches!(chars[e - 1], '”' | '"' | '」') {
        e -= 1;
    }
    // A one-char noun (48个村) only when the clause ends right after it, and not a place
    // word (八亿农民中, 三年内).
    let min = if (b >= limit || is_clause_break(chars[b]))
        && !(e == a + 1 && "中内里上下外间前后来".contains(chars[a]))
    {
        1
    } else {
        2
    };
    (e >= a + min && b - a < 14).then_some((a, e))
}

/// Metric and role of each figure (figures sorted by start).
pub(crate) fn assign(chars: &[char], floor: usize, figs: &[Raw]) -> Vec<MetricRole> {
    let mut out: Vec<MetricRole> = Vec::with_capacity(figs.len());
    let mut shared: Vec<bool> = Vec::with_capacity(figs.len());
    for (k, f) in figs.iter().enumerate() {
        if matches!(f.kind, FigKind::Year | FigKind::Date | FigKind::Duration) {
            out.push(MetricRole {
                metric: None,
                role: None,
            });
            shared.push(false);
            continue;
        }
        // Clause start: a clause break, or a 、 right after the previous figure.
        let prev_fig = k.checked_sub(1).map(|j| &figs[j]);
        let mut cs = f.start;
        while cs > floor {
            let c = chars[cs - 1];
            if is_clause_break(c) && !matches!(c, ')' | '）') {
                break;
            }
            if c == '、' && prev_fig.is_some_and(|p| p.end + 1 == cs) {
                break;
            }
            // 细颗粒物（PM2.5）平均浓度: an abbreviation in brackets stays inside the noun.
            if matches!(c, ')' | '）') {
                if let Some(open) = abbreviation_open(chars, floor, cs - 1) {
                    cs = open;
                    continue;
                }
            }
            if is_clause_break(c) {
                break;
            }
            cs -= 1;
        }
        // 文體類培訓(包括送教上門)5場: the metric stands before the parenthesis.
        let mut raw_b = f.start;
        if cs == f.start && cs > floor && matches!(chars[cs - 1], ')' | '）') {
            if let Some(open) = (floor..cs - 1)
                .rev()
                .take(30)
                .find(|&k| matches!(chars[k], '(' | '（'))
            {
                raw_b = open;
                cs = open;
                while cs > floor && !is_clause_break(chars[cs - 1]) {
                    cs -= 1;
                }
            }
        }
        // Text between the previous figure of the clause and this one.
        let mut pre_a = cs;
        let mut prev_in_clause: Option<&Raw> = None;
        if let Some(p) = prev_fig {
            if p.end > cs && p.end <= raw_b {
                pre_a = p.end;
                prev_in_clause = Some(p);
            }
        }
        let (mut b, compared) = cut_comparison(chars, pre_a, raw_b);
        let (b2, change_words) = strip_links(chars, pre_a, b);
        b = b2;
        let mut a = skip_lead_dates(chars, figs, strip_leads(chars, pre_a, b), b);
        // 新增黄石、咸宁、天门等全国文明城市12个: the examples before 等 are not the metric.
        // 高等学校, 平等, 中等职业教育: 等 inside a word is no list.
        if let Some(k) = (a..b).rev().find(|&k| chars[k] == '等') {
            let in_word = k > a && "高平中同初优对均上次一二三特相何".contains(chars[k - 1])
                || chars.get(k + 1).is_some_and(|&c| "级待候同于".contains(c));
            if b >= k + 3 && !in_word {
                a = k + 1;
            }
        }
        // 起征点从月销售额10万元提高到15万元: the metric ends before 从/由 of a from-to.
        if let Some(k) = from_to_cut(chars, a, b, f.end) {
            b = strip_links(chars, a, k).0;
        }
        let mut metric = (b > a).then_some((a, b));
        let mut change = change_words || compared && b < raw_b;
        let mut role: &'static str = "level";

        // 完成年计划的103.51%: a share of a target.
        if f.kind == FigKind::Percent && raw_b > pre_a && chars[raw_b - 1] == '的' {
            let seg: String = chars[pre_a..raw_b].iter().collect();
            if seg.ends_with('的')
                && ["计划", "目标", "任务", "预算"]
                    .iter()
                    .any(|w| seg.contains(w))
            {
                role = "share-of-target";
                change = false;
                let cut = ["完成", "为", "占", "达到", "相当于"]
                    .iter()
                    .filter_map(|w| seg.find(w).map(|byte| seg[..byte].chars().count()))
                    .min();
                metric = cut.and_then(|n| {
                    let e = pre_a + n;
                    let (e, _) = strip_links(chars, pre_a, e);
                    let s = strip_leads(chars, pre_a, e);
                    (e > s).then_some((s, e))
                });
            }
        }
        // 超过原定计划百分之十六, 超过预算15%: the excess over a target, said of the thing
        // named before it.
        if let Some((a, b)) = metric {
            let over = ["超过", "超额完成", "超出", "高于"]
                .iter()
                .any(|w| word_at(chars, a, w));
            let target = ["计划", "预算", "目标", "指标"]
                .iter()
                .any(|w| word_before(chars, b, w));
            if over && target && b - a <= 10 && f.kind == FigKind::Percent {
                metric = None;
                change = true;
            }
        }
        if metric.is_some_and(|(a, b)| ends_with_change_noun(chars, a, b)) {
            change = true;
        }

        // Nothing between a year and the number: the words before the year name the thing.
        if metric.is_none() {
            if let Some(p) = prev_in_clause {
                if matches!(p.kind, FigKind::Year | FigKind::Date | FigKind::Duration) {
                    // 居民收入比2020年增长5%
                    let (e, _) = cut_comparison(chars, cs, p.start);
                    let (e, _) = strip_links(chars, cs, e);
                    let s = skip_lead_dates(chars, figs, strip_leads(chars, cs, e), e);
                    if e > s {
                        metric = Some((s, e));
                    }
                    if word_before(chars, p.start, "比") || word_before(chars, p.start, "较") {
                        change = change || b < raw_b;
                    }
                    // 国家用于农业的投资，一九五七年为十二亿元: the topic is the clause before.
                    if metric.is_none()
                        && e <= s
                        && cs > floor
                        && matches!(chars[cs - 1], '，' | ',')
                    {
                        metric = topic_before(chars, figs, floor, cs - 1);
                    }
                }
            }
        }
        // A bare verb or a list with 等 before the number: the thing counted comes after it.
        if matches!(
            f.kind,
            FigKind::Count | FigKind::Money | FigKind::Quantity | FigKind::Percent
        ) && role != "share-of-target"
        {
            // 9899万农村贫困人口: no measure word, the noun follows the number.
            let noun_after = f.kind == FigKind::Count
                && f.unit.is_none()
                && chars.get(f.end).is_some_and(|&c| is_hanzi(c));
            let bare = noun_after
                || match metric {
                    None => true,
                    Some((a, b)) => {
                        is_bare_verb(chars, a, b)
                            || b - a == 1
                            || chars[b - 1] == '了'
                            || f.kind == FigKind::Count
                                && (b - a <= 4
                                    || chars[a..b].contains(&'、')
                                    || ends_with_verb(chars, a, b))
                    }
                };
            // 1679个行政村生活污水和199个农村黑臭水体: after a 和 the noun follows the number.
            let listing = word_before(chars, raw_b, "等")
                || word_before(chars, raw_b, "和")
                || word_before(chars, raw_b, "及")
                || word_before(chars, raw_b, "与");
            let of = f.kind == FigKind::Percent && chars.get(f.end) == Some(&'的');
            let usable = f.kind != FigKind::Percent || of || metric.is_none() && !change;
            if usable && (bare || listing || of) {
                let next_start = figs.get(k + 1).map(|n| n.start).unwrap_or(chars.len());
                let mut limit = f.end;
                while limit < next_start.min(chars.len())
                    && limit - f.end < 20
                    && !is_clause_break(chars[limit])
                {
                    limit += 1;
                }
                if let Some(m) = post_noun(chars, f.end, limit) {
                    metric = Some(m);
                }
            }
        }

        if metric.is_none() {
            let mut j = k;
            while j > 0 {
                j -= 1;
                let p = &figs[j];
                if chars[p.end.min(f.start)..f.start]
                    .iter()
                    .any(|c| is_sentence_break(*c))
                {
                    break;
                }
                if matches!(p.kind, FigKind::Year | FigKind::Date | FigKind::Duration) {
                    continue;
                }
                if let Some(m) = out[j].metric {
                    metric = Some(m);
                    break;
                }
            }
        }
        // 翻一番: a doubling is growth.
        if f.kind == FigKind::Ratio && chars.get(f.start) == Some(&'翻') {
            change = true;
        }
        if change && role == "level" {
            role = "change";
        }
        let respectively = (pre_a.min(raw_b)..raw_b).any(|i| word_at(chars, i, "分别"));
        out.push(MetricRole {
            metric,
            role: Some(role),
        });
        shared.push(respectively);
    }
    distribute(chars, figs, &mut out, &shared);
    share_head_noun(chars, figs, &mut out);
    out
}

/// 3个万亿级和7个千亿级产业集群: the first count's noun stops at 和 with only its modifier;
/// when the next count's noun repeats that modifier's shape, the first takes the shared head
/// noun (产业集群).
fn share_head_noun(chars: &[char], figs: &[Raw], out: &mut [MetricRole]) {
    for k in 0..figs.len().saturating_sub(1) {
        let (f, g) = (&figs[k], &figs[k + 1]);
        let (Some((a1, b1)), Some((a2, b2))) = (out[k].metric, out[k + 1].metric) else {
            continue;
        };
        let joined = b1 + 1 == g.start && matches!(chars.get(b1), Some('和' | '、' | '及' | '与'));
        if f.kind != g.kind || a1 != f.end || a2 != g.end || !joined {
            continue;
        }
        let n1 = b1 - a1;
        // The modifier of the second noun ends like the first noun (万亿级 / 千亿级).
        if n1 == 0 || b2 < a2 + n1 + 2 || chars[a2 + n1 - 1] != chars[b1 - 1] {
            continue;
        }
        out[k].metric = Some((a2 + n1, b2));
    }
}

/// 入园率和普惠率分别达96%和94%: figures after 分别 that share a metric naming as many
/// items as there are figures take one item each, in order.
fn distribute(chars: &[char], figs: &[Raw], out: &mut [MetricRole], respectively: &[bool]) {
    let mut k = 0;
    while k < out.len() {
        let Some((a, b)) = out[k].metric else {
            k += 1;
            continue;
        };
        if !respectively[k] {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        while e < out.len() && out[e].metric == Some((a, b)) && figs[e].kind == figs[k].kind {
            e += 1;
        }
        let group = e - k;
        // Items of the metric: split at 、 and at the last 和/及/与.
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut s = a;
        for (i, &c) in chars.iter().enumerate().take(b).skip(a) {
            if matches!(c, '、' | '和' | '及' | '与') {
                if i > s {
                    items.push((s, i));
                }
                s = i + 1;
            }
        }
        if b > s {
            items.push((s, b));
        }
        if group >= 2 && items.len() == group {
            for (j, it) in items.into_iter().enumerate() {
                out[k + j].metric = Some(it);
            }
        }
        k = e;
    }
}

/// The `(` of a bracketed abbreviation (（PM2.5）, (GDP)) whose `)` is at `close`: short, and
/// made of Latin letters, digits and dots only.
fn abbreviation_open(chars: &[char], floor: usize, close: usize) -> Option<usize> {
    let mut k = close;
    while k > floor && close - k < 12 {
        k -= 1;
        let c = chars[k];
        if matches!(c, '(' | '（') {
            let inner = &chars[k + 1..close];
            let ok = !inner.is_empty()
                && inner.iter().any(|c| c.is_ascii_alphabetic())
                && inner
                    .iter()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ' '));
            return ok.then_some(k);
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ' ')) {
            return None;
        }
    }
    None
}

/// 一九七四年的农业总产值: a year or date opening the metric is when, not what.
fn skip_lead_dates(chars: &[char], figs: &[Raw], mut a: usize, b: usize) -> usize {
    loop {
        // Figures are sorted by start: a binary search keeps this linear overall.
        let Some(f) = figs
            .binary_search_by_key(&a, |f| f.start)
            .ok()
            .map(|k| &figs[k])
            .filter(|f| matches!(f.kind, FigKind::Year | FigKind::Date | FigKind::Duration))
        else {
            return a;
        };
        let mut e = f.end;
        while e < b && matches!(chars[e], '的' | '里' | '内' | '中') {
            e += 1;
        }
        if e >= b {
            return a;
        }
        a = strip_leads(chars, e, b);
    }
}

/// The clause ending at `end` (a comma) as a topic: short, with no figure and no verb of
/// change in it.
fn topic_before(chars: &[char], figs: &[Raw], floor: usize, end: usize) -> Option<(usize, usize)> {
    let mut a = end;
    while a > floor && !is_clause_break(chars[a - 1]) && end - a <= 20 {
        a -= 1;
    }
    if end - a > 20 || a == end {
        return None;
    }
    let k = figs.partition_point(|f| f.end <= a);
    if figs.get(k).is_some_and(|f| f.start < end) {
        return None;
    }
    let (e, change) = strip_links(chars, a, end);
    let s = strip_leads(chars, a, e);
    (!change && e >= s + 2).then_some((s, e))
}

/// The `从`/`由` opening "from A to B" inside `chars[a..b]`, when a `到`/`至` follows the
/// figure ending at `fig_end` closely; None when the char belongs to a word (自由, 从事).
fn from_to_cut(chars: &[char], a: usize, b: usize, fig_end: usize) -> Option<usize> {
    let k = (a + 2..b)
        .rev()
        .take(10)
        .find(|&k| matches!(chars[k], '从' | '由'))?;
    let word = match chars[k] {
        '从' => {
            "服顺随听盲".contains(chars[k - 1])
                || chars
                    .get(k + 1)
                    .is_some_and(|&c| "事业而严容简属".contains(c))
        }
        _ => {
            "自理缘经因事".contains(chars[k - 1])
                || chars.get(k + 1).is_some_and(|&c| "于此衷".contains(c))
        }
    };
    let to = (fig_end..(fig_end + 8).min(chars.len()))
        .take_while(|&i| !is_clause_break(chars[i]))
        .any(|i| matches!(chars[i], '到' | '至'));
    (!word && to && k < b).then_some(k)
}
