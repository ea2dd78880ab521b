"""Text round trips: generated decisions, the seeds, and every statement of the development corpus.

``read_text(render_text(d), url=d.url) == d`` (the address is not part of the text), rendering is
idempotent, and a decision the layout cannot hold raises ``RenderError`` instead of being written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from lgo_decisions import Decision, RenderError, read_text, render_text
from lgo_decisions.testing import decisions

from .seeds import COMPACT, SPACED, seed


def _round_trip(d: Decision) -> str:
    text = render_text(d)
    back = read_text(text, url=d.url)
    assert back == d
    assert render_text(back) == text  # idempotent
    return text


@given(decisions(readable=True))
def test_readable_decisions_round_trip(d: Decision) -> None:
    _round_trip(d)


@given(decisions(readable=True, max_sections=2, max_blocks=12))
def test_long_sections_round_trip(d: Decision) -> None:
    _round_trip(d)


@given(decisions())
def test_any_decision_round_trips_or_raises(d: Decision) -> None:
    try:
        text = render_text(d)
    except RenderError as exc:
        message = str(exc)
    else:
        assert read_text(text, url=d.url) == d
        assert render_text(read_text(text, url=d.url)) == text
        return
    assert message.startswith("cannot write decision")
    assert ": " in message.partition(" as text: ")[2]  # names the place, then the problem


@pytest.mark.parametrize("stem", SPACED + COMPACT)
def test_seed_round_trips(stem: str) -> None:
    d = read_text(seed(stem))
    text = _round_trip(d)
    # statement-wide numbers are written as they are stored
    numbers = [p.number for p in d.paragraphs()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert f"  {numbers[-1]}. " in text


@pytest.mark.parametrize(("stem", "count"), [(SPACED[0], 10), (SPACED[1], 9), (SPACED[2], 13)])
def test_spaced_seeds_keep_statement_wide_numbering(stem: str, count: int) -> None:
    back = read_text(render_text(read_text(seed(stem))))
    assert [p.number for p in back.paragraphs()] == list(range(1, count + 1))


@pytest.mark.parametrize("stem", SPACED)
def test_spaced_seed_renders_as_its_page_without_chrome(stem: str) -> None:
    page = seed(stem)
    statement = page[: page.index("Print this page")]
    rendered = render_text(read_text(page))

    # the same lines, apart from the list numbers (the page restarts each list at 1.) and the
    # bullets' indent (seed 004 indents them by two spaces, the others by four)
    def unnumbered(text: str) -> list[str]:
        return [
            line.split(". ", 1)[-1]
            if line.lstrip()[:1].isdigit()
            else "    " + line.lstrip()
            if line.lstrip().startswith("\u2022")
            else line
            for line in text.strip().split("\n")
        ]

    assert unnumbered(rendered) == unnumbered(statement)
    assert statement.count("\n  1. ") > 1  # the page's numbers restart ...
    assert rendered.count("\n  1. ") == 1  # ... the rendering's run through the statement


def _corpus(shared: Path) -> list[dict[str, str]]:
    path = shared / "corpus" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"no development corpus at {path}")
    with path.open(encoding="utf-8") as fp:
        return [json.loads(line) for line in fp if line.strip()]


def test_every_dev_statement_round_trips(shared_dir: Path) -> None:
    rows = _corpus(shared_dir)
    failures = []
    for row in rows:
        d = read_text(row["text"], url=row["url"])
        try:
            text = render_text(d)
        except RenderError as exc:
            failures.append(f"{row['url']}: {exc}")
            continue
        back = read_text(text, url=row["url"])
        if back != d or render_text(back) != text:
            failures.append(f"{row['url']}: reads back different")
    assert not failures, f"{len(failures)} of {len(rows)} do not round-trip:\n" + "\n".join(failures)
    assert len(rows) > 50


def test_every_shared_seed_round_trips(shared_dir: Path) -> None:
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    if not paths:
        pytest.skip("no shared seeds")
    for path in paths:
        _round_trip(read_text(path.read_text(encoding="utf-8")))
