"""Layout 6: reports (overview, key to names, summary heading, chapters saved as pages)."""

from __future__ import annotations

from lgo_decisions import read_text
from lgo_decisions.model import BulletList, Paragraph

OVERVIEW = """Anytown Council (24 000 262)
Category : Children's care services > Child protection
Decision : Upheld
Decision date : 26 Aug 2025
Overview:
Key to names used
-
Miss X The complainant
-
B - Her child
Summary
Miss X complained the Council intervened too much after her child was born.
Finding
Fault found causing injustice and recommendations made.
Recommendations
To remedy the injustice caused, we recommend the Council:
-
apologises to Miss X; and,
- pays Miss X £350.
"""

CHAPTER = """Anytown Council (24 000 262)

Category : Children's care services > Child protection

Decision : Upheld

Decision date : 26 Aug 2025

The Investigation

The complaint

1. Miss X complained about the way the Council intervened.

Legal and administrative background

The Ombudsman’s role and powers

2. We investigate complaints about ‘maladministration’ and ‘service failure’.

3. We may investigate complaints made on behalf of someone else.
"""


def test_report_overview() -> None:
    d = read_text(OVERVIEW)
    assert d.summary == "Miss X complained the Council intervened too much after her child was born."
    headings = [s.heading for s in d.sections]
    assert headings == ["Overview:", "Key to names used", "Summary", "Finding", "Recommendations"]
    assert d.sections[1].blocks == (BulletList(items=("Miss X The complainant", "B - Her child")),)
    recs = d.sections[4].blocks
    assert recs[0] == Paragraph(text="To remedy the injustice caused, we recommend the Council:")
    assert recs[1] == BulletList(items=("apologises to Miss X; and,", "pays Miss X £350."))
    assert d.diagnostics == ()


def test_report_chapter_keeps_its_numbers() -> None:
    url = "https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/24-000-262?chapter=2"
    d = read_text(CHAPTER, url=url)
    assert [p.number for p in d.paragraphs()] == [1, 2, 3]
    assert [s.heading for s in d.sections] == [
        "The Investigation",
        "The complaint",
        "Legal and administrative background",
        "The Ombudsman’s role and powers",
    ]
    assert d.url == url
