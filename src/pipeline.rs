//! The analyze pipeline: passes over the corpus, rayon over a bounded window.
