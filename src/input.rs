//! Input discovery: files, directories, standard input, JSONL and CSV records.
//!
//! [`Inputs`] turns the command line's INPUT list into a stream of [`DocItem`]s in input order,
//! one per document: a plain file, or one record of a JSONL/CSV file. It never loads a whole
//! corpus: files are read one at a time and record files are streamed. Standard input is spooled
//! to a temporary file so the corpus can be read more than once (the pipeline makes two passes).
//!
//! Every problem becomes a [`DocItem`] with a [`Payload::Failed`] so that it appears in
//! documents.jsonl with a status and the run goes on.

use crate::report::Status;
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Errors of the input layer that stop a run (not per-document problems).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Standard input could not be spooled.
    #[error("cannot spool standard input: {0}")]
    Stdin(#[source] io::Error),
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// Largest document in bytes; larger ones are skipped.
    pub max_bytes: u64,
    /// Text field of JSONL/CSV records; `None` picks the first of text/content/full_text/body.
    pub text_field: Option<String>,
    /// Id field of JSONL/CSV records.
    pub id_field: String,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            max_bytes: 64 << 20,
            text_field: None,
            id_field: "id".to_string(),
        }
    }
}

/// The text fields tried, in order, when `--text-field` is not given.
pub const DEFAULT_TEXT_FIELDS: [&str; 4] = ["text", "content", "full_text", "body"];

/// One document's content as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// Raw bytes of a file, to be decoded.
    Bytes(Vec<u8>),
    /// Text of a JSONL/CSV record, already decoded with the file's encoding.
    Text {
        /// The record's text field.
        text: String,
        /// encoding_rs name of the file's encoding.
        encoding: &'static str,
    },
    /// The document could not be read or was refused.
    Failed {
        /// `skipped` or `error`.
        status: Status,
        /// Why.
        reason: String,
    },
}

/// One input document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocItem {
    /// Document id (unique within the run: repeated ids get `~2`, `~3` …).
    pub id: String,
    /// Bytes of the document when known.
    pub bytes: Option<u64>,
    /// Other fields of a JSONL/CSV record, as strings.
    pub meta: BTreeMap<String, String>,
    /// The document comes from `--reference`.
    pub reference: bool,
    /// Its content.
    pub payload: Payload,
}

impl DocItem {
    fn failed(id: String, bytes: Option<u64>, status: Status, reason: String) -> DocItem {
        DocItem {
            id,
            bytes,
            meta: BTreeMap::new(),
            reference: false,
            payload: Payload::Failed { status, reason },
        }
    }
}

/// A file to read, with the id it is known by.
#[derive(Debug, Clone)]
struct Source {
    id: String,
    /// `None` for an entry that could not be listed (the error is in `listing_error`).
    path: PathBuf,
    reference: bool,
    listing_error: Option<String>,
}

/// The corpus named on the command line, readable any number of times.
#[derive(Debug)]
pub struct Inputs {
    sources: Vec<Source>,
    options: InputOptions,
    // Keeps the spooled standard input alive for the run.
    _stdin_spool: Option<tempfile::NamedTempFile>,
}

impl Inputs {
    /// Lists the inputs: files as given, directories walked recursively in sorted order
    /// (symbolic links followed, loops reported and survived), `-` for standard input.
    /// `references` are directories or files of known template pages.
    pub fn new(
        inputs: &[PathBuf],
        references: &[PathBuf],
        options: InputOptions,
    ) -> Result<Inputs, InputError> {
        let mut sources = Vec::new();
        let mut stdin_spool = None;
        for input in inputs {
            if input.as_os_str() == "-" {
                if stdin_spool.is_none() {
                    let mut spool = tempfile::NamedTempFile::new().map_err(InputError::Stdin)?;
                    io::copy(&mut io::stdin().lock(), spool.as_file_mut())
                        .map_err(InputError::Stdin)?;
                    stdin_spool = Some(spool);
                }
                if let Some(spool) = &stdin_spool {
                    sources.push(Source {
                        id: "-".to_string(),
                        path: spool.path().to_path_buf(),
                        reference: false,
                        listing_error: None,
                    });
                }
            } else {
                list_input(input, false, &mut sources);
            }
        }
        for r in references {
            list_input(r, true, &mut sources);
        }
        Ok(Inputs {
            sources,
            options,
            _stdin_spool: stdin_spool,
        })
    }

    /// Number of files (not records) listed.
    pub fn files(&self) -> usize {
        self.sources.len()
    }

