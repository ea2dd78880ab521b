"""Typed extension data: registered namespaces round-trip typed, unknown ones verbatim."""

from __future__ import annotations

import datetime as dt
import json
import sys
import textwrap
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgo_decisions import Decision, PluginError, SerialisationError, dumps, extensions, from_dict, loads, to_dict
from lgo_decisions._registry import Registry
from lgo_decisions.extensions import register_extension
from lgo_decisions.testing.strategies import decisions

NS = "test.visit"
REF = "20 007 417"  # (a record names its statement: a reference, sections or a source)


@attrs.frozen(kw_only=True)
class Note:
    text: str
    score: int = 0


@attrs.frozen(kw_only=True)
class Visit:
    """A payload with what JSON lacks: a datetime, a nested attrs class, a tuple."""

    at: dt.datetime
    notes: tuple[Note, ...] = ()
    until: dt.date | None = None


@pytest.fixture
def visit() -> Iterator[type[Visit]]:
    register_extension(NS, Visit)
    yield Visit
    extensions.unregister_extension(NS)


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
OFFSETS = st.one_of(st.none(), st.integers(-14 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m))))
VISITS = st.builds(
    Visit,
    at=st.datetimes(timezones=OFFSETS),
    notes=st.lists(st.builds(Note, text=st.text(), score=st.integers(-(2**53), 2**53)), max_size=3).map(tuple),
    until=st.none() | st.dates(),
)


@given(d=decisions(), visit=VISITS)
def test_a_registered_payload_round_trips_typed(d: Decision, visit: Visit) -> None:
    register_extension(NS, Visit, replace=True)
    try:
        d = attrs.evolve(d, extensions={**d.extensions, NS: visit})
        back = loads(dumps(d))
        assert back == d
        assert isinstance(back.extensions[NS], Visit)
        assert json.loads(json.dumps(to_dict(d))) == to_dict(d)  # plain JSON types only
    finally:
        extensions.unregister_extension(NS)


@given(payload=JSON, d=decisions())
def test_an_unknown_namespace_survives_load_and_dump_unchanged(payload: Any, d: Decision) -> None:
    record = to_dict(d)
    record["extensions"] = {**record["extensions"], "nobody.registered": payload}
    text = json.dumps(record)
    back = loads(text)
    assert back.extensions["nobody.registered"] == payload
    assert json.loads(dumps(back)) == json.loads(text)


@given(visit=VISITS)
def test_a_typed_payload_passes_through_a_program_without_the_plugin(visit: Visit) -> None:
    register_extension(NS, Visit, replace=True)
    try:
        original = dumps(Decision(reference=REF, extensions={NS: visit}))
    finally:
        extensions.unregister_extension(NS)
    untyped = loads(original)  # the plugin is gone: plain JSON kept
    assert isinstance(untyped.extensions[NS], dict)
    assert dumps(untyped) == original
    register_extension(NS, Visit, replace=True)
    try:
        assert loads(dumps(untyped)).extensions[NS] == visit  # and typed again where it is installed
    finally:
        extensions.unregister_extension(NS)


def test_datetimes_are_iso_and_z_is_utc(visit: type[Visit]) -> None:
    at = dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone.utc)
    assert to_dict(Decision(extensions={NS: Visit(at=at)}))["extensions"][NS]["at"] == "2024-05-01T09:30:00+00:00"
    d = from_dict({"reference": REF, "extensions": {NS: {"at": "2024-05-01T09:30:00Z"}}})
    assert d.extensions[NS] == Visit(at=at)


def test_a_payload_that_does_not_fit_names_its_path(visit: type[Visit]) -> None:
    with pytest.raises(SerialisationError) as info:
        from_dict({"extensions": {NS: {"at": "yesterday", "notes": [{"text": 3}]}}})
    message = str(info.value)
    assert f"$.extensions['{NS}'].at" in message
    assert f"$.extensions['{NS}'].notes[0].text" in message
    with pytest.raises(SerialisationError, match=r"\$\.extensions"):
        from_dict({"extensions": ["not", "an", "object"]})


def test_only_attrs_classes_and_good_namespaces_register(visit: type[Visit]) -> None:
    with pytest.raises(PluginError, match="attrs class"):
        register_extension("test.dict", dict)
    with pytest.raises(PluginError, match="lower case"):
        register_extension("Not A Namespace", Visit)
    with pytest.raises(PluginError, match="exists already"):
        register_extension(NS, Note)
    register_extension(NS, Note, replace=True)
    assert extensions.extension_type(NS) is Note
    assert NS in extensions.namespaces()
    extensions.unregister_extension(NS)
    assert extensions.extension_type(NS) is None


PLUGIN = textwrap.dedent("""
    import attrs

    @attrs.frozen
    class Tag:
        label: str
""")


@pytest.fixture
def plugin_extensions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An extension registry seeing one good and one broken entry point; the plugin module's name."""
    import importlib.metadata

    name = f"lgo_fake_extension_{abs(hash(tmp_path)) % 10**8}"
    (tmp_path / f"{name}.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    eps = [
        EntryPoint("test.tag", f"{name}:Tag", extensions.GROUP),
        EntryPoint("test.broken", "lgo_no_such_module:Thing", extensions.GROUP),
    ]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda *, group: [ep for ep in eps if ep.group == group])
    monkeypatch.setattr(
        extensions, "REGISTRY", Registry(group=extensions.GROUP, kind="extension", builtins={}, check=extensions._check)
    )
    yield name
    sys.modules.pop(name, None)


def test_payload_classes_come_from_entry_points_lazily(plugin_extensions: str) -> None:
    assert extensions.namespaces() == ["test.broken", "test.tag"]
    assert plugin_extensions not in sys.modules
    d = loads('{"reference": "20 007 417", "extensions": {"test.tag": {"label": "x"}, "other": [1]}}')
    assert type(d.extensions["test.tag"]).__name__ == "Tag"
    assert d.extensions["test.tag"].label == "x"
    assert d.extensions["other"] == [1]


def test_a_broken_extension_plugin_keeps_its_data(plugin_extensions: str) -> None:
    with pytest.warns(RuntimeWarning, match="test.broken"):
        d = loads('{"reference": "20 007 417", "extensions": {"test.broken": {"a": 1}}}')
    assert d.extensions == {"test.broken": {"a": 1}}
    with pytest.raises(PluginError, match=r"cannot load extension 'test\.broken'"):
        extensions.extension_type("test.broken")
