"""The catalogue of bad and hostile input (``tests/bad_inputs.py``) through every reader.

Each case gives a typed :class:`~lgo_decisions.LgoDecisionsError` or a record (with the
diagnostic the case names), never an exception from deep inside. Work is checked to grow
linearly by counting function calls at two input sizes (deterministic: no timed assertions;
timings are in ``benchmarks/bad_input_catalogue.py``). Strict mode names the line (text) or the
element (HTML) of the first problem.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import lgo_decisions
from lgo_decisions import (
    InputTooLargeError,
    LgoDecisionsError,
    NotADecisionError,
    ParseError,
    dumps,
    loads,
    read,
    read_html,
    read_text,
)
from lgo_decisions._limits import MAX_SHORT_LINE

from .bad_inputs import CASES, HEAD, PAGE, SCALING, Case, seed_text

try:  # the regular-expression parser (re._parser from 3.11, sre_parse before)
    from re import _parser as sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as sre_parser  # type: ignore[no-redef]


def _entries(case: Case) -> Iterator[tuple[str, Callable[[str | bytes], lgo_decisions.Decision]]]:
    limit: dict[str, Any] = {} if case.max_bytes is None else {"max_bytes": case.max_bytes}
    url = case.url
    if case.html:
        yield "read", lambda data: read(data, reader="html", url=url, **limit)
        if not case.heavy:
            yield "read_html", lambda data: read_html(data, url=url, **limit)
    else:
        yield "read", lambda data: read(data, url=url, **limit)
        if not case.heavy and case.max_bytes is None:
            yield "read_text", lambda data: read_text(data, url=url) if isinstance(data, str) else read(data, url=url)


PARAMS = [pytest.param(case, name, fn, id=f"{case.name}-{name}") for case in CASES for name, fn in _entries(case)]


@pytest.mark.parametrize(("case", "entry", "reader"), PARAMS)
def test_catalogue(case: Case, entry: str, reader: Callable[[str | bytes], lgo_decisions.Decision]) -> None:
    data = case.make(1)
    if case.error is not None:
        with pytest.raises(case.error) as info:
            reader(data)
        assert isinstance(info.value, LgoDecisionsError)
        assert str(info.value)  # a message that says what is wrong
        return
    d = reader(data)
    codes = {x.code for x in d.diagnostics}
    if case.diagnostic is not None:
        assert case.diagnostic in codes, f"{case.name}: diagnostics {sorted(codes)}"
    assert loads(dumps(d)) == d  # a partial record is still a valid record
    d.text()


def test_the_catalogue_covers_the_issue() -> None:
    names = " ".join(c.name for c in CASES).lower()
    for word in (
        "empty",
        "blank",
        "nul",
        "random bytes",
        "invalid utf-8",
        "utf-16 with a bom",
        "not a statement",
        "cut",
        "duplicated",
        "reordered",
        "impossible date",
        "1 mb line",
        "300,000",
        "deeply nested",
        "unbalanced",
        "xxe",
        "billion laughs",
        "size limit",
    ):
        assert word in names, word


# -- specific outcomes ------------------------------------------------------------------------------
def test_utf16_with_a_bom_reads_like_utf8() -> None:
    text = seed_text()
    assert read("\ufeff".encode("utf-16-le") + text.encode("utf-16-le")) == read_text(text)
    assert read("\ufeff".encode("utf-16-be") + text.encode("utf-16-be")) == read_text(text)


def test_a_stray_byte_in_utf8_text_is_replaced_with_a_diagnostic() -> None:
    d = read(seed_text().encode("utf-8").replace(b"Council", b"Coun\xffcil", 1))
    assert d.organisations[0].name == "Leicestershire County Coun\ufffdcil"
    assert [x.code for x in d.diagnostics if x.code in ("invalid_utf8", "windows_1252")] == ["invalid_utf8"]


def test_nul_characters_are_removed_and_counted_with_their_line() -> None:
    d = read_text(f"{HEAD}The complaint\n- Te\x00xt.\n")
    (diag,) = d.diagnostics
    assert (diag.code, diag.line) == ("control_characters", 6)
    assert "1 control" in diag.message
    assert "Te xt." in d.text()  # (between word characters: a space, so that words never merge)


def test_impossible_date_is_kept_out_and_named() -> None:
    d = read_text(HEAD.replace("04 Feb 2021", "99 Foo 2021") + "The complaint\n- Text.\n")
    assert d.decision_date is None
    (diag,) = [x for x in d.diagnostics if x.code == "invalid_date"]
    assert diag.line == 4
    assert "'99 Foo 2021'" in diag.message


def test_external_entities_are_not_resolved() -> None:
    d = read_html(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + PAGE + "<p>Entity: &e;</p>"
    )
    assert d.reference == "21 016 384"
    assert "root:" not in dumps(d)
    assert "Entity: &e;" in d.text()  # the reference is kept as written, never expanded


def test_entity_expansion_does_not_happen() -> None:
    from .bad_inputs import _billion_laughs

    d = read_html(_billion_laughs(1))
    assert d.reference == "21 016 384"
    assert len(d.text()) < 1000
    assert "lollol" not in d.text()


def test_the_doctype_subset_leaves_no_text_behind() -> None:
    d = read_html('<!DOCTYPE x [<!ENTITY e "boom">]>' + PAGE + "<p>Body.</p>")
    assert "]>" not in d.text()
    assert "boom" not in d.text()


def test_nesting_beyond_the_builder_limit_is_kept_flat_with_a_diagnostic() -> None:
    from lgo_decisions._limits import MAX_NESTING
    from tests.bad_inputs import _deep_indent

    d = read_text(_deep_indent(1))
    assert "nesting_too_deep" in {x.code for x in d.diagnostics}
    assert d.text().count("Nested text.") == 300  # nothing lost
    block: Any = d.sections[-1].blocks[-1]
    depth = 0
    while block.blocks:
        block = block.blocks[-1]
        depth += 1
    assert depth == MAX_NESTING
    assert loads(dumps(d)) == d  # serialising stays within the recursion limit


def test_sub_paragraph_numbers_stay_right_in_long_lists() -> None:
    d = read_text(HEAD + "The complaint\n  1. Top:\n" + "      1. Sub\n" * 2000)
    (top,) = d.paragraphs()
    assert [b.number for b in top.blocks] == list(range(1, 2001))  # type: ignore[union-attr]


def test_lines_longer_than_the_short_line_limit_are_never_a_title_or_header() -> None:
    long_org = "x" * MAX_SHORT_LINE
    with pytest.raises(NotADecisionError):
        read_text(f"{long_org} (21 016 384)\nSome text.")
    d = read_text(f"{HEAD}Decision date : {'1' * MAX_SHORT_LINE}\nThe complaint\n- Text.")
    assert d.decision_date is not None  # the long one is text, the first header is kept
    assert "1" * MAX_SHORT_LINE in d.text()


def test_size_limit_for_paths_and_endless_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(HEAD + "x" * 5000, encoding="utf-8")
    with pytest.raises(InputTooLargeError, match="limit of 1000"):
        read(big, max_bytes=1000)
    zero = Path("/dev/zero")
    if zero.exists():  # a character device reports size 0 and never ends
        with pytest.raises(InputTooLargeError):
            read(zero, max_bytes=1000)


def test_read_text_takes_only_str() -> None:
    with pytest.raises(TypeError, match="read\\(\\) for bytes"):
        read_text(b"bytes")  # type: ignore[arg-type]


# -- strict mode names where ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "line", "code"),
    [
        (HEAD.replace("04 Feb 2021", "99 Foo 2021") + "The complaint\n- Text.\n", 4, "is not a date"),
        (HEAD.replace("Upheld", "Maybe") + "The complaint\n- Text.\n", 3, "unknown decision label"),
        (HEAD + "Category : Again\nThe complaint\n- Text.\n", 5, "given twice"),
        (f"{HEAD}\nThe complaint\n- Te\x00xt.\n", 7, "control character"),
        ("Stray text first\n" + HEAD + "The complaint\n- Text.\n", 1, "before the title"),
        (HEAD + "The Ombudsman's final decision:\nSummary: Short.\nThe complaint\n- Cut here", 8, "cut short"),
        (HEAD + "".join(" " * (4 * i) + "1. x\n" for i in range(200)), 5 + 101, "nested deeper"),
    ],
)
def test_strict_text_names_the_line(text: str, line: int, code: str) -> None:
    with pytest.raises(ParseError) as info:
        read_text(text, strict=True, name="statement.txt")
    assert info.value.line == line
    assert f"line {line}" in str(info.value)
    assert "statement.txt" in str(info.value)
    assert code in str(info.value)
    lenient = read_text(text)  # the same problem is a diagnostic in lenient mode
    assert line in {d.line for d in lenient.diagnostics}


@pytest.mark.parametrize(
    ("page", "element"),
    [
        (PAGE.replace("Upheld", "Maybe"), "/html/body/p[2]"),
        (PAGE.replace("04 Feb 2021", "99 Foo 2021"), "/html/body/p[3]"),
        ("<p>Site text first</p>" + PAGE + "<ol><li>Text.</li></ol>", "/html/body/p[1]"),
    ],
)
def test_strict_html_names_the_element(page: str, element: str) -> None:
    with pytest.raises(ParseError) as info:
        read_html(page + "<ol><li>Text.</li></ol>", strict=True, name="page.html")
    assert info.value.element is not None
    assert element in info.value.element
    assert info.value.element in str(info.value)
    assert "page.html" in str(info.value)
    assert info.value.line is not None


def test_strict_mode_passes_clean_seeds() -> None:
    for stem in ("000_9284c856b9d4e60e", "002_6d7b561c0b11b3e9"):
        assert read_text(seed_text(stem), strict=True) == read_text(seed_text(stem))


# -- a statement cut at every point ----------------------------------------------------------------
SEEDS = sorted(p.stem for p in (Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))


@pytest.mark.parametrize("stem", SEEDS)
def test_every_prefix_of_a_seed_reads_or_is_not_a_decision(stem: str) -> None:
    text = seed_text(stem)
    records = 0
    for cut in range(len(text) + 1):
        try:
            read_text(text[:cut])
        except NotADecisionError:
            continue
        records += 1
    assert records > len(text) * 0.9  # the title comes first: nearly every prefix is a record


@pytest.mark.parametrize("stem", SEEDS)
def test_every_prefix_of_a_seed_page_reads_or_is_not_a_decision(stem: str) -> None:
    from lgo_decisions.writers.html import render_html

    page = render_html(read_text(seed_text(stem)), page=True)
    cuts = [m.start() for m in re.finditer("<", page)] + [len(page)]
    for cut in cuts:
        try:
            read_html(page[:cut])
        except NotADecisionError:
            continue
    assert read_html(page) == read_text(seed_text(stem))


# -- linear work -------------------------------------------------------------------------------------
def _work(fn: Callable[[], object]) -> int:
    """Python-level calls (and calls into C) made by ``fn``: a deterministic measure of work."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn()
    except LgoDecisionsError:
        pass
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("scaling", SCALING, ids=lambda s: s.name)
def test_work_grows_linearly(scaling: Any) -> None:
    reader = read_html if scaling.html else read_text
    small, large = (scaling.make(k) for k in (1000, 2000))
    _work(lambda: reader(small))  # warm up (imports, caches) before counting
    w1, w2 = _work(lambda: reader(small)), _work(lambda: reader(large))
    assert w2 <= 2.2 * w1, f"{scaling.name}: {w1} calls for 1000 units, {w2} for 2000"


