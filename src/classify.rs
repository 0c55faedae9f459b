//! Plan / summary / mixed classification from explainable cues.
//!
//! Interface used by the pipeline: [`classify_article`], [`classify_text`]; [`cue_scores`]
//! exposes the evidence.
//!
//! Every piece of text is scored on two axes, matched on the analysis view (simplified):
//! - **forward** (a plan): modal and intention words (将/要/拟/力争/确保/争取/计划), future time
//!   (明年/下一步/下半年/今后/未来), targets (目标/预期, figures qualified by 左右/以上/不少于/
//!   控制在), and the imperative task verbs of plans (推进/加快/深化/健全…, weak: summaries
//!   use them too);
//! - **backward** (a summary): aspect and completion (了/已/已经/完成/取得/圆满), retrospective
//!   time (过去一年/一年来/今年以来/去年/上半年), results (成效/成绩/首次/累计/荣获/被评为/
//!   入选/位居), comparisons that only a result has (同比/比上年/较上年/增至), and achieved
//!   figures (a number after 达到/增长/突破/超过/减少/新增… without a target qualifier), and
//!   clauses telling a result as "subject + adverb + verb" (`经济明显回升`, `就业保持稳定`).
//!   Reviews of national reports are worded like tasks (`坚持稳中求进…，经济明显回升。`):
//!   such result evidence cancels the forward weight of a task-like opening, and a numbered
//!   lead sentence alone on its line is a heading and no evidence either way. The numbered
//!   items after a line announcing targets (`要努力实现以下目标任务：`) are targets worded as
//!   outcomes (`一是…明显提升`): their result evidence counts forward.
//!
//! Weights are small integers chosen on the provincial government work reports of 2026
//! (review sections vs. task sections) and the template-site seeds; neutral compounds
//! (主要/重要/需要/为了/了解…) are matched first so that their 要 or 了 does not count.
//! Titles and headings are deliberately not read. A piece of text is `mixed` when its
//! paragraphs split into a substantial backward block and a substantial forward block; an
//! article with top-level sections is `mixed` when its sections form a review block followed
//! by a plan block (each at least a fifth of the article), else it takes the lean of its
//! cues. A section with little evidence of its own, or a weak lean, follows its article;
//! glossary entries (after `名词解释`, or defining a term) are `other`.
//!
//! Measured on the corpus (tests/classify_paragraphs.rs, tests/structure_labels.rs): 0.918
//! of 1828 single paragraphs of the 31 provincial reports, 0.964 of 197 hand-labelled
//! articles and top-level sections; on the national/party-congress set
//! (tests/structure_heldout.rs) 0.974 of 38 top-level sections and 0.955 of 44 paragraphs.

use crate::report::{Kind, Section};
use std::sync::OnceLock;

/// Evidence gathered from a piece of text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CueScores {
    /// Weighted forward-looking cues (plan).
    pub forward: f64,
    /// Weighted backward-looking cues (summary).
    pub backward: f64,
}

impl CueScores {
    fn add(&mut self, o: CueScores) {
        self.forward += o.forward;
        self.backward += o.backward;
    }

    fn total(&self) -> f64 {
        self.forward + self.backward
    }

    /// Plan or summary by the balance of cues; `Other` without any cue.
    fn lean(&self) -> (Kind, f64) {
        let t = self.total();
        if t < MIN_EVIDENCE {
            return (Kind::Other, 0.0);
        }
        let margin = (self.forward - self.backward) / t;
        let kind = if margin >= 0.0 {
            Kind::Plan
        } else {
            Kind::Summary
        };
        // Confidence grows with the margin and with the amount of evidence.
        let score = 0.5 + 0.5 * margin.abs() * (t / (t + 2.0));
        (kind, round3(score))
    }
}

