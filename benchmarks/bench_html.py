#!/usr/bin/env python3
"""Time ``read_html`` against a bare ``lxml.html.fromstring`` and a BeautifulSoup extraction.

Usage:  python benchmarks/bench_html.py [--repeat N] [--profile] [--site-chrome | --both]

The pages are the development corpus (``../shared/corpus/dev.jsonl``) rendered as whole pages
with ``render_html(page=True)`` (about 5 KB: the statement and a little chrome), or the five
seeds in ``examples/`` when the corpus is absent. ``--site-chrome`` wraps each page in chrome
the size of the real site's (25-60 KB saved pages: a header mega-menu of some 250 links, inline
scripts and styles, a footer of link lists, a cookie dialog); ``--both`` reports both tables.
Three runs over the same UTF-8 bytes, best of ``--repeat``:

* ``read_html``: the whole reader (decode, parse, walk, build a Decision);
* ``lxml``: ``lxml.html.fromstring`` alone (the parse the reader cannot avoid);
* ``bs4``: ``BeautifulSoup(page, "html.parser")`` plus the page's text and its Category,
  Decision and Decision date fields found with a regular expression (a typical scraper).

Prints the time per page of each and the ratios read_html/lxml (goals: 2 on site-sized pages, 6 on bare) and
read_html/bs4, plus the tokenizer walk with and without element paths (strict mode computes
paths; lenient reads do not). Needs the ``bench`` extra (``pip install lgo-decisions[bench]``).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402

from lgo_decisions import read_html, read_text, render_html  # noqa: E402
from lgo_decisions.readers.html import tokenize_html  # noqa: E402

FIELD = re.compile(r"^\s*(Category|Decision date|Decision)\s*:\s*(.+?)\s*$", re.MULTILINE)


def pages() -> tuple[str, list[bytes]]:
    corpus = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
    if corpus.is_file():
        rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts = [(row["text"], row["url"]) for row in rows]
        where = f"{len(texts)} dev-corpus statements"
    else:
        texts = [(p.read_text(encoding="utf-8"), None) for p in sorted((ROOT / "examples").glob("*.txt"))]
        where = f"{len(texts)} seed statements"
    return where, [render_html(read_text(t, url=u), page=True).encode("utf-8") for t, u in texts]


def _menu(n: int) -> str:
    groups = []
    for g in range(n // 10):
        links = "".join(
            f'<li><a href="/section-{g}/page-{i}">Page {i} about council services in area {g}</a></li>'
            for i in range(10)
        )
        groups.append(f'<li class="menu-group"><a href="/section-{g}">Section {g}</a><ul>{links}</ul></li>')
    return "<ul class='mega-menu'>" + "".join(groups) + "</ul>"


_SCRIPT = (
    "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
    + "var cfg={a:1,b:[1,2,3],c:'x'};function track(e){return cfg.b.map(function(v){return v*2;});}\n" * 50
    + "</script>"
)
_STYLE = "<style>" + ".site-header .menu li a{color:#005ea5;padding:4px 8px}\n" * 80 + "</style>"
_HEADER = (
    '<header class="site-header" role="banner"><a href="/" class="logo"><img src="/logo.svg" alt="LGO">'
    '</a><nav aria-label="Main">' + _menu(250) + "</nav>"
    '<form action="/search" role="search"><label for="s">Search</label><input id="s" name="q">'
    "<button>Go</button></form></header>"
)
_FOOTER = (
    '<footer class="site-footer" role="contentinfo">'
    + "".join(
        f"<div class='col'><h4>Column {c}</h4><ul>"
        + "".join(f'<li><a href="/f/{c}/{i}">Footer link {c}.{i}</a></li>' for i in range(20))
        + "</ul></div>"
        for c in range(4)
    )
    + "<p>Local Government and Social Care Ombudsman, PO Box 4771, Coventry CV4 0EH. "
    "Telephone 0300 061 0614.</p></footer>"
)
_COOKIES = (
    '<div class="cookie-dialog" role="dialog"><h2>Review your privacy settings</h2>'
    + "<p>We use cookies to make this website work and to understand how you use it. </p>" * 8
    + "</div>"
)


def site_chrome(page: bytes) -> bytes:
    """The page inside chrome the size of the real site's (about 30 KB more)."""
    s = page.decode("utf-8")
    s = s.replace("</head>", _STYLE + _SCRIPT + "</head>", 1)
    s = (
        s.replace('<body id="top">', '<body id="top">' + _HEADER, 1)
        if '<body id="top">' in s
        else s.replace("<body>", "<body>" + _HEADER, 1)
    )
    s = s.replace("</body>", _FOOTER + _COOKIES + _SCRIPT + "</body>", 1)
    return s.encode("utf-8")


def bs4_extract(page: bytes) -> tuple[dict[str, str], str]:
    soup = BeautifulSoup(page, "html.parser")
    for tag in soup(["script", "style", "nav", "footer", "header"]):
        tag.decompose()
    text = soup.get_text("\n")
    return {m.group(1): m.group(2) for m in FIELD.finditer(text)}, text


def best(fn: Callable[[bytes], object], data: list[bytes], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for page in data:
            fn(page)
        times.append(time.perf_counter() - start)
    return min(times) / len(data)


def table(title: str, where: str, data: list[bytes], repeat: int) -> None:
    size = sum(map(len, data)) / len(data)
    texts = [page.decode("utf-8") for page in data]
    for page in data:  # the chrome changes nothing in the record
        assert read_html(page).sections
    ours = best(read_html, data, repeat)
    bare = best(lxml.html.fromstring, data, repeat)
    soup = best(bs4_extract, data, repeat)
    walk = best(tokenize_html, texts, repeat)  # type: ignore[arg-type]
    walk_paths = best(lambda t: tokenize_html(t, paths=True), texts, repeat)  # type: ignore[arg-type,return-value]
    print(f"== {title}: {where}, {size / 1024:.1f} KB a page, best of {repeat}")
    print(f"read_html              {ours * 1e3:8.3f} ms/page")
    print(f"lxml.html.fromstring   {bare * 1e3:8.3f} ms/page")
    print(f"bs4 html.parser + text {soup * 1e3:8.3f} ms/page")
    print(f"ratio read_html / lxml parse: {ours / bare:.2f}  (goals: <= 2 on site-sized pages, <= 6 on bare ones)")
    print(f"ratio read_html / bs4:        {ours / soup:.2f}")
    print(
        f"tokenize_html (lenient: tags) {walk * 1e3:8.3f} ms/page; with element paths (strict) "
        f"{walk_paths * 1e3:8.3f} ms/page"
    )


def main() -> int:
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5
    where, data = pages()
    chrome = "--site-chrome" in sys.argv or "--both" in sys.argv
    if "--site-chrome" in sys.argv:
        data = [site_chrome(page) for page in data]
    if "--profile" in sys.argv:
        import cProfile
        import pstats

        cProfile.runctx(
            "for p in data: read_html(p)", globals(), {"data": data, "read_html": read_html}, "/tmp/bench_html.prof"
        )
        pstats.Stats("/tmp/bench_html.prof").sort_stats("cumulative").print_stats(20)
    if "--site-chrome" in sys.argv:
        table("rendered pages in site-sized chrome", where, data, repeat)
        return 0
    table("rendered pages (render_html(page=True))", where, data, repeat)
    if chrome:
        table("the same pages in site-sized chrome", where, [site_chrome(page) for page in data], repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
