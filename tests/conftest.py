"""Shared test configuration: hypothesis profiles and the shared-data fixtures.

Profiles: ``dev`` (the default: quick, for local work) and ``ci`` (thorough, no deadline), chosen
with the environment variable ``HYPOTHESIS_PROFILE`` (``.ci/run`` sets ``ci``).
"""

from __future__ import annotations

import os
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
