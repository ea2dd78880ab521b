"""Equivalence harness for speeding up ``extract_facts``: the facts must stay byte-identical.

    python benchmarks/facts_equivalence.py record [--store DIR] [--examples N]
    python benchmarks/facts_equivalence.py check [--store DIR]

``record`` gathers the decisions (the development corpus read with ``read_text``, the seeds read
with ``read``, the examples, hypothesis-generated decisions with a fixed seed, and decisions mixed
at random, with a fixed seed, from the corpus's sentences under the corpus's headings), and stores
each decision with the JSON of its facts (one JSON line each) in ``DIR`` (outside the project: the
store holds corpus text). ``check`` loads the stored decisions, extracts their facts again and
reports every decision whose facts' JSON differs (exit status 1 when any does).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import lgo_decisions as lgo
from lgo_decisions.facts import extract_facts
from lgo_decisions.model import BulletList, Decision, NumberedParagraph, Paragraph, Section, SubParagraph
from lgo_decisions.serialise import converter

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STORE = Path("/tmp/facts-equivalence")


def facts_json(decision: Decision) -> str:
    """The facts of ``decision`` as JSON (or the error extraction raised)."""
    try:
        return json.dumps(converter.unstructure(extract_facts(decision)), ensure_ascii=False, sort_keys=True)
    except Exception as error:  # (an error is an outcome to keep equal too)
        return f"error: {type(error).__name__}: {error}"


def _real() -> Iterator[tuple[str, Decision]]:
    corpus = SHARED / "corpus" / "dev.jsonl"
    if corpus.is_file():
        for index, row in enumerate(map(json.loads, corpus.open(encoding="utf-8"))):
            yield f"dev:{index}", lgo.read_text(row["text"], url=row.get("url"))
    for path in sorted((SHARED / "seeds").glob("*")):
        yield f"seed:{path.name}", lgo.read(path)
    for path in sorted((ROOT / "examples").glob("*.txt")):
        yield f"example:{path.name}", lgo.read(path)


def _generated(count: int) -> Iterator[tuple[str, Decision]]:
    from hypothesis import HealthCheck, Phase, given, settings

    from lgo_decisions.testing.strategies import decisions

    for readable in (False, True):
        found: list[Decision] = []

        @settings(
            derandomize=True,
            database=None,
            max_examples=count,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
            deadline=None,
        )
        @given(decisions(readable=readable))
        def collect(decision: Decision) -> None:
            found.append(decision)  # noqa: B023

        collect()
        for index, decision in enumerate(found):
            yield f"hypothesis:{readable}:{index}", decision


def _mixed(real: list[Decision], count: int, seed: int = 16) -> Iterator[tuple[str, Decision]]:
    """Decisions whose blocks are random runs of the real decisions' sentences, under real headings."""
    from lgo_decisions.facts._sentences import iter_sentences

    rng = random.Random(seed)
    sentences = sorted({p.words for d in real for p in iter_sentences(d)})
    headings = sorted({s.heading for d in real for s in d.sections if s.heading} | {"Summary", "Agreed action"})
    closings = sorted({d.decided_by for d in real if d.decided_by})

    def text() -> str:
        words = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.1:
            words = words.replace(" ", "\xa0", rng.randint(1, 5))
        if rng.random() < 0.05:
            words = words.lower() if rng.random() < 0.5 else words.upper()
        return words

    def block(number: int) -> object:
        shape = rng.randint(0, 3)
        if shape == 0:
            return Paragraph(text=text())
        if shape == 1:
            return BulletList(items=tuple(text() for _ in range(rng.randint(1, 4))))
        subs = tuple(SubParagraph(number=1, text=text()) for _ in range(rng.randint(0, 2)))
        lead = text() + (":" if rng.random() < 0.3 else "")
        return NumberedParagraph(number=number, text=lead, blocks=subs)

    for index in range(count):
        base = rng.choice(real)
        number = 0
        secs = []
        for _ in range(rng.randint(1, 4)):
            blocks = []
            for _ in range(rng.randint(1, 4)):
                number += 1
                blocks.append(block(number))
            heading = rng.choice(headings) if rng.random() < 0.85 else None
            secs.append(Section(heading=heading, blocks=tuple(blocks)))  # type: ignore[arg-type]
        decision = Decision(
            reference=base.reference,
            organisations=base.organisations,
            outcome=base.outcome if rng.random() < 0.5 else None,
            summary=text() if rng.random() < 0.8 else None,
            sections=tuple(secs),
            decided_by=rng.choice(closings) if closings and rng.random() < 0.7 else None,
            compliance=base.compliance,
        )
        yield f"mixed:{index}", decision


def record(store: Path, examples: int, mixed: int) -> None:
    store.mkdir(parents=True, exist_ok=True)
    real = list(_real())
    items = [*real, *_generated(examples), *_mixed([d for _, d in real], mixed)]
    with (store / "baseline.jsonl").open("w", encoding="utf-8") as out:
        for name, decision in items:
            out.write(json.dumps({"name": name, "decision": lgo.dumps(decision), "facts": facts_json(decision)}) + "\n")
    print(f"recorded the facts of {len(items)} decisions in {store / 'baseline.jsonl'}")


def check(store: Path) -> int:
    differ = 0
    total = 0
    for line in (store / "baseline.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        total += 1
        now = facts_json(lgo.loads(row["decision"]))
        if now != row["facts"]:
            differ += 1
            if differ <= 5:
                print(f"DIFFERS {row['name']}\n  was {row['facts'][:600]}\n  now {now[:600]}")
    print(f"{total} decisions, {differ} with different facts")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("record", "check"))
    parser.add_argument("--store", type=Path, default=STORE)
    parser.add_argument("--examples", type=int, default=1500, help="hypothesis decisions of each kind")
    parser.add_argument("--mixed", type=int, default=4000, help="decisions mixed from the corpus's sentences")
    options = parser.parse_args()
    if options.mode == "record":
        record(options.store, options.examples, options.mixed)
    else:
        sys.exit(check(options.store))


if __name__ == "__main__":
    main()
