"""Positions for documents read by the fast YAML path, computed only when asked for.

Why: the located loader records a line and column for every key and item, which is a large part
of its cost, while a file without findings needs only a few (its ``id``, an event's references).
Here ``marks`` is a dict that stays empty: ``in`` is answered from the data (in a document without
loader findings every key and item has a mark), one position is computed from the byte offset of
ryml's view of the key or scalar, exactly as libyaml marks it (a quoted scalar at its quote, a
block mapping at its first key, a flow collection at its bracket), and anything else (reading all
of them, as the privacy rules' locator does; a node whose start cannot be told from its views,
such as a block scalar in a list) fills the table once from the located loader, the reference.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wksbm_cli.load.yamldoc import Document, Path, load_document

_buffer_api: list[Any] = []


def _api() -> Any:
    """ctypes' view of CPython's ``Py_buffer`` (stable ABI), set up on first use."""
    if not _buffer_api:
        import ctypes

        class PyBuffer(ctypes.Structure):
            _fields_ = (
                ("buf", ctypes.c_void_p),
                ("obj", ctypes.c_void_p),
                ("len", ctypes.c_ssize_t),
                ("itemsize", ctypes.c_ssize_t),
                ("readonly", ctypes.c_int),
                ("ndim", ctypes.c_int),
                ("format", ctypes.c_char_p),
                ("shape", ctypes.c_void_p),
                ("strides", ctypes.c_void_p),
                ("suboffsets", ctypes.c_void_p),
                ("internal", ctypes.c_void_p),
            )

        get = ctypes.pythonapi.PyObject_GetBuffer
        get.argtypes = (ctypes.py_object, ctypes.POINTER(PyBuffer), ctypes.c_int)
        get.restype = ctypes.c_int
        release = ctypes.pythonapi.PyBuffer_Release
        release.argtypes = (ctypes.POINTER(PyBuffer),)
        release.restype = None
        _buffer_api.extend((PyBuffer, get, release, ctypes.byref))
    return _buffer_api


def address(view: Any) -> int:
    """The memory address of a buffer's first byte (a ryml view, or the parsed bytearray)."""
    struct, get, release, byref = _api()
    info = struct()
    get(view, byref(info), 0)  # raises for an object without a buffer
    try:
        return int(info.buf or 0)
    finally:
        release(byref(info))


class FastDocument(Document):
    """A :class:`Document` read by the fast path: its ``marks`` are a :class:`LazyMarks`."""

    __slots__ = ()

    def where(self, path: Path) -> tuple[int, int]:
        marks = self.marks
        if not isinstance(marks, LazyMarks):  # replaced by someone: a plain table
            return Document.where(self, path)
        while path and path not in marks:
            path = path[:-1]
        return marks.position(path)

    def path_at(self, pos: tuple[int, int]) -> Path:
        """The path of the last mark at or before ``pos`` (line, column), as a bisection of
        every mark sorted by (position, path) finds it, from a few marks only: marks follow
        document order, so it is the last child at or before ``pos`` at each level down (a
        block mapping's item shares its first key's position, and the longer path sorts
        last)."""
        path: Path = ()
        if self.where(path) > pos:
            return path
        data = self.data
        while isinstance(data, (dict, list)) and data:
            parts: list[Any] = list(data) if isinstance(data, dict) else list(range(len(data)))
            low, high = 0, len(parts)  # the first child after pos, by bisection
            while low < high:
                middle = (low + high) // 2
                if self.where((*path, parts[middle])) <= pos:
                    low = middle + 1
                else:
                    high = middle
            if low == 0:
                break
            path = (*path, parts[low - 1])
            data = data[parts[low - 1]]
        return path


def _exists(data: Any, path: Path) -> bool:
    """Whether the located loader has a mark at ``path``: every key and item of ``data``."""
    for part in path:
        if isinstance(data, dict):
            if not isinstance(part, str) or part not in data:
                return False
        elif not isinstance(data, list) or not isinstance(part, int) or not 0 <= part < len(data):
            return False
        data = data[part]
    return True


