"""The 快速自查 page on its own, for AppTest (the full app routes to it after the login page)."""

from review.ui import check_page

check_page.render()
