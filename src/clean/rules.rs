//! Line rules for plain-text pages: which lines are page furniture, and why.
//!
//! Each line is judged on its trimmed, artefact-free text and on a normalised form (simplified
//! script, half-width ASCII) so one rule covers both scripts. A few rules need context — a
//! breadcrumb or font-size widget split one item per line, a value on the line after its label,
//! the tail of a page after "相关文章" — but only dropped lines ever open such a context, so
//! cleaning already-cleaned text changes nothing (idempotence).

use super::chrome::ChromeSet;
use regex::Regex;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Reason codes (OUTPUT.md "Removal reasons").
pub mod reason {
    /// 当前位置：首页 > … > 正文
    pub const BREADCRUMB: &str = "breadcrumb";
    /// Site navigation, slogans, share/print/close widgets.
    pub const NAV: &str = "nav";
    /// Time, source, author, views, 字号, 下载 打印.
    pub const META: &str = "meta";
    /// 下面是小编整理的…, 希望对大家有所帮助.
    pub const EDITOR_BLURB: &str = "editor-blurb";
    /// 相关文章 and the titles listed under it.
    pub const RELATED_LIST: &str = "related-list";
    /// 上一篇 / 下一篇.
    pub const PREV_NEXT: &str = "prev-next";
    /// Copyright, ICP numbers, reprint and contact notices.
    pub const COPYRIGHT: &str = "copyright";
    /// 本报记者 X 摄, photo captions.
    pub const PHOTO_CREDIT: &str = "photo-credit";
    /// Keyword-spam lines unrelated to the page.
    pub const SEO_SPAM: &str = "seo-spam";
    /// A line of digits only (view counters, ids).
    pub const NUMERIC_JUNK: &str = "numeric-junk";
    /// Lines repeated verbatim across many pages of the corpus.
    pub const SITE_CHROME: &str = "site-chrome";
    /// HTML blocks outside the main content (nav, footer, link lists, scripts).
    pub const HTML_BOILERPLATE: &str = "html-boilerplate";
}

/// One line as the rules see it.
pub struct Line {
    /// Trimmed text with artefacts removed (what the cleaned text would hold).
    pub text: String,
    /// `text` in simplified script with full-width ASCII folded.
    pub norm: String,
    /// Chars in `text`.
    pub chars: usize,
    /// Script evidence, dedup-key ranges: the rest of the line's one-pass views.
    pub(crate) views: super::views::LineViews,
}

impl Line {
    /// Builds a line from trimmed, artefact-free text.
    pub fn new(text: String) -> Line {
        let views = super::views::line_views_of(&text, None);
        Line::from_views(text, views)
    }

    /// Builds a line from its text and the views computed from it.
    pub(crate) fn from_views(text: String, mut views: super::views::LineViews) -> Line {
        let norm = std::mem::take(&mut views.norm);
        let chars = views.chars;
        Line {
            text,
            norm,
            chars,
            views,
        }
    }
}

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).unwrap_or_else(|e| panic!("bad built-in regex {pat}: {e}")))
}

macro_rules! regex {
    ($pat:expr) => {{
        static CELL: OnceLock<Regex> = OnceLock::new();
        re(&CELL, $pat)
    }};
}

/// Whether a line opens a section: 一、 （一） 1. 1、 第一章 三月份 一是 …
pub fn looks_like_heading(t: &str) -> bool {
    regex!(
        r"^\s*(?:[一二三四五六七八九十百]+[、.．是]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[、.．]\s*\D|第[一二三四五六七八九十百\d]+[章节条篇部分]|[一二三四五六七八九十]+月份|\d{1,2}月份)"
    )
    .is_match(t)
}

/// Tokens of the share / print / close widgets (reason `nav`).
const NAV_TOKENS: &[&str] = &[
    "首页",
    "网站首页",
    "返回首页",
    "返回",
    "返回顶部",
    "顶部",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "关闭本页",
    "关闭",
    "分享",
    "分享到",
    "分享到微信",
    "分享到微博",
    "分享到QQ空间",
    "微信",
    "微博",
    "QQ空间",
    "QQ",
    "朋友圈",
    "复制链接",
    "设为首页",
    "加入收藏",
    "网站地图",
    "联系我们",
    "关于我们",
    "登录",
    "注册",
    "手机版",
    "扫一扫",
    "扫一扫在手机打开当前页",
    "扫一扫分享",
    "扫描二维码",
    "手机看新闻",
    "我要纠错",
    "纠错",
    "打印本文",
    "关闭本文",
    "返回上一页",
    "用手机扫描",
    "我要纠错",
    "纠错",
    "正文",
    "打印文章",
    "关闭页面",
    "返回列表",
];