/// Less evidence than this is no evidence.
const MIN_EVIDENCE: f64 = 0.25;
/// A part is substantial for `mixed` when it holds at least this share of the text.
const MIXED_SHARE: f64 = 0.3;

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// (cue, forward weight, backward weight). Neutral entries (0, 0) shadow the words they
/// contain because matching is leftmost-longest.
const CUES: &[(&str, f64, f64)] = &[
    // neutral compounds
    ("主要", 0.0, 0.0),
    ("重要", 0.0, 0.0),
    ("需要", 0.0, 0.0),
    ("要求", 0.0, 0.0),
    ("只要", 0.0, 0.0),
    ("必要", 0.0, 0.0),
    ("要素", 0.0, 0.0),
    ("纲要", 0.0, 0.0),
    ("要点", 0.0, 0.0),
    ("摘要", 0.0, 0.0),
    ("首要", 0.0, 0.0),
    ("要害", 0.0, 0.0),
    ("为了", 0.0, 0.0),
    ("了解", 0.0, 0.0),
    ("除了", 0.0, 0.0),
    ("不了", 0.0, 0.0),
    ("了不起", 0.0, 0.0),
    ("将近", 0.0, 0.0),
    ("将其", 0.0, 0.0),
    ("为确保", 0.0, 0.0),
    ("计划生育", 0.0, 0.0),
    ("计划单列", 0.0, 0.0),
    ("年初计划", 0.0, 0.5),
    ("工作计划", 0.0, 0.0),
    ("目标任务", 0.5, 0.0),
    ("取得新", 0.0, 0.0),
    ("目标是", 2.0, 0.0),
    ("关键时期", 1.5, 0.0),
    ("窗口期", 1.0, 0.0),
    ("让我们", 2.0, 0.0),
    ("坚定不移", 1.0, 0.0),
    ("继续", 0.5, 0.0),
    // forward: intention and modality
    ("将", 1.5, 0.0),
    ("即将", 1.0, 0.0),
    ("要", 1.5, 0.0),
    ("拟", 2.0, 0.0),
    ("力争", 3.0, 0.0),
    ("确保", 1.5, 0.0),
    ("争取", 1.5, 0.0),
    ("计划", 1.0, 0.0),
    ("打算", 3.0, 0.0),
    ("努力", 0.5, 0.0),
    ("着力", 1.0, 0.0),
    ("务必", 1.5, 0.0),
    ("必须", 1.0, 0.0),
    ("应当", 1.0, 0.0),
    ("更加", 0.8, 0.0),
    ("更大", 0.8, 0.0),
    ("更好", 0.8, 0.0),
    ("更高", 0.8, 0.0),
    ("更多", 0.5, 0.0),
    ("进一步", 0.5, 0.0),
    // forward: time
    ("明年", 3.0, 0.0),
    ("下一步", 3.0, 0.0),
    ("下步", 3.0, 0.0),
    ("下半年", 2.0, 0.0),
    ("今后", 2.0, 0.0),
    ("未来", 1.0, 0.0),
    ("展望", 2.0, 0.0),
    ("开局之年", 2.0, 0.0),
    ("开局", 1.0, 0.0),
    ("到2030年", 2.0, 0.0),
    ("到2035年", 2.0, 0.0),
    // forward: targets
    ("目标", 1.0, 0.0),
    ("预期", 1.5, 0.0),
    ("左右", 1.0, 0.0),
    ("不少于", 1.5, 0.0),
    ("不低于", 1.5, 0.0),
    ("控制在", 1.5, 0.0),
    ("以内", 0.5, 0.0),
    ("安排", 0.5, 0.0),
    ("部署", 0.3, 0.0),
    // forward (weak): task verbs of plans
    ("推进", 0.3, 0.0),
    ("推动", 0.3, 0.0),
    ("加快", 0.5, 0.0),
    ("深化", 0.3, 0.0),
    ("健全", 0.3, 0.0),
    ("完善", 0.3, 0.0),
    ("强化", 0.3, 0.0),
    ("实施", 0.3, 0.0),
    ("促进", 0.3, 0.0),
    ("支持", 0.2, 0.0),
    ("加强", 0.3, 0.0),
    ("落实", 0.2, 0.0),
    ("坚持", 0.3, 0.0),
    ("加大", 0.3, 0.0),
    ("持续", 0.2, 0.0),
    ("积极", 0.2, 0.0),
    ("扎实", 0.2, 0.0),
    ("提升", 0.2, 0.0),
    ("优化", 0.3, 0.0),
    ("培育", 0.3, 0.0),
    ("打造", 0.3, 0.0),
    ("建设", 0.1, 0.0),
    ("开展", 0.1, 0.0),
    ("做好", 0.4, 0.0),
    ("抓好", 0.4, 0.0),
    ("办好", 0.4, 0.0),
    // backward: aspect and completion
    ("了", 0.0, 3.0),
    ("已", 0.0, 2.0),
    ("已经", 0.0, 2.0),
    ("完成", 0.0, 1.0),
    ("取得", 0.0, 1.5),
    ("实现", 0.0, 0.5),
    ("圆满", 0.0, 2.0),
    ("顺利", 0.0, 1.0),
    ("成功", 0.0, 1.0),
    ("先后", 0.0, 1.5),
    ("共计", 0.0, 1.0),
    ("分别", 0.0, 0.3),
    // backward: time
    ("过去一年", 0.0, 3.0),
    ("过去的一年", 0.0, 3.0),
    ("过去五年", 0.0, 3.0),
    ("一年来", 0.0, 3.0),
    ("五年来", 0.0, 3.0),
    ("年以来", 0.0, 2.0),
    ("以来", 0.0, 1.0),
    ("年来", 0.0, 2.0),
    ("截至", 0.0, 1.5),
    ("截止", 0.0, 1.5),
    ("目前", 0.0, 0.5),
    ("年初", 0.0, 0.8),
    ("去年", 0.0, 1.5),
    ("上年", 0.0, 1.0),
    ("上半年", 0.0, 1.5),
    ("回顾", 0.0, 2.0),
    ("这五年", 0.0, 2.0),
    ("期间", 0.0, 0.3),
    // backward: results
    ("成效", 0.0, 1.0),
    ("成绩", 0.0, 1.5),
    ("成果", 0.0, 0.8),
    ("首次", 0.0, 1.5),
    ("首个", 0.0, 1.0),
    ("累计", 0.0, 1.5),
    ("荣获", 0.0, 2.0),
    ("获评", 0.0, 2.0),
    ("被评为", 0.0, 2.0),
    ("评为", 0.0, 1.0),
    ("入选", 0.0, 1.5),
    ("位居", 0.0, 1.5),
    ("居全国", 0.0, 1.5),
    ("稳居", 0.0, 1.5),
    ("获得", 0.0, 0.8),
    ("获批", 0.0, 1.5),
    ("建成", 0.0, 0.5),
    ("投运", 0.0, 0.8),
    ("启用", 0.0, 0.8),
    ("落地", 0.0, 0.5),
    ("显著", 0.0, 0.8),
    ("明显", 0.0, 0.5),
    ("有效", 0.0, 0.3),
    ("不断", 0.0, 0.3),
    ("持续向好", 0.0, 1.0),
    ("稳中有进", 0.0, 1.0),
    // backward: comparisons only a result has
    ("同比", 0.0, 2.0),
    ("比上年", 0.0, 2.0),
    ("较上年", 0.0, 2.0),
    ("增至", 0.0, 2.0),
    ("提高到", 0.0, 1.0),
    ("达到", 0.0, 0.8),
    ("突破", 0.0, 0.8),
    ("超过", 0.0, 0.5),
    ("增长", 0.0, 0.3),
    ("下降", 0.0, 0.3),
    ("均衡", 0.0, 0.0),
    // backward: the lessons and shortfalls that close a review
    ("清醒认识到", 0.0, 3.0),
    ("清醒看到", 0.0, 3.0),
    ("认识到", 0.0, 1.0),
    ("启示", 0.0, 2.0),
    ("体会", 0.0, 1.5),
    ("根本在于", 0.0, 2.0),
    ("差距", 0.0, 1.0),
    ("历程", 0.0, 1.0),
    ("收官", 0.0, 1.5),
    ("出台", 0.0, 0.8),
    ("推出", 0.0, 0.8),
    ("新开工", 0.0, 0.8),
    ("启动", 0.0, 0.3),
];

