#[test]
fn dump() {
    let Ok(path) = std::env::var("FIGDUMP") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for line in text.lines() {
        let (f, p) = zhreport::figures::extract_text(line);
        println!("## {line}");
        for x in f {
            println!(
                "  {} | {:?} {:?} {} {:?} [{:?},{:?}] m={:?} r={:?}",
                x.text, x.value, x.unit, x.kind, x.approx, x.lower, x.upper, x.metric, x.role
            );
        }
        for x in p {
            println!("  PH {}", x.text);
        }
    }
}
