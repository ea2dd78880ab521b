"""Every public function and class of ``lgo_decisions`` has a docstring with an example that runs.

Public: defined in its module, no leading underscore, and listed in the module's ``__all__`` when
it has one. The examples themselves run as doctests (``--doctest-modules`` in pyproject.toml); this
test makes sure each public object has one and that the doctest finder collects it (an example
the finder skips, for instance on a wrapped function, would never run).
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
        yield importlib.import_module(info.name)


def _public(module: ModuleType) -> Iterator[tuple[str, object]]:
    exported = getattr(module, "__all__", None)
    for name, obj in vars(module).items():
        if name.startswith("_") or not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if getattr(obj, "__module__", None) != module.__name__:
            continue  # imported from elsewhere: checked where it is defined
        if exported is not None and name not in exported:
            continue
        yield f"{module.__name__}.{name}", obj


def _collected(module: ModuleType) -> set[str]:
    return {test.name for test in doctest.DocTestFinder().find(module) if test.examples}


PUBLIC = sorted((qualname, obj, module.__name__) for module in _modules() for qualname, obj in _public(module))


def test_the_walk_sees_the_whole_package() -> None:
    names = {q for q, _, _ in PUBLIC}
    assert {"lgo_decisions._api.read", "lgo_decisions._builder.build", "lgo_decisions.model.Decision",
            "lgo_decisions.readers._base.BaseReader", "lgo_decisions._classify.Classifier",
            "lgo_decisions.readers.Reader", "lgo_decisions.testing.strategies.decisions",
            "lgo_decisions.writers.html.HtmlWriter"} <= names
    assert not any(q.rsplit(".", 1)[1].startswith("_") for q in names)


def test_every_public_function_and_class_has_an_example() -> None:
    lacking = [q for q, obj, _ in PUBLIC if ">>>" not in (inspect.getdoc(obj) or "") and q not in NO_EXAMPLE]
    assert lacking == [], "public API without a '>>>' example in its docstring:\n  " + "\n  ".join(lacking)


def test_every_example_is_collected_as_a_doctest() -> None:
    collected: dict[str, set[str]] = {}
    skipped = [q for q, obj, mod in PUBLIC
               if ">>>" in (inspect.getdoc(obj) or "")
               and q not in collected.setdefault(mod, _collected(importlib.import_module(mod)))]
    assert skipped == [], "examples the doctest finder does not collect (they never run):\n  " + "\n  ".join(skipped)


def test_the_exemptions_are_still_needed() -> None:
    public = {q: obj for q, obj, _ in PUBLIC}
    stale = [q for q in NO_EXAMPLE if q not in public or ">>>" in (inspect.getdoc(public[q]) or "")]
    assert stale == [], f"NO_EXAMPLE entries that are gone or now have an example: {stale}"
