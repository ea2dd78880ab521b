"""The command line: ``lgo-decisions <command> ...``; each command lives in ``_commands/``."""

from __future__ import annotations

import argparse
import importlib
import re
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from . import __version__

# (name, module under lgo_decisions._commands): each module has add_arguments(parser) and run(args) -> int
COMMANDS: tuple[tuple[str, str], ...] = (
    ("parse", "parse"),
    ("stats", "stats"),
    ("schema", "schema"),
    ("validate", "validate"),
    ("render", "render"),
    ("search", "search"),
)


def plain(doc: str | None) -> str | None:
    """A docstring as help text: reST markup (````literal````, ``:func:`name```) dropped.

    >>> plain("Writes ``-o FILE`` with :func:`~lgo_decisions.export.to_dataframe` (see :mod:`x`).")
    'Writes -o FILE with to_dataframe (see x).'
    """
    if doc is None:
        return None
    doc = re.sub(r":[a-z]+:`~?(?:[\w.]+\.)?([^`]+)`", lambda m: m.group(1), doc)
    return re.sub(r"``(.+?)``", r"\1", doc, flags=re.S)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command's sub-parser.

    >>> args = build_parser().parse_args(["parse", "-q", "-w", "4", "pages/"])
    >>> args.command, args.paths, args.workers, args.quiet
    ('parse', ['pages/'], 4, True)
    """
    parser = argparse.ArgumentParser(
        prog="lgo-decisions", description="Read the Ombudsman's decision statements into typed records."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, module_name in COMMANDS:
        module = importlib.import_module(f"._commands.{module_name}", __package__)
        doc = plain(module.__doc__)
        p = sub.add_parser(
            name,
            help=doc.splitlines()[0] if doc else None,
            description=doc,
            formatter_class=argparse.RawDescriptionHelpFormatter,  # (the docstring's paragraphs kept)
        )
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


class _Terminated(BaseException):
    """SIGTERM arrived: raised in the main thread so that outputs are abandoned and workers ended."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some inputs failed, 2 usage error,
    130 interrupted by SIGINT, 143 ended by SIGTERM).

    >>> import pathlib, tempfile
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "statement.txt"
    >>> _ = page.write_text("Kent County Council (23 008 522)\\nDecision : Upheld")
    >>> main(["parse", "--quiet", str(page)])
    {"schema_version": "1.1", "reference": "23 008 522", ...}
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    installed = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if installed else None
    try:
        return int(args._run(args))
    except KeyboardInterrupt:
        return 130
    except _Terminated:
        return 128 + signal.SIGTERM
    except BrokenPipeError:
        return 0
    finally:
        if installed:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


if __name__ == "__main__":
    sys.exit(main())
