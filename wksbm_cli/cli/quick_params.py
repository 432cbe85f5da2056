"""Option values taken as click gives them, where Typer would only confirm their type.

Typer (0.29) coerces every non-flag option through a pydantic ``TypeAdapter`` it builds on
first use. Importing pydantic and building those adapters costs a small run more than its own
work (about 0.1-0.2 s of a five-file ``validate``), while for the options wksbm declares as
``str``, ``bool``, ``list[str]`` or a ``Literal`` of choices the adapter returns exactly what click
already parsed. So those parameters get a shortcut that returns such a value as it is, and
hands anything else (a value outside the choices, an ``int``, an enum) to the adapter Typer
would have built, so errors and conversions stay Typer's own. Typer's private attributes are
used here; when they change, no shortcut is installed and Typer works as it always does.
"""

from __future__ import annotations

import typing
from typing import Any


class _Shortcut:
    """What ``param.get_runtime_param()`` returns until a value needs the real adapter.
    ``kind``: ``str``, ``bool``, ``list`` (of str) or ``choice`` (one of ``choices``)."""

    __slots__ = ("choices", "kind")

    def __init__(self, kind: str, choices: frozenset[str] = frozenset()) -> None:
        self.kind = kind
        self.choices = choices

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        many = param.multiple or param.nargs == -1
        if value is None:
            return () if many else None  # what Typer's coercion gives for no value
        if self.kind == "list":
            if isinstance(value, list | tuple) and all(type(v) is str for v in value):
                return list(value)
        elif many:
            pass
        elif self.kind == "bool":
            if type(value) is bool:
                return value
        elif type(value) is str and (self.kind == "str" or value in self.choices):
            return value
        param._runtime_param = None  # build what Typer builds, and keep it
        return param.get_runtime_param().coerce(value, param=param, ctx=ctx)


def _shortcut_for(descriptor: Any) -> _Shortcut | None:
    info = descriptor.parameter_info
    if info.parser is not None or descriptor.file_annotation is not None:
        return None
    annotation = descriptor.annotation
    if annotation is str or annotation is bool:
        return _Shortcut(annotation.__name__)
    if typing.get_origin(annotation) is list and typing.get_args(annotation) == (str,):
        return _Shortcut("list")
    if typing.get_origin(annotation) is typing.Literal and info.case_sensitive:
        values = typing.get_args(annotation)
        if all(type(v) is str for v in values):
            return _Shortcut("choice", frozenset(values))
    return None


def install(command: Any) -> None:
    """Give ``command``'s plain parameters the shortcut (its sub-commands get theirs when
    they are looked up, its help option when click makes it)."""
    for param in getattr(command, "params", ()):
        install_one(param)


def install_one(param: Any) -> None:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or getattr(param, "_runtime_param", None) is not None:
        return  # not Typer's parameter as we know it, or already built
    try:
        shortcut = _shortcut_for(descriptor)
    except AttributeError:
        return  # Typer changed: leave its coercion alone
    if shortcut is not None:
        param._runtime_param = shortcut
