"""Shared test configuration: hypothesis profiles and the shared-data fixtures.

Profiles: ``dev`` (the default: quick, for local work) and ``ci`` (thorough, no deadline), chosen
with the environment variable ``HYPOTHESIS_PROFILE`` (``.ci/run`` sets ``ci``).
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", max_examples=300, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

SHARED = Path(__file__).resolve().parents[2] / "shared"
"""The project's shared data (seeds, development corpus); absent on a fresh machine."""


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder; skips the test cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not available at {SHARED}")
    return SHARED


ROOT = Path(__file__).resolve().parents[1]


def pytest_sessionstart(session: pytest.Session) -> None:
    """With ``LGO_DECISIONS_INSTALLED=1`` (CI's run against the built wheel), stop at once if the
    package imported is the checkout's rather than the installed one."""
    if os.environ.get("LGO_DECISIONS_INSTALLED") == "1":
        import lgo_decisions

        where = Path(lgo_decisions.__file__).resolve()
        if where.parent == ROOT / "lgo_decisions":  # (the venv may live in the checkout: .venv/)
            pytest.exit(f"LGO_DECISIONS_INSTALLED=1 but the package under test is the checkout's: {where}", 3)


_PANDAS_HINT = "needs pandas and pyarrow: pip install 'lgo-decisions[pandas]'"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Doctests that make data frames or Parquet files skip, naming the extra, without pandas."""
    # (looked for, not imported: pyarrow's threads in this process would be forked into the workers)
    if all(importlib.util.find_spec(name) is not None for name in ("pandas", "pyarrow")):
        return
    for item in items:
        dtest = getattr(item, "dtest", None)
        if dtest is not None and re.search(r"dataframe\(|parquet|ParquetSink", dtest.docstring or ""):
            item.add_marker(pytest.mark.skip(reason=f"{item.name}: {_PANDAS_HINT}"))
