"""The words the facts extractors look for, as data: one home for each vocabulary.

Adding a phrase is a one-line change here; ``tests/test_facts_words.py`` checks each table's shape.
Patterns are matched case-insensitively against one sentence (or list item) at a time.
"""

from __future__ import annotations

from ._models import DecidedBy, Ground, Purpose, RemedyKind

__all__ = [
    "ACTION_NOUNS",
    "ACTION_VERBS",
    "BEYOND_THE_COMPLAINANT",
    "BODIES",
    "DECIDED_BY",
    "GROUND_PHRASES",
    "GROUND_WORDS",
    "NUMBER_WORDS",
    "PERSON_TITLES",
    "PURPOSE_WORDS",
    "REMEDY_VERBS",
    "UNIT_DAYS",
]

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "twenty-one": 21, "twenty-eight": 28, "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip
"""Number words in deadlines (``within four weeks``)."""

UNIT_DAYS: dict[str, float] = {"day": 1, "working day": 7 / 5, "week": 7, "month": 30, "year": 365}
"""Days in each unit of a deadline (20 working days is 28 days)."""

PERSON_TITLES: tuple[str, ...] = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mx")
"""The titles before a person's letter (``Mr X``)."""

DECIDED_BY: tuple[tuple[str, DecidedBy], ...] = (
    (r"\binvestigator", DecidedBy.INVESTIGATOR),
    (r"\bassistant\s+ombudsm[ae]n", DecidedBy.ASSISTANT_OMBUDSMAN),
    (r"\bdeputy\s+ombudsm[ae]n", DecidedBy.DEPUTY_OMBUDSMAN),
    (
        r"^\W*(?:the\s+)?(?:local\s+government\s+(?:and\s+social\s+care\s+)?)?ombudsm[ae]n[’']?s?\s+decision",
        DecidedBy.OMBUDSMAN,
    ),
)
"""Who signed, by the words of the closing line (first match wins)."""

BODIES: tuple[tuple[str, str], ...] = (
    (r"Information\s+Commissioner|\bICO\b", "Information Commissioner's Office"),
    (r"Housing\s+Ombudsman", "Housing Ombudsman"),
    (r"Parliamentary\s+and\s+Health\s+Service\s+Ombudsman|\bPHSO\b", "Parliamentary and Health Service Ombudsman"),
    (r"\bOfsted\b", "Ofsted"),
    (r"\bpolice\b", "the police"),
    (r"Care\s+Quality\s+Commission|\bCQC\b", "Care Quality Commission"),
    (r"Financial\s+Ombudsman", "Financial Ombudsman Service"),
    (r"Pensions\s+Ombudsman", "Pensions Ombudsman"),
    (r"Department\s+for\s+Education|\bDfE\b|Education\s+and\s+Skills\s+Funding\s+Agency", "Department for Education"),
    (r"\bcourts?\b", "a court"),
    (r"\btribunal\b", "a tribunal"),
)
"""Bodies another body may be better placed than the Ombudsman (pattern, name as the scheme writes it)."""

_NOT = r"(?:not|n[’']t|no|never)"
_WOULD = r"(?:would|could|will|can|is\s+unlikely\s+to|are\s+unlikely\s+to|unlikely\s+to|cannot|can[’']t|may)"

