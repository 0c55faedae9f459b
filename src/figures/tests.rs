//! Edge cases of issue 6, one test each.

use super::extract_text;
use crate::report::Figure;

fn figs(s: &str) -> Vec<Figure> {
    extract_text(s).0
}

/// The only figure of `s`.
fn one(s: &str) -> Figure {
    let mut f = figs(s);
    assert_eq!(f.len(), 1, "{s}: {f:?}");
    f.remove(0)
}

fn val(s: &str) -> (Option<f64>, String) {
    let f = one(s);
    (f.value, f.kind)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
}

#[test]
fn arabic_numbers() {
    assert!(close(one("完成241。65萬元").value, 2_416_500.0));
    assert!(close(one("职工5，905万人").value, 59_050_000.0));
    assert!(close(one("职工5,905万人").value, 59_050_000.0));
    assert_eq!(val("１９９６年"), (Some(1996.0), "year".into()));
    assert!(close(one("增长７．３％").value, 7.3));
    assert_eq!(val("1 9 9 8年"), (Some(1998.0), "year".into()));
}

#[test]
fn chinese_numbers() {
    assert_eq!(val("有二家企业"), (Some(2.0), "count".into()));
    assert_eq!(val("投入两千元"), (Some(2000.0), "money".into()));
    let f = one("捐款一万多元");
    assert!(close(f.value, 10_000.0) && f.approx.as_deref() == Some("over"));
    assert_eq!(val("完成十二项"), (Some(12.0), "count".into()));
    assert_eq!(val("二〇二四年"), (Some(2024.0), "year".into()));
    assert_eq!(val("二○二四年"), (Some(2024.0), "year".into()));
    let f = one("三十余人参加");
    assert!(close(f.value, 30.0) && f.approx.as_deref() == Some("over"));
    assert!(close(one("收入十亿六千万元").value, 1.06e9));
    assert!(close(one("一百零三亿七千万元").value, 1.037e10));
    let f = one("增长零点五倍");
    assert!(close(f.value, 0.5) && f.kind == "ratio");
    assert!(close(one("百分之十点五").value, 10.5));
    assert!(close(one("粮食产量一千二百万吨").value, 1.2e7));
    assert!(close(one("一万五千人").value, 15_000.0));
}

#[test]
fn mixed_numbers() {
    let f = one("地区生产总值5.2万亿元");
    assert!(close(f.value, 5.2e12) && f.unit.as_deref() == Some("元") && f.kind == "money");
    assert!(close(one("人均1.3万元").value, 13_000.0));
    let f = one("覆盖3万余人");
    assert!(
        close(f.value, 30_000.0)
            && f.unit.as_deref() == Some("人")
            && f.approx.as_deref() == Some("over")
    );
    let f = one("进出口4033亿美元");
    assert!(close(f.value, 4.033e11) && f.unit.as_deref() == Some("美元"));
    assert!(close(one("新增装机100万千瓦").value, 1e6));
    assert!(close(one("投资1亿2000万元").value, 1.2e8));
}

#[test]
fn kinds() {
    assert_eq!(one("培训1200人次").kind, "count");
    assert_eq!(one("签订率达90%").kind, "percent");
    assert_eq!(one("签订率达90％").kind, "percent");
    assert_eq!(one("占百分之六十").kind, "percent");
    let f = one("提高6.5个百分点");
    assert!(close(f.value, 6.5) && f.kind == "percentage-points");
    assert_eq!(one("面积34.3平方公里").kind, "quantity");
    assert_eq!(one("吞吐量5506.3万标准箱").kind, "quantity");
    assert_eq!(one("发电量300亿千瓦时").kind, "quantity");
    assert_eq!(val("1979年"), (Some(1979.0), "year".into()));
    assert_eq!(val("一九八五年"), (Some(1985.0), "year".into()));
    assert_eq!(val("4月9日"), (None, "date".into()));
    assert_eq!(val("2024-11-18"), (None, "date".into()));
    assert_eq!(val("上半年"), (None, "date".into()));
    assert_eq!(val("2024年11月18日"), (None, "date".into()));
    assert_eq!(val("第一季度"), (None, "date".into()));
    assert_eq!(val("用两年时间"), (Some(2.0), "duration".into()));
    assert_eq!(val("用三个月"), (Some(3.0), "duration".into()));
    let f = one("增长1.5倍");
    assert!(close(f.value, 1.5) && f.kind == "ratio" && f.role.as_deref() == Some("change"));
    assert!(close(one("提高2.5成").value, 0.25));
    assert!(close(one("打9.9折").value, 0.99));
    assert!(close(one("打八折").value, 0.8));
    assert!(close(one("三分之一").value, 1.0 / 3.0));
}

