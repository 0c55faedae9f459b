//! zhgen: realistic copied and uncopied report articles at any size, for the copies (dedup)
//! stage's quality and scale runs.
//!
//! `zhgen gen` learns a word-bigram model from the corpus (template-site pages and provincial
//! government reports) and writes articles on the same topics that share no long text by
//! construction, plus copies of earlier articles of every kind an inspector meets: page chrome
//! around, sentences replaced, numbers changed, paragraphs shuffled, traditional script with
//! pinyin notes and anti-copy marks, filled-in template placeholders, a third of one report
//! pasted into another, and templates copied by many units. It writes JSONL (`id`, `text`,
//! `date`) and a ground-truth JSONL of the copy relations with their expected shares.
//!
//! `zhgen eval` runs the dedup stage alone (prepare + add + finish) over such a file, with a
//! stand-in for the cleaning stage's dedup key, and prints timings, pair F1 and copy-share MAE.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;
use zhreport::dedup::{self, ArticleInput, Dedup};
use zhreport::report::DedupParams;

#[derive(Parser)]
#[command(about = "Generate and evaluate copied report articles for zhreport's dedup stage")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Write N articles (JSONL) and their copy relations (truth JSONL).
    Gen {
        /// Number of articles.
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        /// Output JSONL.
        #[arg(long)]
        out: PathBuf,
        /// Ground-truth JSONL.
        #[arg(long)]
        truth: PathBuf,
        /// Corpus directory (seeds/ and gov-reports-2026/).
        #[arg(long, default_value = "../shared/corpus")]
        corpus: PathBuf,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Run the dedup stage alone over a generated file and score it against the truth.
    Eval {
        /// Generated JSONL.
        input: PathBuf,
        /// Ground-truth JSONL.
        #[arg(long)]
        truth: Option<PathBuf>,
        /// Directory for the spool file.
        #[arg(long, default_value = "/tmp")]
        spool: PathBuf,
        /// Write duplicates.json here.
        #[arg(long)]
        dump: Option<PathBuf>,
    },
}

fn main() -> Result<()> {
    match Cli::parse().cmd {
        Cmd::Gen {
            articles,
            out,
            truth,
            corpus,
            seed,
        } => generate(articles, &out, &truth, &corpus, seed),
        Cmd::Eval {
            input,
            truth,
            spool,
            dump,
        } => evaluate(&input, truth.as_deref(), &spool, dump.as_deref()),
    }
}

/// splitmix64: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Word-bigram model over the corpus sentences.
struct Model {
    words: Vec<String>,
    next: Vec<Vec<u32>>,
    starts: Vec<u32>,
    trad: HashMap<char, char>,
}

const ENDS: &[&str] = &["。", "！", "？", "；"];

fn corpus_texts(dir: &std::path::Path) -> Result<Vec<String>> {
    let mut texts = Vec::new();
    let mut paths: Vec<PathBuf> = Vec::new();
    for sub in ["seeds", "gov-reports-2026"] {
        let d = dir.join(sub);
        for e in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            paths.push(e?.path());
        }
    }
    paths.sort();
    for p in paths {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "txt" {
            texts.push(std::fs::read_to_string(&p)?);
        } else if ext == "csv" {
            let mut r = csv::Reader::from_path(&p)?;
            let headers = r.headers()?.clone();
            let col = headers
                .iter()
                .position(|h| h == "full_text")
                .context("no full_text column")?;
            for rec in r.records() {
                if let Some(t) = rec?.get(col) {
                    texts.push(t.to_string());
                }
            }
        }
    }
    Ok(texts)
}

impl Model {
    fn learn(texts: &[String]) -> Model {
        let jieba = jieba_rs::Jieba::new();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut next: Vec<Vec<u32>> = Vec::new();
        let mut starts = Vec::new();
        let mut trad = HashMap::new();
        for t in texts {
            for c in t.chars() {
                let s = fast2s::convert(&c.to_string());
                let mut sc = s.chars();
                if let (Some(x), None) = (sc.next(), sc.next()) {
                    if x != c {
                        trad.entry(x).or_insert(c);
                    }
                }
            }
            let simp = fast2s::convert(t);
            for line in simp.lines() {
                let line = line.trim();
                // Sentences of body text only: page chrome lines are short.
                if line.chars().count() < 30 {
                    continue;
                }
                let mut prev: Option<u32> = None;
                for tok in jieba.cut(line, false) {
                    let w = tok.word.trim();
                    if w.is_empty() {
                        continue;
                    }
                    let id = *ids.entry(w.to_string()).or_insert_with(|| {
                        words.push(w.to_string());
                        next.push(Vec::new());
                        (words.len() - 1) as u32
                    });
                    match prev {
                        Some(p) => next[p as usize].push(id),
                        None => starts.push(id),
                    }
                    prev = if ENDS.contains(&w) { None } else { Some(id) };
                }
            }
        }
        Model {
            words,
            next,
            starts,
            trad,
        }
    }

