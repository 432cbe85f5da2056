"""The text of a new record, and the file it belongs in.

A volunteer starts from a file that already validates (apart from the officers only they know),
that names its JSON Schema for the editor, and that lists every optional field commented out with
a hint, so that nobody has to copy an old record and guess. Values are written through
``yaml.safe_dump``, so ``no``, ``0812...`` or ``1:30`` stay text instead of turning into a
boolean, a number or a time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from string import Template

import yaml

from wksbm_cli.core.terms import Terms
from wksbm_cli.core.vocabulary import VILLAGE_LEVELS
from wksbm_cli.errors import WksbmError
from wksbm_cli.load.files import walk
from wksbm_cli.model.schema import KEGIATAN, ORGANISASI, SLUG_PATTERN, TINGKAT
from wksbm_cli.model.types import Field, Struct

SCHEMA_FOLDER = "schemas"  # inside the records folder: `wksbm schema --output <records>/schemas`
JENIS_ORGANISASI = ("wksbm", "forum", "lembaga")
_DATE_PREFIX = re.compile(r"(\d{4}-\d{2}-\d{2})-")


def slug(text: str) -> str:
    """``"WKSBM Ngudi Rahayu"`` -> ``wksbm-ngudi-rahayu``: ASCII, lower case, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


_LOOKS_TYPED = re.compile(r"[-+.0-9]|(?:y|n|yes|no|on|off|true|false|null|~)$", re.IGNORECASE)


def scalar(value: str) -> str:
    """One YAML scalar that reads back as exactly this text, under YAML 1.1 and 1.2 alike:
    anything that starts like a number (``0812``, ``1:30``) or reads as a boolean is quoted
    even where PyYAML alone would leave it plain."""
    if _LOOKS_TYPED.match(value):
        return json.dumps(value, ensure_ascii=False)
    dumped = yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=10**6)
    return dumped.strip()[1:-1]


def check_id(record_id: str) -> str:
    if not re.fullmatch(SLUG_PATTERN, record_id) or len(record_id) > 80:
        raise WksbmError("new.bad-id", id=record_id, example=slug(record_id) or "wksbm-contoh")
    return record_id


