//! # zhreport
//!
//! Analyse piles of scraped Chinese plan and summary documents (工作计划, 工作总结, 述职报告,
//! 政府工作报告): decode any encoding, clean page chrome and template-site artefacts, segment,
//! find articles and headings, classify plan vs summary, extract figures, and find who copied
//! whom across a corpus.
//!
//! The stages take bytes or `&str` and return plain structs; only [`input`], [`pipeline`] and
//! the binary touch the file system. See `../shared/docs/ARCHITECTURE.md` for the design and
//! `../shared/docs/OUTPUT.md` for the output contract ([`report`]).
#![warn(missing_docs)]

pub mod classify;
pub mod clean;
pub mod cli;
pub mod decode;
pub mod dedup;
pub mod figures;
pub mod input;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod structure;
