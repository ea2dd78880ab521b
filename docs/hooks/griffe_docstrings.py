"""Griffe extension for the API reference: the package's docstrings, written for doctest and Sphinx
roles, rendered well as Markdown by mkdocstrings.

- Doctest examples (a ``>>>`` line up to the next blank line) become fenced ``pycon`` code, so
  their output is shown as code rather than read as Markdown (``[1, 2]`` is not a link).
- Sphinx roles (``:func:`read```, ``:class:`~lgo_decisions.errors.ParseError```) become code that
  links to the object when the API reference shows it: an *optional* autorefs cross-reference,
  so a role naming something the reference does not show is plain code, not a broken link.
  A leading ``~`` keeps only the last dotted name, as in Sphinx.

Loaded from mkdocs.yml (``plugins.mkdocstrings.handlers.python.options.extensions``).
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|meth|attr|data|mod|exc|obj|const):`(~?)([\w.]+)(?:\(\))?`")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _resolve(obj: griffe.Object, target: str) -> str | None:
    """The full dotted path of ``target`` as named in ``obj``'s docstring, or None."""
    if target.startswith("lgo_decisions."):
        return target
    first, _, rest = target.partition(".")
    scope: griffe.Object | None = obj
    while scope is not None:
        if first in scope.members:
            return f"{scope.path}.{target}"
        if first in scope.imports:
            return scope.imports[first] + (f".{rest}" if rest else "")
        scope = scope.parent
    return None


def _roles(obj: griffe.Object, line: str) -> str:
    def link(match: re.Match[str]) -> str:
        short, target = match.groups()
        title = target.rsplit(".", 1)[-1] if short else target
        path = _resolve(obj, target)
        if path is None:
            return f"`{title}`"
        return f'<autoref identifier="{html.escape(path)}" optional><code>{html.escape(title)}</code></autoref>'

    return _ROLE.sub(link, line)


def markdown_docstring(obj: griffe.Object, text: str) -> str:
    """Fence doctest examples and turn Sphinx roles into optional cross-references."""
    out: list[str] = []
    in_fence = in_doctest = False
    for line in text.splitlines():
        if in_doctest and not line.strip():
            out.append("```")
            in_doctest = False
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and not in_doctest and line.lstrip().startswith(">>>"):
            out.append("```pycon")
            in_doctest = True
        out.append(line if in_fence or in_doctest else _roles(obj, line))
    if in_doctest:
        out.append("```")
    return "\n".join(out)


class DocstringMarkdown(griffe.Extension):
    """Rewrite every docstring once the object tree is complete."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.is_alias or obj.docstring is None:
            return
        obj.docstring.value = markdown_docstring(obj, obj.docstring.value)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """The package's own docstring (``on_object`` is not called for the top module)."""
        if pkg.docstring is not None and "```pycon" not in pkg.docstring.value:
            pkg.docstring.value = markdown_docstring(pkg, pkg.docstring.value)
