"""Resolving a written ``wilayah`` against the official list: codes, nesting and suggestions.

The result lists what each level resolved to and what is wrong (unknown, misplaced, ambiguous,
a ``kode`` that disagrees), as plain values; rules turn them into located, labelled messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from wksbm_cli.core.vocabulary import CODED_LEVELS
from wksbm_cli.model.records import Config, Wilayah
from wksbm_cli.regions import reference
from wksbm_cli.regions.names import display, match, match_in, spellings, suggest

LEVELS = CODED_LEVELS
_NONE: dict[str, str] = {}  # one shared empty pool (never written), so memo keys stay few


@dataclass(frozen=True)
class Issue:
    level: str
    kind: str  # unknown | mismatch | ambiguous | kode-unknown | kode-mismatch
    written: str
    parent: str = ""  # code of the parent searched in
    suggestions: tuple[str, ...] = ()
    found: tuple[str, ...] = ()  # codes where the name does exist


@dataclass
class Resolution:
    codes: dict[str, str] = field(default_factory=dict)  # level -> code
    issues: list[Issue] = field(default_factory=list)


def folder_scope(folder: str, config: Config) -> str | None:
    """The code prefix of the configured region (kode, else the kabupaten/provinsi names)."""
    w = config.wilayah
    base = reference.base(folder)
    if w.kode:
        code = ".".join(w.kode.split(".")[:2])
        return code if code in base else None
    prov = match(w.provinsi, 1, children_of(base, "")) if w.provinsi else []
    if w.kabupaten:
        parent = prov[0] if len(prov) == 1 else None
        pool = children_of(base, parent) if parent else codes_at_level(base, 2)
        kab = match(w.kabupaten, 2, pool)
        return kab[0] if len(kab) == 1 else None
    return prov[0] if len(prov) == 1 else None


def configured_area(config: Config) -> tuple[str, str] | None:
    """The official data folder and the code of the folder's configured region; None when
    names cannot be checked (no data installed, no kabupaten configured, or one the data does
    not know)."""
    folder = reference.data_dir()
    if folder is None or not (config.wilayah.kode or config.wilayah.kabupaten):
        return None
    scope = folder_scope(folder, config)
    return None if scope is None else (folder, scope)


def _index(table: dict[str, str]) -> dict[tuple[str, int], dict[str, str]]:
    """The table grouped once by (parent code, depth) and by ("*level", depth): a national table
    has 7,000+ kecamatan, and scanning it for every name asked made region checks grow with
    the number of distinct places. Kept in ``reference.MEMO`` (with the table, so its id
    cannot be reused while the entry lives), hence cleared with the data."""
    entry = reference.MEMO.get(("index", id(table)))
    if isinstance(entry, tuple) and entry[0] is table:
        return entry[1]  # type: ignore[no-any-return]
    index: dict[tuple[str, int], dict[str, str]] = {}
    for code, name in table.items():
        depth = code.count(".") + 1
        parent = code.rsplit(".", 1)[0] if depth > 1 else ""
        index.setdefault((parent, depth), {})[code] = name
        index.setdefault(("*level", depth), {})[code] = name
    reference.MEMO[("index", id(table))] = (table, index)
    return index


def codes_at_level(table: dict[str, str], level: int) -> dict[str, str]:
    return _index(table).get(("*level", level), _NONE)


def children_of(table: dict[str, str], parent: str) -> dict[str, str]:
    depth = parent.count(".") + 2 if parent else 1
    return _index(table).get((parent, depth), _NONE)


def _descendants(table: dict[str, str], parent: str, depth: int) -> dict[str, str]:
    """Codes ``depth`` levels deep under ``parent`` (a level skipped in the written place)."""
    key = ("descendants", id(table), parent, depth)
    found = reference.MEMO.get(key)
    if found is None:
        want = parent + "."
        level = codes_at_level(table, depth)
        found = reference.MEMO[key] = {c: n for c, n in level.items() if c.startswith(want)}
    return found  # type: ignore[return-value]


def _wider(table: dict[str, str], depth: int, provinsi: str) -> dict[str, str]:
    """Every name of that level in the configured province: where a misplaced name is found."""
    key = ("wider", id(table), depth, provinsi)
    found = reference.MEMO.get(key)
    if found is None:
        level = codes_at_level(table, depth)
        found = reference.MEMO[key] = {c: n for c, n in level.items() if c[:2] == provinsi}
    return found  # type: ignore[return-value]


def _match(name: str, depth: int, pool: dict[str, str]) -> list[str]:
    """``names.match`` over one of the stable pools above (index entries and memoised subsets),
    with the pool's spellings built once: every distinct misspelt name used to rebuild them."""
    key = ("spellings", id(pool), depth)
    entry = reference.MEMO.get(key)
    if not (isinstance(entry, tuple) and entry[0] is pool):
        entry = reference.MEMO[key] = (pool, spellings(depth, pool))
    return match_in(name, depth, entry[1])