GROUND_PHRASES: tuple[tuple[str, Ground], ...] = (
    (
        rf"\b{_NOT}\s+(?:been\s+)?(?:caused?|suffered|cause)\b[^.;]{{0,40}}?\b(?:significant|sufficient|enough)\b[^.;]{{0,20}}\binjustice",
        Ground.INJUSTICE_NOT_SIGNIFICANT,
    ),
    (
        r"\binjustice\b[^.;]{0,60}\b(?:is|was|are|were)\s+not\s+(?:sufficiently\s+|so\s+)?(?:significant|serious|sufficient)",
        Ground.INJUSTICE_NOT_SIGNIFICANT,
    ),
    (
        r"\b(?:no|insufficient|little)\s+(?:significant\s+)?(?:personal\s+)?injustice\b",
        Ground.INJUSTICE_NOT_SIGNIFICANT,
    ),
    (r"\bnot\s+(?:significant|serious)\s+enough\s+to\s+(?:justify|warrant)", Ground.INJUSTICE_NOT_SIGNIFICANT),
    (
        r"\b(?:not|n[’']t)\b[^.;]{0,60}\b(?:significant|sufficient|enough)\s+(?:personal\s+)?injustice\s+to\s+(?:warrant|justify)",
        Ground.INJUSTICE_NOT_SIGNIFICANT,
    ),
    (
        r"\b(?:insufficient|not\s+enough|no|little)\s+(?:evidence|signs?|indication)\s+of\s+(?:any\s+)?fault",
        Ground.INSUFFICIENT_EVIDENCE_OF_FAULT,
    ),
    (
        r"\bunlikely\s+(?:to|that\s+we\s+would|we\s+would)\s+find\s+(?:any\s+)?fault",
        Ground.INSUFFICIENT_EVIDENCE_OF_FAULT,
    ),
    (
        r"\b(?:insufficient|not\s+enough|no|little)\s+evidence\s+of\s+(?!(?:significant\s+|personal\s+)?(?:injustice|harm|loss|impact)\b)"
        r"\w+\s+to\s+(?:justify|warrant)\b",
        Ground.INSUFFICIENT_EVIDENCE_OF_FAULT,
    ),
    (
        r"\b(?:insufficient|not\s+enough|no|little)\s+evidence\s+of\s+[^.;]{0,80}?\bor\s+(?:of\s+)?(?:any\s+|an?\s+)?"
        r"(?:(?:significant|sufficient|serious)\s+)?(?:personal\s+)?injustice",
        Ground.INJUSTICE_NOT_SIGNIFICANT,
    ),
    (
        r"\b(?:unlikely|not|(?:not|no\s+longer)\s+(?:be\s+)?likely)\s+to\s+find\s+(?!(?:any\s+)?fault)[^.;]{0,50}?\binjustice"
        r"|\bremov\w*\s+(?:the|any)\s+(?:potential|possibility|likelihood)\s+(?:for|of)\s+(?:\w+\s+)?injustice",
        Ground.INJUSTICE_NOT_SIGNIFICANT,
    ),
    (
        rf"\b{_WOULD}\s+(?:\w+\s+)?{_NOT}?\s*(?:be\s+able\s+to\s+)?add\s+(?:anything\s+)?(?:significant(?:ly)?\s+|much\s+|more\s+)?(?:to|further)\b",
        Ground.COULD_NOT_ADD,
    ),
    (r"\b(?:cannot|could\s+not|can[’']t|unlikely\s+to)\s+add\b", Ground.COULD_NOT_ADD),
    (
        r"\b(?:has|have)\s+(?:already\s+)?(?:considered|investigated)\s+(?:\w+[’']?s?\s+){0,3}complaints?\b",
        Ground.COULD_NOT_ADD,
    ),
    (
        rf"\b{_WOULD}\s+(?:\w+\s+)?{_NOT}?\s*(?:lead|result)\s+(?:to|in)\s+(?:a\s+|any\s+)?(?:different|worthwhile|significant(?:ly)?|meaningful|further)\b",
        Ground.CANNOT_ACHIEVE_OUTCOME,
    ),
    (
        rf"\b{_WOULD}\s+(?:\w+\s+)?{_NOT}?\s*(?:achieve|provide|get)\s+(?:anything|any|a\s+(?:different|worthwhile|significant)|the\s+outcome|significantly\s+more|more|much|any\s+other)",
        Ground.CANNOT_ACHIEVE_OUTCOME,
    ),
    (r"\bachieve\s+(?:significantly\s+|any(?:thing)?\s+)?more\s+than\b", Ground.CANNOT_ACHIEVE_OUTCOME),
    (r"\b(?:cannot|could\s+not|unlikely\s+to)\s+achieve\b", Ground.CANNOT_ACHIEVE_OUTCOME),
    (r"\bno\s+(?:worthwhile|useful|significant|different)\s+outcome", Ground.CANNOT_ACHIEVE_OUTCOME),
    (
        r"\balready\s+(?:taken|provided|offered|given)\s+(?:a\s+)?(?:satisfactory|suitable|appropriate|reasonable|sufficient|proportionate|adequate)",
        Ground.BODY_HAS_REMEDIED,
    ),
    (
        r"\b(?:problem|matter|issue)s?\s+(?:has|have)\s+(?:now\s+|since\s+)?been\s+(?:resolved|remedied|put\s+right)",
        Ground.BODY_HAS_REMEDIED,
    ),
    (
        r"\b(?:apolog\w+|remedy|offer|action|payment|reminder|agreement)\b[^.;]{0,80}\b(?:is|was|are|were|be|been|seems?|remains?)\s+"
        r"(?:a\s+|an\s+)?(?:reasonable|suitable|appropriate|sufficient|proportionate|adequate|enough)\b|\breasonable\s+and\s+proportionate\b",
        Ground.BODY_HAS_REMEDIED,
    ),
    (r"\b(?:has|have)\s+(?:already\s+)?(?:remedied|put\s+right|resolved)\b", Ground.BODY_HAS_REMEDIED),
    (
        r"\b(?:has|have)\s+(?:already\s+)?(?:offered|provided|given|agreed)\s+(?:a\s+|an\s+)?"
        r"(?:suitable|appropriate|reasonable|proportionate|sufficient|adequate|satisfactory)\s+(?:remedy|apology|response|outcome)",
        Ground.BODY_HAS_REMEDIED,
    ),
    (
        r"\b(?:has|have)\s+(?:now\s+|already\s+|since\s+){1,3}(?:apologised|refunded|cancelled|withdrawn|waived|reversed)\b"
        r"|\b(?:has|have)\s+received\s+an\s+apology",
        Ground.BODY_HAS_REMEDIED,
    ),
    (
        r"\bbetter\s+placed\b|\bbest\s+(?:placed|considered|dealt\s+with|decided)\b|\bbetter\s+able\s+to\b",
        Ground.OTHER_BODY_BETTER_PLACED,
    ),
    (r"\brecourse\s+is\s+to\b", Ground.OTHER_BODY_BETTER_PLACED),
    (
        r"\b(?:is|are)\s+the\s+(?:appropriate|right|proper)\s+(?:body|place|route|forum)\b",
        Ground.OTHER_BODY_BETTER_PLACED,
    ),
    (
        r"\b(?:need|needs|have|has)\s+to\s+be\s+(?:considered|decided|dealt\s+with|resolved)\s+(?:in|by)\s+(?:a\s+|the\s+)?courts?\b"
        r"|\b(?:a\s+|the\s+)?courts?\s+(?:would|will)\s+(?:need|have)\s+to\s+(?:decide|consider|determine)",
        Ground.OTHER_BODY_BETTER_PLACED,
    ),
    (
        r"\breasonable\s+(?:for\s+\w+(?:\s+\w)?\s+)?to\s+(?:raise|refer|take)\b[^.;]{0,60}\b(?:Information\s+Commissioner|ICO|Ombudsman|Ofsted|police|Commission)",
        Ground.OTHER_BODY_BETTER_PLACED,
    ),
    (
        r"\b(?:has|had|have|used|using|use|exercised|there\s+(?:is|was|were))\s+(?:a|an|the|his|her|their)?\s*(?:statutory\s+)?"
        r"right\s+(?:of|to)\s+(?:appeal|review)|\bappeal\s+rights\b",
        Ground.RIGHT_OF_APPEAL_OR_LEGAL_REMEDY,
    ),
    (
        r"\bcould\s+have\s+(?:done\s+so|challenged\s+\w+|gone|applied)\s+(?:\w+\s+){0,3}(?:in|to|through)\s+(?:the\s+)?(?:courts?|tribunal)"
        r"|\bcan\s+(?:take|pursue)\s+(?:the\s+matter|this|it|a\s+claim|(?:his|her|their)\s+claim)\s+(?:to|through|in)\s+(?:the\s+)?"
        r"(?:courts?|tribunal)|\breasonable\s+to\s+expect\s+(?:him|her|them|\w+\s+\w)\s+to\b",
        Ground.RIGHT_OF_APPEAL_OR_LEGAL_REMEDY,
    ),
    (
        r"\breasonable\s+(?:for\s+\w+(?:\s+\w)?\s+)?to\s+(?:have\s+)?(?:ask|use|appeal|pursue|go|apply|request|seek|make|challenge|take\s+(?:legal|court|the\s+matter\s+to\s+court))",
        Ground.RIGHT_OF_APPEAL_OR_LEGAL_REMEDY,
    ),
    (
        r"\b(?:could|can|should)\s+(?:have\s+)?appeal(?:ed)?\b|\b(?:appealed|appealing)\s+to\b",
        Ground.RIGHT_OF_APPEAL_OR_LEGAL_REMEDY,
    ),
    (
        r"\b(?:is|was|are|were|has\s+been|have\s+been)\s+(?:the\s+subject\s+of|part\s+of|before)\s+(?:the\s+)?(?:court|legal)\s+proceedings",
        Ground.COURT_PROCEEDINGS,
    ),
    (
        r"\b(?:considered|decided|dealt\s+with)\s+(?:by|in)\s+(?:the\s+)?(?:family\s+)?court\s+proceedings",
        Ground.COURT_PROCEEDINGS,
    ),
    (
        r"\b(?:is|are|was|were|made)\s+(?:also\s+|too\s+)?late\b|\blate\s+complaint|\bcomplain(?:ed|t)?\s+(?:too\s+)?late\b|\bmore\s+than\s+(?:12|twelve)\s+months",
        Ground.LATE,
    ),
    (
        r"\bnot\s+(?:yet\s+)?(?:completed|finished|been\s+through|used|exhausted)\s+(?:the\s+\w+[’']?s?\s+)?complaints?\s+"
        r"(?:procedure|process)|\b(?:complaints?|it|this)\s+(?:is|was|are|were)\s+(?:also\s+)?premature|\bpremature\s+complaints?|\bcomplaints?\s+procedure\b[^.;]{0,40}\b(?:not|first|yet)\b|\bnot\s+(?:yet\s+)?had\s+(?:the\s+|an\s+)?(?:chance|opportunity)\s+to\s+(?:respond|consider)",
        Ground.PREMATURE,
    ),
    (
        r"\boutside\s+(?:our|the\s+Ombudsman[’']?s|my)\s+(?:jurisdiction|remit)|\bno\s+(?:legal\s+)?(?:power|jurisdiction)s?\s+to\s+investigate",
        Ground.OUTSIDE_JURISDICTION,
    ),
    (
        r"\bas\s+(?:a\s+)?(?:social\s+housing\s+)?landlord\b|\binternal\s+(?:management|affairs)\s+of\s+(?:a|the)\s+school|\bpersonnel\s+matters|\bwhat\s+happens\s+in\s+(?:state\s+)?schools\b|\bas\s+an?\s+employer\b|\bemployment\s+matters\b|\bcommercial\s+(?:or\s+contractual\s+)?(?:matters|dealings|transactions)",
        Ground.OUTSIDE_JURISDICTION,
    ),
    (
        r"\bnot\s+revisit\b|\brepeat\s+complaints?\b|\balready\s+(?:considered|decided)\s+(?:by\s+us|by\s+the\s+Ombudsman)|\bpreviously\s+(?:considered|investigated|decided)\b",
        Ground.OTHER,
    ),
)
"""Sentences giving a reason not to investigate, by ground (every match counts; one ground per pattern)."""

