"""The legislation finder and its table of instruments, on made-up sentences in the published style."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lgo_decisions as lgo
from lgo_decisions.facts import extract_facts
from lgo_decisions.facts._instruments import INSTRUMENTS, by_name, kind_of
from lgo_decisions.facts._legislation import Cited, find_legislation

LGA = "Local Government Act 1974"
SEND = "Special educational needs and disability code of practice: 0 to 25 years"


def found(text: str, **options: object) -> list[tuple[str, str | None]]:
    """(instrument, provision) of every citation, checking each span against the text."""
    cited = find_legislation(text, **options)  # type: ignore[arg-type]
    for one in cited:
        assert text[one.start : one.end] == one.text
    return [(one.instrument, one.provision) for one in cited]


CASES = [
    # the Ombudsman's closing parentheses
    ("We cannot investigate this (Local Government Act 1974, section 24A(6), as amended).", [(LGA, "section 24A(6)")]),
    (
        "The injustice is not significant (Local Government Act 1974, section 24A(6), as amended, section 34(B)).",
        [(LGA, "section 24A(6)"), (LGA, "section 34(B)")],
    ),
    (
        "Mrs Y could have appealed to a tribunal (Local Government Act 1974, sections 26(6)(a) and (c), as amended).",
        [(LGA, "section 26(6)(a)"), (LGA, "section 26(6)(c)")],
    ),
    (
        "We may investigate complaints (Local Government Act 1974, sections 26(1) and 26A(1), as amended).",
        [(LGA, "section 26(1)"), (LGA, "section 26A(1)")],
    ),
    (
        "We provide a free service (Local Government Act 1974, section 30(1B) and 34H(i), as amended).",
        [(LGA, "section 30(1B)"), (LGA, "section 34H(i)")],
    ),
    (
        "We consider whether there was fault (Local Government Act 1974, sections 34B, 34C and 34H(3 and 4) "
        "as amended).",
        [(LGA, "section 34B"), (LGA, "section 34C"), (LGA, "section 34H(3)"), (LGA, "section 34H(4)")],
    ),
    (
        "The law says we cannot investigate a school's internal affairs (Local Government Act 1974, paragraph 5A "
        "schedule 5, as amended).",
        [(LGA, "schedule 5, paragraph 5A")],
    ),
    (
        "We cannot investigate these matters (Local Government Act 1974, Schedule 5/5A, paragraph 1/3, as amended).",
        [(LGA, "schedule 5, paragraph 1"), (LGA, "schedule 5A, paragraph 3")],
    ),
    (
        "We share our decisions (Local Government Act 1974, section 33ZA, and Health Service Commissioners Act 1993, "
        "sections 3(4)- 3(7)).",
        [(LGA, "section 33ZA"), ("Health Service Commissioners Act 1993", "section 3(4)-3(7)")],
    ),
    (
        "We report on complaints (Local Government Act 1974, sections 24A(1)(A), and 25 (7) as amended).",
        [(LGA, "section 24A(1)(A)"), (LGA, "section 25(7)")],
    ),
    (
        "We cannot investigate personnel matters (Local Government Act 1974, Schedule 5, as amended).",
        [(LGA, "schedule 5")],
    ),
    ("The Human Rights Act 1998, Article 8, protects family life.", [("Human Rights Act 1998", "article 8")]),
    # a provision first, its instrument after "of"
    ("The council accepted a duty under Part 7 of the Housing Act 1996.", [("Housing Act 1996", "part 7")]),
    (
        "Section 41 of the Highways Act 1980 places a duty on the highway authority.",
        [("Highways Act 1980", "section 41")],
    ),
    (
        "Part 3 and Part 3A of the Local Government Act 1974 give us our powers.",
        [(LGA, "part 3"), (LGA, "part 3A")],
    ),
    ("Mr X was detained under s.3 of the Mental Health Act 1983.", [("Mental Health Act 1983", "section 3")]),
    (
        "She was eligible for aftercare under section 117 of the 1983 Mental Health Act.",
        [("Mental Health Act 1983", "section 117")],
    ),
    (
        "The matter falls under paragraph 5A of Schedule 5 to the Local Government Act 1974.",
        [(LGA, "schedule 5, paragraph 5A")],
    ),
    (
        "Regulation 12 of the Care and Support (Charging and Assessment of Resources) Regulations 2014 applies.",
        [("Care and Support (Charging and Assessment of Resources) Regulations 2014", "regulation 12")],
    ),
    (
        "The council acted under section 19 of the Flood and Water Management Act.",
        [("Flood and Water Management Act 2010", "section 19")],
    ),
    # an instrument first, its provision after a comma
    ("A child in need is defined in the Children Act 1989, section 17.", [("Children Act 1989", "section 17")]),
    (
        "The council must keep to the Homelessness Code of Guidance, paragraph 15.3.",
        [("Homelessness Code of Guidance for Local Authorities", "paragraph 15.3")],
    ),
    ("The foster carer breached Fostering Standard 29.2.", [("Fostering Standards", "standard 29.2")]),
    # an instrument alone
    ("The council assessed her needs under the Care Act 2014.", [("Care Act 2014", None)]),
    ("The Local Government Act 1974 sets out our powers.", [(LGA, None)]),
    ("The council should follow the SEND code of practice.", [(SEND, None)]),
    (
        "Councils should have regard to the Care and Support Statutory Guidance.",
        [("Care and Support Statutory Guidance", None)],
    ),
    ("He says this is a breach of the Equality Act 2010.", [("Equality Act 2010", None)]),
    (
        "The Anti-social Behaviour, Crime and Policing Act 2014 gives councils powers.",
        [("Anti-social Behaviour, Crime and Policing Act 2014", None)],
    ),
    ("The Council inspected the works under the Building Regulations.", [("Building Regulations", None)]),
    # an Act the table does not know keeps its title as printed
    ("The land was held under the Open Spaces Act 1906.", [("Open Spaces Act 1906", None)]),
    (
        "She relied on section 4 of the Health and Social Care Act 2008.",
        [("Health and Social Care Act 2008", "section 4")],
    ),
    ("We cannot investigate (Local Government Act\u00a01974, section\u00a026(4)-(5)).", [(LGA, "section 26(4)-(5)")]),
    ("The council owed the main duty (section 193 Housing Act 1996).", [("Housing Act 1996", "section 193")]),
    (
        "Support was given under the Children Act 1989 (section 20) and then section 17.",
        [("Children Act 1989", "section 20")],
    ),
    (
        "The council applied the SEND Regulations 2014, regulation 13.",
        [("Special Educational Needs and Disability Regulations 2014", "regulation 13")],
    ),
    (
        "Part 1 of Schedule 2 to the Town and Country Planning (General Permitted Development) (England) Order 2015.",
        [("Town and Country Planning (General Permitted Development) (England) Order 2015", "schedule 2, part 1")],
    ),
    (
        "We cannot investigate an appeal (section 26(6)(a), (b) or (c) of the Local Government Act 1974).",
        [(LGA, "section 26(6)(a)"), (LGA, "section 26(6)(b)"), (LGA, "section 26(6)(c)")],
    ),
    # two citations, each with its own instrument
    (
        "Mr X relies on section 20 of the Children Act 1989 and the Children and Families Act 2014, section 42.",
        [("Children Act 1989", "section 20"), ("Children and Families Act 2014", "section 42")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_citations_in_the_published_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


NOT_CITATIONS = [
    "I considered the Ombudsman’s Assessment Code.",
    "We publish our Guidance on Remedies, which sets out how bodies should apologise.",
    "In R (on the application of G) v Southwark LBC [2009] UKHL 26 the court considered section 20.",
    "The council must consider section 17 when it assesses a child in need.",
    "The Act says we cannot normally investigate when someone could go to court.",
    "Regulations set out requirements and best practice for building works.",
    "The council did not meet the standard 2 deadline in its own policy.",
    "Mr X wrote to the Council about its Order of 3 March and the rules of the car park.",
    "Section F of B’s Education, Health and Care Plan sets out the provision.",
    "The council breached the act of parliament, he said.",
    "The council's decision was in line with the Mental Health Act 19",  # a year cut short
    "Paragraph 10.2 of the Guidance says so.",  # no guidance named to refer to
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_what_is_not_a_citation(text: str) -> None:
    assert found(text) == []


def test_a_provision_belongs_to_an_earlier_act_only_where_the_text_says_so() -> None:
    named_after = "Section 26(6)(a) of the Act says we should not. The Local Government Act 1974 sets out our powers."
    assert found(named_after) == [(LGA, None)]
    named_before = "The Local Government Act 1974 sets out our powers. Section 26(6)(a) of the Act says we should not."
    assert found(named_before) == [(LGA, None), (LGA, "section 26(6)(a)")]
    loose = "The Care Act 2014 sets duties. The council relied on section 17."
    assert found(loose) == [("Care Act 2014", None)]
    joined_by_and = "She cited the Care Act 2014 and section 17."
    assert found(joined_by_and) == [("Care Act 2014", None)]
    of_something_else = "It acted under the Care Act 2014, paragraph 3 of the council's charging policy."
    assert found(of_something_else) == [("Care Act 2014", None)]


def test_a_defined_name_wins_over_the_last_act_named() -> None:
    text = (
        "The Care Act 2014 (the Act) sets the duties and the Equality Act 2010 applies too. "
        "Section 9 of the Act requires an assessment."
    )
    assert found(text)[-1] == ("Care Act 2014", "section 9")
    code = (
        "The Special Educational Needs and Disability Code of Practice: 0 to 25 years (the Code) sets time limits. "
        "Paragraph 9.52 of the Code gives 20 weeks."
    )
    assert found(code) == [(SEND, None), (SEND, "paragraph 9.52")]


def test_a_reference_is_not_the_start_of_another_title() -> None:
    text = "The Care and Support Statutory Guidance (the Guidance) applies. Paragraph 3 of the Guidance on Remedies."
    assert found(text) == [("Care and Support Statutory Guidance", None)]
    assert found(text.replace(" on Remedies", "")) == [
        ("Care and Support Statutory Guidance", None),
        ("Care and Support Statutory Guidance", "paragraph 3"),
    ]


def test_a_code_of_guidance_is_the_code_and_the_guidance() -> None:
    text = "The Homelessness Code of Guidance for Local Authorities applies. Paragraph 15.3 of the Guidance says so."
    assert found(text)[-1] == ("Homelessness Code of Guidance for Local Authorities", "paragraph 15.3")
    assert found(text.replace("the Guidance", "the Code"))[-1][1] == "paragraph 15.3"


def test_the_year_act_refers_to_an_act_of_that_year_named_before() -> None:
    assert found("Sections 34B(8) and (9) of the 1974 Act apply.") == []
    text = "The Housing Act 1996 applies. The council owed a duty under section 193 of the 1996 Act."
    assert found(text) == [("Housing Act 1996", None), ("Housing Act 1996", "section 193")]
    earlier = found("Sections 34B(8) and (9) of the 1974 Act apply.", earlier=[LGA])
    assert earlier == [(LGA, "section 34B(8)"), (LGA, "section 34B(9)")]


def test_a_yearless_name_is_resolved_only_when_unambiguous() -> None:
    assert found("The Care Act sets the duties.") == [("Care Act 2014", None)]
    assert found("The council acted under the Housing Act.") == []
    text = "The Housing Act 1996 applies, and section 188 of the Housing Act gives the duty."
    assert found(text) == [("Housing Act 1996", None), ("Housing Act 1996", "section 188")]
    assert found("He relied on the Care Act 2015.") == [("Care Act 2015", None)]  # as printed, not the table's


def test_a_longer_title_is_not_taken_for_the_shorter_one_inside_it() -> None:
    assert found("The Health and Social Care Act 2008 created the regulator.") == [
        ("Health and Social Care Act 2008", None)
    ]
    assert found("The Mental Health Act 1983: Code of Practice says so.") == [
        ("Mental Health Act 1983: Code of Practice", None)
    ]


def test_the_citation_text_is_the_whole_citation_without_the_parenthesis() -> None:
    text = "We cannot investigate (Local Government Act 1974, section 24A(6), as amended, section 34(B))."
    cited = find_legislation(text)
    assert [c.text for c in cited] == ["Local Government Act 1974, section 24A(6), as amended, section 34(B)"] * 2
    assert cited[0] == Cited(
        instrument=LGA,
        provision="section 24A(6)",
        text=cited[0].text,
        start=text.index("Local"),
        end=text.index("))") + 1,
        legislation_id="ukpga/1974/7",
    )
    assert find_legislation("Under the Care Act 2014 (as amended) the council...")[0].text == "Care Act 2014"


def test_citations_come_in_text_order() -> None:
    text = (
        "The Equality Act 2010 applies. Section 41 of the Highways Act 1980 says more "
        "(Local Government Act 1974, section 26(6)(c), as amended)."
    )
    cited = find_legislation(text)
    assert [c.instrument for c in cited] == ["Equality Act 2010", "Highways Act 1980", LGA]
    assert [c.start for c in cited] == sorted(c.start for c in cited)


# --- the table -------------------------------------------------------------------------------
def test_every_title_and_alias_is_found_in_a_sentence() -> None:
    for instrument in INSTRUMENTS:
        for name in (instrument.title, *instrument.aliases):
            if instrument.numbered and name.endswith(instrument.numbered.capitalize()):
                continue  # "Fostering Standard" is a name only with its number
            text = f"The council relied on the {name}."
            assert found(text) == [(instrument.title, None)], name


def test_the_table_is_consistent() -> None:
    titles = [instrument.title for instrument in INSTRUMENTS]
    assert len(titles) == len(set(titles))
    for instrument in INSTRUMENTS:
        assert instrument.title == " ".join(instrument.title.split())
        year = re.search(r"\b(\d{4})$", instrument.title)
        if kind_of(instrument.title) == "act":
            assert year, instrument.title
        if instrument.legislation_id is not None:
            kind = "ukpga" if kind_of(instrument.title) == "act" else "uksi"
            assert re.fullmatch(rf"{kind}/\d{{4}}/\d+", instrument.legislation_id), instrument
            assert year, instrument
            assert instrument.legislation_id.split("/")[1] == year.group(1), instrument
        for alias in instrument.aliases:
            assert by_name[alias.lower()] is instrument
            if re.search(r"\bAct$", alias):  # a yearless alias: no other Act of that name in the table
                others = [t for t in titles if re.sub(r"\s\d{4}$", "", t) == alias and t != instrument.title]
                assert others == [], alias


def test_the_identifiers_the_writer_links_to() -> None:
    ids = {instrument.title: instrument.legislation_id for instrument in INSTRUMENTS}
    assert ids[LGA] == "ukpga/1974/7"
    assert ids["Care Act 2014"] == "ukpga/2014/23"
    assert ids["Children Act 1989"] == "ukpga/1989/41"
    assert ids[SEND] is None  # guidance is not legislation
    assert find_legislation("Part 7 of the Housing Act 1996")[0].legislation_id == "ukpga/1996/52"
    assert find_legislation("the Open Spaces Act 1906")[0].legislation_id is None


# --- any input -------------------------------------------------------------------------------
PIECES = st.sampled_from(
    [
        "Local Government Act 1974", "the Care Act 2014", "section 26(6)(a)", "sections 26B and 34D", " of the ",
        ", as amended", ", ", " and ", "(", ")", "Schedule 5/5A", "paragraph 1/3", "Part 7", "the Act", "the 1974 Act",
        "the Code", " (the Code)", "SEND Code of Practice", "Act", "Regulations", "1996", "s.", "(a)", "(3 and 4)",
        "- ", "/", "Housing Act", "Fostering Standard 29.2", "’", "\n", " ", "Mental Health Act 19",
    ]
)  # fmt: skip


@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join))
def test_spans_always_point_inside_the_text(text: str) -> None:
    cited = find_legislation(text)
    for one in cited:
        assert 0 <= one.start < one.end <= len(text)
        assert text[one.start : one.end] == one.text
        assert one.instrument
    assert [c.start for c in cited] == sorted(c.start for c in cited)


@pytest.mark.parametrize(
    "piece",
    ["Act ", "Aa Aa Aa Act ", "section 1, ", "section 1 and ", "(", "1(1)", "Schedule 5/", "section 1 of the Act ",
     "section 1 of the 1974 Act ", "Local Government Act 1974, section 1, ", "s1, 2, 3, 4 ", " ", "(a)",
     "Local Government Act 1974 (the Act) section 2 of the Act, ", "Code Code ", "sections 1(a and b)(c)"],
)  # fmt: skip
def test_long_pathological_strings_are_read(piece: str) -> None:
    text = piece * (200_000 // len(piece))
    cited = find_legislation(text)  # linear: no catastrophic backtracking (timed in benchmarks/)
    assert all(text[c.start : c.end] == c.text for c in cited)


@pytest.mark.parametrize(
    ("body", "instruments"),
    [
        (
            "The Council Tax (Administration and Enforcement) Regulations cover reminders.",
            ["Council Tax (Administration and Enforcement) Regulations"],
        ),
        ("Under section 9 of the Care Act the Council must assess needs.", ["Care Act"]),
        (
            "Under section 9 of the Care Act the Council must assess needs.\nThe Care Act 2014 also says it must plan.",
            ["Care Act 2014", "Care Act 2014"],
        ),
        ("The Ombudsman applies the Mental Health Act Code of Practice.", ["Mental Health Act 1983: Code of Practice"]),
    ],
)
def test_no_year_the_statement_does_not_print(body: str, instruments: list[str]) -> None:
    d = lgo.read_text(f"Kent County Council (23 008 522)\nWhat I found\n1. {body}")
    assert [c.instrument for c in extract_facts(d).legislation] == instruments
