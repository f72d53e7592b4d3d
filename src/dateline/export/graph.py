"""Actor networks as GraphML or GEXF (networkx) for Gephi, networkx, igraph.

Nodes are actors of the actor base; a directed edge source -> target carries the number of
merged events between them (``events``, also the edge ``weight``), their mentions, and the
mean Goldstein value (``goldstein_mean``; absent when no event of the pair has one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.store import queries
from dateline.store.queries import EventFilter
from dateline.store.store import Store


def network(store: Store, flt: EventFilter) -> Any:
    """The actor network as a ``networkx.DiGraph``."""
    try:
        import networkx as nx
    except ImportError:
        raise InputError("graph export needs networkx: pip install 'dateline[export]'") from None
    data = queries.actor_network(store, flt)
    g = nx.DiGraph()
    for n in data["nodes"]:
        # GraphML and GEXF have no null: unknown attributes are left out.
        attrs = {"label": n["name"], "kind": n["kind"], "country": n["country"], "code": n["code"]}
        g.add_node(str(n["id"]), **{k: v for k, v in attrs.items() if v is not None})
    for e in data["edges"]:
        attrs = {"events": e["events"], "weight": float(e["events"]), "mentions": e["mentions"],
                 "goldstein_mean": e["goldstein_mean"]}
        g.add_edge(str(e["source"]), str(e["target"]),
                   **{k: v for k, v in attrs.items() if v is not None})
    return g


def write(store: Store, path: Path, fmt: str, flt: EventFilter) -> int:
    import networkx as nx

    g = network(store, flt)
    if fmt == "graphml":
        nx.write_graphml(g, path)
    elif fmt == "gexf":
        nx.write_gexf(g, path)
    else:
        raise InputError(f"unknown graph format {fmt!r}")
    return g.number_of_edges()
