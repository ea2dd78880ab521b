#!/usr/bin/env python3
"""Every per-call speed goal of docs/performance.md as a ratio, measured side by side in one run.

Usage:  python benchmarks/bench_goals.py [--rounds 9] [--only NAME ...] [--json OUT.json]

Each round times every pair (this library's call, its baseline) over the same inputs, one after
the other in alternating order, in CPU time; the table gives the median microseconds of each and
the ratio's min/median/max over the rounds (a ratio is taken within a round, so load that comes
and goes disturbs it less than bare times). Inputs: the development corpus
(``../shared/corpus/dev.jsonl``, or ``--pages``) else generated statements, as text; the same
statements rendered by ``render_html(page=True)`` ("bare" pages) and in site-sized chrome
(``bench_html.site_chrome``); their records. The garbage collector is paused while a pass is timed
(as ``timeit`` does: its pauses would fall on one side of a pair at random). Needs the ``bench`` extra (orjson).

Pairs:
  read_html site   read_html(page)              / lxml.html.fromstring(page), pages in chrome
  read_html bare   read_html(page)              / lxml.html.fromstring(page), bare pages
  read_text        read_text(text, url=url)     / text.splitlines()
  loads            loads(record)                / converter.structure(json.loads(record), Decision)
  load_jsonl       load_jsonl(lines)            / orjson.loads per line
  dumps            dumps(decision)              / orjson.dumps(attrs.asdict(decision))
  import           import lgo_decisions         / import attrs, cattrs, lxml.etree (fresh processes)
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import attrs  # noqa: E402
import lxml.html  # noqa: E402
import orjson  # noqa: E402

import lgo_decisions as L  # noqa: E402
from lgo_decisions.serialise import converter  # noqa: E402

GOALS = {
    "read_html site": 2.0,
    "read_html bare": 6.0,
    "read_text": 40.0,
    "loads": 1.1,
    "load_jsonl": 4.0,
    "dumps": 1.3,
    "import": 1.5,
}


def inputs(pages: Path | None) -> tuple[str, list[tuple[str, str | None]]]:
    corpus = pages or ROOT.parent / "shared" / "corpus" / "dev.jsonl"
    if corpus.is_file():
        rows = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
        return f"{len(rows)} statements of {corpus.name}", [(r["text"], r.get("url")) for r in rows]
    import generate

    return "200 generated statements", [(t, None) for _, t in generate.statements(200)]


def cpu(fn: Callable[[Any], object], items: Sequence[Any]) -> float:
    """CPU microseconds per item of one pass (the garbage collector paused, as ``timeit`` does)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        for item in items:
            fn(item)
        return (time.process_time() - start) / len(items) * 1e6
    finally:
        gc.enable()


_IMPORT = "import time, sys; t = time.perf_counter(); import {0}; sys.stdout.write(str(time.perf_counter() - t))"


def import_time(modules: str) -> float:
    """Microseconds to import ``modules`` in a fresh interpreter (wall time, measured inside it)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _IMPORT.format(modules)], env=env, capture_output=True, check=True)
    return float(out.stdout) * 1e6


def pairs(texts: list[tuple[str, str | None]]) -> dict[str, tuple[Callable[[], float], Callable[[], float], str]]:
    import bench_html

    decisions = [L.read_text(t, url=u) for t, u in texts]
    bare = [L.render_html(d, page=True).encode("utf-8") for d in decisions]
    site = [bench_html.site_chrome(p) for p in bare]
    records = [L.dumps(d) for d in decisions]
    lines = [r + "\n" for r in records]
    plain = [t for t, _ in texts]
    kib = lambda pages: f"{sum(map(len, pages)) / len(pages) / 1024:.1f} KiB a page"  # noqa: E731
    return {
        "read_html site": (lambda: cpu(L.read_html, site), lambda: cpu(lxml.html.fromstring, site), kib(site)),
        "read_html bare": (lambda: cpu(L.read_html, bare), lambda: cpu(lxml.html.fromstring, bare), kib(bare)),
        "read_text": (
            lambda: cpu(lambda tu: L.read_text(tu[0], url=tu[1]), texts),
            lambda: cpu(str.splitlines, plain),
            f"{sum(map(len, plain)) / len(plain) / 1024:.1f} KiB a text",
        ),
        "loads": (
            lambda: cpu(L.loads, records),
            lambda: cpu(lambda r: converter.structure(json.loads(r), L.Decision), records),
            "the library's converter",
        ),
        "load_jsonl": (
            lambda: cpu(lambda _: sum(1 for _ in L.load_jsonl(lines)), [0]) / len(lines),
            lambda: cpu(lambda _: sum(1 for line in lines if orjson.loads(line)), [0]) / len(lines),
            "per line",
        ),
        "dumps": (lambda: cpu(L.dumps, decisions), lambda: cpu(lambda d: orjson.dumps(attrs.asdict(d)), decisions), ""),
        "import": (
            lambda: import_time("lgo_decisions"),
            lambda: import_time("attrs, cattrs, lxml.etree"),
            "fresh interpreters, wall",
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--only", nargs="+", choices=sorted(GOALS), help="just these pairs")
    parser.add_argument("--pages", type=Path, help="JSON Lines of {url, text} statements")
    parser.add_argument("--json", type=Path, help="also write the results here (for perf_table.py)")
    args = parser.parse_args()
    where, texts = inputs(args.pages)
    table = pairs(texts)
    names = args.only or list(GOALS)
    times: dict[str, list[tuple[float, float]]] = {n: [] for n in names}
    load = [os.getloadavg()[0]]
    for r in range(args.rounds):
        for name in names:
            ours, base, _ = table[name]
            if r % 2:
                b = base()
                o = ours()
            else:
                o = ours()
                b = base()
            times[name].append((o, b))
        load.append(os.getloadavg()[0])
    print(
        f"lgo-decisions {L.__version__}, python {sys.version.split()[0]}, {os.cpu_count()} cores; {where}; "
        f"{args.rounds} interleaved rounds, CPU time; load average {min(load):.2f}-{max(load):.2f}"
    )
    print(f"{'pair':<15} {'ours µs':>9} {'base µs':>9}  {'ratio min/median/max':<21} {'goal':>6}  inputs")
    results = []
    for name in names:
        ratios = sorted(o / b for o, b in times[name])
        ours = statistics.median(o for o, _ in times[name])
        base = statistics.median(b for _, b in times[name])
        med = statistics.median(ratios)
        ok = "ok" if med <= GOALS[name] else "MISS"
        span = f"{ratios[0]:.2f}/{med:.2f}/{ratios[-1]:.2f}"
        print(f"{name:<15} {ours:9.1f} {base:9.1f}  {span:<21} <={GOALS[name]:<4} {ok:<4} {table[name][2]}")
        results.append({"pair": name, "ours_us": ours, "base_us": base, "ratios": ratios, "goal": GOALS[name]})
    if args.json:
        meta = {"where": where, "rounds": args.rounds, "load": [min(load), max(load)], "python": sys.version.split()[0]}
        args.json.write_text(json.dumps({"meta": meta, "results": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
