"""The words for region levels, which depend on where a region is, not only on the folder.

A kota is not a kabupaten, and a kota's villages are kelurahan. DIY says kapanewon/kalurahan in
its kabupaten and kemantren/kelurahan in Kota Yogyakarta (``istilah: diy``); the Papua provinces
say distrik/kampung. A folder's ``istilah: diy`` applies only to places inside DIY: a Sleman
folder looking up a kota in Jawa Barat sees that kota's own words.

Kemendagri codes carry what is needed: ``PP.7x`` is a kota, a village code ``....1xxx`` a
kelurahan and ``....2xxx`` a desa.
"""

from __future__ import annotations

from dataclasses import dataclass

DIY = "34"
PAPUA = ("91", "92", "93", "94", "95", "96")


@dataclass(frozen=True)
class Terms:
    """Display words (capitalised) and the record keys written for them."""

    kecamatan: str  # Kecamatan | Kapanewon | Kemantren | Distrik
    desa: str  # the usual village word there: Desa | Kalurahan | Kelurahan | Kampung
    dusun: str  # Dusun | Padukuhan
    kecamatan_key: str  # kecamatan | kapanewon | kemantren (a wilayah key RECORDS.md accepts)
    desa_key: str  # desa | kalurahan | kelurahan
    tingkat_desa: str  # the `tingkat` value a village-level WKSBM gets

    def labels(self) -> dict[str, str]:
        return {"kecamatan": self.kecamatan, "desa": self.desa, "dusun": self.dusun}


def is_kota(code: str) -> bool:
    """``35.78`` (Kota Surabaya) and ``32.71`` are kota; ``32.01`` is a kabupaten."""
    return len(code) >= 5 and code[3] == "7"


def terms(code: str | None, istilah: str) -> Terms:
    """The words of the kabupaten/kota with this code (or a longer code inside it). Without a
    code, the words ``istilah`` alone gives (DIY kabupaten words for ``diy``)."""
    if not code:
        return _DIY_KABUPATEN if istilah == "diy" else _NASIONAL
    prov, kota = code[:2], is_kota(code)
    if prov == DIY and istilah == "diy":
        if kota:
            return Terms("Kemantren", "Kelurahan", "Kampung", "kemantren", "kelurahan", "kelurahan")
        return _DIY_KABUPATEN
    if prov in PAPUA:
        if kota:
            return Terms("Distrik", "Kelurahan", "Dusun", "kecamatan", "kelurahan", "kelurahan")
        return Terms("Distrik", "Kampung", "Dusun", "kecamatan", "desa", "desa")
    if kota:
        return Terms("Kecamatan", "Kelurahan", "Dusun", "kecamatan", "kelurahan", "kelurahan")
    return _NASIONAL


_DIY_KABUPATEN = Terms("Kapanewon", "Kalurahan", "Padukuhan", "kapanewon", "kalurahan", "kalurahan")
_NASIONAL = Terms("Kecamatan", "Desa", "Dusun", "kecamatan", "desa", "desa")


def village_word(code: str, istilah: str) -> str:
    """One village's own word: a kelurahan (``1xxx``) stays Kelurahan even in a kabupaten, except
    where DIY calls every village of a kabupaten a kalurahan."""
    words = terms(code, istilah)
    if words.desa in ("Kalurahan", "Kelurahan"):
        return words.desa
    return "Kelurahan" if len(code) == 13 and code[9] == "1" else words.desa


def word(code: str, istilah: str) -> str:
    """The level word of the region with this code: Provinsi, Kabupaten, Kota, Kecamatan,
    Kapanewon, Kemantren, Distrik, Desa, Kelurahan, Kalurahan, Kampung."""
    depth = code.count(".") + 1
    if depth == 1:
        return "Provinsi"
    if depth == 2:
        return "Kota" if is_kota(code) else "Kabupaten"
    if depth == 3:
        return terms(code, istilah).kecamatan
    return village_word(code, istilah)


def full_name(code: str, name: str, istilah: str) -> str:
    """``Kota Bogor``, ``Kabupaten Bogor``, ``Kapanewon Depok``, ``Kelurahan Kricak``: a name as
    written in a record (``display``), with its level word once."""
    lead = word(code, istilah)
    if name.casefold().startswith(lead.casefold() + " "):
        return name
    return f"{lead} {name}"


def group_word(codes: list[str], istilah: str) -> str:
    """The word for a list of sibling regions: ``Kecamatan``, or ``Desa/Kelurahan`` when a
    kecamatan holds both, ``Kabupaten/Kota`` for a province."""
    found: list[str] = []
    for code in codes:
        w = word(code, istilah)
        if w not in found:
            found.append(w)
    return "/".join(sorted(found, key=_order)) if found else ""


def _order(w: str) -> tuple[int, str]:
    return (0 if w in ("Kabupaten", "Desa", "Kampung", "Kalurahan") else 1, w)
