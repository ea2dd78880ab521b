"""Coverage-guided fuzzing of every reader with atheris (libFuzzer): only typed errors may escape.

Each input picks an entry point (``read`` on bytes, ``read`` on text, ``read_text``,
``read_html`` on bytes or text, strict or lenient) and feeds it the rest of the input. Anything
but a record or a :class:`lgo_decisions.LgoDecisionsError` is a finding: libFuzzer stops and
writes the input to ``crash-*``. A record must also serialise and read back.

    .venv/bin/pip install atheris
    mkdir -p /tmp/lgo-fuzz && .venv/bin/python fuzz/fuzz_read.py /tmp/lgo-fuzz examples \\
        -dict=fuzz/lgo.dict -max_len=65536 -timeout=10 -rss_limit_mb=4096 -max_total_time=3600

Without atheris, ``--random N`` runs N inputs mutated from the seeds with Python's ``random``
(no coverage guidance, but no compiler needed): ``python fuzz/fuzz_read.py --random 100000``.
See ``fuzz/README.md``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

try:
    import atheris
except ImportError:  # --random still works
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["lgo_decisions"]):
        from lgo_decisions import Decision, LgoDecisionsError, dumps, loads, read, read_html, read_text
else:
    from lgo_decisions import Decision, LgoDecisionsError, dumps, loads, read, read_html, read_text

ENTRY_POINTS = 8


def run_one(mode: int, data: bytes) -> None:
    """Feed ``data`` to the entry point ``mode``; raise anything that is not a typed error."""
    text = data.decode("utf-8", "surrogateescape")
    strict = mode >= 4
    entry = mode % 4
    try:
        if entry == 0:
            d: Decision = read(data, strict=strict, max_bytes=1 << 20)
        elif entry == 1:
            d = read(text, strict=strict, max_bytes=1 << 20, reader="text")
        elif entry == 2:
            d = read_html(data, strict=strict)
        else:
            d = read_html(text, strict=strict) if strict else read_text(text)
    except LgoDecisionsError:
        return
    if loads(dumps(d)) != d:
        raise AssertionError("a record does not read back from its JSON")
    d.text()


def TestOneInput(data: bytes) -> None:  # the name atheris expects
    if not data:
        run_one(0, data)
        return
    run_one(data[0] % ENTRY_POINTS, data[1:])


# -- without atheris: random mutations of the seeds ----------------------------------------------
TOKENS = [
    line.strip().encode()
    for line in (Path(__file__).with_name("lgo.dict").read_text().splitlines())
    if line.startswith('"')
]


def _mutate(rng: random.Random, data: bytearray) -> bytearray:
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        pos = rng.randint(0, len(data))
        if op == 0 and data:
            del data[pos : pos + rng.randint(1, 64)]
        elif op == 1:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2 and TOKENS:
            data[pos:pos] = TOKENS[rng.randrange(len(TOKENS))][1:-1].decode("unicode_escape").encode("latin-1")
        elif op == 3 and data:
            start = rng.randint(0, len(data))
            chunk = data[start : start + rng.randint(1, 2000)]
            data[pos:pos] = chunk * rng.randint(1, 4)
        elif op == 4:
            data = data[:pos]
        elif op == 5 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return data


def random_run(count: int, seed: int = 0) -> int:
    """Run ``count`` mutated inputs; returns how many ran (raises at the first finding)."""
    root = Path(__file__).resolve().parents[1] / "examples"
    seeds = [p.read_bytes() for p in sorted(root.glob("*.txt"))]
    from lgo_decisions.writers.html import render_html  # pages too, so that the HTML reader is fuzzed deeply

    seeds += [render_html(read_text(s.decode()), page=True).encode() for s in list(seeds)]
    rng = random.Random(seed)
    for i in range(count):
        data = bytes(_mutate(rng, bytearray(rng.choice(seeds))))
        mode = rng.randrange(ENTRY_POINTS)
        try:
            run_one(mode, data)
        except Exception:
            out = Path(f"crash-random-{seed}-{i}.bin")
            out.write_bytes(bytes([mode]) + data)
            print(f"finding after {i} inputs: written to {out} (replay: python fuzz/fuzz_read.py {out})")
            raise
    return count


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[1] == "--random":
        count = int(argv[2]) if len(argv) > 2 else 10_000
        seed = int(argv[3]) if len(argv) > 3 else 0
        print(f"{random_run(count, seed)} inputs ran without an untyped exception")
        return 0
    if len(argv) == 2 and Path(argv[1]).is_file() and atheris is None:
        TestOneInput(Path(argv[1]).read_bytes())  # replay one finding
        return 0
    if atheris is None:
        print("atheris is not installed: pip install atheris, or use --random N", file=sys.stderr)
        return 2
    atheris.Setup(argv, TestOneInput)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
