//! Units and measure words, and the kind of figure each one makes.

/// Kind of a figure (OUTPUT.md names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FigKind {
    Count,
    Percent,
    Points,
    Money,
    Quantity,
    Year,
    Date,
    Duration,
    Ratio,
}

impl FigKind {
    /// The name written in documents.jsonl.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            FigKind::Count => "count",
            FigKind::Percent => "percent",
            FigKind::Points => "percentage-points",
            FigKind::Money => "money",
            FigKind::Quantity => "quantity",
            FigKind::Year => "year",
            FigKind::Date => "date",
            FigKind::Duration => "duration",
            FigKind::Ratio => "ratio",
        }
    }
}

use FigKind::*;

/// Units as written after a number. `年`, `月`, `日` are sorted out by the grammar (year,
/// date or duration); `成` and `折` are turned into fractions there.
const UNITS: &[(&str, FigKind)] = &[
    // Percentage points first: `个百分点` must win over `个`.
    ("个百分点", Points),
    ("百分点", Points),
    ("%", Percent),
    ("％", Percent),
    ("‰", Percent),
    // Durations written with a measure word.
    ("个多月", Duration),
    ("个半月", Duration),
    ("个月", Duration),
    ("个工作日", Duration),
    ("工作日", Duration),
    ("个季度", Duration),
    ("个小时", Duration),
    ("个星期", Duration),
    ("小时", Duration),
    ("分钟", Duration),
    ("星期", Duration),
    ("周年", Duration),
    ("天", Duration),
    ("周", Duration),
    ("秒", Duration),
    ("年", Year),
    ("月份", Date),
    ("月", Date),
    ("日", Date),
    ("季度", Date),
    // Money.
    ("元人民币", Money),
    ("美元", Money),
    ("欧元", Money),
    ("日元", Money),
    ("港元", Money),
    ("港币", Money),
    ("英镑", Money),
    ("卢布", Money),
    ("美金", Money),
    ("韩元", Money),
    ("元", Money),
    // Physical quantities.
    ("平方公里", Quantity),
    ("平方千米", Quantity),
    ("平方米", Quantity),
    ("平米", Quantity),
    ("立方米", Quantity),
    ("公顷", Quantity),
    ("亩", Quantity),
    ("公里", Quantity),
    ("千米", Quantity),
    ("厘米", Quantity),
    ("毫米", Quantity),
    ("海里", Quantity),
    ("英寸", Quantity),
    ("米", Quantity),
    ("吨标准煤", Quantity),
    ("吨", Quantity),
    ("千克", Quantity),
    ("公斤", Quantity),
    ("毫克", Quantity),
    ("微克", Quantity),
    ("克", Quantity),
    ("斤", Quantity),
    ("担", Quantity),
    ("千瓦时", Quantity),
    ("千瓦", Quantity),
    ("兆瓦", Quantity),
    ("吉瓦", Quantity),
    ("千伏", Quantity),
    ("伏", Quantity),
    ("瓦", Quantity),
    ("度", Quantity),
    ("标准箱", Quantity),
    ("标箱", Quantity),
    ("毫升", Quantity),
    ("升", Quantity),
    ("立方", Quantity),
    ("岁", Quantity),
    ("摄氏度", Quantity),
    ("℃", Quantity),
    ("马力", Quantity),
    ("千卡", Quantity),
    // Counts with a measure word.
    ("人次", Count),
    // People counted by what they are (五亿多农民, 七亿五千万人口).
    ("人口", Count),
    ("农民", Count),
    ("工人", Count),
    ("职工", Count),
    ("学生", Count),
    ("干部", Count),
    ("农户", Count),
    ("居民", Count),
    ("群众", Count),
    ("党员", Count),
    ("户次", Count),
    ("家次", Count),
    ("项次", Count),
    ("架次", Count),
    ("批次", Count),
    ("场次", Count),
    ("车次", Count),
    ("册次", Count),
    ("班次", Count),
    ("课时", Count),
    ("学时", Count),
    ("人", Count),
    ("名", Count),
    ("位", Count),
    ("家", Count),
    ("个", Count),
    ("项", Count),
    ("次", Count),
    ("场", Count),
    ("件", Count),
    ("户", Count),
    ("枚", Count),
    ("台", Count),
    ("套", Count),
    ("期", Count),
    ("所", Count),
    ("篇", Count),
    ("条", Count),
    ("座", Count),
    ("辆", Count),
    ("艘", Count),
    ("架", Count),
    ("部", Count),
    ("批", Count),
    ("类", Count),
    ("种", Count),
    ("支", Count),
    ("队", Count),
    ("组", Count),
    ("间", Count),
    ("张", Count),
    ("份", Count),
    ("本", Count),
    ("册", Count),
    ("处", Count),
    ("栋", Count),
    ("幢", Count),
    ("口", Count),
    ("头", Count),
    ("只", Count),
    ("羽", Count),
    ("株", Count),
    ("棵", Count),
    ("根", Count),
    ("块", Count),
    ("片", Count),
    ("例", Count),
    ("起", Count),
    ("宗", Count),
    ("笔", Count),
    ("单", Count),
    ("款", Count),
    ("门", Count),
    ("节", Count),
    ("床", Count),
    ("轮", Count),
    ("盏", Count),
    ("封", Count),
    ("首", Count),
    ("幅", Count),
    ("列", Count),
    ("趟", Count),
    ("匹", Count),
    ("对", Count),
    ("大类", Count),
    ("锭", Count),
    ("桶", Quantity),
    ("尺", Quantity),
    // Ratios.
    ("倍", Ratio),
    ("成", Ratio),
    ("折", Ratio),
];

/// Units sharing a first char: (name, kind, chars), longest first.
type UnitList = Vec<(&'static str, FigKind, Vec<char>)>;

/// Units grouped by first char, longest first.
fn by_first_char() -> &'static std::collections::HashMap<char, UnitList> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<char, UnitList>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: std::collections::HashMap<char, UnitList> = Default::default();
        for &(u, k) in UNITS {
            let cs: Vec<char> = u.chars().collect();
            if let Some(&c) = cs.first() {
                m.entry(c).or_default().push((u, k, cs));
            }
        }
        for v in m.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.2.len()));
        }
        m
    })
}

/// The longest unit written at `at`, with its length in chars.
pub(crate) fn unit_at(chars: &[char], at: usize) -> Option<(&'static str, FigKind, usize)> {
    let first = *chars.get(at)?;
    let list = by_first_char().get(&first)?;
    list.iter()
        .find(|(_, _, cs)| chars.get(at..at + cs.len()) == Some(cs.as_slice()))
        .map(|(u, k, cs)| (*u, *k, cs.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_wins() {
        let cs: Vec<char> = "个百分点".chars().collect();
        assert_eq!(unit_at(&cs, 0).map(|u| u.0), Some("个百分点"));
        let cs: Vec<char> = "千瓦时".chars().collect();
        assert_eq!(unit_at(&cs, 0).map(|u| u.0), Some("千瓦时"));
        let cs: Vec<char> = "人次".chars().collect();
        assert_eq!(unit_at(&cs, 0).map(|u| u.1), Some(FigKind::Count));
    }
}
