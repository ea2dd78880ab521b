"""The reader and writer registries: built-ins, entry points, ``register``, sniffing, errors."""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

import lgo_decisions
import lgo_decisions.plugin
from lgo_decisions import (
    Decision,
    LgoDecisionsError,
    PluginError,
    ReaderNotFound,
    WriterNotFound,
    read,
    read_text,
    readers,
    writers,
)
from lgo_decisions._registry import Registry
from tests.seeds import COMPACT, SPACED, seed

STEM = "002_6d7b561c0b11b3e9"
BUILTIN_READERS = ["html", "text"]
BUILTIN_WRITERS = ["text", "html"]


class Shout:
    """A toy reader: statements written in capitals after a ``!SHOUT`` line."""

    name = "shout"
    suffixes: tuple[str, ...] = (".shout",)

    def __init__(self, score: int = 50) -> None:
        self.score = score

    def sniff(self, head: bytes | str, name: str | None) -> int:
        text = head.decode("utf-8", "ignore") if isinstance(head, bytes) else head
        return self.score if text.startswith("!SHOUT") else 0

    def read(
        self, data: str | bytes, *, url: str | None = None, strict: bool = False, name: str | None = None
    ) -> Decision:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        return read_text(text.partition("\n")[2].lower(), url=url, strict=strict, name=name)


class Upper:
    """A toy writer."""

    name = "upper"
    suffix = ".up"

    def render(self, decision: Decision) -> str:
        return (decision.reference or "").upper()


@pytest.fixture
def shout() -> Iterator[Shout]:
    reader = Shout()
    readers.register(reader)
    yield reader
    readers.unregister("shout")


# -- built-ins -------------------------------------------------------------------------------
def test_builtin_readers_come_first_in_order() -> None:
    assert readers.available()[: len(BUILTIN_READERS)] == BUILTIN_READERS
    assert "text" in BUILTIN_READERS


@pytest.mark.parametrize("name", BUILTIN_READERS)
def test_every_builtin_reader_keeps_the_contract(name: str) -> None:
    reader = readers.get(name)
    assert isinstance(reader, readers.Reader)
    assert reader.name == name
    assert all(s.startswith(".") and s == s.lower() for s in reader.suffixes)
    assert readers.get(name) is reader  # cached


def test_text_reader_reads_str_and_bytes_alike() -> None:
    reader = readers.get("text")
    text = seed(STEM)
    assert reader.read(text) == reader.read(text.encode("cp1252")) == read_text(text)
    assert reader.read(text, name="a.txt").source == read_text(text, name="a.txt").source


@pytest.mark.parametrize("name", BUILTIN_WRITERS)
def test_every_builtin_writer_keeps_the_contract(name: str) -> None:
    writer = writers.get(name)
    assert isinstance(writer, writers.Writer)
    assert writer.name == name
    assert writer.suffix.startswith(".")
    assert isinstance(writer.render(read_text(seed(STEM))), str)


@pytest.mark.parametrize("stem", SPACED + COMPACT)
@pytest.mark.parametrize("name", BUILTIN_WRITERS)
def test_read_picks_the_reader_of_each_writers_output(name: str, stem: str, tmp_path: Path) -> None:
    d = read_text(seed(stem))
    writer = writers.get(name)
    rendered = writer.render(d)
    assert readers.detect(rendered).name == name
    path = tmp_path / f"statement{writer.suffix}"
    path.write_text(rendered, encoding="utf-8")
    back = read(path)
    assert back.source is not None
    assert back.source.reader == name
    assert back == d


def test_unknown_names_list_what_exists() -> None:
    with pytest.raises(ReaderNotFound) as info:
        readers.get("pdf")
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, LgoDecisionsError)
    assert "'pdf'" in str(info.value)
    assert "'text'" in str(info.value)
    with pytest.raises(WriterNotFound, match="no writer named 'pdf'; available: "):
        writers.get("pdf")
    with pytest.raises(ReaderNotFound, match="no reader named 'pdf'"):
        read(seed(STEM), reader="pdf")


def test_top_level_surface() -> None:
    assert lgo_decisions.readers is readers
    assert lgo_decisions.writers is writers
    assert {"PluginError", "ReaderNotFound", "WriterNotFound"} <= set(lgo_decisions.__all__)
    assert lgo_decisions.plugin.register_extension is lgo_decisions.extensions.register_extension


