"""``wksbm list`` and ``wksbm show`` as the registry calls them: ``(data, ctx)`` handed on to the
views in :mod:`wksbm_cli.render.figures.records`."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import RenderableType

from wksbm_cli.export.lookup import Page
from wksbm_cli.model.records import Event, Organisation
from wksbm_cli.render.context import Context
from wksbm_cli.render.figures import records as views


@dataclass(frozen=True)
class Listing:
    """What ``wksbm list`` shows: one kind of record, already filtered."""

    kind: str  # organisasi | kegiatan
    records: list[Organisation] | list[Event]


def list_text(listing: Listing, ctx: Context) -> RenderableType:
    return views.list_text(listing.kind, views.list_rows(listing.records), ctx.config, ctx.lang)


def list_json(listing: Listing, ctx: Context) -> str:
    return views.list_json(listing.kind, views.list_rows(listing.records))


def list_csv(listing: Listing, ctx: Context) -> str:
    return views.list_csv(listing.kind, views.list_rows(listing.records), ctx.raw_csv)


def show_text(page: Page, ctx: Context) -> RenderableType:
    return views.show_text(page, ctx.config, ctx.lang)


def show_json(page: Page, ctx: Context) -> str:
    return views.show_json(page, ctx.lang)