/// Tokens of the font-size / download / print toolbar (reason `meta`, as OUTPUT.md lists them).
const META_TOKENS: &[&str] = &[
    "下载",
    "打印",
    "全屏",
    "收藏",
    "字号",
    "字体",
    "加大",
    "还原",
    "减小",
    "默认",
    "大",
    "中",
    "小",
    "标准",
    "放大",
    "缩小",
    "我要投稿",
    "投稿",
];

fn token_set(
    list: &'static [&'static str],
    cell: &'static OnceLock<HashSet<&'static str>>,
) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| list.iter().copied().collect())
}

fn nav_tokens() -> &'static HashSet<&'static str> {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    token_set(NAV_TOKENS, &CELL)
}

fn meta_tokens() -> &'static HashSet<&'static str> {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    token_set(META_TOKENS, &CELL)
}

fn is_nav_symbol(c: char) -> bool {
    "><»›«‹|│丨×【】[]/\\·•→←-—:：".contains(c) || c.is_whitespace()
}

/// Classifies a line made only of widget tokens: Some(NAV) / Some(META) / None.
/// Single-char size tokens (大 中 小) count only when `in_widget`.
fn widget_line(norm: &str, in_widget: bool) -> Option<&'static str> {
    if norm.chars().count() > 40 {
        return None;
    }
    let mut any_meta = false;
    let mut any = false;
    for tok in norm.split(|c: char| c.is_whitespace() || "|│丨/【】[]".contains(c)) {
        let tok = tok.trim_matches(is_nav_symbol);
        if tok.is_empty() {
            continue;
        }
        any = true;
        if nav_tokens().contains(tok) {
            continue;
        }
        if meta_tokens().contains(tok) {
            if tok.chars().count() == 1 && !in_widget {
                return None;
            }
            any_meta = true;
            continue;
        }
        return None;
    }
    if !any {
        // Only separators and brackets: the debris of a widget or breadcrumb.
        return if norm.chars().all(is_nav_symbol) && !norm.is_empty() {
            Some(reason::NAV)
        } else {
            None
        };
    }
    Some(if any_meta { reason::META } else { reason::NAV })
}

fn strip_outer_brackets(s: &str) -> &str {
    let s = s.trim();
    let pairs = [('(', ')'), ('（', '）'), ('【', '】'), ('[', ']')];
    for (o, c) in pairs {
        if let Some(inner) = s.strip_prefix(o).and_then(|x| x.strip_suffix(c)) {
            return inner.trim();
        }
    }
    s
}

fn has_sentence_end(s: &str) -> bool {
    s.contains(['。', '！', '？', '；']) || s.contains("!") && s.chars().count() > 30
}

/// A web-style time stamp: 2024-11-18, 2024/11/18, 18:00, 07时41分.
fn has_web_date(s: &str) -> bool {
    regex!(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}|\d{1,2}时\d{1,2}分").is_match(s)
}

/// The label of a `label：value` meta line, if the line starts with one.
fn meta_label(n: &str) -> Option<&str> {
    let m = regex!(
        r"^(本文来源|发布时间|发表时间|更新时间|发布日期|录入时间|时间|日期|来源于|来源|信息来源|文章来源|稿件来源|新闻来源|作者|发布者|发布人|发布单位|编辑|责任编辑|责编|编审|审核|校对|浏览次数|浏览量|浏览|阅读量|阅读次数|阅读数|阅读|点击数|点击量|点击|访问量|字号|字体|供稿|撰稿|值班编辑|实习编辑|主编|监制|统筹|策划|原标题|关键词|关键字|标签|tags?|文/|图/)\s*[:：]"
    )
    .captures(n)?;
    m.get(1).map(|g| g.as_str())
}