# -- register() ------------------------------------------------------------------------------
def test_a_registered_reader_is_found_and_picked(shout: Shout) -> None:
    assert "shout" in readers.available()
    assert readers.get("shout") is shout
    text = "!SHOUT\n" + seed(STEM).upper()
    assert readers.detect(text).name == "shout"
    d = read(text)
    assert d == read(text, reader="shout") == read_text(seed(STEM).lower())
    readers.unregister("shout")
    assert "shout" not in readers.available()
    assert read(text, reader=shout) == d  # a reader object needs no registration


def test_register_refuses_a_name_in_use(shout: Shout) -> None:
    with pytest.raises(PluginError, match="exists already"):
        readers.register(Shout())
    with pytest.raises(PluginError, match="exists already"):
        readers.register(readers.get("text"))
    other = Shout(score=99)
    readers.register(other, replace=True)
    assert readers.get("shout") is other


def test_register_checks_the_contract() -> None:
    class NoRead:
        name = "noread"
        suffixes = (".x",)

        def sniff(self, head: bytes | str, name: str | None) -> int:
            return 0

    class ListSuffixes(Shout):
        suffixes = [".x"]  # type: ignore[assignment]  # noqa: RUF012 (the mistake under test)

    with pytest.raises(PluginError, match="not a reader"):
        readers.register(NoRead())  # type: ignore[arg-type]
    with pytest.raises(PluginError, match="tuple"):
        readers.register(ListSuffixes())
    assert "noread" not in readers.available()
    assert "shout" not in readers.available()


def test_writers_register_like_readers() -> None:
    writers.register(Upper())
    try:
        assert "upper" in writers.available()
        assert writers.get("upper").render(Decision(reference="20 007 417")) == "20 007 417"
        with pytest.raises(PluginError):
            writers.register(Upper())
    finally:
        writers.unregister("upper")
    assert "upper" not in writers.available()


# -- sniffing --------------------------------------------------------------------------------
def test_ties_go_to_builtins(shout: Shout) -> None:
    shout.score = 1  # as confident as the text reader
    assert readers.detect("!SHOUT\nKENT COUNTY COUNCIL (23 008 522)").name == "text"


def test_the_file_suffix_helps(shout: Shout) -> None:
    shout.score = 1
    assert readers.detect("!SHOUT\nx", "statement.SHOUT").name == "shout"
    assert readers.detect("!SHOUT\nx", "statement.txt").name == "text"
    assert readers.detect("plain text", "statement.shout").name == "text"  # a 0 is never raised


def test_a_path_is_sniffed_with_its_name(shout: Shout, tmp_path: Path) -> None:
    shout.score = 1
    path = tmp_path / "statement.shout"
    path.write_bytes(("!SHOUT\n" + seed(STEM).upper()).encode("utf-8"))
    d = read(path)
    assert d == read_text(seed(STEM).lower())
    assert d.source is not None
    assert d.source.name == str(path)


def test_a_broken_sniffer_is_skipped_with_a_warning(shout: Shout) -> None:
    def boom(head: bytes | str, name: str | None) -> int:
        raise RuntimeError("boom")

    shout.sniff = boom  # type: ignore[method-assign]
    with pytest.warns(RuntimeWarning, match="sniff"):
        assert readers.detect("!SHOUT\nx").name == "text"


def test_sniffing_sees_only_the_head(shout: Shout) -> None:
    seen: list[int] = []
    original = shout.sniff

    def spy(head: bytes | str, name: str | None) -> int:
        seen.append(len(head))
        return original(head, name)

    shout.sniff = spy  # type: ignore[method-assign]
    readers.detect("!SHOUT\n" + "x" * (readers.SNIFF_SIZE * 2))
    assert seen == [readers.SNIFF_SIZE]


def test_suffixes_cover_every_reader(shout: Shout) -> None:
    assert {".txt", ".shout"} <= readers.suffixes()


# -- entry points ----------------------------------------------------------------------------
PLUGIN = textwrap.dedent("""
    LOADS = []
    LOADS.append(1)

    class Reader:
        name = "fake"
        suffixes = (".fake",)
        def sniff(self, head, name):
            return 0
        def read(self, data, *, url=None, strict=False, name=None):
            raise NotImplementedError

    READER = Reader()
    MISNAMED = Reader()
    MISNAMED.name = "other"
""")


