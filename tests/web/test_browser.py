"""The web app in a real browser (Debian's Chromium through Playwright), as a learner uses it."""

from __future__ import annotations

import re

import pytest


RMSNORM_OK = '''import torch


def rms_norm(x, weight, eps=1e-6):
    scale = torch.rsqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps)
    return x * scale * weight
'''

RMSNORM_CENTRED = '''import torch


def rms_norm(x, weight, eps=1e-6):
    x = x - x.mean(dim=-1, keepdim=True)  # LayerNorm's centring: not RMSNorm
    return x * torch.rsqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps) * weight
'''


def put_code(page, code: str) -> None:
    """Select everything in the editor and type the code in (as a paste: no auto-indent)."""
    page.click("#editor .cm-content")
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(code)


def verdict_of(page, timeout_ms: int = 240_000) -> str:
    page.wait_for_selector("#verdict .verdict-head[data-verdict]", timeout=timeout_ms)
    return page.get_attribute("#verdict .verdict-head[data-verdict]", "data-verdict")


def test_submit_accepted_then_wrong_answer(page, server, shots):
    page.goto(server.url("/problems"))
    assert page.locator("tr[data-id=rmsnorm]").get_attribute("data-status") == "new"
    page.screenshot(path=str(shots / "problems-1280.png"), full_page=True)
    page.click("tr[data-id=rmsnorm] a")
    page.wait_for_selector("#editor .cm-content")
    assert "rms_norm" in page.inner_text("#editor .cm-content")  # the stub is in the editor
    assert page.locator(".statement-pane math").count() > 0  # formulas rendered as MathML

    put_code(page, RMSNORM_OK)
    page.keyboard.press("Control+Enter")  # Submit from the keyboard
    assert verdict_of(page) == "accepted"
    assert page.locator("#verdict table.cases tbody tr").count() >= 5  # every case, as the CLI shows
    assert page.inner_text("#problem-status").strip().lower() in ("solved", "已解决")
    page.screenshot(path=str(shots / "problem-accepted-1280.png"))

    page.goto(server.url("/problems"))
    assert page.locator("tr[data-id=rmsnorm]").get_attribute("data-status") == "solved"

    page.goto(server.url("/problems/rmsnorm"))
    assert "torch.rsqrt" in page.inner_text("#editor .cm-content")  # the submitted code is the draft now
    put_code(page, RMSNORM_CENTRED)
    page.click("#submit")
    assert verdict_of(page) == "wrong_answer"
    head = page.inner_text("#verdict")
    failing = page.locator("#verdict table.cases tr.wrong_answer td:first-child").first.inner_text()
    assert failing and re.search(r"wrong_answer on case \S+", head), head
    assert failing.split()[0] in head  # the message names the first failing case
    # the history lists both submissions, and the second shows a diff against the first
    page.click(".tab[data-tab=history]")
    page.wait_for_selector("#history ul.history li")
    assert page.locator("#history ul.history li").count() == 2
    page.locator("#history ul.history summary").first.click()
    page.wait_for_selector("#history pre.diff span.add")
    assert "x.mean" in page.inner_text("#history pre.diff")


def test_run_uses_visible_examples_only(page, server):
    page.goto(server.url("/problems/rmsnorm"))
    page.wait_for_selector("#editor .cm-content")
    put_code(page, RMSNORM_OK)
    page.click("#run")
    assert verdict_of(page) == "accepted"
    names = page.locator("#verdict table.cases tbody tr td:first-child").all_inner_texts()
    assert names and not any("hidden" in n or "隐藏" in n for n in names)


def test_request_without_token_is_refused(browser, server):
    ctx = browser.new_context()
    pg = ctx.new_page()
    resp = pg.goto(server.url("/problems"))
    assert resp.status == 401
    assert "token" in pg.inner_text("body")
    ctx.close()
