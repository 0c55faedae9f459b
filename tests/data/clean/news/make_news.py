#!/usr/bin/env python3
"""Builds tests/clean_news.rs fixtures: pages in the shapes of real Chinese news and government
sites (people.com.cn, xinhuanet, gov.cn, provincial table portals, GBK county sites, WeChat
exports, ...) around body paragraphs taken from corpus/gov-reports-2026, so the gold is known.
Gold NAME.txt = headline + body paragraphs, one per line. Run from this directory."""
import csv, html, pathlib, random, glob

random.seed(11)
CORPUS = pathlib.Path(__file__).resolve().parents[4] / ".." / "shared" / "corpus"
csv.field_size_limit(10**9)
FILES = sorted(glob.glob(str(CORPUS / "gov-reports-2026" / "*.csv")))

def paras(k, n, start=40):
    with open(FILES[k], encoding="utf-8-sig") as f:
        t = next(csv.DictReader(f))["full_text"]
    ls = [l.strip() for l in t.splitlines() if len(l.strip()) >= 25 and l.strip()[-1] in "。；！"]
    s = min(start, max(0, len(ls) - n))
    # news paragraphs are short: cut long report paragraphs at a sentence end
    out = []
    for l in ls[s:s + n]:
        if len(l) > 220:
            cut = l.find("。", 120)
            l = l[:cut + 1] if cut > 0 else l
        out.append(l)
    return out

def e(s, ent=False):
    s = html.escape(s, quote=False)
    if ent:
        s = s.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("——", "&mdash;&mdash;").replace("。", "&#12290;", 2)
    return s

def write(name, page, gold, enc="utf-8"):
    pathlib.Path(name + ".html").write_bytes(page.encode(enc, errors="xmlcharrefreplace"))
    pathlib.Path(name + ".txt").write_text("\n".join(gold) + "\n", encoding="utf-8")

def spans(p):
    # a paragraph split across inline spans (WeChat / Word exports)
    cuts = sorted(random.sample(range(1, len(p)), min(4, len(p) - 1)))
    parts, prev = [], 0
    for c in cuts + [len(p)]:
        parts.append(p[prev:c]); prev = c
    return "".join(f'<span style="font-size: 15px;letter-spacing: 1px;">{e(x)}</span>' for x in parts)

FOOT = """<div class="footer"><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/map">网站地图</a></p>
<p>主办单位：{org}　承办单位：{org}办公室</p><p>版权所有：{org}　地址：{addr}　邮编：{zip}</p>
<p><a href="https://beian.miit.gov.cn">{icp}</a>　<img src="/ga.png">{ga}　网站标识码：{code}</p></div>"""
def foot(org, i):
    return FOOT.format(org=org, addr="人民路" + str(100 + i) + "号", zip=str(650000 + i), icp=f"滇ICP备0500{i}号-1", ga=f"公网安备 5301020200{i}号", code=f"53000000{i}")

RELATED = lambda ts: "".join(f'<li><a href="/n/{i}.html">{t}</a> <span>2026-01-{10+i}</span></li>' for i, t in enumerate(ts))
RT = ["省政府召开常务会议研究部署近期重点工作", "全省经济运行保持稳中有进态势", "我省出台支持民营经济发展若干措施", "春运首日全省发送旅客超百万人次", "全省重大项目建设推进会召开", "省领导调研乡村振兴工作"]

pages = []

