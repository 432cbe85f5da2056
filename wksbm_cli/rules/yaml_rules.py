"""Rules about YAML itself, found by the located loader in the same pass that reads the file; and
the check that what it read is a mapping."""

from collections.abc import Iterator

from wksbm_cli.core.problem import Severity
from wksbm_cli.rules.base import LOADER, SCHEMA_CHECK, FileContext, Finding, Option, Rule

E = Severity.ERROR

YAML_SYNTAX = Rule(
    "yaml-syntax",
    "yaml",
    E,
    detected_by=(LOADER,),
    options=(Option("max_depth", 64, source="wksbm_cli.load.yamldoc.MAX_DEPTH"),),
    doc="""
    Anything the YAML parser cannot read: bad indentation, tabs, an unclosed quote, a second
    document (``---``), or nesting deeper than any record needs.

    Fails::

        nama: "WKSBM Condongcatur
    """,
)
DUPLICATE_KEY = Rule(
    "duplicate-key",
    "yaml",
    E,
    detected_by=(LOADER, SCHEMA_CHECK),  # the schema finds two synonyms of one key
    doc="""
    YAML parsers silently keep the last of two equal keys. Reported at the second occurrence,
    naming the first line; also when two synonyms (``kecamatan`` and ``kapanewon``) both appear.

    Fails::

        nama: A
        nama: B
    """,
)
YAML_ALIAS = Rule(
    "yaml-alias",
    "yaml",
    E,
    detected_by=(LOADER,),
    doc="""
    Anchors (``&a``), aliases (``*a``) and merge keys (``<<``) are refused before anything is
    expanded, which also closes "billion laughs" alias bombs.

    Fails::

        a: &x [1, 2]
        b: *x
    """,
)
YAML_TAG = Rule(
    "yaml-tag",
    "yaml",
    E,
    detected_by=(LOADER,),
    doc="""
    Explicit tags (``!!python/object``, ``!!str``) are never constructed; records need none.

    Fails: ``nama: !!str WKSBM``. Passes: ``nama: "WKSBM"``.
    """,
)


def not_a_mapping(ctx: FileContext) -> Iterator[Finding]:
    """
    A record is one mapping of keys to values. An empty file, a comment-only file, a list or a
    single value at the top is reported.
    """
    if isinstance(ctx.doc.data, dict) or any(i.rule == "yaml-syntax" for i in ctx.doc.issues):
        return  # a record, or YAML that could not be read at all (which says so already)
    key = "not-a-mapping.empty" if ctx.doc.data is None else "not-a-mapping"
    got = "list" if isinstance(ctx.doc.data, list) else "text"
    yield Finding("not-a-mapping", (), key, {"got": got})


NOT_A_MAPPING = Rule("not-a-mapping", "yaml", E, not_a_mapping, "file", runs_without_record=True)