/// "【我要纠错】 责任编辑：X" → "责任编辑：X": short bracketed widget tokens before a label.
fn strip_leading_widgets(s: &str) -> &str {
    let mut s = s.trim_start();
    while let Some(rest) = s.strip_prefix('【') {
        match rest.find('】') {
            Some(end) if rest[..end].chars().count() <= 8 => {
                s = rest[end + '】'.len_utf8()..].trim_start()
            }
            _ => break,
        }
    }
    s
}

fn meta_line(n: &str, chars: usize) -> bool {
    if chars > 100 {
        return false;
    }
    let s = strip_leading_widgets(strip_outer_brackets(n));
    if let Some(label) = meta_label(s) {
        return match label {
            "时间" | "日期" => {
                has_web_date(s) || s.chars().count() <= label.chars().count() + 1
            }
            _ => true,
        };
    }
    if regex!(r"我要投稿|文章被浏览|浏览\s*[:：]?\s*\d*\s*次|阅读\s*[:：]?\s*\(?\d+\)?\s*次|点击\s*[:：]?\s*\d+\s*次|字号\s*[:：]|【字[号体]").is_match(s) {
        return true;
    }
    // A bare time stamp with at most a short tail (category, source): 2022-08-22 17:01:00工作计划
    if let Some(m) = regex!(
        r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:时]\s*\d{1,2}(?:\s*[:分]\s*\d{1,2}\s*秒?)?\s*分?)?"
    )
    .find(s)
    {
        let stamp = m.as_str();
        let web = stamp.contains(['-', '/', ':', '时']) || stamp.contains('.') && !stamp.contains('年');
        let rest = &s[m.end()..];
        if web && rest.chars().count() <= 30 && !has_sentence_end(rest) {
            return true;
        }
    }
    // An author byline of template sites: "| 诗诗".
    if regex!(r"^[|丨│]\s*\S{1,10}$").is_match(s) {
        return true;
    }
    false
}

fn photo_credit(n: &str, chars: usize) -> bool {
    if chars > 120 {
        return false;
    }
    let s = strip_outer_brackets(n);
    if regex!(r"(记者|摄影|通讯员|摄)\s*[\p{Han}·]{2,8}(?:\s+[\p{Han}·]{1,4}){0,3}\s*摄\s*$|(?:摄影|图片|图)\s*[:：/]\s*\S{2,16}$|供图$|[（(]\s*(?:图|摄影|摄)\s*[/:：]?\s*\S{2,12}\s*[)）]$")
        .is_match(s)
    {
        return true;
    }
    // A caption naming the reporter at the end: "任振鹤作政府工作报告。新甘肃·甘肃日报记者 盛学卿"
    if s.contains('。')
        && regex!(r"记者\s*[\p{Han}]{2,4}(?:\s+[\p{Han}]{1,3})?$").is_match(s)
        && chars <= 80
    {
        return true;
    }
    // The caption of a speaker's photo: "省长赵刚作政府工作报告"
    chars <= 40 && regex!(r"^[\p{Han}·\s]{2,30}作(?:政府)?工作报告[。.]?$").is_match(s)
}

fn editor_blurb(n: &str, chars: usize) -> bool {
    if chars > 400 {
        return false;
    }
    if n.contains("小编")
        && regex!(r"小编.{0,12}(整理|带来|收集|分享|为大家|给大家|准备|推荐|精选|搜集)").is_match(n)
    {
        return true;
    }
    let tail = n.char_indices().rev().nth(39).map_or(n, |(i, _)| &n[i..]);
    regex!(
        r"希望对(大家|你|您)(有所|有)?(帮助|启发)|希望(能|可以|能够)?(帮助|帮)到(大家|你|您)|希望(大家|你|您)(喜欢|能喜欢)|供(大家|您|你)(参考|阅读|借鉴|学习)|仅供参考|欢迎(大家)?(阅读|借鉴|参考|分享)|一起来看看吧|快来看看吧|以供参考|敬请阅读|欢迎收藏"
    )
    .is_match(tail)
        && (chars <= 200 || n.contains("下面") || n.contains("以下"))
}

