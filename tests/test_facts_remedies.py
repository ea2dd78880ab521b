"""Remedies (and a few grounds and complainants) in more of the wordings statements use.

Made-up sentences in the published style, one group per phenomenon; each asserts the kinds found.
"""

from __future__ import annotations

import pytest

import lgo_decisions as lgo
from lgo_decisions.facts import Ground, Purpose, RemedyKind, extract_facts

A = RemedyKind.APOLOGY
P = RemedyKind.PAYMENT
F = RemedyKind.REFUND
R = RemedyKind.REASSESS
S = RemedyKind.SERVICE_IMPROVEMENT
X = RemedyKind.ACTION


def kinds(sentence: str) -> list[RemedyKind]:
    d = lgo.read_text(f"Kent County Council (23 008 522)\nSummary: We found fault causing injustice. {sentence}")
    return [r.kind for r in extract_facts(d).remedies]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Council has agreed to reconsider whether Mr X should have received the grant.", [R]),
        ("The Council will also review its decision on whether Mrs Y would have qualified for help.", [R]),
        ("The Council will remind its officers that they must not close a case without a visit.", [S]),
        ("The Council accepts it should have apologised sooner.", []),
        ("The Council should have reviewed its decision.", []),
        ("The Council will not pay Mr X the costs he claims.", []),
    ],
)
def test_a_counterfactual_inside_the_remedy_clause_does_not_veto_it(sentence: str, expected: list[RemedyKind]) -> None:
    assert kinds(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Council will review relevant procedures so officers check the file.", [S]),
        ("The Council has agreed to review policies and procedures on home visits.", [S]),
        ("The Council will apologise and take steps to prevent recurrence of the delay.", [A, S]),
        ("The Council will tell us what it will do to make sure in future its staff record calls.", [S]),
        ("The Council has agreed to write to other tenants who may have been affected.", [S]),
        ("The Council will contact others who were similarly affected.", [S]),
        ("The Council will write to all residents affected by the error.", [S]),
        ("The Council will write to Mr X to explain its decision.", [X]),
    ],
)
def test_future_practice_and_acts_for_others_are_service_improvements(
    sentence: str, expected: list[RemedyKind]
) -> None:
    assert kinds(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Council has agreed to revisit its decision on Mr X's application.", [R]),
        ("The Council will recalculate Mrs Y's care charges.", [R]),
        ("The Council has agreed to consider whether to waive the charge and refund Mr X.", [R]),
        ("The Council will reconsider his request for a larger property.", [R]),
        ("The Council has agreed to consider whether it should have assessed Mrs Y sooner.", [R]),
        ("The Council will assess Mr X's eligibility for a disabled facilities grant.", [R]),
        ("The Council will assess her council tax support entitlement and apologise.", [R, A]),
        ("The Council has agreed to offer Ms Z a carer's assessment.", [R]),
        ("The Council will consider the report and tell us what it will do.", [RemedyKind.REPORT_BACK]),
    ],
)
def test_re_deciding_in_more_words_is_reassess(sentence: str, expected: list[RemedyKind]) -> None:
    assert kinds(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Council has agreed to cancel the penalty charge notice.", [F]),
        ("The Council will withdraw the two PCNs and apologise to Mr X.", [F, A]),
        ("The Council has agreed to rescind the fine.", [F]),
        ("The Council will write off the overpayment and send evidence that it has cancelled the invoices.", [F, F]),
        ("The Council will send us evidence that it has trained its staff.", [RemedyKind.REPORT_BACK]),
        ("The Council will cancel the planned meeting.", [X]),
    ],
)
def test_cancelled_charges_are_refunds(sentence: str, expected: list[RemedyKind]) -> None:
    assert kinds(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Council has agreed a remedy including an apology and a payment for lost education.", [A, P]),
        ("The Council offered a remedy of an apology and £300 for her distress.", [A, P]),
        (
            "An apology, a payment to Ms Z, reminders to staff and a review of its procedures is a suitable remedy.",
            [A, P, S, S],
        ),
        ("Training for officers and a review of the policy are an appropriate remedy.", [S, S]),
        ("Recommendations for an individual remedy and service improvements are made.", [S]),
        ("We have made recommendations for an apology and a review of the decision.", [A, R]),
        ("An apology is not a suitable remedy for this fault.", []),
        ("We consider an apology and a payment of £200 would be an appropriate remedy.", [A, P]),
        ("Mr X says only £5,000 would be a suitable remedy.", []),
        ("A payment was made to Mr X in 2022.", []),
    ],
)
def test_remedies_named_as_nouns(sentence: str, expected: list[RemedyKind]) -> None:
    assert kinds(sentence) == expected


