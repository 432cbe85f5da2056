"""The per-file cost of reading a record: the fast YAML path against the located loader.

    python benchmarks/load_speed.py [--orgs 1000] [--variant intact] [--repeat 5]

Generates (or reuses, like ``run.py``) a records folder and times, in one process and in CPU
seconds (best of ``--repeat``), for every record file:

- the floor: PyYAML's libyaml ``yaml.load`` (CSafeLoader), the same as ``run.py``'s;
- the located loader (``load_document``), which builds every position;
- the fast path as the engine calls it (``load_fast_or_located``), alone and with the positions
  a file without findings needs (its root and ``id``, an event's references);
- the pre-scan alone.

It prints microseconds per file, ratios to the floor and how many files the fast path read.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import yaml
from generate import VARIANTS
from run import tree

from wksbm_cli.load import fastyaml
from wksbm_cli.load.fastscan import prescan
from wksbm_cli.load.yamldoc import load_document


def texts_of(root: str) -> list[str]:
    out = []
    for top, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".yaml") and name != "wksbm.yaml":
                with open(os.path.join(top, name), encoding="utf-8-sig") as handle:
                    out.append(handle.read())
    return out


def best(texts: list[str], work: Callable[[str], Any], repeat: int) -> float:
    """The best CPU seconds of ``repeat`` passes of ``work`` over every text."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            work(text)
        times.append(time.process_time() - start)
    return min(times)


def with_positions(text: str) -> None:
    """What the engine asks of a file without findings: the root, ``id``, references."""
    doc = fastyaml.load_fast_or_located(text)
    doc.where(())
    doc.where(("id",))
    peserta = doc.data.get("peserta") if isinstance(doc.data, dict) else None
    if isinstance(peserta, dict) and isinstance(peserta.get("organisasi"), list):
        for index in range(len(peserta["organisasi"])):
            doc.where(("peserta", "organisasi", index))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--variant", choices=VARIANTS, default="intact")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", default=tempfile.gettempdir(), help="where trees are kept")
    args = parser.parse_args(argv)
    root, _ = tree(args.dir, args.orgs, args.variant)
    texts = texts_of(root)
    os.environ.pop(fastyaml.ENV, None)
    fast_files = sum(fastyaml.load_fast(text) is not None for text in texts)
    print(
        f"load speed: {len(texts)} files of {args.variant} ({args.orgs} organisations); python"
        f" {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average"
        f" {os.getloadavg()[0]:.1f}; best of {args.repeat}; ryml"
        f" {'available' if fastyaml.available() else 'NOT available'}, fast path read"
        f" {fast_files} of {len(texts)} files"
    )
    floor = best(texts, lambda t: yaml.load(t, Loader=yaml.CSafeLoader), args.repeat)
    rows = [
        ("floor: libyaml yaml.load", floor),
        ("located loader", best(texts, load_document, args.repeat)),
        ("fast path, no positions", best(texts, fastyaml.load_fast_or_located, args.repeat)),
        ("fast path + root/id/refs", best(texts, with_positions, args.repeat)),
        ("pre-scan alone", best(texts, lambda t: prescan(t, t.encode()), args.repeat)),
    ]
    for label, seconds in rows:
        per = seconds / len(texts) * 1e6
        print(f"  {label:<28}{per:8.1f} us/file {seconds / floor:6.2f} x floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
