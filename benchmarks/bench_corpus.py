"""Whole-corpus benchmark: N generated statements to JSON Lines through the command line.

Generates the statements into a temporary folder (``generate.py``), then runs
``lgo-decisions parse FOLDER -o OUT.jsonl --workers W --quiet`` as a child process for each W
given, side by side, and reports wall time, statements a second, and peak memory: the largest sum
of resident memory over the command's process tree (sampled every 20 ms from /proc) and the
largest single process (``getrusage``). Goals: 20,000 statements in under 20 s on 2 cores with
peak memory under 300 MB.

    python benchmarks/bench_corpus.py [--count 20000] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fp:
                ppid = int(fp.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fp:
            for line in fp:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mib(root: int) -> float:
    """Resident memory of ``root`` and every descendant, in MiB."""
    tree = _children()
    todo, total = [root], 0
    while todo:
        pid = todo.pop()
        total += _rss_kib(pid)
        todo += tree.get(pid, [])
    return total / 1024


def run(folder: Path, out: Path, workers: int) -> tuple[float, float, float, float, int]:
    """(wall s, CPU s of all processes, peak tree RSS MiB, peak single-process RSS MiB, exit status) of one run."""
    cmd = [
        sys.executable,
        "-m",
        "lgo_decisions.cli",
        "parse",
        str(folder),
        "-o",
        str(out),
        "--workers",
        str(workers),
        "--quiet",
    ]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mib(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    status = proc.wait()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    return wall, cpu, peak, max(usage.ru_maxrss, before) / 1024, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="lgo-bench-") as tmp:
        folder = Path(tmp) / "pages"
        t0 = time.perf_counter()
        size = generate.write(folder, args.count)
        print(f"generated {args.count:,} statements ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s")
        base = None
        for workers in args.workers:
            out = Path(tmp) / f"out{workers}.jsonl"
            wall, cpu, tree, single, status = run(folder, out, workers)
            lines = sum(1 for _ in out.open(encoding="utf-8"))
            base = base or wall
            print(
                f"--workers {workers}: {wall:6.2f} s wall, {cpu:6.2f} s CPU  {args.count / wall:7,.0f} statements/s  "
                f"speed-up x{base / wall:4.2f}  peak RSS {tree:5.0f} MiB (all processes), "
                f"{single:4.0f} MiB (largest process)  records {lines:,}  exit {status}  "
                f"output {out.stat().st_size / 1e6:.1f} MB  load average {os.getloadavg()[0]:.2f}"
            )


if __name__ == "__main__":
    main()
