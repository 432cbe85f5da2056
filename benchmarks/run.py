"""Time ``wksbm validate`` against the floors every YAML checker pays, in one run.

    python benchmarks/run.py --orgs 10000 --repeat 3 [--variant intact --variant deleted5 ...]

For each variant of ``generate.py`` (default: all of them) generates (or reuses) a records folder
of N organisations and N/10 events, then times, each as a fresh process and reporting the median of
``--repeat`` runs:

- the floors: reading every byte; PyYAML's libyaml ``yaml.load`` (CSafeLoader) of every file in
  one process (measured again for every variant, next to its validate runs);
- ``wksbm validate --format json`` cold (``--no-cache``, as in the issue's target) and warm (cache
  present, nothing changed; one untimed warm-up run first); with ``--located`` also cold with
  ``WKSBM_YAML=located``, without the fast YAML path;
- ``wksbm --help`` against the ``--help`` of a minimal two-command Typer app, and ``wksbm
  validate`` of a five-file folder against that same floor.

Ratios (of wall-clock medians) are printed against floors measured in the same run, so a busy
machine skews both sides alike; CPU seconds (user + system, workers included) are printed too, as
they depend less on what else the machine is doing. Peak RSS is the largest resident size in the
process tree (``os.wait4``). With ``--orgs`` above 10,000 the 10,000-organisation folder is also
validated cold, to compare the time per file. Trees are kept under ``--dir`` (default: the
system temp folder) for reuse.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Sequence
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from generate import VARIANTS, generate

AS_OF = "2026-01-01"

READ_ALL = """
import os, sys
n = 0
for top, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    for name in files:
        if name.endswith(".yaml"):
            with open(os.path.join(top, name), "rb") as f:
                n += len(f.read())
"""

YAML_LOAD = """
import os, sys, yaml
for top, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    for name in files:
        if name.endswith(".yaml") and name != "wksbm.yaml":
            with open(os.path.join(top, name), "rb") as f:
                yaml.load(f.read(), Loader=yaml.CSafeLoader)
"""

MINIMAL_TYPER = '''
import typer

app = typer.Typer()


@app.command()
def hello(name: str) -> None:
    """Say hello."""
    typer.echo(name)


@app.command()
def bye(name: str) -> None:
    """Say goodbye."""
    typer.echo(name)


if __name__ == "__main__":
    app()
'''


@dataclass
class Timing:
    label: str
    seconds: list[float]
    peak_kib: int
    cpu: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


def timed(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int, float, int]:
    """(wall seconds, peak RSS in KiB, CPU seconds, exit code) of one fresh process and the
    workers it waited for."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or dict(os.environ)
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, proc.returncode


def measure(
    label: str,
    cmd: Sequence[str],
    repeat: int,
    before: object = None,
    env: dict[str, str] | None = None,
) -> Timing:
    seconds: list[float] = []
    cpu: list[float] = []
    peak = 0
    for _ in range(repeat):
        if callable(before):
            before()
        elapsed, rss, used, _ = timed(cmd, env)
        seconds.append(elapsed)
        cpu.append(used)
        peak = max(peak, rss)
    return Timing(label, seconds, peak, cpu)


def tree(base: str, orgs: int, variant: str = "intact") -> tuple[str, int]:
    """A generated folder of ``orgs`` organisations, reused when it is already complete."""
    path = os.path.join(base, f"wksbm-bench-{variant}-{orgs}")
    marker = os.path.join(path, ".complete")
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as handle:
            return path, int(handle.read())
    shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    count = generate(path, orgs, variant=variant)
    with open(marker, "w", encoding="utf-8") as handle:
        handle.write(str(count))
    print(f"generated {count} files in {time.perf_counter() - started:.1f} s: {path}")
    return path, count


def wksbm(root: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "wksbm_cli",
        "--lang",
        "en",
        "--records",
        root,
        "validate",
        "--format",
        "json",
        "--as-of",
        AS_OF,
        *extra,
    ]


def drop_cache(root: str) -> None:
    shutil.rmtree(os.path.join(root, ".wksbm_cache"), ignore_errors=True)


def folder_bytes(root: str) -> int:
    total = 0
    for top, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        total += sum(os.path.getsize(os.path.join(top, f)) for f in files if f.endswith(".yaml"))
    return total