fn related_header(n: &str, chars: usize) -> bool {
    chars <= 40
        && regex!(
            r"(相关文章|相关阅读|相关推荐|推荐阅读|相关报道|相关文档|相关附件|相关链接|相关新闻|相关专题|延伸阅读|热门文章|热门推荐|精彩推荐|猜你喜欢|最新文章|更多相关|相关范文|相关资料|热点推荐|推荐文章|热门阅读|编辑推荐|相关搜索)[】\]]?\s*[:：]?\s*(>>|》》|»|更多)?\s*$"
        )
        .is_match(n)
}

fn prev_next(n: &str, chars: usize) -> bool {
    chars <= 80
        && regex!(r"^[【\[]?(上一篇|下一篇|上一页|下一页|上一条|下一条|上篇|下篇)[】\]]?\s*[:：]?")
            .is_match(n)
}

/// `n` lowercased, borrowed when it has no ASCII capitals (most Chinese lines).
fn ascii_lower(n: &str) -> std::borrow::Cow<'_, str> {
    if n.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(n.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(n)
    }
}

fn copyright(n: &str, chars: usize) -> bool {
    if chars > 160 {
        return false;
    }
    let lower = ascii_lower(n);
    regex!(
        r"版权所有|copyright|©|all rights reserved|icp备|icp证|公网安备|违者必究|转载请注明|未经授权.{0,10}(转载|复制)|免责声明|如有侵权|侵权.{0,4}删除|联系删除|本站(部分|所有)?(文章|内容|资源).{0,12}(网络|网友|转载)|本文(来源于|来自)网络|不代表本站|^(特别)?声明[:：]|(原文|本文|文章)(地址|链接|网址|出处)\s*[:：]|转载请(保留|注明)|更多.{0,20}(请|敬请)(访问|关注|点击|搜索)"
    )
    .is_match(&lower)
        || article_trailer(n)
}

/// A news article's closing furniture: "点击“阅读原文”查看更多", "《 人民日报 》（ 2026年02月04日 02 版）".
fn article_trailer(n: &str) -> bool {
    let s = n.trim_start();
    (s.starts_with("点击") && s.contains("阅读原文"))
        || (s.starts_with('《')
            && regex!(
                r"^《\s*\p{Han}{2,10}\s*》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*\d*\s*版\s*[)）]$"
            )
            .is_match(s))
}

fn contact_line(n: &str, chars: usize) -> bool {
    chars <= 80
        && regex!(r"(联系电话|电话|传真|邮箱|e-?mail|地址|邮编|客服|qq)\s*[:：]")
            .is_match(&ascii_lower(n))
}

fn slogan(n: &str, chars: usize) -> bool {
    chars <= 40
        && regex!(r"欢迎(您|你|光临|访问|来到)|》》点击|点击(图片|这里|此处)?进入").is_match(n)
}

fn title_with_date(n: &str, chars: usize) -> bool {
    chars <= 48
        && !has_sentence_end(n)
        && regex!(r"^\S.{1,44}?\s*[(\[（]?(\d{2}-\d{2}|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})[)\]）]?$").is_match(n)
}

fn bullet_item(n: &str, chars: usize) -> bool {
    chars <= 48
        && !has_sentence_end(n)
        && n.starts_with(['★', '☆', '●', '◆', '■', '·', '•', '▪', '►', '◇', '○', '▶'])
}

fn digits_only(n: &str) -> bool {
    let mut digits = 0;
    for c in n.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if !(c.is_whitespace() || c == ',') {
            return false;
        }
    }
    digits >= 1
}

fn hex_id(n: &str) -> bool {
    regex!(r"^[0-9a-fA-F]{16,}[:：]?$").is_match(n) && n.chars().any(|c| c.is_ascii_digit())
}

/// A short table cell with a number: a digits-only line beside one is data, not a counter.
fn cell_like(l: &Line) -> bool {
    l.chars <= 12 && l.norm.chars().any(|c| c.is_ascii_digit()) && !has_sentence_end(&l.norm)
}

/// The spam vocabulary of hijacked template pages.
const SPAM_WORDS: &[&str] = &[
    "毛片",
    "激情",
    "福利视频",
    "午夜",
    "色图",
    "成人",
    "av",
    "无码",
    "彩票",
    "博彩",
    "棋牌",
    "时时彩",
    "赌场",
    "娱乐城",
    "一级",
    "精品",
    "免费看",
    "黄色",
    "三级",
    "国产",
    "偷拍",
    "自拍",
];