def test_a_remedy_list_judged_suitable_keeps_its_sum_and_was_given_by_the_body() -> None:
    d = lgo.read_text(
        "Kent County Council (23 008 522)\nSummary: We will not investigate Mr X's complaint. The Council's apology "
        "and its payment of £150 to Mr X are a suitable remedy."
    )
    got = [(r.kind, r.amount_pence, r.already_provided) for r in extract_facts(d).remedies]
    assert got == [(A, None, True), (P, 15000, True)]


def grounds(sentence: str) -> set[Ground]:
    d = lgo.read_text(
        f"Kent County Council (23 008 522)\nSummary: We will not investigate Mr X's complaint. {sentence}"
    )
    return {g.ground for g in extract_facts(d).grounds}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "There is not enough evidence of fault by the Council or of significant injustice to Mr X to justify it.",
            {Ground.INSUFFICIENT_EVIDENCE_OF_FAULT, Ground.INJUSTICE_NOT_SIGNIFICANT},
        ),
        (
            "There is insufficient evidence of maladministration to warrant an investigation.",
            {Ground.INSUFFICIENT_EVIDENCE_OF_FAULT},
        ),
        ("There is not enough evidence of harm to justify our involvement.", set()),
        (
            "The Council upheld her appeal, so we would not be likely to find any injustice to Mrs Y.",
            {Ground.INJUSTICE_NOT_SIGNIFICANT},
        ),
        ("The new assessment removes the potential for injustice to Mr X.", {Ground.INJUSTICE_NOT_SIGNIFICANT}),
        ("This is because we are unlikely to find fault.", {Ground.INSUFFICIENT_EVIDENCE_OF_FAULT}),
        (
            "There is no evidence of fault or of injustice to justify an investigation.",
            {Ground.INSUFFICIENT_EVIDENCE_OF_FAULT, Ground.INJUSTICE_NOT_SIGNIFICANT},
        ),
    ],
)
def test_grounds_in_more_wordings(sentence: str, expected: set[Ground]) -> None:
    assert grounds(sentence) == expected


@pytest.mark.parametrize(
    ("text", "complainant"),
    [
        ("Mr C is unhappy with the care home's increase in his relative, Mr D's, fees.", "Mr C"),
        ("Mrs Y is dissatisfied with how the Council handled her son B's transport.", "Mrs Y"),
        ("Ms Z disputes the charge. Mr Q complains the Council did not reply.", "Mr Q"),
        ("The care home said Mr D was unhappy there.", None),
    ],
)
def test_the_complainant_aggrieved_without_a_verb_of_complaining(text: str, complainant: str | None) -> None:
    d = lgo.read_text(f"Kent County Council (23 008 522)\nThe complaint\n1. {text}")
    assert extract_facts(d).people.complainant == complainant


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We recommend the Council provide an apology, explanation, payment and review its decision.", [A, X, P, R]),
        ("The Council will give Mr X an apology, a breakdown of the charges and £100.", [A, X, P]),
        ("The Council will apologise for the delay, frustration and confusion.", [A]),
    ],
)
def test_a_bare_noun_after_the_lists_verb_is_its_own_entry(sentence: str, expected: list[RemedyKind]) -> None:
    assert kinds(sentence) == expected


def test_a_purpose_opening_the_sentence_is_every_payments() -> None:
    d = lgo.read_text(
        "Kent County Council (23 008 522)\nSummary: We found fault causing injustice. To acknowledge the distress "
        "caused, the Council will apologise and make a payment to Mr X and to Mrs X."
    )
    got = [(r.kind, r.purpose) for r in extract_facts(d).remedies]
    assert got == [(A, None), (P, Purpose.DISTRESS)]
    d = lgo.read_text(
        "Kent County Council (23 008 522)\nSummary: We found fault causing injustice. To remedy the injustice, "
        "the Council will pay Mr X £100 for his time and trouble."
    )
    assert [r.purpose for r in extract_facts(d).remedies] == [Purpose.TIME_AND_TROUBLE]