# 1. people.com.cn style
b = paras(0, 8); t = "上海：聚焦高质量发展 奋力谱写新篇章"
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}--地方--人民网</title>
<script src="//tools.people.com.cn/libs/jquery/1.7.1/jquery-1.7.1.min.js"></script></head><body>
<div class="header_bg"><div class="w1200 header"><a href="http://www.people.com.cn">人民网</a> <a href="http://cpc.people.com.cn">中国共产党新闻网</a> <a href="/">地方</a></div></div>
<div class="w1200 route"><a href="http://www.people.com.cn">人民网</a>&gt;&gt;<a href="http://local.people.com.cn">地方</a></div>
<div class="layout rm_txt cf"><div class="col col-1 fl"><div class="rm_txt_title"><h1>{e(t)}</h1>
<div class="col-1-1 fl">2026年02月04日07:38 | 来源：<a href="http://paper.people.com.cn">人民网－人民日报</a></div>
<div class="col-1-2 fr"><a href="#" class="fontsize">小字号</a></div></div>
<div class="rm_txt_con cf"><p style="text-indent: 2em;">本报上海2月3日电　（记者谢卫群）{e(b[0], True)}</p>
<p style="text-align: center;"><img src="/NMediaFile/2026/0204/MAIN.jpg" width="600"></p>
<p style="text-align: center;"><span class="desc">图为上海浦东新区陆家嘴金融区。新华社记者 王翔摄</span></p>
""" + "".join(f'<p style="text-indent: 2em;">{e(x, i % 2 == 0)}</p>\n' for i, x in enumerate(b[1:])) + f"""
<p style="text-indent: 2em;">《 人民日报 》（ 2026年02月04日 02 版）</p>
<div class="edit cf">(责编：李昉、牛镛)</div></div>
<div class="rm_relevant"><div class="share"><span>分享让更多人看到</span> <a class="weixin">微信</a><a class="weibo">微博</a></div></div>
<div class="rm_ranking"><h2>热门排行</h2><ul>{RELATED(RT)}</ul></div></div>
<div class="col col-2 fr"><div class="ad"><script>ad_show(1);</script></div><div class="tj"><h2>推荐阅读</h2><ul>{RELATED(RT[::-1])}</ul></div></div></div>
<div class="foot"><p>人民日报社概况 | 关于人民网 | 报社招聘 | 招聘英才 | 广告服务 | 合作加盟 | 供稿服务 | 网站声明 | 网站律师 | 信息保护 | 联系我们</p>
<p>人 民 网 股 份 有 限 公 司 版 权 所 有 ，未 经 书 面 授 权 禁 止 使 用</p><p>Copyright &copy; 1997-2026 by www.people.com.cn. all rights reserved</p></div></body></html>"""
write("people_rm_txt", p, [t, "本报上海2月3日电　（记者谢卫群）" + b[0]] + b[1:])
pages.append(1)

# 2. xinhuanet style: <div id="detail">, 原标题, 分享到, 责任编辑, GBK not (xinhua is utf-8)
b = paras(1, 7); t = "云南：加快建设现代化产业体系"
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}-新华网</title>
<script>var xhrw={{a:1}};if(1<2){{document.write("<p>x</p>")}}</script></head><body>
<div class="topMenu"><a href="http://www.news.cn">新华网</a> <a href="/politics/">时政</a> <a href="/local/">地方</a> <a href="/fortune/">财经</a> <a href="/world/">国际</a></div>
<div class="header domPC"><div class="header-cont clearfix"><div class="header-time left"><span class="year"><em> 2026</em></span><span class="day"><em> 02</em>/<em>03</em></span><span class="time"> 09:12:33</span></div>
<div class="source">来源：新华网</div></div><div class="head-line clearfix"><h1><span class="title">{e(t)}</span></h1></div>
<div class="pageShare"><div class="setFont">字体：<span class="bigger">放大</span> <span class="smaller">缩小</span></div><div class="share">分享到：<a class="wx"></a><a class="wb"></a></div></div></div>
<div class="main clearfix"><div class="main-left left"><div id="detail"><span id="detailContent">
<p>　　新华社昆明2月3日电（记者 杨静 王研）{e(b[0])}</p>
<p>　　原标题：云南省政府工作报告解读</p>
""" + "".join(f"<p>　　{e(x, True)}</p>\n" for x in b[1:4]) + """<p><img src="1130.jpg"></p><p style="text-align:center"><font color="navy">　　这是2月2日拍摄的昆明市区（无人机照片）。新华社记者 江文耀 摄</font></p>
""" + "".join(f"<p>　　{e(x)}</p>\n" for x in b[4:]) + f"""</span></div>
<div id="articleEdit"><span class="tiyi1"><a href="javascript:void(0);" class="advise">【纠错】</a></span><span class="editor">【责任编辑:王子铭】</span></div>
<div class="columBox xglb"><div class="col-tit"><span>相关新闻</span></div><ul>{RELATED(RT)}</ul></div></div>
<div class="main-right right"><div class="columBox"><div class="col-tit">图片</div><ul>{RELATED(RT[:3])}</ul></div></div></div>
<div class="foot"><p>Copyright &copy; 2000-2026 XINHUANET.com All Rights Reserved.</p><p>制作单位：新华网股份有限公司 版权所有 新华网股份有限公司</p></div></body></html>"""
write("xinhua_detail", p, [t, "新华社昆明2月3日电（记者 杨静 王研）" + b[0]] + b[1:])

