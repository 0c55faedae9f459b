//! The keys and key maps of all articles, spooled to one temporary file so memory holds only
//! fingerprints; verification reads back the two keys of each candidate pair.
//!
//! Record layout: varint key byte length, the key's UTF-8 bytes, varint run count, then runs of
//! the key map as (gap from the previous run's end, length) varints: consecutive key chars sit
//! at consecutive cleaned-text offsets except around punctuation and spaces, so a map costs
//! about one byte per sentence instead of four per char.

use std::fs::File;
use std::io::{self, BufWriter, Write};

/// One article's key and key map, read back from the spool.
#[derive(Debug, Clone, Default)]
pub struct Spooled {
    /// The key.
    pub key: String,
    /// Cleaned-text offset of each key char.
    pub key_map: Vec<u32>,
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(buf: &[u8], pos: &mut usize) -> io::Result<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = *buf.get(*pos).ok_or_else(|| bad("truncated varint"))?;
        *pos += 1;
        if shift > 63 {
            return Err(bad("varint overflow"));
        }
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Ok(v);
        }
        shift += 7;
    }
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("dedup spool: {what}"))
}

/// Encodes one record.
pub fn encode(key: &str, key_map: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(key.len() + key_map.len() / 4 + 16);
    put_varint(&mut out, key.len() as u64);
    out.extend_from_slice(key.as_bytes());
    let mut runs: Vec<(u64, u64)> = Vec::new();
    let mut prev_end = 0u64;
    let mut i = 0;
    while i < key_map.len() {
        let start = u64::from(key_map[i]);
        let mut j = i + 1;
        while j < key_map.len() && u64::from(key_map[j]) == u64::from(key_map[j - 1]) + 1 {
            j += 1;
        }
        // Maps are increasing in practice; a decreasing one is stored as an absolute restart.
        let gap = if start >= prev_end {
            (start - prev_end) << 1
        } else {
            (start << 1) | 1
        };
        runs.push((gap, (j - i) as u64));
        prev_end = start + (j - i) as u64;
        i = j;
    }
    put_varint(&mut out, runs.len() as u64);
    for (g, l) in runs {
        put_varint(&mut out, g);
        put_varint(&mut out, l);
    }
    out
}

/// Decodes one record.
pub fn decode(buf: &[u8]) -> io::Result<Spooled> {
    let mut pos = 0;
    let n = get_varint(buf, &mut pos)? as usize;
    let bytes = buf
        .get(pos..pos.saturating_add(n))
        .ok_or_else(|| bad("truncated key"))?;
    let key = std::str::from_utf8(bytes)
        .map_err(|_| bad("key is not UTF-8"))?
        .to_owned();
    pos += n;
    let runs = get_varint(buf, &mut pos)?;
    let mut key_map = Vec::with_capacity(key.len() / 3 + 1);
    let mut prev_end = 0u64;
    for _ in 0..runs {
        let g = get_varint(buf, &mut pos)?;
        let l = get_varint(buf, &mut pos)?;
        let start = if g & 1 == 1 {
            g >> 1
        } else {
            prev_end + (g >> 1)
        };
        for t in 0..l {
            key_map.push((start + t) as u32);
        }
        prev_end = start + l;
    }
    Ok(Spooled { key, key_map })
}

/// Appends records to a temporary file and reads them back at random from many threads.
pub struct Spool {
    writer: Option<BufWriter<File>>,
    reader: File,
    len: u64,
}

impl Spool {
    /// A new spool file in `dir` (removed when dropped).
    pub fn new(dir: &std::path::Path) -> io::Result<Spool> {
        let file = tempfile::tempfile_in(dir)?;
        let reader = file.try_clone()?;
        Ok(Spool {
            writer: Some(BufWriter::with_capacity(1 << 20, file)),
            reader,
            len: 0,
        })
    }

    /// Appends a record, returning its (offset, length).
    pub fn append(&mut self, rec: &[u8]) -> io::Result<(u64, u32)> {
        let w = self
            .writer
            .as_mut()
            .ok_or_else(|| bad("spool already sealed"))?;
        w.write_all(rec)?;
        let off = self.len;
        self.len += rec.len() as u64;
        Ok((off, rec.len() as u32))
    }

    /// Flushes the writes; afterwards only reads are possible.
    pub fn seal(&mut self) -> io::Result<()> {
        if let Some(mut w) = self.writer.take() {
            w.flush()?;
        }
        Ok(())
    }

    /// Reads one record (after [`Spool::seal`]).
    pub fn read(&self, off: u64, len: u32) -> io::Result<Spooled> {
        let mut buf = vec![0u8; len as usize];
        read_at(&self.reader, &mut buf, off)?;
        decode(&buf)
    }
}

#[cfg(unix)]
fn read_at(f: &File, buf: &mut [u8], off: u64) -> io::Result<()> {
    use std::os::unix::fs::FileExt;
    f.read_exact_at(buf, off)
}

#[cfg(windows)]
fn read_at(f: &File, buf: &mut [u8], off: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    let mut done = 0;
    while done < buf.len() {
        let n = f.seek_read(&mut buf[done..], off + done as u64)?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        done += n;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let key = "工会工作计划ab12";
        let map = vec![3, 4, 5, 6, 7, 8, 10, 11, 14, 15];
        let d = decode(&encode(key, &map)).unwrap();
        assert_eq!(d.key, key);
        assert_eq!(d.key_map, map);
        let d = decode(&encode("", &[])).unwrap();
        assert!(d.key.is_empty() && d.key_map.is_empty());
        assert_eq!(
            decode(&encode("甲乙", &[9, 2])).unwrap().key_map,
            vec![9, 2]
        );
    }

    #[test]
    fn truncated_records_are_errors() {
        let rec = encode("工会工作计划", &[0, 1, 2, 3, 4, 5]);
        for cut in 0..rec.len() {
            assert!(decode(&rec[..cut]).is_err() || cut == rec.len());
        }
    }

    #[test]
    fn spool_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Spool::new(dir.path()).unwrap();
        let a = s.append(&encode("甲乙丙", &[0, 1, 2])).unwrap();
        let b = s.append(&encode("丁戊", &[5, 9])).unwrap();
        s.seal().unwrap();
        assert_eq!(s.read(b.0, b.1).unwrap().key, "丁戊");
        assert_eq!(s.read(a.0, a.1).unwrap().key_map, vec![0, 1, 2]);
    }
}