@pytest.fixture
def plugin_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A plugin module on sys.path, not yet imported; its name."""
    name = f"lgo_fake_plugin_{abs(hash(tmp_path)) % 10**8}"
    (tmp_path / f"{name}.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    sys.modules.pop(name, None)


def _registry(monkeypatch: pytest.MonkeyPatch, eps: list[EntryPoint], builtins: dict[str, str]) -> Registry[Any]:
    import importlib.metadata

    def entry_points(*, group: str) -> list[EntryPoint]:
        return [ep for ep in eps if ep.group == group]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return Registry(
        group="test.readers", kind="reader", builtins=builtins, check=readers._check, missing=ReaderNotFound
    )


def test_entry_points_are_found_and_imported_only_when_used(
    plugin_module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg = _registry(monkeypatch, [EntryPoint("fake", f"{plugin_module}:READER", "test.readers")], {})
    assert reg.names() == ["fake"]
    assert plugin_module not in sys.modules  # listed, not imported
    reader = reg.get("fake")
    assert reader.name == "fake"
    assert plugin_module in sys.modules
    assert reg.get("fake") is reader
    assert sys.modules[plugin_module].LOADS == [1]


def test_builtins_are_imported_only_when_used(plugin_module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = _registry(monkeypatch, [], {"fake": f"{plugin_module}:READER", "gone": "lgo_decisions.no_such:READER"})
    assert reg.names() == ["fake"]  # a built-in whose module is missing is not offered
    assert plugin_module not in sys.modules
    assert reg.find("gone") is None
    assert reg.get("fake").name == "fake"


def test_builtins_win_over_entry_points(plugin_module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = _registry(
        monkeypatch,
        [EntryPoint("text", f"{plugin_module}:READER", "test.readers")],
        {"text": "lgo_decisions.readers.text:READER"},
    )
    assert reg.names() == ["text"]
    assert reg.get("text") is readers.get("text")


def test_broken_entry_points_raise_plugin_errors(plugin_module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = _registry(
        monkeypatch,
        [
            EntryPoint("missing", "lgo_no_such_module:READER", "test.readers"),
            EntryPoint("misnamed", f"{plugin_module}:MISNAMED", "test.readers"),
            EntryPoint("fake", f"{plugin_module}:READER", "test.readers"),
        ],
        {},
    )
    with pytest.raises(PluginError, match=r"cannot load reader 'missing' from entry point 'lgo_no_such_module:READER'"):
        reg.get("missing")
    with pytest.raises(PluginError, match="calls itself 'other', registered as 'misnamed'"):
        reg.get("misnamed")
    with pytest.warns(RuntimeWarning) as caught:
        loaded = reg.load_all()
    messages = sorted(str(w.message) for w in caught)
    assert len(messages) == 2
    assert "'missing'" in messages[0]
    assert "'misnamed'" in messages[1]
    assert [r.name for r in loaded] == ["fake"]  # the good plugin still works


def test_refresh_forgets_discovered_entry_points(plugin_module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    eps = [EntryPoint("fake", f"{plugin_module}:READER", "test.readers")]
    reg = _registry(monkeypatch, eps, {})
    assert reg.names() == ["fake"]
    eps.clear()
    assert reg.names() == ["fake"]  # cached
    reg.refresh()
    assert reg.names() == []
    with pytest.raises(ReaderNotFound, match=r"available: \[\]"):
        reg.get("fake")


def test_load_all_is_remembered_until_the_plugins_change(plugin_module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    eps = [EntryPoint("fake", f"{plugin_module}:READER", "test.readers")]
    reg = _registry(monkeypatch, eps, {})
    first = reg.load_all()
    assert [r.name for r in first] == ["fake"]
    first.clear()  # (a copy: the remembered answer is not the caller's to change)
    assert [r.name for r in reg.load_all()] == ["fake"]
    reg.register("other", importlib.import_module(plugin_module).MISNAMED)  # (a reader named "other")
    assert [r.name for r in reg.load_all()] == ["other", "fake"]  # (registered before entry points)
    reg.unregister("other")
    assert [r.name for r in reg.load_all()] == ["fake"]
    eps.clear()
    reg.refresh()
    assert reg.load_all() == []


def test_a_plugin_load_all_skipped_is_in_the_next_once_it_loads(
    plugin_module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg = _registry(monkeypatch, [EntryPoint("fake", f"{plugin_module}:READER", "test.readers")], {})
    monkeypatch.setitem(sys.modules, plugin_module, None)  # (its import fails, for now)
    with pytest.warns(RuntimeWarning, match="cannot load reader 'fake'"):
        assert reg.load_all() == []
    monkeypatch.delitem(sys.modules, plugin_module)
    assert reg.get("fake").name == "fake"
    assert [r.name for r in reg.load_all()] == ["fake"]
