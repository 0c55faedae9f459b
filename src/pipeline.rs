//! The analyze pipeline: passes over the corpus, rayon over a bounded window of documents.
//!
//! 1. A cheap scan of every page's line hashes learns the corpus's site chrome.
//! 2. The per-document stages run in parallel over a window of documents; results come back in
//!    input order and go, one by one, to the sinks: the record is spooled to a temporary file,
//!    term counts feed the document frequencies, fingerprints feed the copy detector. Memory
//!    grows with the number of articles, not with the size of the text.
//! 3. The corpus stage: keywords against the corpus's document frequencies, copy detection.
//! 4. The final write: the spooled records, in input order, with keywords and copy evidence
//!    filled in. Every output file appears atomically (temporary name, then rename).
//!
//! Output bytes do not depend on the number of threads: every sink sees documents in input order.

use crate::clean::{self, chrome::ChromeLearner, chrome::ChromeSet, CleanText};
use crate::decode::{self, DecodeError, Decoded};
use crate::dedup::{self, ArticleInput, Dedup};
use crate::input::{DocItem, InputError, InputOptions, Inputs, Payload};
use crate::report::{
    Article, Copy, DedupParams, DocumentBody, DocumentRecord, EncodingSource, Removed, Status,
};
use crate::segment::{self, ArticleTerms, DocFreq, Segmenter};
use crate::{classify, figures, structure};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Everything `analyze` needs to know.
#[derive(Debug, Clone)]
pub struct Config {
    /// Files, directories or `-`.
    pub inputs: Vec<PathBuf>,
    /// Output directory.
    pub out: PathBuf,
    /// Put the cleaned text in documents.jsonl.
    pub with_text: bool,
    /// List every removed line in documents.jsonl.
    pub explain: bool,
    /// Worker threads (0 = all cores).
    pub threads: usize,
    /// How inputs are read.
    pub input: InputOptions,
    /// Forced encoding label (`--encoding`).
    pub encoding: Option<String>,
    /// Extra jieba dictionary.
    pub user_dict: Option<PathBuf>,
    /// Keywords per article.
    pub keywords: usize,
    /// Copy detection parameters.
    pub dedup: DedupParams,
    /// Directories or files of known template pages.
    pub reference: Vec<PathBuf>,
    /// Write a deduplicated JSONL corpus here.
    pub emit_dedup: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            inputs: Vec::new(),
            out: PathBuf::from("out"),
            with_text: false,
            explain: false,
            threads: 0,
            input: InputOptions::default(),
            encoding: None,
            user_dict: None,
            keywords: 10,
            dedup: DedupParams::default(),
            reference: Vec::new(),
            emit_dedup: None,
        }
    }
}

/// Errors that stop a run (per-document problems never do).
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The inputs could not be listed.
    #[error(transparent)]
    Input(#[from] InputError),
    /// `--encoding` named no known encoding.
    #[error("unknown encoding label '{0}'")]
    UnknownEncoding(String),
    /// The segmenter could not be built.
    #[error(transparent)]
    Segment(#[from] segment::SegmentError),
    /// The thread pool could not be built.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
    /// Writing an output or spool file failed.
    #[error("{what} {path}: {source}")]
    Io {
        /// What was being done.
        what: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
}

fn io_err<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> PipelineError + 'a {
    move |source| PipelineError::Io {
        what,
        path: path.to_path_buf(),
        source,
    }
}

/// Progress callbacks (the CLI draws a bar; tests pass [`NoProgress`]).
pub trait Progress: Sync {
    /// A pass started.
    fn pass(&self, name: &str);
    /// `documents` more documents of `bytes` bytes were processed in the current pass.
    fn advance(&self, documents: u64, bytes: u64);
    /// The run is over.
    fn finish(&self);
}

/// Progress that reports nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn pass(&self, _: &str) {}
    fn advance(&self, _: u64, _: u64) {}
    fn finish(&self) {}
}

