"""The store: SQLite schema and migrations, the Store (the only SQL writer) and the
read-only query functions consumers use."""

from dateline.store.store import Store

__all__ = ["Store"]
