"""Facts extraction per statement, as a ratio to ``read_text`` of the same statement (goal: at most 0.5).

    python benchmarks/bench_facts.py [--rounds 7] [--pages FILE.jsonl] [--growth]

In each round, CPU time to ``read_text`` every statement and to run ``extract_facts`` on every
(already read) decision, the two interleaved and their order alternating between rounds; the
table gives the ratio extract/read per round as min/median/max, and the same for the statements
one at a time (the median of per-statement ratios). Statements: the development corpus
(``../shared/corpus/dev.jsonl``, or ``--pages``), else the seeds in ``examples/``. ``--growth``
times ``extract_facts`` on one long summary of repeated fact-shaped sentences (microseconds per
character should stay flat: no regular expression backtracks without bound). A change made for speed
must leave every fact as it was: ``benchmarks/facts_equivalence.py`` records and checks them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import lgo_decisions as lgo
from lgo_decisions.facts import extract_facts

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PIECES = (
    "The Council has agreed to apologise, pay Mr X £250, and review its policy. ",
    "We will not investigate because there is not enough evidence of fault, ",
    "Mr and Mrs X complain on behalf of B and C, ",
    "within one month within four weeks £1,000 £2 ",
)


def statements(pages: Path | None) -> list[tuple[str, str | None]]:
    corpus = pages or SHARED / "corpus" / "dev.jsonl"
    if corpus.is_file():
        return [(r["text"], r.get("url")) for r in map(json.loads, corpus.open(encoding="utf-8"))]
    return [(path.read_text(encoding="utf-8"), None) for path in sorted((ROOT / "examples").glob("*.txt"))]


def _timed(fn: object, arg: object) -> float:
    start = time.process_time()
    fn(arg)  # type: ignore[operator]
    return time.process_time() - start


def cost(items: list[tuple[str, str | None]], rounds: int) -> None:
    decisions = [lgo.read_text(text, url=url) for text, url in items]
    totals, medians = [], []
    for index in range(rounds):
        reading = [0.0] * len(items)
        extracting = [0.0] * len(items)
        for i, ((text, url), decision) in enumerate(zip(items, decisions, strict=True)):
            if index % 2:
                extracting[i] = _timed(extract_facts, decision)
                reading[i] = _timed(lambda t, url=url: lgo.read_text(t, url=url), text)
            else:
                reading[i] = _timed(lambda t, url=url: lgo.read_text(t, url=url), text)
                extracting[i] = _timed(extract_facts, decision)
        totals.append(sum(extracting) / sum(reading))
        medians.append(statistics.median(e / r for e, r in zip(extracting, reading, strict=True) if r > 0))
    print(f"{len(items)} statements, {rounds} interleaved rounds (CPU time), extract_facts / read_text:")
    print(f"  all statements:  min {min(totals):.3f}, median {statistics.median(totals):.3f}, max {max(totals):.3f}")
    print(f"  per statement:   min {min(medians):.3f}, median {statistics.median(medians):.3f}, max {max(medians):.3f}")


def growth() -> None:
    sizes = (20_000, 40_000, 80_000)
    print("piece".ljust(60) + "".join(f"{n:>10,}" for n in sizes) + "   (us per character)")
    for piece in PIECES:
        row = []
        for size in sizes:
            text = piece * (size // len(piece))
            decision = lgo.read_text(f"Kent County Council (23 008 522)\nSummary: {text}")
            row.append(_timed(extract_facts, decision) / len(text) * 1e6)
        print(repr(piece[:56]).ljust(60) + "".join(f"{us:>10.2f}" for us in row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--pages", type=Path)
    parser.add_argument("--growth", action="store_true", help="time long pathological summaries too")
    options = parser.parse_args()
    print(f"lgo-decisions {lgo.__version__}, python {sys.version.split()[0]}")
    cost(statements(options.pages), options.rounds)
    if options.growth:
        growth()


if __name__ == "__main__":
    main()
