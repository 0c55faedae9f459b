#!/usr/bin/env python3
"""Builds the HTML fixtures of tests/clean_html.rs from corpus text: realistic page furniture
(toolbars, nav, breadcrumbs, scripts, comments, hidden anti-copy spans, related lists, sidebars,
footers, entities) wrapped around a known body, which is written beside each page as NAME.txt
(one paragraph per line). Run from this directory: python3 make_fixtures.py"""
import csv, html, pathlib, random

random.seed(7)
CORPUS = pathlib.Path(__file__).resolve().parents[4] / ".." / "shared" / "corpus"
csv.field_size_limit(10**9)

def seed(name):
    return (CORPUS / "seeds" / name).read_text(encoding="utf-8")

def report(prov):
    p = next((CORPUS / "gov-reports-2026").glob(f"*{prov}*.csv"))
    with open(p, encoding="utf-8-sig") as f:
        return next(csv.DictReader(f))["full_text"]

def esc(s):
    return html.escape(s, quote=False).replace("“", "&ldquo;").replace("”", "&rdquo;") if random.random() < 0.5 else html.escape(s, quote=False)

def write(name, page, body, enc):
    (pathlib.Path(name + ".html")).write_bytes(page.encode(enc, errors="xmlcharrefreplace"))
    pathlib.Path(name + ".txt").write_text("\n".join(body) + "\n", encoding="utf-8")

NAV = "".join(f'<li><a href="/c{i}/">{t}</a></li>' for i, t in enumerate(["首页", "工作计划", "工作总结", "述职报告", "心得体会", "演讲稿", "合同范本", "实用文档"]))
RELATED = "".join(f'<li><a href="/a/{i}.html">{t}</a><span>05-{10+i}</span></li>' for i, t in enumerate(["高中工会工作计划", "学校工会工作计划", "工会的工作计划范文", "工会女工工作计划", "区工会建设活力工会工作计划范文", "社区工会工作总结"]))
HOT = "".join(f'<li><a href="/h/{i}.html">{t}</a></li>' for i, t in enumerate(["2024年个人工作总结范文", "教师年度考核个人总结", "党员个人自我评价", "护士述职报告", "销售工作计划表"]))

