"""extract_facts on made-up statements in the published shapes: each extractor, provenance, quote()."""

from __future__ import annotations

import datetime as dt

import pytest

import lgo_decisions as lgo
from lgo_decisions.facts import (
    DecidedBy,
    Facts,
    Finding,
    Ground,
    Purpose,
    RemedyKind,
    block_text,
    extract_facts,
    quote,
)

HEAD = (
    "{body} ({ref})\nCategory : {cat}\nDecision : {decision}\nDecision date : 3 Mar 2025\n"
    "The Ombudsman's final decision:\n"
)

NOT_INVESTIGATED = (
    HEAD.format(
        body="Northshire County Council",
        ref="24 101 202",
        cat="Adult care services > Charging",
        decision="Closed after initial enquiries",
    )
    + """Summary: We will not investigate Mrs P's complaint about care charges for her father, Mr Q. This is \
because there is not enough evidence of fault and the Council has already apologised for the delay.
The complaint
1. Mrs P complains on behalf of her father, Mr Q, that the Council charged him too much for his care.
2. Mrs P wants the Council to refund £900 and apologise.
The Ombudsman's role and powers
3. We may decide not to investigate if we think the injustice is not significant enough to justify our \
involvement. (Local Government Act 1974, section 24A(6), as amended)
My assessment
4. In its complaint response the Council apologised for the delay and refunded £120 of the £900 Mrs P paid.
5. I will not investigate. There is not enough evidence of fault in how the Council worked out the charge.
6. If Mrs P disagrees with the charge itself, it would be reasonable for her to appeal to the tribunal.
Final decision
7. We will not investigate Mrs P's complaint because there is not enough evidence of fault.
Investigator's decision on behalf of the Ombudsman
"""
)

UPHELD = (
    HEAD.format(body="Westmere Borough Council", ref="23 004 567", cat="Housing > Homelessness", decision="Upheld")
    + """Summary: Ms T complained the Council delayed deciding her homelessness application. We found fault \
causing injustice. The Council has agreed to apologise, pay Ms T £1,350.50 to acknowledge her distress and \
uncertainty, and remind its officers of the statutory timescales.
The complaint
1. Ms T complained the Council took eight months to decide her application. She wants £5,000.
Agreed action
2. Within four weeks of my final decision, the Council will:
   a) apologise to Ms T;
   b) pay Ms T £1,350.50 for her distress; and
   c) review its decision on her application.
3. Within three months the Council will send us evidence it has trained its housing officers.
Ombudsman satisfied with council's response: 12 September 2024
"""
)


@pytest.fixture(scope="module")
def declined() -> lgo.Decision:
    return lgo.read_text(NOT_INVESTIGATED)


@pytest.fixture(scope="module")
def upheld() -> lgo.Decision:
    return lgo.read_text(UPHELD)


def test_people_complainant_and_on_whose_behalf(declined: lgo.Decision) -> None:
    people = extract_facts(declined).people
    assert set(people.labels) == {"Mrs P", "Mr Q"}
    assert (people.complainant, people.on_behalf_of) == ("Mrs P", "Mr Q")


@pytest.mark.parametrize(
    ("sentence", "labels", "complainant"),
    [
        ("Mr and Mrs V complain the Council did not repair their road.", ("Mr V", "Mrs V"), "Mr and Mrs V"),
        ("The complainant, whom I shall call Dr W, says the Council lost her son K's file.", ("Dr W", "K"), "Dr W"),
        ("Miss R complained about her daughter, S, and the school's transport.", ("Miss R", "S"), "Miss R"),
        ("The complainant says the Council ignored her letters.", ("the complainant",), "the complainant"),
    ],
)
def test_people_forms(sentence: str, labels: tuple[str, ...], complainant: str) -> None:
    d = lgo.read_text(f"Kent County Council (23 008 522)\nThe complaint\n1. {sentence}")
    people = extract_facts(d).people
    assert people.labels == labels
    assert people.complainant == complainant


def test_not_investigated_grounds_and_their_sentences(declined: lgo.Decision) -> None:
    facts = extract_facts(declined)
    assert facts.finding is Finding.NOT_INVESTIGATED
    grounds = {g.ground for g in facts.grounds}
    assert Ground.INSUFFICIENT_EVIDENCE_OF_FAULT in grounds
    assert Ground.BODY_HAS_REMEDIED in grounds
    assert Ground.RIGHT_OF_APPEAL_OR_LEGAL_REMEDY in grounds
    # the role-and-powers test ("we may decide not to investigate if ...") is not a ground applied
    assert Ground.INJUSTICE_NOT_SIGNIFICANT not in grounds
    for g in facts.grounds:
        assert g.text in quote(declined, g)


