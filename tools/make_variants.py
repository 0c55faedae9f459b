#!/usr/bin/env python3
"""Makes corpus/variants/ from corpus/seeds/ so that the default run exercises decoding.

Each variant is one seed page re-encoded (or wrapped in HTML and re-encoded); the text is the
seed's, byte for byte where the encoding can represent it. Deterministic: running it again
gives identical files. Run from the repository root:  python3 tools/make_variants.py
"""
import html
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "corpus", "seeds")
OUT = os.path.join(ROOT, "corpus", "variants")


def seed(prefix):
    for name in sorted(os.listdir(SEEDS)):
        if name.startswith(prefix):
            with open(os.path.join(SEEDS, name), encoding="utf-8") as fh:
                return name, fh.read()
    raise SystemExit("missing seed " + prefix)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as fh:
        fh.write(data)
    print(f"{name}: {len(data)} bytes")


def big5(text):
    """Big5 with "?" for characters outside standard Big5. Code points of the ETEN extension
    rows (0xC6A1-0xC8FE: kana, Cyrillic) are mapped differently by Python and by the WHATWG
    index the decoders use, so they count as unrepresentable too."""
    out = bytearray()
    for ch in text:
        try:
            b = ch.encode("big5")
        except UnicodeEncodeError:
            out += b"?"
            continue
        if len(b) == 2 and ((b[0] == 0xC6 and b[1] >= 0xA1) or b[0] in (0xC7, 0xC8)):
            out += b"?"
        else:
            out += b
    return bytes(out)


def html_page(title, body_text, charset, site):
    """A template-site article page: head, navigation, breadcrumb, article, related list, footer."""
    paras = "\n".join(
        f"<p>{html.escape(line.strip())}</p>" for line in body_text.splitlines() if line.strip()
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{html.escape(title)}_{site}</title>
<meta name="keywords" content="{html.escape(title)},工作计划,工作总结,范文" />
<meta name="description" content="{html.escape(title)}，{site}为您整理。" />
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script type="text/javascript">var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</head>
<body>
<div class="top"><div class="w1000"><span>欢迎访问{site}！</span><a href="/login.html">登录</a> | <a href="/reg.html">注册</a></div></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/gongzuojihua/">工作计划</a></li><li><a href="/gongzuozongjie/">工作总结</a></li>
<li><a href="/shuzhibaogao/">述职报告</a></li><li><a href="/zhengfugongzuobaogao/">政府工作报告</a></li><li><a href="/fanwen/">范文大全</a></li>
</ul></div>
<div class="weizhi">当前位置：<a href="/">首页</a> &gt; <a href="/gongzuojihua/">工作计划</a> &gt; 正文</div>
<div class="main">
<div class="article">
<h1>{html.escape(title)}</h1>
<div class="info">时间：2024-03-12 09:15:33 来源：{site} 作者：佚名 浏览：<span id="hits">1268</span>次</div>
<div class="content" id="content">
{paras}
</div>
<div class="page">上一篇：<a href="/gongzuojihua/1001.html">社区工会工作计划</a> 下一篇：<a href="/gongzuojihua/1003.html">企业工会年度工作要点</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul>
<li><a href="/gongzuojihua/998.html">2024年工会工作计划范文</a><span>03-10</span></li>
<li><a href="/gongzuojihua/997.html">乡镇工会工作计划</a><span>03-09</span></li>
<li><a href="/gongzuozongjie/996.html">工会年终工作总结</a><span>03-08</span></li>
</ul></div>
</div>
<div class="footer"><p>Copyright &copy; 2012-2024 {site} 版权所有</p><p>本站部分内容来自网络，如有侵权请联系删除。 备案号：京ICP备00000000号</p></div>
<script type="text/javascript">document.getElementById("hits").innerHTML = "1269";</script>
</body>
</html>
"""


def main():
    os.makedirs(OUT, exist_ok=True)

    # GBK: a simplified page, as most Chinese sites served it before UTF-8.
    name, text = seed("001")
    write("gbk_" + name, text.encode("gbk"))

    # GB18030 with four-byte sequences: the simplified page plus a contact line whose name
    # uses an Extension A character (䶮, four bytes in GB18030) and an Extension B one (𠮷).
    name, text = seed("002")
    text = text.rstrip("\n") + "\n\n联系人：刘䶮（“䶮”读yǎn）、𠮷野；电话：0000-00000000\n"
    write("gb18030_" + name, text.encode("gb18030"))

    # Big5: the traditional page. Characters Big5 lacks (pinyin tone letters, kana of the
    # mojibake spans, some variants) become the encoder's fallback "?".
    name, text = seed("000")
    write("big5_" + name, big5(text))

    # UTF-16LE with BOM (what Windows Notepad calls "Unicode").
    name, text = seed("003")
    write("utf16le-bom_" + name.replace(".txt", ".txt"), b"\xff\xfe" + text.encode("utf-16-le"))

    # An HTML page that declares gb2312 and is GBK, with site chrome around the article.
    name, text = seed("004")
    lines = [l for l in text.splitlines() if l.strip()]
    title = "工会年终工作总结及计划3篇"
    page = html_page(title, "\n".join(lines), "gb2312", "写范文网")
    page = page.replace("\u00a0", " ")
    write("html-meta-gb2312_" + name.replace(".txt", ".html"), page.encode("gbk"))

    # An HTML page whose meta charset lies: declares gb2312, is UTF-8.
    name, text = seed("001")
    lines = [l for l in text.splitlines() if l.strip()]
    page = html_page("八字桥乡工会2015年工作要点", "\n".join(lines), "gb2312", "时代工运网")
    write("html-meta-lies-utf8_" + name.replace(".txt", ".html"), page.encode("utf-8"))


if __name__ == "__main__":
    main()
