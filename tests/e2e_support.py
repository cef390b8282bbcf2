"""Helpers for the browser tests: a real `streamlit run app.py` on a free port and headless Debian Chromium.

Needs /usr/bin/chromium and the playwright package (never `playwright install`); `require_browser` skips
cleanly without them. Screenshots go to tests/artifacts/ (gitignored) for a human look.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
# Settings of the developer's shell that would point the server at another database or review setup.
_FOREIGN_ENV = ("REVIEW_DB_URL", "REVIEW_REQUIRED_DEPARTMENTS", "REVIEW_OPTIONAL_DEPARTMENTS")


def require_browser() -> None:
    """Skip the calling test unless Debian's chromium and the playwright package are installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    """A TCP port on loopback that nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(proc: subprocess.Popen, port: int, log: Path, timeout: float = 20.0) -> None:
    """Poll Streamlit's health endpoint; fail with the server log if it exits or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"streamlit not healthy after {timeout} s:\n{log.read_text()[-3000:]}")


@contextmanager
def streamlit_server(tmp: Path, review_home: Path) -> Iterator[tuple[str, Path]]:
    """Run the app with HOME/XDG in `tmp` and its state in `review_home`; yields (base url, log file)."""
    env = {k: v for k, v in os.environ.items() if k not in _FOREIGN_ENV}
    env.update(HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / ".config"), XDG_CACHE_HOME=str(tmp / ".cache"),
               REVIEW_HOME=str(review_home))
    port = free_port()
    log = tmp / "streamlit.log"
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_healthy(proc, port, log)
        yield f"http://127.0.0.1:{port}/", log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def chromium():
    """A headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def full_page_screenshot(page, path: Path, width: int = 1280) -> None:
    """Streamlit scrolls inside its main container, so grow the viewport to the content first."""
    page.set_viewport_size({"width": width, "height": 900})  # measure from a normal window, not the last shot
    page.wait_for_timeout(200)
    height = page.evaluate(
        "Math.max(document.body.scrollHeight,"
        " ...[...document.querySelectorAll('[data-testid=stMain], section')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": width, "height": int(height) + 80})
    page.wait_for_timeout(300)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
