"""Micro-benchmarks measured side by side in one run: the text reader, ``dumps`` and ``loads``.

Baselines (same statements, same run, same clock):
- text reader: ``bytes.decode`` + ``str.splitlines`` (the least any reader must do) and the
  reader's own tokenizer alone, against ``lgo_decisions.read`` (decode, sniff, tokenize, build);
- ``dumps``: ``orjson.dumps(attrs.asdict(d))`` (goal: ``dumps`` within 2x of it);
- ``loads``: ``orjson.loads`` alone (parsing only, no record built) and ``json.loads``.

Statements are generated from the seeds (``generate.py``, ``--count``), or read from a JSON
Lines file of ``{"url", "text"}`` pages (``--pages``). Times are CPU time per statement (the
best of ``--repeat`` rounds), so that other load on the machine disturbs them less.

    python benchmarks/bench_core.py [--count 500] [--repeat 5] [--pages FILE.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

import lgo_decisions
from lgo_decisions import dumps, loads, read
from lgo_decisions.readers.text import tokenize

try:
    import orjson
except ImportError:  # pip install 'lgo-decisions[bench]'
    orjson = None


def per_item(fn: Callable[[Any], object], items: Sequence[Any], repeat: int) -> float:
    """Best CPU microseconds per item over ``repeat`` rounds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for item in items:
            fn(item)
        best = min(best, time.process_time() - start)
    return best / len(items) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pages", type=Path, help="JSON Lines of {url, text} pages instead of generated ones")
    args = parser.parse_args()
    if args.pages:
        texts = [json.loads(line)["text"] for line in args.pages.open(encoding="utf-8") if line.strip()]
    else:
        texts = [text for _, text in generate.statements(args.count)]
    raw = [t.encode("utf-8") for t in texts]
    decisions = [read(b) for b in raw]
    records = [dumps(d) for d in decisions]
    size = sum(map(len, raw)) / len(raw)
    print(
        f"lgo-decisions {lgo_decisions.__version__}, python {sys.version.split()[0]}; {len(raw):,} statements, "
        f"{size / 1e3:.1f} KB on average; CPU microseconds per statement, best of {args.repeat}"
    )

    rows: list[tuple[str, float, str, float]] = []
    base = per_item(lambda b: b.decode("utf-8").splitlines(), raw, args.repeat)
    tok = per_item(lambda b: list(tokenize(b.decode("utf-8"))), raw, args.repeat)
    reader = per_item(read, raw, args.repeat)
    rows.append(("read(bytes)", reader, "decode + splitlines", base))
    rows.append(("read(bytes)", reader, "decode + tokenize only", tok))
    if orjson is not None:
        rows.append(
            (
                "dumps",
                per_item(dumps, decisions, args.repeat),
                "orjson.dumps(attrs.asdict(d))",
                per_item(lambda d: orjson.dumps(attrs.asdict(d)), decisions, args.repeat),
            )
        )
        rows.append(
            (
                "loads",
                per_item(loads, records, args.repeat),
                "orjson.loads (parse only)",
                per_item(orjson.loads, records, args.repeat),
            )
        )
    rows.append(
        (
            "loads",
            per_item(loads, records, args.repeat),
            "json.loads (parse only)",
            per_item(json.loads, records, args.repeat),
        )
    )
    rows.append(
        (
            "dumps",
            per_item(dumps, decisions, args.repeat),
            "json.dumps(attrs.asdict(d))",
            per_item(lambda d: json.dumps(attrs.asdict(d), default=str), decisions, args.repeat),
        )
    )
    width = max(len(r[2]) for r in rows)
    for name, ours, base_name, theirs in rows:
        print(f"{name:<12} {ours:8.1f} us   vs {base_name:<{width}} {theirs:8.1f} us   ratio {ours / theirs:5.2f}")
    if orjson is None:
        print("orjson is not installed (pip install 'lgo-decisions[bench]'): orjson baselines skipped")


if __name__ == "__main__":
    main()
