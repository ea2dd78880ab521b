"""The JSON Schema of a record: generated from the models, shipped, documented, and exactly as loose as the loader."""

from __future__ import annotations

import importlib.util
import json
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import hypothesis.internal.conjecture.utils as conjecture_utils
import hypothesis_jsonschema._from_schema as hjs_internals
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema

import lgo_decisions.facts
from lgo_decisions import Decision, SerialisationError, from_dict, read_text, serialise, to_dict
from lgo_decisions import model as models
from lgo_decisions._commands.validate import schema_validator
from lgo_decisions.jsonschema import json_schema, load_shipped_schema, schema_text
from lgo_decisions.testing import decisions

from .seeds import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]


def _generator() -> types.ModuleType:
    """scripts/generate_schema.py of this checkout (a development script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("generate_schema", ROOT / "scripts" / "generate_schema.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATOR = _generator()
SCHEMA = json_schema()
STRICT = json_schema(strict=True)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
STRICT_VALIDATOR = jsonschema.Draft202012Validator(STRICT)
MODELS = (
    Decision,
    models.Organisation,
    models.Category,
    models.Outcome,
    models.Compliance,
    models.Section,
    models.Paragraph,
    models.BulletList,
    models.SubParagraph,
    models.NumberedParagraph,
    models.Source,
    models.Diagnostic,
)


def _objects(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield "Decision", schema
    yield from ((name, sub) for name, sub in schema["$defs"].items() if "properties" in sub and name != "Block")


# --- the schema itself ------------------------------------------------------------------------


@pytest.mark.parametrize("schema", [SCHEMA, STRICT], ids=["lenient", "strict"])
def test_schema_is_valid_draft_2020_12(schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith(f"urn:lgo-decisions:schema:decision:{models.SCHEMA_VERSION}")
    assert schema["title"]


def test_every_model_field_has_one_stored_key() -> None:
    assert set(serialise.KEYS) == set(MODELS)
    for cls in MODELS:
        keys = serialise.KEYS[cls]
        assert list(keys) == [f.name for f in attrs.fields(cls)], cls  # every field, in order
        assert len(set(keys.values())) == len(keys), cls
    for cls in models.BLOCK_TYPES.values():
        assert serialise.KEYS[cls]["type"] == serialise.BLOCK_TAG


def test_every_model_field_is_a_described_property() -> None:
    objects = dict(_objects(SCHEMA))
    for cls in MODELS:
        fields = attrs.fields(cls)
        keys = serialise.KEYS[cls]
        assert list(objects[cls.__name__]["properties"]) == [keys[f.name] for f in fields]
        for f in fields:
            prop = objects[cls.__name__]["properties"][keys[f.name]]
            assert prop["description"] == f.metadata["description"], (cls, f.name)
            assert len(prop["description"]) > 15, (cls, f.name)


def test_required_keys_are_the_fields_without_defaults() -> None:
    objects = dict(_objects(SCHEMA))
    for cls in MODELS:
        expected = [serialise.KEYS[cls][f.name] for f in attrs.fields(cls) if f.default is attrs.NOTHING or not f.init]
        assert objects[cls.__name__].get("required", []) == expected, cls


def test_stored_keys_come_from_the_one_table(monkeypatch: pytest.MonkeyPatch) -> None:
    # what a Python rename amounts to: the attribute's name changes, its stored key does not
    from lgo_decisions.serialise import make_converter

    monkeypatch.setitem(serialise.KEYS, models.Section, {"heading": "title", "level": "level", "blocks": "blocks"})
    conv = make_converter()
    data = conv.unstructure(models.Section(heading="The complaint"))
    assert data == {"title": "The complaint", "level": 2, "blocks": []}
    assert conv.structure(data, models.Section) == models.Section(heading="The complaint")
    assert list(json_schema()["$defs"]["Section"]["properties"]) == ["title", "level", "blocks"]


def test_constraints_come_from_the_models() -> None:
    defs = SCHEMA["$defs"]
    assert SCHEMA["properties"]["reference"]["pattern"] == models.REFERENCE_PATTERN
    assert defs["Organisation"]["properties"]["reference"]["pattern"] == models.REFERENCE_PATTERN
    assert SCHEMA["properties"]["decision_date"]["pattern"] == models.DATE_PATTERN
    level = defs["Section"]["properties"]["level"]
    assert (level["type"], level["minimum"], level["maximum"]) == ("integer", 1, 6)
    for block in ("NumberedParagraph", "SubParagraph"):
        assert defs[block]["properties"]["number"]["minimum"] == 1
    assert defs["OutcomeCode"]["enum"] == [code.value for code in models.OutcomeCode]


def test_blocks_are_a_tagged_union_with_recursion_through_defs() -> None:
    block = SCHEMA["$defs"]["Block"]
    assert [ref["$ref"] for ref in block["oneOf"]] == [f"#/$defs/{c.__name__}" for c in models.BLOCK_TYPES.values()]
    for kind, cls in models.BLOCK_TYPES.items():
        assert SCHEMA["$defs"][cls.__name__]["properties"]["type"]["const"] == kind
    assert SCHEMA["$defs"]["NumberedParagraph"]["properties"]["blocks"]["items"] == {"$ref": "#/$defs/Block"}


def test_lenient_schema_admits_unknown_keys_and_strict_does_not() -> None:
    for name, obj in _objects(SCHEMA):
        assert obj["additionalProperties"] is True, name
    payloads = set(lgo_decisions.facts.__all__)  # (the built-in extension's payload loads leniently, always)
    for name, obj in _objects(STRICT):
        assert obj["additionalProperties"] is (name in payloads), name
    assert STRICT["properties"]["extensions"] == SCHEMA["properties"]["extensions"]  # payloads: any JSON


# --- drift: the shipped file and the docs -----------------------------------------------------


def test_shipped_schema_file_matches_the_models() -> None:
    # On failure: python scripts/generate_schema.py (and review the diff).
    assert load_shipped_schema() == SCHEMA
    shipped = ROOT / "lgo_decisions" / "decision.schema.json"
    assert shipped.read_text(encoding="utf-8") == schema_text()


def test_docs_schema_page_matches_the_schema() -> None:
    # On failure: python scripts/generate_schema.py (and review the diff).
    page = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert page == GENERATOR.schema_markdown()
    for name, obj in _objects(SCHEMA):
        assert f"### {name}" in page
        for key, prop in obj["properties"].items():
            assert f"| `{key}` |" in page, (name, key)
            assert prop["description"].replace("|", "\\|") in page, (name, key)


def test_the_generated_files_are_up_to_date() -> None:
    files = GENERATOR.generated_files()
    assert sorted(p.relative_to(ROOT).as_posix() for p in files) == [
        "docs/schema.md",
        "lgo_decisions/decision.schema.json",
    ]
    assert GENERATOR.stale_files() == []  # on failure: python scripts/generate_schema.py
    assert GENERATOR.main(["--check"]) == 0


def test_drift_check_notices_a_stale_file(tmp_path: Path) -> None:
    (tmp_path / "lgo_decisions").mkdir()
    (tmp_path / "docs").mkdir()
    files = GENERATOR.generated_files(tmp_path)
    assert list(files.values()) == [schema_text(), GENERATOR.schema_markdown()]
    (tmp_path / "docs" / "schema.md").write_text("# old\n", encoding="utf-8")
    assert GENERATOR.stale_files(files) == list(files)  # one missing, one stale
    assert GENERATOR.main(["--check"], files) == 1
    assert GENERATOR.main([], files) == 0
    assert [p.read_text(encoding="utf-8") for p in files] == list(files.values())
    assert GENERATOR.main(["--check"], files) == 0


# --- every record the library writes validates -----------------------------------------------


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_records_validate(path: Path) -> None:
    record = to_dict(read_text(path.read_text(encoding="utf-8"), name=path.name))
    assert list(VALIDATOR.iter_errors(record)) == []
    assert list(STRICT_VALIDATOR.iter_errors(record)) == []
    assert record["sections"]  # a real record, not an empty one


def test_dev_corpus_records_validate(shared_dir: Path) -> None:
    count = 0
    with (shared_dir / "corpus" / "dev.jsonl").open(encoding="utf-8") as fp:
        for line in fp:
            case = json.loads(line)
            record = to_dict(read_text(case["text"], url=case.get("url")))
            errors = [e.message for e in STRICT_VALIDATOR.iter_errors(record)]
            assert errors == [], case.get("url")
            count += 1
    assert count > 100


@given(decisions())
def test_generated_decisions_dump_to_valid_instances(decision: Decision) -> None:
    record = to_dict(decision)
    assert list(STRICT_VALIDATOR.iter_errors(record)) == []
    assert from_dict(record, strict=True) == decision


# --- every instance the schema admits loads ---------------------------------------------------


class _Many:
    """hypothesis-jsonschema 0.23.1 (the latest) calls ``many.more()``, which Hypothesis 6.15x replaced
    with iteration; this adapter gives it the old interface. Remove when hypothesis-jsonschema catches up."""

    def __init__(self, data: Any, **sizes: Any) -> None:
        self._many = conjecture_utils.many(data, **sizes)
        self._steps: Iterator[None] | None = None

    def more(self) -> bool:
        if self._steps is None:
            self._many.__enter__()
            self._steps = iter(self._many)
        try:
            next(self._steps)
        except StopIteration:
            self._many.__exit__(None, None, None)
            return False
        return True

    def reject(self, why: str | None = None) -> None:
        self._many.reject(why)


if not hasattr(conjecture_utils.many, "more"):
    hjs_internals.cu = types.SimpleNamespace(**{**vars(conjecture_utils), "many": _Many})  # type: ignore[attr-defined]


def _bounded(schema: dict[str, Any], depth: int) -> dict[str, Any]:
    """The schema with its ``$ref``s inlined, recursion cut at ``depth`` (hypothesis-jsonschema cannot
    follow recursive references): a block nested deeper than that has no room (``items: false``)."""
    defs = schema["$defs"]

    def inline(node: Any, left: int) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(defs[node["$ref"].rsplit("/", 1)[1]], left - 1) if left > 0 else False
            return {k: inline(v, left) for k, v in node.items() if k not in ("$defs", "discriminator")}
        if isinstance(node, list):
            return [inline(v, left) for v in node]
        return node

    return inline(schema, depth)  # type: ignore[no-any-return]


_GENERATION = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]
)


@_GENERATION
@given(from_schema(_bounded(SCHEMA, 5)))
def test_instances_of_the_schema_load(instance: dict[str, Any]) -> None:
    decision = from_dict(instance)
    again = to_dict(decision)
    assert list(STRICT_VALIDATOR.iter_errors(again)) == []  # what it loads, it writes back valid
    assert from_dict(again) == decision


@_GENERATION
@given(from_schema(_bounded(STRICT, 5)))
def test_instances_of_the_strict_schema_load_strictly(instance: dict[str, Any]) -> None:
    decision = from_dict(instance, strict=True)
    assert from_dict(to_dict(decision), strict=True) == decision


# --- what the schema rejects, the loader rejects, naming the path ----------------------------

GOOD = {
    "schema_version": "1.0",
    "reference": "20 007 417",
    "organisations": [{"name": "Kent County Council", "reference": "20 007 417"}],
    "decision_date": "2021-02-04",
    "outcome": {"code": "upheld", "label": "Upheld"},
    "sections": [
        {
            "heading": "Analysis",
            "level": 3,
            "blocks": [
                {
                    "type": "numbered_paragraph",
                    "number": 1,
                    "text": "x",
                    "blocks": [{"type": "sub_paragraph", "number": 1, "text": "y"}],
                },
                {"type": "bullet_list", "items": ["a", ""]},
            ],
        }
    ],
}


def _with(path: str, value: Any) -> dict[str, Any]:
    record = json.loads(json.dumps(GOOD))
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    node = record
    for p in parents:
        node = node[p]
    node[last] = value
    return record


BAD = [
    ("reference", "20-007-417", "$"),
    ("reference", "20 007 417\n", "$"),  # Python's $ would match before the newline
    ("reference", "\u0662\u0660 \u0660\u0660\u0667 \u0664\u0661\u0667", "$"),  # Arabic-Indic digits
    ("organisations.0.reference", "20 007 41", "$.organisations[0]"),
    ("organisations.0", "Kent County Council", "$.organisations[0]"),
    ("organisations", {"name": "x"}, "$.organisations"),
    ("decision_date", "2021-02-30", "$.decision_date"),
    ("decision_date", "20210204", "$.decision_date"),  # fromisoformat takes it on 3.11; the schema does not
    ("decision_date", "2021-W05-4", "$.decision_date"),
    ("decision_date", "2021-02-04T10:00", "$.decision_date"),
    ("decision_date", 20210204, "$.decision_date"),
    ("outcome.code", "banana", "$.outcome.code"),
    ("outcome.label", None, "$.outcome.label"),
    ("sections.0.level", 7, "$.sections[0]"),
    ("sections.0.level", 0, "$.sections[0]"),
    ("sections.0.level", "3", "$.sections[0].level"),
    ("sections.0.level", True, "$.sections[0].level"),
    ("sections.0.level", 2.5, "$.sections[0].level"),
    ("sections.0.blocks.0.number", 0, "$.sections[0].blocks[0]"),
    ("sections.0.blocks.0.blocks.0.type", "table", "$.sections[0].blocks[0].blocks[0].type"),
    ("sections.0.blocks.1.items", "abc", "$.sections[0].blocks[1].items"),
    ("sections.0.blocks.1.items", ["a", 1], "$.sections[0].blocks[1].items[1]"),
    ("sections", "text", "$.sections"),
    ("category", "Education", "$.category"),
    ("extensions", [], "$.extensions"),
    ("schema_version", "2.0", "$.schema_version"),
    ("schema_version", "1", "$.schema_version"),
    ("schema_version", 1.0, "$.schema_version"),
]


@pytest.mark.parametrize(("path", "value", "where"), BAD, ids=[f"{p}={v!r}" for p, v, _ in BAD])
def test_what_the_schema_rejects_the_loader_rejects_naming_the_path(path: str, value: Any, where: str) -> None:
    record = _with(path, value)
    assert list(schema_validator(strict=False).iter_errors(record)), "the schema admits it"
    with pytest.raises(SerialisationError) as info:
        from_dict(record)
    assert where in str(info.value)
    assert info.value.args[0].count("@ " + where) >= 1 or where == "$.schema_version"


def test_missing_required_key_is_named() -> None:
    record = _with("outcome", {"label": "Upheld"})
    assert not VALIDATOR.is_valid(record)
    with pytest.raises(SerialisationError, match=r"required field missing @ \$\.outcome\.code"):
        from_dict(record)


def test_whole_number_floats_are_integers_for_both() -> None:
    record = _with("sections.0.level", 3.0)
    assert VALIDATOR.is_valid(record)
    assert from_dict(record).sections[0].level == 3


def test_leap_days() -> None:
    for date, ok in [
        ("2020-02-29", True),
        ("2000-02-29", True),
        ("1900-02-29", False),
        ("2021-02-29", False),
        ("0001-01-01", True),
        ("0000-01-01", False),
        ("2021-04-31", False),
        ("2021-12-31", True),
    ]:
        record = _with("decision_date", date)
        assert schema_validator(strict=False).is_valid(record) is ok, date
        if ok:
            assert from_dict(record).decision_date.isoformat() == date  # type: ignore[union-attr]
        else:
            with pytest.raises(SerialisationError, match="decision_date"):
                from_dict(record)


# --- unknown keys: ignored by lenient loading, rejected by strict loading ---------------------


def test_unknown_keys_are_ignored_leniently_and_named_strictly() -> None:
    record = _with("sections.0.blocks.1.colour", "red")
    record["mood"] = "calm"
    assert VALIDATOR.is_valid(record)
    assert from_dict(record) == from_dict(GOOD)  # ignored, not kept
    mood, colour = sorted(STRICT_VALIDATOR.iter_errors(record), key=lambda e: len(e.absolute_path))
    assert list(mood.absolute_path) == []
    assert mood.message == "Additional properties are not allowed ('mood' was unexpected)"
    assert list(colour.absolute_path) == ["sections", 0, "blocks", 1]  # a oneOf error: the block's branch says why
    assert "Additional properties are not allowed ('colour' was unexpected)" in [e.message for e in colour.context]
    with pytest.raises(SerialisationError) as info:
        from_dict(record, strict=True)
    assert "unknown key 'mood' @ $" in str(info.value)
    assert "unknown key 'colour' @ $.sections[0].blocks[1]" in str(info.value)


def test_extension_payloads_are_not_checked_for_unknown_keys() -> None:
    record = {**GOOD, "extensions": {"acme.notes": {"anything": [1, {"goes": True}]}}}
    assert STRICT_VALIDATOR.is_valid(record)
    assert from_dict(record, strict=True).extensions == record["extensions"]


def test_the_loader_names_every_problem() -> None:
    record = {
        "sections": [{"blocks": [{"type": "paragraph", "text": "x", "n": 1}, 3, {"type": "table"}]}],
        "organisations": "x",
        "colour": "red",
    }
    with pytest.raises(SerialisationError) as info:
        from_dict(record, strict=True)
    assert info.value.args[0].removeprefix("record does not fit schema v1: ").split("; ") == [
        "expected an array, got a string @ $.organisations",
        "unknown key 'n' @ $.sections[0].blocks[0]",
        "expected a block object, got a number @ $.sections[0].blocks[1]",
        "unknown block type 'table', expected one of ['bullet_list', 'numbered_paragraph', 'paragraph', "
        "'sub_paragraph'] @ $.sections[0].blocks[2].type",
        "unknown key 'colour' @ $",
    ]


def test_loading_does_not_coerce_what_cattrs_alone_would() -> None:
    for key, value, message in [
        ("sections", "ab", "expected an array, got a string @ $.sections"),
        ("sections", None, "expected an array, got null @ $.sections"),
        ("category", ["Education"], "expected an object, got an array @ $.category"),
        ("category", "area", "expected an object, got a string @ $.category"),  # 'area' in 'area' holds
        ("organisations", [{"name": "x"}, "name"], "expected an object, got a string @ $.organisations[1]"),
    ]:
        for strict in (False, True):
            with pytest.raises(SerialisationError) as info:
                from_dict({key: value}, strict=strict)
            assert info.value.args[0] == f"record does not fit schema v1: {message}", (key, value, strict)
