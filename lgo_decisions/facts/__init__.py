"""Facts researchers code by hand, read from a decision statement (coding scheme v1).

Being built: see issue 16 and ``/work/shared/FACTS.md``.
"""

from __future__ import annotations