/// What a run did, for the human summary and the exit code.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    /// Output schema version.
    pub schema: u32,
    /// Documents read.
    pub documents: usize,
    /// Documents per status.
    pub by_status: BTreeMap<String, usize>,
    /// Ok documents per encoding.
    pub by_encoding: BTreeMap<String, usize>,
    /// Ok documents per script.
    pub by_script: BTreeMap<String, usize>,
    /// Articles found.
    pub articles: usize,
    /// Articles per kind.
    pub by_kind: BTreeMap<String, usize>,
    /// Figures per kind.
    pub figures_by_kind: BTreeMap<String, usize>,
    /// Terms found in most articles, with their article counts.
    pub top_keywords: Vec<(String, u32)>,
    /// Near-duplicate clusters.
    pub clusters: usize,
    /// Articles whose copy share reaches min_share.
    pub copied_articles: usize,
    /// Bytes of the documents read.
    pub bytes: u64,
    /// Wall time of the run.
    pub seconds: f64,
    /// Throughput in MB (10^6 bytes) per second.
    pub mb_per_s: f64,
    /// Wall time of each pass in seconds (scan, analyse, copies, write), for tuning.
    pub pass_seconds: BTreeMap<String, f64>,
}

impl Summary {
    fn new() -> Self {
        Summary {
            schema: 1,
            documents: 0,
            by_status: BTreeMap::new(),
            by_encoding: BTreeMap::new(),
            by_script: BTreeMap::new(),
            articles: 0,
            by_kind: BTreeMap::new(),
            figures_by_kind: BTreeMap::new(),
            top_keywords: Vec::new(),
            clusters: 0,
            copied_articles: 0,
            bytes: 0,
            seconds: 0.0,
            mb_per_s: 0.0,
            pass_seconds: BTreeMap::new(),
        }
    }

    /// Documents with status "error".
    pub fn errors(&self) -> usize {
        self.by_status.get("error").copied().unwrap_or(0)
    }

    fn count(&mut self, record: &DocumentRecord) {
        self.documents += 1;
        *self
            .by_status
            .entry(record.status.as_str().to_string())
            .or_insert(0) += 1;
        self.bytes += record.bytes.unwrap_or(0);
        if let Some(body) = &record.body {
            *self.by_encoding.entry(body.encoding.clone()).or_insert(0) += 1;
            *self
                .by_script
                .entry(body.script.as_str().to_string())
                .or_insert(0) += 1;
            self.articles += body.articles.len();
            for a in &body.articles {
                *self.by_kind.entry(a.kind.as_str().to_string()).or_insert(0) += 1;
                for f in &a.figures {
                    *self.figures_by_kind.entry(f.kind.clone()).or_insert(0) += 1;
                }
            }
        }
    }
}

/// Shared, read-only state of the per-document pass.
pub struct Context {
    forced: Option<&'static encoding_rs::Encoding>,
    segmenter: Segmenter,
    chrome: ChromeSet,
}

impl Context {
    /// Builds the context of a run: forced encoding and segmenter; no site chrome yet.
    pub fn new(encoding: Option<&str>, user_dict: Option<&Path>) -> Result<Self, PipelineError> {
        let forced = match encoding {
            Some(label) => Some(
                decode::encoding_for_label(label)
                    .ok_or_else(|| PipelineError::UnknownEncoding(label.to_string()))?,
            ),
            None => None,
        };
        Ok(Context {
            forced,
            segmenter: Segmenter::new(user_dict)?,
            chrome: ChromeSet::empty(),
        })
    }
}

/// Decodes a document's payload. `Err` carries the status and reason of a refused document.
/// Takes the payload out of the item (a record's text is moved, not copied).
fn decode_item(item: &mut DocItem, ctx: &Context) -> Result<Decoded, (Status, String)> {
    match &mut item.payload {
        Payload::Failed { status, reason } => Err((*status, reason.clone())),
        Payload::Text { text, encoding } => {
            if text.trim().is_empty() {
                return Err((Status::Skipped, DecodeError::Empty.to_string()));
            }
            Ok(Decoded {
                decode_errors: text.matches('\u{FFFD}').count(),
                text: std::mem::take(text),
                encoding,
                source: EncodingSource::Detected,
                confident: true,
                declared_mismatch: None,
            })
        }
        Payload::Bytes(bytes) => {
            decode::decode(bytes, ctx.forced).map_err(|e| (Status::Skipped, e.to_string()))
        }
    }
}

