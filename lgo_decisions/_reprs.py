"""Short, identifying reprs of the big models and the HTML repr of a decision for notebooks.

A decision's ``repr`` names it (reference, first organisation, outcome, date, counts) in one line,
as a citation does, rather than printing the whole statement; ``_repr_html_`` shows the header
fields and the first paragraphs in Jupyter, every value escaped.
"""

from __future__ import annotations

import html
from typing import Any

# (the models import this module; it takes them as Any rather than importing them back)

_NAME = 60  # characters of an organisation's name or a heading shown in a repr
_SHOWN_PARAGRAPHS = 3
_LEFT = ' style="text-align:left"'
_PARAGRAPH = 400  # characters of each paragraph shown in the HTML repr


def _cut(text: str, limit: int) -> str:
    """``text`` on one line (runs of white space as one space), at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _organisation(d: Any) -> str | None:
    if not d.organisations:
        return None
    first = _cut(d.organisations[0].name, _NAME)
    more = len(d.organisations) - 1
    return f"{first} and {more} more" if more else first


def decision_repr(d: Any) -> str:
    """``<Decision 20 007 417: Kent County Council, upheld, 2021-02-04, 6 sections, 10 paragraphs>``."""
    parts = [
        _organisation(d),
        d.outcome.code.value if d.outcome is not None else None,
        d.decision_date.isoformat() if d.decision_date is not None else None,
        _plural(len(d.sections), "section"),
        _plural(len(d.paragraphs()), "paragraph"),
    ]
    reference = _cut(d.reference, _NAME) if d.reference else "(no reference)"
    return f"<Decision {reference}: {', '.join(p for p in parts if p is not None)}>"


def section_repr(s: Any) -> str:
    """``<Section 'The complaint' (level 2, 3 blocks)>``."""
    heading = f"'{_cut(s.heading, _NAME)}'" if s.heading is not None else "(no heading)"
    return f"<Section {heading} (level {s.level}, {_plural(len(s.blocks), 'block')})>"


def _first_paragraphs(d: Any) -> list[tuple[str, str]]:
    """``(number or "", text)`` of the first paragraphs of the statement (numbered ones first)."""
    numbered = [(f"{p.number}.", p.text) for p in d.paragraphs()[:_SHOWN_PARAGRAPHS]]
    if numbered:
        return numbered
    from ._blocks import iter_block_text

    texts = [t for s in d.sections for t in iter_block_text(s.blocks)]
    return [("", t) for t in texts[:_SHOWN_PARAGRAPHS]]


def decision_html(d: Any) -> str:
    """The HTML repr: a table of the header fields, the summary, the first paragraphs; all escaped."""
    e = html.escape
    rows = [
        ("Reference", d.reference),
        ("Organisations", "; ".join(o.name for o in d.organisations) or None),
        ("Category", " > ".join(x for x in (d.category.area, d.category.subject) if x) if d.category else None),
        ("Outcome", f"{d.outcome.label} ({d.outcome.code.value})" if d.outcome is not None else None),
        ("Decision date", d.decision_date.isoformat() if d.decision_date is not None else None),
        ("Contents", f"{_plural(len(d.sections), 'section')}, {_plural(len(d.paragraphs()), 'numbered paragraph')}"),
        ("Diagnostics", ", ".join(sorted({x.code for x in d.diagnostics})) or None),
        ("URL", d.url),
    ]
    out = ['<div class="lgo-decision"><table>']
    for label, value in rows:
        if value:
            out.append(
                f'<tr><th style="text-align:left">{e(label)}</th><td style="text-align:left">{e(value)}</td></tr>'
            )
    out.append("</table>")
    if d.summary:
        out.append(f"<p><em>{e(_cut(d.summary, _PARAGRAPH))}</em></p>")
    shown = _first_paragraphs(d)
    for number, text in shown:
        out.append(f"<p>{e(number + ' ' if number else '')}{e(_cut(text, _PARAGRAPH))}</p>")
    if len(d.paragraphs()) > len(shown):
        out.append(f"<p>… ({len(d.paragraphs()) - len(shown)} more numbered paragraphs)</p>")
    out.append("</div>")
    return "\n".join(out)