GROUND_WORDS: dict[Ground, tuple[str, ...]] = {
    Ground.INJUSTICE_NOT_SIGNIFICANT: ("injustice", "significant", "serious"),
    Ground.INSUFFICIENT_EVIDENCE_OF_FAULT: ("fault", "evidence"),
    Ground.COULD_NOT_ADD: ("add", "considered", "investigated"),
    Ground.CANNOT_ACHIEVE_OUTCOME: ("lead", "result", "achiev", "outcome", "provid", "get"),
    Ground.BODY_HAS_REMEDIED: (
        "already", "resolved", "remedied", "put right", "reasonable", "suitable", "appropriate", "sufficient",
        "proportionate", "adequate", "enough", "apolog", "refunded", "cancelled", "withdrawn", "waived", "reversed",
    ),
    Ground.OTHER_BODY_BETTER_PLACED: (
        "better", "best", "recourse", "court", "reasonable", "appropriate", "right", "proper",
    ),
    Ground.RIGHT_OF_APPEAL_OR_LEGAL_REMEDY: ("appeal", "review", "court", "tribunal", "reasonable"),
    Ground.COURT_PROCEEDINGS: ("proceedings",),
    Ground.LATE: ("late", "months"),
    Ground.PREMATURE: ("premature", "procedure", "process", "chance", "opportunity"),
    Ground.OUTSIDE_JURISDICTION: (
        "jurisdiction", "remit", "power", "landlord", "school", "personnel", "commercial", "employ",
    ),
    Ground.OTHER: ("revisit", "repeat", "already", "previously"),
}  # fmt: skip
"""For each ground, words (lower case) one of which each of its phrases holds: a sentence with none is not searched."""

