"""Schema versions: older records migrate, newer minor versions load, newer major versions are refused."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest

from lgo_decisions import SCHEMA_VERSION, Decision, SerialisationError, dumps, from_dict, load_jsonl, loads
from lgo_decisions.migrations import MIGRATIONS, migrate, parse_version
from lgo_decisions.model import NumberedParagraph, Organisation, Section


# A made-up schema 0.9 (no such version was published): other key names, a flat list of paragraph texts.
def _from_0_9(record: dict[str, Any]) -> dict[str, Any]:
    record = dict(record)
    del record["schema_version"]
    paragraphs = record.pop("paras", [])
    return {
        "schema_version": "1.0",
        "reference": record.pop("ref", None),
        "organisations": [{"name": name} for name in record.pop("bodies", [])],
        "sections": [
            {
                "heading": None,
                "level": 2,
                "blocks": [
                    {"type": "numbered_paragraph", "number": i, "text": text} for i, text in enumerate(paragraphs, 1)
                ],
            }
        ],
        **record,
    }


def _from_0_8(record: dict[str, Any]) -> dict[str, Any]:
    # 0.8 named the paragraph texts "body"
    record = dict(record)
    return {**record, "schema_version": "0.9", "paras": record.pop("body", [])}


OLD_0_9 = {
    "schema_version": "0.9",
    "ref": "20 007 417",
    "bodies": ["Kent County Council"],
    "paras": ["Mr X complained.", "I have found fault."],
    "summary": "Fault found.",
}
EXPECTED = Decision(
    reference="20 007 417",
    organisations=[Organisation(name="Kent County Council")],
    summary="Fault found.",
    sections=[
        Section(
            blocks=[
                NumberedParagraph(number=1, text="Mr X complained."),
                NumberedParagraph(number=2, text="I have found fault."),
            ]
        )
    ],
)


@pytest.fixture
def old_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MIGRATIONS, "0.9", _from_0_9)
    monkeypatch.setitem(MIGRATIONS, "0.8", _from_0_8)


@pytest.mark.usefixtures("old_versions")
def test_an_older_record_loads_through_its_migration() -> None:
    original = json.loads(json.dumps(OLD_0_9))
    decision = from_dict(original)
    assert decision == EXPECTED
    assert decision.schema_version == SCHEMA_VERSION
    assert original == OLD_0_9  # the caller's dict is left alone
    assert loads(json.dumps(OLD_0_9)) == EXPECTED
    assert list(load_jsonl(io.StringIO(json.dumps(OLD_0_9) + "\n"))) == [EXPECTED]


@pytest.mark.usefixtures("old_versions")
def test_migrations_chain_one_version_at_a_time() -> None:
    old_0_8 = {
        "schema_version": "0.8",
        "ref": "20 007 417",
        "bodies": ["Kent County Council"],
        "body": ["Mr X complained.", "I have found fault."],
        "summary": "Fault found.",
    }
    assert from_dict(old_0_8) == EXPECTED


@pytest.mark.usefixtures("old_versions")
def test_a_migrated_record_is_checked_like_any_other() -> None:
    with pytest.raises(SerialisationError, match=r"reference must look like .* @ \$"):
        from_dict({**OLD_0_9, "ref": "20/007/417"})


def test_without_a_migration_an_older_record_is_refused() -> None:
    assert "0.9" not in MIGRATIONS  # schema 1.0 is the first published schema
    with pytest.raises(SerialisationError, match=r"\$\.schema_version: no migration from schema version 0\.9"):
        from_dict(OLD_0_9)


def test_a_migration_loop_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MIGRATIONS, "0.9", lambda r: dict(r))
    with pytest.raises(SerialisationError, match=r"no migration from schema version 0\.9"):
        from_dict(OLD_0_9)


@pytest.mark.parametrize("version", ["2.0", "10.3"])
def test_a_newer_major_version_is_refused_clearly(version: str) -> None:
    with pytest.raises(
        SerialisationError,
        match=rf"schema version {version}, newer than this library's "
        rf"{SCHEMA_VERSION}: upgrade lgo-decisions",
    ):
        loads(json.dumps({"schema_version": version, "reference": "20 007 417"}))


def test_a_newer_minor_version_loads_and_its_new_keys_follow_the_unknown_keys_policy() -> None:
    record = {"schema_version": "1.7", "reference": "20 007 417", "published_at": "2031-01-01"}
    decision = from_dict(record)
    assert decision == Decision(reference="20 007 417")
    assert decision.schema_version == SCHEMA_VERSION  # it is now a record of this library's schema
    with pytest.raises(SerialisationError, match=r"unknown key 'published_at' @ \$"):
        from_dict(record, strict=True)


def test_a_record_without_a_version_is_of_the_current_one() -> None:
    assert migrate({"reference": "20 007 417"}) == {"reference": "20 007 417"}
    assert from_dict({"reference": "20 007 417"}) == Decision(reference="20 007 417")


def test_current_records_pass_unchanged() -> None:
    record = json.loads(dumps(EXPECTED))
    assert migrate(record) is record


@pytest.mark.parametrize("bad", ["1", "1.0.0", "v1.0", "01.0", "1.01", "", 1.0, None])
def test_malformed_versions_are_refused(bad: object) -> None:
    with pytest.raises(
        SerialisationError, match=rf"\$\.schema_version: expected a version like '{re.escape(SCHEMA_VERSION)}'"
    ):
        parse_version(bad)
    with pytest.raises(SerialisationError, match=r"\$\.schema_version"):
        from_dict({"schema_version": bad})


def test_parse_version() -> None:
    assert parse_version("0.9") == (0, 9)
    assert parse_version("12.34") == (12, 34)
