"""The Ombudsman's categories: areas and subjects, with their labels and address slugs.

Collected from published statements (the ``Category : <Area> > <Subject>`` line and the address
``/decisions/<area-slug>/<subject-slug>/<reference>``). A slug not listed here still reads: its
label is made from the slug (``children-s-care-services`` -> ``Children's care services``).
"""

from __future__ import annotations

import re

AREAS: dict[str, str] = {
    "adult-care-services": "Adult care services",
    "benefits-and-tax": "Benefits and tax",
    "children-s-care-services": "Children's care services",
    "corporate-and-other-services": "Corporate and other services",
    "education": "Education",
    "environment-and-regulation": "Environment and regulation",
    "environmental-services-public-protection-and-regulation": (
        "Environmental services, public protection and regulation"
    ),
    "health": "Health",
    "housing": "Housing",
    "other-categories": "Other Categories",
    "planning": "Planning",
    "planning-and-development": "Planning and development",
    "transport-and-highways": "Transport and highways",
}

SUBJECTS: dict[str, str] = {
    "adoption": "Adoption",
    "allocations": "Allocations",
    "assessment-and-care-plan": "Assessment and care plan",
    "assessment-and-funding": "Assessment and funding",
    "building-control": "Building control",
    "charging": "Charging",
    "child-protection": "Child protection",
    "children-with-disabilities": "Children with disabilities",
    "council-tax": "Council tax",
    "council-tax-support": "Council tax support",
    "covid-19": "COVID-19",
    "direct-payments": "Direct payments",
    "disabled-children": "Disabled children",
    "domiciliary-care": "Domiciliary care",
    "drainage": "Drainage",
    "enforcement": "Enforcement",
    "fostering": "Fostering",
    "friends-and-family-carers": "Friends and family carers",
    "highway-repair-and-maintenance": "Highway repair and maintenance",
    "homelessness": "Homelessness",
    "hospital-acute-services": "Hospital acute services",
    "land": "Land",
    "leisure-and-culture": "Leisure and culture",
    "licensing": "Licensing",
    "looked-after-children": "Looked after children",
    "noise": "Noise",
    "other": "Other",
    "parking-and-other-penalties": "Parking and other penalties",
    "planning-applications": "Planning applications",
    "private-housing": "Private housing",
    "refuse-and-recycling": "Refuse and recycling",
    "residential-care": "Residential care",
    "safeguarding": "Safeguarding",
    "school-admissions": "School admissions",
    "school-transport": "School transport",
    "special-educational-needs": "Special educational needs",
    "street-furniture-and-lighting": "Street furniture and lighting",
    "traffic-management": "Traffic management",
    "transport": "Transport",
}

_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$")  # no nested repeat: linear on any input
_ACRONYMS = {"covid": "COVID", "nhs": "NHS", "sen": "SEN", "ehc": "EHC"}


def slugify(label: str) -> str:
    """The address slug of a label: ``Children's care services`` -> ``children-s-care-services``.

    >>> slugify("Children’s care services")
    'children-s-care-services'
    """
    return re.sub(r"[^a-z0-9]+", "-", label.lower().replace("\u2019", "'")).strip("-")


def label_from_slug(slug: str) -> str:
    """A readable label for a slug nobody listed: ``"-s-"`` becomes ``"'s "``, hyphens spaces.

    >>> label_from_slug("covid-19-and-children-s-homes")
    "COVID 19 and children's homes"
    """
    words = re.sub(r"(?<=[a-z])-s-", "'s ", slug).replace("-", " ").split()
    out = [_ACRONYMS.get(w, w) for w in words]
    if out:
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def area_label(slug: str) -> str:
    """The label of an area slug.

    >>> area_label("children-s-care-services"), area_label("an-area-nobody-listed")
    ("Children's care services", 'An area nobody listed')
    """
    return AREAS.get(slug) or label_from_slug(slug)


def subject_label(slug: str) -> str:
    """The label of a subject slug.

    >>> subject_label("school-transport")
    'School transport'
    """
    return SUBJECTS.get(slug) or label_from_slug(slug)


def is_slug(text: str) -> bool:
    """Whether ``text`` has the form of an address slug.

    >>> is_slug("school-transport"), is_slug("School transport")
    (True, False)
    """
    return bool(_SLUG.match(text))
