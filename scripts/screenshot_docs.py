"""Docs check: build the documentation site, serve it on localhost and screenshot every page in
headless Chromium, so that the rendered pages can be looked at (not a test: it needs Chromium).

    python scripts/screenshot_docs.py [--out DIR] [--height PIXELS] [--chromium PATH] [PAGE ...]

PAGE names a page by its path in the site (``api/``, ``walkthrough/``; default: every page).
Screenshots go to DIR (default: a new temporary folder), one PNG a page, named after it; the
script prints their paths. Needs the ``docs`` extra and Chromium (``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def build(site: Path) -> None:
    """``mkdocs build --strict`` into ``site`` (the theme's end-of-life notice silenced, as in CI)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def pages(site: Path) -> list[str]:
    """Every page of the built site, as its path (``""`` for the home page, ``api/``, ...)."""
    found = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        found.append("" if rel == "." else rel + "/")
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # (no line a request)
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    """A server of ``site`` on a free localhost port, running in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def screenshot(chromium: str, url: str, out: Path, width: int, height: int) -> None:
    """One PNG of ``url`` at ``width`` x ``height`` (a fresh browser profile each time)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={out}",
                url,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("pages", nargs="*", metavar="PAGE", help="pages to shoot (default: all)")
    parser.add_argument("--out", type=Path, help="folder for the PNGs (default: a new temporary folder)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2000)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="lgo-docs-shots-"))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        server, port = serve(site)
        try:
            for page in args.pages or pages(site):
                png = out / f"{page.strip('/').replace('/', '_') or 'index'}.png"
                screenshot(args.chromium, f"http://127.0.0.1:{port}/{page}", png, args.width, args.height)
                print(png)
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
