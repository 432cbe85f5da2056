"""Rules about files as files, found by the walker and the reader before any YAML is read."""

from wksbm_cli.core.problem import Severity
from wksbm_cli.rules.base import Option, Rule

E, W = Severity.ERROR, Severity.WARNING

UNEXPECTED_FILE = Rule(
    "unexpected-file",
    "file",
    W,
    detected_by=("wksbm_cli.load.files.file_entry",),
    doc="""
    The kind of a record comes from its top folder, so a ``.yaml`` file anywhere else would be
    silently ignored; it is reported instead. Hidden folders (``.github/``, ``.git/``) are skipped.

    Fails: ``records/wksbm-x.yaml``. Passes: ``records/organisasi/wksbm-x.yaml``.
    """,
)
UNSAFE_PATH = Rule(
    "unsafe-path",
    "file",
    E,
    detected_by=("wksbm_cli.load.files.walk", "wksbm_cli.load.files.read_bytes"),
    doc="""
    Records come from pull requests; a symlink to ``/etc/passwd`` must not end up in a public CI
    log, a FIFO must not hang the check, ``/dev/zero`` must not eat memory. Such paths are
    reported and never opened. So are a folder or file wksbm may not read (``permission
    denied``: its records would otherwise be left out in silence) and a name that is not valid
    UTF-8 (shown with ``\\xff`` escapes, so JSON and SARIF stay valid).

    Fails: ``organisasi/x.yaml -> /etc/passwd``, ``chmod 000 organisasi/kalasan``,
    ``organisasi/evil\\xff.yaml``. Passes: a regular file.
    """,
)
FILE_TOO_LARGE = Rule(
    "file-too-large",
    "file",
    E,
    # and a past commit's blob git would not hand over whole (the yearly report's history)
    detected_by=("wksbm_cli.load.files.read_bytes", "wksbm_cli.figures.history.read_tree"),
    options=(Option("ukuran_berkas_maks", 1024 * 1024, config="ukuran_berkas_maks"),),
    doc="""
    A record is a few kilobytes; a file over the limit (``ukuran_berkas_maks``, default 1 MiB) is
    reported without being parsed, which bounds time and memory.
    """,
)
ENCODING = Rule(
    "encoding",
    "file",
    E,
    detected_by=("wksbm_cli.load.files.decode",),
    doc="""
    Records are UTF-8 (a byte-order mark and CRLF line ends are fine). The diagnostic points at
    the first byte that is not UTF-8.
    """,
)