@pytest.mark.parametrize(
    ("sentence", "ground", "body"),
    [
        (
            "The Information Commissioner's Office is better placed to consider this.",
            Ground.OTHER_BODY_BETTER_PLACED,
            "Information Commissioner's Office",
        ),
        ("This is because the complaint is late and there are no good reasons to consider it now.", Ground.LATE, None),
        ("This is because we could not add to the Council's own investigation.", Ground.COULD_NOT_ADD, None),
        (
            "This is because it is unlikely an investigation would lead to a different outcome.",
            Ground.CANNOT_ACHIEVE_OUTCOME,
            None,
        ),
        ("This is because Mr X has not suffered a significant injustice.", Ground.INJUSTICE_NOT_SIGNIFICANT, None),
        (
            "This is because the complaint concerns the Council's actions as a social housing landlord.",
            Ground.OUTSIDE_JURISDICTION,
            None,
        ),
        ("Mr X has not yet completed the Council's complaints procedure.", Ground.PREMATURE, None),
        ("Mr X complained to us more than 12 months after he knew of the matter.", Ground.LATE, None),
        ("The Council has offered a suitable remedy.", Ground.BODY_HAS_REMEDIED, None),
        (
            "The First-tier Tribunal is the appropriate body to decide this.",
            Ground.OTHER_BODY_BETTER_PLACED,
            "a tribunal",
        ),
        ("The complaint is about the Council's actions as an employer.", Ground.OUTSIDE_JURISDICTION, None),
    ],
)
def test_ground_phrases(sentence: str, ground: Ground, body: str | None) -> None:
    d = lgo.read_text(
        f"Kent County Council (23 008 522)\nSummary: We will not investigate Mr X's complaint. {sentence}"
    )
    found = {g.ground: g for g in extract_facts(d).grounds}
    assert ground in found
    assert found[ground].body == body


def test_remedies_already_provided_before_the_ombudsman(declined: lgo.Decision) -> None:
    remedies = extract_facts(declined).remedies
    kinds = [(r.kind, r.amount_pence) for r in remedies]
    assert (RemedyKind.APOLOGY, None) in kinds
    assert (RemedyKind.REFUND, 12000) in kinds  # not the £900 paid, nor the £900 Mrs P wants
    assert all(r.already_provided for r in remedies)
    assert all(r.span.section >= 0 or r.span.section == -1 for r in remedies)


def test_remedies_agreed_once_each_with_pence_purpose_and_deadline(upheld: lgo.Decision) -> None:
    facts = extract_facts(upheld)
    assert facts.finding is Finding.FAULT_CAUSING_INJUSTICE
    kinds = [r.kind for r in facts.remedies]
    assert kinds.count(RemedyKind.APOLOGY) == 1  # the summary and the agreed action say it twice
    [payment] = [r for r in facts.remedies if r.kind is RemedyKind.PAYMENT]
    assert payment.amount_pence == 135050  # not the £5,000 Ms T wants
    assert payment.purpose is Purpose.DISTRESS
    assert payment.deadline_days == 28  # from the agreed action's lead-in
    assert RemedyKind.REASSESS in kinds
    assert RemedyKind.SERVICE_IMPROVEMENT in kinds
    [reported] = [r for r in facts.remedies if r.kind is RemedyKind.REPORT_BACK]
    assert reported.deadline_days == 90
    assert not any(r.already_provided for r in facts.remedies)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Council has agreed to pay Mr X £200 and Mrs X £150 for their time and trouble.",
            [
                (RemedyKind.PAYMENT, 20000, Purpose.TIME_AND_TROUBLE),
                (RemedyKind.PAYMENT, 15000, Purpose.TIME_AND_TROUBLE),
            ],
        ),
        (
            "The Council will waive £75 of the care charges and reconsider Mr X's assessment.",
            [(RemedyKind.REFUND, 7500, None), (RemedyKind.REASSESS, None, None)],
        ),
        (
            "The Council should, within one month, apologise and make a symbolic payment to Mr X.",
            [(RemedyKind.APOLOGY, None, None), (RemedyKind.PAYMENT, None, None)],
        ),
        ("There was no fault in the sum it refunded to Mr X.", [(RemedyKind.REFUND, None, None)]),
        ("The Council agreed to my recommendation to pay Mr X £250.", [(RemedyKind.PAYMENT, 25000, None)]),
        (
            "The Council has agreed to provide Mr X with a written apology and pay him £400.",
            [(RemedyKind.APOLOGY, None, None), (RemedyKind.PAYMENT, 40000, None)],
        ),
        (
            "The Council has agreed to, within one month: apologise to Mr X; and review its procedures.",
            [(RemedyKind.APOLOGY, None, None), (RemedyKind.SERVICE_IMPROVEMENT, None, None)],
        ),
        (
            "The Council has since paid Mr X £90 for his trouble.",
            [(RemedyKind.PAYMENT, 9000, Purpose.TIME_AND_TROUBLE)],
        ),
        ("Mr X paid £160 to the Council.", []),
        (
            "We recommend the Council reminds its staff to record visits and amends Mr X's records.",
            [(RemedyKind.SERVICE_IMPROVEMENT, None, None), (RemedyKind.ACTION, None, None)],
        ),
    ],
)
def test_remedy_clauses(sentence: str, expected: list[tuple[RemedyKind, int | None, Purpose | None]]) -> None:
    d = lgo.read_text(f"Kent County Council (23 008 522)\nSummary: We found fault causing injustice. {sentence}")
    got = [(r.kind, r.amount_pence, r.purpose) for r in extract_facts(d).remedies]
    assert got == expected


