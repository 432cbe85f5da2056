"""The two message catalogs against each other and against the code that names their keys.

A key the code names but a catalog lacks prints the bare key (``warning sk-too-old:
sk-too-old``); a key only one catalog has falls back silently; a placeholder only one language
has shows ``{name}`` to its readers; a key nothing names is dead text a translator still keeps up.
None of this fails at run time, so it is checked here, statically: every call that passes a
message key (``translate``, ``WksbmError``, ``Finding``, ``LoadIssue``, ...) is found in the
source, and its key argument must be a literal, an f-string whose fixed parts name existing keys,
a parameter passed on by another such call, or a place listed below with the reason it cannot be
read statically. Anything else fails the scan, so a new way of passing keys has to be taught to
this test.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from wksbm_cli.i18n.en import MESSAGES as EN
from wksbm_cli.i18n.id import MESSAGES as ID

PACKAGE = Path(__file__).resolve().parent.parent / "wksbm_cli"
CATALOG_FILES = {"i18n/en.py", "i18n/id.py", "i18n/help_id.py"}


@dataclass(frozen=True)
class Taker:
    """A callable that takes a message key: where the key goes and how it becomes a catalog key."""

    position: int | None
    keyword: str
    prefix: str = ""  # the callable puts this before the key (``cli_word("error")`` -> cli.error)
    receivers: frozenset[str] | None = None  # a method: only on these receiver names


# Every callable that passes a key on to a catalog. ``module:name`` is a module-local helper.
TAKERS: dict[str, Taker] = {
    # put in words now
    "translate": Taker(0, "key", receivers=frozenset({"i18n"})),  # not str.translate
    "t": Taker(0, "key", prefix="rep."),  # render.tables.t
    "cli/new.py:t": Taker(0, "key"),
    "cli_word": Taker(0, "key", prefix="cli."),
    "render/figures/records.py:_word": Taker(0, "key", prefix="show."),
    # put in words later, in the reader's language
    "Message": Taker(0, "key"),
    "Joined": Taker(1, "separator_key"),
    "WksbmError": Taker(0, "message_key"),
    "Problem": Taker(5, "message_key"),
    "make_problem": Taker(4, "key"),
    "Finding": Taker(2, "message_key"),
    "LoadIssue": Taker(3, "message_key"),
    "SchemaIssue": Taker(2, "message_key"),
    "ReadResult": Taker(1, "issue"),
    "Entry": Taker(2, "issue"),
    "Off": Taker(0, "key"),
    "Refuse": Taker(0, "key"),
    "Rejected": Taker(2, "key"),
    "add": Taker(0, "key", receivers=frozenset({"notes"})),  # authoring.edit.operations.Notes
    "reject": Taker(1, "key"),  # authoring.importing.items.reject
    "authoring/region_choice.py:_error": Taker(1, "key"),
    "rules/privacy.py:_findings": Taker(1, "rule"),
    # a field's label, put in words where the field is shown (``show``, ``list``)
    "Field": Taker(8, "label"),
    "TableColumn": Taker(3, "label"),
}

# Functions that return a message key (``return KEY`` or ``return KEY, ...``): their returns are
# scanned as keys, and a call to one of them is a readable key argument.
KEY_RETURNS = {
    "load/files.py:_unreadable",
    "load/yaml_messages.py:syntax_message",
    "load/yaml_messages.py:scalar_message",
}

# Names the catalogs are read through directly (``messages[key]``, ``key in catalog(lang)``).
CATALOG_NAMES = {"messages", "EN", "ID", "MESSAGES"}

# Functions and classes with a parameter or field called ``key``, ``message_key`` or ``issue``
# that is not a message key.
NOT_KEYS = {
    "authoring/edit/spans.py:Node.get": "a YAML mapping key",
    "authoring/edit/spans.py:Node.key_node": "a YAML mapping key",
    "authoring/edit/splice.py:block_lines": "a YAML mapping key",
    "authoring/edit/splice.py:Editor.add": "a YAML mapping key",
    "authoring/edit/splice.py:Editor.put": "a YAML mapping key",
    "authoring/edit/splice.py:Editor.remove": "a YAML mapping key",
    "authoring/importing/events.py:_after": "a YAML mapping key",
    "authoring/importing/lists.py:ListSpec": "the record's list (pengurus, unsur, ...)",
    "check/cache.py:Cache": "the cache's hash key",
    "load/fastyaml.py:_Fixer.key": "a YAML mapping key",
    "i18n/__init__.py:_Default.__missing__": "a placeholder name",
    "load/yamldoc.py:_Frame": "a YAML mapping key",
    "model/records.py:_str": "a record field",
    "model/records.py:_int": "a record field",
    "model/records.py:_date": "a record field",
    "model/records.py:_map": "a record field",
    "model/records.py:_strs": "a record field",
    "model/records.py:_maps": "a record field",
    "render/figures/report_html.py:_card": "a figure of the report (its key is rep.<key>)",
    "render/figures/summary_out.py:_region_key": "a kecamatan of the summary",
    "render/figures/summary_out.py:_year_key": "a year of the summary",
    "render/figures/summary_out.py:render_text.kind": "a jenis of the summary",
    "rules/region_rules.py:check_config.at": "a wilayah key",
}

_PROBLEM = "a problem's key, scanned where problems are made (Finding, LoadIssue, SchemaIssue,"
_PROBLEM += " make_problem, Problem, ReadResult, Entry)"
_REFUSED = "a row refused: scanned where the Refuse is raised"
_LABEL = "a field's label: scanned where the field is declared (Field, TableColumn)"
_NOTE = "a (key, args) note: scanned where it is made (Notes.add, Refuse, _reject, note tuples)"

# Key arguments that are not literals, each with where its keys come from, as
# ``file:function:expression``. Every entry must still match a call.
DYNAMIC: dict[str, str] = {
    "i18n/__init__.py:translate:base": "the fallback to the part before the first dot",
    "i18n/__init__.py:Message.text:self.key": "a Message's key: scanned where it is made",
    "i18n/__init__.py:Joined.text:self.separator_key": "a Joined's key: scanned where it is made",
    "errors.py:WksbmError.message:self.message_key": "scanned where the error is raised",
    "errors.py:WksbmError.as_message:self.message_key": "scanned where the error is raised",
    "core/problem.py:Problem.message:self.message_key": _PROBLEM,
    "check/file_check.py:judge_file:entry.issue": _PROBLEM,
    "check/file_check.py:judge_file:read.issue": _PROBLEM,
    "check/file_check.py:judge_file:issue.message_key": _PROBLEM,
    "check/file_check.py:judge_file:s.message_key": _PROBLEM,
    "check/file_check.py:locate:f.message_key": _PROBLEM,
    "check/cache_codec.py:decode_problem:key": "a problem read back from the run summary",
    "check/engine.py:_located:f.message_key": _PROBLEM,
    "model/config.py:_parsed:result.issue": _PROBLEM,
    "model/config.py:_config_error:key": _PROBLEM,
    "load/files.py:read_bytes:key": "returned by _unreadable (KEY_RETURNS)",
    "load/yamldoc.py:_load:key": "returned by syntax_message (KEY_RETURNS)",
    "authoring/edit/session.py:conclude:first.message_key": _PROBLEM,
    "authoring/importing/compose.py:_blame:problem.message_key": _PROBLEM,
    "authoring/importing/rows.py:place:known.key": "a Refuse raised again from the memo",
    "authoring/importing/compose.py:compose:exc.key": _REFUSED,
    "authoring/importing/events.py:plan_events:exc.key": _REFUSED,
    "authoring/importing/events.py:plan_participants:exc.key": _REFUSED,
    "authoring/importing/lists.py:plan_list:exc.key": _REFUSED,
    "authoring/importing/lists.py:_plan_record:exc.key": _REFUSED,
    "render/figures/edit_out.py:render_text:key": _NOTE,
    "render/figures/edit_out.py:edit_document:key": _NOTE,
    "render/figures/import_out.py:_reason:key": _NOTE,
    "render/figures/import_out.py:_text:key": _NOTE,
    "render/figures/import_out.py:_json:s.skipped[0]": _NOTE,
    "render/figures/import_out.py:_json:k": _NOTE,
    "cli/validate.py:validate:key": "a notice of the cache (Off)",
    "model/fields.py:sub_columns:f.label": _LABEL,
    "model/fields.py:field_columns:field.label": _LABEL,
    "render/figures/records.py:_head:LABELS[name]": _LABEL,
    "render/figures/records.py:_fields:field.label": _LABEL,
}


@dataclass(frozen=True)
class Domain:
    """The values a hole takes: the literal arguments at ``position`` of the calls to
    ``function`` in ``file``."""

    file: str
    function: str
    position: int


_REASONS = ("rep.report.", Domain("figures/history.py", "_missing", 0))

# F-string keys whose hole takes fewer values than "anything": the pattern it stands for, or
# ``(prefix, Domain)`` when the values are spelled as literals elsewhere.
NARROW: dict[str, str | tuple[str, Domain]] = {
    # only the personal-* rules get here (checked just above the call)
    "authoring/edit/session.py:_refuse_personal:f'edit.{p.rule}'": r"edit\.personal-.+",
    # why a figure of the yearly report is missing
    "render/figures/report_html.py:_reason:f'rep.{key}'": _REASONS,
    "render/figures/report_html.py:_reason:f'report.{reason}'": _REASONS,
    "render/figures/report_out.py:_change_lines:f'report.{reason}'": _REASONS,
}


# Catalog keys named by no scanned call, and why they are still needed.
UNNAMED: dict[str, str] = {}


@dataclass
class Scan:
    literal: dict[str, list[str]] = field(default_factory=dict)  # key -> where
    patterns: dict[str, list[str]] = field(default_factory=dict)  # regex -> where
    unreadable: list[str] = field(default_factory=list)
    dynamic_hits: set[str] = field(default_factory=set)
    narrow_hits: set[str] = field(default_factory=set)
    unregistered: list[str] = field(default_factory=list)
    not_keys_seen: set[str] = field(default_factory=set)


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel not in CATALOG_FILES:
            yield rel, ast.parse(path.read_text(encoding="utf-8"), rel)


class _Scanner(ast.NodeVisitor):
    def __init__(self, rel: str, tree: ast.Module, scan: Scan) -> None:
        self.rel = rel
        self.scan = scan
        self.stack: list[ast.AST] = []  # enclosing classes and functions
        # module-level tables, for loops over them (``for ..., key, ... in PATTERNS``)
        self.tables: dict[str, ast.expr] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            if isinstance(target, ast.Name):
                self.tables[target.id] = value

    # -- where we are

    def _qualname(self, extra: str = "") -> str:
        names = [n.name for n in self.stack if isinstance(n, _DEFS)]
        return ".".join([*names, extra] if extra else names)

    def _function(self) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        for node in reversed(self.stack):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                return node
        return None

    def _class(self) -> ast.ClassDef | None:
        for node in reversed(self.stack):
            if isinstance(node, ast.ClassDef):
                return node
        return None

    def _where(self, node: ast.AST) -> str:
        return f"{self.rel}:{getattr(node, 'lineno', 0)}"

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._check_signature(node)
        self.stack.append(node)
        self.generic_visit(node)
        self.stack.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._check_fields(node)
        self.stack.append(node)
        self.generic_visit(node)
        self.stack.pop()

    # -- APIs that look like they take keys must be known

    def _known(self, qualname: str) -> bool:
        local = f"{self.rel}:{qualname}"
        self.scan.not_keys_seen.add(local)
        name = qualname.rsplit(".", 1)[-1]
        return name in TAKERS or local in TAKERS or local in NOT_KEYS

    def _check_signature(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        names = {a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)}
        if not names & {"key", "message_key"}:
            return
        qual = self._qualname(node.name)
        if node.name == "__init__" and self.stack:
            qual = qual.rsplit(".", 1)[0]  # a class taking a key is named by the class
        if not self._known(qual):
            self.scan.unregistered.append(f"{self.rel}:{qual}")

    def _check_fields(self, node: ast.ClassDef) -> None:
        for item in node.body:
            if (
                isinstance(item, ast.AnnAssign)
                and isinstance(item.target, ast.Name)
                and item.target.id in ("key", "message_key", "issue")
                and not self._known(self._qualname(node.name))
            ):
                self.scan.unregistered.append(f"{self.rel}:{node.name}.{item.target.id}")

    # -- calls

    def _taker(self, call: ast.Call) -> Taker | None:
        func = call.func
        if isinstance(func, ast.Name):
            return TAKERS.get(f"{self.rel}:{func.id}") or TAKERS.get(func.id)
        if not isinstance(func, ast.Attribute):
            return None
        if (
            func.attr == "__init__"
            and isinstance(func.value, ast.Call)
            and isinstance(func.value.func, ast.Name)
            and func.value.func.id == "super"
        ):
            cls = self._class()
            for base in cls.bases if cls else ():
                if isinstance(base, ast.Name) and base.id in TAKERS:
                    return TAKERS[base.id]
            return None
        taker = TAKERS.get(func.attr)
        if taker is None or taker.receivers is None:
            return taker
        receiver = func.value
        return taker if isinstance(receiver, ast.Name) and receiver.id in taker.receivers else None

    def visit_Call(self, node: ast.Call) -> None:
        taker = self._taker(node)
        if taker is not None:
            arg = _argument(node, taker)
            if arg is not None:
                self._classify(arg, taker.prefix, node)
        if (note_key := _appended_note_key(node)) is not None:
            self._classify(note_key, "", node)
        if (
            isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and _is_catalog(node.func.value)
            and node.args
        ):
            self._classify(node.args[0], "", node)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if _is_catalog(node.value):
            self._classify(node.slice, "", node)
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, ast.In | ast.NotIn) and _is_catalog(right):
                self._classify(node.left, "", node)
        self.generic_visit(node)

    def visit_Tuple(self, node: ast.Tuple) -> None:
        # A note: ``(KEY, {args})``, kept by the import plan and shown later.
        if _is_note(node) and isinstance(node.elts[1], ast.Dict):
            self._classify(node.elts[0], "", node)
        self.generic_visit(node)

    def visit_Return(self, node: ast.Return) -> None:
        function = self._function()
        if (
            function is not None
            and node.value is not None
            and f"{self.rel}:{function.name}" in KEY_RETURNS
        ):
            value = node.value
            self._classify(value.elts[0] if isinstance(value, ast.Tuple) else value, "", node)
        self.generic_visit(node)

    # -- what a key argument is

    def _classify(self, arg: ast.expr, prefix: str, at: ast.AST) -> None:
        where = self._where(at)
        function = self._function()
        if isinstance(arg, ast.Constant) and arg.value is None:
            return  # no key: nothing to say
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            self.scan.literal.setdefault(prefix + arg.value, []).append(where)
            return
        if isinstance(arg, ast.JoinedStr | ast.BinOp):
            holes = _holes(arg)
            if function is not None and all(
                isinstance(h, ast.Name) and self._passed_on(function, h.id) for h in holes
            ):
                return  # a wrapper adding its prefix: its callers' keys are scanned
            site = f"{self.rel}:{self._qualname()}:{ast.unparse(arg)}"
            if site in NARROW:
                self.scan.narrow_hits.add(site)
                narrow = NARROW[site]
                pattern = narrow if isinstance(narrow, str) else _domain_pattern(*narrow)
            else:
                pattern = re.escape(prefix) + _pattern(self._inline(arg, function))
            self.scan.patterns.setdefault(pattern, []).append(where)
            return
        if isinstance(arg, ast.IfExp):
            self._classify(arg.body, prefix, at)
            self._classify(arg.orelse, prefix, at)
            return
        if isinstance(arg, ast.BoolOp):
            for value in arg.values:
                self._classify(value, prefix, at)
            return
        dynamic = f"{self.rel}:{self._qualname()}:{ast.unparse(arg)}"
        if dynamic in DYNAMIC:
            self.scan.dynamic_hits.add(dynamic)
            return
        if (
            isinstance(arg, ast.Call)
            and isinstance(arg.func, ast.Name)
            and arg.func.id in {k.rsplit(":", 1)[1] for k in KEY_RETURNS}
        ):
            return  # its returns are scanned
        if isinstance(arg, ast.Name) and function is not None:
            if self._passed_on(function, arg.id):
                return
            bound = list(_bindings(function, arg.id, self.tables))
            if bound and all(b is not None for b in bound):
                for bound_value in bound:
                    assert bound_value is not None
                    self._classify(bound_value, prefix, at)
                return
        self.scan.unreadable.append(f"{where}: {dynamic}")

    def _inline(
        self, arg: ast.expr, function: ast.FunctionDef | ast.AsyncFunctionDef | None
    ) -> ast.expr:
        """A hole that is a local name bound once to an f-string is replaced by it
        (``key = f"report.{reason}"`` then ``f"rep.{key}"``)."""
        if function is None:
            return arg
        values: list[ast.expr] = []
        for part in _parts(arg):
            bound = list(_bindings(function, part.id, {})) if isinstance(part, ast.Name) else []
            if len(bound) == 1 and isinstance(bound[0], ast.JoinedStr | ast.Constant):
                values.extend(_parts(bound[0]))
            else:
                values.append(part)
        return ast.JoinedStr(
            [v if _is_text(v) else ast.FormattedValue(v, -1, None) for v in values]
        )

    def _passed_on(self, function: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
        """``name`` is the key parameter of a function that is itself a registered key taker."""
        params = [*function.args.posonlyargs, *function.args.args]
        if function.name == "__init__":
            cls = self._class()
            owner = cls.name if cls else ""
        else:
            owner = function.name
        if params and params[0].arg in ("self", "cls"):
            params = params[1:]
        taker = TAKERS.get(f"{self.rel}:{owner}") or TAKERS.get(owner)
        if taker is None:
            return False
        if taker.keyword == name:
            return True
        positional = [p.arg for p in params]
        return taker.position is not None and positional[taker.position : taker.position + 1] == [
            name
        ]


_DEFS = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def _argument(call: ast.Call, taker: Taker) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == taker.keyword:
            return kw.value
    if taker.position is not None and len(call.args) > taker.position:
        arg = call.args[taker.position]
        return None if isinstance(arg, ast.Starred) else arg
    return None


def _is_note(node: ast.expr) -> bool:
    """``(KEY, args)``: a literal key and its arguments."""
    return (
        isinstance(node, ast.Tuple)
        and len(node.elts) == 2
        and isinstance(node.elts[0], ast.Constant)
        and isinstance(node.elts[0].value, str)
    )


def _appended_note_key(call: ast.Call) -> ast.expr | None:
    """The key of ``<...>notes.append((KEY, args))`` whose ``args`` is built beforehand (a
    literal dict is scanned as any note is): a list of notes holds only notes."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "append" and len(call.args) == 1):
        return None
    owner = func.value
    name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
    note = call.args[0]
    if name != "notes" or not isinstance(note, ast.Tuple) or not _is_note(note):
        return None
    return None if isinstance(note.elts[1], ast.Dict) else note.elts[0]


