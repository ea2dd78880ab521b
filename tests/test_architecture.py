"""The package's shape: no import cycles (deferred imports included), small modules, a small root,
internal modules marked as such, and a plugin interface that is the plugin's only import."""

from __future__ import annotations

import ast
from pathlib import Path

import lgo_decisions
import lgo_decisions.plugin

PACKAGE = Path(lgo_decisions.__file__).resolve().parent
ROOT = Path(__file__).resolve().parents[1]  # (the checkout: PACKAGE may be an installed wheel's)
PLUGIN = ROOT / "examples" / "plugins" / "lgo-decisions-records" / "src" / "lgo_decisions_records"
MAX_LINES = 450
PUBLIC_MODULES = {
    "lgo_decisions",
    "lgo_decisions.cli",
    "lgo_decisions.corpus",
    "lgo_decisions.database",
    "lgo_decisions.errors",
    "lgo_decisions.export",
    "lgo_decisions.extensions",
    "lgo_decisions.facts",
    "lgo_decisions.jsonschema",
    "lgo_decisions.migrations",
    "lgo_decisions.model",
    "lgo_decisions.plugin",
    "lgo_decisions.readers",
    "lgo_decisions.readers.akn",
    "lgo_decisions.readers.html",
    "lgo_decisions.readers.text",
    "lgo_decisions.serialise",
    "lgo_decisions.testing",
    "lgo_decisions.testing.strategies",
    "lgo_decisions.walk",
    "lgo_decisions.writers",
    "lgo_decisions.writers.akn",
    "lgo_decisions.writers.html",
    "lgo_decisions.writers.text",
}
"""The documented public modules (docs/api.md); every other module's name has a leading underscore."""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    """Every lgo_decisions module ``name`` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            submodules = {f"{base}.{a.name}" for a in node.names} & MODULES.keys()
            found.update(submodules)  # "from . import readers" imports the module readers
            if len(submodules) < len(node.names):
                found.add(base)  # names defined in base itself
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycle() -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(GRAPH):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_no_import_cycles_deferred_imports_included() -> None:
    cycle = _cycle()
    assert cycle is None, " -> ".join(cycle or [])


def test_the_graph_sees_deferred_imports() -> None:
    assert "lgo_decisions.readers.html" in GRAPH["lgo_decisions.writers.html"]  # imported inside a function


def test_no_module_is_over_the_size_limit() -> None:
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in MODULES.items()}
    assert {n: s for n, s in sizes.items() if s > MAX_LINES} == {}


def test_the_root_exports_at_most_25_names() -> None:
    assert len(lgo_decisions.__all__) <= 25
    assert all(hasattr(lgo_decisions, name) for name in lgo_decisions.__all__)


def test_internal_modules_have_a_leading_underscore() -> None:
    public = {n for n in MODULES if not any(part.startswith("_") for part in n.split("."))}
    assert public == PUBLIC_MODULES


def test_the_plugin_interface_exports_what_it_names() -> None:
    assert all(hasattr(lgo_decisions.plugin, name) for name in lgo_decisions.plugin.__all__)
    assert {
        "BaseReader",
        "Classifier",
        "Line",
        "Form",
        "Token",
        "Kind",
        "build",
        "prepare",
        "register_reader",
        "register_writer",
        "register_extension",
        "PluginError",
    } <= set(lgo_decisions.plugin.__all__)


def test_the_example_plugin_imports_only_the_root_and_the_plugin_module() -> None:
    used: set[str] = set()
    for path in PLUGIN.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                used.add(node.module)
            elif isinstance(node, ast.Import):
                used.update(a.name for a in node.names)
    assert {m for m in used if m.startswith("lgo_decisions")} <= {"lgo_decisions", "lgo_decisions.plugin"}
    assert "lgo_decisions.plugin" in used