def resolve(wilayah: Wilayah, config: Config) -> Resolution | None:
    """None when there is no reference data for the configured region (or no package).
    Memoised on what resolution reads (the four named levels and ``kode``): a folder repeats
    the same few places thousands of times, each with its own padukuhan, RW and RT."""
    w = wilayah
    key = (w.provinsi, w.kabupaten, w.kecamatan, w.desa, w.kode, config.wilayah)
    if key not in reference.MEMO:
        reference.MEMO[key] = _resolve(wilayah, config)
    return reference.MEMO[key]  # type: ignore[return-value]


def _resolve(wilayah: Wilayah, config: Config) -> Resolution | None:
    area = configured_area(config)
    if area is None:
        return None
    folder, scope = area
    base = reference.base(folder)
    out = Resolution()
    parent = ""
    for depth, level in enumerate(LEVELS, start=1):
        written = getattr(wilayah, level)
        if not written:
            if depth <= scope.count(".") + 1:
                parent = ".".join(scope.split(".")[:depth])
            continue
        if depth == 4:
            table = reference.villages(folder, ".".join((parent or scope).split(".")[:2]))
        else:
            table = base
        pool = children_of(table, parent) if depth <= parent.count(".") + 2 or not parent else _NONE
        if parent and parent.count(".") + 2 < depth:  # a level skipped: search the subtree
            pool = _descendants(table, parent, depth)
        hits = _match(written, depth, pool)
        own = ".".join(scope.split(".")[:depth])
        if len(hits) > 1 and depth <= scope.count(".") + 1 and own in hits:
            # The folder's own region settles a name two regions share (Kabupaten and Kota
            # Bogor): a record in a Kabupaten Bogor folder means the kabupaten.
            hits = [own]
        if len(hits) == 1:
            out.codes[level] = parent = hits[0]
            continue
        if len(hits) > 1:
            out.issues.append(Issue(level, "ambiguous", written, parent, found=tuple(hits)))
            break
        wider = _match(written, depth, _wider(table, depth, scope[:2]))
        kind = "mismatch" if wider else "unknown"
        out.issues.append(
            Issue(level, kind, written, parent, tuple(suggest(written, depth, pool)), tuple(wider))
        )
        break
    if wilayah.kode:
        _check_kode(wilayah.kode, out, base, folder)
    return out


def _check_kode(kode: str, out: Resolution, base: dict[str, str], folder: str) -> None:
    table = reference.villages(folder, kode[:5]) if kode.count(".") == 3 else base
    if kode not in table:
        out.issues.append(Issue("kode", "kode-unknown", kode))
        return
    for code in out.codes.values():
        short, long_ = sorted((code, kode), key=len)
        if not long_.startswith(short):
            out.issues.append(Issue("kode", "kode-mismatch", kode, found=(code,)))
            return


def official_name(code: str) -> str | None:
    """Memoised: summaries and reports ask it for every level of every record."""
    key = ("official", code)
    if key not in reference.MEMO:
        reference.MEMO[key] = _official_name(code)
    return reference.MEMO[key]  # type: ignore[return-value]


def _official_name(code: str) -> str | None:
    folder = reference.data_dir()
    if folder is None:
        return None
    table = reference.villages(folder, code[:5]) if code.count(".") == 3 else reference.base(folder)
    name = table.get(code)
    return display(name, code.count(".") + 1) if name else None


def canonical_wilayah(wilayah: Wilayah, config: Config) -> Wilayah:
    """The same place with every accepted name in its official spelling (for summaries,
    reports and exports); names that are not accepted are left as written."""
    res = resolve(wilayah, config)
    if res is None:
        return wilayah
    changes = {
        level: name
        for level, code in res.codes.items()
        if (name := official_name(code)) is not None
    }
    return replace(wilayah, **changes) if changes else wilayah


def desa_issue(name: str, kecamatan: str | None, config: Config) -> Issue | None:
    """Check one desa name written without its own kecamatan (an event's ``peserta.asal``):
    inside ``kecamatan`` (a code) when known, else anywhere in the configured region, where a
    name found in two kecamatan is accepted. None when accepted or when there is no data."""
    key = ("desa", name, kecamatan, config.wilayah)
    if key not in reference.MEMO:
        reference.MEMO[key] = _desa_issue(name, kecamatan, config)
    return reference.MEMO[key]  # type: ignore[return-value]


def _desa_issue(name: str, kecamatan: str | None, config: Config) -> Issue | None:
    area = configured_area(config)
    if area is None:
        return None
    folder, scope = area
    table = reference.villages(folder, scope[:5])
    everywhere = {c: n for c, n in table.items() if c.startswith(scope + ".")}
    if kecamatan:
        inside = children_of(table, kecamatan)
        if match(name, 4, inside):
            return None
        wider = match(name, 4, everywhere)
        if wider:
            return Issue("desa", "mismatch", name, kecamatan, found=tuple(wider))
        return Issue("desa", "unknown", name, kecamatan, tuple(suggest(name, 4, inside)))
    if match(name, 4, everywhere):
        return None
    return Issue("desa", "unknown", name, scope, tuple(suggest(name, 4, everywhere)))


def has_data(config: Config) -> bool:
    """Whether region names can be checked at all for this folder."""
    return configured_area(config) is not None
