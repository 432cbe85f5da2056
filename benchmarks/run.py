"""Time ``wksbm validate`` against the floors every YAML checker pays, in one run.

    python benchmarks/run.py --orgs 1000 --orgs 10000 [--orgs 100000] --repeat 3
        [--variant intact --variant deleted5 ...] [--no-startup] [--no-render]

For each size (``--orgs``, repeatable; N organisations and N/10 events) and each variant of
``generate.py`` (default: all of them; above 10,000 organisations only ``intact``, unless
``--all-variants``) generates (or reuses) a records folder, then times, each as a fresh process
and reporting the median of ``--repeat`` runs:

- the floors: reading every byte; PyYAML's libyaml ``yaml.load`` (CSafeLoader) of every file in
  one process (measured again for every variant and size, next to its validate runs);
- ``wksbm validate --format json --no-cache`` (cold, the issue's target), warm (the run summary
  present, nothing changed; one untimed warm-up run first) and warm after one organisation file
  changed (rechecks that file and reruns the folder rules); with ``--located`` also cold with
  ``WKSBM_YAML=located``, without the fast YAML path (target <= 1.0 x);
- the variants against ``intact`` at each size, and the time per file at the largest size
  against 10,000 with the peak memory there;
- ``wksbm --help`` against the ``--help`` of a minimal two-command Typer app, and ``wksbm
  validate`` of a five-file folder against that same floor;
- ``--format text`` against ``--format json`` on a folder with about 60,000 problems (the
  ``problems3`` variant, ``--render-orgs`` organisations), both from the run summary, so that
  the output itself is what is timed.

Each figure is printed with its ratio to its floor in wall-clock seconds and in CPU seconds
(user + system, workers included): on a busy machine the CPU ratio is the steadier one. Peak RSS
is the largest resident size in the process tree (``os.wait4``). A closing table gives every
target of issue 19 with its figure and verdict. Trees are kept under ``--dir`` (default: the
system temp folder) for reuse.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

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


@dataclass
class Target:
    """One target of the issue: what is compared, the figure (wall; CPU) and the bound."""

    name: str
    wall: float
    cpu: float | None
    bound: float
    unit: str = "x"

    def verdict(self, value: float | None) -> str:
        if value is None:
            return "-"
        return "met" if value <= self.bound else "MISSED"


@dataclass
class Report:
    targets: list[Target] = field(default_factory=list)

    def add(self, name: str, wall: float, cpu: float | None, bound: float, unit: str = "x") -> None:
        self.targets.append(Target(name, wall, cpu, bound, unit))

    def print(self) -> None:
        print("\ntargets (wall-clock ratio; CPU-seconds ratio)")
        for t in self.targets:
            cpu = f"{t.cpu:8.2f} {t.unit}" if t.cpu is not None else " " * 10
            print(
                f"  {t.name:<52}{t.wall:8.2f} {t.unit}{cpu}  <= {t.bound:g} {t.unit}:"
                f" {t.verdict(t.wall)} / {t.verdict(t.cpu)}"
            )


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
    before: Callable[[], object] | None = None,
    env: dict[str, str] | None = None,
) -> Timing:
    seconds: list[float] = []
    cpu: list[float] = []
    peak = 0
    for _ in range(repeat):
        if before is not None:
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


def wksbm(root: str, *extra: str, fmt: str = "json") -> list[str]:
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
        fmt,
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


def first_organisation(root: str) -> str:
    for top, dirs, files in os.walk(os.path.join(root, "organisasi")):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".yaml"):
                return os.path.join(top, name)
    raise SystemExit(f"no organisation under {root}")


def touch_one(path: str, original: bytes) -> Callable[[], None]:
    """Before each timed run: one organisation file gets a new last comment line (a real edit,
    with a new size and mtime), as after a small commit."""
    count = [0]

    def edit() -> None:
        count[0] += 1
        with open(path, "wb") as handle:
            handle.write(original + b"# diubah" + b"!" * count[0] + b"\n")

    return edit


def row(t: Timing, floor: Timing | None = None, target: float | None = None) -> str:
    ratio = ""
    if floor:
        ratio = (
            f"{t.median / floor.median:6.2f} x {t.cpu_median / floor.cpu_median:6.2f} x cpu"
            f" {floor.label}"
        )
    verdict = ""
    if floor and target is not None:
        wall = "met" if t.median <= target * floor.median else "MISSED"
        cpu = "met" if t.cpu_median <= target * floor.cpu_median else "MISSED"
        verdict = f"(target <= {target:g}: {wall} / {cpu})"
    return (
        f"  {t.label:<34}{t.median:7.3f} s {t.cpu_median:7.2f} cpu-s {t.peak_kib / 1024:7.1f} MiB"
        f"  {ratio} {verdict}"
    ).rstrip()


def compile_bytecode() -> str:
    """Byte-compile the wksbm that ``python -m wksbm_cli`` runs, as an installation has it:
    with ``PYTHONDONTWRITEBYTECODE`` set (CI images, containers) every run would otherwise
    compile each module from source again, which no floor pays (their packages came with
    bytecode)."""
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import importlib.util, os; print(os.path.dirname(importlib.util.find_spec("
            "'wksbm_cli').origin))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=True)
    return where


def count_problems(root: str) -> int:
    done = subprocess.run(wksbm(root), capture_output=True, check=False)
    return len(json.loads(done.stdout)["problems"])


def size_label(orgs: int) -> str:
    exponent = len(str(orgs)) - 1
    return f"10^{exponent}" if orgs == 10**exponent else str(orgs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--orgs", type=int, action="append", help="organisations (repeatable; default 10000)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--variant",
        action="append",
        choices=VARIANTS,
        help="a variant to time (repeatable; default: every variant)",
    )
    parser.add_argument(
        "--all-variants", action="store_true", help="every variant above 10,000 too"
    )
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up timings")
    parser.add_argument("--no-render", action="store_true", help="skip text against JSON")
    parser.add_argument(
        "--render-orgs", type=int, default=20000, help="problems3 organisations for text/JSON"
    )
    parser.add_argument(
        "--located",
        action="store_true",
        help="also time cold runs with WKSBM_YAML=located (no fast YAML path), for comparison",
    )
    parser.add_argument("--dir", default=tempfile.gettempdir(), help="where trees are kept")
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)
    sizes = sorted(set(args.orgs or [10000]))
    variants = list(dict.fromkeys(args.variant or VARIANTS))
    py = sys.executable
    report = Report()
    package = compile_bytecode()
    print(
        f"wksbm benchmark: {', '.join(map(str, sizes))} organisations + events per variant;"
        f" python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
        f" (affinity {len(os.sched_getaffinity(0))}), load average"
        f" {os.getloadavg()[0]:.1f}; median of {repeat}; wksbm from {package} (byte-compiled)"
    )

    colds: dict[tuple[int, str], tuple[Timing, int]] = {}
    for orgs in sizes:
        chosen = variants if orgs <= 10000 or args.all_variants else ["intact"]
        for variant in chosen:
            root, files = tree(args.dir, orgs, variant)
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
            timed(wksbm(root))  # warm-up: the summary is written and settled
            warm = measure("validate warm (nothing changed)", wksbm(root), repeat)
            edited = first_organisation(root)
            with open(edited, "rb") as handle:
                original = handle.read()
            try:
                partial = measure(
                    "validate warm, one file changed",
                    wksbm(root),
                    repeat,
                    touch_one(edited, original),
                )
            finally:
                with open(edited, "wb") as handle:
                    handle.write(original)
            colds[(orgs, variant)] = (cold, files)
            print(f"\n{orgs} organisations, variant {variant}: {files} files,"
                  f" {folder_bytes(root) / 1e6:.1f} MB")  # fmt: skip
            print(row(read_all, yaml_floor))
            print(row(yaml_floor))
            print(row(cold, yaml_floor, 0.8))
            if located is not None:
                print(row(located, yaml_floor, 1.0))
                ratio = cold.cpu_median / located.cpu_median
                print(f"  fast YAML path: cold {ratio:.2f} x the CPU")
            print(row(warm, yaml_floor, 0.1))
            print(row(partial, yaml_floor))
            print(f"  per file, cold: {cold.median / files * 1e3:.3f} ms"
                  f" ({cold.cpu_median / files * 1e3:.3f} cpu-ms)")  # fmt: skip
            where = f"{size_label(orgs)} {variant}"
            report.add(
                f"cold <= 0.8 x floor ({where})",
                cold.median / yaml_floor.median,
                cold.cpu_median / yaml_floor.cpu_median,
                0.8,
            )
            if located is not None:
                report.add(
                    f"cold, located loader <= 1.0 x floor ({where})",
                    located.median / yaml_floor.median,
                    located.cpu_median / yaml_floor.cpu_median,
                    1.0,
                )
            report.add(
                f"warm <= 0.1 x floor ({where})",
                warm.median / yaml_floor.median,
                warm.cpu_median / yaml_floor.cpu_median,
                0.1,
            )
        if "intact" in chosen and len(chosen) > 1:
            print(f"\nvariants against intact at {orgs}, cold (target within 1.2 x): wall, CPU")
            intact = colds[(orgs, "intact")][0]
            for variant in chosen:
                cold = colds[(orgs, variant)][0]
                wall = cold.median / intact.median
                cpu = cold.cpu_median / intact.cpu_median
                print(f"  {variant:<16}{wall:6.2f} x {cpu:6.2f} x")
                if variant != "intact":
                    report.add(
                        f"{variant} <= 1.2 x intact ({size_label(orgs)}, cold)", wall, cpu, 1.2
                    )

    big = max(sizes)
    if big > 10000 and (big, "intact") in colds:
        if (10000, "intact") not in colds:
            base_root, base_files = tree(args.dir, 10000)
            base = measure("validate --no-cache, 10^4", wksbm(base_root, "--no-cache"), repeat)
            colds[(10000, "intact")] = (base, base_files)
        base, base_files = colds[(10000, "intact")]
        cold, files = colds[(big, "intact")]
        per_big, per_base = cold.median / files, base.median / base_files
        cpu_big, cpu_base = cold.cpu_median / files, base.cpu_median / base_files
        print(f"\nscale: {size_label(big)} against 10^4, intact, cold")
        print(
            f"  per file: {per_big * 1e3:.3f} ms at {files} files vs {per_base * 1e3:.3f} ms at"
            f" {base_files}: {per_big / per_base:.2f} x wall, {cpu_big / cpu_base:.2f} x cpu;"
            f" peak RSS {cold.peak_kib / 1024:.0f} MiB"
        )
        report.add(
            f"per file at {size_label(big)} <= 1.2 x 10^4",
            per_big / per_base,
            cpu_big / cpu_base,
            1.2,
        )
        report.add(f"peak RSS at {size_label(big)}, cold", cold.peak_kib / 1024, None, 500, "MiB")

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
        report.add(
            "validate of 5 files <= 2 x Typer --help",
            five.median / typer_floor.median,
            five.cpu_median / typer_floor.cpu_median,
            2.0,
        )

    if not args.no_render:
        root, files = tree(args.dir, args.render_orgs, "problems3")
        drop_cache(root)
        timed(wksbm(root))  # the summary: both formats are then answered from it
        problems = count_problems(root)
        as_json = measure("--format json, warm", wksbm(root), repeat)
        as_json.label = "JSON"
        as_text = measure("--format text, warm", wksbm(root, fmt="text"), repeat)
        print(f"\noutput of {problems} problems ({files} files, problems3)")
        print(row(as_json))
        print(row(as_text, as_json, 2.0))
        report.add(
            f"text <= 2 x JSON ({problems} problems)",
            as_text.median / as_json.median,
            as_text.cpu_median / as_json.cpu_median,
            2.0,
        )

    report.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
