#!/usr/bin/env python3
"""Time ``read_html`` against a bare ``lxml.html.fromstring`` and a BeautifulSoup extraction.

Usage:  python benchmarks/bench_html.py [--repeat N] [--profile]

The pages are the development corpus (``../shared/corpus/dev.jsonl``) rendered as whole pages
with ``render_html(page=True)``, or the five seeds in ``examples/`` when the corpus is absent.
Three runs over the same UTF-8 bytes, best of ``--repeat``:

* ``read_html``: the whole reader (decode, parse, walk, build a Decision);
* ``lxml``: ``lxml.html.fromstring`` alone (the parse the reader cannot avoid);
* ``bs4``: ``BeautifulSoup(page, "html.parser")`` plus the page's text and its Category,
  Decision and Decision date fields found with a regular expression (a typical scraper).

Prints the time per page of each and the ratios read_html/lxml (goal: at most 3) and
read_html/bs4. Needs the ``bench`` extra (``pip install lgo-decisions[bench]``).
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


def main() -> int:
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5
    where, data = pages()
    if "--profile" in sys.argv:
        import cProfile
        import pstats

        cProfile.runctx("for p in data: read_html(p)", globals(), {"data": data, "read_html": read_html},
                        "/tmp/bench_html.prof")
        pstats.Stats("/tmp/bench_html.prof").sort_stats("cumulative").print_stats(20)
    size = sum(map(len, data)) / len(data)
    ours = best(read_html, data, repeat)
    bare = best(lxml.html.fromstring, data, repeat)
    soup = best(bs4_extract, data, repeat)
    print(f"{where}, {size / 1024:.1f} KB a page, best of {repeat}")
    print(f"read_html              {ours * 1e3:8.3f} ms/page")
    print(f"lxml.html.fromstring   {bare * 1e3:8.3f} ms/page")
    print(f"bs4 html.parser + text {soup * 1e3:8.3f} ms/page")
    print(f"ratio read_html / lxml parse: {ours / bare:.2f}  (goal <= 3)")
    print(f"ratio read_html / bs4:        {ours / soup:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