def test_the_law_and_wishes_are_not_remedies() -> None:
    d = lgo.read_text(
        "Kent County Council (23 008 522)\nSummary: We will not investigate Mr X's complaint.\nMy assessment\n"
        "1. Councils must assess a carer who asks. Mr X wants the Council to pay him £500.\n"
        "2. There is not enough evidence of fault."
    )
    assert extract_facts(d).remedies == ()


@pytest.mark.parametrize(
    ("summary", "finding"),
    [
        ("We found no fault in how the Council dealt with Mr X's application.", Finding.NO_FAULT),
        ("The Council was at fault, but this did not cause Mr X an injustice.", Finding.FAULT_NO_INJUSTICE),
        ("I have discontinued my investigation because Mr X has moved away.", Finding.DISCONTINUED),
        ("There was fault by the Council which caused Mr X distress.", Finding.FAULT_CAUSING_INJUSTICE),
        ("Mr X complained about the Council's handling of his planning objection.", Finding.UNCLEAR),
        ("We do not find the Council was at fault in how it assessed Ms Y.", Finding.NO_FAULT),
        ("We have stopped investigating because the matter is now in court.", Finding.DISCONTINUED),
        ("We will not start an investigation into Mr X's complaint.", Finding.NOT_INVESTIGATED),
    ],
)
def test_finding(summary: str, finding: Finding) -> None:
    d = lgo.read_text(f"Kent County Council (23 008 522)\nSummary: {summary}")
    assert extract_facts(d).finding is finding


def test_compliance_and_decided_by(upheld: lgo.Decision, declined: lgo.Decision) -> None:
    complied = extract_facts(upheld).compliance
    assert complied is not None
    assert complied.satisfied
    assert complied.date == dt.date(2024, 9, 12)
    assert quote(upheld, complied).startswith("Ombudsman satisfied")
    assert extract_facts(declined).compliance is None
    assert extract_facts(declined).decided_by is DecidedBy.INVESTIGATOR
    assert extract_facts(upheld).decided_by is None


def test_spans_name_the_block_and_paragraph(declined: lgo.Decision) -> None:
    facts = extract_facts(declined)
    [cited] = facts.legislation
    assert cited.span.paragraph == 3
    text = block_text(declined, cited.span.section, cited.span.block)
    assert text[cited.span.start : cited.span.end] == cited.text
    for fact in facts.facts():
        assert fact.text.strip(" .;,:") in quote(declined, fact)


def test_quote_refuses_a_span_outside_the_decision(declined: lgo.Decision) -> None:
    fact = extract_facts(declined).grounds[0]
    with pytest.raises(IndexError):
        quote(declined, fact.span.__class__(section=99, block=0))


def test_nothing_shown_nothing_guessed() -> None:
    facts = extract_facts(lgo.read_text("Kent County Council (23 008 522)\nDecision : Upheld"))
    assert facts == Facts(finding=Finding.UNCLEAR)


def test_a_child_named_in_brackets() -> None:
    d = lgo.read_text(
        "Kent County Council (23 008 522)\nThe complaint\n"
        "1. Mrs A complains about transport for her daughter (whom I shall refer to as B).\n"
        "2. The Council should:\nb) apologise to Mrs A."
    )
    assert extract_facts(d).people.labels == ("Mrs A", "B")


@pytest.mark.parametrize(
    ("decision", "finding"),
    [("Closed after initial enquiries", Finding.NOT_INVESTIGATED), ("Investigation discontinued", Finding.DISCONTINUED),
     ("Upheld", Finding.UNCLEAR)],
)  # fmt: skip
def test_an_outcome_that_names_the_finding_decides_only_when_the_text_does_not(decision: str, finding: Finding) -> None:
    silent = lgo.read_text(f"Kent County Council (23 008 522)\nDecision : {decision}\nSummary: Mr X complained.")
    assert extract_facts(silent).finding is finding
    said = lgo.read_text(f"Kent County Council (23 008 522)\nDecision : {decision}\nSummary: We found no fault.")
    assert extract_facts(said).finding is Finding.NO_FAULT


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("Investigator's decision on behalf of the Ombudsman", DecidedBy.INVESTIGATOR),
        ("Investigator's decision on behalf of the Ombudsmen", DecidedBy.INVESTIGATOR),
        ("Assistant Ombudsman's decision", DecidedBy.ASSISTANT_OMBUDSMAN),
        ("Deputy Ombudsman's decision", DecidedBy.DEPUTY_OMBUDSMAN),
        ("Ombudsman's decision", DecidedBy.OMBUDSMAN),
        ("The Ombudsmen's decision", DecidedBy.OMBUDSMAN),
    ],
)
def test_decided_by_each_closing_line(line: str, who: DecidedBy) -> None:
    d = lgo.read_text(f"Kent County Council (23 008 522)\nFinal decision\n1. We found no fault.\n{line}")
    assert extract_facts(d).decided_by is who
