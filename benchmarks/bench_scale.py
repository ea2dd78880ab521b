#!/usr/bin/env python3
"""A corpus of mixed text and HTML files through ``parse`` and ``read_corpus``: speed-up and flat memory.

Usage:  python benchmarks/bench_scale.py [--folder /tmp/lgo-scale] [--files 5000 57500] [--rounds 3]
                                        [--json OUT.json]

Makes (once, kept in ``--folder`` for later runs) corpora of N files by multiplying statements in
the shapes of real ones: half text files (the development corpus's page starts, ``../shared/corpus/
dev.jsonl`` if present, and whole statements generated from the seeds, ``generate.py``), 40% the
same statements as HTML pages (``render_html(page=True)``) and 10% as pages in site-sized chrome
(``bench_html.site_chrome``), in sub-folders of 1,000. Then, in interleaved rounds, runs:

* ``lgo-decisions parse DIR -o OUT.jsonl --quiet --workers 1`` and ``--workers 2`` on the largest
  corpus (the ratio is the speed-up), and ``--workers 2`` on each smaller one (peak memory of the
  whole process tree, sampled every 20 ms: it should not grow with the corpus);
* the Python API with two workers on the largest corpus, writing the same JSON Lines:
  ``read_corpus_json(...)`` (records serialised in the workers) and
  ``read_corpus(..., transform=...)`` (a worker-side function), against the command line
  (``--api plain`` also times ``read_corpus(...)`` sending whole decisions back).

Wall times depend on the other load of the machine: the load average is printed with each round.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import bench_corpus  # noqa: E402
import generate  # noqa: E402

API = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from lgo_decisions.corpus import read_corpus, read_corpus_json, record_line
mode, folder, out = sys.argv[2], sys.argv[3], sys.argv[4]
with open(out, "w", encoding="utf-8") as fp:
    if mode == "json":
        for line in read_corpus_json([folder], workers=2):
            if line.record is not None:
                fp.write(line.record + "\n")
    elif mode == "plain":  # whole decisions sent back, serialised here
        from lgo_decisions import dumps
        for r in read_corpus([folder], workers=2):
            if r.decision is not None:
                fp.write(dumps(r.decision) + "\n")
    else:
        for record in read_corpus([folder], workers=2, transform=record_line):
            if record is not None:
                fp.write(record + "\n")
"""


def statements() -> list[tuple[str, str | None]]:
    corpus = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")] if corpus.is_file() else []
    texts: list[tuple[str, str | None]] = [(r["text"], r.get("url")) for r in rows]
    return texts + [(t, None) for _, t in generate.statements(max(100, len(texts)))]


def make(folder: Path, count: int) -> Path:
    """A folder of ``count`` mixed files (made once; its ``.done`` file marks it complete)."""
    target = folder / f"mixed-{count}"
    if (target / ".done").exists():
        return target
    import bench_html

    import lgo_decisions as L

    items = statements()
    pages = [L.render_html(L.read_text(t, url=u), page=True).encode("utf-8") for t, u in items]
    for i in range(count):
        sub = target / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        n = (i * 7919) % len(items)
        slot = i % 10
        if slot < 5:
            (sub / f"{i:06d}.txt").write_text(items[n][0], encoding="utf-8")
        elif slot < 9:
            (sub / f"{i:06d}.html").write_bytes(pages[n])
        else:
            (sub / f"{i:06d}.html").write_bytes(bench_html.site_chrome(pages[n]))
    (target / ".done").write_text("", encoding="utf-8")
    return target


def api(mode: str, folder: Path, out: Path) -> float:
    import subprocess

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", API, str(ROOT), mode, str(folder), str(out)], check=True)
    return time.perf_counter() - start


def _span(values: list[float]) -> str:
    v = sorted(values)
    return f"{v[0]:.2f}/{statistics.median(v):.2f}/{v[-1]:.2f} (min/median/max)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/lgo-scale"))
    parser.add_argument("--files", type=int, nargs="+", default=[5000, 57500])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--api",
        nargs="+",
        default=["json", "transform"],
        choices=["json", "transform", "plain"],
        help="which uses of the API to time (plain: read_corpus sending whole decisions back)",
    )
    args = parser.parse_args()
    sizes = sorted(args.files)
    folders = {n: make(args.folder, n) for n in sizes}
    big = folders[sizes[-1]]
    out = args.folder / "out"
    out.mkdir(exist_ok=True)
    rows: dict[str, list[float]] = {}
    peaks: dict[int, list[float]] = {n: [] for n in sizes}
    loads = []
    env_note = f"python {sys.version.split()[0]}, {os.cpu_count()} cores"
    for r in range(args.rounds):
        loads.append(os.getloadavg()[0])
        order = [1, 2] if r % 2 == 0 else [2, 1]
        for workers in order:
            wall, cpu, tree, _, status = bench_corpus.run(big, out / f"w{workers}.jsonl", workers)
            assert status == 0, status
            rows.setdefault(f"cli w{workers}", []).append(wall)
            rows.setdefault(f"cpu w{workers}", []).append(cpu)
            if workers == 2:
                peaks[sizes[-1]].append(tree)
        for n in sizes[:-1]:
            wall, cpu, tree, _, status = bench_corpus.run(folders[n], out / f"small{n}.jsonl", 2)
            peaks[n].append(tree)
        for mode in args.api:
            rows.setdefault(f"api {mode}", []).append(api(mode, big, out / f"api-{mode}.jsonl"))
        loads.append(os.getloadavg()[0])
        print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f}" for k, v in rows.items()), flush=True)
    same = all(
        (out / name).read_bytes() == (out / "w2.jsonl").read_bytes()
        for name in ("w1.jsonl", *(f"api-{mode}.jsonl" for mode in args.api))
    )
    med = {k: statistics.median(v) for k, v in rows.items()}
    print(f"{env_note}; {args.rounds} interleaved rounds; load average {min(loads):.2f}-{max(loads):.2f}")
    print(f"{sizes[-1]:,} mixed files: --workers 1 {med['cli w1']:.2f} s, --workers 2 {med['cli w2']:.2f} s wall")
    speedups = [a / b for a, b in zip(rows["cli w1"], rows["cli w2"], strict=True)]
    print(f"two workers against one (speed-up)  {_span(speedups)}  >= 1.8")
    for mode in args.api:
        ratios = [a / b for a, b in zip(rows[f"api {mode}"], rows["cli w2"], strict=True)]
        print(f"API ({mode}) against the command line {_span(ratios)}  <= 1.1")
    growth = statistics.median(peaks[sizes[-1]]) / statistics.median(peaks[sizes[0]])
    held = ", ".join(f"{n:,} files {statistics.median(p):.0f} MiB" for n, p in peaks.items())
    print(f"peak RSS of the process tree (--workers 2): {held}; growth x{growth:.2f}  <= 1.10")
    print(f"outputs identical (workers 1 and 2, both APIs): {same}")
    if args.json:
        result = {"rows": rows, "peaks": {str(k): v for k, v in peaks.items()}, "files": sizes, "same": same}
        args.json.write_text(json.dumps({**result, "load": [min(loads), max(loads)]}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
