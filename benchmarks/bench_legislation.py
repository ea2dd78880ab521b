"""The legislation finder: its cost beside reading, its growth on long pathological strings, its score.

    python benchmarks/bench_legislation.py [--rounds 7] [--pages FILE.jsonl] [--score]

- Cost: in each round, CPU time to ``read_text`` every statement and to run ``find_legislation`` on
  every block of every statement (the two interleaved, the order alternating between rounds); the
  table gives the ratio finder/read per round as min/median/max. Statements: the development
  corpus (``../shared/corpus/dev.jsonl``, or ``--pages``), else the seeds in ``examples/``.
- Growth: microseconds per character on strings of 50,000 to 400,000 characters made of one
  repeated piece (the shapes a regular expression could backtrack on); linear time keeps the
  column flat.
- ``--score``: precision and recall of (instrument, provision) against the hand labels in
  ``../shared/corpus/dev_facts.jsonl`` (as ``../shared/tools/score_facts.py`` counts them), with
  every statement whose entries differ.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import lgo_decisions as lgo
from lgo_decisions.facts._legislation import find_legislation
from lgo_decisions.model import BulletList

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PIECES = (
    "Act ", "Aa Aa Aa Act ", "section 1, ", "section 1 and ", "(", "(a)", "1(1)", "Schedule 5/",
    "section 1 of the Act ", "Local Government Act 1974, section 1, ", "s1, 2, 3, 4 ", " ",
)  # fmt: skip


def block_texts(decision: lgo.Decision) -> Iterator[str]:
    """The summary, headings, and every paragraph, item and sub-paragraph text of ``decision``."""

    def walk(blocks: Sequence[object]) -> Iterator[str]:
        for block in blocks:
            if isinstance(block, BulletList):
                yield from block.items
            else:
                yield block.text  # type: ignore[attr-defined]
                yield from walk(getattr(block, "blocks", ()))

    if decision.summary:
        yield decision.summary
    for section in decision.sections:
        if section.heading:
            yield section.heading
        yield from walk(section.blocks)


def statements(pages: Path | None) -> list[tuple[str, str | None]]:
    corpus = pages or SHARED / "corpus" / "dev.jsonl"
    if corpus.is_file():
        return [(r["text"], r.get("url")) for r in map(json.loads, corpus.open(encoding="utf-8"))]
    return [(path.read_text(encoding="utf-8"), None) for path in sorted((ROOT / "examples").glob("*.txt"))]


def cost(items: list[tuple[str, str | None]], rounds: int) -> None:
    texts = [list(block_texts(lgo.read_text(text, url=url))) for text, url in items]
    ratios = []
    for index in range(rounds):

        def read() -> float:
            start = time.process_time()
            for text, url in items:
                lgo.read_text(text, url=url)
            return time.process_time() - start

        def find() -> float:
            start = time.process_time()
            for blocks in texts:
                for block in blocks:
                    find_legislation(block)
            return time.process_time() - start

        if index % 2:
            found, reading = find(), read()
        else:
            reading, found = read(), find()
        ratios.append(found / reading)
    print(f"{len(items)} statements, {rounds} rounds: find_legislation / read_text = "
          f"min {min(ratios):.3f}, median {statistics.median(ratios):.3f}, max {max(ratios):.3f}")  # fmt: skip


def growth() -> None:
    sizes = (50_000, 100_000, 200_000, 400_000)
    print("piece".ljust(42) + "".join(f"{n:>10,}" for n in sizes) + "   (us per character)")
    for piece in PIECES:
        row = []
        for size in sizes:
            text = piece * (size // len(piece))
            start = time.process_time()
            find_legislation(text)
            row.append((time.process_time() - start) / len(text) * 1e6)
        print(repr(piece).ljust(42) + "".join(f"{us:>10.2f}" for us in row))


def score() -> None:
    labels = SHARED / "corpus" / "dev_facts.jsonl"
    dev = {r["url"]: r["text"] for r in map(json.loads, (SHARED / "corpus" / "dev.jsonl").open(encoding="utf-8"))}

    def key(value: object) -> str | None:
        return re.sub(r"[\s’']+", " ", str(value or "")).strip().lower() or None

    hits = got_total = want_total = 0
    for label in map(json.loads, labels.open(encoding="utf-8")):
        if label.get("seed"):
            decision = lgo.read(SHARED / "seeds" / label["seed"])
        else:
            decision = lgo.read_text(dev[label["url"]], url=label["url"])
        got = Counter(
            (key(c.instrument), key(c.provision)) for text in block_texts(decision) for c in find_legislation(text)
        )
        want = Counter((key(x["instrument"]), key(x["provision"])) for x in label["facts"]["legislation"])
        hits += sum((got & want).values())
        got_total += sum(got.values())
        want_total += sum(want.values())
        if got != want:
            print(label.get("seed") or label["url"], "extra:", sorted((got - want).elements()),
                  "missing:", sorted((want - got).elements()))  # fmt: skip
    print(f"legislation: precision {100 * hits / max(got_total, 1):.1f}% ({hits}/{got_total}), "
          f"recall {100 * hits / max(want_total, 1):.1f}% ({hits}/{want_total})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--pages", type=Path)
    parser.add_argument("--score", action="store_true", help="score against the hand labels")
    options = parser.parse_args()
    if options.score:
        if not (SHARED / "corpus" / "dev_facts.jsonl").is_file():
            sys.exit(f"no labels at {SHARED / 'corpus'}")
        score()
        return
    cost(statements(options.pages), options.rounds)
    growth()


if __name__ == "__main__":
    main()