# -- regular expressions ----------------------------------------------------------------------------
def _unbounded(tree: Any) -> bool:
    for op, av in tree:
        if op in (sre_parser.MAX_REPEAT, sre_parser.MIN_REPEAT):
            _, hi, sub = av
            if hi == sre_parser.MAXREPEAT or _unbounded(sub):
                return True
        elif (op is sre_parser.SUBPATTERN and _unbounded(av[-1])) or (
            op is sre_parser.BRANCH and any(_unbounded(b) for b in av[1])
        ):
            return True
    return False


def _nested_repeat(tree: Any) -> bool:
    """An unbounded repeat around something that itself repeats without bound: ``(a+)+``."""
    for op, av in tree:
        if op in (sre_parser.MAX_REPEAT, sre_parser.MIN_REPEAT):
            _, hi, sub = av
            if (hi == sre_parser.MAXREPEAT and _unbounded(sub)) or _nested_repeat(sub):
                return True
        elif (op is sre_parser.SUBPATTERN and _nested_repeat(av[-1])) or (
            op is sre_parser.BRANCH and any(_nested_repeat(b) for b in av[1])
        ):
            return True
    return False


def _patterns() -> Iterator[tuple[str, re.Pattern[Any]]]:
    import importlib
    import pkgutil

    import lgo_decisions

    for info in pkgutil.walk_packages(lgo_decisions.__path__, "lgo_decisions."):
        if info.name.startswith("lgo_decisions.testing"):
            continue  # (needs hypothesis; builds no patterns)
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield f"{module.__name__}.{name}", value


def test_no_regular_expression_nests_unbounded_repeats() -> None:
    found = list(_patterns())
    assert len(found) > 10
    for name, pattern in found:
        source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
        assert not _nested_repeat(sre_parser.parse(source, pattern.flags)), name
    assert _nested_repeat(sre_parser.parse(r"(a+)+$"))  # the check itself finds the classic case