# 3. gov.cn style article
b = paras(2, 9); t = "国务院办公厅关于进一步优化营商环境的意见"
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{t}"><title>{t}_政策文件_中国政府网</title></head><body>
<div class="header"><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zhengce/">政策</a></li><li><a href="/hudong/">互动</a></li><li><a href="/fuwu/">服务</a></li><li><a href="/shuju/">数据</a></li></ul></div></div>
<div class="BreadcrumbNav"><a href="/">首页</a> &gt; <a href="/zhengce/">政策</a> &gt; 政策文件</div>
<div class="article oneColumn pub_border"><h1>{e(t)}</h1>
<div class="pages-date">2026-02-03 17:02　来源：新华社 <span class="font">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="pages_content" id="UCAP-CONTENT">
<p style="text-indent: 2em; font-family: 宋体;">各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
""" + "".join(f'<p style="text-indent: 2em; font-family: 宋体;">{e(x, i % 3 == 0)}</p>\n' for i, x in enumerate(b)) + """<p style="text-align: right;">国务院办公厅</p><p style="text-align: right;">2026年1月30日</p>
<p style="text-indent: 2em;">（此件公开发布）</p></div>
<div class="editor">【我要纠错】 责任编辑：王洋</div>
<div class="share"><span>扫一扫在手机打开当前页</span><img src="qr.png"></div>
<div class="pages_print"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div></div>
<div class="related"><h3>相关稿件</h3><ul>""" + RELATED(RT) + """</ul></div>
<div class="footer"><p><a href="/">国务院</a> | <a href="/">总理</a> | <a href="/">新闻</a> | <a href="/">政策</a></p><p>版权所有：中国政府网 | 中文域名：中国政府网.政务</p><p>网站识别码bm01000001 京ICP备05070218号 京公网安备11010202000001号</p><p>国务院办公厅主办 中国政府网运行中心负责运行维护</p></div></body></html>"""
write("govcn_pages_content", p, [t, "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："] + b + ["国务院办公厅", "2026年1月30日", "（此件公开发布）"])

# 4. provincial portal, table layout with <font> tags, GBK
b = paras(3, 8); t = "内蒙古自治区召开全区经济工作会议"
rows = "".join(f'<tr><td class="content_font" style="line-height:200%"><font face="宋体" size="3">　　{e(x, i == 2)}</font></td></tr>\n' for i, x in enumerate(b))
p = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{t}</title>
<style>td{{font-size:12px}}</style></head><body topmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/images/banner.jpg"></td></tr>
<tr><td class="nav" height="36"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zxfw/">在线服务</a> | <a href="/hdjl/">互动交流</a> | <a href="/zjnmg/">走进内蒙古</a></td></tr></table>
<table width="1000" border="0" align="center"><tr><td width="240" valign="top"><table><tr><td><font color="#c00">热点专题</font></td></tr>
<tr><td><a href="/z1">优化营商环境</a></td></tr><tr><td><a href="/z2">政府信息公开年报</a></td></tr><tr><td><a href="/z3">政策解读</a></td></tr></table></td>
<td width="760" valign="top"><table width="100%"><tr><td class="dqwz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/xw/">新闻动态</a></td></tr>
<tr><td align="center" height="60"><font size="5" color="#003399"><b>{e(t)}</b></font></td></tr>
<tr><td align="center"><font color="#666666">发布时间：2026-01-20　来源：内蒙古日报　浏览次数：<script>document.write(1234)</script>　【<a href="javascript:print()">打印</a>】【<a href="javascript:close()">关闭</a>】</font></td></tr>
<tr><td><hr size="1" color="#cccccc"></td></tr>
{rows}<tr><td align="right"><font color="#999">【责任编辑：张三】</font></td></tr></table></td></tr></table>
<table width="1000" align="center" bgcolor="#f2f2f2"><tr><td align="center"><font color="#666">主办：内蒙古自治区人民政府办公厅　版权所有　蒙ICP备05003240号　网站标识码：1500000001<br>建议使用1024×768分辨率浏览本站</font></td></tr></table></body></html>"""
write("nmg_table_font_gbk", p, [t] + b, "gbk")

# 5. county site, GBK, <br>&nbsp;&nbsp; paragraphs inside one <td>
b = paras(4, 10); t = "县人民政府2025年工作总结和2026年工作安排"
cell = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + e(x, i % 4 == 1) for i, x in enumerate(b))
p = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>{t}-某某县人民政府网</title></head>
<body><table width="980" align="center"><tr><td background="/img/top.jpg" height="120"></td></tr>
<tr><td class="menu"><a href="/">网站首页</a>　<a href="/xwzx/">新闻中心</a>　<a href="/zwgk/">政务公开</a>　<a href="/bsfw/">办事服务</a>　<a href="/gzcy/">公众参与</a></td></tr></table>
<table width="980" align="center"><tr><td>当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 正文</td></tr>
<tr><td align="center" class="title"><strong><font size="4">{e(t)}</font></strong></td></tr>
<tr><td align="center">作者：县政府办　来源：本站原创　点击数：<span id="hits">356</span>　更新时间：2026-1-15</td></tr>
<tr><td class="text" style="font-size:14px;line-height:28px">{cell}</td></tr>
<tr><td>上一篇：<a href="/a/1.html">县委常委会召开会议</a><br>下一篇：<a href="/a/3.html">全县安全生产工作会议召开</a></td></tr></table>
<table width="980" align="center"><tr><td align="center">版权所有：某某县人民政府　技术支持：某某网络科技有限公司<br>ICP备案号：吉ICP备12003456号　网站标识码：2224000012<br>地址：某某县人民大街88号　电话：0433-1234567</td></tr></table></body></html>"""
write("county_br_td_gbk", p, [t] + b, "gbk")

# 6. WeChat article export
b = paras(5, 8); t = "重磅！2026年四川省政府工作报告全文发布"
secs = "".join(f'<section style="margin-bottom: 16px;"><span style="font-size: 15px;">{spans(x)}</span></section>\n' if i % 2 else f'<p style="text-indent:2em;"><span style="font-size:15px;">{spans(x)}</span></p>\n' for i, x in enumerate(b))
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="{t}"><title>{t}</title>
<script>var msg_title = "{t}"; var ct = "1738540000";</script></head><body id="activity-detail" class="zh_CN">
<div class="rich_media_area_primary"><div class="rich_media_area_primary_inner"><h1 class="rich_media_title" id="activity-name">
  {e(t)}
</h1><div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_text">四川发布</span>
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">四川发布</a></span><em id="publish_time" class="rich_media_meta rich_media_meta_text">2026-02-03 18:30</em></div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: visible;">
<section style="text-align:center;"><img data-src="https://mmbiz.qpic.cn/a.png"></section>
{secs}<section><span style="color:#888;font-size:12px;">来源：四川日报</span></section>
<section><span style="color:#888;font-size:12px;">编辑：小川　审核：大川</span></section>
<p style="text-align:center"><span>点击“阅读原文”查看更多</span></p></div>
<div class="rich_media_tool" id="js_toobar3"><a id="js_view_source" href="##">阅读原文</a><span id="readNum3">阅读 10万+</span><a id="like3">在看</a></div></div></div>
<div id="js_pc_qr_code" class="qr_code_pc_outer"><p>微信扫一扫<br>关注该公众号</p></div>
<div class="rich_media_extra"><div class="discuss_container"><div class="discuss_title">留言</div><ul><li><span class="nickname">网友A</span><div class="discuss_message">四川加油！为家乡的发展点赞，期待越来越好。</div></li><li><span class="nickname">网友B</span><div class="discuss_message">干货满满，认真学习了，政府工作报告写得很实在。</div></li></ul></div></div></body></html>"""
write("wechat_js_content", p, [t] + b)

