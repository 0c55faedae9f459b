//! Command line (clap derive); one function per subcommand.
//!
//! Exit codes (OUTPUT.md): 0 when no document had status "error"; 1 when some had (all outputs
//! are still written); 2 for usage errors and for failures that stop a run (an output that
//! cannot be written).

use crate::clean::{self, chrome::ChromeSet};
use crate::decode;
use crate::input::{InputOptions, Inputs, Payload};
use crate::pipeline::{self, Config, Progress};
use crate::report::DedupParams;
use anyhow::{bail, Context as _, Result};
use clap::{Args, Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Analyse scraped Chinese plan and summary documents: decode, clean, segment, structure,
/// figures, and who copied whom.
#[derive(Debug, Parser)]
#[command(name = "zhreport", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse a corpus: writes OUT/documents.jsonl, duplicates.json and summary.json.
    Analyze(AnalyzeArgs),
    /// Print one document's cleaned text (no corpus-wide passes).
    Clean(CleanArgs),
    /// Show the passages two documents share, side by side.
    Compare(CompareArgs),
}

/// Options shared by every subcommand that reads documents.
#[derive(Debug, Args, Clone)]
pub struct ReadArgs {
    /// Skip documents larger than this many bytes.
    #[arg(long, default_value_t = 64 << 20, value_name = "N")]
    pub max_bytes: u64,
    /// Text field of JSONL/CSV records (default: the first of text, content, full_text, body).
    #[arg(long, value_name = "F")]
    pub text_field: Option<String>,
    /// Id field of JSONL/CSV records.
    #[arg(long, default_value = "id", value_name = "F")]
    pub id_field: String,
    /// Decode every document with this encoding (e.g. gbk, big5, utf-16le).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
}

impl ReadArgs {
    fn input_options(&self) -> InputOptions {
        InputOptions {
            max_bytes: self.max_bytes,
            text_field: self.text_field.clone(),
            id_field: self.id_field.clone(),
        }
    }
}

/// `zhreport analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output directory.
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
    /// Put each document's cleaned text in documents.jsonl.
    #[arg(long)]
    pub with_text: bool,
    /// List every removed line with its reason in documents.jsonl.
    #[arg(long)]
    pub explain: bool,
    /// No progress bar and no summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Worker threads (default: all cores).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    #[command(flatten)]
    /// How documents are read.
    pub read: ReadArgs,
    /// Extra jieba dictionary (word [freq] [tag] per line).
    #[arg(long, value_name = "FILE")]
    pub user_dict: Option<PathBuf>,
    /// Keywords per article.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub keywords: usize,
    /// List a pair when max(a_in_b, b_in_a) reaches this share.
    #[arg(long, default_value_t = 0.3, value_name = "X")]
    pub min_share: f64,
    /// Shortest copied passage, in dedup-key characters.
    #[arg(long, default_value_t = 13, value_name = "N")]
    pub min_run: usize,
    /// Short runs in more than this many unrelated documents are stock phrasing.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub common_df: usize,
    /// Directory (or file) of known template pages; they are analysed and marked reference.
    #[arg(long, value_name = "DIR")]
    pub reference: Vec<PathBuf>,
    /// Write a deduplicated corpus (one article per cluster) as JSONL to this file.
    #[arg(long, value_name = "FILE")]
    pub emit_dedup: Option<PathBuf>,
}

/// `zhreport clean`.
#[derive(Debug, Args)]
pub struct CleanArgs {
    /// The document (a JSONL/CSV file prints every record's cleaned text).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Also print every removed line with its reason, on stderr.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    /// How documents are read.
    pub read: ReadArgs,
}

/// `zhreport compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// First document.
    #[arg(value_name = "A")]
    pub a: PathBuf,
    /// Second document.
    #[arg(value_name = "B")]
    pub b: PathBuf,
    /// Print JSON instead of the side-by-side view.
    #[arg(long)]
    pub json: bool,
    /// Shortest copied passage, in dedup-key characters.
    #[arg(long, default_value_t = 13, value_name = "N")]
    pub min_run: usize,
    /// Colour: auto (when stdout is a terminal), always, never.
    #[arg(long, default_value = "auto", value_name = "WHEN")]
    pub color: String,
    #[command(flatten)]
    /// How documents are read.
    pub read: ReadArgs,
}

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return 0;
            }
            eprintln!("zhreport: error: {e:#}");
            2
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Analyze(a) => analyze(a),
        Command::Clean(c) => clean_cmd(c),
        Command::Compare(c) => compare(c),
    }
}

/// A progress bar on stderr (only when stderr is a terminal and not `--quiet`).
struct Bar {
    bar: Option<indicatif::ProgressBar>,
    state: std::sync::Mutex<(u64, u64)>,
}

