"""HTML to PDF through a headless Chromium or Chrome: the one place wksbm starts a browser.

It lives in ``render`` because printing is the last step of rendering the report (HTML in, PDF
bytes out) and nothing else in wksbm needs a browser; like every renderer it returns data or
raises :class:`~wksbm_cli.errors.WksbmError` and never prints. The browser runs with a fresh
throw-away profile and with its background traffic (updates, sync, QUIC, first-run pages) off,
so printing a report neither reads the user's browser profile nor reaches the network.
The browser tests reuse :func:`run_browser` so the flags are written once.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from wksbm_cli.errors import WksbmError
from wksbm_cli.load.programs import Finished, ProgramTimeout, run_program
from wksbm_cli.render.context import Context

CANDIDATES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
TIMEOUT = 120.0


def find_browser(chosen: str = "") -> str | None:
    """The browser the user named (``WKSBM_BROWSER``, a path or a command name, passed in by the
    CLI), else the first Chromium or Chrome on PATH."""
    for name in (chosen,) if chosen else CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def preflight(ctx: Context) -> None:
    """Before any work: without a browser there is no PDF (exit 2, and the way out)."""
    if find_browser(ctx.browser) is None:
        raise WksbmError("rep.pdf.no-browser")


def command(browser: str, profile: str, *args: str) -> list[str]:
    return [browser, *FLAGS, f"--user-data-dir={profile}", *args]


def run_browser(browser: str, *args: str, timeout: float = TIMEOUT) -> Finished:
    """Run the browser once with its own empty profile, removed afterwards."""
    with tempfile.TemporaryDirectory(
        prefix="wksbm-browser-", ignore_cleanup_errors=True
    ) as profile:
        try:
            return run_program(command(browser, profile, *args), timeout=timeout)
        except ProgramTimeout:
            raise WksbmError("rep.pdf.failed", detail=f"no answer after {timeout:.0f} s") from None
        except OSError as exc:
            raise WksbmError("rep.pdf.failed", detail=exc.strerror or type(exc).__name__) from None


def _last_line(data: bytes) -> str:
    lines = [x for x in data.decode("utf-8", "replace").splitlines() if x.strip()]
    return lines[-1][:200] if lines else "no output"


def html_to_pdf(html: str, browser: str | None = None) -> bytes:
    """The PDF the browser prints from ``html`` (A4, as the page's own ``@page`` rule asks)."""
    chosen = browser or find_browser()
    if chosen is None:
        raise WksbmError("rep.pdf.no-browser")
    with tempfile.TemporaryDirectory(prefix="wksbm-pdf-") as work:
        page = Path(work, "report.html")
        page.write_text(html, encoding="utf-8")
        target = Path(work, "report.pdf")
        done = run_browser(
            chosen, "--no-pdf-header-footer", f"--print-to-pdf={target}", page.as_uri()
        )
        data = target.read_bytes() if target.is_file() else b""
    if not data.startswith(b"%PDF"):
        raise WksbmError("rep.pdf.failed", detail=_last_line(done.stderr))
    return data