/// The cue list indexed by first char, each bucket longest pattern first, so that one
/// left-to-right pass finds the leftmost-longest cue at each position (a neutral compound
/// like 主要 shadows the 要 it contains). Cues are dense in this text (将/要/了 …), where a
/// direct index beats restarting an automaton at every match.
struct Matcher {
    /// (first char, indices into [`CUES`]), sorted by char.
    buckets: Vec<(char, Vec<usize>)>,
    /// Bucket index + 1 for every char below [`INDEXED`] (0: no cue starts with it).
    index: Vec<u16>,
}

/// Chars below this get an O(1) bucket lookup (all cues start with a BMP hanzi).
const INDEXED: usize = 0xA000;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let mut buckets: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, (pat, _, _)) in CUES.iter().enumerate() {
            let Some(c) = pat.chars().next() else {
                continue;
            };
            match buckets.iter_mut().find(|b| b.0 == c) {
                Some(b) => b.1.push(i),
                None => buckets.push((c, vec![i])),
            }
        }
        for b in &mut buckets {
            b.1.sort_by_key(|&i| std::cmp::Reverse(CUES[i].0.len()));
        }
        buckets.sort_by_key(|b| b.0);
        let mut index = vec![0u16; INDEXED];
        for (k, b) in buckets.iter().enumerate() {
            // The scan decodes three-byte chars only (every cue starts with one).
            if b.0.len_utf8() == 3 {
                if let Some(slot) = index.get_mut(b.0 as usize) {
                    *slot = (k + 1) as u16;
                }
            }
        }
        Matcher { buckets, index }
    })
}

/// Weighted cue counts of a piece of analysis-view text, figures included.
pub fn cue_scores(analysis: &str) -> CueScores {
    let m = matcher();
    let mut sc = CueScores::default();
    // Bytes, not chars: every cue starts with a three-byte char (a BMP hanzi), so only the
    // lead bytes 0xE0..=0xEF need decoding, and a hit skips the whole cue.
    let b = analysis.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if !(0xE0..=0xEF).contains(&x) {
            i += 1;
            continue;
        }
        let (Some(&x1), Some(&x2)) = (b.get(i + 1), b.get(i + 2)) else {
            break;
        };
        let c =
            (usize::from(x & 0x0F) << 12) | (usize::from(x1 & 0x3F) << 6) | usize::from(x2 & 0x3F);
        let k = match m.index.get(c) {
            Some(&0) | None => {
                i += 3;
                continue;
            }
            Some(&k) => k as usize - 1,
        };
        // The first char matched through the index; compare the remaining bytes only.
        let rest = b.get(i + 3..).unwrap_or(&[]);
        let hit = m.buckets.get(k).and_then(|bucket| {
            bucket.1.iter().find(|&&p| {
                let tail = CUES[p].0.as_bytes().get(3..).unwrap_or(&[]);
                // Byte by byte: tails are a few bytes, shorter than a call to memcmp.
                tail.len() <= rest.len() && tail.iter().zip(rest).all(|(a, b)| a == b)
            })
        });
        match hit {
            Some(&p) => {
                let (pat, f, bw) = CUES[p];
                sc.forward += f;
                sc.backward += bw;
                i += pat.len();
            }
            None => i += 3,
        }
    }
    for para in analysis.lines() {
        let mut p = CueScores::default();
        figure_cues(para, &mut p);
        result_clause_cues(para, &mut p);
        // A paragraph that reports results (figures achieved, "subject + verb" results) is
        // a review even when it opens like a task (`坚持稳中求进…，经济明显回升。`).
        let reports_results = p.backward >= 1.5;
        lead_sentence_cues(para, &mut p, reports_results);
        sc.add(p);
    }
    sc
}

/// Predicates that close a clause telling a result (`经济明显回升`, `就业保持稳定`): the
/// lead-sentence endings plus movements and completions that reviews report.
const CLAUSE_RESULT_ENDINGS: &[&str] = &[
    "回升",
    "下降",
    "减少",
    "终结",
    "完成",
    "稳定",
    "改善",
    "提振",
    "推进",
    "提升",
    "增强",
    "巩固发展",
    "建立起来",
    "好转",
    "增加",
    "上升",
    "扭转",
    "缓解",
    "基本实现",
    "落地见效",
];

