"""Packaging: one version everywhere, a wheel holding what it must and nothing else, the
``testing`` module's hint when hypothesis is absent, and (in CI) the installed wheel under test.

CI builds the wheel, installs it in a fresh virtual environment and runs this suite against it,
with ``LGO_DECISIONS_WHEEL`` naming the wheel and ``LGO_DECISIONS_INSTALLED=1`` (see ``.ci/run``);
elsewhere the wheel is built here, in-process, with hatchling (a test dependency).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import lgo_decisions
from lgo_decisions.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _citation_version() -> str:
    found = re.search(r"^version:\s*\"?([^\"\s]+)\"?\s*$", (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.M)
    assert found, "CITATION.cff has no version line"
    return found.group(1)


def test_version_is_one_value(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.split() == ["lgo-decisions", lgo_decisions.__version__]
    assert _citation_version() == lgo_decisions.__version__
    # hatch reads the version from the package, so the wheel's metadata cannot disagree
    assert 'path = "lgo_decisions/__init__.py"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel CI built (``LGO_DECISIONS_WHEEL``), or one built here with hatchling."""
    given = os.environ.get("LGO_DECISIONS_WHEEL")
    if given:
        return Path(given)
    builder = pytest.importorskip("hatchling.builders.wheel", reason="building a wheel needs hatchling")
    out = tmp_path_factory.mktemp("dist")
    return Path(next(iter(builder.WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"]))))


def test_wheel_holds_the_package_and_nothing_else(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        metadata = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode("utf-8")
    assert "lgo_decisions/py.typed" in names
    assert "lgo_decisions/decision.schema.json" in names
    assert "lgo_decisions/__init__.py" in names
    assert "lgo_decisions/testing/strategies.py" in names
    tops = {n.split("/", 1)[0] for n in names}
    assert tops == {"lgo_decisions", f"lgo_decisions-{lgo_decisions.__version__}.dist-info"}
    unwanted = [n for n in names if re.search(r"(^|/)(tests?|__pycache__|\.[a-z_]+_cache|\.hypothesis)(/|$)|\.pyc$", n)]
    assert unwanted == []
    assert f"Version: {lgo_decisions.__version__}" in metadata
    assert "Provides-Extra: testing" in metadata


def test_testing_module_names_its_extra_without_hypothesis() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n    import lgo_decisions.testing\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'lgo-decisions[testing]'" in out


def test_under_test_is_the_installed_wheel_when_ci_says_so() -> None:
    """With ``LGO_DECISIONS_INSTALLED=1`` the package under test must not be the checkout's."""
    package = Path(lgo_decisions.__file__).resolve()
    if os.environ.get("LGO_DECISIONS_INSTALLED") == "1":
        assert package.parent != ROOT / "lgo_decisions", f"testing the checkout ({package}), not the installed wheel"
        assert "site-packages" in package.parts
    else:
        assert package.name == "__init__.py"


def test_import_leaves_what_only_some_uses_need_unimported() -> None:
    code = (
        "import sys, lgo_decisions\n"
        "print(sorted(m for m in ('multiprocessing', 'lxml', 'cattrs', 'zipfile', 'sqlite3') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