def row(t: Timing, floor: Timing | None = None, target: float | None = None) -> str:
    ratio = f"{t.median / floor.median:6.2f} x {floor.label}" if floor else ""
    verdict = ""
    if floor and target is not None:
        verdict = (
            f"(target <= {target:g}: {'met' if t.median <= target * floor.median else 'MISSED'})"
        )
    return (
        f"  {t.label:<32}{t.median:7.3f} s {t.cpu_median:7.2f} cpu-s {t.peak_kib / 1024:6.1f} MiB"
        f"  {ratio} {verdict}"
    ).rstrip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--variant",
        action="append",
        choices=VARIANTS,
        help="a variant to time (repeatable; default: every variant)",
    )
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up timings")
    parser.add_argument(
        "--located",
        action="store_true",
        help="also time cold runs with WKSBM_YAML=located (no fast YAML path), for comparison",
    )
    parser.add_argument("--dir", default=tempfile.gettempdir(), help="where trees are kept")
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)
    variants = list(dict.fromkeys(args.variant or VARIANTS))
    py = sys.executable
    print(
        f"wksbm benchmark: {args.orgs} organisations + events per variant; python"
        f" {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average"
        f" {os.getloadavg()[0]:.1f}; median of {repeat}"
    )

    colds: dict[str, Timing] = {}
    for variant in variants:
        root, files = tree(args.dir, args.orgs, variant)
        read_all = measure("floor: read all bytes", [py, "-c", READ_ALL, root], repeat)
        yaml_floor = measure("floor: PyYAML libyaml load", [py, "-c", YAML_LOAD, root], repeat)
        yaml_floor.label = "libyaml load"
        cold = Timing("validate --no-cache (cold)", [], 0, [])
        located = Timing("  same, located loader", [], 0, []) if args.located else None
        env = {**os.environ, "WKSBM_YAML": "located"}
        for _ in range(repeat):  # alternating, so a busier minute weighs on both alike
            for timing, run_env in ((cold, None), (located, env)):
                if timing is not None:
                    elapsed, rss, used, _ = timed(wksbm(root, "--no-cache"), run_env)
                    timing.seconds.append(elapsed)
                    timing.cpu.append(used)
                    timing.peak_kib = max(timing.peak_kib, rss)
        drop_cache(root)
        timed(wksbm(root))  # warm-up: the cache is written and settled
        warm = measure("validate warm (nothing changed)", wksbm(root), repeat)
        colds[variant] = cold
        print(f"\nvariant {variant}: {files} files, {folder_bytes(root) / 1e6:.1f} MB")
        print(row(read_all, yaml_floor))
        print(row(yaml_floor))
        print(row(cold, yaml_floor, 0.8))
        if located is not None:
            print(row(located, yaml_floor))
            print(f"  fast YAML path: cold {cold.cpu_median / located.cpu_median:.2f} x the CPU")
        print(row(warm, yaml_floor, 0.1))
        print(f"  per file, cold: {cold.median / files * 1e3:.3f} ms")
    if "intact" in colds and len(colds) > 1:
        print("\nvariants against intact, cold (target within 1.2 x): wall, CPU seconds")
        intact = colds["intact"]
        for variant, cold in colds.items():
            wall = cold.median / intact.median
            print(f"  {variant:<16}{wall:6.2f} x {cold.cpu_median / intact.cpu_median:6.2f} x")

    if not args.no_startup:
        small, _ = tree(args.dir, 4)  # 4 organisations + 1 event = 5 files
        with tempfile.TemporaryDirectory() as tmp:
            minimal_app = os.path.join(tmp, "minimal_typer_app.py")
            with open(minimal_app, "w", encoding="utf-8") as handle:
                handle.write(textwrap.dedent(MINIMAL_TYPER))
            many = max(5, repeat * 3)
            typer_floor = measure("minimal Typer app --help", [py, minimal_app, "--help"], many)
            typer_floor.label = "Typer --help"
            help_run = measure("wksbm --help", [py, "-m", "wksbm_cli", "--help"], many)
            version = measure("wksbm --version", [py, "-m", "wksbm_cli", "--version"], many)
            five = measure(
                "validate, 5-file folder",
                wksbm(small, "--no-cache"),
                many,
                lambda: drop_cache(small),
            )
        print("\nstart-up")
        print(row(typer_floor))
        print(row(help_run, typer_floor, 1.2))
        print(row(version, typer_floor))
        print(row(five, typer_floor, 2.0))

    if args.orgs > 10000 and "intact" in colds:
        base_root, base_files = tree(args.dir, 10000)
        base = measure("validate --no-cache, 10^4 folder", wksbm(base_root, "--no-cache"), repeat)
        _, files = tree(args.dir, args.orgs)
        per_big = colds["intact"].median / files
        per_base = base.median / base_files
        peak = colds["intact"].peak_kib
        print("scale")
        print(row(base))
        print(
            f"  per file: {per_big * 1e3:.3f} ms at {files} files vs {per_base * 1e3:.3f} ms at"
            f" {base_files}: {per_big / per_base:.2f} x (target <= 1.2:"
            f" {'met' if per_big <= 1.2 * per_base else 'MISSED'}); peak RSS"
            f" {peak / 1024:.0f} MiB (target <= 500: {'met' if peak <= 500 * 1024 else 'MISSED'})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
