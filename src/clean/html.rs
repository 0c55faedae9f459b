//! HTML page → main-content text, one block per line.
//!
//! A tolerant tag scanner (no DOM, no allocation per node beyond a small record): scraped
//! Chinese pages are often broken HTML (unclosed `<p>`, stray `<`, table layouts, GBK pages
//! re-declared as UTF-8), and a full html5ever tree costs several times more for the same
//! blocks. Script, style and hidden elements are skipped; text is cut into blocks at block-level
//! tags and `<br>`; each block gets a weight (+chars for prose, −chars for link-dense or short
//! unpunctuated blocks), weights are summed up the element tree, and the element with the best
//! sum is the main content (its blocks, minus link lists and nav/footer/aside/form, plus the
//! `<h1>` before it). The line rules then run on the result.

use super::rules::reason;
use crate::report::RemovedLine;

/// Text of an HTML page.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Main content, one block per line.
    pub text: String,
    /// Blocks dropped as boilerplate, in page order.
    pub removed: Vec<RemovedLine>,
}

const RAW_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "title", "iframe", "svg", "object",
    "select", "math", "head",
];
const VOID: &[&str] = &[
    "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param", "source",
    "track", "wbr", "keygen",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "center",
    "address",
    "figure",
    "figcaption",
    "fieldset",
    "caption",
    "details",
    "summary",
    "menu",
    "body",
    "html",
];
const BOILER_TAGS: &[&str] = &[
    "nav", "aside", "form", "menu", "footer", "header", "button", "label",
];
/// class / id tokens of page furniture (exact token match).
const BOILER_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "bottom",
    "foot",
    "footer",
    "top",
    "topbar",
    "side",
    "sidebar",
    "aside",
    "tag",
    "tags",
    "hot",
    "hotnews",
    "rank",
    "ranking",
    "links",
    "friendlink",
    "flink",
    "location",
    "position",
    "weizhi",
    "dqwz",
    "dh",
    "daohang",
    "pager",
    "pagination",
    "login",
    "search",
    "related",
    "relate",
    "recommend",
    "toolbar",
    "sitemap",
    "share",
    "bdshare",
    "comment",
    "comments",
    "copyright",
    "crumb",
    "crumbs",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navbar",
    "menu",
    "subnav",
    "mainnav",
    "topnav",
    "footnav",
    "sidenav",
    "xgwz",
    "xgyd",
    "tuijian",
    "prenext",
];
/// class / id tokens of an article's headline.
const TITLE_TOKENS: &[&str] = &[
    "title",
    "tit",
    "headline",
    "biaoti",
    "bt",
    "arttitle",
    "articletitle",
    "newstitle",
    "wztitle",
    "wzbt",
];
/// class / id tokens of text hidden from readers (anti-copy noise).
const HIDDEN_TOKENS: &[&str] = &[
    "jammer",
    "hidden",
    "hide",
    "display-none",
    "sr-only",
    "visually-hidden",
];

#[derive(Debug)]
struct Node {
    parent: Option<usize>,
    depth: u32,
    boiler: bool,
    class_boiler: bool,
    score: f64,
    /// Sum of the positive (prose) weights below the node.
    prose: f64,
    /// Prose blocks below the node.
    prose_blocks: u32,
    /// Non-prose blocks below the node (a link-dense block counts twice).
    other_blocks: u32,
}

#[derive(Debug)]
struct Block {
    text: String,
    chars: usize,
    link_chars: usize,
    node: usize,
    boiler: bool,
    class_boiler: bool,
    h1: bool,
    /// Inside an `<h2>`/`<h3>` or an element whose class/id says it is a title.
    titled: bool,
    punctuated: bool,
}

#[derive(Debug)]
struct Open {
    name: String,
    node: Option<usize>,
    hidden: bool,
    boiler: bool,
    class_boiler: bool,
    link: bool,
    titled: bool,
}

#[derive(Default)]
struct Builder {
    buf: String,
    chars: usize,
    link_chars: usize,
    pending_space: bool,
    pending_newline: bool,
}

