"""Layout 4: no Category / Decision / Decision date lines; the address fills what it can."""

from __future__ import annotations

from lgo_decisions import read_text
from lgo_decisions.model import Category
from tests.seeds import seed

URL = "https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/23-008-522"


def _without_header() -> str:
    return "\n".join(
        line for line in seed("002_6d7b561c0b11b3e9").split("\n") if not line.startswith(("Category", "Decision"))
    )


def test_category_comes_from_the_address_as_labels() -> None:
    d = read_text(_without_header(), url=URL)
    assert d.category == Category(area="Children's care services", subject="Child protection")
    assert d.outcome is None
    assert d.decision_date is None
    assert d.url == URL
    assert len(d.paragraphs()) == 9


def test_unknown_slugs_still_read() -> None:
    url = "https://lgo.org.uk/decisions/new-area-s-services/some-new-subject/23-008-522?displaypref=1"
    d = read_text(_without_header(), url=url)
    assert d.category == Category(area="New area's services", subject="Some new subject")


def test_reference_comes_from_the_address_when_the_title_lacks_it() -> None:
    text = "\n".join(_without_header().split("\n")[1:])  # no title line either
    d = read_text(text, url=URL)
    assert d.reference == "23 008 522"
    assert d.organisations == ()


def test_page_and_address_disagreeing_is_a_diagnostic() -> None:
    d = read_text(seed("002_6d7b561c0b11b3e9"), url=URL.replace("23-008-522", "23-008-523"))
    assert d.reference == "23 008 522"
    assert [x.code for x in d.diagnostics] == ["reference_mismatch"]
