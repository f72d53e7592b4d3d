"""``dateline.open(path)``: a store handle with the query functions as methods.

    import dateline

    with dateline.open("dateline.db") as db:
        db.events(actor="Zarif", code="04", since="2019-01", limit=20)
        db.clusters(country="IRN", sort="-mentions")
        db.counts(by="month", plover="ASSAULT", merged=True)
        db.export("parquet", "events.parquet", table="clusters")

Filters are the fields of ``dateline.store.queries.EventFilter`` as keyword arguments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self

from dateline.store import queries
from dateline.store.store import Store


class EventStore:
    """A read-mostly view of a Dateline store (``create=True`` makes an empty one)."""

    def __init__(self, path: str | Path, create: bool = False) -> None:
        self.store = Store(path, create=create)

    @staticmethod
    def _filter(limit: int | None, filters: dict[str, Any]) -> queries.EventFilter:
        return queries.EventFilter(**{"limit": limit, **filters})

    def stats(self) -> dict[str, Any]:
        return queries.stats(self.store)

    def events(self, limit: int | None = 100, **filters: Any) -> list[dict[str, Any]]:
        """Extracted events, each with its merged event (``cluster``) and mention count."""
        return queries.list_events(self.store, self._filter(limit, filters))

    def clusters(self, limit: int | None = 100, **filters: Any) -> list[dict[str, Any]]:
        """Merged events (one per real-world event) with mention, source and article counts."""
        return queries.list_clusters(self.store, self._filter(limit, filters))

    def cluster(self, cluster_id: int) -> dict[str, Any] | None:
        """One merged event with its mentions and why each was merged."""
        return queries.get_cluster(self.store, cluster_id)

    def mentions(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.mentions(self.store, flt=self._filter(None, filters))

    def counts(self, by: str = "month", merged: bool = False, **filters: Any) -> list[dict[str, Any]]:
        """Counts per day/week/month/year or per (source, target) pair."""
        return queries.counts(self.store, by, self._filter(None, filters), merged=merged)

    def network(self, **filters: Any) -> Any:
        """The actor network as a networkx.DiGraph (needs the ``export`` extra)."""
        from dateline.export.graph import network

        return network(self.store, self._filter(None, filters))

    def actors(self, country: str | None = None, search: str | None = None,
               kind: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        return queries.list_actors(self.store, country=country, search=search, kind=kind,
                                   limit=limit)

    def actor(self, actor_id: int) -> dict[str, Any] | None:
        return queries.get_actor(self.store, actor_id)

    def articles(self, limit: int = 50, search: str | None = None) -> list[dict[str, Any]]:
        return queries.list_articles(self.store, limit=limit, search=search)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return queries.get_article(self.store, article_id)

    def quotes(self, speaker: str | None = None, search: str | None = None,
               article: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
        return queries.list_quotes(self.store, speaker=speaker, search=search, article=article,
                                   limit=limit)

    def export(self, fmt: str, path: str | Path, table: str = "events", header: bool = False,
               **filters: Any) -> int:
        """Write an export (formats as `dateline export --format`); returns rows written."""
        from dateline.export import export

        return export(self.store, fmt, path, self._filter(None, filters), table=table,
                      header=header)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path, create: bool = False) -> EventStore:
    return EventStore(path, create=create)