/// The result endings keyed by their last char, sorted, for one lookup per clause.
fn result_endings_by_last_char() -> &'static [(char, &'static str)] {
    static E: OnceLock<Vec<(char, &'static str)>> = OnceLock::new();
    E.get_or_init(|| {
        let mut v: Vec<(char, &'static str)> = CLAUSE_RESULT_ENDINGS
            .iter()
            .chain(RESULT_ENDINGS)
            .filter_map(|w| w.chars().next_back().map(|c| (c, *w)))
            .collect();
        // Longest first within a char, as the list order did before.
        v.sort_by_key(|e| (e.0, std::cmp::Reverse(e.1.len())));
        v
    })
}

/// Words that open a clause which is not a result: purpose and framing (`使…`, `把…`,
/// `以…`), where the verb that ends it is the aim.
const NON_RESULT_OPENINGS: &[&str] = &[
    "使", "让", "把", "以", "为", "在", "推动", "促进", "实现", "确保", "保持", "按", "协同",
    "一体", "分类", "精准", "力促", "——",
];

/// Words that make a clause a target or a wish, not a result told.
const NON_RESULT_WORDS: &[&str] = &[
    "要",
    "将",
    "必须",
    "拟",
    "应",
    "力争",
    "争取",
    "确保",
    "再",
    "更",
    "进一步",
    "以上",
    "左右",
    "、",
];

/// A clause of a review tells a result as "subject + adverb + verb" with no modal word
/// (`国家战略科技力量建设加快推进`, `社会信心有效提振`), while a task is "verb + object".
/// Each such clause of a paragraph counts backward; imperative reviews of national reports
/// (`坚持稳中求进…，经济明显回升。`) carry no 了 or 已 and are told apart by these.
fn result_clause_cues(para: &str, sc: &mut CueScores) {
    let body = strip_marker(para.trim_start());
    let mut n = 0u32;
    let ends = result_endings_by_last_char();
    for clause in Clauses(body) {
        let c = clause.trim();
        // 4..=24 chars; cheap byte bounds first, the exact count only on a hit.
        if c.len() < 4 || c.len() > 96 {
            continue;
        }
        let Some(last) = c.chars().next_back() else {
            continue;
        };
        let lo = ends.partition_point(|e| e.0 < last);
        let Some(end) = ends[lo..]
            .iter()
            .take_while(|e| e.0 == last)
            .map(|e| e.1)
            .find(|w| c.ends_with(w))
        else {
            continue;
        };
        let len = c.chars().count();
        // A subject must precede the predicate.
        if !(4..=24).contains(&len) || len < end.chars().count() + 2 {
            continue;
        }
        if opens_with(c, task_openings())
            || NON_RESULT_OPENINGS.iter().any(|w| c.starts_with(w))
            || NON_RESULT_WORDS.iter().any(|w| c.contains(w))
        {
            continue;
        }
        n += 1;
    }
    // Targets are told as states to reach (`主要目标是:…显著增强`).
    if n > 0 && !body.contains("目标") {
        sc.backward += 1.0 * f64::from(n.min(3));
    }
}

/// The clauses of a paragraph: the text between `，` `,` `；` `;` `。` (as `str::split` with
/// those chars, less the empty clause after a trailing separator: no empty clause counts),
/// found by bytes rather than by decoding every char.
struct Clauses<'a>(&'a str);

impl<'a> Iterator for Clauses<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.0;
        if s.is_empty() {
            return None;
        }
        let b = s.as_bytes();
        let mut i = 0;
        // Char by char through the lead bytes (a hanzi is one step, not three).
        while let Some(&x) = b.get(i) {
            let (sep, width) = match x {
                b',' | b';' => (true, 1),
                0x00..=0x7F => (false, 1),
                0xEF => (matches!(b.get(i + 1..i + 3), Some([0xBC, 0x8C | 0x9B])), 3),
                0xE3 => (matches!(b.get(i + 1..i + 3), Some([0x80, 0x82])), 3),
                0xE0..=0xEF => (false, 3),
                0xF0..=0xFF => (false, 4),
                _ => (false, 2),
            };
            if sep {
                let clause = s.get(..i).unwrap_or("");
                self.0 = s.get(i + width..).unwrap_or("");
                return Some(clause);
            }
            i += width;
        }
        self.0 = "";
        Some(s)
    }
}

/// Whether `text` starts with one of `words`, given as [`by_first_char`] made them.
fn opens_with(text: &str, words: &[(char, &str)]) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let lo = words.partition_point(|w| w.0 < first);
    words[lo..]
        .iter()
        .take_while(|w| w.0 == first)
        .any(|w| text.starts_with(w.1))
}