# 7. news site with comments, pagination, 相关新闻, inline script in body
b = paras(6, 9); t = "天津：推动京津冀协同发展走深走实"
body = ""
for i, x in enumerate(b):
    body += f"<p>{e(x, i % 2 == 1)}</p>\n"
    if i == 3:
        body += '<script type="text/javascript">(function(){var s="<p>广告位</p>";document.write(s);})();</script>\n'
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}_新闻中心_北方网</title></head><body>
<div id="top_nav"><a href="/">北方网首页</a> <a href="/news/">新闻</a> <a href="/sports/">体育</a> <a href="/ent/">娱乐</a> <a href="/house/">房产</a> <a href="/auto/">汽车</a></div>
<div class="container"><div class="article-box"><h1 class="article-title">{e(t)}</h1>
<div class="article-info"><span>2026-02-04 08:15:00</span> <span>来源：天津日报</span> <span>作者：记者 韩雯</span></div>
<div class="article-content" id="article-content">
<!-- article start -->
{body}<!-- article end -->
<div class="page"><a href="?p=1">上一页</a> <a href="?p=1">1</a> <span>2</span> <a href="?p=3">3</a> <a href="?p=3">下一页</a></div>
</div><div class="editor-name">[责任编辑：刘晓]</div>
<div class="xgxw"><h3>相关新闻</h3><ul>{RELATED(RT)}</ul></div>
<div class="pinglun"><h3>网友评论</h3><div class="pl-item"><span>天津网友</span><p>说得好，京津冀协同发展越来越好，交通越来越方便了！</p></div><div class="pl-item"><span>北京网友</span><p>希望继续加大投入力度，让老百姓得到更多实惠。</p></div>
<form><textarea name="c"></textarea><input type="submit" value="发表评论"></form></div></div>
<div class="sidebar"><h3>排行榜</h3><ol>{RELATED(RT[::-1])}</ol></div></div>
<div class="footer">{foot("北方网", 7)}</div></body></html>"""
write("tianjin_comments_pages", p, [t] + b)

# 8. body as several <div>s of <p>s interleaved with ads
b = paras(7, 12); t = "宁夏：奋力建设黄河流域生态保护和高质量发展先行区"
chunks = [b[0:4], b[4:8], b[8:12]]
body = ""
for j, ch in enumerate(chunks):
    body += f'<div class="para-group">' + "".join(f"<p>{e(x, True)}</p>" for x in ch) + "</div>\n"
    if j < 2:
        body += f'<div class="adv_box" id="adv{j}"><a href="http://ad.example.com/{j}"><img src="ad{j}.gif"></a><a href="http://ad.example.com/{j}">点击了解更多优惠信息</a></div>\n'
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}</title></head><body>
<div class="topbar">欢迎访问宁夏新闻网！ <a href="/login">登录</a> <a href="/reg">注册</a></div>
<div class="channel-nav"><a href="/">首页</a> <a href="/nx/">宁夏新闻</a> <a href="/gn/">国内新闻</a> <a href="/sp/">视频</a></div>
<div class="main"><div class="main-l"><div class="crumb">当前位置：<a href="/">首页</a> &gt; 宁夏新闻</div>
<div class="detail"><h1>{e(t)}</h1><p class="info">2026-01-22 10:30　来源：宁夏日报　编辑：马丽</p>
{body}<p class="zr">责任编辑：马丽</p></div></div>
<div class="main-r"><div class="mod"><h3>热点新闻</h3><ul>{RELATED(RT)}</ul></div></div></div>
{foot("宁夏新闻网", 8)}</body></html>"""
write("ningxia_div_groups_ads", p, [t] + b)

