"""The table of instruments statements cite: short titles, the other names they go by, identifiers.

One row per instrument; adding one is a one-line change. ``title`` is the normalised short title
with its year (codes and guidance: their published title). ``aliases`` are the other names by which
statements name it (matched whole words, ignoring case); a yearless name is an alias only where no
other instrument has that name (``Flood and Water Management Act``: yes; ``Housing Act``: no).
``legislation_id`` is the legislation.gov.uk identifier (``ukpga/1974/7``), or None where unsure.
``numbered`` names the unit a number straight after the name cites (``Fostering Standard 29.2``).
"""

from __future__ import annotations

import functools
import re

import attrs

__all__ = ["INSTRUMENTS", "Instrument", "as_printed", "by_name", "kind_of", "kinds_of"]


@attrs.frozen
class Instrument:
    """One instrument: its normalised title, other names, legislation.gov.uk identifier."""

    title: str
    legislation_id: str | None = None
    aliases: tuple[str, ...] = ()
    numbered: str | None = None


_I = Instrument
INSTRUMENTS: tuple[Instrument, ...] = (
    # Acts of Parliament (UK public general Acts)
    _I("Local Government Act 1974", "ukpga/1974/7", ("LGA 1974",)),
    _I("Local Government Act 1972", "ukpga/1972/70"),
    _I("Local Government Act 2000", "ukpga/2000/22"),
    _I("Local Government and Public Involvement in Health Act 2007", "ukpga/2007/28"),
    _I("Local Government Finance Act 1988", "ukpga/1988/41"),
    _I("Local Government Finance Act 1992", "ukpga/1992/14"),
    _I("Local Government (Miscellaneous Provisions) Act 1976", "ukpga/1976/57"),
    _I("Local Government (Miscellaneous Provisions) Act 1982", "ukpga/1982/30"),
    _I("Localism Act 2011", "ukpga/2011/20", ("Localism Act",)),
    _I("Health Service Commissioners Act 1993", "ukpga/1993/46", ("Health Service Commissioners Act",)),
    _I("Care Act 2014", "ukpga/2014/23", ("Care Act",)),
    _I("Care Standards Act 2000", "ukpga/2000/14"),
    _I("Children Act 1989", "ukpga/1989/41"),
    _I("Children Act 2004", "ukpga/2004/31"),
    _I("Children and Families Act 2014", "ukpga/2014/6", ("Children and Families Act",)),
    _I("Children and Social Work Act 2017", "ukpga/2017/16"),
    _I("Children (Leaving Care) Act 2000", "ukpga/2000/35"),
    _I("Local Authority Social Services Act 1970", "ukpga/1970/42"),
    _I("Adoption and Children Act 2002", "ukpga/2002/38"),
    _I("Chronically Sick and Disabled Persons Act 1970", "ukpga/1970/44"),
    _I("Mental Health Act 1983", "ukpga/1983/20"),
    _I("Mental Capacity Act 2005", "ukpga/2005/9", ("Mental Capacity Act",)),
    _I("National Health Service Act 2006", "ukpga/2006/41"),
    _I("Health and Social Care Act 2008", "ukpga/2008/14"),
    _I("Health and Social Care Act 2012", "ukpga/2012/7"),
    _I("Housing Act 1985", "ukpga/1985/68"),
    _I("Housing Act 1988", "ukpga/1988/50"),
    _I("Housing Act 1996", "ukpga/1996/52"),
    _I("Housing Act 2004", "ukpga/2004/34"),
    _I("Homelessness Act 2002", "ukpga/2002/7"),
    _I("Homelessness Reduction Act 2017", "ukpga/2017/13", ("Homelessness Reduction Act",)),
    _I("Housing Grants, Construction and Regeneration Act 1996", "ukpga/1996/53"),
    _I("Landlord and Tenant Act 1985", "ukpga/1985/70"),
    _I("Mobile Homes Act 1983", "ukpga/1983/34"),
    _I("Equality Act 2010", "ukpga/2010/15", ("Equality Act",)),
    _I("Disability Discrimination Act 1995", "ukpga/1995/50"),
    _I("Human Rights Act 1998", "ukpga/1998/42", ("Human Rights Act",)),
    _I("Education Act 1996", "ukpga/1996/56"),
    _I("Education Act 2002", "ukpga/2002/32"),
    _I("Education and Inspections Act 2006", "ukpga/2006/40"),
    _I("School Standards and Framework Act 1998", "ukpga/1998/31"),
    _I("Education and Skills Act 2008", "ukpga/2008/25"),
    _I("Academies Act 2010", "ukpga/2010/32"),
    _I("Data Protection Act 1998", "ukpga/1998/29"),
    _I("Data Protection Act 2018", "ukpga/2018/12"),
    _I("Freedom of Information Act 2000", "ukpga/2000/36", ("Freedom of Information Act",)),
    _I("Regulation of Investigatory Powers Act 2000", "ukpga/2000/23"),
    _I("Protection of Freedoms Act 2012", "ukpga/2012/9"),
    _I("Town and Country Planning Act 1990", "ukpga/1990/8"),
    _I("Planning (Listed Buildings and Conservation Areas) Act 1990", "ukpga/1990/9"),
    _I("Building Act 1984", "ukpga/1984/55"),
    _I("Highways Act 1980", "ukpga/1980/66"),
    _I("New Roads and Street Works Act 1991", "ukpga/1991/22"),
    _I("Traffic Management Act 2004", "ukpga/2004/18", ("Traffic Management Act",)),
    _I("Road Traffic Act 1988", "ukpga/1988/52"),
    _I("Transport Act 2000", "ukpga/2000/38"),
    _I("Road Traffic Regulation Act 1984", "ukpga/1984/27", ("Road Traffic Regulation Act",)),
    _I("Environmental Protection Act 1990", "ukpga/1990/43", ("Environmental Protection Act",)),
    _I("Control of Pollution Act 1974", "ukpga/1974/40"),
    _I("Clean Air Act 1993", "ukpga/1993/11"),
    _I("Noise Act 1996", "ukpga/1996/37"),
    _I("Refuse Disposal (Amenity) Act 1978", "ukpga/1978/3"),
    _I("Flood and Water Management Act 2010", "ukpga/2010/29", ("Flood and Water Management Act",)),
    _I("Wildlife and Countryside Act 1981", "ukpga/1981/69"),
    _I("Countryside and Rights of Way Act 2000", "ukpga/2000/37"),
    _I("Commons Act 2006", "ukpga/2006/26"),
    _I("Anti-social Behaviour, Crime and Policing Act 2014", "ukpga/2014/12"),
    _I("Crime and Disorder Act 1998", "ukpga/1998/37"),
    _I("Protection from Harassment Act 1997", "ukpga/1997/40"),
    _I("Licensing Act 2003", "ukpga/2003/17", ("Licensing Act",)),
    _I("Gambling Act 2005", "ukpga/2005/19", ("Gambling Act",)),
    _I("Public Health Act 1936"),
    _I("Welfare Reform Act 2012", "ukpga/2012/5"),
    _I("Coronavirus Act 2020", "ukpga/2020/7"),
    # Statutory instruments
    _I(
        "Council Tax (Administration and Enforcement) Regulations 1992",
        "uksi/1992/613",
        ("Council Tax (Administration and Enforcement) Regulations",),
    ),
    _I("Council Tax Reduction Schemes (Prescribed Requirements) (England) Regulations 2012", "uksi/2012/2885"),
    _I(
        "Care and Support (Charging and Assessment of Resources) Regulations 2014",
        "uksi/2014/2672",
        ("Care and Support (Charging and Assessment of Resources) Regulations",),
    ),
    _I("Special Educational Needs and Disability Regulations 2014", "uksi/2014/1530", ("SEND Regulations 2014",)),
    _I("Care and Support (Assessment) Regulations 2014", "uksi/2014/2827"),
    _I("Care and Support (Eligibility Criteria) Regulations 2015", "uksi/2015/313"),
    _I("Health and Social Care Act 2008 (Regulated Activities) Regulations 2014", "uksi/2014/2936"),
    _I(
        "Local Authority Social Services and National Health Service Complaints (England) Regulations 2009",
        "uksi/2009/309",
    ),
    _I("Care Planning, Placement and Case Review (England) Regulations 2010", "uksi/2010/959"),
    _I("Children Act 1989 Representations Procedure (England) Regulations 2006", "uksi/2006/1738"),
    _I("Allocation of Housing and Homelessness (Eligibility) (England) Regulations 2006", "uksi/2006/1294"),
    _I("Homelessness (Suitability of Accommodation) (England) Order 2012", "uksi/2012/2601"),
    _I("Civil Enforcement of Parking Contraventions (England) General Regulations 2007", "uksi/2007/3483"),
    _I("Traffic Signs Regulations and General Directions 2016", "uksi/2016/362"),
    _I("Town and Country Planning (General Permitted Development) (England) Order 2015", "uksi/2015/596"),
    _I("Town and Country Planning (Development Management Procedure) (England) Order 2015", "uksi/2015/595"),
    _I("Town and Country Planning (Use Classes) Order 1987", "uksi/1987/764"),
    _I("Building Regulations 2010", "uksi/2010/2214"),
    _I("Building Regulations"),
    # Codes of practice and statutory guidance
    _I(
        "Special educational needs and disability code of practice: 0 to 25 years",
        None,
        (
            "Special Educational Needs and Disability Code of Practice",
            "SEND Code of Practice",
            "SEND Code",
            "Special Educational Needs and Disability (SEND) Code of Practice",
            "SEN Code of Practice 2015",
            "SEND Code of Practice 2015",
        ),
    ),
    _I("Care and Support Statutory Guidance", None, ("Care and Support Guidance", "Care Act Statutory Guidance")),
    _I("Homelessness Code of Guidance for Local Authorities", None, ("Homelessness Code of Guidance",)),
    _I("Mental Health Act 1983: Code of Practice", None, ("Mental Health Act Code of Practice",)),
    _I("Mental Capacity Act 2005 Code of Practice", None, ("Mental Capacity Act Code of Practice",)),
    _I("Working Together to Safeguard Children"),
    _I("School Admissions Code", None, ("School Admission Code",)),
    _I("School Admission Appeals Code"),
    _I(
        "Home to school travel and transport guidance",
        None,
        ("Home to School Travel and Transport Statutory Guidance",),
    ),
    _I(
        "Fostering Standards",
        None,
        (
            "Fostering Services: National Minimum Standards",
            "Fostering Services National Minimum Standards",
            "National Minimum Standards for Fostering Services",
            "Fostering Standard",
        ),
        "standard",
    ),
)
"""Every instrument the finder knows by name (Acts, statutory instruments, codes, guidance)."""