/// Words keyed by their first char, sorted, so a test of openings is one binary search and
/// a few comparisons instead of one comparison per word.
fn by_first_char(words: &[&'static str]) -> Vec<(char, &'static str)> {
    let mut v: Vec<(char, &'static str)> = words
        .iter()
        .filter_map(|w| w.chars().next().map(|c| (c, *w)))
        .collect();
    v.sort();
    v
}

fn task_openings() -> &'static [(char, &'static str)] {
    static T: OnceLock<Vec<(char, &'static str)>> = OnceLock::new();
    T.get_or_init(|| by_first_char(TASK_OPENINGS))
}

/// Predicates that close the lead sentence of a review paragraph: results are told as
/// "subject + adverb + verb" (`城市更新扎实开展。`, `依法行政深入推进。`), while a task of a
/// plan is "verb + object" (`加快建设现代化产业体系。`).
const RESULT_ENDINGS: &[&str] = &[
    "推进", "深化", "提升", "加强", "增强", "优化", "见效", "开展", "凸显", "显现", "完善", "加快",
    "改善", "提高", "巩固", "扩大", "落实", "突破", "进展", "成效", "提质", "增效", "向好", "稳定",
    "有力", "有效", "扎实", "明显", "显著", "加速", "拓展", "壮大", "跃升", "彰显", "改进", "夯实",
    "健全", "领先", "焕新", "新高", "进步", "增长", "丰硕", "迈进", "发展", "加力", "提速", "有序",
    "向新", "向优", "出新",
];

/// Verbs that open the lead sentence of a task.
const TASK_OPENINGS: &[&str] = &[
    "加快",
    "推进",
    "推动",
    "深化",
    "实施",
    "健全",
    "完善",
    "强化",
    "促进",
    "支持",
    "加强",
    "坚持",
    "提升",
    "优化",
    "培育",
    "打造",
    "扩大",
    "积极",
    "大力",
    "全面",
    "持续",
    "深入",
    "着力",
    "做好",
    "抓好",
    "统筹",
    "扎实",
    "更好",
    "更大",
    "进一步",
    "不断",
    "坚决",
    "切实",
    "全力",
    "稳步",
    "有序",
    "聚焦",
    "筑牢",
    "巩固",
    "防范",
    "建设",
    "构建",
    "发展",
    "落实",
    "提高",
    "用好",
    "抓实",
    "提振",
    "激发",
    "增强",
    "加大",
    "加力",
    "保障",
    "守牢",
    "营造",
    "塑造",
    "建立",
    "稳定",
    "力争",
    "确保",
];

/// The lead sentence of a paragraph (up to 。, at most 30 chars), after an enumeration
/// marker, tells a result or announces a task.
fn lead_sentence_cues(para: &str, sc: &mut CueScores, reports_results: bool) {
    let p = para.trim_start();
    let bare = strip_marker(p);
    // A numbered lead sentence alone on its line is a heading: reviews word their headings
    // as tasks too (`（一）加大宏观调控力度，推动经济持续回升向好。`), so it is no evidence.
    if bare.len() < p.len()
        && bare
            .find('。')
            .is_none_or(|e| bare[e..].chars().nth(1).is_none())
    {
        return;
    }
    let p = bare;
    let opens_task = opens_with(p, task_openings());
    let lead = p
        .find('。')
        .map(|e| &p[..e])
        .filter(|l| (4..=30).contains(&l.chars().count()));
    let ends_result = lead.is_some_and(|l| RESULT_ENDINGS.iter().any(|w| l.ends_with(w)));
    // Searched only when it decides: most paragraphs open with no task verb.
    let told_done = || reports_results || p.contains('了') || p.contains('已');
    if ends_result && !opens_task {
        sc.backward += 2.5;
    } else if opens_task && !ends_result && !told_done() {
        sc.forward += 2.0;
    }
}

/// `（一）`, `一是`, `1.`, `一、` … at the start of a paragraph.
fn strip_marker(p: &str) -> &str {
    let mut it = p.char_indices();
    let Some((_, c0)) = it.next() else { return p };
    if c0 == '(' {
        if let Some(i) = p.find(')') {
            if i <= 12 {
                return &p[i + 1..];
            }
        }
        return p;
    }
    for (i, c) in p.char_indices().take(5) {
        if i == 0 {
            continue;
        }
        if matches!(c, '、' | '.' | '是') {
            let head = &p[..i];
            if head
                .chars()
                .all(|h| h.is_ascii_digit() || "一二三四五六七八九十".contains(h))
            {
                return &p[i + c.len_utf8()..];
            }
            break;
        }
    }
    p
}

/// Figures: a number followed by a target qualifier (左右/以上/以内) counts forward; a
/// number with a rate or total right after an achievement verb counts backward.
fn figure_cues(text: &str, sc: &mut CueScores) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
            i += 1;
        }
        let before = &text[floor_boundary(text, start.saturating_sub(18))..start];
        // `减税降费约1.3万亿元`: an approximation word does not part a verb from its figure.
        let before = before
            .strip_suffix('约')
            .or_else(|| before.strip_suffix('近'))
            .unwrap_or(before);
        let after = &text[i..ceil_boundary(text, (i + 15).min(b.len()))];
        // A day of a month (`4月9日`) dates something that happened: plans name months.
        if after.starts_with('日')
            && before.ends_with('月')
            && before
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit())
        {
            sc.backward += 1.0;
            continue;
        }
        let target = after.contains("左右")
            || after.contains("以上")
            || before.ends_with("不少于")
            || before.contains("力争");
        if target {
            sc.forward += 0.5;
        } else if before.ends_with("再提高") || before.ends_with("再增加") || before.contains("拟")
        {
            // `再提高20元`, `拟发行…`: a figure still to come.
            sc.forward += 0.5;
        } else if before.ends_with("增长")
            || before.ends_with("达")
            || before.ends_with("达到")
            || after.starts_with("%,")
        {
            sc.backward += 0.4;
        } else if ACHIEVED_VERBS.iter().any(|w| before.ends_with(w)) {
            // A change told with its exact size (`减少1386万`, `新开通60万个`) happened.
            sc.backward += 0.8;
        }
    }
}

/// Verbs that, right before an unqualified figure, report a change that happened.
const ACHIEVED_VERBS: &[&str] = &[
    "减少",
    "增加",
    "新增",
    "新建",
    "削减",
    "压缩",
    "下降",
    "提高",
    "突破",
    "超过",
    "开通",
    "通车里程",
    "减税降费",
    "减税降费约",
    "累计",
    "搬迁",
    "公路",
];

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Classifies a piece of analysis-view text (an article, a section or a paragraph).
///
/// Each paragraph (line) leans plan or summary by its cues; the text is `mixed` when at
/// least two paragraphs lean each way, both leans hold at least [`MIXED_SHARE`] of the
/// evidence-bearing text and they form two blocks (a review then a plan, or the reverse).
/// Otherwise it takes the lean of all its cues together. A single paragraph is never mixed.
pub fn classify_text(analysis: &str) -> (Kind, f64) {
    decide(&paragraph_scores(analysis))
}

/// Cue scores and length (chars) of one paragraph.
#[derive(Debug, Clone, Copy)]
struct Para {
    sc: CueScores,
    chars: usize,
}

/// Scores every non-blank line of `text` once.
///
/// The numbered items of a list of targets (`要努力实现以下目标任务：` then `一是…明显提升。
/// …年均增长5%以上…`) are targets worded as their outcomes: their result evidence counts
/// forward. A list of targets is announced by a line ending in a colon that names targets
/// (目标) and leans forward itself, so that `主要目标任务圆满完成：` opens a review's list.
fn paragraph_scores(text: &str) -> Vec<Para> {
    let mut targets = false;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut sc = cue_scores(l);
            let t = l.trim();
            if targets && strip_marker(t).len() < t.len() {
                sc = CueScores {
                    forward: sc.forward + sc.backward,
                    backward: 0.0,
                };
            } else {
                targets = announces_targets(t, &sc);
            }
            Para {
                sc,
                chars: l.chars().count(),
            }
        })
        .collect()
}

