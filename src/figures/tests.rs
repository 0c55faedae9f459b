//! Edge cases of the issue, one assertion each.

use super::extract_text;
use crate::report::Figure;

fn figs(s: &str) -> Vec<Figure> {
    extract_text(s).0
}

fn one(s: &str) -> Figure {
    let f = figs(s);
    assert_eq!(f.len(), 1, "{s}: {f:?}");
    f.into_iter().next().unwrap_or_else(|| unreachable!())
}

#[test]
fn smoke() {
    for s in ["新增会员821人", "集体合同签订率达90%"] {
        eprintln!("{:?}", figs(s));
    }
}