fn spam_candidate(n: &str, chars: usize) -> Option<Vec<&str>> {
    if !(12..=400).contains(&chars) || n.contains(['。', '！', '？', '；', '：']) {
        return None;
    }
    let parts: Vec<&str> = n
        .split([',', '，', '|', '_'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 4 || parts.iter().any(|p| p.chars().count() > 16) {
        return None;
    }
    Some(parts)
}

/// A multiplicative hasher for char-bigram keys: the std SipHash costs more than the lookup.
#[derive(Default)]
struct BigramHasher(u64);

impl std::hash::Hasher for BigramHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u32(&mut self, x: u32) {
        self.0 = (self.0.rotate_left(32) ^ u64::from(x)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type BigramSet = HashSet<(char, char), std::hash::BuildHasherDefault<BigramHasher>>;

fn bigrams(s: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let mut it = s.chars().filter(|c| c.is_alphanumeric());
    let mut prev = it.next();
    std::iter::from_fn(move || {
        let c = it.next()?;
        let p = prev.replace(c)?;
        Some((p, c))
    })
}

/// Whether a keyword line has little to do with the rest of the page.
fn spam_unrelated(parts: &[&str], page: &BigramSet, line_norm: &str) -> bool {
    let lower = ascii_lower(line_norm);
    let spam_hits = SPAM_WORDS.iter().filter(|w| lower.contains(*w)).count();
    if spam_hits >= 2 {
        return true;
    }
    let related = parts
        .iter()
        .filter(|p| bigrams(p).any(|b| page.contains(&b)))
        .count();
    related * 10 < parts.len() * 3
}

/// Verdict per line (None = keep), in order. `lines` are the page's non-empty lines.
pub fn classify(lines: &[Line], chrome: &ChromeSet, html: bool) -> Vec<Option<&'static str>> {
    let n = lines.len();
    let mut out: Vec<Option<&'static str>> = vec![None; n];
    let mut spam_parts: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut in_widget = false;
    let mut in_crumb = false;
    let mut in_tail = false;
    let mut label_pending = false;

    for i in 0..n {
        let l = &lines[i];
        let t = l.norm.as_str();
        let c = l.chars;
        let heading = looks_like_heading(t);
        let mut r: Option<&'static str> = None;

        // Breadcrumbs, whole or split one item per line.
        let crumb_start = regex!(r"^(当前位置|您现在的位置|你现在的位置|您的位置|你的位置|现在位置|所在位置|当前的位置|位置)\s*[:：]").is_match(t)
            || regex!(r"^(首页|网站首页|主页)\s*(>|>>|»|›|→|/)").is_match(t);
        if crumb_start && c <= 80 {
            r = Some(reason::BREADCRUMB);
            in_crumb = true;
        } else if in_crumb {
            let prev_sep = i > 0 && lines[i - 1].norm.chars().all(is_nav_symbol);
            let next_sep = lines
                .get(i + 1)
                .is_some_and(|x| !x.norm.is_empty() && x.norm.chars().all(is_nav_symbol));
            let echo = i > 0 && out[i - 1] == Some(reason::BREADCRUMB) && lines[i - 1].norm == t;
            let is_sep = t.chars().all(is_nav_symbol);
            let home = matches!(t, "首页" | "网站首页" | "主页" | "正文");
            if c <= 16 && !has_sentence_end(t) && (is_sep || prev_sep || next_sep || echo || home) {
                r = Some(reason::BREADCRUMB);
            } else {
                in_crumb = false;
            }
        } else if matches!(t, "首页" | "网站首页")
            && lines
                .get(i + 1)
                .is_some_and(|x| x.norm.chars().all(is_nav_symbol) && !x.norm.is_empty())
        {
            r = Some(reason::BREADCRUMB);
            in_crumb = true;
        }

        if r.is_none() {
            if regex!(r"^[【\[]?字[号体]\s*[:：]").is_match(t) {
                in_widget = true;
            }
            r = widget_line(t, in_widget);
            if r.is_none() {
                in_widget = false;
            }
        }

        if r.is_none() && label_pending && c <= 24 && !has_sentence_end(t) && !heading {
            r = Some(reason::META);
        }
        label_pending = false;

        if r.is_none() {
            r = if !heading && meta_line(t, c) {
                let s = strip_outer_brackets(t);
                label_pending = meta_label(s)
                    .is_some_and(|lab| s.trim_end().chars().count() <= lab.chars().count() + 1);
                Some(reason::META)
            } else if !heading && photo_credit(t, c) {
                Some(reason::PHOTO_CREDIT)
            } else if editor_blurb(t, c) {
                Some(reason::EDITOR_BLURB)
            } else if related_header(t, c) {
                in_tail = true;
                Some(reason::RELATED_LIST)
            } else if prev_next(t, c) {
                in_tail = true;
                Some(reason::PREV_NEXT)
            } else if copyright(t, c) {
                // Only a site footer ends the article; reprint notices also sit mid-page.
                in_tail |= regex!(r"版权所有|(?i:copyright|all rights reserved|icp)|©|公网安备")
                    .is_match(t);
                Some(reason::COPYRIGHT)
            } else if slogan(t, c) {
                Some(reason::NAV)
            } else if !heading && title_with_date(t, c) {
                Some(reason::RELATED_LIST)
            } else if hex_id(t) {
                Some(reason::NUMERIC_JUNK)
            } else if in_tail && contact_line(t, c) {
                Some(reason::COPYRIGHT)
            } else if in_tail && bullet_item(t, c) {
                Some(reason::RELATED_LIST)
            } else {
                None
            };
        }

        if r.is_none() && matches!(t, "打印本页" | "关闭窗口" | "打印此页" | "关闭本页")
        {
            in_tail = true;
        }
        if r.is_none() && in_tail {
            // Below the article's end: link titles and snippets, unless a real paragraph resumes.
            let dup = c >= 8
                && lines[..i].iter().any(|p| {
                    p.chars > c
                        && p.norm
                            .starts_with(&t[..t.char_indices().nth(8).map_or(t.len(), |(b, _)| b)])
                });
            if c < 50 || dup {
                r = Some(reason::RELATED_LIST);
            } else {
                in_tail = false;
            }
        }

        if r.is_none() && !heading && chrome.contains(&l.text) {
            r = Some(reason::SITE_CHROME);
        }

        if r.is_none()
            && html
            && regex!(
                r"^(var |function\s*\(|document\.|window\.|\$\(|jQuery|<!--|//<!\[CDATA|\{.*:.*\}$)"
            )
            .is_match(t)
        {
            r = Some(reason::HTML_BOILERPLATE);
        }

        if r.is_none() {
            if let Some(parts) = spam_candidate(t, c) {
                spam_parts.push((i, parts));
            }
        }
        out[i] = r;
    }

    // Digits-only lines go unless a kept neighbour is a table cell: judged after every other
    // rule, on kept lines only, so the verdict is the same when the page is cleaned again.
    let kept: Vec<usize> = (0..n).filter(|&i| out[i].is_none()).collect();
    for (k, &i) in kept.iter().enumerate() {
        if digits_only(&lines[i].norm) {
            let near_cell = (k > 0 && cell_like(&lines[kept[k - 1]]))
                || kept.get(k + 1).is_some_and(|&j| cell_like(&lines[j]));
            if !near_cell {
                out[i] = Some(reason::NUMERIC_JUNK);
            }
        }
    }

    if !spam_parts.is_empty() {
        let mut page = BigramSet::default();
        let candidates: HashSet<usize> = spam_parts.iter().map(|(i, _)| *i).collect();
        for (i, l) in lines.iter().enumerate() {
            if out[i].is_none() && !candidates.contains(&i) {
                page.extend(bigrams(&l.norm));
            }
        }
        for (i, parts) in &spam_parts {
            if spam_unrelated(parts, &page, &lines[*i].norm) {
                out[*i] = Some(reason::SEO_SPAM);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdicts(text: &str) -> Vec<(String, Option<&'static str>)> {
        let lines: Vec<Line> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Line::new(l.to_string()))
            .collect();
        let v = classify(&lines, &ChromeSet::empty(), false);
        lines.into_iter().map(|l| l.text).zip(v).collect()
    }

    fn dropped(text: &str) -> Vec<String> {
        verdicts(text)
            .into_iter()
            .filter(|(_, r)| r.is_some())
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn keeps_content_that_looks_like_junk() {
        let text = "一、指导思想\n三月份\n1. 组织员工烧烤，增强员工间的沟通。\n2023年3月5日\n月份\n内容\n（\n三）改革开放持续深化、互促共进。\n北京市市长 殷勇\n各位代表：\n时间：每周五下午\n来源稳定的资金保障是关键，要确保专款专用。";
        assert!(dropped(text).is_empty(), "{:?}", dropped(text));
    }

    #[test]
    fn drops_page_furniture() {
        let text = "好好学习,天天向上,写范文网欢迎您!\n当前位置:首页 > > 工作范文 > 正文\n2022-08-22 17:01:00工作计划\n標題\n時間:2024-11-18 18:00:07 工會工作計劃 我要投稿\n| 诗诗\n下面是小編精心整理的工會工作計劃6篇,希望對大家有所幫助。\n正文内容很长很长。\n【工會工作計劃】相關文章:\n高中工會工會工作計劃05-24\n★ 工会年终总结\n上一篇:2023年工会财务工作总结范文\n362180";
        let d = dropped(text);
        assert_eq!(d.len(), 11, "{d:?}");
        assert!(!d.contains(&"標題".to_string()));
    }

    #[test]
    fn split_widgets_and_crumbs() {
        let text = "您的位置:\n首页\n>\n云南要闻\n云南要闻\n2026年政府工作报告\n来源：云南日报\n2026-02-03 09:02:33\n【字体：\n大\n中\n小\n】\n——2026年1月28日在云南省第十四届人民代表大会第四次会议上\n发表时间：\n2026-02-09 09:45:30\n来源：\n宁夏日报客户端\n各位代表：";
        let v = verdicts(text);
        let kept: Vec<&str> = v
            .iter()
            .filter(|(_, r)| r.is_none())
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            kept,
            vec![
                "2026年政府工作报告",
                "——2026年1月28日在云南省第十四届人民代表大会第四次会议上",
                "各位代表："
            ]
        );
    }

    #[test]
    fn seo_spam_needs_unrelated_keywords() {
        let text = "午夜精品福利视频,亚洲激情专区,免费看a网站,aa毛片,亚洲色图激情小说\n工会工作计划\n工会工作计划,工会计划,工作计划范文,年度计划\n开展工会工作，做好工会计划。";
        assert_eq!(
            dropped(text),
            vec!["午夜精品福利视频,亚洲激情专区,免费看a网站,aa毛片,亚洲色图激情小说".to_string()]
        );
    }

    #[test]
    fn news_page_furniture() {
        for l in [
            "【我要纠错】 责任编辑：张三",
            "(责编：张三、李四)",
            "原标题：工会工作会议召开",
            "关键词：工会 计划",
            "特别声明：以上内容仅代表作者本人观点",
            "本文链接：http://www.fanwen.com/a/1.html",
            "更多工作计划范文请访问写范文网",
            "【打印】【关闭】",
            "扫一扫分享",
        ] {
            assert_eq!(dropped(l), vec![l.to_string()], "{l}");
        }
        assert!(
            dropped("新华社北京5月24日电（记者张三）全国总工会24日召开会议，部署今年工作。")
                .is_empty()
        );
    }

    #[test]
    fn reprint_notice_mid_page_keeps_what_follows() {
        let text =
            "一、指导思想\n本文链接：http://www.fanwen.com/a/1.html\n二、主要工作\n三、保障措施";
        assert_eq!(
            dropped(text),
            vec!["本文链接：http://www.fanwen.com/a/1.html".to_string()]
        );
    }

    #[test]
    fn photo_credits_and_captions() {
        for l in [
            "殷勇同志作政府工作报告。本报记者 戴冰摄",
            "省长赵刚作政府工作报告",
            "任振鹤作政府工作报告。新甘肃·甘肃日报记者 盛学卿",
            "（图/新华社）",
        ] {
            assert_eq!(dropped(l), vec![l.to_string()], "{l}");
        }
    }
}
