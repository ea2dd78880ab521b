"""The one table of diagnostic codes: exactly the codes the source emits, each with a severity and a meaning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lgo_decisions import read_text
from lgo_decisions._diagnostics import CODES, DEFAULT_SEVERITY, SEVERITIES, severity_of
from lgo_decisions.model import Diagnostic, Severity

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT / "lgo_decisions").rglob("*.py")),
    *sorted((ROOT / "examples" / "plugins").rglob("*.py")),
]
# A code as the source passes it: Diagnostic(code="..."), note("...", ...) (the builder's and the
# example plugin's), and the (code, message) pairs the field functions return for the builder to note.
EMITTED = re.compile(r"""(?:\bcode=|\bnote\(|notes\.append\(\s*\(|\bnotes = \[\()\s*["']([a-z][a-z0-9_]*)["']""")


def _emitted() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in SOURCES:
        if path.name == "_diagnostics.py":
            continue
        for code in EMITTED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, []).append(path.relative_to(ROOT).as_posix())
    return found


def test_the_scan_sees_the_places_that_emit_codes() -> None:
    found = _emitted()
    assert len(found) >= 15  # (a scan that broke would find nothing, and every table would "match")
    assert "lgo_decisions/_builder.py" in found["no_closing_line"]
    assert "lgo_decisions/readers/_base.py" in found["control_characters"]
    assert any(p.startswith("examples/") for p in found["record_mismatch"])


def test_the_table_names_exactly_the_codes_the_source_emits() -> None:
    found = _emitted()
    assert sorted(set(found) - set(CODES)) == [], "emitted but not in lgo_decisions/_diagnostics.py CODES"
    assert sorted(set(CODES) - set(found)) == [], "in the table but emitted nowhere"


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_a_severity_and_a_one_line_meaning(code: str) -> None:
    severity, meaning = CODES[code]
    assert severity in SEVERITIES
    assert re.fullmatch(r"[a-z][a-z0-9_]*", code)
    assert "\n" not in meaning
    assert 20 < len(meaning) <= 100
    assert meaning[0].isupper()
    assert meaning.endswith(".")


def test_the_severities_are_the_enum_values_least_first() -> None:
    assert tuple(s.value for s in Severity) == SEVERITIES
    assert Severity.WARNING.value == DEFAULT_SEVERITY


def test_the_severities_of_the_issue() -> None:
    assert CODES["no_closing_line"][0] == "info"  # on 87% of real records: a page saved without its last line
    assert CODES["no_statement_found"][0] == "error"
    for guess in ("unknown_outcome", "invalid_date", "reference_mismatch", "windows_1252", "invalid_utf8"):
        assert CODES[guess][0] == "warning", guess


@pytest.mark.parametrize("code", sorted(CODES))
def test_a_diagnostic_defaults_to_its_codes_severity(code: str) -> None:
    assert Diagnostic(code=code, message="m").severity is Severity(CODES[code][0])
    assert severity_of(code) == CODES[code][0]


def test_an_unknown_code_is_a_warning_and_an_explicit_severity_is_kept() -> None:
    assert Diagnostic(code="acme.odd_line", message="m").severity is Severity.WARNING
    assert Diagnostic(code="no_closing_line", message="m", severity=Severity.ERROR).severity is Severity.ERROR
    assert Diagnostic(code="a", message="m") == Diagnostic(code="a", message="m", severity=Severity.WARNING)
    assert Diagnostic(code="a", message="m") != Diagnostic(code="a", message="m", severity=Severity.INFO)


def test_a_read_statement_carries_the_severities() -> None:
    cut = "Kent County Council (23 008 522)\nDecision : Settled\nThe Ombudsman's final decision:\nMr X complained."
    got = {d.code: d.severity for d in read_text(cut).diagnostics}
    assert got["unknown_outcome"] is Severity.WARNING
    assert got["no_closing_line"] is Severity.INFO


def test_the_schema_page_publishes_the_table() -> None:
    page = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert "## Diagnostic codes" in page
    for code, (severity, meaning) in CODES.items():
        assert f"| `{code}` | {severity} | {meaning} |" in page, code