/// A document after the per-document stages, before the corpus stage.
pub struct Processed {
    /// The record, with keywords and copy evidence still empty.
    pub record: DocumentRecord,
    /// The cleaned text (spooled for `--with-text` and `--emit-dedup`).
    pub cleaned: Option<String>,
    /// Term counts per article.
    pub terms: Vec<ArticleTerms>,
    /// Copy-detection input per article.
    pub prepared: Vec<dedup::Prepared>,
}

fn failed_record(item: &DocItem, status: Status, reason: String) -> DocumentRecord {
    DocumentRecord {
        id: item.id.clone(),
        status,
        reason: Some(reason),
        bytes: item.bytes,
        reference: item.reference,
        body: None,
    }
}

/// Byte offset of every char of `s`, plus `s.len()` at the end.
fn char_boundaries(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    v.push(s.len());
    v
}

/// The keys chars of an article: those whose cleaned offset lies in `span`.
fn key_range(ct: &CleanText, span: [usize; 2]) -> std::ops::Range<usize> {
    let lo = ct.key_map.partition_point(|&o| (o as usize) < span[0]);
    let hi = ct.key_map.partition_point(|&o| (o as usize) < span[1]);
    lo..hi
}

/// Runs every per-document stage on one document.
pub fn process_document(mut item: DocItem, doc_index: u32, ctx: &Context) -> Processed {
    let decoded = match decode_item(&mut item, ctx) {
        Ok(d) => d,
        Err((status, reason)) => {
            return Processed {
                record: failed_record(&item, status, reason),
                cleaned: None,
                terms: Vec::new(),
                prepared: Vec::new(),
            }
        }
    };
    let date = document_date(&item.meta, &decoded.text);
    let format = clean::detect_format(&decoded.text);
    let ct = clean::clean(&decoded.text, format, &ctx.chrome);
    let page = structure::analyze(&ct.cleaned, &ct.analysis);
    let bounds = char_boundaries(&ct.analysis);
    let key_bounds = char_boundaries(&ct.key);
    let fig_doc = figures::Document::new(&ct.cleaned, &ct.analysis);
    let mut articles = Vec::with_capacity(page.articles.len());
    let mut terms = Vec::with_capacity(page.articles.len());
    let mut prepared = Vec::with_capacity(page.articles.len());
    for (n, art) in page.articles.into_iter().enumerate() {
        let span = [
            art.span[0].min(bounds.len() - 1),
            art.span[1].min(bounds.len() - 1),
        ];
        let span = [span[0].min(span[1]), span[1]];
        let mut sections = art.sections;
        let (kind, kind_score) = classify::classify_article(&ct.analysis, span, &mut sections);
        let (figs, placeholders) = fig_doc.extract(span);
        let analysis_span = &ct.analysis[bounds[span[0]]..bounds[span[1]]];
        let article_terms = ctx.segmenter.terms(analysis_span);
        let id = format!("{}#{}", item.id, n + 1);
        let kr = key_range(&ct, span);
        prepared.push(dedup::prepare(ArticleInput {
            id: id.clone(),
            doc_index,
            key: ct.key[key_bounds[kr.start]..key_bounds[kr.end]].to_string(),
            key_map: ct.key_map[kr].to_vec(),
            date,
            reference: item.reference,
        }));
        articles.push(Article {
            id,
            title: art.title,
            span,
            kind,
            kind_score,
            chars: span[1] - span[0],
            tokens: article_terms.tokens,
            keywords: Vec::new(),
            sections,
            figures: figs,
            placeholders,
            copy: Copy::default(),
        });
        terms.push(article_terms);
    }
    let mut removed = Removed {
        lines: ct.removed.len(),
        ..Default::default()
    };
    for r in &ct.removed {
        removed.chars += r.text.chars().count();
        *removed.by_reason.entry(r.reason.clone()).or_insert(0) += 1;
    }
    removed.lines_detail = Some(ct.removed);
    let chars = bounds.len() - 1;
    let record = DocumentRecord {
        id: item.id,
        status: Status::Ok,
        reason: decoded
            .declared_mismatch
            .as_ref()
            .map(|d| format!("declared charset {d} contradicted by the bytes")),
        bytes: item.bytes,
        reference: item.reference,
        body: Some(DocumentBody {
            meta: item.meta,
            encoding: decoded.encoding.to_string(),
            encoding_source: decoded.source,
            confident: decoded.confident,
            declared_encoding: decoded.declared_mismatch,
            decode_errors: decoded.decode_errors,
            script: ct.script,
            title: page.title,
            chars,
            removed,
            mojibake: ct.mojibake,
            articles,
            text: None,
        }),
    };
    Processed {
        record,
        cleaned: Some(ct.cleaned),
        terms,
        prepared,
    }
}

