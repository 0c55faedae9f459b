//! End-to-end tests of the `zhreport` binary: inputs, ids, bad input, outputs, determinism.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

fn zhreport() -> Command {
    let mut c = Command::cargo_bin("zhreport").expect("binary built");
    c.env_remove("RUST_LOG");
    c
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    repo().join("../shared/corpus")
}

/// Runs analyze on `inputs` into a fresh directory; returns (exit code, documents, dir).
fn analyze(inputs: &[&Path], extra: &[&str]) -> (i32, Vec<Value>, tempfile::TempDir) {
    let out = tempfile::tempdir().expect("tempdir");
    let mut cmd = zhreport();
    cmd.arg("analyze");
    for i in inputs {
        cmd.arg(i);
    }
    cmd.arg("-o").arg(out.path()).arg("--quiet").args(extra);
    let output = cmd.output().expect("runs");
    let code = output.status.code().unwrap_or(-1);
    let docs = read_documents(out.path());
    (code, docs, out)
}

fn read_documents(out: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(out.join("documents.jsonl")).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn by_id<'a>(docs: &'a [Value], id: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no document {id} in {:?}", ids(docs)))
}

fn ids(docs: &[Value]) -> Vec<String> {
    docs.iter()
        .map(|d| d["id"].as_str().unwrap_or("").to_string())
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&p, bytes).expect("write");
    p
}

const SAMPLE: &str = "工会工作计划\n一、加强职工之家建设，开展劳动竞赛。\n二、做好困难职工帮扶和金秋助学工作，全年走访慰问职工120人次。\n";

#[test]
fn default_corpus_runs_and_writes_every_output() {
    let (code, docs, out) = analyze(&[&repo().join("corpus")], &[]);
    assert_eq!(code, 0);
    assert!(docs.len() >= 5, "all corpus pages listed");
    assert!(docs.iter().all(|d| d["status"] == "ok"), "{docs:?}");
    // README.md of the corpus is a provenance note, not a document.
    assert!(!ids(&docs).iter().any(|i| i.ends_with("README.md")));
    let seed = by_id(&docs, "seeds/000_8f9c3c8eedcddc83.txt");
    assert_eq!(seed["bytes"], 27642);
    assert!(seed["articles"].as_array().is_some_and(|a| !a.is_empty()));
    for f in [
        "documents.jsonl",
        "duplicates.json",
        "summary.json",
        "report.html",
    ] {
        assert!(out.path().join(f).exists(), "{f} written");
    }
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["schema"], 1);
    assert_eq!(summary["documents"].as_u64(), Some(docs.len() as u64));
    // No temporary files are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn output_does_not_depend_on_threads() {
    let inputs = [repo().join("corpus"), shared().join("gov-reports-2026")];
    let inputs: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    let (_, _, one) = analyze(&inputs, &["--threads", "1", "--with-text"]);
    let (_, _, two) = analyze(&inputs, &["--threads", "2", "--with-text"]);
    for f in ["documents.jsonl", "duplicates.json"] {
        let a = std::fs::read(one.path().join(f)).unwrap();
        let b = std::fs::read(two.path().join(f)).unwrap();
        assert!(a == b, "{f} differs between --threads 1 and 2");
    }
}

#[test]
fn csv_reports_read_with_default_flags() {
    let (code, docs, _) = analyze(&[&shared().join("gov-reports-2026")], &[]);
    assert_eq!(code, 0);
    assert_eq!(docs.len(), 31);
    let bj = by_id(&docs, "2026_北京市_政府工作报告.csv:1");
    assert_eq!(bj["status"], "ok");
    assert_eq!(bj["meta"]["province"], "北京市");
    assert_eq!(bj["meta"]["publish_date"], "2026-02-02");
    assert!(
        bj["meta"].get("full_text").is_none(),
        "text field is not meta"
    );
    assert!(bj["chars"].as_u64().unwrap_or(0) > 10_000);
}

