"""``python -m lgo_decisions``: the command line, as ``lgo-decisions``."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
