"""Long fuzz run of the property tests: ``python benchmarks/fuzz.py --minutes 30``.

Loops the properties of ``tests/test_properties.py`` (YAML-like text, arbitrary bytes, both
privacy settings) with fresh random seeds until the time is up, and prints how many inputs ran.
A failure stops the run with hypothesis's minimal example.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from hypothesis import settings

HERE = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--batch", type=int, default=500, help="examples per property per round")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("props", HERE / "tests" / "test_properties.py")
    assert spec is not None and spec.loader is not None
    props = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(props)
    batch = settings(max_examples=args.batch, database=None, deadline=None)
    tests = [
        batch(props.test_yamlish_text_is_always_judged_and_located),
        batch(props.test_arbitrary_bytes_are_always_judged_and_located),
        batch(props.test_internal_privacy_setting_never_breaks_a_check),
    ]
    end = time.monotonic() + args.minutes * 60
    rounds = 0
    while time.monotonic() < end:
        for test in tests:
            test()
        rounds += 1
        print(f"round {rounds}: {props.CHECKED[0]} inputs checked", flush=True)
    print(f"done: {props.CHECKED[0]} inputs in {rounds} rounds, no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