# 9. nested <p>s in <div>s, municipal gov (TRS style), GBK, <div class="TRS_Editor">
b = paras(8, 8); t = "安徽省人民政府关于印发2026年重点工作任务分工的通知"
inner = "".join(f'<div><p class="MsoNormal" style="text-indent:32.0pt"><span style="font-family:仿宋_GB2312">{e(x[:len(x)//2])}</span><span style="font-family:仿宋_GB2312">{e(x[len(x)//2:], i==0)}</span></p></div>\n' for i, x in enumerate(b))
p = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{t}</title></head><body>
<div class="header"><div class="logo"><img src="logo.png"></div><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="wzy_position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zfwj/">政府文件</a></div>
<div class="wzy_main"><table class="xxgk_table"><tr><td>索引号：</td><td>002986280/202601-00012</td><td>发布机构：</td><td>省政府办公厅</td></tr><tr><td>文号：</td><td>皖政〔2026〕5号</td><td>发布日期：</td><td>2026-01-28</td></tr></table>
<h1 class="wztit">{e(t)}</h1><div class="wzy_fbt"><span>字号：<a>大</a> <a>中</a> <a>小</a></span> <span>打印</span> <span>分享到：</span></div>
<div class="wzcon j-fontContent"><div class="TRS_Editor"><div class="Custom_UnionStyle">
{inner}</div></div></div>
<div class="fjdown">附件：<a href="/f/1.docx">2026年重点工作任务分工表.docx</a></div>
<div class="wzy_xgwj"><h3>相关文件</h3><ul>{RELATED(RT[:4])}</ul></div>
<div class="wzy_bottom"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div></div>
<div class="footer">主办单位：安徽省人民政府办公厅　版权所有　皖ICP备05003487号　网站标识码：3400000001<br>联系电话：0551-62999000</div></body></html>"""
write("anhui_trs_nested_gbk", p, [t] + b, "gbk")

# 10. old news portal, GBK, html4, <div id="endText">, 网易-like
b = paras(9, 7); t = "山东省委经济工作会议在济南召开"
p = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head><meta http-equiv="content-type" content="text/html;charset=gbk"><title>{t}_网易新闻</title></head><body>
<div class="N-nav-channel"><a href="/">网易首页</a> <a href="/news">新闻</a> <a href="/sports">体育</a> <a href="/money">财经</a></div>
<div class="post_content_main" id="epContentLeft"><h1>{e(t)}</h1>
<div class="post_time_source">2026-01-12 07:15:02　来源: <a id="ne_article_source" href="http://www.dzwww.com">大众网</a></div>
<div class="post_body"><div class="post_text" id="endText" style="border-top:1px solid #ddd;">
<p class="otitle">（原标题：{e(t)}）</p>
""" + "".join(f"<p>　　{e(x, i == 3)}</p>\n" for i, x in enumerate(b)) + """<p></p><div class="gg200x300"><iframe src="ad.html"></iframe></div>
<div class="ep-source cDGray"><span class="left"><a href="http://news.163.com/"><img src="logo.png" alt="王晓易"></a> 本文来源：大众网 </span><span class="ep-editor">责任编辑：王晓易_NE0011</span></div>
</div></div><div class="post_comment"><div class="tie-titlebar">跟贴 <a href="#">0</a> 参与 <a href="#">0</a></div><textarea>文明上网，登录发贴</textarea></div>
<div class="post_recommends"><h3>相关推荐</h3><ul>""" + RELATED(RT) + """</ul></div></div>
<div class="N-nav-bottom">About NetEase | 公司简介 | 联系方法 | 招聘信息 | 客户服务 | 隐私政策 | 广告服务 | 网站地图<br>网易公司版权所有 &copy;1997-2026</div></body></html>"""
write("netease_endtext_gbk", p, [t] + b, "gbk")