impl Bar {
    fn new(show: bool) -> Bar {
        let bar = show.then(|| {
            let b = indicatif::ProgressBar::new_spinner();
            b.set_style(
                indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            b.enable_steady_tick(std::time::Duration::from_millis(120));
            b
        });
        Bar {
            bar,
            state: std::sync::Mutex::new((0, 0)),
        }
    }
}

impl Progress for Bar {
    fn pass(&self, name: &str) {
        if let Ok(mut s) = self.state.lock() {
            *s = (0, 0);
        }
        if let Some(b) = &self.bar {
            b.set_prefix(name.to_string());
            b.set_message(name.to_string());
        }
    }
    fn advance(&self, documents: u64, bytes: u64) {
        if let (Some(b), Ok(mut s)) = (&self.bar, self.state.lock()) {
            s.0 += documents;
            s.1 += bytes;
            b.set_message(format!(
                "{}: {} documents, {:.1} MB",
                b.prefix(),
                s.0,
                s.1 as f64 / 1e6
            ));
        }
    }
    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

fn analyze(a: AnalyzeArgs) -> Result<i32> {
    if !(0.0..=1.0).contains(&a.min_share) {
        bail!("--min-share must be between 0 and 1, got {}", a.min_share);
    }
    if a.min_run == 0 {
        bail!("--min-run must be at least 1");
    }
    let config = Config {
        inputs: a.inputs,
        out: a.out,
        with_text: a.with_text,
        explain: a.explain,
        threads: a.threads,
        input: a.read.input_options(),
        encoding: a.read.encoding,
        user_dict: a.user_dict,
        keywords: a.keywords,
        dedup: DedupParams {
            min_run: a.min_run,
            min_share: a.min_share,
            common_df: a.common_df,
        },
        reference: a.reference,
        emit_dedup: a.emit_dedup,
    };
    let bar = Bar::new(!a.quiet && std::io::stderr().is_terminal());
    let summary = pipeline::analyze(&config, &bar)
        .with_context(|| format!("analyze into {}", config.out.display()))?;
    if !a.quiet {
        print_summary(&summary, &config);
    }
    Ok(if summary.errors() > 0 { 1 } else { 0 })
}

fn print_summary(s: &pipeline::Summary, config: &Config) {
    let join = |m: &std::collections::BTreeMap<String, usize>| {
        let mut v: Vec<(&String, &usize)> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut e = std::io::stderr().lock();
    let _ = writeln!(
        e,
        "zhreport: {} documents, {:.1} MB in {:.2} s ({:.1} MB/s) → {}",
        s.documents,
        s.bytes as f64 / 1e6,
        s.seconds,
        s.mb_per_s,
        config.out.display()
    );
    let _ = writeln!(e, "  status:    {}", join(&s.by_status));
    let _ = writeln!(e, "  encodings: {}", join(&s.by_encoding));
    let _ = writeln!(e, "  scripts:   {}", join(&s.by_script));
    let _ = writeln!(e, "  articles:  {} ({})", s.articles, join(&s.by_kind));
    let _ = writeln!(
        e,
        "  copies:    {} clusters, {} articles with copy share ≥ {}",
        s.clusters, s.copied_articles, config.dedup.min_share
    );
    if s.errors() > 0 {
        let _ = writeln!(
            e,
            "  {} documents had errors: see \"status\" and \"reason\" in documents.jsonl",
            s.errors()
        );
    }
}

/// Reads the documents of one path (a file, or the records of a JSONL/CSV file) and cleans
/// them with no site chrome.
fn clean_documents(
    path: &std::path::Path,
    read: &ReadArgs,
) -> Result<Vec<(String, Result<clean::CleanText, String>)>> {
    let forced = match &read.encoding {
        Some(l) => Some(
            decode::encoding_for_label(l)
                .with_context(|| format!("unknown encoding label '{l}'"))?,
        ),
        None => None,
    };
    let inputs = Inputs::new(&[path.to_path_buf()], &[], read.input_options())?;
    let mut out = Vec::new();
    for item in inputs.documents() {
        let text = match item.payload {
            Payload::Failed { reason, .. } => Err(reason),
            Payload::Text { text, .. } => Ok(text),
            Payload::Bytes(b) => decode::decode(&b, forced)
                .map(|d| d.text)
                .map_err(|e| e.to_string()),
        };
        let cleaned = text.map(|t| {
            let format = clean::detect_format(&t);
            clean::clean(&t, format, &ChromeSet::empty())
        });
        out.push((item.id, cleaned));
    }
    Ok(out)
}

fn clean_cmd(c: CleanArgs) -> Result<i32> {
    let docs = clean_documents(&c.file, &c.read)?;
    let mut code = 0;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let many = docs.len() > 1;
    for (id, ct) in docs {
        match ct {
            Ok(ct) => {
                if many {
                    writeln!(out, "### {id}")?;
                }
                out.write_all(ct.cleaned.as_bytes())?;
                if !ct.cleaned.ends_with('\n') {
                    writeln!(out)?;
                }
                if c.explain {
                    for r in &ct.removed {
                        eprintln!("{id}\t{}\t{}", r.reason, r.text);
                    }
                }
            }
            Err(reason) => {
                eprintln!("zhreport: {id}: {reason}");
                code = 1;
            }
        }
    }
    out.flush()?;
    Ok(code)
}

fn one_document(path: &std::path::Path, read: &ReadArgs) -> Result<clean::CleanText> {
    let mut docs = clean_documents(path, read)?;
    if docs.is_empty() {
        bail!("{}: no document", path.display());
    }
    let (id, ct) = docs.swap_remove(0);
    ct.map_err(|r| anyhow::anyhow!("{id}: {r}"))
}

fn compare(c: CompareArgs) -> Result<i32> {
    let a = one_document(&c.a, &c.read)?;
    let b = one_document(&c.b, &c.read)?;
    let (an, bn) = (c.a.display().to_string(), c.b.display().to_string());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if c.json {
        let v = crate::dedup::compare_json(
            &an, &a.cleaned, &a.key, &a.key_map, &bn, &b.cleaned, &b.key, &b.key_map, c.min_run,
        );
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
    } else {
        let color = match c.color.as_str() {
            "always" => true,
            "never" => false,
            _ => std::io::stdout().is_terminal(),
        };
        let s = crate::dedup::render_compare(
            &an, &a.cleaned, &a.key, &a.key_map, &bn, &b.cleaned, &b.key, &b.key_map, c.min_run,
            color,
        );
        out.write_all(s.as_bytes())?;
    }
    out.flush()?;
    Ok(0)
}
