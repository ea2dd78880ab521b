"""The typed payload this plugin keeps in ``Decision.extensions["records"]``."""

from __future__ import annotations

import datetime as dt

import attrs

NAMESPACE = "records"
"""The extension namespace (and the entry-point name in group ``lgo_decisions.extensions``)."""


@attrs.frozen(kw_only=True)
class RecordInfo:
    """What the scraper knew that the statement does not say: its record id and fetch time.

    >>> import datetime as dt
    >>> RecordInfo(id="a1b2", fetched_at=dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone.utc)).id
    'a1b2'
    """

    id: str | None = None
    fetched_at: dt.datetime | None = None
