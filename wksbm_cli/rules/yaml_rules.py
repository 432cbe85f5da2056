"""Rules about YAML itself, found by the located loader in the same pass that reads the file."""

from wksbm_cli.core.problem import Severity
from wksbm_cli.rules.base import REGISTRY

E = Severity.ERROR

REGISTRY.declare(
    "yaml-syntax",
    "yaml",
    E,
    "Kesalahan sintaks YAML",
    "YAML syntax error",
    """
    Anything the YAML parser cannot read: bad indentation, tabs, an unclosed quote, a second
    document (``---``), or nesting deeper than any record needs.

    Fails::

        nama: "WKSBM Condongcatur
    """,
)
REGISTRY.declare(
    "duplicate-key",
    "yaml",
    E,
    "Kunci ganda",
    "Duplicate key",
    """
    YAML parsers silently keep the last of two equal keys. Reported at the second occurrence,
    naming the first line; also when two synonyms (``kecamatan`` and ``kapanewon``) both appear.

    Fails::

        nama: A
        nama: B
    """,
)
REGISTRY.declare(
    "yaml-alias",
    "yaml",
    E,
    "Anchor, alias, atau kunci gabung",
    "Anchor, alias or merge key",
    """
    Anchors (``&a``), aliases (``*a``) and merge keys (``<<``) are refused before anything is
    expanded, which also closes "billion laughs" alias bombs.

    Fails::

        a: &x [1, 2]
        b: *x
    """,
)
REGISTRY.declare(
    "yaml-tag",
    "yaml",
    E,
    "Tag YAML eksplisit",
    "Explicit YAML tag",
    """
    Explicit tags (``!!python/object``, ``!!str``) are never constructed; records need none.

    Fails: ``nama: !!str WKSBM``. Passes: ``nama: "WKSBM"``.
    """,
)
REGISTRY.declare(
    "not-a-mapping",
    "yaml",
    E,
    "Isi teratas bukan pemetaan",
    "Top level is not a mapping",
    """
    A record is one mapping of keys to values. An empty file, a comment-only file, a list or a
    single value at the top is reported.
    """,
)
