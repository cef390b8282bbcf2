"""End to end in headless Chromium: upload a script, run the check, see the cited finding.

Needs Debian's /usr/bin/chromium and the playwright package (never `playwright install`); skipped
cleanly without them. The screenshot lands in tests/artifacts/ (gitignored) for a human look.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

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
# Markdown, HTML, Streamlit directive and math syntax around the hit must all show literally.
SCRIPT = (
    "直播日期：2026-12-01\n"
    "主播：家人们 **粗体** <b>y</b> 全网最低价 :red[z] $m$ [x](http://e)！\n"
    "最近天气干燥，记得补水。\n"
)
LITERALS = ("**粗体**", "<b>y</b>", ":red[z]", "$m$", "[x](http://e)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(proc: subprocess.Popen, port: int, log: Path, timeout: float = 20.0) -> None:
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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real `streamlit run app.py` on a free port, with HOME/XDG/REVIEW_HOME in a temp folder."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    pytest.importorskip("playwright.sync_api")
    tmp = tmp_path_factory.mktemp("e2e")
    env = {
        **os.environ,
        "HOME": str(tmp),
        "XDG_CONFIG_HOME": str(tmp / ".config"),
        "XDG_CACHE_HOME": str(tmp / ".cache"),
        "REVIEW_HOME": str(tmp / "data"),
    }
    port = _free_port()
    log = tmp / "streamlit.log"
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(proc, port, log)
        yield f"http://127.0.0.1:{port}/", log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser(server, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def _expected_hit():
    """The finding the engine gives for SCRIPT, computed in-process, so location text is exact."""
    from review.engine import check_uploads

    report, _docs = check_uploads([("脚本.txt", SCRIPT.encode())])
    hits = [f for f in report.findings if "最低价" in f.text]
    assert hits, [f.to_dict() for f in report.findings]
    return hits[0]


def _full_page_screenshot(page, path: Path) -> None:
    """Streamlit scrolls inside its main container, so grow the viewport to the content first."""
    height = page.evaluate(
        "Math.max(document.body.scrollHeight,"
        " ...[...document.querySelectorAll('[data-testid=stMain], section')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": 1280, "height": int(height) + 80})
    page.wait_for_timeout(300)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)


def test_upload_check_and_see_cited_finding(server, browser, tmp_path) -> None:
    url, log = server
    hit = _expected_hit()
    script = tmp_path / "脚本.txt"
    script.write_text(SCRIPT, encoding="utf-8")

    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page.goto(url + "/check")
        start = page.get_by_role("button", name="开始审核")
        start.wait_for(timeout=15000)
        page.locator("input[type=file]").first.set_input_files(str(script))
        page.get_by_text("脚本.txt").first.wait_for(timeout=10000)
        start.click()

        card = (
            page.locator("[data-testid=stMarkdownContainer]")
            .filter(has_text=f"规则 {hit.rule}")
            .filter(has_text=f"修改建议：{hit.suggestion}")
            .first
        )
        card.wait_for(timeout=20000)
        assert card.is_visible()
        body = card.inner_text()
        assert f"位置：{hit.location}" in body
        assert f"条款：{hit.clause}" in body and f"法律依据：{hit.law}" in body
        for literal in LITERALS:
            assert literal in body, (literal, body)
        assert card.locator("strong", has_text=hit.text).count() == 1  # the highlighted hit
        assert card.locator("b, a, script").count() == 0  # user text made no element
        assert page.get_by_text("审核结论：").first.is_visible()

        _full_page_screenshot(page, ARTIFACTS / "check_page.png")
    finally:
        page.close()
    assert "Traceback" not in log.read_text()
