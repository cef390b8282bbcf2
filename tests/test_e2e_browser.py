"""End to end in headless Chromium: upload a script, run the check, see the cited finding.

Needs Debian's /usr/bin/chromium and the playwright package (never `playwright install`); skipped
cleanly without them. The screenshot lands in tests/artifacts/ (gitignored) for a human look.
"""

from __future__ import annotations

import pytest

from tests.e2e_support import ARTIFACTS, chromium, full_page_screenshot, require_browser, streamlit_server

pytestmark = pytest.mark.e2e

# Markdown, HTML, Streamlit directive and math syntax around the hit must all show literally.
SCRIPT = (
    "直播日期：2026-12-01\n"
    "主播：家人们 **粗体** <b>y</b> 全网最低价 :red[z] $m$ [x](http://e)！\n"
    "最近天气干燥，记得补水。\n"
)
LITERALS = ("**粗体**", "<b>y</b>", ":red[z]", "$m$", "[x](http://e)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real `streamlit run app.py` on a free port, with HOME/XDG/REVIEW_HOME in a temp folder."""
    require_browser()
    tmp = tmp_path_factory.mktemp("e2e")
    with streamlit_server(tmp, tmp / "data") as running:
        yield running


@pytest.fixture(scope="module")
def browser(server):
    with chromium() as b:
        yield b


def _expected_hit():
    """The finding the engine gives for SCRIPT, computed in-process, so location text is exact."""
    from review.engine import check_uploads

    report, _docs = check_uploads([("脚本.txt", SCRIPT.encode())])
    hits = [f for f in report.findings if "最低价" in f.text]
    assert hits, [f.to_dict() for f in report.findings]
    return hits[0]


def test_upload_check_and_see_cited_finding(server, browser, tmp_path) -> None:
    url, log = server
    hit = _expected_hit()
    script = tmp_path / "脚本.txt"
    script.write_text(SCRIPT, encoding="utf-8")

    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page.goto(url + "check")
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

        full_page_screenshot(page, ARTIFACTS / "check_page.png")
    finally:
        page.close()
    assert "Traceback" not in log.read_text()