/// Whether `line` (scored `sc`) announces a list of targets: it ends in a colon, names
/// targets and leans forward.
fn announces_targets(line: &str, sc: &CueScores) -> bool {
    (line.ends_with('：') || line.ends_with(':'))
        && line.contains("目标")
        && sc.forward > sc.backward
}

fn total_scores(paras: &[Para]) -> CueScores {
    let mut all = CueScores::default();
    for p in paras {
        all.add(p.sc);
    }
    all
}

/// The decision of [`classify_text`] from paragraph scores.
fn decide(paras: &[Para]) -> (Kind, f64) {
    let (kind, score) = total_scores(paras).lean();
    if paras.len() < 2 || kind == Kind::Other {
        return (kind, score);
    }
    let leans: Vec<(Kind, usize)> = paras
        .iter()
        .map(|p| (p.sc.lean().0, p.chars))
        .filter(|(k, _)| matches!(k, Kind::Plan | Kind::Summary))
        .collect();
    let count = |k: Kind| leans.iter().filter(|x| x.0 == k).count();
    let chars = |k: Kind| {
        leans
            .iter()
            .filter(|x| x.0 == k)
            .map(|x| x.1)
            .sum::<usize>() as f64
    };
    let t = (chars(Kind::Plan) + chars(Kind::Summary)).max(1.0);
    let (p, s) = (chars(Kind::Plan) / t, chars(Kind::Summary) / t);
    // One stray paragraph either way does not make a review-and-plan.
    let both = count(Kind::Plan) >= 2 && count(Kind::Summary) >= 2;
    if both && p >= MIXED_SHARE && s >= MIXED_SHARE && best_split_agreement(&leans) >= 0.85 {
        return (Kind::Mixed, round3(0.5 + p.min(s)));
    }
    (kind, score)
}

/// True when the parts (kind, chars) form a review block followed by a plan block. Reports
/// review before they plan (`总结及计划`, 政府工作报告); a plan-like section opening a
/// review is a review's first item worded as a task, not a plan.
fn parts_are_ordered(parts: &[(Kind, usize)]) -> bool {
    let leans: Vec<(Kind, usize)> = parts
        .iter()
        .copied()
        .filter(|p| matches!(p.0, Kind::Plan | Kind::Summary))
        .collect();
    split_agreement(&leans, &[(Kind::Summary, Kind::Plan)]) >= 0.85
}

/// Share of chars agreeing with the best "one kind before, the other after" split.
fn best_split_agreement(leans: &[(Kind, usize)]) -> f64 {
    split_agreement(
        leans,
        &[(Kind::Summary, Kind::Plan), (Kind::Plan, Kind::Summary)],
    )
}

/// Share of chars agreeing with the best split in one of the given orders.
fn split_agreement(leans: &[(Kind, usize)], orders: &[(Kind, Kind)]) -> f64 {
    let total: usize = leans.iter().map(|x| x.1).sum();
    if total == 0 {
        return 0.0;
    }
    let mut best = 0usize;
    for &order in orders {
        let mut agree_after: usize = leans.iter().filter(|x| x.0 == order.1).map(|x| x.1).sum();
        let mut agree_before = 0usize;
        best = best.max(agree_after);
        for &(k, n) in leans {
            if k == order.0 {
                agree_before += n;
            } else {
                agree_after -= n;
            }
            best = best.max(agree_before + agree_after);
        }
    }
    best as f64 / total as f64
}

/// Classifies an article and labels its top-level sections (`kind` of level-1 sections).
/// `analysis` is the whole document's analysis view; `span` and section offsets are char
/// offsets.
///
/// With level-1 sections, the article is `mixed` when sections (and the intro before the
/// first one) leaning back and leaning forward each hold at least a fifth of the article;
/// otherwise it is classed from its whole text.
pub fn classify_article(analysis: &str, span: [usize; 2], sections: &mut [Section]) -> (Kind, f64) {
    let span = [span[0], span[1].max(span[0])];
    let offsets = char_to_byte(analysis, span, sections);
    let slice = |a: usize, b: usize| -> &str {
        let (ba, bb) = (byte_at(&offsets, a), byte_at(&offsets, b));
        analysis.get(ba..bb).unwrap_or("")
    };
    let whole = slice(span[0], span[1]);
    let tops: Vec<usize> = (0..sections.len())
        .filter(|&i| sections[i].level == 1)
        .collect();
    if tops.is_empty() {
        return classify_text(whole);
    }
    let first = sections[tops[0]].offset.clamp(span[0], span[1]);
    let intro = paragraph_scores(slice(span[0], first));
    let glossary_from = glossary_start(whole).map(|c| span[0] + c);
    // Each part is scored once: (section index or None for the intro, paragraphs, chars,
    // forced kind).
    let mut scored: Vec<ScoredPart> = vec![(None, intro, first - span[0], None)];
    for (k, &i) in tops.iter().enumerate() {
        let a = sections[i].offset.clamp(span[0], span[1]);
        let b = tops
            .get(k + 1)
            .map_or(span[1], |&j| sections[j].offset.clamp(a, span[1]));
        if glossary_from.is_some_and(|g| a >= g) {
            scored.push((Some(i), Vec::new(), b - a, Some(Kind::Other)));
            continue;
        }
        // The heading itself is not evidence: headings of reviews and of plans are worded
        // alike (`加强组织领导`), and a title must not decide the kind.
        let head = sections[i].marker.chars().count() + sections[i].title.chars().count();
        let text = slice_chars(slice(a, b), head);
        let forced = is_definition(text).then_some(Kind::Other);
        scored.push((Some(i), paragraph_scores(text), b - a, forced));
    }
    let mut all = CueScores::default();
    for (_, paras, _, _) in &scored {
        all.add(total_scores(paras));
    }
    let article_lean = all.lean();
    let mut parts: Vec<(Kind, usize)> = Vec::with_capacity(scored.len());
    for (idx, paras, len, forced) in &scored {
        let kind = match (idx, forced) {
            (_, Some(k)) => *k,
            (None, None) => match decide(paras).0 {
                Kind::Mixed => total_scores(paras).lean().0,
                k => k,
            },
            (Some(_), None) => {
                // A section with too little evidence of its own, or leaning only slightly,
                // follows its article.
                let sc = total_scores(paras);
                let margin = (sc.forward - sc.backward).abs() / sc.total().max(1e-9);
                if sc.total() < SECTION_EVIDENCE
                    || (margin < SECTION_MARGIN && article_lean.0 != Kind::Other)
                {
                    article_lean.0
                } else {
                    decide(paras).0
                }
            }
        };
        if let Some(i) = idx {
            sections[*i].kind = Some(kind);
        }
        parts.push((kind, *len));
    }
    let total: usize = parts
        .iter()
        .filter(|p| p.0 != Kind::Other)
        .map(|p| p.1)
        .sum::<usize>()
        .max(1);
    let share = |want: Kind| {
        let full: usize = parts.iter().filter(|p| p.0 == want).map(|p| p.1).sum();
        let half: usize = parts
            .iter()
            .filter(|p| p.0 == Kind::Mixed)
            .map(|p| p.1)
            .sum();
        (full as f64 + half as f64 / 2.0) / total as f64
    };
    let (ps, ss) = (share(Kind::Plan), share(Kind::Summary));
    if ps >= ARTICLE_MIXED_SHARE && ss >= ARTICLE_MIXED_SHARE && parts_are_ordered(&parts) {
        return (Kind::Mixed, round3(0.5 + ps.min(ss)));
    }
    article_lean
}

