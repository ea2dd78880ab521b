"""The worker pool: early exits end the workers and return, even with a result half written."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lgo_decisions._pool import run_ordered
from tests.test_cli_safety import _alive


def _big(n: int) -> str:
    return "x" * (32 << 20) if n else ""  # (far more than a pipe holds: a worker is mid-write for a while)


def test_results_in_input_order_on_two_workers() -> None:
    assert list(run_ordered(abs, range(-40, 0), workers=2, dead=str, chunk_size=3)) == list(range(40, 0, -1))


def test_closing_early_while_a_worker_writes_a_large_result_returns() -> None:
    done = _run(  # (in a child interpreter, so that a regression shows as a timeout here, not a hung test run)
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
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"


def _root() -> str:
    return str(Path(__file__).resolve().parents[1])


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """A script in a child interpreter, bounded: a regression to a hang shows as a timeout."""
    code = textwrap.dedent(script)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, cwd=_root())


def _poison(n: int) -> int:
    if n == 13:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * 2


def test_an_input_that_kills_its_worker_fails_alone_and_named() -> None:
    results = list(run_ordered(_poison, range(40), workers=2, dead=lambda n: -n, chunk_size=4))
    assert results == [-13 if n == 13 else n * 2 for n in range(40)]


def _dies_once(path: str) -> str:
    try:
        with open(path, "x"):
            pass
    except FileExistsError:
        return os.path.basename(path)
    os.kill(os.getpid(), signal.SIGKILL)  # (the first time only: a death that a second try survives)
    return ""


def test_a_worker_that_dies_once_loses_nothing(tmp_path: Path) -> None:
    names = [str(tmp_path / f"m{i:02d}") for i in range(30)]
    killers = {names[3], names[17], names[18]}
    tasks = [n if n in killers else n + ".x" for n in names]
    for task in tasks:
        if task not in killers:
            Path(task).touch()
    results = list(run_ordered(_dies_once, tasks, workers=2, dead=lambda t: "dead", chunk_size=5))
    assert results == [os.path.basename(t) for t in tasks]


def test_an_error_in_fn_comes_after_the_results_before_it() -> None:
    results = run_ordered(int, ["1", "2", "3", "x", "5"], workers=2, dead=str, chunk_size=1)
    assert [next(results), next(results), next(results)] == [1, 2, 3]
    with pytest.raises(ValueError, match="'x'"):
        next(results)


def _unpicklable(n: int) -> object:
    return lambda: n


def test_a_result_that_cannot_be_sent_back_is_its_pickling_error() -> None:
    with pytest.raises((AttributeError, TypeError, pickle.PicklingError), match="pickle"):
        list(run_ordered(_unpicklable, range(3), workers=2, dead=str))


def test_chunks_larger_than_a_pipe_both_ways_do_not_block() -> None:
    done = _run(
        """
        from lgo_decisions._pool import run_ordered
        tasks = [chr(97 + i % 26) * (300 << 10) for i in range(40)]  # (300 KiB each way, 3 to a chunk)
        results = list(run_ordered(str.upper, tasks, workers=2, dead=str, chunk_size=3))
        assert results == [t.upper() for t in tasks]
        print("done")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"


def _slow_pid(n: int) -> int:
    time.sleep(0.05)
    return os.getpid()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_workers_end_when_their_parent_is_killed() -> None:
    script = textwrap.dedent(
        """
        import sys
        from tests.test_pool import _slow_pid
        from lgo_decisions._pool import run_ordered
        pids = set()
        for pid in run_ordered(_slow_pid, range(10000), workers=2, dead=str, chunk_size=2):
            if pid not in pids:
                pids.add(pid)
                print(pid, flush=True)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=_root())
    try:
        assert proc.stdout is not None
        workers = [int(proc.stdout.readline()), int(proc.stdout.readline())]
        proc.kill()  # (no handler runs: the workers must see for themselves that their parent is gone)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 20
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, workers))
    finally:
        if proc.poll() is None:
            proc.kill()


class _NeedsTwo(Exception):
    def __init__(self, a: str, b: str) -> None:
        super().__init__(f"{a} {b}")  # (pickles, but does not unpickle: its args are one string)


def _fails_late(n: int) -> int:
    if n == 20:
        raise ValueError("the first failure")
    if n == 30:
        raise _NeedsTwo("a", "b")
    return n


def test_an_exception_that_does_not_unpickle_waits_its_turn() -> None:
    results = run_ordered(_fails_late, range(40), workers=2, dead=str, chunk_size=4)
    assert [next(results) for _ in range(20)] == list(range(20))
    with pytest.raises(ValueError, match="the first failure"):
        next(results)


def _child_exit_code(n: int) -> tuple[int | None, bool]:
    import multiprocessing

    child = multiprocessing.Process(target=os.getpid)  # (a worker may start processes of its own)
    child.start()
    child.join()
    return child.exitcode, signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_a_worker_may_start_processes_and_passes_on_no_ignored_ctrl_c() -> None:
    assert list(run_ordered(_child_exit_code, range(3), workers=2, dead=str)) == [(0, False)] * 3


def test_a_run_left_unfinished_at_exit_ends_its_workers() -> None:
    done = _run(
        """
        from tests.test_pool import _slow_pid
        from lgo_decisions._pool import run_ordered
        results = run_ordered(_slow_pid, range(1000), workers=2, dead=str, chunk_size=2)
        print(next(results), flush=True)  # (and the interpreter ends with the run suspended)
        """
    )
    assert done.returncode == 0, done.stderr
    assert not _alive(int(done.stdout.split()[0]))