    /// Total size of the listed files in bytes (compressed size for .gz/.zst).
    pub fn total_file_bytes(&self) -> u64 {
        self.sources
            .iter()
            .filter_map(|s| std::fs::metadata(&s.path).ok())
            .map(|m| m.len())
            .sum()
    }

    /// The documents, in input order.
    pub fn documents(&self) -> Documents<'_> {
        Documents {
            inputs: self,
            next_source: 0,
            records: None,
            seen_ids: HashMap::new(),
        }
    }
}

fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

fn list_input(input: &Path, reference: bool, sources: &mut Vec<Source>) {
    let given = display_path(input);
    match std::fs::metadata(input) {
        Err(e) => sources.push(Source {
            id: given,
            path: input.to_path_buf(),
            reference,
            listing_error: Some(format!("cannot read: {e}")),
        }),
        Ok(m) if m.is_dir() => {
            let walker = walkdir::WalkDir::new(input)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_ignored_name(e.file_name()));
            for entry in walker {
                match entry {
                    Ok(e) => {
                        if e.file_type().is_dir() {
                            continue;
                        }
                        let rel = e.path().strip_prefix(input).unwrap_or(e.path());
                        sources.push(Source {
                            id: display_path(rel),
                            path: e.path().to_path_buf(),
                            reference,
                            listing_error: None,
                        });
                    }
                    Err(err) => {
                        let path = err.path().unwrap_or(input).to_path_buf();
                        let rel = path.strip_prefix(input).unwrap_or(&path);
                        let id = if rel.as_os_str().is_empty() {
                            given.clone()
                        } else {
                            display_path(rel)
                        };
                        let reason = if err.loop_ancestor().is_some() {
                            "symbolic link loop".to_string()
                        } else {
                            format!("cannot read: {}", io_reason(&err))
                        };
                        sources.push(Source {
                            id,
                            path,
                            reference,
                            listing_error: Some(reason),
                        });
                    }
                }
            }
        }
        Ok(_) => sources.push(Source {
            id: given,
            path: input.to_path_buf(),
            reference,
            listing_error: None,
        }),
    }
}

/// Names a directory walk passes over: hidden files and folders (`.git`, editor files) and the
/// provenance notes corpora ship with (`README.md`), which are not documents of the corpus.
/// Files named on the command line are always read.
fn is_ignored_name(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.eq_ignore_ascii_case("readme.md")
}

fn io_reason(err: &walkdir::Error) -> String {
    match err.io_error() {
        Some(e) => e.to_string(),
        None => err.to_string(),
    }
}

/// Container compression of a file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    None,
    Gzip,
    Zstd,
}

/// Record layout of a file, from its name (after removing a compression suffix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Single,
    Jsonl,
    Csv,
}

fn classify_name(name: &str) -> (Compression, Layout) {
    let lower = name.to_ascii_lowercase();
    let (compression, inner) = if let Some(s) = lower.strip_suffix(".gz") {
        (Compression::Gzip, s.to_string())
    } else if let Some(s) = lower.strip_suffix(".zst") {
        (Compression::Zstd, s.to_string())
    } else {
        (Compression::None, lower)
    };
    let layout = if inner.ends_with(".jsonl") || inner.ends_with(".ndjson") {
        Layout::Jsonl
    } else if inner.ends_with(".csv") {
        Layout::Csv
    } else {
        Layout::Single
    };
    (compression, layout)
}

fn open_stream(path: &Path, compression: Compression) -> io::Result<Box<dyn Read + Send>> {
    let file = File::open(path)?;
    Ok(match compression {
        Compression::None => Box::new(file),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file))),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(file)?),
    })
}

fn compression_name(c: Compression) -> &'static str {
    match c {
        Compression::None => "file",
        Compression::Gzip => "gzip stream",
        Compression::Zstd => "zstd stream",
    }
}

fn mib(n: u64) -> String {
    let m = n as f64 / (1u64 << 20) as f64;
    if m >= 10.0 {
        format!("{m:.0} MiB")
    } else {
        format!("{m:.1} MiB")
    }
}

fn too_large(size: u64, max: u64) -> String {
    format!("too large ({} > {})", mib(size), mib(max))
}

/// Iterator over the documents of [`Inputs`], in input order.
pub struct Documents<'a> {
    inputs: &'a Inputs,
    next_source: usize,
    records: Option<RecordReader>,
    seen_ids: HashMap<String, u32>,
}