class LazyMarks(dict[Path, tuple[int, int]]):
    """The located loader's ``marks`` of a fast document, computed as they are read.

    Empty until then: ``in`` answers from the data, :meth:`position` locates one path from
    ryml's offsets, and every other read (items, length, iteration, a lookup) first fills the
    whole table from the located loader, so every consumer sees the located loader's values.
    """

    __slots__ = (
        "_base",
        "_buf",
        "_data",
        "_keys",
        "_nodes",
        "_one",
        "_ryml",
        "_src",
        "_text",
        "_tree",
    )

    def __init__(
        self, text: str, src: bytes, buf: bytearray, tree: Any, data: Any, ryml: Any
    ) -> None:
        super().__init__()
        self._text: str | None = text
        self._src = src
        self._buf: bytearray | None = buf  # the parsed buffer: ryml's views point into it
        self._tree: Any = tree
        self._data: Any = data
        self._ryml: Any = ryml
        self._one: dict[Path, tuple[int, int] | None] = {}
        self._nodes: dict[Path, tuple[int, Any]] = {(): (0, data)}  # path -> node id, value
        self._keys: dict[int, int | None] = {}  # node id -> offset of its key
        self._base = -1

    def fill(self) -> None:
        """Read every mark from the located loader (once); the ryml tree is let go."""
        if self._text is not None:
            text = self._text
            self._text = None
            dict.update(self, load_document(text).marks)
            self._tree = self._buf = self._data = None
            self._one, self._nodes, self._keys = {}, {}, {}

    def __contains__(self, path: object) -> bool:
        if self._text is None:
            return dict.__contains__(self, path)
        return isinstance(path, tuple) and _exists(self._data, path)

    def position(self, path: Path) -> tuple[int, int]:
        """The mark of ``path`` (which must be in the table)."""
        if self._text is not None:
            if path not in self._one:
                self._one[path] = self.locate(path)
            found = self._one[path]
            if found is not None:
                return found
            self.fill()
        return dict.get(self, path, (1, 1))

    def __reduce__(self) -> tuple[Any, ...]:
        self.fill()
        return (dict, (dict(dict.items(self)),))

    # -- one position from ryml's views

    def locate(self, path: Path) -> tuple[int, int] | None:
        """The mark of ``path`` from ryml's views, or None where they cannot tell it."""
        try:
            offset = self._offset(path)
        except Exception:  # an odd node: the located loader knows
            return None
        if offset is None:
            return None
        src = self._src
        start = src.rfind(b"\n", 0, offset) + 1
        return src.count(b"\n", 0, offset) + 1, len(src[start:offset].decode("utf-8")) + 1

    def _offset(self, path: Path) -> int | None:
        """The byte offset where libyaml's mark of ``path`` is."""
        node = self._node(path)
        if path and isinstance(path[-1], str):
            return self._key_start(node)
        return self._node_start(node)

    def _node(self, path: Path) -> int:
        """ryml's node id of ``path`` (children are counted in the data: keys are unique)."""
        found = self._nodes.get(path)
        if found is None:
            parent = self._node(path[:-1])
            data = self._nodes[path[:-1]][1]
            part = path[-1]
            position = list(data).index(part) if isinstance(data, dict) else part
            found = self._nodes[path] = (self._tree.child(parent, position), data[part])
        return int(found[0])

    def _view_offset(self, view: Any) -> int | None:
        if view is None or len(view) == 0:
            return None
        if self._base < 0:
            self._base = address(self._buf)
        offset = address(view) - self._base
        return offset if 0 <= offset < len(self._src) else None  # else: copied to ryml's arena

    def _key_start(self, node: int) -> int | None:
        if node not in self._keys:
            self._keys[node] = self._find_key_start(node)
        return self._keys[node]

    def _find_key_start(self, node: int) -> int | None:
        ryml = self._ryml
        flags = self._tree.type(node)
        view = self._tree.key(node)
        offset = self._view_offset(view)
        if offset is None:
            return None
        if flags & ryml.KEY_PLAIN:
            return offset if self._src.startswith(bytes(view), offset) else None
        if flags & (ryml.KEY_SQUO | ryml.KEY_DQUO):
            return self._quote_before(offset)
        return None

    def _node_start(self, node: int) -> int | None:
        ryml = self._ryml
        tree = self._tree
        flags = tree.type(node)
        if flags & (ryml.MAP | ryml.SEQ):
            first = tree.first_child(node)
            if first == ryml.NONE:
                return None
            inner = self._key_start(first) if flags & ryml.MAP else self._node_start(first)
            if inner is None or (flags & ryml.MAP and flags & ryml.BLOCK):
                return inner  # a block mapping starts at its first key
            if flags & ryml.BLOCK:
                return self._indicator_before(inner, b"-")
            return self._indicator_before(inner, b"[" if flags & ryml.SEQ else b"{")
        view = tree.val(node)
        offset = self._view_offset(view)
        if offset is None:
            return None
        if flags & ryml.VAL_PLAIN:
            return offset if self._src.startswith(bytes(view), offset) else None
        if flags & (ryml.VAL_SQUO | ryml.VAL_DQUO):
            return self._quote_before(offset)
        return None  # a block scalar is marked at its "|" a line above: not worth finding

    def _quote_before(self, offset: int) -> int | None:
        return offset - 1 if offset and self._src[offset - 1 : offset] in (b"'", b'"') else None

    def _indicator_before(self, offset: int, char: bytes) -> int | None:
        """The ``-``, ``[`` or ``{`` just before ``offset`` on its line (spaces apart)."""
        at = offset - 1
        while at >= 0 and self._src[at : at + 1] == b" ":
            at -= 1
        return at if at >= 0 and self._src[at : at + 1] == char else None


def _filling(name: str) -> Callable[..., Any]:
    method = getattr(dict, name)

    def read(self: LazyMarks, *args: Any, **kwargs: Any) -> Any:
        self.fill()
        return method(self, *args, **kwargs)

    read.__name__ = name
    read.__doc__ = method.__doc__
    return read


# Every other way to read (or change) the table fills it first.
for _name in (
    "__getitem__",
    "__iter__",
    "__len__",
    "__eq__",
    "__ne__",
    "__repr__",
    "__or__",
    "__ror__",
    "__ior__",
    "__reversed__",
    "__setitem__",
    "__delitem__",
    "copy",
    "get",
    "items",
    "keys",
    "values",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "clear",
):
    setattr(LazyMarks, _name, _filling(_name))
