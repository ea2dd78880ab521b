#!/usr/bin/env python3
"""Check the structure the text reader infers against the structure a page shows, on real statements.

Usage:  python benchmarks/dev_layouts.py [../shared/corpus/dev.jsonl]

For every statement of the file that has "Back to top" rules (the spaced page dumps), two
variants are made from its own text and read again:

* without its rules: the heading levels must be those read with the rules (the builder's levels
  without rules come from the section vocabulary);
* compact (every list marker ``- ``, no indents, no rules): the number of numbered paragraphs must
  be the spaced reading's (the builder tells numbered paragraphs from bullets by their text).

Prints the counts; nothing is written.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lgo_decisions  # noqa: E402

MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[\u2022\u00b7\u25aa\u25e6*]|[a-z][.)]|\([a-z]\))\s+")


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "dev.jsonl"
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    statements = headings = levels_differ = compact_same = 0
    for row in rows:
        text, url = row["text"], row["url"]
        if "Back to top" not in text:
            continue
        statements += 1
        spaced = lgo_decisions.read_text(text, url=url)
        lines = [line for line in text.splitlines() if line.strip() and line.strip() != "Back to top"]
        without_rules = lgo_decisions.read_text("\n".join(lines), url=url)
        want = [(s.heading, s.level) for s in spaced.sections if s.heading]
        got = [(s.heading, s.level) for s in without_rules.sections if s.heading]
        headings += len(want)
        levels_differ += sum(1 for a, b in zip(want, got, strict=False) if a != b) + abs(len(want) - len(got))
        compact = [("- " + line[m.end() :].strip()) if (m := MARKER.match(line)) else line.strip() for line in lines]
        compact_same += len(lgo_decisions.read_text("\n".join(compact), url=url).paragraphs()) == len(
            spaced.paragraphs()
        )
    print(f"{statements} statements with 'Back to top' rules, {headings} headings")
    print(f"heading levels differing when the rules are removed: {levels_differ}")
    print(f"compact readings numbered as the spaced reading: {compact_same} of {statements}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