impl Iterator for Documents<'_> {
    type Item = DocItem;

    fn next(&mut self) -> Option<DocItem> {
        let mut item = self.next_raw()?;
        // Repeated ids get ~2, ~3 … in input order.
        let n = self.seen_ids.entry(item.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let mut candidate = format!("{}~{}", item.id, n);
            while self.seen_ids.contains_key(&candidate) {
                if let Some(c) = self.seen_ids.get_mut(&item.id) {
                    *c += 1;
                    candidate = format!("{}~{}", item.id, c);
                }
            }
            self.seen_ids.insert(candidate.clone(), 1);
            item.id = candidate;
        }
        Some(item)
    }
}

impl Documents<'_> {
    fn next_raw(&mut self) -> Option<DocItem> {
        loop {
            if let Some(reader) = &mut self.records {
                if let Some(mut item) = reader.next_record(&self.inputs.options) {
                    item.reference = reader.reference;
                    return Some(item);
                }
                self.records = None;
            }
            let source = self.inputs.sources.get(self.next_source)?.clone();
            self.next_source += 1;
            if let Some(reason) = &source.listing_error {
                let mut item = DocItem::failed(source.id, None, Status::Error, reason.clone());
                item.reference = source.reference;
                return Some(item);
            }
            let name = source
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (compression, layout) = if source.id == "-" {
                (Compression::None, Layout::Single)
            } else {
                classify_name(&name)
            };
            match layout {
                Layout::Single => {
                    let mut item = read_single(&source, compression, &self.inputs.options);
                    item.reference = source.reference;
                    return Some(item);
                }
                Layout::Jsonl | Layout::Csv => {
                    match RecordReader::open(&source, compression, layout) {
                        Ok(reader) => self.records = Some(reader),
                        Err(reason) => {
                            let mut item =
                                DocItem::failed(source.id.clone(), None, Status::Error, reason);
                            item.reference = source.reference;
                            return Some(item);
                        }
                    }
                }
            }
        }
    }
}

fn read_single(source: &Source, compression: Compression, options: &InputOptions) -> DocItem {
    let id = source.id.clone();
    let size = std::fs::metadata(&source.path).ok().map(|m| m.len());
    if compression == Compression::None {
        if let Some(size) = size {
            if size > options.max_bytes {
                return DocItem::failed(
                    id,
                    Some(size),
                    Status::Skipped,
                    too_large(size, options.max_bytes),
                );
            }
        }
    }
    let stream = match open_stream(&source.path, compression) {
        Ok(s) => s,
        Err(e) => return DocItem::failed(id, size, Status::Error, format!("cannot read: {e}")),
    };
    let mut buf = Vec::new();
    match stream.take(options.max_bytes + 1).read_to_end(&mut buf) {
        Ok(_) => {}
        Err(e) => {
            let reason = if compression == Compression::None {
                format!("cannot read: {e}")
            } else {
                format!("corrupt {}: {e}", compression_name(compression))
            };
            return DocItem::failed(id, size, Status::Error, reason);
        }
    }
    let n = buf.len() as u64;
    if n > options.max_bytes {
        return DocItem::failed(
            id,
            None,
            Status::Skipped,
            format!(
                "too large (over {} when decompressed)",
                mib(options.max_bytes)
            ),
        );
    }
    DocItem {
        id,
        bytes: Some(n),
        meta: BTreeMap::new(),
        reference: false,
        payload: Payload::Bytes(buf),
    }
}

/// Streams the records of one JSONL or CSV file.
struct RecordReader {
    file_id: String,
    reference: bool,
    kind: RecordKind,
    encoding: &'static str,
    record_no: u64,
    /// Set once the stream failed; the error is reported as one more item, then the file ends.
    finished: bool,
}

enum RecordKind {
    Jsonl(Box<dyn BufRead + Send>),
    Csv {
        reader: Box<csv::Reader<Box<dyn Read + Send>>>,
        headers: Vec<String>,
    },
}