/// Meta fields that may carry a publication date, in order of preference.
const DATE_FIELDS: [&str; 8] = [
    "publish_date",
    "date",
    "pubdate",
    "published",
    "time",
    "发布时间",
    "日期",
    "时间",
];

/// Publication date (yyyymmdd) from the record's meta, else from a date near the top of the page
/// (template sites print `時間:2024-11-18 18:00:07` under the title).
pub fn document_date(meta: &BTreeMap<String, String>, text: &str) -> Option<u32> {
    for f in DATE_FIELDS {
        if let Some(d) = meta.get(f).and_then(|v| parse_date(v)) {
            return Some(d);
        }
    }
    let head: String = text.chars().take(1500).collect();
    parse_date(&head)
}

/// The first full date (year, month, day) in `s`, as yyyymmdd.
fn parse_date(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    let digits = |from: usize, max: usize| -> (u32, usize) {
        let mut v = 0u32;
        let mut n = 0;
        while from + n < chars.len() && n < max {
            match chars[from + n].to_digit(10) {
                Some(d) => v = v * 10 + d,
                None => break,
            }
            n += 1;
        }
        (v, n)
    };
    let mut i = 0;
    while i + 8 <= chars.len() {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        let (y, ny) = digits(i, 4);
        if ny == 4 && (1949..=2100).contains(&y) {
            let sep = chars.get(i + 4).copied();
            if matches!(sep, Some('-' | '/' | '.' | '年')) {
                let (m, nm) = digits(i + 5, 2);
                let sep2 = chars.get(i + 5 + nm).copied();
                if nm > 0 && (1..=12).contains(&m) && matches!(sep2, Some('-' | '/' | '.' | '月'))
                {
                    let (d, nd) = digits(i + 6 + nm, 2);
                    if nd > 0 && (1..=31).contains(&d) {
                        return Some(y * 10000 + m * 100 + d);
                    }
                }
            }
        }
        i += 1;
    }
    None
}

/// Documents gathered for one parallel step: at most this many …
const WINDOW_DOCS: usize = 256;
/// … or this many bytes.
const WINDOW_BYTES: u64 = 32 << 20;

/// Pulls the next window of documents from the input stream.
fn next_window(docs: &mut impl Iterator<Item = DocItem>) -> Vec<DocItem> {
    let mut window = Vec::new();
    let mut bytes = 0u64;
    for item in docs.by_ref() {
        bytes += item.bytes.unwrap_or(0);
        window.push(item);
        if window.len() >= WINDOW_DOCS || bytes >= WINDOW_BYTES {
            break;
        }
    }
    window
}

fn window_bytes(window: &[DocItem]) -> u64 {
    window.iter().map(|d| d.bytes.unwrap_or(0)).sum()
}

/// Windows read ahead by a thread of their own, so reading and parsing the input (JSON
/// records, CSV, files) overlaps the parallel stages instead of idling the pool.
fn read_ahead<'scope, 'env>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    inputs: &'env Inputs,
) -> std::sync::mpsc::Receiver<Vec<DocItem>> {
    let (tx, rx) = std::sync::mpsc::sync_channel(2);
    scope.spawn(move || {
        let mut docs = inputs.documents();
        loop {
            let window = next_window(&mut docs);
            // An empty window ends the input; a closed receiver ends the run early.
            if window.is_empty() || tx.send(window).is_err() {
                break;
            }
        }
    });
    rx
}