# 11. xxgk (government information disclosure) with metadata table, many short paras, lists
b = paras(10, 14); t = "关于2025年度法治政府建设情况的报告"
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}</title></head><body>
<header class="g-header"><div class="g-top">无障碍 | 长者模式 | <a href="/">English</a></div><nav><a href="/">首页</a><a href="/xxgk/">信息公开</a><a href="/bs/">办事</a></nav></header>
<main><div class="m-crumb">首页 › 信息公开 › 法定主动公开内容</div>
<table class="m-xxgk-info"><tr><th>标  题：</th><td>{e(t)}</td></tr><tr><th>发文机关：</th><td>市人民政府</td></tr><tr><th>成文日期：</th><td>2026年01月20日</td></tr></table>
<article class="m-art"><h1>{e(t)}</h1><div class="m-art-meta">发布时间：2026-01-21 09:00 浏览量：<span>1024</span></div>
<div class="m-art-body">""" + "".join(f"<p>{e(x, i % 5 == 0)}</p>" for i, x in enumerate(b)) + f"""</div>
<div class="m-art-tools"><span>【打印】</span><span>【关闭】</span><span>【收藏】</span></div></article>
<section class="m-related"><h2>相关解读</h2><ul>{RELATED(RT[:3])}</ul></section></main>
<footer class="g-footer">{foot("市人民政府办公室", 11)}</footer></body></html>"""
write("xxgk_html5_main", p, [t] + b)

# 12. CMS page where title is <h2>, content inside <div class="content"> with <p><font> and stray <br>, unclosed <p>
b = paras(11, 8); t = "全市2026年安全生产工作会议召开"
body = "".join(f'<P align=left><FONT face=宋体 size=3>　　{e(x, i % 2 == 0)}</FONT>\n' for i, x in enumerate(b))
p = f"""<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=utf-8"><TITLE>{t}</TITLE></HEAD><BODY>
<DIV class=topnav><A href="/">首页</A> | <A href="/news/">新闻中心</A> | <A href="/gk/">信息公开</A> | <A href="/hd/">互动交流</A></DIV>
<DIV class=wrap><DIV class=left><DIV class=lanmu>新闻中心</DIV><UL><LI><A href="/news/1/">工作动态</A><LI><A href="/news/2/">部门动态</A><LI><A href="/news/3/">图片新闻</A></UL></DIV>
<DIV class=right><DIV class=weizhi>当前位置：首页 &gt;&gt; 新闻中心 &gt;&gt; 工作动态</DIV>
<H2 class=biaoti>{e(t)}</H2><DIV class=sj>日期：2026-01-09　来源：市应急管理局　【字号 <A>大</A> <A>中</A> <A>小</A>】</DIV>
<DIV class=content>{body}</DIV>
<DIV class=fenxiang>分享到：<A>微信</A> <A>微博</A> <A>QQ空间</A></DIV>
<DIV class=sxp>上一篇：<A href="/a/1.html">市政府召开第12次常务会议</A><BR>下一篇：<A href="/a/3.html">市领导检查节前安全生产</A></DIV></DIV></DIV>
<DIV class=bottom>Copyright &copy; 2026 某某市人民政府 版权所有<BR>ICP备案：苏ICP备09012345号</DIV></BODY></HTML>"""
write("cms_upper_unclosed_p", p, [t] + b)

# 13. short news brief: few paragraphs, heavy chrome (the body is small next to the page)
b = paras(12, 3); t = "吉林省召开全省冰雪经济发展推进会"
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}</title></head><body>
<div class="top-nav"><a href="/">首页</a> <a href="/jl/">吉林</a> <a href="/gn/">国内</a> <a href="/gj/">国际</a> <a href="/ty/">体育</a> <a href="/yl/">娱乐</a> <a href="/cj/">财经</a></div>
<div class="box"><div class="lb"><h3>最新新闻</h3><ul>{RELATED(RT)}</ul><h3>图片新闻</h3><ul>{RELATED(RT[::-1])}</ul></div>
<div class="nr"><h1>{e(t)}</h1><div class="ly">来源：吉林日报　2026-01-18 08:02</div>
<div class="TRS_Editor">""" + "".join(f"<p>　　{e(x)}</p>" for x in b) + f"""</div>
<div class="zbjz">（完）</div><div class="bj">[责任编辑：李明]</div></div></div>
<div class="foot"><p>吉林省互联网新闻信息服务许可证：22120170001 | 违法和不良信息举报电话：0431-12345678</p><p>版权所有 吉林新闻网 吉ICP备05002026号-1 吉公网安备22010202000567号</p></div></body></html>"""
write("jilin_short_brief", p, [t] + b)

# 14. Sohu-style article: <article class="article">, image captions, 返回搜狐 / 查看更多, 声明
b = paras(13, 9); t = "北京：2026年将新增就业岗位26万个"
body = ""
for i, x in enumerate(b):
    body += f"<p>{e(x, i % 3 == 2)}</p>"
    if i == 2:
        body += '<p style="text-align:center"><img src="//p1.itc.cn/a.jpeg"></p><p style="text-align:center">北京市就业服务大厅。图源：北京日报</p>'
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}_搜狐</title></head><body>
<div class="head-container"><a href="/">搜狐</a> <a href="/news">新闻</a> <a href="/mil">军事</a> <a href="/cul">文化</a></div>
<div class="article-page"><div class="left main"><div class="text"><div class="text-title"><h1>{e(t)} <span class="article-tag"></span></h1>
<div class="article-info"><span class="time">2026-01-25 21:11</span> <span>发布于：北京市</span></div></div>
<article class="article" id="mp-editor"><p data-role="original-title" style="display:none">原标题：{e(t)}</p>{body}
<p data-role="editor-name">责任编辑：<span>张三</span></p><a href="//www.sohu.com/?strategyid=00001" id="backsohucom">返回搜狐，查看更多</a></article>
<div class="statement">平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。</div>
<div class="bottom-relate-wrap"><h3>相关推荐</h3><ul>{RELATED(RT)}</ul></div>
<div class="comment-wrap"><div class="c-title">评论</div><div class="c-item">写得真好，北京的就业政策越来越给力了，支持！</div></div></div></div>
<div class="right sidebar"><h3>24小时热文</h3><ul>{RELATED(RT[::-1])}</ul></div></div>
<div class="footer">Copyright &copy; 2026 Sohu All Rights Reserved. 搜狐公司 版权所有</div></body></html>"""
write("sohu_article", p, [t] + b)

# 15. title in <h2> under a logo <h1>; related news with prose teasers right after the article
b = paras(14, 6); t = "陕西：全力以赴稳增长 千方百计惠民生"
teasers = "".join(f'<li><a href="/n/{i}.html"><h4>{x}</h4></a><p>{e(paras(15 + i, 1, 10)[0][:90])}……</p></li>' for i, x in enumerate(RT[:4]))
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t} - 陕西网</title></head><body>
<div class="logo-bar"><h1 class="logo"><a href="/"><img src="logo.png" alt="陕西网">陕西网</a></h1><div class="search"><input type="text"><button>搜索</button></div></div>
<div class="nav-wrap"><a href="/">首页</a> <a href="/sx/">陕西</a> <a href="/xa/">西安</a> <a href="/sp/">视频</a></div>
<div class="content-wrap"><div class="article-main"><h2 class="art-title">{e(t)}</h2>
<div class="art-meta"><span>2026-01-27 09:41</span><span>来源：陕西日报</span><span>编辑：赵敏</span></div>
<div class="art-body">""" + "".join(f"<p>{e(x, i == 1)}</p>" for i, x in enumerate(b)) + f"""</div></div>
<div class="news-more"><h3>更多新闻</h3><ul>{teasers}</ul></div></div>
{foot("陕西网", 15)}</body></html>"""
write("shaanxi_h2_teasers", p, [t] + b)