#[test]
fn jsonl_ids_meta_and_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = serde_json::to_string(SAMPLE).unwrap();
    let body = format!(
        "{{\"id\": \"a\", \"text\": {text}, \"site\": \"x.com\"}}\n\
         \n\
         {{\"text\": {text}, \"n\": 3}}\n\
         {{not json\n\
         {{\"id\": 7, \"content\": {text}}}\n\
         {{\"id\": \"a\", \"text\": {text}}}\n\
         {{\"title\": \"no text here\"}}\n"
    );
    let f = write(dir.path(), "recs.jsonl", body.as_bytes());
    let (code, docs, _) = analyze(&[&f], &[]);
    assert_eq!(code, 1, "an invalid line makes exit code 1");
    let got = ids(&docs);
    let file = f.to_string_lossy().to_string();
    assert_eq!(
        got,
        vec![
            "a".to_string(),
            format!("{file}:2"),
            format!("{file}:3"),
            "7".to_string(),
            "a~2".to_string(),
            format!("{file}:6"),
        ]
    );
    assert_eq!(docs[0]["meta"]["site"], "x.com");
    assert_eq!(docs[1]["meta"]["n"], "3");
    assert_eq!(docs[2]["status"], "error");
    assert!(docs[2]["reason"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(docs[3]["status"], "ok", "content is a text field");
    assert_eq!(docs[5]["status"], "error");
    assert!(docs[5]["reason"].as_str().unwrap().contains("title"));
    // Failed lines carry id, status, reason and bytes only.
    let keys: Vec<&String> = docs[2].as_object().unwrap().keys().collect();
    assert!(keys
        .iter()
        .all(|k| ["id", "status", "reason", "bytes"].contains(&k.as_str())));
}

#[test]
fn text_and_id_fields_can_be_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = serde_json::to_string(SAMPLE).unwrap();
    let f = write(
        dir.path(),
        "r.jsonl",
        format!("{{\"doc\": \"d1\", \"正文\": {text}, \"text\": \"short\"}}\n").as_bytes(),
    );
    let (code, docs, _) = analyze(&[&f], &["--text-field", "正文", "--id-field", "doc"]);
    assert_eq!(code, 0);
    assert_eq!(docs[0]["id"], "d1");
    assert_eq!(docs[0]["meta"]["text"], "short");
    assert!(docs[0]["chars"].as_u64().unwrap() > 20);
}

#[test]
fn csv_without_text_column_names_the_columns() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "t.csv",
        "\u{feff}title,author\n\"a, b\",\"x\ny\"\nc,d\n".as_bytes(),
    );
    let (code, docs, _) = analyze(&[&f], &[]);
    assert_eq!(code, 1);
    assert_eq!(docs.len(), 2, "multi-line quoted field is one record");
    for d in &docs {
        assert_eq!(d["status"], "error");
        let r = d["reason"].as_str().unwrap();
        assert!(r.contains("title") && r.contains("author"), "{r}");
    }
}

#[test]
fn gbk_csv_is_transcoded() {
    let dir = tempfile::tempdir().unwrap();
    let csv = format!("id,text\nr1,\"{}\"\n", SAMPLE.replace('\n', "\r\n"));
    let (gbk, _, _) = encoding_rs::GBK.encode(&csv);
    let f = write(dir.path(), "g.csv", &gbk);
    let (code, docs, _) = analyze(&[&f], &["--with-text"]);
    assert_eq!(code, 0);
    assert_eq!(docs[0]["id"], "r1");
    assert!(docs[0]["text"].as_str().unwrap().contains("金秋助学"));
}

#[test]
fn bad_inputs_get_a_status_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a_good.txt", SAMPLE.as_bytes());
    write(d, "b_empty.txt", b"");
    write(
        d,
        "c_image.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
    );
    write(d, "d_big.txt", SAMPLE.repeat(20).as_bytes());
    write(
        d,
        "e_corrupt.txt.gz",
        b"\x1f\x8b\x08\x00garbage that is not deflate",
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(SAMPLE.as_bytes()).unwrap();
    write(d, "f_ok.txt.gz", &gz.finish().unwrap());
    let zst = zstd::encode_all(SAMPLE.as_bytes(), 3).unwrap();
    write(d, "g_ok.txt.zst", &zst);
    let mut truncated = SAMPLE.as_bytes().to_vec();
    truncated.push(0xE5);
    write(d, "h_truncated.txt", &truncated);
    let (code, docs, _) = analyze(&[d], &["--max-bytes", "2000"]);
    assert_eq!(code, 1, "the corrupt gzip is an error");
    assert_eq!(docs.len(), 8);
    let status = |id: &str| by_id(&docs, id)["status"].as_str().unwrap().to_string();
    let reason = |id: &str| {
        by_id(&docs, id)["reason"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(status("a_good.txt"), "ok");
    assert_eq!(status("b_empty.txt"), "skipped");
    assert!(reason("b_empty.txt").contains("empty"));
    assert_eq!(status("c_image.png"), "skipped");
    assert!(reason("c_image.png").contains("PNG"));
    assert_eq!(status("d_big.txt"), "skipped");
    assert!(reason("d_big.txt").contains("too large"));
    assert_eq!(status("e_corrupt.txt.gz"), "error");
    assert!(reason("e_corrupt.txt.gz").contains("gzip"));
    assert_eq!(status("f_ok.txt.gz"), "ok");
    assert_eq!(status("g_ok.txt.zst"), "ok");
    assert_eq!(status("h_truncated.txt"), "ok");
    assert!(
        by_id(&docs, "h_truncated.txt")["decode_errors"]
            .as_u64()
            .unwrap()
            > 0
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_unreadable_inputs_are_survived() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "sub/a.txt", SAMPLE.as_bytes());
    std::os::unix::fs::symlink(d.join("sub"), d.join("sub/loop")).unwrap();
    let missing = d.join("does-not-exist.txt");
    let (code, docs, _) = analyze(&[d, &missing], &[]);
    assert_eq!(code, 1);
    assert_eq!(by_id(&docs, "sub/a.txt")["status"], "ok");
    let m = by_id(&docs, &missing.to_string_lossy());
    assert_eq!(m["status"], "error");
    assert!(docs
        .iter()
        .any(|x| x["reason"].as_str().is_some_and(|r| r.contains("loop"))));
}

#[test]
fn stdin_is_read_as_one_document() {
    let out = tempfile::tempdir().unwrap();
    let assert = zhreport()
        .args(["analyze", "-", "-o"])
        .arg(out.path())
        .arg("--quiet")
        .write_stdin(SAMPLE)
        .assert();
    assert.code(0);
    let docs = read_documents(out.path());
    assert_eq!(ids(&docs), vec!["-"]);
    assert_eq!(docs[0]["status"], "ok");
}

#[test]
fn clean_prints_text_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", SAMPLE.as_bytes());
    let out = zhreport().arg("clean").arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("金秋助学"));
    zhreport().args(["analyze"]).assert().code(2);
    zhreport().args(["frobnicate"]).assert().code(2);
    zhreport()
        .args(["analyze", "x", "-o", "y", "--encoding", "no-such-charset"])
        .assert()
        .code(2);
}

