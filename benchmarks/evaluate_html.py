#!/usr/bin/env python3
"""Score ``read_html`` with the measures of ``../shared/tools/evaluate.py``, side by side with ``read_text``.

Usage:  python benchmarks/evaluate_html.py [../shared/corpus/dev.jsonl] [-v] [--markdown]

For each statement of the corpus (``{"url", "text", "expected"}`` per line) the page is made by
reading the text and rendering it with ``render_html(page=True)`` (``--markdown``: through
Python-Markdown instead), then ``read_html(page, url=url)`` is scored exactly as ``evaluate.py``
scores ``read_text(text, url=url)``: fields right, category from the address, body lines kept.
It also counts the pages whose record differs from the text's. The labels come from the shared
``lgo_labels`` module next to ``evaluate.py``.
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
sys.path.insert(0, str(ROOT))

import lgo_decisions  # noqa: E402

try:
    from lgo_labels import labels, norm, slugify
except ImportError:  # pragma: no cover - the shared tools are absent
    sys.exit(f"needs {SHARED / 'tools' / 'lgo_labels.py'}")


def strings(obj: Any) -> list[str]:
    out: list[str] = []
    if isinstance(obj, str):
        out.append(obj)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            if k not in ("source", "diagnostics"):
                out.extend(strings(v))
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            out.extend(strings(v))
    return out


def score(
    rows: list[dict[str, Any]], read: Callable[[str, str], lgo_decisions.Decision], label: str, verbose: bool
) -> None:
    fields_ok = fields_n = lines_ok = lines_n = crashed = lossy = slug_ok = slug_n = 0
    for row in rows:
        url, text = row["url"], row["text"]
        exp = labels(text, url)
        try:
            d = lgo_decisions.to_dict(read(text, url))
        except Exception:  # every failure counts
            crashed += 1
            if verbose:
                print(f"EXCEPTION {url}\n{traceback.format_exc(limit=3)}")
            continue
        orgs = d.get("organisations") or []
        cat = d.get("category") or {}
        outc = d.get("outcome") or {}
        got = {
            "reference": d.get("reference"),
            "organisation": orgs[0].get("name") if orgs else None,
            "area": cat.get("area"),
            "subject": cat.get("subject"),
            "outcome_label": outc.get("label"),
            "decision_date": d.get("decision_date"),
            "summary_start": norm(d.get("summary") or "")[:80] or None,
        }
        for key, want in exp.items():
            if key in ("body_lines", "area_slug", "subject_slug"):
                continue
            if key in ("area", "subject") and want is None:
                continue
            if want is None and key in ("organisation", "outcome_label", "decision_date", "summary_start"):
                continue
            fields_n += 1
            ok = (norm(str(got[key])) == norm(str(want))) if got[key] is not None else False
            fields_ok += ok
            if not ok and verbose:
                print(f"FIELD {key}: want {want!r} got {got[key]!r}  {url}")
        if exp["area"] is None:
            slug_n += 1
            area, subject = cat.get("area") or "", cat.get("subject") or ""
            ok = (
                slugify(area) == exp["area_slug"]
                and slugify(subject) == exp["subject_slug"]
                and area != exp["area_slug"]
            )
            slug_ok += ok
        hay = norm(" \n ".join(strings(d)))
        missing = [line for line in exp["body_lines"] if line not in hay]
        lines_n += len(exp["body_lines"])
        lines_ok += len(exp["body_lines"]) - len(missing)
        if missing:
            lossy += 1
            if verbose:
                for line in missing[:3]:
                    print(f"LOST {line[:100]!r}  {url}")

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:.1f}%" if b else "n/a"

    print(
        f"{label:<10} statements {len(rows)}, exceptions {crashed}, fields right {pct(fields_ok, fields_n)} "
        f"({fields_ok}/{fields_n}), category from address {pct(slug_ok, slug_n)} ({slug_ok}/{slug_n}), "
        f"body lines kept {pct(lines_ok, lines_n)} ({lines_ok}/{lines_n}), statements with loss {lossy}"
    )


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    path = Path(args[0]) if args else SHARED / "corpus" / "dev.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def page(text: str, url: str) -> str:
        d = lgo_decisions.read_text(text, url=url)
        if "--markdown" in sys.argv:
            import markdown  # type: ignore[import-untyped]

            sys.path.insert(0, str(ROOT / "tests"))
            from tests.test_html_agreement import to_markdown

            return str(markdown.markdown(to_markdown(d)))
        return lgo_decisions.render_html(d, page=True)

    pages = {row["url"]: page(row["text"], row["url"]) for row in rows}
    score(rows, lambda text, url: lgo_decisions.read_text(text, url=url), "read_text", verbose)
    score(rows, lambda text, url: lgo_decisions.read_html(pages[url].encode("utf-8"), url=url), "read_html", verbose)
    differ = sum(
        lgo_decisions.read_html(pages[r["url"]], url=r["url"]) != lgo_decisions.read_text(r["text"], url=r["url"])
        for r in rows
    )
    print(f"records differing between read_html(page) and read_text(text): {differ} of {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