/// A part of an article: its section (None for the intro), paragraphs, chars, forced kind.
type ScoredPart = (Option<usize>, Vec<Para>, usize, Option<Kind>);

/// A glossary entry (`“两新”：是指…`, `…的简称`) explains a term: neither plan nor summary.
fn is_definition(text: &str) -> bool {
    if text.chars().take(600).count() >= 600 {
        return false;
    }
    let head: String = text.chars().take(80).collect();
    ["是指", "的简称", "指的是", ":指", "的统称"]
        .iter()
        .any(|w| head.contains(w))
}

/// Char offset (in `text`) of a glossary appendix heading (`名词解释` alone on a line):
/// the entries after it explain terms and are classed `other`.
fn glossary_start(text: &str) -> Option<usize> {
    if !text.contains("注释") && !text.contains("名词解释") {
        return None;
    }
    let mut chars = 0usize;
    for line in text.split('\n') {
        let t = line.trim();
        if matches!(
            t,
            "名词解释" | "名词注释" | "注释" | "名词解释:" | "附:名词解释"
        ) {
            return Some(chars);
        }
        chars += line.chars().count() + 1;
    }
    None
}

/// Lean (|forward − backward| / total) below which a section is labelled like its article.
const SECTION_MARGIN: f64 = 0.3;

/// Cue weight below which a section is labelled like its article.
const SECTION_EVIDENCE: f64 = 3.0;
/// Share of an article that its review part and its plan part must each reach for the
/// article to be `mixed` (a summary closing with a few lines of next steps stays a summary).
const ARTICLE_MIXED_SHARE: f64 = 0.2;

/// `text` without its first `n` chars.
fn slice_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((b, _)) => &text[b..],
        None => "",
    }
}

/// Byte offsets of the char offsets the article needs (span ends and section offsets).
fn char_to_byte(text: &str, span: [usize; 2], sections: &[Section]) -> Vec<(usize, usize)> {
    let mut want: Vec<usize> = sections.iter().map(|s| s.offset).collect();
    want.push(span[0]);
    want.push(span[1]);
    want.sort_unstable();
    want.dedup();
    let b = text.as_bytes();
    // A char starts at every byte that is not a UTF-8 continuation byte; whole blocks of
    // bytes are skipped by counting those starts (a loop the compiler vectorises) rather than
    // decoding every char up to the article.
    let starts = |x: &[u8]| x.iter().filter(|&&c| (c as i8) >= -0x40).count();
    const BLOCK: usize = 256;
    let (mut bi, mut ci) = (0usize, 0usize);
    let mut out = Vec::with_capacity(want.len());
    for &c in &want {
        while let Some(block) = b.get(bi..bi + BLOCK) {
            let n = starts(block);
            if ci + n > c {
                break;
            }
            ci += n;
            bi += BLOCK;
        }
        // Invariant: `ci` chars start before byte `bi`.
        let mut at = text.len();
        while let Some(&x) = b.get(bi) {
            if (x as i8) >= -0x40 {
                if ci == c {
                    at = bi;
                    break;
                }
                ci += 1;
            }
            bi += 1;
        }
        out.push((c, at));
    }
    out
}

