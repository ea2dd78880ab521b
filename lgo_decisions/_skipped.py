"""Files that a folder's reading leaves out for their suffix, counted by suffix for the summary.

The rule is the listing's own (:func:`lgo_decisions._inputs.picked_name`): hidden files and folders are
passed over silently; any other file whose suffix no reader claims is skipped, and counted here.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("a.txt", "b.pdf", "c.md", "d.PDF", ".hidden.pdf"):
...     _ = (folder / name).write_text("x")
>>> skipped_by_suffix([folder])
Counter({'.pdf': 2, '.md': 1})
>>> summary_line(skipped_by_suffix([folder]))
'skipped 3 files: .pdf 2, .md 1'
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ._inputs import picked_name
from .corpus import ARCHIVE_SUFFIXES, JSON_SUFFIXES, PathLike, _statement_suffixes


def skipped_by_suffix(paths: Iterable[PathLike]) -> Counter[str]:
    """How many files under the folders among ``paths`` are skipped for their suffix, by suffix."""
    picked = _statement_suffixes() | JSON_SUFFIXES | ARCHIVE_SUFFIXES
    counts: Counter[str] = Counter()
    for p in paths:
        if not os.path.isdir(p):
            continue  # (a file named directly is read whatever its suffix)
        seen: set[tuple[int, int]] = set()  # folders by identity: a link loop is walked once
        for root, folders, files in os.walk(p, followlinks=True):
            st = os.stat(root)
            if (st.st_dev, st.st_ino) in seen:
                folders[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            folders[:] = [f for f in folders if not f.startswith(".")]
            for name in files:
                if not name.startswith(".") and not picked_name(name, picked):
                    counts[Path(name).suffix.lower()] += 1
    return counts


def summary_line(counts: Counter[str]) -> str:
    """``skipped 3 files: .pdf 2, .md 1`` (most common first)."""
    total = sum(counts.values())
    kinds = ", ".join(f"{suffix} {n:,}" for suffix, n in counts.most_common())
    return f"skipped {total:,} file{'' if total == 1 else 's'}: {kinds}"