/// Reads up to 64 KiB to learn the encoding of a record file, then returns a stream that yields
/// UTF-8 (transcoding when the file is not UTF-8; a UTF-8 BOM is dropped).
fn utf8_stream(
    mut stream: Box<dyn Read + Send>,
) -> io::Result<(Box<dyn Read + Send>, &'static str)> {
    let mut prefix = Vec::with_capacity(65536);
    (&mut stream).take(65536).read_to_end(&mut prefix)?;
    let encoding = crate::decode::detect_encoding(&prefix);
    let chained: Box<dyn Read + Send> = Box::new(io::Cursor::new(prefix).chain(stream));
    if encoding == encoding_rs::UTF_8 {
        let reader = encoding_rs_io::DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding_rs::UTF_8))
            .bom_override(true)
            .strip_bom(true)
            .utf8_passthru(true)
            .build(chained);
        return Ok((Box::new(reader), "UTF-8"));
    }
    let reader = encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding))
        .bom_override(true)
        .strip_bom(true)
        .build(chained);
    Ok((Box::new(reader), encoding.name()))
}

impl RecordReader {
    fn open(source: &Source, compression: Compression, layout: Layout) -> Result<Self, String> {
        let stream =
            open_stream(&source.path, compression).map_err(|e| format!("cannot read: {e}"))?;
        let (stream, encoding) = utf8_stream(stream).map_err(|e| {
            if compression == Compression::None {
                format!("cannot read: {e}")
            } else {
                format!("corrupt {}: {e}", compression_name(compression))
            }
        })?;
        let kind = match layout {
            Layout::Csv => {
                let mut reader = csv::ReaderBuilder::new()
                    .flexible(true)
                    .has_headers(true)
                    .from_reader(stream);
                let headers = reader
                    .headers()
                    .map_err(|e| format!("invalid CSV header: {e}"))?
                    .iter()
                    .map(|h| h.trim().to_string())
                    .collect();
                RecordKind::Csv {
                    reader: Box::new(reader),
                    headers,
                }
            }
            _ => RecordKind::Jsonl(Box::new(BufReader::with_capacity(1 << 16, stream))),
        };
        Ok(RecordReader {
            file_id: source.id.clone(),
            reference: source.reference,
            kind,
            encoding,
            record_no: 0,
            finished: false,
        })
    }

    fn record_id(&self) -> String {
        format!("{}:{}", self.file_id, self.record_no)
    }

    fn stream_error(&mut self, e: &dyn std::fmt::Display) -> DocItem {
        self.finished = true;
        DocItem::failed(
            self.file_id.clone(),
            None,
            Status::Error,
            format!("read error after record {}: {e}", self.record_no),
        )
    }

