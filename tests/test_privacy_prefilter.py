"""The privacy scans are pre-filtered (16 digits in a row, a 0 8x / 62 8x start, an ``@``), find
e-mail addresses from each ``@`` and place a match in ``kontak`` without the full locator. None
of that may change a finding: the scan before those shortcuts is kept here as the reference."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from wksbm_cli.load.yamldoc import load_document
from wksbm_cli.model.records import Config
from wksbm_cli.rules import privacy
from wksbm_cli.rules.base import FileContext, Finding
from wksbm_cli.rules.registry import RULES as RULES_TABLE

RULES = (
    ("personal-nik", privacy._NIK, False),
    ("personal-phone", privacy._PHONE, True),
    ("personal-email", privacy._EMAIL, True),
)


def _reference(
    ctx: FileContext, rule: str, pattern: re.Pattern[str], allow_kontak: bool
) -> Iterator[Finding]:
    locator = None
    for match in pattern.finditer(ctx.text):
        text = match.group(0)
        if rule == "personal-nik" and not privacy.is_nik(text):
            continue
        if rule == "personal-email" and privacy._INSTITUTION.search(text):
            continue
        locator = locator or privacy._Locator(ctx)
        path = locator.path_at(match.start())
        if allow_kontak and path[:1] == ("kontak",):
            continue
        line, col = locator.line_col(match.start())
        masked = (
            privacy.mask_nik(text)
            if rule == "personal-nik"
            else privacy.mask_email(text)
            if rule == "personal-email"
            else privacy.mask_digits(text)
        )
        yield Finding(rule, path, rule, {"masked": masked}, at=(line, col), private=text)


def _context(text: str) -> FileContext:
    doc = load_document(text)
    return FileContext("organisasi/x.yaml", "organisasi", "x", text, doc, None, Config(),
                       dt.date(2026, 1, 1), RULES_TABLE)  # fmt: skip


def _same(text: str) -> None:
    ctx = _context(text)
    for rule, pattern, allow in RULES:
        assert list(privacy._findings(ctx, rule, pattern, allow)) == list(
            _reference(ctx, rule, pattern, allow)
        ), (rule, text)


CASES = [
    "kontak:\n  email: wksbm.sido@gmail.com\n  telepon: 0812-3456-7890\ncatatan: budi@gmail.com\n",
    "catatan: a@b.com.x@y.com dan c@d.co.id, e@@f.org, @g.com, h@i\n",
    "kontak: {email: a@gmail.com, telepon: '+62 812 3456 7890'}\n"
    "pengurus: [{email: b@ymail.com}]\n",
    "# kontak lama: x@gmail.com\nkontak:\n  email: y@gmail.com\n# komentar z@gmail.com\nid: a\n",
    "catatan: NIK 3404075507950003 dan 34040755079500031 dan ٣٤٠٤٠٧٥٥٠٧٩٥٠٠٠٣\n",
    "catatan: 6281234567890 08123456789 (0)812-3456-789 62 (0)812 3456 7890\n",
    "kontak:\n  telepon: 0812 3456 7890\nkontak:\n  email: dua@gmail.com\n",
    "catatan: café.ñ+tag@domain-x.example.org.\n",
    "kontak: budi@gmail.com\n",
]


def test_known_cases_find_what_the_plain_scan_finds() -> None:
    for text in CASES:
        _same(text)


_pieces = st.sampled_from(
    [
        "kontak:\n", "  email: ", "  telepon: ", "catatan: ", "id: x\n", "pengurus:\n",
        "  - nama: A\n    email: ", "# ", "\n", " ", "@", ".", "-", "+", "+62", "62", "0", "8",
        "812", "3456", "7890", "gmail.com", "go.id", "budi", "a.b", "3404075507950003",
        "3404071507950003", "{", "}", ":", ", ", "'", '"', "\t", "é", "٣",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=40))
def test_any_text_finds_what_the_plain_scan_finds(pieces: list[str]) -> None:
    _same("".join(pieces))
