"""Walk a decision's text in reading order (the functions live in :mod:`lgo_decisions.model`).

>>> from lgo_decisions import read_text
>>> list(iter_text(read_text("Kent County Council (23 008 522)\\nThe complaint\\n- Mr X complained.")))
['The complaint', 'Mr X complained.']
"""

from __future__ import annotations

from .model import iter_block_text, iter_text

__all__ = ["iter_block_text", "iter_text"]