def check_choice(option: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise WksbmError(
            "option.unknown-value", option=option, value=value, choices=", ".join(allowed)
        )
    return value


def event_id(record_id: str, tanggal: dt.date) -> str:
    """Event ids start with their date (as the bundled records do): a missing prefix is added,
    a prefix that disagrees with ``tanggal`` is refused."""
    found = _DATE_PREFIX.match(record_id)
    if found is None:
        return check_id(f"{tanggal.isoformat()}-{record_id}")
    if found.group(1) != tanggal.isoformat():
        raise WksbmError("new.id-date", prefix=found.group(1), tanggal=tanggal.isoformat())
    return check_id(record_id)


def _schema_line(root: str, target: str, kind: str) -> str:
    schema = os.path.join(root, SCHEMA_FOLDER, f"{kind}.schema.json")
    rel = os.path.relpath(schema, os.path.dirname(target)).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={rel}\n"


@dataclass(frozen=True)
class NewOrganisation:
    id: str
    nama: str
    jenis: str
    tingkat: str | None
    kecamatan: str | None
    desa: str | None
    kode: str | None = None  # of the desa (else the kecamatan) when checked against the list


def organisation_path(root: str, org: NewOrganisation, folder: str | None) -> str:
    """``organisasi/<kecamatan>/<id>.yaml``; without a kecamatan, a folder named by jenis."""
    sub = folder if folder else slug(org.kecamatan) if org.kecamatan else org.jenis
    parts = [p for p in sub.replace("\\", "/").split("/") if p]
    if not parts or any(p in (".", "..") or p.startswith(".") for p in parts):
        raise WksbmError("new.bad-folder", folder=folder)
    return os.path.join(root, "organisasi", *parts, f"{org.id}.yaml")


def check_id_unused(root: str, kind: str, target: str) -> None:
    """Ids are unique per kind across the folder (``duplicate-id``) and a file is named by its
    record's id (``id-mismatch``), so another file of that kind with the target's name means the
    id is taken. The target itself is left to the no-overwrite check of the write."""

    name = os.path.basename(target)
    own = os.path.relpath(target, root).replace(os.sep, "/")
    for entry in walk(root):
        if entry.kind == kind and entry.rel != own and entry.rel.rsplit("/", 1)[-1] == name:
            record_id = name.rsplit(".", 1)[0]
            other = os.path.relpath(os.path.join(root, entry.rel)).replace(os.sep, "/")
            raise WksbmError("new.id-taken", id=record_id, other=other)


def organisation_text(root: str, target: str, org: NewOrganisation, words: Terms) -> str:
    """The keys follow the folder's terms (``kapanewon:`` in DIY, ``kemantren:`` in Kota
    Yogyakarta, ``kelurahan:`` in a kota)."""
    out = [_schema_line(root, target, "organisasi")]
    out.append(f"id: {scalar(org.id)}\n")
    out.append(f"nama: {scalar(org.nama)}\n")
    dusun = "padukuhan" if words.dusun == "Padukuhan" else "dusun"
    out.append(f"jenis: {org.jenis}\n")
    if org.tingkat:
        out.append(f"tingkat: {org.tingkat}\n")
    else:
        out.append(
            f"# tingkat: {words.tingkat_desa}  # rt | rw | {dusun}"
            f" | {words.desa_key} | {words.kecamatan_key} | kabupaten | provinsi\n"
        )
    if org.kecamatan or org.desa:
        out.append("wilayah:\n")
        if org.kecamatan:
            out.append(f"  {words.kecamatan_key}: {scalar(org.kecamatan)}\n")
        if org.desa:
            out.append(f"  {_desa_key(org, words)}: {scalar(org.desa)}\n")
        out.append(f"  # {dusun}: Nama  # bila bekerja di tingkat {dusun}\n")
        if org.kode:
            out.append(f'  kode: "{org.kode}"  # kode wilayah Kemendagri\n')
        else:
            out.append('  # kode: "34.04.07.2003"  # kode wilayah Kemendagri, dalam tanda kutip\n')
    out.append(optional_fields(ORGANISASI, words))
    return "".join(out)


def _desa_key(org: NewOrganisation, words: Terms) -> str:
    """A kelurahan of a kabupaten (code ``....1xxx``) is written as one: ``kelurahan:``."""
    kode = org.kode or ""
    if words.desa_key == "desa" and len(kode) == 13 and kode[9] == "1":
        return "kelurahan"
    return words.desa_key


def commented(field: Field) -> str:
    """A field's example as commented-out lines: ``# name: value  # hint``, then any further
    lines of the example, each behind ``# ``."""
    first, *rest = field.example.split("\n")
    if first.startswith("#"):
        head = f"# {field.name}:  {first}"
    else:
        head = f"# {field.name}: {first}" if first else f"# {field.name}:"
    return "".join(f"{line}\n" for line in (head, *(f"# {line}" for line in rest)))


def optional_fields(struct: Struct, words: Terms) -> str:
    """Every field of the kind that declares an example, commented out, in the schema's order;
    ``$desa`` is the region's village word (Balai Desa in Bogor, Balai Kalurahan in Sleman) and
    ``$kecamatan`` its key (``kapanewon:`` in DIY)."""
    text = "".join(commented(f) for f in struct.fields if f.example)
    return Template(text).safe_substitute(desa=words.desa, kecamatan=words.kecamatan_key)


@dataclass(frozen=True)
class NewEvent:
    id: str
    judul: str
    jenis: str
    tanggal: dt.date
    penyelenggara: str


def event_path(root: str, event: NewEvent) -> str:
    return os.path.join(root, "kegiatan", f"{event.tanggal.year:04d}", f"{event.id}.yaml")


def event_text(root: str, target: str, event: NewEvent, words: Terms) -> str:
    out = [_schema_line(root, target, "kegiatan")]
    out.append(f"id: {scalar(event.id)}\n")
    out.append(f"judul: {scalar(event.judul)}\n")
    out.append(f"jenis: {event.jenis}\n")
    out.append(f"tanggal: {event.tanggal.isoformat()}\n")
    out.append(f"penyelenggara: {scalar(event.penyelenggara)}\n")
    out.append(optional_fields(KEGIATAN, words))
    return "".join(out)


TINGKAT_VALUES = (*TINGKAT.values, *TINGKAT.synonyms)


def needs_desa(jenis: str, tingkat: str | None) -> bool:
    return jenis == "wksbm" and TINGKAT.normalize(tingkat or "desa") in VILLAGE_LEVELS