# 1. Template site (GBK), body from seed 004: lines of the article, indentation with &nbsp;,
#    anti-copy spans, keyword links inside paragraphs, ads between paragraphs.
lines = [l.strip() for l in seed("004_d1b7e45385dff9cc.txt").splitlines() if l.strip()]
title = lines[2]
body = lines[6:]
paras = []
for i, l in enumerate(body):
    t = esc(l)
    if "工会" in t and i % 3 == 0:
        t = t.replace("工会", '<a href="/tags/gonghui.html" target="_blank">工会</a>', 1)
    if i % 5 == 2:
        t = t[: len(t) // 2] + '<span style="display:none">范文网www.fanwen.com</span>' + t[len(t) // 2 :]
    paras.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{t}</p>")
    if i == 6:
        paras.append('<div class="ad-box"><script type="text/javascript">google_ad("<p>广告</p>");</script></div>')
page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{title}_写范文网</title><meta name="keywords" content="工会,工作计划" />
<link rel="stylesheet" href="/css/style.css" /><style>.c p{{text-indent:2em}} a{{color:#333}}</style>
<script>var _hmt = _hmt || []; if (a < b) {{ document.write('<div>x</div>'); }}</script></head>
<body><div class="top"><div class="w1000">好好学习,天天向上,写范文网欢迎您! <a href="/login">登录</a> | <a href="/reg">注册</a></div></div>
<div id="nav"><ul>{NAV}</ul></div>
<div class="w1000 clearfix"><div class="left">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/gzfw/">工作范文</a> &gt; <a href="/gzjh/">工作计划</a> &gt; 正文</div>
<div class="article"><h1>{esc(title)}</h1><div class="info">2022-08-22 17:01:00 <a href="/gzjh/">工作计划</a> 浏览：<script>hits(123)</script>次</div>
<!-- 正文开始 --><div class="content c" id="content">
{"".join(paras)}
</div><!-- 正文结束 -->
<div class="prenext"><p>上一篇：<a href="/a/1.html">2023年工会财务工作总结范文</a></p><p>下一篇：<a href="/a/3.html">2023小学工会年度工作总结</a></p></div>
<div class="related"><h3>【工会工作计划】相关文章：</h3><ul>{RELATED}</ul></div></div></div>
<div class="right"><div class="box"><h3>热门文章</h3><ul>{HOT}</ul></div></div></div>
<div class="footer"><p>Copyright &copy; 2012-2024 写范文网 版权所有 <a href="http://beian.miit.gov.cn">京ICP备12345678号</a></p><p>本站部分文章来自网络，如有侵权请联系删除。</p></div>
<script src="/js/tongji.js"></script></body></html>"""
write("fanwen_gbk", page, [title] + body, "gbk")

# 2. Provincial news page, table layout (GBK), body from the Beijing report.
lines = [l.strip() for l in report("北京市").splitlines() if l.strip()]
title, sub, speaker = lines[9], lines[10], lines[13]
body = lines[15:-1]
cells = "".join(f"<p>{esc(l)}</p>\n" for l in body[:40])
page = f"""<html><head><meta charset="gb2312"><title>{title}-新闻中心</title></head>
<body bgcolor="#ffffff"><table width="100%"><tr><td class="topbar"><a href="/">网站首页</a> | <a href="/xw/">新闻中心</a> | <a href="/zw/">政务公开</a> | <a href="/bs/">办事服务</a></td></tr></table>
<table width="980" align="center"><tr><td width="700" valign="top">
<table width="100%"><tr><td><span>下载</span> <span>打印</span> <span>全屏</span> <span>收藏</span> 【字号：<a>加大</a> <a>还原</a> <a>减小</a>】</td></tr>
<tr><td align="center"><h1>{esc(title)}</h1></td></tr>
<tr><td align="center"><font color="#666">来源：北京日报&nbsp;&nbsp;&nbsp;时间：2026-02-02</font></td></tr>
<tr><td class="zw"><p style="text-align:center">{esc(sub)}</p><p style="text-align:center">{esc(speaker)}</p>
<p style="text-align:center"><img src="/pic/1.jpg"></p><p style="text-align:center">殷勇同志作政府工作报告。本报记者 戴冰摄</p>
{cells}</td></tr>
<tr><td><b>相关报道：</b><br><a href="/1">北京市十六届人大四次会议开幕</a><br><a href="/2">代表热议政府工作报告</a><br><a href="/3">图解：2026年北京市政府工作报告</a></td></tr></table>
</td><td width="260" valign="top" class="side"><div><b>图片新闻</b></div><a href="/p1"><img src="a.jpg"><br>春节假期北京接待游客创新高</a><br><a href="/p2">冬奥场馆赛后利用</a></td></tr></table>
<table width="100%"><tr><td align="center">主办：北京市人民政府办公厅 &nbsp; 版权所有 &copy; 2026 京ICP备05060933号 京公网安备11010502030913号<br>网站标识码1100000088 &nbsp; 联系电话：12345</td></tr></table></body></html>"""
write("gov_table_gbk", page, [title, sub, speaker] + body[:40], "gbk")

# 3. HTML5 news article (UTF-8): header/nav/aside/footer, article header with time, comments
#    with long text, figure captions, entities, <br>-separated paragraphs in one div.
lines = [l.strip() for l in report("四川省").splitlines() if l.strip()]
title = lines[0]
body = lines[12:60]
half = len(body) // 2
part1 = "<br><br>\n".join(esc(l) for l in body[:half])
part2 = "".join(f"<p>{esc(l)}</p>" for l in body[half:])
comments = "".join(f'<li class="comment"><span class="user">网友{i}</span><p>这篇报告写得非常好，{"我们县里的干部群众都在认真学习，大家普遍认为目标明确、措施有力、振奋人心，" * 2}期待明年有更大的发展。</p></li>' for i in range(5))
page = f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{title}"}}</script></head>
<body><header class="site-header"><a class="logo" href="/">四川省人民政府</a><nav><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/bsfw">办事服务</a><a href="/hdjl">互动交流</a></nav>
<form action="/search"><input name="q" placeholder="搜索"><button>搜索</button></form></header>
<div class="breadcrumb"><a href="/">首页</a> &raquo; <a href="/zwgk">政务公开</a> &raquo; 正文</div>
<main><article><header><h1>{esc(title)}</h1><p class="meta"><time>2026年02月10日 07时41分</time> 来源: 四川日报 【字体：<a>大</a> <a>中</a> <a>小</a>】</p></header>
<div class="article-body">{part1}</div>
<figure><img src="/a.jpg"><figcaption>图为会议现场。（图/四川日报）</figcaption></figure>
<div class="article-body">{part2}</div>
<footer class="article-footer"><p>责任编辑：李莎莎</p><div class="share">分享到：<a>微信</a><a>微博</a></div></footer></article>
<section class="comments"><h2>网友评论</h2><ul>{comments}</ul></section></main>
<aside><h3>相关链接</h3><ul><li><a href="/x">四川省第十四届人民代表大会第五次会议关于政府工作报告的决议</a></li><li><a href="/y">解读省政府工作报告</a></li></ul></aside>
<footer class="site-footer"><p>四川省人民政府办公厅主办 &middot; 版权所有 &copy; 2026 &middot; 蜀ICP备05003828号</p><p><a href="/about">关于我们</a> | <a href="/map">网站地图</a></p></footer>
<script>window.onload=function(){{console.log("<p>no</p>")}}</script></body></html>"""
write("html5_article", page, [title] + body, "utf-8")

# 4. Old-style page (GBK): content in one <div> with <br> and <font>, no <p>, nested layout
#    divs, unclosed tags, a link-dense "tags" line inside the content, seed 002 text.
lines = [l.strip() for l in seed("002_0652916cca44b76f.txt").splitlines() if l.strip()]
title = lines[0]
body = [l for l in lines[4:] if l != "362180"]
content = "<br />\n".join("　　" + esc(l) for l in body)
page = f"""<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=gb2312"><TITLE>{title}</TITLE>
<SCRIPT language=javascript src="/js/ad.js"></SCRIPT></HEAD><BODY leftMargin=0 topMargin=0>
<DIV id=header><IMG src="/logo.gif"><DIV class=menu><A href="/">首页</A> <A href="/1/">工作计划</A> <A href="/2/">工作总结</A> <A href="/3/">范文大全</A></DIV></DIV>
<DIV id=main><DIV id=left><DIV class=title><H1>{esc(title)}</H1></DIV>
<DIV class=author>| 诗诗</DIV>
<DIV id=text><FONT size=3>{content}</FONT>
<P class=tags>标签：<A href="/t/1">工会工作</A> <A href="/t/2">工作目标</A> <A href="/t/3">工作计划</A>
</DIV></DIV>
<DIV id=right><UL><LI><A href="/r1">工会工作计划范文</A><LI><A href="/r2">工会年度工作计划</A><LI><A href="/r3">社区工会工作计划</A></UL></DIV></DIV>
<DIV id=footer>Copyright &copy; 范文大全 All Rights Reserved<BR>本站所有文章来自网友投稿，不代表本站观点</DIV></BODY></HTML>"""
write("oldstyle_gbk", page, [title] + body, "gbk")
