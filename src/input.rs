//! Input discovery: files, directories, stdin, JSONL and CSV records.
