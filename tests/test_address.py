"""Statement addresses and the taxonomy of areas and subjects."""

from __future__ import annotations

import pytest

from lgo_decisions._address import parse_address
from lgo_decisions._taxonomy import AREAS, SUBJECTS, label_from_slug, slugify
from lgo_decisions.model import Category


@pytest.mark.parametrize(
    ("url", "ref", "area", "subject", "chapter"),
    [
        (
            "https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/20-007-417",
            "20 007 417",
            "children-s-care-services",
            "child-protection",
            None,
        ),
        (
            "https://lgo.org.uk/decisions/adult-care-services/residential-care/22-010-785?chapter=2",
            "22 010 785",
            "adult-care-services",
            "residential-care",
            2,
        ),
        (
            "https://www.lgo.org.uk/decisions/health/hospital-acute-services/21-000-206a?displaypref=3",
            "21 000 206a",
            "health",
            "hospital-acute-services",
            None,
        ),
    ],
)
def test_parse_address(url: str, ref: str, area: str, subject: str, chapter: int | None) -> None:
    a = parse_address(url)
    assert a is not None
    assert (a.reference, a.area_slug, a.subject_slug, a.chapter) == (ref, area, subject, chapter)


def test_not_a_decision_address() -> None:
    assert parse_address("https://www.lgo.org.uk/news/2024") is None


def test_category_labels_from_the_taxonomy() -> None:
    a = parse_address("https://www.lgo.org.uk/decisions/benefits-and-tax/covid-19/20-006-486")
    assert a is not None
    assert a.category() == Category(area="Benefits and tax", subject="COVID-19")


@pytest.mark.parametrize("table", [AREAS, SUBJECTS])
def test_every_label_slugifies_to_its_slug(table: dict[str, str]) -> None:
    for slug, label in table.items():
        assert slugify(label) == slug


def test_unknown_slug_reads_as_a_label() -> None:
    assert label_from_slug("children-s-care-services") == "Children's care services"
    assert slugify(label_from_slug("some-new-subject")) == "some-new-subject"