    fn next_record(&mut self, options: &InputOptions) -> Option<DocItem> {
        if self.finished {
            return None;
        }
        match &mut self.kind {
            RecordKind::Jsonl(reader) => {
                let mut line = Vec::new();
                loop {
                    line.clear();
                    match read_line_limited(reader.as_mut(), &mut line, options.max_bytes) {
                        Ok(LineRead::Eof) => return None,
                        Ok(LineRead::TooLong(n)) => {
                            self.record_no += 1;
                            let id = self.record_id();
                            return Some(DocItem::failed(
                                id,
                                Some(n),
                                Status::Skipped,
                                format!("too large (record over {})", mib(options.max_bytes)),
                            ));
                        }
                        Ok(LineRead::Line) => {
                            if line.iter().all(|b| b.is_ascii_whitespace()) {
                                continue;
                            }
                            self.record_no += 1;
                            return Some(self.jsonl_record(&line, options));
                        }
                        Err(e) => return Some(self.stream_error(&e)),
                    }
                }
            }
            RecordKind::Csv { reader, headers } => {
                let mut record = csv::StringRecord::new();
                match reader.read_record(&mut record) {
                    Ok(false) => None,
                    Ok(true) => {
                        self.record_no += 1;
                        let headers = headers.clone();
                        Some(self.csv_record(&headers, &record, options))
                    }
                    Err(e) => {
                        if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                            return Some(self.stream_error(&e));
                        }
                        self.record_no += 1;
                        let id = self.record_id();
                        Some(DocItem::failed(
                            id,
                            None,
                            Status::Error,
                            format!("invalid CSV record: {e}"),
                        ))
                    }
                }
            }
        }
    }

    fn jsonl_record(&self, line: &[u8], options: &InputOptions) -> DocItem {
        let fallback_id = self.record_id();
        let value: serde_json::Value = match serde_json::from_slice(line) {
            Ok(v) => v,
            Err(e) => {
                return DocItem::failed(
                    fallback_id,
                    Some(line.len() as u64),
                    Status::Error,
                    format!("invalid JSON: {e}"),
                )
            }
        };
        let serde_json::Value::Object(map) = value else {
            return DocItem::failed(
                fallback_id,
                Some(line.len() as u64),
                Status::Error,
                "invalid JSONL record: not an object".to_string(),
            );
        };
        let fields: Vec<(String, String)> = map
            .into_iter()
            .map(|(k, v)| {
                let s = match v {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                };
                (k, s)
            })
            .collect();
        self.record_from_fields(fields, fallback_id, options)
    }

    fn csv_record(
        &self,
        headers: &[String],
        record: &csv::StringRecord,
        options: &InputOptions,
    ) -> DocItem {
        let fallback_id = self.record_id();
        let fields: Vec<(String, String)> = headers
            .iter()
            .cloned()
            .zip(record.iter().map(str::to_string))
            .collect();
        self.record_from_fields(fields, fallback_id, options)
    }

    fn record_from_fields(
        &self,
        fields: Vec<(String, String)>,
        fallback_id: String,
        options: &InputOptions,
    ) -> DocItem {
        let text_key = match &options.text_field {
            Some(f) => fields.iter().position(|(k, _)| k == f),
            None => DEFAULT_TEXT_FIELDS
                .iter()
                .find_map(|want| fields.iter().position(|(k, _)| k == want)),
        };
        let id = fields
            .iter()
            .find(|(k, _)| *k == options.id_field)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
            .unwrap_or(fallback_id);
        let Some(text_index) = text_key else {
            let names: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
            let wanted = match &options.text_field {
                Some(f) => format!("no text field '{f}'"),
                None => format!("no text field ({})", DEFAULT_TEXT_FIELDS.join("/")),
            };
            return DocItem::failed(
                id,
                None,
                Status::Error,
                format!("{wanted}; fields are: {}", names.join(", ")),
            );
        };
        let mut text = String::new();
        let mut meta = BTreeMap::new();
        for (i, (k, v)) in fields.into_iter().enumerate() {
            if i == text_index {
                text = v;
            } else if k != options.id_field {
                meta.insert(k, v);
            }
        }
        let bytes = text.len() as u64;
        if bytes > options.max_bytes {
            return DocItem::failed(
                id,
                Some(bytes),
                Status::Skipped,
                too_large(bytes, options.max_bytes),
            );
        }
        DocItem {
            id,
            bytes: Some(bytes),
            meta,
            reference: self.reference,
            payload: Payload::Text {
                text,
                encoding: self.encoding,
            },
        }
    }
}

enum LineRead {
    Line,
    Eof,
    TooLong(u64),
}

/// Reads one line (without its terminator) of at most `max` bytes; a longer line is consumed
/// and reported with its length, without being kept in memory.
fn read_line_limited(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    max: u64,
) -> io::Result<LineRead> {
    let mut total: u64 = 0;
    let mut any = false;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(if !any {
                LineRead::Eof
            } else if total > max {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            });
        }
        any = true;
        let (chunk, found) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i)),
            None => (buf, None),
        };
        total += chunk.len() as u64;
        if total <= max {
            line.extend_from_slice(chunk);
        } else {
            line.clear();
        }
        let consumed = found.map_or(buf.len(), |i| i + 1);
        reader.consume(consumed);
        if found.is_some() {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(if total > max {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_classified() {
        assert_eq!(
            classify_name("a.jsonl.gz"),
            (Compression::Gzip, Layout::Jsonl)
        );
        assert_eq!(classify_name("A.CSV"), (Compression::None, Layout::Csv));
        assert_eq!(
            classify_name("x.txt.zst"),
            (Compression::Zstd, Layout::Single)
        );
        assert_eq!(classify_name("x.html"), (Compression::None, Layout::Single));
    }

    #[test]
    fn long_lines_are_refused_without_keeping_them() {
        let data = b"short\nthis line is much too long\nok\n";
        let mut r = io::Cursor::new(&data[..]);
        let mut line = Vec::new();
        assert!(matches!(
            read_line_limited(&mut r, &mut line, 10),
            Ok(LineRead::Line)
        ));
        assert_eq!(line, b"short");
        line.clear();
        assert!(matches!(
            read_line_limited(&mut r, &mut line, 10),
            Ok(LineRead::TooLong(26))
        ));
        line.clear();
        assert!(matches!(
            read_line_limited(&mut r, &mut line, 10),
            Ok(LineRead::Line)
        ));
        assert_eq!(line, b"ok");
        line.clear();
        assert!(matches!(
            read_line_limited(&mut r, &mut line, 10),
            Ok(LineRead::Eof)
        ));
    }
}
