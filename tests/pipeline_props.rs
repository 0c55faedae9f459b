//! Property tests of the per-document pass: any bytes, no panic; offsets inside the text.
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use zhreport::input::{DocItem, Payload};
use zhreport::pipeline::{process_document, Context};

fn ctx() -> &'static Context {
    static CTX: OnceLock<Context> = OnceLock::new();
    CTX.get_or_init(|| match Context::new(None, None) {
        Ok(c) => c,
        Err(e) => panic!("context: {e}"),
    })
}

fn item(payload: Payload) -> DocItem {
    DocItem {
        id: "p".into(),
        bytes: None,
        meta: BTreeMap::new(),
        reference: false,
        payload,
    }
}

fn check_offsets(p: &zhreport::pipeline::Processed) {
    let Some(body) = &p.record.body else { return };
    let n = body.chars;
    if let Some(text) = &p.cleaned {
        assert_eq!(text.chars().count(), n);
    }
    for a in &body.articles {
        assert!(
            a.span[0] <= a.span[1] && a.span[1] <= n,
            "span {:?} of {n}",
            a.span
        );
        for s in &a.sections {
            assert!(s.offset < n.max(1));
        }
        for f in &a.figures {
            assert!(f.offset + f.text.chars().count() <= n);
        }
        for ph in &a.placeholders {
            assert!(ph.offset + ph.text.chars().count() <= n);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_bytes_no_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let p = process_document(item(Payload::Bytes(bytes)), 0, ctx());
        check_offsets(&p);
    }

    #[test]
    fn any_chinese_like_text_no_panic(s in "[一二三四五六七八九十百千万亿0-9０-９.。,，、：:（）()篇年月日%％元人个项\\n 工会计划总结完成将要xX_]{0,400}") {
        let p = process_document(item(Payload::Text { text: s, encoding: "UTF-8" }), 0, ctx());
        check_offsets(&p);
    }
}