/// A pipeline thread panicked: reported as an error, never a silent partial output.
fn thread_panicked(what: &'static str, out: &Path) -> PipelineError {
    PipelineError::Io {
        what,
        path: out.to_path_buf(),
        source: io::Error::other("a pipeline thread panicked"),
    }
}

/// Pass 1: learns the corpus's site chrome from line hashes.
fn learn_chrome(
    inputs: &Inputs,
    ctx: &Context,
    pool: &rayon::ThreadPool,
    progress: &dyn Progress,
) -> ChromeSet {
    progress.pass("scanning lines");
    let mut learner = ChromeLearner::new();
    std::thread::scope(|scope| {
        for window in read_ahead(scope, inputs) {
            let bytes = window_bytes(&window);
            let n = window.len() as u64;
            let hashes: Vec<Option<Vec<u64>>> = pool.install(|| {
                window
                    .par_iter()
                    .map(|item| {
                        let decoded;
                        let text = match &item.payload {
                            Payload::Text { text, .. } => text.as_str(),
                            Payload::Bytes(bytes) => {
                                decoded = decode::decode(bytes, ctx.forced).ok()?;
                                decoded.text.as_str()
                            }
                            Payload::Failed { .. } => return None,
                        };
                        let format = clean::detect_format(text);
                        Some(clean::chrome::page_line_hashes(text, format))
                    })
                    .collect()
            });
            for h in hashes.iter().flatten() {
                learner.observe(h);
            }
            progress.advance(n, bytes);
        }
    });
    learner.finish()
}

/// The spooled form of a document: the record plus what the final write needs.
#[derive(serde::Serialize, serde::Deserialize)]
struct Spooled {
    record: DocumentRecord,
    #[serde(default)]
    cleaned: Option<String>,
}

