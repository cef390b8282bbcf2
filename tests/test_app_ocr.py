"""快速自查 with a scanned licence: OCR runs with a progress bar and the page says how long it took."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests import evidence_fixtures as E

APP = str(Path(__file__).resolve().parent / "apps" / "check_page_app.py")


def test_scanned_licence_is_read_by_ocr_and_timed(tmp_path):
    png = tmp_path / "营业执照.png"
    E.make_lines_png(png, E.business_licence_lines())
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.file_uploader(key="uploads").upload(png.name, png.read_bytes(), "image/png")
    at.button(key="start").click().run()
    assert not at.exception
    assert any("OCR 识别" in i.value and "秒" in i.value for i in at.info)
    table = next(df.value for df in at.dataframe if "备注" in df.value.columns)
    assert "OCR" in table.loc[0, "备注"] and table.loc[0, "状态"] == "已读取"