# 16. short article, unlabelled comment list with long prose comments
b = paras(16, 4); t = "重庆市2026年城市更新工作会议召开"
cmts = "".join(f'<div class="item"><div class="u">重庆网友{i}</div><div class="c">{e(x)}</div><div class="t">2026-01-2{i} 赞(12)</div></div>' for i, x in enumerate(["这次会议的部署非常具体，老旧小区改造是我们老百姓最关心的事情，希望加快推进，让更多居民早日住上舒适的房子。", "城市更新不仅要改造房子，还要注重保护历史文化街区，留住城市记忆，建议多听取居民的意见，让改造更加贴近实际需求。", "我们小区去年已经改造完成，加装了电梯，修缮了外墙，停车也方便多了，为政府的民生工程点赞，希望更多小区能够受益。", "希望城市更新过程中多考虑老年人和残疾人的需求，完善无障碍设施建设，让城市更有温度，也希望社区配套服务跟上。"]))
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}_华龙网</title></head><body>
<div class="hd"><a href="/">华龙网</a> <a href="/cq/">重庆</a> <a href="/gn/">国内</a></div>
<div class="w"><div class="l"><h1>{e(t)}</h1><div class="s">2026-01-19 07:20:11 来源：重庆日报</div>
<div class="txt">""" + "".join(f"<p>　　{e(x)}</p>" for x in b) + f"""</div>
<div class="pl"><div class="hd2">网友留言（4）</div>{cmts}</div></div>
<div class="r"><h3>今日推荐</h3><ul>{RELATED(RT)}</ul></div></div>
{foot("华龙网", 16)}</body></html>"""
write("chongqing_long_comments", p, [t] + b)

# 17. paragraphs as <div>s with <strong> subheads, GBK, text with keyword links
b = paras(17, 9); t = "湖南：以科技创新引领产业创新"
def linked(x, i):
    s = e(x, i % 2 == 0)
    for kw in ["创新", "产业", "发展"]:
        if kw in s and i % 3 == 0:
            s = s.replace(kw, f'<a href="/tag/{kw}.html" class="keylink">{kw}</a>', 1)
    return s
body = "".join((f'<div class="para"><strong>{e(x)}</strong></div>' if x.startswith("（") and len(x) < 60 else f'<div class="para">　　{linked(x, i)}</div>') for i, x in enumerate(b))
p = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>{t}_红网</title></head><body>
<div id="header"><div class="links"><a href="/">红网首页</a> | <a href="/xw/">新闻</a> | <a href="/zz/">时政</a> | <a href="/sh/">社会</a></div></div>
<div id="main"><div class="location">当前位置：<a href="/">红网</a> &gt; <a href="/xw/">新闻</a></div>
<div class="newsbox"><div class="tit"><h1>{e(t)}</h1></div><div class="info">来源：湖南日报　作者：周月桂　编辑：刘洋　2026-01-23 06:50:21</div>
<div class="fontsize">字体：<a>大</a> <a>中</a> <a>小</a>　<a href="javascript:print()">打印</a></div>
<div id="content">{body}</div>
<div class="share">分享到：<a>微信</a><a>微博</a><a>QQ</a></div><div class="editor">来源：湖南日报<br>作者：周月桂<br>编辑：刘洋</div></div></div>
<div id="footer">湖南红网新媒体集团主办 版权所有 湘ICP证090001号</div></body></html>"""
write("hunan_div_paras_links_gbk", p, [t] + b, "gbk")

