"""read_corpus(): folders, globs, zip archives and JSON Lines; failures named; order and parallel runs."""

from __future__ import annotations

import itertools
import json
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import lgo_decisions
from lgo_decisions import dumps, errors, read, read_corpus, read_text
from lgo_decisions.corpus import CHUNK_SIZE, CorpusResult, count_inputs, missing, read_corpus_json, record_line
from lgo_decisions.writers.html import render_html

from .seeds import seed

# A saved page that is not a statement: the site's cookie page.
NOT_A_STATEMENT = """<!DOCTYPE html>
<html lang="en"><head><title>Cookies</title></head>
<body><h1>How we use cookies</h1>
<p>We use cookies to make the site work and to measure how it is used.</p>
<p>You can change your settings at any time.</p></body></html>
"""

GOOD = ("a_000.txt", "b_002.txt", "c_page.html", "sub/d_004.txt")
BAD = ("empty.txt", "noise.txt", "not_statement.html")


def html_page() -> str:
    """A seed rendered as a whole HTML page (with navigation and footer) by the HTML writer."""
    return render_html(read_text(seed("001_546571a6deac335f")), page=True)


def make_mixed_folder(root: Path) -> Path:
    """Seeds as text, an HTML page, an empty file, random bytes, a page that is not a statement."""
    folder = root / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_000.txt").write_text(seed("000_9284c856b9d4e60e"), encoding="utf-8")
    (folder / "b_002.txt").write_text(seed("002_6d7b561c0b11b3e9"), encoding="utf-8")
    (folder / "c_page.html").write_text(html_page(), encoding="utf-8")
    (folder / "sub" / "d_004.txt").write_text(seed("004_9498e815dd3f7996"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(random.Random(7).randbytes(4096))
    (folder / "not_statement.html").write_text(NOT_A_STATEMENT, encoding="utf-8")
    (folder / ".hidden.txt").write_text(seed("003_978548f2022fce23"), encoding="utf-8")  # skipped
    (folder / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")  # no reader claims .csv: skipped
    return folder


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    return make_mixed_folder(tmp_path)


def _error_names() -> set[str]:
    return {
        name
        for name in dir(errors)
        if isinstance(getattr(errors, name), type) and issubclass(getattr(errors, name), errors.LgoDecisionsError)
    }


def test_folder_gives_one_result_per_input_in_a_stable_order(mixed: Path) -> None:
    results = list(read_corpus(mixed))
    assert [r.name for r in results] == [str(mixed / n) for n in sorted(GOOD + BAD)]


def test_good_inputs_read_as_read_reads_them(mixed: Path) -> None:
    results = {r.name: r for r in read_corpus([mixed])}
    for name in GOOD:
        r = results[str(mixed / name)]
        assert r.ok, (name, r.error, r.reason)
        assert r.error is None
        assert r.reason is None
        assert r.decision == read(mixed / name)
        assert r.decision is not None
        assert r.decision.source is not None
        assert r.decision.source.name == str(mixed / name)
        assert r.decision.source.reader == ("html" if name.endswith(".html") else "text")


def test_bad_inputs_are_failures_naming_the_input_and_why(mixed: Path) -> None:
    results = {r.name: r for r in read_corpus([mixed])}
    for name in BAD:
        r = results[str(mixed / name)]
        assert not r.ok
        assert r.decision is None
        assert r.error in _error_names(), r.error
        assert r.reason
    assert results[str(mixed / "noise.txt")].error == "DecodeError"


def test_two_workers_give_the_same_results_as_one(mixed: Path) -> None:
    def key(r: CorpusResult) -> tuple[str, str | None, str | None, str | None]:
        return r.name, r.error, r.reason, dumps(r.decision) if r.decision else None

    one = [key(r) for r in read_corpus([mixed], workers=1)]
    two = [key(r) for r in read_corpus([mixed], workers=2)]
    assert one == two
    assert len(one) == len(GOOD) + len(BAD)


def _name_and_outcome(r: CorpusResult) -> tuple[str, str | None]:
    """A worker-side transform (a module's function: it is sent to the worker processes)."""
    return r.name, r.decision.outcome.label if r.decision and r.decision.outcome else r.error


@pytest.mark.parametrize("workers", [1, 2])
def test_a_transform_runs_on_each_result_and_its_value_is_yielded(mixed: Path, workers: int) -> None:
    plain = list(read_corpus([mixed]))
    assert list(read_corpus([mixed], workers=workers, transform=_name_and_outcome)) == [
        _name_and_outcome(r) for r in plain
    ]
    records = list(read_corpus([mixed], workers=workers, transform=record_line))
    assert records == [dumps(r.decision) if r.decision else None for r in plain]
    assert records == [line.record for line in read_corpus_json([mixed], workers=workers)]
    assert sum(r is None for r in records) == len(BAD)


def test_many_inputs_on_two_workers_keep_their_order(tmp_path: Path) -> None:
    texts = [seed(s) for s in ("000_9284c856b9d4e60e", "002_6d7b561c0b11b3e9", "003_978548f2022fce23")]
    for i in range(5 * CHUNK_SIZE + 3):  # several chunks, the last one short
        text = texts[i % 3] if i % 7 else "not a statement"
        (tmp_path / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    one = [(r.name, r.error, r.decision) for r in read_corpus([tmp_path])]
    two = [(r.name, r.error, r.decision) for r in read_corpus([tmp_path], workers=2)]
    assert one == two
    assert [n for n, _, _ in two] == sorted(str(p) for p in tmp_path.glob("*.txt"))
    assert sum(1 for _, e, _ in two if e) == len([i for i in range(5 * CHUNK_SIZE + 3) if i % 7 == 0])


def test_work_in_flight_is_bounded(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(seed("002_6d7b561c0b11b3e9"), encoding="utf-8")
    pulled = 0

    def endless() -> Iterator[Path]:
        nonlocal pulled
        while True:
            pulled += 1
            yield page

    results = read_corpus(endless(), workers=2)
    first = list(itertools.islice(results, 3))
    results.close()  # type: ignore[attr-defined]
    assert all(r.ok for r in first)
    assert pulled <= 3 * 2 * CHUNK_SIZE + CHUNK_SIZE + 1


def test_zip_members_are_read_in_memory_and_named(tmp_path: Path) -> None:
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("2021/", "")
        zf.writestr("2021/a.txt", seed("000_9284c856b9d4e60e"))
        zf.writestr("2021/b.html", html_page())
        zf.writestr("2021/empty.txt", "")
        zf.writestr("__MACOSX/2021/._a.txt", "resource fork")
        zf.writestr("2021/.DS_Store", "junk")
    results = list(read_corpus([archive], workers=2))
    assert [r.name for r in results] == [f"{archive}!2021/a.txt", f"{archive}!2021/b.html", f"{archive}!2021/empty.txt"]
    assert [r.ok for r in results] == [True, True, False]
    first = results[0].decision
    assert first == read_text(seed("000_9284c856b9d4e60e"))
    assert first is not None
    assert first.source is not None
    assert first.source.name == f"{archive}!2021/a.txt"
    assert not any(p.name != "pages.zip" for p in tmp_path.iterdir())  # nothing extracted


def test_a_broken_zip_is_one_named_failure(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    [r] = read_corpus([broken])
    assert (r.name, r.error) == (str(broken), "BadZipFile")


def test_json_lines_of_records_and_of_pages(tmp_path: Path) -> None:
    decisions = [read_text(seed(s)) for s in ("000_9284c856b9d4e60e", "003_978548f2022fce23")]
    page = {
        "url": "https://www.lgo.org.uk/decisions/education/school-admissions/23-008-522",
        "text": "Kent County Council (23 008 522)\nDecision : Upheld\nThe complaint\n- Mr X complained.",
    }
    path = tmp_path / "records.jsonl"
    path.write_text(
        "\n".join(
            [
                dumps(decisions[0]),
                "",
                "{not json",
                json.dumps(page),
                dumps(decisions[1]),
                json.dumps({"reference": "not a reference"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    results = list(read_corpus([path]))
    assert [r.name for r in results] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6)]
    assert results[0].decision == decisions[0]
    assert results[3].decision == decisions[1]
    assert [r.error for r in results] == [None, "SerialisationError", None, None, "SerialisationError"]
    from_page = results[2].decision
    assert from_page is not None
    assert (from_page.reference, from_page.url) == ("23 008 522", page["url"])
    assert from_page.category is not None
    assert from_page.category.subject == "School admissions"  # from the address


def test_a_page_text_that_names_a_file_is_not_read_as_that_file(tmp_path: Path) -> None:
    secret = tmp_path / "statement.txt"
    secret.write_text(seed("000_9284c856b9d4e60e"), encoding="utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"url": None, "text": str(secret)}) + "\n", encoding="utf-8")
    [r] = read_corpus([path])
    assert (r.ok, r.error) == (False, "NotADecisionError")


def test_globs_and_missing_paths(mixed: Path) -> None:
    results = list(read_corpus([str(mixed / "*.txt"), str(mixed / "nothing-*.txt"), mixed / "absent.txt"]))
    assert [r.name for r in results] == [
        str(mixed / n) for n in ("a_000.txt", "b_002.txt", "empty.txt", "noise.txt")
    ] + [str(mixed / "nothing-*.txt"), str(mixed / "absent.txt")]
    assert [r.error for r in results[-2:]] == ["FileNotFoundError", "FileNotFoundError"]
    assert missing([mixed, str(mixed / "*.html"), str(mixed / "nothing-*"), "absent"]) == [
        str(mixed / "nothing-*"),
        "absent",
    ]


def test_count_inputs_matches_the_results(mixed: Path, tmp_path: Path) -> None:
    assert count_inputs([mixed]) == len(GOOD) + len(BAD) == len(list(read_corpus(mixed)))


def test_strict_fails_a_statement_that_lenient_reads_with_diagnostics(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("Kent County Council (23 008 522)\nDecision : Sort of\nThe complaint\n- Text.", encoding="utf-8")
    [lenient] = read_corpus([path])
    [strict] = read_corpus([path], strict=True)
    assert lenient.ok
    assert lenient.partial
    assert (strict.ok, strict.error) == (False, "ParseError")
    assert strict.reason is not None
    assert "line 2" in strict.reason


def test_negative_workers_is_an_error() -> None:
    with pytest.raises(ValueError, match="workers"):
        list(read_corpus(["x"], workers=-1))


def test_read_corpus_is_exported() -> None:
    assert lgo_decisions.read_corpus is read_corpus
    assert "read_corpus" in lgo_decisions.__all__
    assert lgo_decisions.corpus.CorpusResult is not None  # the other corpus names: in their module


def test_json_files_in_folders_are_inputs_record_by_record(mixed: Path) -> None:
    page = {
        "url": "https://www.lgo.org.uk/decisions/education/school-admissions/23-008-522",
        "body": "Decision : Upheld",
    }
    (mixed / "sub" / "records.json").write_text(json.dumps([page, {"title": "x"}]), encoding="utf-8")
    results = [r for r in read_corpus([mixed]) if ".json" in r.name]
    assert [r.name for r in results] == [f"{mixed}/sub/records.json[{i}]" for i in (0, 1)]
    assert results[0].decision is not None
    assert (results[0].decision.reference, results[0].decision.outcome is not None) == ("23 008 522", True)
    assert results[1].error == "NotADecisionError"
    assert "no text, body, content or html field" in (results[1].reason or "")
    assert count_inputs([mixed]) == len(GOOD) + len(BAD) + 2