REMEDY_VERBS: tuple[tuple[str, RemedyKind], ...] = (
    (r"apologi[sz]\w*|apology|apologies", RemedyKind.APOLOGY),
    (
        # "provide evidence that it has cancelled ...": typed by what it has done (evidence sent to us is report_back)
        r"(?:(?:provid|send|giv)\w*\s+evidence\s+(?:that\s+)?(?:it|the\s+\w+)\s+(?:has|have)\s+)?"
        r"(?:refund\w*|reimburs\w*|repay\w*|waive\w*|write\s+off|wrote\s+off|written\s+off|backdat\w*"
        r"|remov\w+\s+(?:of\s+)?(?:the\s+)?[\w\s]{0,30}\b(?:fees?|charges?)"
        r"|(?:cancel|withdr[ae]w|rescind)\w*\s+[\w\s]{0,20}\b(?:fees?|charges?|invoices?|debts?|PCNs?|penalt(?:y|ies)|fines?"
        r"|parking\s+tickets?|overpayments?|arrears|bills?)\b)",
        RemedyKind.REFUND,
    ),
    (
        r"pay\b|pays\b|paid\b|paying\b|payments?\b"
        r"|(?:make|makes|made|making)\s+(?:a\s+|an\s+)?[\w\s-]{0,30}?payments?"
        r"|£\s?[\d,]+(?:\.\d\d)?\s+(?:\w+\s+){0,2}payment"
        r"|(?:acknowledge|recognise|remedy)\w*\s+(?:\w+\s+){0,3}(?:with|by)\s+(?:a|an)\s+(?:\w+\s+)?payment"
        r"|keep\w*\s+(?:its|the|an)\s+offer\s+of\s+£",
        RemedyKind.PAYMENT,
    ),
    (
        r"remind\w*|train\w*|retrain\w*|issue\w*\s+guidance|provid\w+\s+guidance|guidance\s+to\s+(?:staff|officers)"
        r"|share\w*\s+(?:the\s+)?learning|action\s+plan"
        r"|(?:review|revis|chang|amend|updat|improv)\w*\s+(?:(?:its|their|the|relevant|all|any)\s+)?(?:\w+\s+){0,8}?"
        r"(?:polic|procedur|process|practice|guidance|leaflet|website|template|system|strateg)\w*"
        r"|ensure\w*\s+(?:that\s+)?(?:the\s+|its\s+|all\s+)?(?:information|polic\w*|staff|officers|future)"
        r"|prevent\w*\s+(?:a\s+)?(?:similar|this|recurrence|repetition|the\s+same)|(?:(?:provide|send|give)\w*\s+(?:us\s+)?(?:with\s+)?)?"
        r"(?:evidence\s+of\s+)?service\s+improvements?|(?:carry\s+out|make|implement|complete|agree)\w*\s+(?:a\s+|any\s+|the\s+)?service\s+improvements?|give\s+careful\s+consideration\s+to\s+the\s+proper\s+application",
        RemedyKind.SERVICE_IMPROVEMENT,
    ),
    (
        r"reassess\w*|re-assess\w*|reconsider\w*|re-consider\w*"
        r"|(?:carr\w+\s+out|complete\w*|undertake\w*|arrange\w*|conduct\w*)\s+(?:a\s+|an\s+)?(?:new|fresh|further|full)?\s*"
        r"(?:review|assessment|reassessment)"
        r"|(?:offer|arrange|hold|give|provide|complete|carry\s+out)\w*\s+(?:a\s+|an\s+)?(?:new|fresh)\s+"
        r"(?:assessment|appeal|review|hearing)"
        r"|review\w*\s+(?:of\s+)?(?:its|the|his|her|their)\s+(?:\w+\s+){0,3}(?:decision|assessment|application|eligibility|case|needs)"
        r"|(?:revisit|re-?examin|re-?determin)\w*\s+(?:its|the|his|her|their)\s+(?:\w+\s+){0,3}(?:decision|assessment|application|claim|case)"
        r"|re-?calculat\w*|consider\w*\s+whether\b"
        r"|(?:re-?)?consider\w*\s+(?:its|the|his|her|their|(?-i:(?:Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][’']s))\s+(?:\w+\s+){0,2}(?:request|application|claim|case)\b"
        r"|assess\w*\s+(?:its|the|his|her|their|(?-i:(?:Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][’']s))\s+(?:[\w-]+\s+){0,4}?"
        r"(?:needs|entitlement|reduction|eligibility|liability|contribution|charges?)\b"
        r"|(?:offer|arrange|carry\s+out|complete)\w*\s+(?:(?-i:(?:Mr|Mrs|Ms|Miss|Dr)\s+[A-Z])\s+|him\s+|her\s+|them\s+)?"
        r"(?:a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:assessment|appeal|review|hearing)\b",
        RemedyKind.REASSESS,
    ),
    (
        r"confirm\w*\s+within\s+three\s+months|(?:provide|send|give)\w*\s+(?:us|the\s+Ombudsman)\s+(?:with\s+)?evidence"
        r"|require\s+evidence|evidence\s+(?:of|that)\s+(?:it|this|the)|consider\s+the\s+report",
        RemedyKind.REPORT_BACK,
    ),
)
"""How each remedy kind is worded (a clause's first match wins, in this order); other agreed acts are ``action``."""

