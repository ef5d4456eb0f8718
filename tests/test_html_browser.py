"""The HTML report in a real browser: headless Chromium draws it, and runs its script under its own CSP.

Runs wherever `chromium` is on the PATH (`.ci/run` installs Debian's chromium and fonts-nanum when
missing); skips elsewhere, and fails under CI, where a missing browser is a broken set-up.
"""
from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,2000"]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    if CHROMIUM is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("chromium is not on the PATH; .ci/run installs it", pytrace=False)
        pytest.skip("needs chromium on the PATH (Debian: apt-get install chromium fonts-nanum)")
    out = tmp_path_factory.mktemp("html") / "report.html"
    r = run_cli("check", str(ROOT / "fixtures" / "articles"), "--no-cache", "--jobs", "1", "--format", "html", "-o", str(out))
    assert r.returncode == 1, r.stderr
    return out


def browse(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    assert CHROMIUM is not None
    return subprocess.run([CHROMIUM, *FLAGS, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def pixels(png: bytes) -> bytes:
    """The image's filtered scanlines: every IDAT chunk joined and inflated."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, data = 8, b""
    while at < len(png):
        (size,), kind = struct.unpack(">I", png[at:at + 4]), png[at + 4:at + 8]
        if kind == b"IDAT":
            data += png[at + 8:at + 8 + size]
        at += 12 + size
    return zlib.decompress(data)


def test_the_screenshot_is_not_blank(report):
    shot = report.with_name("shot.png")
    r = browse(f"--screenshot={shot}", report.as_uri(), cwd=report.parent)
    assert shot.exists(), r.stderr[-2000:]
    # a blank page filters to a few byte values; text, marks and number lines to many
    assert len(set(pixels(shot.read_bytes()))) > 64


def test_the_dom_shows_every_card_and_the_script_ran(report):
    r = browse("--dump-dom", report.as_uri(), cwd=report.parent)
    dom = r.stdout
    cards = re.findall(r'<article class="card ', report.read_text(encoding="utf-8"))
    assert cards and len(re.findall(r'<article class="card ', dom)) == len(cards)
    # the pager is shown and counts the cards only when the inline script ran, i.e. the CSP's hash let it
    assert re.search(r'<nav id="pager" aria-label="pages of findings">', dom)
    assert re.search(rf'id="count"[^>]*>Findings 1–{len(cards)} of {len(cards)}<', dom)


def test_a_korean_font_is_installed(report):
    fonts = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True).stdout
    assert fonts.strip(), "no font covers Korean: the page would show boxes (Debian: fonts-nanum)"