fn byte_at(map: &[(usize, usize)], c: usize) -> usize {
    match map.binary_search_by(|x| x.0.cmp(&c)) {
        Ok(i) => map[i].1,
        Err(i) => map
            .get(i)
            .map_or_else(|| map.last().map_or(0, |x| x.1), |x| x.1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_of_a_target_list_count_forward() {
        let goals = "今后五年,要努力实现以下目标任务:\n一是高质量发展水平明显提升。地区生产总值年均增长5%以上。\n二是人民生活品质明显提升。人均预期寿命达到78岁。";
        assert_eq!(classify_text(goals).0, Kind::Plan);
        let items = paragraph_scores(goals);
        assert!(items[1..]
            .iter()
            .all(|p| p.sc.backward == 0.0 && p.sc.forward > 0.0));
        // A review's list of targets met is not one.
        let review = "过去一年,主要目标任务圆满完成:\n一是经济运行明显回升。地区生产总值增长5.6%。\n二是民生保障明显改善。城镇新增就业32万人。";
        assert_eq!(classify_text(review).0, Kind::Summary);
        // Nor are the paragraphs after the list.
        let after = format!("{goals}\n全省经济总量突破1万亿元,人民生活明显改善。");
        let scores = paragraph_scores(&after);
        assert!(scores[3].sc.backward > 0.0);
    }

    #[test]
    fn every_cue_starts_with_a_three_byte_char() {
        // The byte scan of `cue_scores` decodes three-byte chars only.
        for (pat, _, _) in CUES {
            assert_eq!(pat.chars().next().map(char::len_utf8), Some(3), "{pat}");
        }
    }

    #[test]
    fn char_to_byte_matches_char_indices() {
        let text: String = "ab一二，c😀é\n计划。".repeat(60);
        let n = text.chars().count();
        let want: Vec<usize> = vec![0, 1, 5, 7, 250, 251, 600, n - 1, n, n + 3];
        let sections: Vec<Section> = want
            .iter()
            .map(|&o| Section {
                level: 1,
                marker: String::new(),
                ordinal: 1,
                title: String::new(),
                offset: o,
                kind: None,
            })
            .collect();
        let map = char_to_byte(&text, [2, 300], &sections);
        for (c, b) in map {
            let expect = text.char_indices().nth(c).map_or(text.len(), |x| x.0);
            assert_eq!(b, expect, "char {c}");
        }
    }

    #[test]
    fn clauses_split_like_str_split() {
        for t in ["a,b;c，d；e。f", "，,", "计划。", "", "无标点", "a,"] {
            let ours: Vec<&str> = Clauses(t).collect();
            let mut std: Vec<&str> = t.split(['，', ',', '；', ';', '。']).collect();
            if std.last() == Some(&"") {
                std.pop();
            }
            assert_eq!(ours, std, "{t}");
        }
    }

    #[test]
    fn imperative_reviews_told_by_results() {
        // Worded like tasks, but results follow: a review.
        assert_eq!(
            classify_text(
                "坚持稳中求进、以进促稳，实施一揽子增量政策，社会信心有效提振，经济明显回升。"
            )
            .0,
            Kind::Summary
        );
        assert_eq!(
            classify_text(
                "实施就业优先战略，重点群体就业保持稳定。城乡居民基础养老金最低标准提高20元。"
            )
            .0,
            Kind::Summary
        );
        // A task without 了/已 and without results stays a plan; targets are not results.
        assert_eq!(
            classify_text(
                "推动传统产业改造提升，培育壮大新兴产业和未来产业，加快制造业数字化转型。"
            )
            .0,
            Kind::Plan
        );
        assert_eq!(
            classify_text(
                "主要目标是：经济实力显著增强，科技创新能力显著提升，人民生活品质不断提高。"
            )
            .0,
            Kind::Plan
        );
    }

    #[test]
    fn single_paragraphs() {
        assert_eq!(
            classify_text("明年，我们将力争实现地区生产总值增长5%左右，确保完成目标任务。").0,
            Kind::Plan
        );
        assert_eq!(
            classify_text("过去一年，全镇新增就业5987人，圆满完成了各项工作任务，取得了显著成效。")
                .0,
            Kind::Summary
        );
        assert_eq!(
            classify_text("地区生产总值增长5.3%，规上工业企业利润同比增长6%，191家企业营业收入超百亿元，居全国首位。").0,
            Kind::Summary
        );
        assert_eq!(classify_text("加快建设现代化产业体系。实施新一轮重点产业链高质量发展行动，培育壮大先进制造业集群。").0, Kind::Plan);
        assert_eq!(classify_text("天气晴").0, Kind::Other);
    }

    #[test]
    fn neutral_compounds_do_not_count() {
        let s = cue_scores("主要任务和重要要求，为了了解情况");
        assert_eq!(s.forward, 0.0);
        assert_eq!(s.backward, 0.0);
    }

    #[test]
    fn review_then_plan_is_mixed() {
        let t = "一年来，我们完成了各项任务，取得了显著成绩，荣获先进单位。\n工会经费收缴率已经达到100%，圆满完成了全年目标。\n明年，我们将进一步加强建设，力争实现新突破。\n下一步要确保完成各项目标任务，着力抓好落实。";
        assert_eq!(classify_text(t).0, Kind::Mixed);
        // Alternating leans are not a review followed by a plan.
        assert_ne!(
            classify_text("完成了任务。\n将加强。\n完成了任务。\n将加强。\n完成了任务。\n将加强。")
                .0,
            Kind::Mixed
        );
    }

    #[test]
    fn article_with_sections() {
        let t = "总结\n一、回顾\n过去一年，我们完成了各项任务，取得了显著成绩。\n二、明年打算\n明年我们将力争实现新突破，确保完成目标。";
        let chars: Vec<char> = t.chars().collect();
        let off = |needle: &str| t.find(needle).map(|b| t[..b].chars().count()).unwrap_or(0);
        let mk = |o, n| Section {
            level: 1,
            marker: String::new(),
            ordinal: n,
            title: String::new(),
            offset: o,
            kind: None,
        };
        let mut secs = vec![mk(off("一、"), 1), mk(off("二、"), 2)];
        let (k, _) = classify_article(t, [0, chars.len()], &mut secs);
        assert_eq!(secs[0].kind, Some(Kind::Summary));
        assert_eq!(secs[1].kind, Some(Kind::Plan));
        assert_eq!(k, Kind::Mixed);
    }

    #[test]
    fn out_of_range_offsets_do_not_panic() {
        let mut secs = vec![Section {
            level: 1,
            marker: String::new(),
            ordinal: 1,
            title: String::new(),
            offset: 99,
            kind: None,
        }];
        let _ = classify_article("甲乙", [0, 50], &mut secs);
        let _ = classify_article("", [3, 1], &mut []);
    }
}
