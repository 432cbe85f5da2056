"""One spreadsheet row as the organisation record it describes, or the reason it cannot be one.

Regions are resolved against the official list the folder's ``validate`` uses and written in
their official spelling with the Kemendagri ``kode``. A misspelt kecamatan is put right only when
the kalurahan on the same row exists in exactly one kecamatan of the folder's kabupaten;
otherwise the row is refused with a "did you mean". Phone numbers and e-mail addresses are
personal data: a folder with ``privasi: publik`` never receives them (the plan counts them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wksbm_cli.authoring.importing import values as v
from wksbm_cli.authoring.importing.headers import Header
from wksbm_cli.authoring.importing.readers import Cell, Sheet
from wksbm_cli.authoring.new_record import TINGKAT_VALUES
from wksbm_cli.core.terms import terms
from wksbm_cli.core.vocabulary import STATUSES
from wksbm_cli.model.records import Config, Wilayah
from wksbm_cli.regions import reference
from wksbm_cli.regions.lookup import scope
from wksbm_cli.regions.names import match
from wksbm_cli.regions.resolve import folder_scope, has_data, official_name, resolve

OFFICER_FIELDS = ("ketua", "sekretaris", "bendahara")
TOTALS = ("jumlah", "total", "jumlah total", "grand total", "total keseluruhan")
STATUS_WORDS = {
    **{status: status for status in STATUSES},
    "active": "aktif",
    "tidak aktif": "vakum",
    "non aktif": "vakum",
    "nonaktif": "vakum",
    "inactive": "vakum",
    "dissolved": "bubar",
}

Note = tuple[str, dict[str, Any]]


@dataclass
class Candidate:
    """What a row says about one organisation, in record terms."""

    sheet: str
    row: int  # 1-based, as the spreadsheet shows it
    id: str | None
    nama: str
    jenis: str
    tingkat: str
    kecamatan: str | None
    desa: str | None
    dusun: str | None
    kode: str | None
    values: dict[str, Any]  # status, dibentuk, jumlah_anggota, catatan, kontak.alamat, sk.*
    officers: list[dict[str, Any]]
    notes: list[Note] = field(default_factory=list)
    dropped: int = 0  # phone numbers and e-mails left out (privasi: publik)


@dataclass
class Rejected:
    sheet: str
    row: int
    key: str
    args: dict[str, Any]


@dataclass(frozen=True)
class Keys:
    """The ``wilayah`` keys and ``tingkat`` words records of this folder are written with (as
    ``wksbm new`` writes them: ``kapanewon``/``kalurahan`` in DIY, ``kemantren`` in Kota
    Yogyakarta, ``kecamatan``/``desa`` elsewhere)."""

    kecamatan: str
    desa: str
    dusun: str
    tingkat_desa: str

    def desa_for(self, kode: str | None) -> str:
        """A kelurahan of a kabupaten (code ``....1xxx``) is written as one."""
        code = kode or ""
        if self.desa == "desa" and len(code) == 13 and code[9] == "1":
            return "kelurahan"
        return self.desa


def folder_keys(config: Config) -> Keys:

    words = terms(config.wilayah.kode or scope(config), config.istilah)
    dusun = "padukuhan" if words.dusun == "Padukuhan" else "dusun"
    return Keys(words.kecamatan_key, words.desa_key, dusun, words.tingkat_desa)


class Skip(Exception):
    """An empty row or a totals row: not data, not an error."""


class Refuse(Exception):
    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def _is_totals(cells: dict[str, Cell]) -> bool:
    first = next((v.text(c) for c in cells.values() if not v.blank(c)), None)
    return first is not None and first.casefold().rstrip(":") in TOTALS


def _cell(cells: dict[str, Cell], name: str) -> Cell:
    return cells.get(name)


def row_cells(sheet: Sheet, header: Header, index: int) -> dict[str, Cell]:
    raw = sheet.rows[index]
    return {f: raw[c] if c < len(raw) else None for c, f in header.columns.items()}


def read_row(
    sheet: Sheet, header: Header, index: int, config: Config, sheet_kecamatan: str | None
) -> Candidate:
    """Raises Skip for rows that are not data and Refuse for rows that cannot be a record."""
    cells = row_cells(sheet, header, index)
    raw = sheet.rows[index]
    if all(v.blank(c) for c in raw) or _is_totals({str(i): c for i, c in enumerate(raw)}):
        raise Skip
    nama = v.text(_cell(cells, "nama"))
    if nama is None:
        if all(v.blank(c) for f, c in cells.items() if f not in ("jumlah_anggota",)):
            raise Skip  # only numbers left: a subtotal line without a label
        raise Refuse("import.no-name")
    words = folder_keys(config)
    jenis = (v.text(_cell(cells, "jenis")) or "wksbm").casefold()
    if jenis not in ("wksbm", "forum", "lembaga"):
        raise Refuse("import.bad-value", column="jenis", value=jenis, expected="choice")
    kec_written = v.text(_cell(cells, "kecamatan")) or sheet_kecamatan
    desa_written = v.text(_cell(cells, "desa"))
    dusun = v.text(_cell(cells, "dusun"))
    notes: list[Note] = []
    kec, desa, kode = place(kec_written, desa_written, config, notes)
    if kode is None and (v.text(_cell(cells, "kode"))):
        kode = v.text(_cell(cells, "kode"))
    tingkat_written = v.text(_cell(cells, "tingkat"))
    if tingkat_written:
        tingkat = _tingkat(tingkat_written)
    elif dusun:
        tingkat = words.dusun
    elif desa:
        tingkat = words.tingkat_desa
    else:
        tingkat = words.kecamatan
    if jenis == "wksbm" and tingkat in ("desa", "kalurahan", "kelurahan") and not desa:
        raise Refuse("import.no-desa", level=config.labels["desa"])
    out: dict[str, Any] = {}
    # Given in the sheet (not defaulted): only these may change an existing record.
    if v.text(_cell(cells, "jenis")):
        out["jenis"] = jenis
    if tingkat_written:
        out["tingkat"] = tingkat
    try:
        status = v.text(_cell(cells, "status"))
        if status is not None:
            if status.casefold() not in STATUS_WORDS:
                raise Refuse("import.bad-value", column="status", value=status, expected="choice")
            out["status"] = STATUS_WORDS[status.casefold()]
        column = "dibentuk"
        if (day := v.parse_date(_cell(cells, "dibentuk"))) is not None:
            out["dibentuk"] = day
        sk = _sk(cells, notes)
        if sk:
            out["sk"] = sk
        column = "jumlah_anggota"
        if (count := v.parse_count(_cell(cells, "jumlah_anggota"))) is not None:
            out["jumlah_anggota"] = count
    except v.BadValue as exc:
        raise Refuse(
            "import.bad-value", column=column, value=exc.written, expected=exc.kind
        ) from None
    if alamat := v.text(_cell(cells, "alamat")):
        out["kontak"] = {"alamat": alamat}
    if catatan := v.text(_cell(cells, "catatan")):
        out["catatan"] = catatan
    officers = [
        {"jabatan": role, "nama": name}
        for role in OFFICER_FIELDS
        if (name := v.person_name(_cell(cells, role)))
    ]
    dropped = 0
    for column, key in (("telepon", "telepon"), ("email", "email")):
        value = (
            v.phone_text(_cell(cells, column)) if key == "telepon" else v.text(cells.get(column))
        )
        if value is None:
            continue
        if config.privasi != "internal":
            dropped += 1
        elif officers and officers[0]["jabatan"] == "ketua":
            officers[0][key] = value
        else:
            notes.append(("import.personal-no-ketua", {"column": column}))
    record_id = v.text(_cell(cells, "id"))
    return Candidate(
        sheet.name,
        index + 1,
        record_id,
        nama,
        jenis,
        tingkat,
        kec,
        desa,
        dusun,
        kode,
        out,
        officers,
        notes,
        dropped,
    )


def _tingkat(written: str) -> str:

    word = written.casefold().strip()
    if word not in TINGKAT_VALUES:
        raise Refuse("import.bad-value", column="tingkat", value=written, expected="choice")
    return word


def _sk(cells: dict[str, Cell], notes: list[Note]) -> dict[str, Any]:
    sk: dict[str, Any] = {}
    if nomor := v.text(cells.get("sk_nomor")):
        sk["nomor"] = nomor
    if (day := v.parse_date(cells.get("sk_tanggal"))) is not None:
        sk["tanggal"] = day
    if penerbit := v.text(cells.get("sk_penerbit")):
        sk["penerbit"] = penerbit
    if (until := v.parse_date(cells.get("sk_berlaku_sampai"))) is not None:
        sk["berlaku_sampai"] = until
    legalitas = v.text(cells.get("legalitas"))
    if legalitas and not sk:
        parsed = v.parse_legalitas(legalitas)
        if parsed is None:
            notes.append(("import.legalitas-unread", {"value": legalitas}))
        else:
            if parsed.penerbit:
                sk["penerbit"] = parsed.penerbit
            sk["nomor"] = parsed.nomor
            if parsed.tanggal:
                sk["tanggal"] = parsed.tanggal
    return {k: sk[k] for k in ("nomor", "tanggal", "penerbit", "berlaku_sampai") if k in sk}


_PLACES: dict[
    tuple[Any, ...], tuple[tuple[str | None, str | None, str | None], list[Note]] | Refuse
] = {}


def place(
    kecamatan: str | None, desa: str | None, config: Config, notes: list[Note]
) -> tuple[str | None, str | None, str | None]:
    """Official kecamatan and desa names and the desa's code (the kecamatan's without a desa).
    Memoised: a list repeats the same few places thousands of times."""
    key = (kecamatan, desa, config.wilayah, config.istilah)
    if key not in _PLACES:
        found: list[Note] = []
        try:
            _PLACES[key] = (_place(kecamatan, desa, config, found), found)
        except Refuse as exc:
            _PLACES[key] = exc
    known = _PLACES[key]
    if isinstance(known, Refuse):
        raise Refuse(known.key, **known.args_)
    notes.extend(known[1])
    return known[0]


def _place(
    kecamatan: str | None, desa: str | None, config: Config, notes: list[Note]
) -> tuple[str | None, str | None, str | None]:

    if not has_data(config) or not (kecamatan or desa):
        return kecamatan, desa, None
    # Not inherited from wksbm.yaml: its kabupaten name may be ambiguous (Bogor is a kabupaten
    # and a kota); without it the configured region's code is searched.
    res = resolve(Wilayah(kecamatan=kecamatan, desa=desa), config)
    assert res is not None
    labels = config.labels
    if not res.issues:
        kec_code, desa_code = res.codes.get("kecamatan"), res.codes.get("desa")
        kec = official_name(kec_code) if kec_code else kecamatan
        vil = official_name(desa_code) if desa_code else desa
        return kec, vil, desa_code or kec_code
    issue = res.issues[0]
    folder = reference.data_dir()
    if issue.level == "kecamatan" and desa and folder is not None:
        scope = folder_scope(folder, config) or ""
        table = reference.villages(folder, scope[:5])
        pool = {c: n for c, n in table.items() if c.startswith(scope + ".")}
        hits = match(desa, 4, pool)
        if len(hits) == 1:
            kec = official_name(hits[0][:8])
            vil = official_name(hits[0])
            notes.append(
                (
                    "import.region-corrected",
                    {
                        "level": labels["kecamatan"],
                        "written": kecamatan,
                        "official": kec,
                        "desa": vil,
                    },
                )
            )
            return kec, vil, hits[0]
    if issue.level not in ("kecamatan", "desa"):
        return kecamatan, desa, None
    written = issue.written
    suggestion = issue.suggestions[0] if issue.suggestions else ""
    raise Refuse(
        "import.region-unknown",
        level=labels[issue.level],
        value=written,
        suggestion=suggestion,
    )


def sheet_kecamatan(name: str, config: Config) -> str | None:
    """A sheet named after a kecamatan ("Kalasan", "Kec. Depok") supplies it to rows without one."""

    if not has_data(config):
        return None
    try:
        kec, _, _ = place(name, None, config, [])
    except Refuse:
        return None
    return kec
