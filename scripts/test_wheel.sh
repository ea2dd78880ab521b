#!/usr/bin/env bash
# Test what users install: build the sdist and the wheel, install the wheel (not the checkout) with
# the test extras into the active virtual environment, and run the test suite against it.
# LGO_DECISIONS_INSTALLED=1 makes the suite stop if the package it imports is the checkout's;
# --import-mode=importlib keeps the checkout off sys.path, and the doctests run on the installed modules.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet build
rm -rf dist
python -m build
wheel=$(ls dist/lgo_decisions-*.whl)
python -m pip install --quiet "$wheel[test,walkthrough]" -e ./examples/plugins/lgo-decisions-records
LGO_DECISIONS_INSTALLED=1 LGO_DECISIONS_WHEEL="$PWD/$wheel" \
    pytest -q --import-mode=importlib tests --pyargs lgo_decisions "$@"