#[test]
fn emit_dedup_keeps_one_article_per_cluster() {
    let dir = tempfile::tempdir().unwrap();
    let emit = dir.path().join("dedup.jsonl");
    let e = emit.to_string_lossy().to_string();
    let (code, docs, out) = analyze(&[&repo().join("corpus/seeds")], &["--emit-dedup", &e]);
    assert_eq!(code, 0);
    let articles: usize = docs
        .iter()
        .map(|d| d["articles"].as_array().map_or(0, |a| a.len()))
        .sum();
    let dups: Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("duplicates.json")).unwrap())
            .unwrap();
    let clusters = dups["clusters"].as_array().unwrap();
    assert!(
        !clusters.is_empty(),
        "seed 000 篇5/篇6 and 003 篇8 are one report"
    );
    let dropped: usize = clusters
        .iter()
        .map(|c| c["articles"].as_array().unwrap().len() - 1)
        .sum();
    let lines: Vec<Value> = std::fs::read_to_string(&emit)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), articles - dropped);
    assert!(lines
        .iter()
        .all(|l| l["text"].as_str().is_some_and(|t| !t.is_empty())));
}

#[test]
fn reference_pages_are_marked_and_named_as_sources() {
    let (code, docs, _) = analyze(
        &[&repo().join("corpus/variants")],
        &[
            "--reference",
            &repo().join("corpus/seeds").to_string_lossy(),
        ],
    );
    assert_eq!(code, 0);
    let refs: Vec<&Value> = docs.iter().filter(|d| d["reference"] == true).collect();
    assert_eq!(refs.len(), 5, "the five seeds are reference pages");
    let gbk = by_id(&docs, "gbk_001_7479f0db71bd9e90.txt");
    assert!(gbk.get("reference").is_none());
    let sources = gbk["articles"][0]["copy"]["sources"].as_array().unwrap();
    assert!(
        sources
            .iter()
            .any(|s| s["article"] == "001_7479f0db71bd9e90.txt#1"),
        "the GBK copy names the template page it copies: {sources:?}"
    );
}

#[test]
fn explain_lists_removed_lines() {
    let (_, docs, _) = analyze(&[&repo().join("corpus/seeds")], &["--explain"]);
    let d = by_id(&docs, "000_8f9c3c8eedcddc83.txt");
    let detail = d["removed"]["lines_detail"].as_array().unwrap();
    assert_eq!(detail.len() as u64, d["removed"]["lines"].as_u64().unwrap());
    assert!(detail.iter().any(|l| l["reason"] == "seo-spam"));
    let (_, docs, _) = analyze(&[&repo().join("corpus/seeds")], &[]);
    assert!(by_id(&docs, "000_8f9c3c8eedcddc83.txt")["removed"]
        .get("lines_detail")
        .is_none());
}

#[test]
fn compare_shows_the_shared_passages() {
    let seeds = repo().join("corpus/seeds");
    let out = zhreport()
        .arg("compare")
        .arg(seeds.join("000_8f9c3c8eedcddc83.txt"))
        .arg(seeds.join("003_e143416c15d9f134.txt"))
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = v.to_string();
    assert!(text.contains("passages"), "{text:.300}");
    let plain = zhreport()
        .arg("compare")
        .arg(seeds.join("000_8f9c3c8eedcddc83.txt"))
        .arg(seeds.join("003_e143416c15d9f134.txt"))
        .output()
        .unwrap();
    assert_eq!(plain.status.code(), Some(0));
    assert!(!plain.stdout.is_empty());
}
