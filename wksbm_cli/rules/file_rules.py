"""Rules about files as files, found by the walker before any YAML is read."""

from wksbm_cli.core.problem import Severity
from wksbm_cli.rules.base import REGISTRY

E, W = Severity.ERROR, Severity.WARNING

REGISTRY.declare(
    "unexpected-file",
    "file",
    W,
    "Berkas .yaml di luar organisasi/ dan kegiatan/",
    "A .yaml file outside organisasi/ and kegiatan/",
    """
    The kind of a record comes from its top folder, so a ``.yaml`` file anywhere else would be
    silently ignored; it is reported instead. Hidden folders (``.github/``, ``.git/``) are skipped.

    Fails: ``records/wksbm-x.yaml``. Passes: ``records/organisasi/wksbm-x.yaml``.
    """,
)
REGISTRY.declare(
    "unsafe-path",
    "file",
    E,
    "Tautan simbolik, FIFO, atau bukan berkas biasa",
    "A symbolic link, FIFO or anything that is not a regular file",
    """
    Records come from pull requests; a symlink to ``/etc/passwd`` must not end up in a public CI
    log, a FIFO must not hang the check, ``/dev/zero`` must not eat memory. Such paths are
    reported and never opened. So are a folder or file wksbm may not read (``permission
    denied``: its records would otherwise be left out in silence) and a name that is not valid
    UTF-8 (shown with ``\\xff`` escapes, so JSON and SARIF stay valid).

    Fails: ``organisasi/x.yaml -> /etc/passwd``, ``chmod 000 organisasi/kalasan``,
    ``organisasi/evil\\xff.yaml``. Passes: a regular file.
    """,
)
REGISTRY.declare(
    "file-too-large",
    "file",
    E,
    "Berkas melebihi batas ukuran",
    "File larger than the size limit",
    """
    A record is a few kilobytes; a file over the limit (``ukuran_berkas_maks``, default 1 MiB) is
    reported without being parsed, which bounds time and memory.
    """,
)
REGISTRY.declare(
    "encoding",
    "file",
    E,
    "Berkas bukan UTF-8",
    "File is not UTF-8",
    """
    Records are UTF-8 (a byte-order mark and CRLF line ends are fine). The diagnostic points at
    the first byte that is not UTF-8.
    """,
)
