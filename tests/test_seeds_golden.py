"""Golden records for the five seed statements shipped in ``examples/``.

Each ``examples/<name>.txt`` has ``tests/golden/<name>.json``: the full expected record (without
``source`` and ``diagnostics``), checked by hand field by field and paragraph by paragraph.
A missing golden file fails. Regenerate on purpose only, then review the diff:

    LGO_REGEN_GOLDEN=1 python -m pytest tests/test_seeds_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lgo_decisions import read_text, to_dict
from lgo_decisions.model import NumberedParagraph, SubParagraph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"


def _record(path: Path) -> dict[str, object]:
    data = to_dict(read_text(path.read_text(encoding="utf-8")))
    data.pop("source")
    data.pop("diagnostics")
    return data


def test_five_seeds_are_shipped() -> None:
    assert len(EXAMPLES) == 5


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_seed_matches_golden(path: Path) -> None:
    golden = GOLDEN / f"{path.stem}.json"
    got = _record(path)
    if os.environ.get("LGO_REGEN_GOLDEN"):
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), f"missing golden file {golden.name}: regenerate on purpose and review it"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("stem", "count"), [("000_9284c856b9d4e60e", 10), ("001_546571a6deac335f", 9), ("004_9498e815dd3f7996", 13)]
)
def test_spaced_seeds_number_paragraphs_through_the_statement(stem: str, count: int) -> None:
    d = read_text((ROOT / "examples" / f"{stem}.txt").read_text(encoding="utf-8"))
    assert [p.number for p in d.paragraphs()] == list(range(1, count + 1))
    assert d.diagnostics == ()


def test_seed_001_keeps_sub_paragraphs_and_their_continuations() -> None:
    d = read_text((ROOT / "examples" / "001_546571a6deac335f.txt").read_text(encoding="utf-8"))
    assessment = next(s for s in d.sections if s.heading == "My assessment")
    (para,) = assessment.blocks
    assert isinstance(para, NumberedParagraph)
    assert para.number == 8
    subs = [b for b in para.blocks if isinstance(b, SubParagraph)]
    assert [s.number for s in subs] == [1, 2, 3]
    assert subs[0].blocks[0].text.startswith("There is no charge for making a complaint to the ICO")  # type: ignore[union-attr]
    assert subs[1].blocks[0].text.startswith("The Council says it has already made some amendments")  # type: ignore[union-attr]
    assert subs[2].blocks == ()