/// Runs `analyze`: reads the inputs, writes OUT/documents.jsonl, duplicates.json, summary.json.
pub fn analyze(config: &Config, progress: &dyn Progress) -> Result<Summary, PipelineError> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .map_err(|e| PipelineError::Threads(e.to_string()))?;
    std::fs::create_dir_all(&config.out).map_err(io_err("cannot create", &config.out))?;
    let inputs = Inputs::new(&config.inputs, &config.reference, config.input.clone())?;
    let mut ctx = Context::new(config.encoding.as_deref(), config.user_dict.as_deref())?;

    let mut pass_started = Instant::now();
    let mut pass_times = BTreeMap::new();
    let mut lap = |name: &str| {
        pass_times.insert(name.to_string(), pass_started.elapsed().as_secs_f64());
        pass_started = Instant::now();
    };
    ctx.chrome = learn_chrome(&inputs, &ctx, &pool, progress);
    lap("1-scan");

    // Pass 2: per-document stages, spooled in input order.
    progress.pass("analysing");
    let spool_dir = tempfile::Builder::new()
        .prefix(".zhreport-spool")
        .tempdir_in(&config.out)
        .map_err(io_err("cannot create spool in", &config.out))?;
    let spool_path = spool_dir.path().join("documents.spool");
    let mut spool =
        BufWriter::new(File::create(&spool_path).map_err(io_err("cannot create", &spool_path))?);
    let mut summary = Summary::new();
    let mut df = DocFreq::default();
    let mut all_terms: Vec<ArticleTerms> = Vec::new();
    let mut dedup = Dedup::new(config.dedup, spool_dir.path())
        .map_err(io_err("cannot start copy detection in", spool_dir.path()))?;
    // Three stages overlap: a reader thread parses windows ahead, the pool runs the
    // per-document stages on one window, a sink thread folds the previous window's results
    // into the corpus state and the spool. Channels keep the input order.
    let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<(Vec<Processed>, u64, u64)>(2);
    let sink_result = std::thread::scope(|scope| {
        let sink = scope.spawn(|| -> Result<(), PipelineError> {
            for (processed, n, bytes) in done_rx {
                for p in processed {
                    summary.count(&p.record);
                    for mut t in p.terms {
                        df.absorb(&mut t);
                        all_terms.push(t);
                    }
                    for prep in p.prepared {
                        dedup
                            .add(prep)
                            .map_err(io_err("copy detection spool in", spool_dir.path()))?;
                    }
                    let mut record = p.record;
                    if !config.explain {
                        if let Some(body) = &mut record.body {
                            body.removed.lines_detail = None;
                        }
                    }
                    let spooled = Spooled {
                        record,
                        // The text is spooled only when the final write needs it.
                        cleaned: if config.with_text || config.emit_dedup.is_some() {
                            p.cleaned
                        } else {
                            None
                        },
                    };
                    serde_json::to_writer(&mut spool, &spooled)
                        .map_err(io::Error::from)
                        .and_then(|_| spool.write_all(b"\n"))
                        .map_err(io_err("cannot write", &spool_path))?;
                }
                progress.advance(n, bytes);
            }
            Ok(())
        });
        let mut doc_index: u32 = 0;
        for window in read_ahead(scope, &inputs) {
            let bytes = window_bytes(&window);
            let n = window.len() as u64;
            let first = doc_index;
            doc_index = doc_index.saturating_add(window.len() as u32);
            let processed: Vec<Processed> = pool.install(|| {
                window
                    .into_par_iter()
                    .enumerate()
                    .map(|(i, d)| process_document(d, first + i as u32, &ctx))
                    .collect()
            });
            // A closed channel means the sink failed: stop reading, report its error.
            if done_tx.send((processed, n, bytes)).is_err() {
                break;
            }
        }
        drop(done_tx);
        sink.join()
    });
    sink_result.map_err(|_| thread_panicked("analysing into", &config.out))??;
    spool.flush().map_err(io_err("cannot write", &spool_path))?;
    drop(spool);

    // Pass 3: the corpus stage.
    lap("2-analyse");
    progress.pass("finding copies");
    let copies = pool
        .install(|| dedup.finish())
        .map_err(io_err("copy detection in", spool_dir.path()))?;
    summary.clusters = copies.duplicates.clusters.len();
    summary.copied_articles = copies
        .copies
        .iter()
        .filter(|c| c.share >= config.dedup.min_share)
        .count();

    // Pass 4: the final write.
    lap("3-copies");
    progress.pass("writing");
    let docs_path = config.out.join("documents.jsonl");
    let mut out = AtomicFile::create(&docs_path)?;
    let mut emit = match &config.emit_dedup {
        Some(p) => Some(AtomicFile::create(p)?),
        None => None,
    };
    let reader =
        BufReader::new(File::open(&spool_path).map_err(io_err("cannot read", &spool_path))?);
    let mut article_index = 0usize;
    let mut html = crate::report::html::HtmlReport::new();
    let mut tally = segment::KeywordTally::default();
    for line in reader.lines() {
        let line = line.map_err(io_err("cannot read", &spool_path))?;
        let Spooled {
            mut record,
            cleaned,
        } = serde_json::from_str(&line)
            .map_err(|e| io_err("corrupt spool", &spool_path)(io::Error::from(e)))?;
        if let Some(body) = &mut record.body {
            let mut doc_keywords = Vec::new();
            let first_article = article_index;
            for art in &mut body.articles {
                if let Some(t) = all_terms.get(article_index) {
                    art.keywords = segment::keywords(t, &df, config.keywords);
                    doc_keywords.extend(art.keywords.iter().cloned());
                }
                if let Some(c) = copies.copies.get(article_index) {
                    art.copy = c.clone();
                }
                article_index += 1;
            }
            // top_keywords counts documents: each word once per document.
            tally.add(&doc_keywords);
            if let (Some(em), Some(text)) = (&mut emit, &cleaned) {
                if !record.reference {
                    let keep = copies.keep.get(first_article..article_index).unwrap_or(&[]);
                    emit_articles(em, &record.id, &body.articles, keep, text)?;
                }
            }
            if config.with_text {
                body.text = cleaned;
            }
        }
        html.add(&record);
        out.write_json_line(&record)?;
    }
    out.commit()?;
    summary.top_keywords = tally.top(20);
    if let Some(em) = emit {
        em.commit()?;
    }
    drop(spool_dir);

    let mut dup = AtomicFile::create(&config.out.join("duplicates.json"))?;
    dup.write_pretty(&copies.duplicates)?;
    dup.commit()?;

    lap("4-write");
    summary.pass_seconds = pass_times;
    summary.seconds = started.elapsed().as_secs_f64();
    summary.mb_per_s = if summary.seconds > 0.0 {
        summary.bytes as f64 / 1e6 / summary.seconds
    } else {
        0.0
    };
    let mut sum = AtomicFile::create(&config.out.join("summary.json"))?;
    sum.write_pretty(&summary)?;
    sum.commit()?;
    let summary_value = serde_json::to_value(&summary).unwrap_or_default();
    let mut page = AtomicFile::create(&config.out.join("report.html"))?;
    page.write_raw(html.render(&summary_value, &copies.duplicates).as_bytes())?;
    page.commit()?;
    progress.finish();
    Ok(summary)
}