#[test]
fn approximations() {
    let a = |s: &str| one(s).approx;
    assert_eq!(a("约500人").as_deref(), Some("about"));
    assert_eq!(a("近万人").as_deref(), Some("about"));
    assert_eq!(a("超过10亿元").as_deref(), Some("over"));
    assert_eq!(a("逾3000家").as_deref(), Some("over"));
    assert_eq!(a("不到5%").as_deref(), Some("under"));
    assert_eq!(a("200多家").as_deref(), Some("over"));
    assert_eq!(a("10亿元以上").as_deref(), Some("over"));
    assert_eq!(a("5%左右").as_deref(), Some("about"));
    assert_eq!(a("3%上下").as_deref(), Some("about"));
    assert_eq!(a("控制在3%以内").as_deref(), Some("under"));
    assert_eq!(a("5万元以下").as_deref(), Some("under"));
    assert_eq!(a("节约3万元"), None);
    assert_eq!(a("近3年"), None);
}

#[test]
fn ranges() {
    let f = one("用3-5年");
    assert_eq!(
        (f.approx.as_deref(), f.lower, f.upper, f.value),
        (Some("range"), Some(3.0), Some(5.0), Some(3.0))
    );
    let f = one("提高10%至15%");
    assert_eq!(
        (f.approx.as_deref(), f.lower, f.upper),
        (Some("range"), Some(10.0), Some(15.0))
    );
    let f = one("1—8月");
    assert_eq!(
        (f.kind.as_str(), f.value, f.lower, f.upper),
        ("date", None, Some(1.0), Some(8.0))
    );
    let f = one("1-8月");
    assert_eq!(
        (f.approx.as_deref(), f.lower, f.upper),
        (Some("range"), Some(1.0), Some(8.0))
    );
    let f = one("百分之五到百分之十");
    assert_eq!((f.lower, f.upper), (Some(5.0), Some(10.0)));
    let f = one("2021-2025年");
    assert_eq!(
        (f.kind.as_str(), f.lower, f.upper),
        ("year", Some(2021.0), Some(2025.0))
    );
}

#[test]
fn metric_and_role() {
    let f = one("集体合同签订率达90%");
    assert_eq!(f.metric.as_deref(), Some("集体合同签订率"));
    assert_eq!(f.role.as_deref(), Some("level"));
    assert_eq!(one("新增会员821人").metric.as_deref(), Some("新增会员"));
    assert_eq!(
        one("完成年计划的103.51%").role.as_deref(),
        Some("share-of-target")
    );
    let f = figs("地区生产总值5.2万亿元、增长5.4%");
    assert_eq!(f.len(), 2);
    assert_eq!(f[1].metric.as_deref(), Some("地区生产总值"));
    assert_eq!(f[1].role.as_deref(), Some("change"));
    let f = one("居民消费价格下降3%");
    assert_eq!((f.value, f.role.as_deref()), (Some(3.0), Some("change")));
    let f = one("占比重提高到45%");
    assert_eq!(f.role.as_deref(), Some("level"));
    let f = one("居民收入比上年增长5%");
    assert_eq!(
        (f.metric.as_deref(), f.role.as_deref()),
        (Some("居民收入"), Some("change"))
    );
    let f = figs("城镇居民收入比2020年增长5%");
    assert_eq!(f[1].metric.as_deref(), Some("城镇居民收入"));
    assert_eq!(
        one("新建7家高质量概念验证平台").metric.as_deref(),
        Some("高质量概念验证平台")
    );
    // Traditional script is quoted as written.
    assert_eq!(one("覆蓋職工500人").metric.as_deref(), Some("覆蓋職工"));
    let f = one("增长-2.1%");
    assert_eq!(f.value, Some(-2.1));
}