    fn sentence(&self, rng: &mut Rng) -> String {
        let mut s = String::new();
        let mut w = self.starts[rng.below(self.starts.len())];
        for _ in 0..40 {
            let word = &self.words[w as usize];
            if ENDS.contains(&word.as_str()) {
                break;
            }
            s.push_str(word);
            let succ = &self.next[w as usize];
            // Mostly follow the bigrams, sometimes jump: keeps the local texture of the
            // reports without replaying long stretches of them in every article.
            w = if succ.is_empty() || rng.chance(0.2) {
                self.starts[rng.below(self.starts.len())]
            } else {
                succ[rng.below(succ.len())]
            };
        }
        s.push('。');
        s
    }

    fn paragraph(&self, rng: &mut Rng) -> Vec<String> {
        (0..2 + rng.below(4)).map(|_| self.sentence(rng)).collect()
    }

    fn article(&self, rng: &mut Rng) -> Vec<Vec<String>> {
        (0..2 + rng.below(6)).map(|_| self.paragraph(rng)).collect()
    }

    fn to_trad(&self, s: &str, rng: &mut Rng) -> String {
        const PINYIN: &[&str] = &[
            "(zhèn)", "(jīng)", "(huì)", "(fā)", "(xiàn)", "(gōng)", "(jì)", "(shì)",
        ];
        let mut out = String::with_capacity(s.len() * 2);
        for c in s.chars() {
            let t = self.trad.get(&c).copied().unwrap_or(c);
            out.push(t);
            if t != c && rng.chance(0.15) {
                out.push_str(PINYIN[rng.below(PINYIN.len())]);
            }
            if rng.chance(0.01) {
                out.push('\'');
            }
        }
        out
    }
}

/// Dedup-key length of a text, as the stand-in cleaning makes it.
fn key_len(s: &str) -> usize {
    key_of(s).0.chars().count()
}

fn render(title: &str, paras: &[Vec<String>]) -> String {
    let mut s = format!("{title}\n");
    for p in paras {
        s.push_str(&p.concat());
        s.push('\n');
    }
    s
}

const NUMERALS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八"];

fn title(m: &Model, rng: &mut Rng) -> String {
    const KINDS: &[&str] = &[
        "工作计划",
        "工作总结",
        "年终总结",
        "工作要点",
        "述职报告",
        "工作报告",
    ];
    const UNITS: &[&str] = &[
        "乡镇工会",
        "社区",
        "县财政局",
        "学校",
        "医院",
        "街道办",
        "公司工会",
        "税务所",
    ];
    let _ = m;
    format!(
        "20{}年{}{}",
        18 + rng.below(8),
        UNITS[rng.below(UNITS.len())],
        KINDS[rng.below(KINDS.len())]
    )
}

/// Numbered sections, as the reports have them.
fn sectioned(paras: &mut [Vec<String>]) {
    for (i, p) in paras.iter_mut().enumerate() {
        if let Some(first) = p.first_mut() {
            *first = format!("{}、{}", NUMERALS[i % NUMERALS.len()], first);
        }
    }
}

struct Doc {
    id: String,
    text: String,
    date: String,
}

struct Truth {
    a: String,
    b: String,
    kind: &'static str,
    a_in_b: f64,
    b_in_a: f64,
}

fn date_of(i: usize, n: usize) -> String {
    let day = i * 2000 / n.max(1);
    let (y, rest) = (2019 + day / 365, day % 365);
    format!("{y}-{:02}-{:02}", 1 + rest / 31 % 12, 1 + rest % 28)
}

fn fill_digits(s: &str, rng: &mut Rng) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from(b'0' + rng.below(10) as u8)
            } else {
                c
            }
        })
        .collect()
}

