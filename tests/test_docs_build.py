"""The documentation site's configuration agrees with the pages and the package.

The strict build itself (``mkdocs build --strict``, in .ci/run) needs the ``docs`` extra; these
checks need nothing but the repository, so a page left out of the navigation, a navigation entry
without its page, or an API reference naming a module that is gone fails the test suite too.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def _nav() -> list[str]:
    block = CONFIG.split("\nnav:\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^\s+- (?:[^\n]*?: )?([\w/.-]+\.md)\s*$", block, flags=re.M)


def _pages() -> list[str]:
    return sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md") if "hooks" not in p.parts)


def test_nav_lists_every_page_once() -> None:
    nav = _nav()
    assert len(nav) == len(set(nav))
    assert sorted(nav) == _pages()


@pytest.mark.parametrize(
    "page",
    [
        "index.md",
        "quickstart.md",
        "reading.md",
        "walkthrough.md",
        "schema.md",
        "plugins.md",
        "cli.md",
        "performance.md",
        "changelog.md",
        "compatibility.md",
        "api.md",
    ],
)
def test_required_page_in_nav(page: str) -> None:
    assert page in _nav()


def test_strict_and_offline() -> None:
    assert re.search(r"^strict: true$", CONFIG, flags=re.M)
    assert re.search(r"^\s+font: false\b", CONFIG, flags=re.M)  # no Google Fonts


def test_changelog_page_includes_the_changelog() -> None:
    assert '"../CHANGELOG.md"' in (DOCS / "changelog.md").read_text(encoding="utf-8")


def test_api_reference_names_importable_modules() -> None:
    names = re.findall(r"^::: ([\w.]+)$", (DOCS / "api.md").read_text(encoding="utf-8"), flags=re.M)
    assert "lgo_decisions" in names
    assert "lgo_decisions.model" in names
    for name in names:
        importlib.import_module(name)


def test_relative_links_between_pages_resolve() -> None:
    for page in _pages():
        text = (DOCS / page).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", text):
            if "://" not in target:
                assert (DOCS / page).parent.joinpath(target).resolve().is_file(), f"{page} links to {target}"