impl Builder {
    fn push_text(&mut self, text: &str, link: bool) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                self.pending_newline |= c == '\n' || c == '\r';
                continue;
            }
            if self.pending_space && !self.buf.is_empty() {
                let last_wide = self.buf.chars().last().is_some_and(|l| !l.is_ascii());
                // Source-code line breaks between two hanzi are layout, not a space.
                if !(self.pending_newline && last_wide && !c.is_ascii()) {
                    self.buf.push(' ');
                }
            }
            self.pending_space = false;
            self.pending_newline = false;
            self.buf.push(c);
            self.chars += 1;
            if link {
                self.link_chars += 1;
            }
        }
    }
}

struct Scanner<'a> {
    src: &'a str,
    nodes: Vec<Node>,
    blocks: Vec<Block>,
    stack: Vec<Open>,
    cur: Builder,
}

fn lower_name(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Parses `name="value"` pairs of a tag's attribute text (tolerant: unquoted, bare names).
fn attributes(s: &str) -> Vec<(String, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len()
            && !b[i].is_ascii_whitespace()
            && b[i] != b'='
            && b[i] != b'>'
            && b[i] != b'/'
        {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let name = s[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                i = vs;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = s[vs..i.min(b.len())].to_string();
                i += 1;
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = s[vs..i].to_string();
            }
        }
        out.push((name, value));
    }
    out
}

fn tokens(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|t| !t.is_empty())
        .map(str::to_ascii_lowercase)
}

/// (hidden, boilerplate by class/id) of a start tag.
fn judge_attributes(attrs: &[(String, String)]) -> (bool, bool) {
    let mut hidden = false;
    let mut boiler = false;
    for (name, value) in attrs {
        match name.as_str() {
            "style" => {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                hidden |= v.contains("display:none") || v.contains("visibility:hidden");
            }
            "hidden" => hidden = true,
            "aria-hidden" => hidden |= value.eq_ignore_ascii_case("true"),
            "class" | "id" => {
                let whole = value.to_ascii_lowercase();
                hidden |= HIDDEN_TOKENS
                    .iter()
                    .any(|t| whole.split_whitespace().any(|w| w == *t));
                boiler |= tokens(value).any(|t| BOILER_TOKENS.contains(&t.as_str()));
            }
            _ => {}
        }
    }
    (hidden, boiler)
}

/// Decodes one entity at the start of `s` (after '&'); returns the text and bytes consumed.
fn entity(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (digits_start, radix) = if matches!(b.get(1), Some(b'x') | Some(b'X')) {
            (2, 16)
        } else {
            (1, 10)
        };
        let mut end = digits_start;
        while end < b.len() && end < digits_start + 8 && (b[end] as char).is_digit(radix) {
            end += 1;
        }
        if end == digits_start {
            return None;
        }
        let cp = u32::from_str_radix(&s[digits_start..end], radix).ok()?;
        let c = match cp {
            0x80..=0x9F => windows_1252_c1(cp),
            0 => '\u{FFFD}',
            _ => char::from_u32(cp).unwrap_or('\u{FFFD}'),
        };
        let used = if b.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        return Some((c.to_string(), used));
    }
    let mut end = 0;
    while end < b.len() && end < 10 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    let name = &s[..end];
    let text = named_entity(name)?;
    let used = if b.get(end) == Some(&b';') {
        end + 1
    } else if matches!(name, "nbsp" | "amp" | "lt" | "gt" | "quot") {
        end
    } else {
        return None;
    };
    Some((text.to_string(), used))
}

fn windows_1252_c1(cp: u32) -> char {
    const T: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    T[(cp - 0x80) as usize]
}

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
        "zwnj" | "zwj" | "lrm" | "rlm" | "shy" => "",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "hellip" => "…",
        "mdash" => "—",
        "ndash" => "–",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "sbquo" => "‚",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "middot" => "·",
        "bull" => "•",
        "deg" => "°",
        "plusmn" => "±",
        "times" => "×",
        "divide" => "÷",
        "yen" => "¥",
        "cent" => "¢",
        "pound" => "£",
        "euro" => "€",
        "sect" => "§",
        "para" => "¶",
        "micro" => "µ",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "le" => "≤",
        "ge" => "≥",
        "ne" => "≠",
        "asymp" => "≈",
        "infin" => "∞",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "harr" => "↔",
        "permil" => "‰",
        "prime" => "′",
        "Prime" => "″",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "mu" => "μ",
        "pi" => "π",
        "sigma" => "σ",
        "omega" => "ω",
        "iexcl" => "¡",
        "iquest" => "¿",
        "acute" => "´",
        "uml" => "¨",
        "macr" => "¯",
        "not" => "¬",
        "ordf" => "ª",
        "ordm" => "º",
        "loz" => "◊",
        "spades" => "♠",
        "clubs" => "♣",
        "hearts" => "♥",
        "diams" => "♦",
        "radic" => "√",
        "sum" => "∑",
        "minus" => "−",
        "lowast" => "∗",
        "sim" => "∼",
        "equiv" => "≡",
        _ => return None,
    })
}

fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        match entity(after) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Self {
        let root = Node {
            parent: None,
            depth: 0,
            boiler: false,
            class_boiler: false,
            score: 0.0,
            prose: 0.0,
            prose_blocks: 0,
            other_blocks: 0,
        };
        Scanner {
            src,
            nodes: vec![root],
            blocks: Vec::new(),
            stack: Vec::new(),
            cur: Builder::default(),
        }
    }

    fn flags(&self) -> (bool, bool, bool, bool) {
        let (mut hidden, mut boiler, mut class_boiler, mut link) = (false, false, false, false);
        for o in &self.stack {
            hidden |= o.hidden;
            boiler |= o.boiler;
            class_boiler |= o.class_boiler;
            link |= o.link;
        }
        (hidden, boiler, class_boiler, link)
    }

    fn current_node(&self) -> usize {
        self.stack.iter().rev().find_map(|o| o.node).unwrap_or(0)
    }

    fn flush(&mut self) {
        let b = std::mem::take(&mut self.cur);
        if b.chars == 0 {
            return;
        }
        let (_, boiler, class_boiler, _) = self.flags();
        let h1 = self.stack.iter().any(|o| o.name == "h1");
        let titled = self.stack.iter().any(|o| o.titled);
        let punctuated = b.buf.chars().any(|c| {
            matches!(
                c,
                '，' | '。'
                    | '；'
                    | '！'
                    | '？'
                    | '、'
                    | '：'
                    | '“'
                    | '”'
                    | ','
                    | '.'
                    | ';'
                    | '!'
                    | '?'
            )
        });
        let node = self.current_node();
        self.blocks.push(Block {
            text: b.buf,
            chars: b.chars,
            link_chars: b.link_chars,
            node,
            boiler,
            class_boiler,
            h1,
            titled,
            punctuated,
        });
    }

    fn text(&mut self, raw: &str) {
        let (hidden, _, _, link) = self.flags();
        if hidden {
            return;
        }
        let text = decode_entities(raw);
        self.cur.push_text(&text, link);
    }

    fn close(&mut self, name: &str) {
        // Tolerance: an end tag closes the nearest open element of that name, if any (within
        // reach), and everything opened inside it; a stray end tag is ignored.
        if let Some(pos) = self.stack.iter().rposition(|o| o.name == name) {
            if self.stack.len() - pos > 64 {
                return;
            }
            if BLOCK.contains(&name) || self.stack[pos..].iter().any(|o| o.node.is_some()) {
                self.flush();
            }
            self.stack.truncate(pos);
        }
    }

    fn open(&mut self, name: String, attrs: &str, self_closing: bool) {
        let is_block = BLOCK.contains(&name.as_str());
        if name == "br" || name == "hr" {
            self.flush();
            return;
        }
        if is_block {
            self.flush();
            // A new block closes an open <p>; a new item closes the previous item.
            let closes: &[&str] = match name.as_str() {
                "li" => &["li"],
                "td" | "th" => &["td", "th"],
                "tr" => &["tr", "td", "th"],
                "dt" | "dd" => &["dt", "dd"],
                _ => &[],
            };
            if let Some(top) = self.stack.last() {
                if top.name == "p" {
                    self.stack.pop();
                }
            }
            if !closes.is_empty() {
                let stop: &[&str] = if name == "li" {
                    &["ul", "ol", "menu"]
                } else {
                    &["table", "tbody", "thead", "tfoot", "dl"]
                };
                if let Some(pos) = self.stack.iter().rposition(|o| {
                    closes.contains(&o.name.as_str()) || stop.contains(&o.name.as_str())
                }) {
                    if closes.contains(&self.stack[pos].name.as_str()) {
                        self.stack.truncate(pos);
                    }
                }
            }
        }
        if VOID.contains(&name.as_str()) || self_closing {
            return;
        }
        let parsed = attributes(attrs);
        let (hidden, class_boiler) = judge_attributes(&parsed);
        let in_article = self
            .stack
            .iter()
            .any(|o| o.name == "article" || o.name == "main");
        let boiler = BOILER_TAGS.contains(&name.as_str())
            && !(in_article && (name == "header" || name == "footer"));
        let node = if is_block {
            let parent = self.current_node();
            let depth = self.nodes[parent].depth + 1;
            self.nodes.push(Node {
                parent: Some(parent),
                depth,
                boiler,
                class_boiler,
                score: 0.0,
                prose: 0.0,
                prose_blocks: 0,
                other_blocks: 0,
            });
            Some(self.nodes.len() - 1)
        } else {
            None
        };
        let link = name == "a";
        let titled = matches!(name.as_str(), "h2" | "h3")
            || parsed.iter().any(|(k, v)| {
                (k == "class" || k == "id") && tokens(v).any(|t| TITLE_TOKENS.contains(&t.as_str()))
            });
        self.stack.push(Open {
            name,
            node,
            hidden,
            boiler,
            class_boiler,
            link,
            titled,
        });
    }

    fn run(&mut self) {
        let src = self.src;
        let b = src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let Some(off) = src[i..].find('<') else {
                self.text(&src[i..]);
                break;
            };
            let lt = i + off;
            if lt > i {
                self.text(&src[i..lt]);
            }
            let rest = &src[lt..];
            if let Some(after) = rest.strip_prefix("<!--") {
                i = after.find("-->").map_or(b.len(), |p| lt + 4 + p + 3);
                continue;
            }
            let next = b.get(lt + 1).copied().unwrap_or(b' ');
            if next == b'!' || next == b'?' {
                i = rest.find('>').map_or(b.len(), |p| lt + p + 1);
                continue;
            }
            let closing = next == b'/';
            let name_start = lt + 1 + usize::from(closing);
            if !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
                self.text("<");
                i = lt + 1;
                continue;
            }
            let end = tag_end(b, name_start);
            let inner = &src[name_start..end.min(b.len())];
            let name = lower_name(inner);
            let attrs = &inner[name.len().min(inner.len())..];
            i = (end + 1).min(b.len());
            if closing {
                self.close(&name);
                continue;
            }
            let self_closing = inner.trim_end().ends_with('/');
            if RAW_TEXT.contains(&name.as_str()) && !self_closing {
                // Skip to the matching end tag: script and style bodies may contain '<'.
                let close = format!("</{name}");
                i = find_ci(&src[i..], &close).map_or(b.len(), |p| {
                    let after = i + p + close.len();
                    src[after..].find('>').map_or(b.len(), |q| after + q + 1)
                });
                if name == "head" || name == "select" {
                    self.flush();
                }
                continue;
            }
            self.open(name, attrs, self_closing);
        }
        self.flush();
    }
}