# 18. article spread over one big <td> with <p>s, a 相关附件 list, and a printed-page footer,
#     title only in a <td class="title"> (no heading tag), UTF-8 with &nbsp; indents
b = paras(18, 10); t = "关于做好2026年春节期间有关工作的通知"
p = f"""<html><head><meta charset="utf-8"><title>{t}--某某省人民政府门户网站</title></head><body>
<table width="1002" align="center"><tr><td colspan="2"><img src="/images/top.jpg"></td></tr>
<tr><td class="dh" colspan="2"><a href="/">首页</a> | <a href="/zw/">政务</a> | <a href="/fw/">服务</a> | <a href="/hd/">互动</a> | <a href="/zt/">专题</a></td></tr>
<tr><td width="700" valign="top"><table width="100%">
<tr><td class="title" align="center" style="font-size:22px;color:#c00;font-weight:bold">{e(t)}</td></tr>
<tr><td align="center" class="time">2026年01月16日 来源：省政府办公厅 【<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>
<tr><td class="zw">""" + "".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{e(x, i % 2 == 0)}</p>" for i, x in enumerate(b)) + f"""
<p>附件：<a href="/f/1.doc">春节期间值班安排表</a></p></td></tr></table></td>
<td width="300" valign="top"><table><tr><td class="lm">最新信息</td></tr>{"".join(f'<tr><td><a href="/n/{i}">{x}</a></td></tr>' for i, x in enumerate(RT))}</table></td></tr></table>
<table width="1002" align="center"><tr><td align="center">【<a href="javascript:window.print()">打印此页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
<tr><td align="center">主办单位：某某省人民政府办公厅　承办：某某省大数据中心<br>网站标识码：6100000035　陕ICP备05004898号</td></tr></table></body></html>"""
write("province_td_title_notag", p, [t] + b)

# 19. two-paragraph notice under a long unlabelled comment thread (more prose in comments)
b = paras(19, 2, 5); t = "市民政局关于开展2026年春节走访慰问活动的通知"
cm = [paras(20 + i, 1, 30)[0][:120] for i in range(6)]
cmts = "".join(f'<li><p class="name"><a href="/u/{i}">网友{i+1}</a></p><p>{e(x)}</p><p class="date">2026-01-1{i} 10:2{i}</p></li>' for i, x in enumerate(cm))
p = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}_民政局</title></head><body>
<div id="head"><a href="/">首页</a> <a href="/tzgg/">通知公告</a> <a href="/zcfg/">政策法规</a></div>
<div id="wrap"><div class="art"><h1>{e(t)}</h1><div class="meta">发布日期：2026-01-08</div>
<div class="art-text">""" + "".join(f"<p>{e(x)}</p>" for x in b) + f"""</div></div>
<div class="msg"><h3>网友评论</h3><ul class="list">{cmts}</ul></div></div>
{foot("市民政局", 19)}</body></html>"""
write("notice_short_long_comments", p, [t] + b)

# 20. image-heavy article with captions centred, <title> = site name only, headline in div.title
b = paras(21, 8); t = "我市2026年重点民生实事项目全面启动"
body = ""
for i, x in enumerate(b):
    body += f"<p>{e(x)}</p>"
    if i in (1, 4):
        body += f'<p align="center"><img src="/u/{i}.jpg" border="0"></p><p align="center">图为项目建设现场。（通讯员 王芳 摄）</p>'
p = f"""<html><head><meta charset="utf-8"><title>某某市人民政府</title></head><body>
<div class="top"><a href="/">首页</a> <a href="/xw/">要闻动态</a> <a href="/gk/">政府信息公开</a> <a href="/bs/">政务服务</a></div>
<div class="container"><div class="article"><div class="title">{e(t)}</div>
<div class="sub">发布时间：2026-01-30　信息来源：市发展改革委　阅读次数：<span>321</span></div>
<div class="con">{body}</div><div class="print"><a href="javascript:print()">打印</a> <a href="javascript:close()">关闭</a></div></div></div>
{foot("某某市人民政府", 20)}</body></html>"""
write("captions_div_title_sitename", p, [t] + b)

# 21. related news as <div> cards with summaries after the article, GBK
b = paras(22, 7); t = "甘肃：持续推动生态环境质量改善"
cards = "".join(f'<div class="card"><div class="card-t"><a href="/n/{i}.html">{x}</a></div><div class="card-s">{e(paras(23 + i, 1, 20)[0][:80])}…</div><div class="card-d">2026-01-1{i}</div></div>' for i, x in enumerate(RT[:5]))
p = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>{t}-中国甘肃网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/gs/">甘肃</a> <a href="/gn/">国内</a></div>
<div class="page"><div class="left-col"><h1 class="h-title">{e(t)}</h1><div class="h-info">2026-01-12 08:00 来源：甘肃日报</div>
<div class="h-content">""" + "".join(f"<p>　　{e(x, i == 0)}</p>" for i, x in enumerate(b)) + f"""</div>
<div class="more-news"><div class="hd">延伸阅读</div>{cards}</div></div></div>
{foot("中国甘肃网", 21)}</body></html>"""
write("gansu_cards_gbk", p, [t] + b, "gbk")
