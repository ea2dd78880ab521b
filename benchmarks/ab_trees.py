#!/usr/bin/env python3
"""Time this checkout against another checkout of lgo-decisions, side by side, on the same inputs.

Usage:  python benchmarks/ab_trees.py --baseline PATH [--rounds 9] [--pages FILE.jsonl]

``PATH`` is another source tree of the project (for example ``git worktree add /tmp/base main~3``).
Each round runs one worker process per tree, in alternating order, on the same inputs: the
development corpus (``../shared/corpus/dev.jsonl``, or ``--pages``) or else the seeds in
``examples/``, as text, and the same statements rendered as whole HTML pages by this tree (saved
once, so both trees read the same bytes), and the same pages in site-sized chrome
(``bench_html.site_chrome``). A worker reports CPU microseconds per statement for ``read_text``,
``read_html`` (bare and site-sized pages), ``dumps``, ``loads`` and ``render_text``; the table gives
each tree's median over the rounds, the ratio this/baseline (below 1: this tree is faster) and the
spread of the rounds' ratios.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import lgo_decisions as L
rows = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
texts = [(r["text"], r["url"]) for r in rows]
pages = [bytes.fromhex(r["page"]) for r in rows]
site = [bytes.fromhex(r["site"]) for r in rows]
decisions = [L.read_text(t, url=u) for t, u in texts]
records = [L.dumps(d) for d in decisions]

def per_item(fn, items, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for item in items:
            fn(item)
        best = min(best, time.process_time() - start)
    return best / len(items) * 1e6

out = {
    "read_text": per_item(lambda tu: L.read_text(tu[0], url=tu[1]), texts),
    "read_html": per_item(L.read_html, pages),
    "read_html site": per_item(L.read_html, site),
    "dumps": per_item(L.dumps, decisions),
    "loads": per_item(L.loads, records),
    "render_text": per_item(L.render_text, [d for d in decisions if d.url is None]) if any(
        d.url is None for d in decisions) else per_item(L.render_text, decisions),
}
print(json.dumps(out))
"""


def _inputs(pages: Path | None) -> list[dict[str, str]]:
    corpus = pages or ROOT.parent / "shared" / "corpus" / "dev.jsonl"
    if corpus.is_file():
        rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
        items = [{"text": r["text"], "url": r.get("url")} for r in rows]
    else:
        items = [
            {"text": p.read_text(encoding="utf-8"), "url": None} for p in sorted((ROOT / "examples").glob("*.txt"))
        ]
    sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
    import bench_html

    import lgo_decisions

    for item in items:
        d = lgo_decisions.read_text(item["text"], url=item["url"])
        page = lgo_decisions.render_html(d, page=True).encode("utf-8")
        item["page"], item["site"] = page.hex(), bench_html.site_chrome(page).hex()
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="another source tree of lgo-decisions")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--pages", type=Path, help="JSON Lines of {url, text} statements")
    args = parser.parse_args()
    items = _inputs(args.pages)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.writelines(json.dumps(item) + "\n" for item in items)
    trees = {"this": ROOT, "baseline": args.baseline.resolve()}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for i in range(args.rounds):
        order = list(trees) if i % 2 == 0 else list(reversed(trees))
        for name in order:
            done = subprocess.run(
                [sys.executable, "-c", WORKER, str(trees[name]), f.name], check=True, capture_output=True, text=True
            )
            results[name].append(json.loads(done.stdout))
    Path(f.name).unlink()
    print(f"{len(items)} statements, {args.rounds} interleaved rounds; CPU microseconds per statement (median)")
    print(f"{'':<15} {'this':>10} {'baseline':>10} {'ratio':>7}  min/max of the rounds' ratios")
    for key in results["this"][0]:
        ours = statistics.median(r[key] for r in results["this"])
        theirs = statistics.median(r[key] for r in results["baseline"])
        ratios = [a[key] / b[key] for a, b in zip(results["this"], results["baseline"], strict=True)]
        print(f"{key:<15} {ours:10.1f} {theirs:10.1f} {ours / theirs:7.2f}  {min(ratios):.2f}/{max(ratios):.2f}")


if __name__ == "__main__":
    main()
