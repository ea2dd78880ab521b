#!/usr/bin/env python3
"""Regenerate the table of speed goals in docs/performance.md from the benchmark scripts' results.

Usage:  python benchmarks/perf_table.py [--rounds 9] [--scale-rounds 3] [--goals G.json] [--scale S.json]
                                        [--print]

Runs ``bench_goals.py --json`` and ``bench_scale.py --json`` (or reads results they wrote before:
``--goals``, ``--scale``), then replaces the part of ``docs/performance.md`` between the markers
``<!-- goals:start -->`` and ``<!-- goals:end -->`` with a table of every goal, its measured ratio
(median, and min-max over the rounds: the noise) and the machine it was measured on, with the
load average during the runs. ``--print`` prints the table instead of writing it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- goals:start -->", "<!-- goals:end -->"

WHAT = {
    "read_html site": "`read_html` against bare `lxml.html.fromstring`, pages in site-sized chrome",
    "read_html bare": "`read_html` against bare `lxml.html.fromstring`, bare pages",
    "read_text": "`read_text` against `str.splitlines` of the same texts",
    "loads": "`loads` against `json.loads` + `converter.structure`",
    "load_jsonl": "`load_jsonl` against `orjson.loads`, per line",
    "dumps": "`dumps` against `orjson.dumps(attrs.asdict(d))`",
    "import": "`import lgo_decisions` against `import attrs, cattrs, lxml.etree`",
}


def _run(script: str, args: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args, "--json", str(out)], check=True)
        return json.loads(out.read_text(encoding="utf-8"))


def _span(values: list[float], fmt: str = "{:.2f}") -> str:
    v = sorted(values)
    return f"{fmt.format(statistics.median(v))} ({fmt.format(v[0])}-{fmt.format(v[-1])})"


def _machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()}, Python {platform.python_version()}"


def table(goals: dict, scale: dict | None) -> str:
    meta = goals["meta"]
    rows = ["| goal | target | measured: median (min-max) | met |", "| --- | --- | --- | --- |"]
    for r in goals["results"]:
        med = statistics.median(r["ratios"])
        rows.append(
            f"| {WHAT.get(r['pair'], r['pair'])} ({r['ours_us']:.0f} µs against {r['base_us']:.0f} µs) "
            f"| <= {r['goal']}x | {_span(r['ratios'])}x | {'yes' if med <= r['goal'] else 'no'} |"
        )
    notes = [
        f"Per-call pairs: {meta['where']}, {meta['rounds']} interleaved rounds of CPU time, "
        f"load average {meta['load'][0]:.2f}-{meta['load'][1]:.2f}."
    ]
    if scale is not None:
        cli1, cli2 = scale["rows"]["cli w1"], scale["rows"]["cli w2"]
        big, small = str(scale["files"][-1]), str(scale["files"][0])
        speedups = [a / b for a, b in zip(cli1, cli2, strict=True)]
        growth = statistics.median(scale["peaks"][big]) / statistics.median(scale["peaks"][small])
        ok = statistics.median(speedups) >= 1.8
        rows.append(
            f"| {int(big):,} mixed files, `parse --workers 2` against `--workers 1` (speed-up) "
            f"| >= 1.8x | {_span(speedups)}x | {'yes' if ok else 'no'} |"
        )
        wall = statistics.median(cli2)
        rows.append(
            f"| {int(big):,} mixed files, `parse --workers 2`, wall | < 12 s | {_span(cli2, '{:.1f}')} s "
            f"| {'yes' if wall < 12 else 'no'} |"
        )
        for mode, label in (
            ("transform", "`read_corpus(workers=2, transform=record_line)`"),
            ("json", "`read_corpus_json(workers=2)`"),
            ("plain", "`read_corpus(workers=2)`, whole decisions sent back"),
        ):
            if f"api {mode}" not in scale["rows"]:
                continue
            ratios = [a / b for a, b in zip(scale["rows"][f"api {mode}"], cli2, strict=True)]
            met = statistics.median(ratios) <= 1.1
            rows.append(
                f"| {label} against the command line, wall | <= 1.1x | {_span(ratios)}x | {'yes' if met else 'no'} |"
            )
        peaks = ", ".join(f"{int(n):,} files {statistics.median(p):.0f} MiB" for n, p in scale["peaks"].items())
        rows.append(
            f"| peak memory of the process tree, `--workers 2` ({peaks}) | within 10% "
            f"| x{growth:.2f} | {'yes' if growth <= 1.1 else 'no'} |"
        )
        notes.append(
            f"Corpus runs: {len(cli1)} interleaved rounds of wall time, load average "
            f"{scale['load'][0]:.2f}-{scale['load'][1]:.2f}; outputs identical across runs: {scale['same']}."
        )
    notes.append(f"Machine: {_machine()}.")
    return "\n".join(rows) + "\n\n" + " ".join(notes) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--scale-rounds", type=int, default=3)
    parser.add_argument("--goals", type=Path, help="results bench_goals.py --json wrote")
    parser.add_argument("--scale", type=Path, help="results bench_scale.py --json wrote")
    parser.add_argument("--no-scale", action="store_true", help="leave out the corpus runs")
    parser.add_argument("--print", action="store_true", help="print the table, do not write the page")
    args = parser.parse_args()
    goals = json.loads(args.goals.read_text()) if args.goals else _run("bench_goals.py", ["--rounds", str(args.rounds)])
    scale = None
    if args.scale:
        scale = json.loads(args.scale.read_text())
    elif not args.no_scale:
        scale = _run("bench_scale.py", ["--rounds", str(args.scale_rounds)])
    text = table(goals, scale)
    if args.print:
        print(text)
        return 0
    page = DOC.read_text(encoding="utf-8")
    if START not in page or END not in page:
        raise SystemExit(f"{DOC}: no {START} ... {END} markers")
    head, rest = page.split(START, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")
    print(f"wrote the table into {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
