"""Addresses of statements: ``https://www.lgo.org.uk/decisions/<area>/<subject>/<ref-slug>``."""

from __future__ import annotations

import re

import attrs

from ._patterns import SLUG_REFERENCE
from ._taxonomy import area_label, subject_label
from .model import Category

_ADDRESS = re.compile(
    rf"/decisions/(?P<area>[a-z0-9-]+)(?:/(?P<subject>[a-z0-9-]+))?/(?P<ref>{SLUG_REFERENCE})/?(?:[?#]|$)",
    re.IGNORECASE | re.ASCII,  # ASCII digits and letters only, as the model's references
)
_CHAPTER = re.compile(r"[?&]chapter=(\d+)")


@attrs.frozen(kw_only=True)
class Address:
    """What an address says: reference, area and subject slugs, report chapter.

    >>> a = parse_address("https://www.lgo.org.uk/decisions/housing/allocations/24-021-265?chapter=2")
    >>> a.area_slug, a.subject_slug, a.chapter
    ('housing', 'allocations', 2)
    >>> a.category()
    Category(area='Housing', subject='Allocations')
    """

    reference: str
    area_slug: str
    subject_slug: str | None
    chapter: int | None = None

    def category(self) -> Category:
        """The category the address names, with labels from the taxonomy.

        >>> parse_address("https://www.lgo.org.uk/decisions/education/school-transport/23-008-522").category()
        Category(area='Education', subject='School transport')
        """
        return Category(
            area=area_label(self.area_slug), subject=subject_label(self.subject_slug) if self.subject_slug else None
        )


def parse_address(url: str) -> Address | None:
    """Read an address; ``None`` when it is not a decision address.

    >>> parse_address("https://www.lgo.org.uk/decisions/housing/allocations/24-021-265").reference
    '24 021 265'
    """
    if len(url) > 2000:
        return None
    m = _ADDRESS.search(url)
    if not m:
        return None
    area, subject, ref = m.group("area", "subject", "ref")
    ref = ref.lower()
    chapter = _CHAPTER.search(url) if "chapter=" in url else None  # (most addresses name no chapter)
    return Address(
        reference=f"{ref[0:2]} {ref[3:6]} {ref[7:]}",
        area_slug=area.lower(),
        subject_slug=subject.lower() if subject else None,
        chapter=int(chapter.group(1)) if chapter else None,
    )
