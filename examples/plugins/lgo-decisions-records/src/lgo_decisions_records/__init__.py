"""An lgo-decisions plugin for the flat JSON records of LGSCO scrapers.

Installed, it registers through entry points (see ``pyproject.toml``): the reader ``records``
(group ``lgo_decisions.readers``) and the payload class of the extension namespace ``records``
(group ``lgo_decisions.extensions``).
"""

from __future__ import annotations

from .extension import NAMESPACE, RecordInfo
from .reader import READER, RecordsReader

__all__ = ["NAMESPACE", "READER", "RecordInfo", "RecordsReader"]
