"""Made-up statement language in the published style (not copied text) for the strategies, and
:func:`texts`. Internal to :mod:`lgo_decisions.testing`; :mod:`lgo_decisions.testing.strategies`
re-exports what is public.
"""

from __future__ import annotations

from hypothesis import strategies as st

# -- vocabularies (made-up statement language in the published style, not copied text) ---------

OPENERS = (
    "The Council",
    "Mr X",
    "Mrs Y",
    "Ms Z",
    "The complainant",
    "The care provider",
    "We",
    "I",
    "The Ombudsman",
    "Her daughter",
    "The school",
    "The Trust",
    "His representative",
    "In 2021, the Council",
)
VERBS = (
    "says",
    "complains that",
    "told us",
    "accepts that",
    "agreed",
    "did not explain why",
    "wrote to",
    "considered whether",
    "failed to consider",
    "has now offered",
    "decided",
    "should have told",
)
OBJECTS = (
    "the assessment",
    "its decision",
    "the care plan",
    "the ‘fault’",
    "a remedy of £150",
    "£1,250",
    "the school transport policy",
    "the Information Commissioner’s Office",
    "her mother’s care",
    "the “best interests” decision",
    "the period 2019–2021",
    "the refund of £3,400.50",
    "the Local Government Act 1974, section 26(6)(a)",
    "Mr X’s housing application",
    "the draft decision",
    "an apology",
    "the charging policy",
    "its complaints procedure",
    "the Education, Health and Care plan",
    "the 12-week deadline",
    "section 24A(6) – as amended",
)
TAILS = (
    "",
    " in 2020",
    " without delay",
    " (as amended)",
    " within four weeks",
    " – which was fault",
    " and this caused injustice",
    ", which it has now done",
    " on 3 March 2022",
    " by about £200",
)
BULLET_ITEMS = (
    "the injustice is not significant enough to justify the cost of our involvement, or",
    "it is unlikely we could add to any previous investigation by the Council, or",
    "we cannot achieve the outcome someone wants, or",
    "there is another body better placed to consider this complaint",
    "apologise to Mrs Y for the distress caused;",
    "pay Mr X £300 for the uncertainty and frustration;",
    "review its procedures – and tell us what it has changed.",
    "Mr X’s daughter, who I refer to as “Y”;",
    "the Council’s “duty to assess”",
    "1. a numbered-looking bullet stays a bullet",
    "- a dashed bullet item",
)
MAIN_HEADINGS = (
    "The complaint",
    "The Ombudsman’s role and powers",
    "The Ombudsman's role and powers",
    "How I considered this complaint",
    "What I found",
    "My assessment",
    "What I have investigated",
    "Agreed action",
    "Final decision",
    "Parts of the complaint that I did not investigate",
    "Conclusions",
    "Recommendations",
)
"""Top-level headings of published statements, as published (both apostrophes)."""
SUB_HEADINGS = (
    "Analysis",
    "Background",
    "What happened",
    "Law and guidance",
    "Relevant law and guidance",
    "Legal and administrative background",
    "Findings",
    "Conclusion",
)
"""Sub-headings seen under "What I found" and "My assessment" (also known headings)."""
HEADING_WORDS = (
    "Care",
    "planning",
    "Council",
    "tax",
    "Home",
    "to",
    "school",
    "transport",
    "Direct",
    "payments",
    "Charging",
    "for",
    "residential",
    "care",
    "The",
    "refund",
    "Delay",
    "in",
    "assessment",
    "Injustice",
    "Remedy",
    "2019–2021",
    "Children’s",
    "services",
    "Fees",
    "of",
    "£250",
)
ORGANISATIONS = (
    "Leicestershire County Council",
    "Leeds City Council",
    "Kingston upon Hull City Council",
    "Brighton & Hove City Council",
    "London Borough of Tower Hamlets",
    "Sandwell Children’s Trust",
    "St Helens Metropolitan Borough Council",
    "Care UK Community Partnerships Ltd",
    "NHS Norfolk and Waveney ICB",
    "Environment Agency",
    "Greater Manchester Combined Authority",
    "Anchor Hanover Group",
    "Cumbria County Council (now Westmorland and Furness Council)",
    "Hartlepool Borough Council",
    "Bracknell Forest Council",
    "Royal Borough of Windsor and Maidenhead",
)
OUTCOME_LABELS = (
    "Upheld",
    "Not upheld",
    "Closed after initial enquiries",
    "Upheld: maladministration and injustice",
    "Not upheld: no maladministration",
    "Premature",
    "Investigation discontinued",
    "Outside jurisdiction",
    "Closed after initial enquiries – out of jurisdiction",
    "Withdrawn",
    "Advice given",
    "Referred back for local resolution",
    "No further action",
    "Report issued",
)
CLOSING_LINES = (
    "Investigator's decision on behalf of the Ombudsman",
    "Investigator’s decision on behalf of the Ombudsman",
    "Assistant Ombudsman's decision",
    "Deputy Ombudsman's decision",
    "Ombudsman's decision",
    "Assessment Team Leader's decision on behalf of the Ombudsman",
    "Investigator's decision on behalf of the Ombudsmen",
)
"""Closing lines naming who decided, in the forms the text reader recognises."""


def _sentence(draw: st.DrawFn) -> str:
    words = [draw(st.sampled_from(OPENERS)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(OBJECTS))]
    return " ".join(words) + draw(st.sampled_from(TAILS)) + draw(st.sampled_from((".", ".", ".", "?", ".”")))


@st.composite
def _readable_text(draw: st.DrawFn, max_sentences: int) -> str:
    n = draw(st.integers(min_value=1, max_value=max_sentences))
    return " ".join(_sentence(draw) for _ in range(n))


def texts(*, readable: bool = True, max_sentences: int = 4, long: bool = False) -> st.SearchStrategy[str]:
    """Statement text: sentences in the published style, or (``readable=False``) any text at all.

    Readable texts are one line, stripped, begin with a capital and end with punctuation, so
    that a text layout reads them back as paragraphs; they carry curly quotes, en dashes, the
    pound sign and section references. ``long=True`` allows texts of twenty sentences or more.

    >>> from hypothesis import find
    >>> find(texts(), lambda t: "£" in t).count("£") >= 1
    True
    """
    if not readable:
        return st.text(max_size=2000 if long else 200)
    return _readable_text(max(max_sentences, 25) if long else max_sentences)