PURPOSE_WORDS: tuple[tuple[str, Purpose], ...] = (
    (r"distress\w*|frustrat\w*|stress\w*|anxi\w+|upset|outrage|worry|worried|embarrass\w*|hurt", Purpose.DISTRESS),
    (r"time\s+and\s+trouble|time,\s+trouble|time\s+and\s+effort|trouble", Purpose.TIME_AND_TROUBLE),
    (r"uncertain\w*", Purpose.UNCERTAINTY),
    (r"lost\s+opportunit\w*|loss\s+of\s+(?:the\s+)?opportunit\w*|missed\s+opportunit\w*", Purpose.LOST_OPPORTUNITY),
    (
        r"lost\s+(?:education|provision|care|support|schooling|respite|services?)|(?:education|provision|care|support|therapy|tuition)\s+(?:\w+\s+)?(?:not\s+provided|missed|lost|did\s+not\s+receive)|missed\s+(?:education|provision|care|support|schooling)",
        Purpose.LOST_PROVISION,
    ),
    (r"impact|injustice|harm|inconvenience|loss|faults?", Purpose.OTHER),
)
"""The reason a payment is for, by its words (the first one in the text wins)."""

ACTION_VERBS = (
    r"(?:provide|arrange|reinstate|complete|carry|carrie|add|place|send|sent|write|wrote|written|amend|offer|take|took|advise|"
    r"meet|met|put|correct|remove|update|record|contact|explain|share|give|gave|given|discuss|hold|held|appoint|allocate|"
    r"install|repair|restore|transfer|cancel|withdraw|rescind|produce|finalise|ask|invite|tell|told|delete|note|keep|kept|revisit|visit|"
    r"undertake|assess|obtain|implement|consider|ensure|decide|issue|confirm|liaise|respond|investigate|identify|clear|"
    r"fix|replace|create|draw|set|prepare|seek|check|reply|refer|make|made|pass|return|release|agree)(?:s|es|d|ed)?"
)
"""Verbs of a specific thing to do for the complainant (an ``action`` when no other kind fits)."""

BEYOND_THE_COMPLAINANT = (
    r"\bin\s+(?:the\s+)?future\b|\b(?:happen(?:s|ing)?|recur(?:s|ring)?|occur(?:s|ring)?)\s+again\b"
    r"|\b(?:prevent|avoid)\w*\s+(?:a\s+)?(?:similar|recurrence|repetition|the\s+same|this\s+happening|it\s+happening)\b"
    r"|\b(?:other|all|any)\s+(?:other\s+)?(?:families|residents|people|service\s+users|applicants|parents|tenants|carers|customers|pupils|children|claimants)\b"
    r"|\bothers\s+(?:\w+\s+){0,3}affected\b"
)
"""Words making an agreed act a ``service_improvement``, not an ``action``: for the future or for other people."""

ACTION_NOUNS = (
    r"explanations?|information|breakdowns?|details|(?:a\s+)?cop(?:y|ies)\s+of|(?:a\s+)?written\s+(?:explanation|response|decision)"
    r"|(?:a\s+)?(?:full\s+|proper\s+|clear\s+)?(?:explanation|breakdown|response)"
)
"""Nouns of a thing for the complainant after a list's verb, with no verb of their own (``an apology, explanation``)."""
