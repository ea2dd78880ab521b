"""Run the catalogue of bad and hostile input and print each case's outcome and time.

For every case of ``tests/bad_inputs.py`` (and every entry point of its family: ``read`` and
``read_text`` for text, ``read(reader="html")`` and ``read_html`` for markup) it prints the
outcome (the error type, or "record" with the diagnostic codes), the CPU time at the case's
size ``n`` and at ``2n``, and their ratio: about 2 for work linear in the input, about 1 for
fixed-size cases, 4 for quadratic work. Then the ``SCALING`` inputs at 20,000 and 40,000 units.
Times are the best of ``--repeat`` runs of CPU time, so that other load disturbs them less.

    python benchmarks/bad_input_catalogue.py [--repeat 3] [--only SUBSTRING] [--markdown]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lgo_decisions import Decision, LgoDecisionsError, read, read_html, read_text
from tests.bad_inputs import CASES, SCALING, Case


def outcome(fn: Callable[[], Decision]) -> str:
    try:
        d = fn()
    except LgoDecisionsError as exc:
        return type(exc).__name__
    except Exception as exc:  # the point is to report it
        return f"UNTYPED {type(exc).__name__}: {exc}"
    codes = sorted({x.code for x in d.diagnostics})
    return "record" + (f" [{', '.join(codes)}]" if codes else "")


def best_time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        with contextlib.suppress(Exception):  # timing only; the outcome is taken separately
            fn()
        best = min(best, time.process_time() - start)
    return best


def entries(case: Case) -> list[tuple[str, Callable[[str | bytes], Decision]]]:
    limit: dict[str, Any] = {} if case.max_bytes is None else {"max_bytes": case.max_bytes}
    url = case.url
    if case.html:
        return [
            ("read", lambda d: read(d, reader="html", url=url, **limit)),
            ("read_html", lambda d: read_html(d, url=url, **limit)),
        ]
    out: list[tuple[str, Callable[[str | bytes], Decision]]] = [("read", lambda d: read(d, url=url, **limit))]
    if case.max_bytes is None and isinstance(case.make(1), str):
        out.append(("read_text", lambda d: read_text(d, url=url)))  # type: ignore[arg-type]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    untyped = 0
    if args.markdown:
        print("| case | entry | outcome | time n (s) | time 2n (s) | ratio |\n|---|---|---|---|---|---|")
    for case in CASES:
        if args.only.lower() not in case.name.lower():
            continue
        small, large = case.make(1), case.make(2)
        for name, fn in entries(case):
            result = outcome(lambda: fn(small))  # noqa: B023
            untyped += result.startswith("UNTYPED")
            t1 = best_time(lambda: fn(small), args.repeat)  # noqa: B023
            t2 = best_time(lambda: fn(large), args.repeat)  # noqa: B023
            ratio = t2 / t1 if t1 > 0.0005 else float("nan")
            if args.markdown:
                print(f"| {case.name} | {name} | {result} | {t1:.4f} | {t2:.4f} | {ratio:.1f} |")
            else:
                print(f"{case.name[:38]:38} {name:9} {result[:44]:44} {t1:8.4f}s {t2:8.4f}s  x{ratio:.1f}", flush=True)
    print("\nscaling inputs (20,000 and 40,000 units):")
    for s in SCALING:
        if args.only.lower() not in s.name.lower():
            continue
        reader: Callable[[str], Decision] = read_html if s.html else read_text
        small, large = s.make(20_000), s.make(40_000)
        t1 = best_time(lambda: reader(small), args.repeat)  # noqa: B023
        t2 = best_time(lambda: reader(large), args.repeat)  # noqa: B023
        print(f"{s.name[:38]:38} {'html' if s.html else 'text':9} {t1:8.4f}s {t2:8.4f}s  x{t2 / t1:.1f}", flush=True)
    print(f"\nuntyped exceptions: {untyped}")
    return 1 if untyped else 0


if __name__ == "__main__":
    sys.exit(main())
