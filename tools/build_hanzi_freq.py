#!/usr/bin/env python3
"""Builds src/decode/hanzi_freq.txt: hanzi in descending frequency, one line.

Sources, merged by the larger normalised weight:
  * GENERAL: the head of a general modern-Chinese frequency list (news + literature,
    written from the well-known Jun Da / 现代汉语常用字 ordering), so that the table is
    not biased to government prose;
  * the plan/summary corpus: ../shared/corpus/seeds/*.txt and the `full_text` column of
    ../shared/corpus/gov-reports-2026/*.csv (counted as written, simplified and traditional).
Traditional characters absent from the table are scored at run time through fast2s
(traditional → simplified), so only the written forms are listed here.
Run from the repository root:  python3 tools/build_hanzi_freq.py
"""
import collections, csv, glob, os, sys

GENERAL = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日"
    "军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见"
    "被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论"
    "处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资"
    "命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住"
    "告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车"
    "亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城"
    "石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农"
    "找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某"
    "案黑维革划敢围施衣七音低热江速游村微端般坐胡讲居母错纪愿批致细黄故层角奇药球排退负铁胜星顺洋修依状迹养怕"
    "配防终营独印背伤攻充叶卫块置苦举福板楼树够血担湾帮族宣春健汉脸律陆范婚倒欢妈刻谁盘止沉降宝云态罪讨双温父"
    "竟佛烈异差冲纳例试环田岁章值超欧破河宗积险港尚控吸输恶胸茶察午均源草杀素露忙弟油模乱客爸静歌讯朝担怀良孩"
    "永适录拿夜判织缺阳银圣假富占护严述归招船香密厂哥毛食材紧承室刚秋律激鱼范境继散洲坚藏纸岛绝掉免顾奥危黎杨"
    "副婆阵晚玩短劳缘旧吉私岸迎松剧徒测登激雪迷软亮补旅赛订挥宁龙虎纷伯床谢篇鲜胆余遍兴忘纯尤映荣圆狂梦盖怪戏"
    "善野尊麻掌欲审梁脚亿蒙郎妻宫灵肯践疑延秘探野惊呼笔姐暗迫渐庭摇唐汽宽座骨吹帝抗鲁暴益幸秦脑陈危借急刘赵吴"
    "钱孙郑冯韩孔曹袁邓许傅沈彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦"
    "江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)

def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = os.path.join(root, "..", "shared", "corpus")
    csv.field_size_limit(1 << 30)
    counts = collections.Counter()
    def add(text):
        counts.update(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    for path in sorted(glob.glob(os.path.join(shared, "seeds", "*.txt"))):
        with open(path, encoding="utf-8") as fh:
            add(fh.read())
    for path in sorted(glob.glob(os.path.join(shared, "gov-reports-2026", "*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                add(row.get("full_text", ""))
    if not counts:
        sys.exit("no corpus found under " + shared)
    total = sum(counts.values())
    weight = {}
    # Zipf weight for the general list: rank r has share ~ 0.12 / (r + 8).
    seen = []
    for ch in GENERAL:
        if ch not in seen:
            seen.append(ch)
    for r, ch in enumerate(seen):
        weight[ch] = 0.12 / (r + 8)
    for ch, k in counts.items():
        if k < 3:
            # Seen once or twice: too little evidence; the standards' tiers decide.
            continue
        w = k / total
        # Corpus-only characters are damped a little: the corpus is one genre.
        w = w * 0.6
        weight[ch] = max(weight.get(ch, 0.0), w)
    ordered = sorted(weight, key=lambda c: (-weight[c], c))
    out = os.path.join(root, "src", "decode", "hanzi_freq.txt")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("".join(ordered) + "\n")
    print(f"{len(ordered)} hanzi -> {out}")

if __name__ == "__main__":
    main()