def _is_catalog(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in CATALOG_NAMES
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "catalog"
    )


def _parts(node: ast.expr) -> list[ast.expr]:
    """The pieces of an f-string or of a ``+`` of strings, in order."""
    if isinstance(node, ast.JoinedStr):
        return [v.value if isinstance(v, ast.FormattedValue) else v for v in node.values]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [*_parts(node.left), *_parts(node.right)]
    return [node]


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_text(node: ast.expr) -> bool:
    return _text(node) is not None


def _holes(node: ast.expr) -> list[ast.expr]:
    return [p for p in _parts(node) if not _is_text(p)]


def _pattern(node: ast.expr) -> str:
    """An f-string as a regular expression: each ``{...}`` stands for one or more characters."""
    return "".join(".+" if (text := _text(p)) is None else re.escape(text) for p in _parts(node))


def _domain_pattern(prefix: str, domain: Domain) -> str:
    tree = ast.parse((PACKAGE / domain.file).read_text(encoding="utf-8"))
    values: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == domain.function
            and len(node.args) > domain.position
        ):
            arg = node.args[domain.position]
            choices = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for choice in choices:
                text = _text(choice)
                assert text is not None, f"{domain}: {ast.unparse(choice)} is not a literal"
                values.add(text)
    assert values, f"{domain}: no calls found"
    return re.escape(prefix) + "(" + "|".join(re.escape(v) for v in sorted(values)) + ")"


