#!/usr/bin/env python3
"""Building a SQLite database against writing JSON Lines, side by side in one run.

Usage:  python benchmarks/bench_database.py [--records 10000] [--rounds 5] [--batch-size 500]

The 5 examples (``examples/*.txt``, read with ``read_text``) are multiplied to ``--records``
records, each given its own reference (so every one is a new statement in the database). Each
round writes them once as JSON Lines (``dump_jsonl`` to a file) and once into a new database
(``write_db``: the rows, the indexes, the full-text indexes, one transaction per batch, and
Datasette's metadata), in an order that alternates between rounds. The ratio of each round is
reported, with its minimum, median and maximum, for wall-clock time (the database's time is also
the disk's) and for CPU time (``time.process_time``: steadier on a shared machine). The goal
(issue 17): the database within 3x of JSON Lines.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lgo_decisions import Decision, dump_jsonl, read_text  # noqa: E402
from lgo_decisions.database import write_db  # noqa: E402


def records(n: int) -> list[Decision]:
    examples = [read_text(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.txt"))]
    return [
        attrs.evolve(
            examples[i % len(examples)], reference=f"{10 + i // 1_000_000:02d} {i // 1000 % 1000:03d} {i % 1000:03d}"
        )
        for i in range(n)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()
    ds = records(args.records)
    ratios: list[float] = []
    cpu_ratios: list[float] = []
    rates: dict[str, list[float]] = {"jsonl": [], "sqlite": []}
    with tempfile.TemporaryDirectory() as folder:
        for r in range(args.rounds):
            times: dict[str, float] = {}
            cpu: dict[str, float] = {}
            for phase in ("jsonl", "sqlite") if r % 2 == 0 else ("sqlite", "jsonl"):
                start, start_cpu = time.perf_counter(), time.process_time()
                if phase == "jsonl":
                    with open(Path(folder) / f"round{r}.jsonl", "w", encoding="utf-8") as fp:
                        dump_jsonl(ds, fp)
                else:
                    write_db(ds, Path(folder) / f"round{r}.db", batch_size=args.batch_size)
                times[phase] = time.perf_counter() - start
                cpu[phase] = time.process_time() - start_cpu
                rates[phase].append(len(ds) / times[phase])
            ratios.append(times["sqlite"] / times["jsonl"])
            cpu_ratios.append(cpu["sqlite"] / cpu["jsonl"])
            print(
                f"round {r + 1}: jsonl {rates['jsonl'][-1]:,.0f} records/s, sqlite {rates['sqlite'][-1]:,.0f} "
                f"records/s, ratio {ratios[-1]:.2f} (CPU time {cpu_ratios[-1]:.2f})",
                flush=True,
            )
    print(
        f"{len(ds):,} records, {args.rounds} rounds: sqlite/jsonl time ratio min {min(ratios):.2f} "
        f"median {statistics.median(ratios):.2f} max {max(ratios):.2f}; CPU time ratio min {min(cpu_ratios):.2f} "
        f"median {statistics.median(cpu_ratios):.2f} max {max(cpu_ratios):.2f} (goal: within 3x); median rates "
        f"jsonl {statistics.median(rates['jsonl']):,.0f}/s, sqlite {statistics.median(rates['sqlite']):,.0f}/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