#[test]
fn placeholders_are_not_numbers() {
    for (s, want) in [
        ("20xx年工作", "20xx年"),
        ("党的xx届五中全会", "xx届"),
        ("XX公司", "XX公司"),
        ("工资____元", "____元"),
        ("20__年", "20__年"),
        ("__X", "__X"),
        ("20___X校园", "20___X"),
    ] {
        let (f, p) = extract_text(s);
        assert!(f.is_empty(), "{s}: {f:?}");
        assert_eq!(p.len(), 1, "{s}");
        assert_eq!(p[0].text, want);
    }
}

#[test]
fn not_figures() {
    for s in [
        "一、推进社区建设",
        "工会工作计划 篇1",
        "（1）加强领导",
        "完成“十二五”规划目标",
        "“十四五”时期",
        "十四五规划",
        "六五计划",
        "第一个五年计划",
        "“三个代表”重要思想",
        "一辦法五條例",
        "两学一做",
        "一心一意谋发展",
        "全力以赴",
        "千方百计",
        "一批项目",
        "一个民族",
        "第一书记",
        "一系列工作",
        "第一时间",
        "一线职工",
        "一带一路",
        "一年来",
        "四个中心",
        "五位一体",
        "电话：0755-12345678",
        "身份证440301199001011234",
        "www.abc.com/2023/1.html",
        "PM2.5浓度",
        "5G基站",
        "10:54:25",
        "2号线",
        "十八届四中全会",
        "七届十次职工代表大会",
        "第八届",
        "四处奔走",
        "三年行动计划",
        "“两个维护”",
    ] {
        let f = figs(s);
        assert!(f.is_empty(), "{s}: {f:?}");
    }
}

#[test]
fn offsets_point_at_the_text() {
    let s = "今年，全镇新增会员821人，签订率达到90%以上。";
    let chars: Vec<char> = s.chars().collect();
    for f in figs(s) {
        let at: String = chars[f.offset..f.offset + f.text.chars().count()]
            .iter()
            .collect();
        assert_eq!(at, f.text);
    }
}

#[test]
fn span_limits_the_search() {
    let text = "新增会员821人。签订率达90%。";
    let analysis = super::analysis_view(text);
    let (f, _) = super::extract(text, &analysis, [9, 17]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "90%");
    assert_eq!(f[0].offset, 13);
}

#[test]
fn national_report_forms() {
    let f = figs("比一九五二年增长百分之六十七");
    assert_eq!((f[0].kind.as_str(), f[0].value), ("year", Some(1952.0)));
    assert!(
        f[1].kind == "percent" && close(f[1].value, 67.0) && f[1].role.as_deref() == Some("change")
    );
    let f = one("全国人口五亿多人");
    assert!(close(f.value, 5e8) && f.approx.as_deref() == Some("over"));
    assert!(close(one("粮食产量三千零八十亿斤").value, 3.08e11));
    assert!(close(one("钢产量增加了一倍").value, 1.0));
    let f = one("农村贫困人口减少1000万以上");
    assert!(f.kind == "count" && close(f.value, 1e7) && f.approx.as_deref() == Some("over"));
    let f = one("海洋生产总值突破万亿");
    assert!(f.kind == "money" && close(f.value, 1e12) && f.approx.as_deref() == Some("over"));
    assert_eq!(one("七十年代").kind, "date");
    assert!(close(one("上百万人").value, 1e6));
    assert_eq!(one("百分之零点六").value, Some(0.6));
    assert_eq!(one("合格率百分之百").value, Some(100.0));
    assert!(figs("实现“两个百年”奋斗目标").is_empty());
}

#[test]
fn doubling_and_neighbour_ranges() {
    let f = figs("到本世纪末国民生产总值比一九八〇年翻两番");
    let r = &f[1];
    assert!(
        r.kind == "ratio" && close(r.value, 4.0) && r.text == "翻两番",
        "{r:?}"
    );
    let f = one("城乡居民收入翻了一番多");
    assert!(close(f.value, 2.0) && f.approx.as_deref() == Some("over"));
    assert!(figs("费了一番功夫").is_empty());
    let f = one("全国有七八个省份");
    assert!(f.kind == "count" && f.approx.as_deref() == Some("range"));
    assert_eq!((f.lower, f.upper), (Some(7.0), Some(8.0)));
    let f = one("需要三四万人");
    assert_eq!((f.lower, f.upper), (Some(30000.0), Some(40000.0)));
    let f = one("用一两年时间");
    assert!(f.kind == "duration" && f.upper == Some(2.0));
    assert!(figs("乱七八糟").is_empty());
    assert!(figs("十之八九").is_empty());
}

