#!/usr/bin/env python3
"""A long run of the property of tests/test_html_menus.py: menus emptied before the parse give the
page's own tree, element for element and line for line (readers/html/_menus.py).

Usage:  python benchmarks/menu_equivalence.py [N]      (default 20,000 pages)

Draws N pages from the test's generator (menus of real menus' parts, and of what could fool a
byte-level cut, in sixteen contexts), reads each three times (the first reading remembers the
menus, the second cuts them, the third uses what the second learnt) and checks every reading
against the page parsed as it is. Prints how many pages were cut; stops at the first page that
differs, with the page. Run it in a virtual environment with another lxml to check that version.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import test_html_menus as menus  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from lxml import etree  # noqa: E402


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    seen: collections.Counter[str] = collections.Counter()

    @settings(max_examples=count, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(menus.pages(menus.parts) | menus.pages(menus.clean_parts))
    def run(raw: bytes) -> None:
        menus.same_tree(raw)
        seen["cut" if menus.cut(raw) else "parsed as it is"] += 1

    run()
    print(f"lxml {etree.LXML_VERSION}, libxml2 {etree.LIBXML_VERSION}: {count} pages, the same trees; {dict(seen)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
