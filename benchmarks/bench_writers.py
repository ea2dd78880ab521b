#!/usr/bin/env python3
"""What the writers' guarantee costs: writing alone against verifying, side by side in one run.

Usage:  python benchmarks/bench_writers.py [--rounds 9] [--cold]

Each writer renders, then makes sure its reader would read the rendering back equal to the
decision (else :class:`~lgo_decisions.errors.RenderError`). This script times, per record:

* ``write``: writing alone (the writer's ``_write``: its checks and the rendering);
* ``verify``: the guarantee as the writer implements it (its ``_verify`` on that rendering);
* ``render``: the public function as a whole (``render_text`` / ``render_html``);
* ``read-back``: a full read-back for comparison (``read_text``/``read_html`` with the record's
  ``url``, compared with ``==``), what the guarantee cost when it was done that way.

The records are ``examples/*.txt`` read with ``read_text`` and, when ``../shared/corpus/dev.jsonl``
exists, its rows' ``text`` read with their ``url``; a record a writer refuses is left out of that
writer's rows (and counted). Times are CPU time (``time.process_time``), each phase once over all
records per round, the phases interleaved (their order rotates every round), and the median of
the rounds is reported. ``--cold`` empties the writers' caches before every record (the worst
case: nothing learnt from earlier records); by default they are emptied before every round.

The goal (the architecture issue): ``verify`` at most a third of ``render``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lgo_decisions import Decision, RenderError, read_html, read_text, render_html, render_text  # noqa: E402
from lgo_decisions.writers import _checks  # noqa: E402
from lgo_decisions.writers import html as html_writer  # noqa: E402
from lgo_decisions.writers import text as text_writer  # noqa: E402


def records() -> tuple[str, list[Decision]]:
    out = [read_text(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.txt"))]
    where = f"{len(out)} examples"
    corpus = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
    if corpus.is_file():
        rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
        out += [read_text(row["text"], url=row.get("url")) for row in rows]
        where += f" + {len(rows)} dev-corpus statements"
    return where, out


def _clear() -> None:
    clear = getattr(_checks, "clear_caches", None)  # (the writers' caches: none before the proof)
    if clear is not None:
        clear()


def _writable(render: Callable[[Decision], str], ds: Sequence[Decision]) -> list[Decision]:
    ok = []
    for d in ds:
        try:
            render(d)
        except RenderError:
            continue
        ok.append(d)
    return ok


def _phases(name: str, ds: list[Decision], cold: bool) -> dict[str, Callable[[], Any]]:
    """The timed phases of one writer, each a pass over all records."""
    each = _clear if cold else (lambda: None)
    if name == "text":
        written = [text_writer._write(d) for d in ds]

        def write() -> None:
            for d in ds:
                each()
                text_writer._write(d)

        def verify() -> None:
            for w, t in written:
                each()
                text_writer._verify(w, t)

        def render() -> None:
            for d in ds:
                each()
                render_text(d)

        def read_back() -> None:
            for d, (_, t) in zip(ds, written, strict=True):
                assert read_text(t, url=d.url) == d

        return {"write": write, "verify": verify, "render": render, "read-back": read_back}
    page = name == "html-page"
    pages = [html_writer._write(d, page=page) for d in ds]

    def hwrite() -> None:
        for d in ds:
            each()
            html_writer._write(d, page=page)

    def hverify() -> None:
        for d, h in zip(ds, pages, strict=True):
            each()
            html_writer._verify(d, h)

    def hrender() -> None:
        for d in ds:
            each()
            render_html(d, page=page)

    def hread_back() -> None:
        for d, h in zip(ds, pages, strict=True):
            assert read_html(h, url=d.url) == d

    return {"write": hwrite, "verify": hverify, "render": hrender, "read-back": hread_back}


def measure(phases: dict[str, Callable[[], Any]], rounds: int) -> dict[str, float]:
    names = list(phases)
    times: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        _clear()
        order = names[r % len(names) :] + names[: r % len(names)]
        for n in order:
            _clear()
            start = time.process_time()
            phases[n]()
            times[n].append(time.process_time() - start)
    return {n: statistics.median(ts) for n, ts in times.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--cold", action="store_true", help="empty the writers' caches before every record")
    args = parser.parse_args(argv)
    where, ds = records()
    print(
        f"records: {where}; {args.rounds} interleaved rounds, median CPU time"
        f"{'; caches emptied before every record' if args.cold else ''}"
    )
    print(
        f"{'writer':<10} {'n':>4} {'write':>9} {'verify':>9} {'render':>9} {'read-back':>10}   "
        f"{'write/render':>12} {'verify/render':>13} {'full read-back share':>20}"
    )
    for name, render in (
        ("text", render_text),
        ("html", render_html),
        ("html-page", lambda d: render_html(d, page=True)),
    ):
        ok = _writable(render, ds)
        med = measure(_phases(name, ok, args.cold), args.rounds)
        per = {k: v / len(ok) * 1e6 for k, v in med.items()}
        share = med["read-back"] / (med["write"] + med["read-back"])
        print(
            f"{name:<10} {len(ok):>4} {per['write']:>7.1f}us {per['verify']:>7.1f}us {per['render']:>7.1f}us "
            f"{per['read-back']:>8.1f}us   {med['write'] / med['render']:>12.0%} "
            f"{med['verify'] / med['render']:>13.0%} {share:>20.0%}"
        )
        if len(ok) < len(ds):
            print(f"{'':<10} ({len(ds) - len(ok)} record(s) the writer refuses left out)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
