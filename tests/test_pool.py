"""The worker pool: early exits end the workers and return, even with a result half written."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from lgo_decisions._pool import run_ordered


def _big(n: int) -> str:
    return "x" * (32 << 20) if n else ""  # (far more than a pipe holds: a worker is mid-write for a while)


def test_results_in_input_order_on_two_workers() -> None:
    assert list(run_ordered(abs, range(-40, 0), workers=2, dead=str, chunk_size=3)) == list(range(40, 0, -1))


def test_closing_early_while_a_worker_writes_a_large_result_returns() -> None:
    # In a child interpreter, so that a regression shows as a timeout here, not a hung test run.
    script = textwrap.dedent(
        """
        import random, time
        from tests.test_pool import _big
        from lgo_decisions._pool import run_ordered
        random.seed(1)
        for _ in range(12):
            results = run_ordered(_big, [0] + [1] * 10, workers=2, dead=str, chunk_size=1)
            next(results)
            time.sleep(random.uniform(0, 0.1))  # (now and then a worker is ended mid-write)
            results.close()
        print("done")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=_root())
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"


def _root() -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parents[1])