def _bindings(
    function: ast.AST, name: str, tables: dict[str, ast.expr]
) -> Iterator[ast.expr | None]:
    """What ``name`` is bound to in ``function``: the assigned value, or for a loop over a
    literal tuple of tuples (in the function or a module-level table), the element at the
    name's place; None when it cannot be read."""
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == name:
                    yield node.value
                elif isinstance(target, ast.Tuple) and name in _names(target):
                    yield None
        elif isinstance(node, ast.For | ast.comprehension):
            source = node.iter
            if isinstance(source, ast.Name) and source.id in tables:
                source = tables[source.id]
            yield from _loop_values(node.target, source, name)
        elif isinstance(node, ast.arguments) and name in {
            a.arg for a in (*node.posonlyargs, *node.args, *node.kwonlyargs)
        }:
            yield None


def _names(target: ast.Tuple) -> list[str | None]:
    return [t.id if isinstance(t, ast.Name) else None for t in target.elts]


def _loop_values(target: ast.expr, source: ast.expr, name: str) -> Iterator[ast.expr | None]:
    if isinstance(target, ast.Name):
        if target.id == name:
            if isinstance(source, ast.Tuple | ast.List):
                yield from source.elts
            else:
                yield None
        return
    if not isinstance(target, ast.Tuple) or name not in _names(target):
        return
    index = _names(target).index(name)
    if not isinstance(source, ast.Tuple | ast.List):
        yield None
        return
    for item in source.elts:
        if isinstance(item, ast.Tuple) and len(item.elts) == len(target.elts):
            yield item.elts[index]
        else:
            yield None