/// Index of the '>' that ends a tag starting at `start`, quotes respected.
fn tag_end(b: &[u8], start: usize) -> usize {
    let mut i = start;
    let mut quote: Option<u8> = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            // Only attribute values open quotes (after '='), so a stray apostrophe in broken
            // markup cannot swallow the page.
            None if (c == b'"' || c == b'\'')
                && (i > start && b[i - 1] == b'='
                    || i > start + 1 && b[i - 1] == b' ' && b[i - 2] == b'=') =>
            {
                quote = Some(c)
            }
            None if c == b'>' => return i,
            None => {}
        }
        i += 1;
        if i - start > 4096 && quote.is_some() {
            quote = None;
        }
    }
    b.len()
}

/// Share of a node's prose a child must hold for the child to be the main content instead.
const DESCEND_SHARE: f64 = 0.8;
/// The same share when every other child with prose is an itemized list (teasers, comments).
const ITEMS_SHARE: f64 = 0.05;
/// ... and at least this much prose (a lone meta line is not an article).
const ITEMS_MIN_PROSE: f64 = 30.0;
/// Prose outside both the article child and the itemized lists that the rule above tolerates.
const LOOSE_SHARE: f64 = 0.1;

fn weight(b: &Block) -> f64 {
    let len = b.chars as f64;
    let link = b.link_chars as f64;
    if link > 0.5 * len {
        return -len;
    }
    let own = len - link;
    if b.punctuated || own >= 30.0 {
        own
    } else {
        -0.5 * len
    }
}

