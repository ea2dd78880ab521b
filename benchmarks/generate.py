"""Generate realistic statement texts for benchmarks, on the fly, from the five seed statements.

Each generated statement takes one seed's layout (spaced page dump or compact) and varies what a
corpus varies: the reference, the organisation, the category, the outcome, the decision date,
and the body (paragraphs repeated, dropped or lengthened with sentences from other seeds), so that
sizes range from about 2 KB to 15 KB like the published statements. Deterministic for a seed.

    python benchmarks/generate.py OUT_FOLDER [COUNT]
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

ORGANISATIONS = (
    "Kent County Council",
    "Leeds City Council",
    "London Borough of Hackney",
    "Cornwall Council",
    "Birmingham City Council",
    "Norfolk County Council",
    "Manchester City Council",
    "Bristol City Council",
    "Surrey County Council",
    "Royal Borough of Greenwich",
    "Sunnyside Care Homes Limited",
    "West Yorkshire Combined Authority",
    "Durham County Council",
    "Stockport Metropolitan Borough Council",
)
CATEGORIES = (
    "Adult care services > Assessment and care plan",
    "Education > Special educational needs",
    "Children's care services > Child protection",
    "Housing > Homelessness",
    "Benefits and tax > Council tax",
    "Planning and development > Planning applications",
    "Environment and regulation > Refuse and recycling",
    "Highways and transport > Parking and other penalties",
    "Adult care services > Charging",
)
OUTCOMES = ("Upheld", "Not upheld", "Closed after initial enquiries", "Upheld", "Upheld")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_REF = re.compile(r"\b\d{2} \d{3} \d{3}[a-z]?\b")
_TITLE = re.compile(r"^(?P<org>.+?) \((?P<ref>\d{2} \d{3} \d{3}[a-z]?)\)\s*$", re.M)
_FIELD = {
    "category": re.compile(r"^(Category : ).*$", re.M),
    "decision": re.compile(r"^(Decision : ).*$", re.M),
    "date": re.compile(r"^(Decision date : ).*$", re.M),
}
_NUMBERED = re.compile(r"^(?P<indent> *)(?P<marker>\d{1,3}\. |- )(?P<text>.{60,})$", re.M)


def _seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def _sentences(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        for m in _NUMBERED.finditer(text):
            out += [s.strip().rstrip(".") + "." for s in m.group("text").split(". ") if len(s) > 30]
    return out


def _vary_body(text: str, rng: random.Random, pool: list[str]) -> str:
    """Lengthen, repeat or drop numbered paragraphs (the reader renumbers them statement-wide)."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        m = _NUMBERED.match(line)
        if not m:
            out.append(line)
            continue
        roll = rng.random()
        if roll < 0.08:
            continue  # dropped
        extra = " ".join(rng.sample(pool, k=rng.randint(0, 3)))
        out.append(f"{line} {extra}" if extra else line)
        if roll > 0.7:  # another paragraph in the same list
            blank = [""] if "\n\n" in text else []
            out += [*blank, f"{m.group('indent')}{m.group('marker')}{' '.join(rng.sample(pool, k=rng.randint(2, 6)))}"]
    return "\n".join(out)


def statements(count: int, *, seed: int = 2024) -> Iterator[tuple[str, str]]:
    """``count`` (file name, statement text) pairs."""
    rng = random.Random(seed)
    seeds = _seeds()
    pool = _sentences(seeds)
    for i in range(count):
        text = seeds[i % len(seeds)]
        ref = f"{rng.randint(15, 24):02d} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}"
        text = _REF.sub(ref, text)
        org = rng.choice(ORGANISATIONS)
        text = _TITLE.sub(lambda m, org=org: f"{org} ({m.group('ref')})", text, count=1)
        text = _FIELD["category"].sub(lambda m: m.group(1) + rng.choice(CATEGORIES), text, count=1)
        text = _FIELD["decision"].sub(lambda m: m.group(1) + rng.choice(OUTCOMES), text, count=1)
        date = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2016, 2025)}"
        text = _FIELD["date"].sub(lambda m, date=date: m.group(1) + date, text, count=1)
        yield f"{i:06d}_{ref.replace(' ', '-')}.txt", _vary_body(text, rng, pool)


def write(folder: Path, count: int, *, seed: int = 2024) -> int:
    """Write ``count`` statements into ``folder`` (one file each, in sub-folders of 1,000); returns bytes written."""
    total = 0
    for i, (name, text) in enumerate(statements(count, seed=seed)):
        sub = folder / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (sub / name).write_bytes(data)
        total += len(data)
    return total


if __name__ == "__main__":
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    size = write(Path(sys.argv[1]), n)
    print(f"wrote {n:,} statements, {size / 1e6:.1f} MB, into {sys.argv[1]}")