@pytest.fixture(scope="module")
def scan() -> Scan:
    result = Scan()
    for rel, tree in _modules():
        _Scanner(rel, tree, result).visit(tree)
    return result


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# -- the catalogs against each other


def test_both_catalogs_have_the_same_keys() -> None:
    assert sorted(set(ID) - set(EN)) == []
    assert sorted(set(EN) - set(ID)) == []


def test_both_languages_fill_the_same_placeholders() -> None:
    differ = {
        key: (sorted(_placeholders(EN[key])), sorted(_placeholders(ID[key])))
        for key in EN.keys() & ID.keys()
        if _placeholders(EN[key]) != _placeholders(ID[key])
    }
    assert differ == {}


# -- the code against the catalogs


def test_every_call_passing_a_key_can_be_read(scan: Scan) -> None:
    assert scan.unreadable == [], "teach tests/test_catalogs.py these key arguments"


def test_every_api_that_looks_like_it_takes_a_key_is_known(scan: Scan) -> None:
    assert scan.unregistered == [], "add them to TAKERS (they take a message key) or NOT_KEYS"


def test_the_listed_exceptions_still_exist(scan: Scan) -> None:
    assert sorted(set(DYNAMIC) - scan.dynamic_hits) == []
    assert sorted(set(NARROW) - scan.narrow_hits) == []
    assert sorted(set(NOT_KEYS) - scan.not_keys_seen) == []


def test_every_key_the_code_names_is_in_both_catalogs(scan: Scan) -> None:
    missing = {
        key: where[0]
        for key, where in scan.literal.items()
        if key not in EN or key not in ID  # a literal key falls back to nothing: it must exist
    }
    assert missing == {}


def test_every_key_pattern_the_code_names_matches_a_key(scan: Scan) -> None:
    empty = {
        pattern: where[0]
        for pattern, where in scan.patterns.items()
        if not any(re.fullmatch(pattern, key) for key in EN)
    }
    assert empty == {}


def test_every_catalog_key_is_named_by_the_code(scan: Scan) -> None:
    patterns = [re.compile(p) for p in scan.patterns]
    unnamed = sorted(
        key
        for key in EN
        if key not in scan.literal
        and key not in UNNAMED
        and not any(p.fullmatch(key) for p in patterns)
    )
    assert unnamed == []


def test_the_listed_unnamed_keys_are_still_unnamed(scan: Scan) -> None:
    patterns = [re.compile(p) for p in scan.patterns]
    named = [k for k in UNNAMED if k in scan.literal or any(p.fullmatch(k) for p in patterns)]
    assert named == []
    assert sorted(set(UNNAMED) - set(EN)) == []