_KINDS = {"code": "code", "guidance": "guidance", "order": "order", "regulations": "regulations",
          "standards": "other", "act": "act"}  # fmt: skip


@functools.lru_cache(maxsize=4096)
def kinds_of(title: str) -> tuple[str, ...]:
    """What ``the ...`` may call an instrument: its own kind (from the last such word of its title:
    ``Care Standards Act 2000`` is an act), then ``code`` or ``guidance`` where its title also says
    so (the Homelessness Code of Guidance); ``("other",)`` when no word tells."""
    found = [_KINDS[word] for word in re.findall(r"[a-z]+", title.lower()) if word in _KINDS]
    if not found:
        return ("other",)
    own = found[-1]
    return (own, *sorted({kind for kind in found if kind in ("code", "guidance") and kind != own}))


def kind_of(title: str) -> str:
    """``act``, ``regulations``, ``order``, ``code``, ``guidance`` or ``other``, from the title's words."""
    return kinds_of(title)[0]


def _names() -> dict[str, Instrument]:
    table: dict[str, Instrument] = {}
    for instrument in INSTRUMENTS:
        for name in (instrument.title, *instrument.aliases):
            key = name.lower()
            if key in table and table[key] != instrument:
                raise ValueError(f"instrument name {name!r} is given twice in the table")
            table[key] = instrument
    return table


by_name: dict[str, Instrument] = _names()
"""Every title and alias, lower-cased, to its instrument (a name given twice fails at import)."""


_TRAILING_YEAR = re.compile(r"\s+(\d{4})$")


def as_printed(title: str, cited_as: str, statement: str) -> str:
    """``title`` without the year the table adds to a name printed without one (``the Council Tax
    (Administration and Enforcement) Regulations``), unless the statement prints the year
    somewhere: a fact the text does not show is not supplied from the table.

    >>> as_printed("Care Act 2014", "section 9 of the Care Act", "the Care Act 2014 says ...")
    'Care Act 2014'
    >>> as_printed("Care Act 2014", "section 9 of the Care Act", "under section 9 of the Care Act")
    'Care Act'
    """
    year = _TRAILING_YEAR.search(title)
    if year is None or year[1] in cited_as or kind_of(title) not in ("act", "regulations", "order", "rules"):
        return title
    if " ".join(title.lower().split()) in " ".join(statement.lower().split()):
        return title
    return title[: year.start()]