#[test]
fn national_report_metrics() {
    let f = figs("一九七四年的农业总产值比一九六四年增长百分之五十一");
    assert_eq!(f[2].metric.as_deref(), Some("农业总产值"));
    let f = one("工业总产值平均每年增长百分之二十五左右");
    assert_eq!(f.metric.as_deref(), Some("工业总产值"));
    let f = one("将个人所得税基本减除费用标准提高到每月5000元");
    assert_eq!(f.metric.as_deref(), Some("个人所得税基本减除费用标准"));
    let f = one("细颗粒物（PM2.5）平均浓度降至29.3微克/立方米");
    assert_eq!(f.metric.as_deref(), Some("细颗粒物（PM2.5）平均浓度"));
    let f = one("现行标准下9899万农村贫困人口全部脱贫");
    assert!(f.kind == "count" && close(f.value, 9.899e7));
    assert_eq!(f.metric.as_deref(), Some("农村贫困人口"));
}

#[test]
fn unnamed_multiples_and_rates() {
    let f = one("几十年来");
    assert!(f.kind == "duration" && close(f.value, 10.0) && f.approx.as_deref() == Some("over"));
    let f = one("新建铁路数万公里");
    assert!(f.kind == "quantity" && close(f.value, 1e4) && f.text == "数万公里");
    assert!(close(one("新增就业几百万人").value, 1e6));
    assert!(figs("多数十分满意").is_empty());
    let f = one("平均浓度为30微克每立方米");
    assert_eq!(f.unit.as_deref(), Some("微克每立方米"));
    assert!(close(one("发电量达到一千一百三十亿度").value, 1.13e11));
    assert!(figs("一度下滑").is_empty());
}

#[test]
fn words_with_deng_and_yearly_averages() {
    let f = one("全国共有普通高等学校一千零二十二所");
    assert!(f.metric.is_some_and(|m| m.ends_with("普通高等学校")));
    let f = figs("农民人均纯收入达到三百九十七元，扣除物价因素，每年平均增长百分之十五。");
    assert_eq!(f[1].metric.as_deref(), Some("农民人均纯收入"));
    assert_eq!(f[1].role.as_deref(), Some("change"));
}

#[test]
fn parallel_counts_share_the_head_noun() {
    let f = figs("全国培育形成3个万亿级和7个千亿级产业集群。");
    assert_eq!(f[0].metric.as_deref(), Some("产业集群"));
    assert_eq!(f[1].metric.as_deref(), Some("千亿级产业集群"));
}

#[test]
fn topic_clause_before_a_year() {
    let f = figs("国家用于农业的投资，一九五七年为十二亿元，一九五八年增加到二十六亿元。");
    assert_eq!(f[1].metric.as_deref(), Some("国家用于农业的投资"));
    assert_eq!(f[3].metric.as_deref(), Some("国家用于农业的投资"));
    let f = figs("全国八亿农民中，有百分之九十以上参加了合作社。");
    assert_ne!(f[0].metric.as_deref(), Some("中"));
}

#[test]
fn comparison_opening_a_clause_is_no_metric() {
    let f = figs("新增高中学位8700多个、比年度计划翻了一番。");
    assert_eq!(f[1].metric.as_deref(), Some("新增高中学位"));
    assert!(figs("违规电动三四轮车").is_empty());
}

#[test]
fn excess_over_a_plan() {
    let f = figs("棉花产量达到四千二百万担，超过原定计划百分之十六。");
    assert_eq!(f[1].metric.as_deref(), Some("棉花产量"));
    assert_eq!(f[1].role.as_deref(), Some("change"));
}

#[test]
fn from_to_inside_a_clause() {
    let f = figs("小规模纳税人增值税起征点从月销售额10万元提高到15万元。");
    assert_eq!(f[0].metric.as_deref(), Some("小规模纳税人增值税起征点"));
    assert_eq!(f[1].metric.as_deref(), Some("小规模纳税人增值税起征点"));
}

#[test]
fn from_to_after_respectively() {
    let f = figs("护理补贴标准分别从每人209元、280元提高到217元、290元。");
    assert_eq!(f[0].metric.as_deref(), Some("护理补贴标准"));
}
