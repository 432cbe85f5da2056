"""The layout rules that import-linter's contracts (pyproject.toml) do not state by themselves.

The contracts are run by ``.ci/run`` (``lint-imports``); these tests keep them honest: the
"only load.programs starts programs" contract must name every module, no module reaches into
another's private names, and library code imports wksbm modules at the top (a lazy import hid
two import cycles once; only ``cli/`` may defer imports, for start-up time).
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import wksbm_cli

PACKAGE = Path(wksbm_cli.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _contract(name_start: str) -> dict[str, object]:
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    for contract in contracts["contracts"]:
        if contract["name"].startswith(name_start):
            return dict(contract)
    raise AssertionError(f"no contract {name_start!r} in pyproject.toml")


def _covered(module: str, sources: list[str]) -> bool:
    return any(module == s or module.startswith(s + ".") for s in sources)


def test_only_load_programs_may_start_programs_and_the_contract_names_every_module() -> None:
    sources = list(_contract("Only load.programs")["source_modules"])  # type: ignore[call-overload]
    allowed = {"wksbm_cli", "wksbm_cli.__main__", "wksbm_cli.load", "wksbm_cli.load.programs"}
    missing = [m for m in _modules() if m not in allowed and not _covered(m, sources)]
    assert missing == [], f"add these to the contract's source_modules: {missing}"


def test_every_subpackage_is_in_a_layer() -> None:
    layers = _contract("Layers")["layers"]
    named = {part.strip() for layer in layers for part in str(layer).split("|")}  # type: ignore[attr-defined]
    tops = {m.split(".")[1] for m in _modules() if m.count(".") >= 1}
    assert tops - named - {"__main__"} == set()


def _imports(tree: ast.AST) -> list[tuple[ast.ImportFrom | ast.Import, bool]]:
    """Every import with whether it is at module level (TYPE_CHECKING blocks count as such)."""
    found: list[tuple[ast.ImportFrom | ast.Import, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.append((child, top))
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                visit(child, top)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                visit(child, False)
            else:
                visit(child, top)

    visit(tree, True)
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    bad = []
    for name, path in _modules().items():
        for node, _top in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("wksbm_cli"):
                for alias in node.names:
                    dunder = alias.name.startswith("__") and alias.name.endswith("__")
                    if alias.name.startswith("_") and not dunder and node.module != name:
                        bad.append(f"{name}: from {node.module} import {alias.name}")
    assert bad == []


def test_library_code_imports_wksbm_modules_at_the_top() -> None:
    bad = []
    for name, path in _modules().items():
        if name.startswith("wksbm_cli.cli"):
            continue
        for node, top in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            if not top and (module or "").startswith("wksbm_cli"):
                bad.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    assert bad == []