/// Writes the articles the copy detector keeps (in no cluster, or their cluster's
/// representative) as JSONL lines of cleaned text, for corpus builders.
fn emit_articles(
    out: &mut AtomicFile,
    doc_id: &str,
    articles: &[Article],
    keep: &[bool],
    cleaned: &str,
) -> Result<(), PipelineError> {
    let bounds = char_boundaries(cleaned);
    for (i, a) in articles.iter().enumerate() {
        if !keep.get(i).copied().unwrap_or(true) {
            continue;
        }
        let lo = bounds[a.span[0].min(bounds.len() - 1)];
        let hi = bounds[a.span[1].min(bounds.len() - 1)];
        let line = serde_json::json!({
            "id": a.id,
            "document": doc_id,
            "title": a.title,
            "text": &cleaned[lo..hi],
        });
        out.write_json_line(&line)?;
    }
    Ok(())
}

/// A file written under a temporary name in its directory and renamed into place on commit.
struct AtomicFile {
    path: PathBuf,
    file: BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    fn create(path: &Path) -> Result<AtomicFile, PipelineError> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let tmp = tempfile::Builder::new()
            .prefix(".zhreport-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(io_err("cannot create a temporary file in", &dir))?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            file: BufWriter::with_capacity(1 << 20, tmp),
        })
    }

    fn write_json_line<T: serde::Serialize>(&mut self, value: &T) -> Result<(), PipelineError> {
        serde_json::to_writer(&mut self.file, value)
            .map_err(io::Error::from)
            .and_then(|_| self.file.write_all(b"\n"))
            .map_err(io_err("cannot write", &self.path))
    }

    fn write_pretty<T: serde::Serialize>(&mut self, value: &T) -> Result<(), PipelineError> {
        serde_json::to_writer_pretty(&mut self.file, value)
            .map_err(io::Error::from)
            .and_then(|_| self.file.write_all(b"\n"))
            .map_err(io_err("cannot write", &self.path))
    }

    fn write_raw(&mut self, bytes: &[u8]) -> Result<(), PipelineError> {
        self.file
            .write_all(bytes)
            .map_err(io_err("cannot write", &self.path))
    }

    fn commit(self) -> Result<(), PipelineError> {
        let path = self.path;
        let tmp = self
            .file
            .into_inner()
            .map_err(|e| io_err("cannot write", &path)(e.into_error()))?;
        tmp.as_file()
            .sync_all()
            .map_err(io_err("cannot write", &path))?;
        // Temporary files are private (0600); outputs are ordinary files.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))
                .map_err(io_err("cannot write", &path))?;
        }
        tmp.persist(&path)
            .map_err(|e| io_err("cannot rename into", &path)(e.error))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_found() {
        assert_eq!(parse_date("時間:2024-11-18 18:00:07 工會"), Some(20241118));
        assert_eq!(parse_date("2015-04-10 10:54:25 来源于"), Some(20150410));
        assert_eq!(parse_date("2026年1月25日在北京"), Some(20260125));
        assert_eq!(parse_date("12024-11-18"), None);
        assert_eq!(parse_date("2024-13-18"), None);
        assert_eq!(parse_date("20__年"), None);
    }

    #[test]
    fn meta_dates_win() {
        let mut meta = BTreeMap::new();
        meta.insert("publish_date".to_string(), "2026-02-02".to_string());
        assert_eq!(document_date(&meta, "2025年1月1日"), Some(20260202));
    }
}
