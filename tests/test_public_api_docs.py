"""Every public function and class of ``lgo_decisions`` has a docstring with an example that runs.

Public: in a public module (no leading underscore anywhere in its dotted name), no leading
underscore itself, and listed in the module's ``__all__`` when it has one (re-exports included, so
that what the root exports from an internal module is checked too). The examples themselves run
as doctests (``--doctest-modules`` in pyproject.toml); this test makes sure each public object has
one and that the doctest finder collects it (an example the finder skips, for instance on a
wrapped function, would never run).
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from types import ModuleType

import lgo_decisions

NO_EXAMPLE: dict[str, str] = {
    # "lgo_decisions.module.name": "why it cannot have an example",
}
"""Public objects that truly cannot have an example, each with the reason (none so far)."""


def _modules() -> Iterator[ModuleType]:
    yield lgo_decisions
    for info in pkgutil.walk_packages(lgo_decisions.__path__, "lgo_decisions."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield importlib.import_module(info.name)


_SEEN: set[int] = set()


def _public(module: ModuleType) -> Iterator[tuple[str, object]]:
    exported = getattr(module, "__all__", None)
    for name, obj in vars(module).items():
        if name.startswith("_") or not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if exported is None and getattr(obj, "__module__", None) != module.__name__:
            continue  # imported, not exported: checked where it is public
        if exported is not None and name not in exported:
            continue
        if id(obj) in _SEEN:
            continue  # exported by several modules: checked once
        _SEEN.add(id(obj))
        yield f"{module.__name__}.{name}", obj


def _collected(module: ModuleType) -> set[str]:
    return {test.name for test in doctest.DocTestFinder().find(module) if test.examples}


PUBLIC = sorted((qualname, obj, module.__name__) for module in _modules() for qualname, obj in _public(module))


def test_the_walk_sees_the_whole_package() -> None:
    import lgo_decisions.plugin
    import lgo_decisions.readers
    import lgo_decisions.testing.strategies
    import lgo_decisions.writers.html

    seen = {id(obj) for _, obj, _ in PUBLIC}
    expected = (
        lgo_decisions.read,
        lgo_decisions.Decision,
        lgo_decisions.plugin.build,
        lgo_decisions.plugin.BaseReader,
        lgo_decisions.plugin.Classifier,
        lgo_decisions.readers.Reader,
        lgo_decisions.testing.strategies.decisions,
        lgo_decisions.writers.html.HtmlWriter,
    )
    assert all(id(obj) in seen for obj in expected)
    assert not any(part.startswith("_") for q, _, _ in PUBLIC for part in q.split("."))


def test_every_public_function_and_class_has_an_example() -> None:
    lacking = [q for q, obj, _ in PUBLIC if ">>>" not in (inspect.getdoc(obj) or "") and q not in NO_EXAMPLE]
    assert lacking == [], "public API without a '>>>' example in its docstring:\n  " + "\n  ".join(lacking)


def test_every_example_is_collected_as_a_doctest() -> None:
    collected: dict[str, set[str]] = {}
    skipped = []
    for q, obj, _ in PUBLIC:
        home = str(getattr(obj, "__module__", ""))  # the doctest runs where the object is defined
        if ">>>" in (inspect.getdoc(obj) or "") and f"{home}.{getattr(obj, '__name__', q.rsplit('.', 1)[1])}" not in (
            collected.setdefault(home, _collected(importlib.import_module(home)))
        ):
            skipped.append(q)
    assert skipped == [], "examples the doctest finder does not collect (they never run):\n  " + "\n  ".join(skipped)
