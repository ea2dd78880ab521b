#!/usr/bin/env python3
"""Equivalence harness for speed work: every reader's and the serialiser's output must stay byte-identical.

    python benchmarks/output_equivalence.py record [--store FILE] [--generated N]
    python benchmarks/output_equivalence.py check [--store FILE]

``record`` reads a fixed set of inputs and stores, for each, everything a user could see of the
result: the record's JSON (or the error's type and message), its diagnostics, the token stream,
the strict reading, and the record loaded back from its JSON and from JSON Lines. ``check`` reads
the same inputs again and reports every one whose output differs (exit status 1 when any does).

Inputs: the development corpus (``../shared/corpus/dev.jsonl``, if present) as text, cut at a
random line and re-encoded (Windows-1252, UTF-16 with a BOM); the same statements rendered as bare
HTML pages and in site-sized chrome; the seeds in ``examples/``; the test catalogue of bad inputs
(``tests/bad_inputs.py``); generated whole statements (``generate.py``, fixed seed). The store
lives outside the project (``/tmp`` by default): it holds text derived from the corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests")]

import lgo_decisions as L  # noqa: E402
from lgo_decisions import readers  # noqa: E402
from lgo_decisions.readers._base import prepare  # noqa: E402

STORE = Path("/tmp/lgo-output-equivalence.json")
Input = tuple[str, "str | bytes", str | None, str]  # (key, data, url, reader name)


def inputs(generated: int) -> Iterator[Input]:
    """Every input, with a stable key."""
    import bench_html
    import generate

    corpus = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")] if corpus.is_file() else []
    texts = [(f"dev{i}", r["text"], r.get("url")) for i, r in enumerate(rows)]
    texts += [(f"gen{i}", t, None) for i, (_, t) in enumerate(generate.statements(generated))]
    seeds = sorted((ROOT / "examples").glob("*.txt"))
    texts += [(f"example:{p.name}", p.read_text(encoding="utf-8"), None) for p in seeds]
    rng = random.Random(15)
    for key, text, url in texts:
        yield key, text, url, "text"
        lines = text.splitlines(keepends=True)
        yield f"{key}:cut", "".join(lines[: rng.randrange(1, max(2, len(lines)))]), url, "text"
        yield f"{key}:cp1252", text.encode("cp1252", "replace"), url, "text"
        yield f"{key}:utf16", text.encode("utf-16"), url, "text"
        try:
            page = L.render_html(L.read_text(text, url=url), page=True).encode("utf-8")
        except L.LgoDecisionsError:
            continue
        yield f"{key}:bare", page, url, "html"
        yield f"{key}:site", bench_html.site_chrome(page), url, "html"
    import bad_inputs

    for case in bad_inputs.CASES:
        if not case.heavy:
            yield f"bad:{case.name}", case.make(3), case.url, "html" if case.html else "text"


def outcome(data: str | bytes, url: str | None, reader: str) -> dict[str, str]:
    """What a user sees of reading ``data``: record, diagnostics, tokens, strict reading, round trips."""
    chosen = readers.get(reader)
    seen: dict[str, str] = {}
    try:
        decision = chosen.read(data, url=url)
        seen["record"] = L.dumps(decision)
        seen["diagnostics"] = repr(decision.diagnostics)
        seen["loads"] = str(L.loads(seen["record"]) == decision)
        seen["jsonl"] = str(list(L.load_jsonl([seen["record"] + "\n"])) == [decision])
    except L.LgoDecisionsError as exc:
        seen["record"] = f"{type(exc).__name__}: {exc}"
    try:
        prepared = prepare(data, reader=chosen.name, decoder=chosen.decode)
        seen["tokens"] = repr(list(chosen.tokens(prepared)))
    except L.LgoDecisionsError as exc:
        seen["tokens"] = f"{type(exc).__name__}: {exc}"
    try:
        seen["strict"] = L.dumps(chosen.read(data, url=url, strict=True))
    except L.LgoDecisionsError as exc:
        seen["strict"] = f"{type(exc).__name__}: {exc}"
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["record", "check"])
    parser.add_argument("--store", type=Path, default=STORE)
    parser.add_argument("--generated", type=int, default=300)
    args = parser.parse_args()
    if args.mode == "record":
        store = {key: outcome(data, url, reader) for key, data, url, reader in inputs(args.generated)}
        args.store.write_text(json.dumps({"generated": args.generated, "outputs": store}), encoding="utf-8")
        print(f"recorded {len(store)} inputs in {args.store}")
        return 0
    saved = json.loads(args.store.read_text(encoding="utf-8"))
    differ = 0
    count = 0
    for key, data, url, reader in inputs(saved["generated"]):
        count += 1
        now = outcome(data, url, reader)
        before = saved["outputs"].get(key)
        if now != before:
            differ += 1
            parts = sorted(k for k in now.keys() | (before or {}).keys() if now.get(k) != (before or {}).get(k))
            print(f"DIFFERS {key}: {', '.join(parts)}")
    print(f"checked {count} inputs against {len(saved['outputs'])} recorded: {differ} differ")
    return 1 if differ or count != len(saved["outputs"]) else 0


if __name__ == "__main__":
    sys.exit(main())
