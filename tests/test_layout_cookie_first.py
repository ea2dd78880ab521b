"""Layout 7: the cookie dialog's text saved before the statement instead of after it."""

from __future__ import annotations

import pytest

from lgo_decisions import read_text
from tests.seeds import SPACED, seed, statement_and_footer


@pytest.mark.parametrize("stem", SPACED)
def test_cookie_text_first_reads_the_same(stem: str) -> None:
    statement, footer = statement_and_footer(stem)
    cookie = footer.replace("Print this page", "")
    d = read_text(cookie + "\n\n" + statement)
    assert d == read_text(seed(stem))
    assert d.diagnostics == ()