fn generate(
    n: usize,
    out: &std::path::Path,
    truth: &std::path::Path,
    corpus: &std::path::Path,
    seed: u64,
) -> Result<()> {
    let started = Instant::now();
    let model = Model::learn(&corpus_texts(corpus)?);
    eprintln!(
        "model: {} words, {} trad chars, {:.1}s",
        model.words.len(),
        model.trad.len(),
        started.elapsed().as_secs_f64()
    );
    let mut rng = Rng(seed);
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    let mut tw = BufWriter::new(std::fs::File::create(truth)?);
    // Templates from a template site, copied by many units.
    let n_templates = (n / 500).clamp(1, 20);
    let mut templates: Vec<(String, String, usize)> = Vec::new(); // (id, text, key len)
                                                                  // Recent originals that may still be copied: (id, title, paragraphs).
    let mut pool: Vec<(String, String, Vec<Vec<String>>)> = Vec::new();
    let mut bytes = 0usize;
    for i in 0..n {
        let id = format!("g{i:07}");
        let date = date_of(i, n);
        let mut truths: Vec<Truth> = Vec::new();
        let text;
        let roll = rng.below(100);
        if i < n_templates {
            let mut paras = model.article(&mut rng);
            sectioned(&mut paras);
            for p in paras.iter_mut() {
                if let Some(s) = p.first_mut() {
                    *s = format!("20xx年，XX单位{s}");
                }
            }
            text = render(&format!("{}（范文）", title(&model, &mut rng)), &paras);
            templates.push((id.clone(), text.clone(), key_len(&text)));
        } else if roll < 3 {
            // A unit's report filled in from a template.
            let t = rng.below(templates.len());
            let (tid, ttext, tlen) = &templates[t];
            let unit = ["华兴", "红旗", "东风", "新港"][rng.below(4)];
            let filled = ttext
                .replace("20xx", &format!("20{}", 18 + rng.below(8)))
                .replace("XX", unit);
            let own = model.paragraph(&mut rng).concat();
            text = format!("{filled}{own}\n");
            let copied = tlen.saturating_sub(2 * ttext.matches("XX").count()) as f64;
            truths.push(Truth {
                a: tid.clone(),
                b: id.clone(),
                kind: "template",
                a_in_b: copied / *tlen as f64,
                b_in_a: copied / key_len(&text) as f64,
            });
        } else if roll < 45 && !pool.is_empty() {
            let (sid, stitle, sparas) = pool.swap_remove(rng.below(pool.len()));
            let stext = render(&stitle, &sparas);
            let slen = key_len(&stext) as f64;
            let kind_roll = rng.below(7);
            let (t, kind, copied_src): (String, &'static str, f64) = match kind_roll {
                0 => {
                    let t = format!(
                        "首页 > 范文大全 > 工作计划\n{stext}相关推荐：\n上一篇：{}\n下一篇：{}\n",
                        title(&model, &mut rng),
                        title(&model, &mut rng)
                    );
                    (t, "chrome", slen)
                }
                1 => {
                    let mut paras = sparas.clone();
                    let mut replaced = 0usize;
                    for p in paras.iter_mut() {
                        for s in p.iter_mut() {
                            if rng.chance(0.25) {
                                replaced += key_len(s);
                                *s = model.sentence(&mut rng);
                            }
                        }
                    }
                    (render(&stitle, &paras), "replaced", slen - replaced as f64)
                }
                2 => (fill_digits(&stext, &mut rng), "numbers", slen),
                3 => {
                    let mut paras = sparas.clone();
                    for k in (1..paras.len()).rev() {
                        let j = rng.below(k + 1);
                        paras.swap(k, j);
                    }
                    (render(&stitle, &paras), "shuffled", slen)
                }
                4 => (model.to_trad(&stext, &mut rng), "traditional", slen),
                5 => {
                    // A third of the source inside another report.
                    let mut host = model.article(&mut rng);
                    let all: Vec<String> = sparas.concat();
                    let take = (all.len() / 3).max(1);
                    let from = rng.below(all.len() - take + 1);
                    let piece: Vec<String> = all[from..from + take].to_vec();
                    let copied = key_len(&piece.concat()) as f64;
                    let at = rng.below(host.len() + 1);
                    host.insert(at, piece);
                    (render(&title(&model, &mut rng), &host), "third", copied)
                }
                _ => {
                    let mut paras = sparas.clone();
                    sectioned(&mut paras);
                    let t = render(&stitle, &paras);
                    (
                        fill_digits(&model.to_trad(&t, &mut rng), &mut rng),
                        "mixed",
                        slen,
                    )
                }
            };
            let clen = key_len(&t) as f64;
            truths.push(Truth {
                a: sid,
                b: id.clone(),
                kind,
                a_in_b: copied_src / slen,
                b_in_a: copied_src / clen,
            });
            text = t;
        } else {
            let mut paras = model.article(&mut rng);
            if rng.chance(0.5) {
                sectioned(&mut paras);
            }
            let t = title(&model, &mut rng);
            text = render(&t, &paras);
            pool.push((id.clone(), t, paras));
            if pool.len() > 4000 {
                pool.swap_remove(rng.below(pool.len()));
            }
        }
        bytes += text.len();
        let d = Doc { id, text, date };
        serde_json::to_writer(
            &mut w,
            &serde_json::json!({"id": d.id, "text": d.text, "date": d.date}),
        )?;
        w.write_all(b"\n")?;
        for t in truths {
            serde_json::to_writer(
                &mut tw,
                &serde_json::json!({"a": t.a, "b": t.b, "kind": t.kind, "a_in_b": t.a_in_b.min(1.0), "b_in_a": t.b_in_a.min(1.0)}),
            )?;
            tw.write_all(b"\n")?;
        }
    }
    w.flush()?;
    tw.flush()?;
    eprintln!(
        "{n} articles, {:.1} MB of text, {:.1}s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Stand-in for the cleaning stage: pinyin notes dropped, traditional → simplified, the key of
/// hanzi, letters and digits with each char's offset in the text.
fn key_of(text: &str) -> (String, Vec<u32>) {
    let simp = fast2s::convert(text);
    let chars: Vec<char> = simp.chars().collect();
    let mut key = String::new();
    let mut map = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '(' {
            let mut j = i + 1;
            while j < chars.len() && j < i + 8 && chars[j].is_alphabetic() && !is_hanzi(chars[j]) {
                j += 1;
            }
            if j < chars.len() && chars[j] == ')' && j > i + 1 {
                i = j + 1;
                continue;
            }
        }
        if chars[i].is_alphanumeric() {
            key.push(chars[i]);
            map.push(i as u32);
        }
        i += 1;
    }
    (key, map)
}

fn is_hanzi(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn parse_date(s: &str) -> Option<u32> {
    let d: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    d.parse().ok().filter(|_| d.len() == 8)
}

fn evaluate(
    input: &std::path::Path,
    truth: Option<&std::path::Path>,
    spool: &std::path::Path,
    dump: Option<&std::path::Path>,
) -> Result<()> {
    let t0 = Instant::now();
    let mut d = Dedup::new(DedupParams::default(), spool)?;
    let reader = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(input)?);
    let mut ids: Vec<String> = Vec::new();
    let mut lines = reader.lines();
    let mut bytes = 0usize;
    // The stand-in cleaning (JSON, key) is timed apart: it is the pipeline's work, not the stage's.
    let (mut t_clean, mut t_prepare, mut t_add) = (0.0, 0.0, 0.0);
    loop {
        let mut chunk = Vec::with_capacity(8192);
        for l in lines.by_ref().take(8192) {
            chunk.push(l?);
        }
        if chunk.is_empty() {
            break;
        }
        let base = ids.len();
        bytes += chunk.iter().map(|l| l.len()).sum::<usize>();
        let t = Instant::now();
        let inputs: Vec<Result<(String, ArticleInput)>> = chunk
            .par_iter()
            .enumerate()
            .map(|(k, line)| {
                let v: serde_json::Value = serde_json::from_str(line)?;
                let id = v["id"].as_str().unwrap_or_default().to_string();
                let (key, key_map) = key_of(v["text"].as_str().unwrap_or_default());
                let date = v["date"].as_str().and_then(parse_date);
                let art = ArticleInput {
                    id: format!("{id}#1"),
                    doc_index: (base + k) as u32,
                    key,
                    key_map,
                    date,
                    reference: false,
                };
                Ok((id, art))
            })
            .collect();
        drop(chunk);
        let inputs: Vec<(String, ArticleInput)> = inputs.into_iter().collect::<Result<_>>()?;
        t_clean += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let prepared: Vec<(String, dedup::Prepared)> = inputs
            .into_par_iter()
            .map(|(id, a)| (id, dedup::prepare(a)))
            .collect();
        t_prepare += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for (id, p) in prepared {
            ids.push(id);
            d.add(p)?;
        }
        t_add += t.elapsed().as_secs_f64();
    }
    let t = Instant::now();
    let out = d.finish()?;
    let t_finish = t.elapsed().as_secs_f64();
    let t_all = t0.elapsed().as_secs_f64();
    let dup = &out.duplicates;
    if let Some(p) = dump {
        serde_json::to_writer_pretty(BufWriter::new(std::fs::File::create(p)?), dup)?;
    }
    eprintln!("{:?}", out.stats);
    println!(
        "{{\"articles\": {}, \"mb\": {:.1}, \"stand_in_clean_s\": {t_clean:.2}, \"prepare_s\": {t_prepare:.2}, \"add_s\": {t_add:.2}, \"finish_s\": {t_finish:.2}, \"stage_s\": {:.2}, \"total_s\": {t_all:.2}, \"pairs\": {}, \"clusters\": {}, \"common_passages\": {}}}",
        ids.len(),
        bytes as f64 / 1e6,
        t_prepare + t_add + t_finish,
        dup.pairs.len(),
        dup.clusters.len(),
        dup.common_passages.len()
    );
    let Some(truth) = truth else { return Ok(()) };
    score(&ids, &out, truth)
}

/// Pair F1 and copy-share MAE against the truth. Pairs between two copies of the same
/// template are true copies too but the truth lists only (template, copy): they are left out
/// of the score.
fn score(ids: &[String], out: &dedup::DedupOutput, truth: &std::path::Path) -> Result<()> {
    let index: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    let mut truth_pairs: HashSet<(usize, usize)> = HashSet::new();
    let mut expect_share = vec![0.0f64; ids.len()];
    let mut template_of: HashMap<usize, usize> = HashMap::new();
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut kinds: HashMap<(usize, usize), String> = HashMap::new();
    for l in std::io::BufReader::new(std::fs::File::open(truth)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&l?)?;
        let (Some(&a), Some(&b)) = (
            index.get(v["a"].as_str().unwrap_or("")),
            index.get(v["b"].as_str().unwrap_or("")),
        ) else {
            continue;
        };
        let (ab, ba) = (
            v["a_in_b"].as_f64().unwrap_or(0.0),
            v["b_in_a"].as_f64().unwrap_or(0.0),
        );
        let kind = v["kind"].as_str().unwrap_or("").to_string();
        if kind == "template" {
            template_of.insert(b, a);
            expect_share[a] = 1.0;
        } else {
            expect_share[a] = expect_share[a].max(ab);
        }
        expect_share[b] = expect_share[b].max(ba);
        if ab.max(ba) >= 0.3 {
            truth_pairs.insert((a, b));
            kinds.insert((a, b), kind);
        }
    }
    let strip = |s: &str| s.trim_end_matches("#1").to_string();
    let mut predicted: HashSet<(usize, usize)> = HashSet::new();
    for p in &out.duplicates.pairs {
        let (Some(&a), Some(&b)) = (
            index.get(strip(&p.a).as_str()),
            index.get(strip(&p.b).as_str()),
        ) else {
            continue;
        };
        if let (Some(x), Some(y)) = (template_of.get(&a), template_of.get(&b)) {
            if x == y {
                continue;
            }
        }
        predicted.insert((a, b));
    }
    let tp = predicted.intersection(&truth_pairs).count();
    for (pair, kind) in &kinds {
        let e = by_kind.entry(kind.clone()).or_default();
        e.1 += 1;
        if predicted.contains(pair) {
            e.0 += 1;
        }
    }
    let precision = tp as f64 / predicted.len().max(1) as f64;
    let recall = tp as f64 / truth_pairs.len().max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(1e-12);
    let mae: f64 = out
        .copies
        .iter()
        .zip(&expect_share)
        .map(|(c, e)| (c.share - e).abs())
        .sum::<f64>()
        / ids.len().max(1) as f64;
    let copied: Vec<usize> = (0..ids.len()).filter(|&i| expect_share[i] > 0.0).collect();
    let mae_copied: f64 = copied
        .iter()
        .map(|&i| (out.copies[i].share - expect_share[i]).abs())
        .sum::<f64>()
        / copied.len().max(1) as f64;
    println!(
        "{{\"truth_pairs\": {}, \"predicted\": {}, \"tp\": {tp}, \"precision\": {precision:.4}, \"recall\": {recall:.4}, \"f1\": {f1:.4}, \"share_mae\": {mae:.4}, \"share_mae_copied\": {mae_copied:.4}, \"recall_by_kind\": {}}}",
        truth_pairs.len(),
        predicted.len(),
        serde_json::to_string(&by_kind.iter().map(|(k, v)| (k.clone(), format!("{}/{}", v.0, v.1))).collect::<BTreeMap<_, _>>())?
    );
    Ok(())
}