/// Text of the page's `<title>` (the headline plus the site name, on most news pages).
fn page_title(html: &str) -> String {
    let Some(open) = find_ci(html, "<title") else {
        return String::new();
    };
    let rest = &html[open..];
    let Some(gt) = rest.find('>') else {
        return String::new();
    };
    let body = &rest[gt + 1..];
    let end = find_ci(body, "</title").unwrap_or(body.len().min(1000));
    let mut end = end.min(1000);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    decode_entities(&body[..end]).trim().to_string()
}

/// How many blocks before the content the headline is looked for.
const TITLE_REACH: usize = 20;

/// The headline part of a `<title>`: the longest piece between site-name separators
/// ("标题_栏目_站点", "标题 - 站点", "标题--站点", "标题|站点").
fn title_headline(t: &str) -> String {
    t.split(['_', '|', '｜', '-', '－'])
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A block that is the headline the `<title>` names (equal, or one holds most of the other).
fn repeats_headline(b: &Block, headline: &str) -> bool {
    let h = headline.chars().count();
    if h < 4 {
        return false;
    }
    let t: String = b.text.chars().filter(|c| !c.is_whitespace()).collect();
    let n = t.chars().count();
    (t.contains(headline) && n <= h + 12) || (n >= 5 && 2 * n >= h && headline.contains(&t))
}

fn link_dense(b: &Block) -> bool {
    b.link_chars * 2 > b.chars
}

/// Extracts the main content of an HTML page.
pub fn extract(html: &str) -> Extracted {
    let mut s = Scanner::new(html);
    s.run();
    let Scanner {
        mut nodes, blocks, ..
    } = s;

    // Class/id hints can be wrong (a content div called "main-side"): ignore them when they
    // would throw away most of the prose.
    let prose =
        |bs: &mut dyn Iterator<Item = &Block>| bs.map(weight).filter(|w| *w > 0.0).sum::<f64>();
    let all = prose(&mut blocks.iter().filter(|b| !b.boiler));
    let kept = prose(&mut blocks.iter().filter(|b| !b.boiler && !b.class_boiler));
    let use_class = kept >= 0.25 * all;
    let is_boiler = |b: &Block| b.boiler || (use_class && b.class_boiler);

    for b in blocks.iter().filter(|b| !is_boiler(b)) {
        let w = weight(b);
        let (p, o) = if w > 0.0 {
            (1, 0)
        } else if link_dense(b) {
            (0, 2)
        } else {
            (0, 1)
        };
        let mut n = Some(b.node);
        while let Some(id) = n {
            nodes[id].score += w;
            nodes[id].prose += w.max(0.0);
            nodes[id].prose_blocks += p;
            nodes[id].other_blocks += o;
            n = nodes[id].parent;
        }
    }
    let best = (0..nodes.len())
        .filter(|&i| !nodes[i].boiler && (!use_class || !nodes[i].class_boiler))
        .max_by(|&a, &b| {
            nodes[a]
                .score
                .total_cmp(&nodes[b].score)
                .then(nodes[a].depth.cmp(&nodes[b].depth))
        })
        .filter(|&i| nodes[i].score > 0.0)
        .unwrap_or(0);
    // Prose outside the article (an unlabelled comment thread, a teaser) lifts its ancestors
    // above it: go down while one child holds nearly all of the prose.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        if let Some(p) = n.parent {
            children[p].push(i);
        }
    }
    // Teaser lists and comment threads are itemized: each bit of prose comes with a link title,
    // a user name or a date. Beside such siblings only, a child with less of the prose still
    // is the article.
    let itemized = |n: &Node| n.prose_blocks >= 2 && n.other_blocks >= 2 * n.prose_blocks;
    let mut best = best;
    loop {
        let total = nodes[best].prose;
        let by_prose = |&&a: &&usize, &&b: &&usize| nodes[a].prose.total_cmp(&nodes[b].prose);
        let Some(&top) = children[best].iter().max_by(by_prose) else {
            break;
        };
        // Beside itemized siblings only, the richest child that is not itself a list of items
        // is the article, however much prose the lists hold.
        let article = children[best]
            .iter()
            .copied()
            .filter(|&k| !itemized(&nodes[k]))
            .max_by(|a, b| nodes[*a].prose.total_cmp(&nodes[*b].prose))
            .filter(|&c| {
                let others = children[best]
                    .iter()
                    .filter(|&&k| k != c && nodes[k].prose > 0.0);
                // (A meta line with a colon is a little prose of its own: small siblings don't
                // count.)
                let loose: f64 = others
                    .clone()
                    .filter(|&&k| !itemized(&nodes[k]))
                    .map(|&k| nodes[k].prose)
                    .sum();
                total > 0.0
                    && nodes[c].prose >= ITEMS_SHARE * total
                    && nodes[c].prose >= ITEMS_MIN_PROSE
                    && others.clone().any(|&k| itemized(&nodes[k]))
                    && loose <= LOOSE_SHARE * total
            });
        if let Some(c) = article {
            best = c;
            continue;
        }
        // One long paragraph is not the article when short ones sit beside it.
        let whole =
            nodes[top].prose_blocks >= 2 || nodes[top].prose_blocks == nodes[best].prose_blocks;
        if total > 0.0 && nodes[top].prose >= DESCEND_SHARE * total && whole {
            best = top;
        } else {
            break;
        }
    }
    let inside = |mut n: usize| loop {
        if n == best {
            return true;
        }
        match nodes[n].parent {
            Some(p) => n = p,
            None => return false,
        }
    };

    let first_in = blocks
        .iter()
        .position(|b| inside(b.node) && !is_boiler(b) && !link_dense(b));
    // The headline: the nearest block before the content that the page's <title> repeats
    // (headings are often <h2>, <strong><font> or a bare <td>), else the nearest <h1>.
    let headline = title_headline(&page_title(html));
    let title = first_in.and_then(|f| {
        let candidate = |b: &Block| !is_boiler(b) && !link_dense(b) && b.chars <= 80;
        blocks[f.saturating_sub(TITLE_REACH)..f]
            .iter()
            .rposition(|b| candidate(b) && repeats_headline(b, &headline))
            .map(|i| i + f.saturating_sub(TITLE_REACH))
            .or_else(|| blocks[..f].iter().rposition(|b| b.h1 && candidate(b)))
            .or_else(|| {
                blocks[f.saturating_sub(TITLE_REACH)..f]
                    .iter()
                    .rposition(|b| b.titled && candidate(b) && b.chars >= 5 && !b.punctuated)
                    .map(|i| i + f.saturating_sub(TITLE_REACH))
            })
    });

    let mut out = Extracted::default();
    for (i, b) in blocks.iter().enumerate() {
        let keep = Some(i) == title || (inside(b.node) && !is_boiler(b) && !link_dense(b));
        if keep {
            if !out.text.is_empty() {
                out.text.push('\n');
            }
            out.text.push_str(b.text.trim());
        } else {
            out.removed.push(RemovedLine {
                text: b.text.trim().to_string(),
                reason: reason::HTML_BOILERPLATE.to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("A&amp;B &lt;p&gt; &ldquo;工会&rdquo;&#8220;&#x4E2D;&nbsp;&bogus; & x"),
            "A&B <p> “工会”“中 &bogus; & x"
        );
    }

    #[test]
    fn main_content_wins_over_chrome() {
        let html = r#"<!DOCTYPE html><html><head><title>t</title><script>var a="<p>x</p>";</script></head>
<body><div class="nav"><a href="/">首页</a> <a href="/a">工作计划</a></div>
<div class="wrap"><div class="main"><h1>工会工作计划</h1><div class="info">时间：2024-11-18 来源：本站</div>
<div class="content"><p>一、推进社区工联会建设，将社区工联会打造成基层工会组织中心枢纽。</p>
<p>二、继续开展系列活动，包括户外拓展、健步行、插花班等多种项目。<!-- 广告 --></p><p>三、开展职工专题素质培训4场，预计覆盖职工500人。<span style="display:none">隐藏的干扰字</span></p>
<ul><li><a href="/1">高中工会工作计划</a></li><li><a href="/2">学校工会工作计划</a></li></ul></div></div>
<div class="side"><p>热门文章推荐，这里有很多文字，但是在侧栏里面。</p></div></div>
<div id="footer">版权所有 © 范文网 京ICP备12345号</div></body></html>"#;
        let e = extract(html);
        assert_eq!(
            e.text,
            "工会工作计划\n一、推进社区工联会建设，将社区工联会打造成基层工会组织中心枢纽。\n二、继续开展系列活动，包括户外拓展、健步行、插花班等多种项目。\n三、开展职工专题素质培训4场，预计覆盖职工500人。"
        );
        assert!(e.removed.iter().any(|r| r.text.contains("ICP")));
        // The meta line goes with the line rules.
        let c = crate::clean::clean(
            html,
            crate::clean::Format::Html,
            &crate::clean::chrome::ChromeSet::empty(),
        );
        assert!(c.cleaned.starts_with("工会工作计划\n一、"), "{}", c.cleaned);
    }

    #[test]
    fn unlabelled_comments_stay_out() {
        let para = "这是正文段落，内容很长很长，讲述工会工作的各项安排和具体措施，确保落实到位。";
        let body: String = (0..12).map(|i| format!("<p>{i}{para}</p>")).collect();
        let comments: String = (0..3).map(|i| format!("<div><b>网友{i}</b><p>评论内容写得很好，我们认真学习了，很有启发，支持！</p></div>")).collect();
        let html = format!("<html><body><div id=\"wrap\"><div id=\"a\"><h1>标题</h1>{body}</div><div id=\"b\">{comments}</div></div></body></html>");
        let e = extract(&html);
        assert!(e.text.starts_with("标题\n0这是正文"), "{}", e.text);
        assert!(!e.text.contains("评论内容"), "{}", e.text);
    }

    #[test]
    fn headline_named_by_the_page_title() {
        let para = "这是正文段落，内容很长，讲述城市更新工作的各项安排和具体措施，确保落实到位。";
        let body: String = (0..4).map(|i| format!("<p>{i}{para}</p>")).collect();
        let html = format!(
            "<html><head><title>全市城市更新工作会议召开_某某网</title></head><body>\
            <h1 class=\"logo\">某某网</h1><div class=\"list\"><h2>全市城市更新工作会议召开</h2>\
            <div class=\"txt\">{body}</div></div></body></html>"
        );
        let e = extract(&html);
        assert!(
            e.text.starts_with("全市城市更新工作会议召开\n0这是"),
            "{}",
            e.text
        );
        assert!(!e.text.contains("某某网"), "{}", e.text);
    }

    #[test]
    fn short_article_beside_longer_comment_list() {
        let long = "评论内容写得很长很长，我们认真学习了会议精神，很有启发，希望继续加大投入力度，让老百姓得到更多实惠，支持！";
        let items: String = (0..6)
            .map(|i| format!("<li><p><a href=\"/u/{i}\">网友{i}</a></p><p>{long}</p><p>2026-01-1{i} 10:20</p></li>"))
            .collect();
        let html = format!("<html><body><div id=\"wrap\"><div class=\"art\"><h1>通知</h1><div class=\"t\">\
            <p>关于开展春节走访慰问活动的通知，请各单位认真组织实施，确保慰问资金及时足额发放到位。</p>\
            <p>特此通知。</p></div></div><div class=\"msg\"><ul>{items}</ul></div></div></body></html>");
        let e = extract(&html);
        assert!(e.text.contains("特此通知"), "{}", e.text);
        assert!(!e.text.contains("评论内容"), "{}", e.text);
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in [
            "<",
            "<p",
            "<a href='x>t",
            "</div></div>text",
            "<script>never closed",
            "&#xFFFFFFFF; &#0; &#128;",
            "<p>a<p>b<li>c",
            "<<>>",
        ] {
            let _ = extract(s);
        }
        assert_eq!(extract("<p>a<p>b").text, "a\nb");
    }
}
