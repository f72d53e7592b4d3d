"""The cross-article actor base: link each article actor to one real-world actor.

Rules (in order):
- persons: an exact match of the full name (two or more tokens) on a known name or alias;
  otherwise a name that ends a known person's name ("Zarif" -> "Mohammad Javad Zarif")
  resolves to that person only when exactly one person matches. Several matches are
  ambiguous: the name goes to its own unresolved entry (never a guess).
- everyone else: the normalised name or any alias equals a known name or alias;
  countries also match on their ISO code.
- a match never crosses kinds (a person is never merged with an organization) and never
  contradicts a stated country.
Called only by ``Store`` inside its write transaction.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from dateline.records import Actor

_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[^\w\s]+")
_LEADING = ("the",)
# Kinds an actor stage may assign interchangeably to the same body.
_KIND_GROUPS = {"organization": "org", "group": "org", "agent": "org"}


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name: "the Iran's" -> "iran"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _NON_WORD.sub(" ", _POSSESSIVE.sub("", text))
    tokens = text.split()
    while tokens and tokens[0] in _LEADING and len(tokens) > 1:
        tokens = tokens[1:]
    return " ".join(tokens)


_GENERATION = {"jr", "sr", "ii", "iii", "iv"}


def surname_key(norm: str) -> str:
    """The normalised name without a generational suffix, reversed for indexed suffix search:
    "ferdinand marcos jr" -> "socram dnanidref"."""
    tokens = norm.split()
    while len(tokens) > 1 and tokens[-1] in _GENERATION:
        tokens.pop()
    return " ".join(tokens)[::-1]


def _same_kind(a: str, b: str) -> bool:
    return a == b or _KIND_GROUPS.get(a, a) == _KIND_GROUPS.get(b, b)


def _compatible(actor: Actor, kind: str, country: str | None) -> bool:
    if not _same_kind(actor.kind, kind):
        return False
    if actor.kind == "agent" or kind == "agent":
        # Generic agents ("police", "Foreign Ministry") are one actor per country only.
        return actor.country == country
    return not (actor.country and country and actor.country != country)


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable[object]) -> list[sqlite3.Row]:
    return conn.execute(sql, tuple(params)).fetchall()


def _exact(conn: sqlite3.Connection, keys: list[str]) -> list[sqlite3.Row]:
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    return _rows(
        conn,
        f"SELECT b.id, b.norm, b.kind, b.country, a.norm AS hit FROM actor_aliases a "
        f"JOIN actor_base b ON b.id = a.actor WHERE a.norm IN ({marks}) "
        f"UNION SELECT id, norm, kind, country, norm AS hit FROM actor_base WHERE norm IN ({marks})",
        [*keys, *keys],
    )


def _suffix_persons(conn: sqlite3.Connection, name: str) -> list[sqlite3.Row]:
    """Persons whose normalised name ends with " " + name (indexed via the reversed name)."""
    prefix = surname_key(name) + " "
    return _rows(
        conn,
        "SELECT id, norm, kind, country FROM actor_base "
        "WHERE norm_rev >= ? AND norm_rev < ? AND kind = 'person'",
        [prefix, prefix + "\uffff"],
    )


def _pick(actor: Actor, rows: list[sqlite3.Row], name: str) -> int | None:
    """The best compatible candidate: same country, then canonical-name hit, then most key
    hits; a tie between different actors matched only through aliases is ambiguous."""
    hits: dict[int, int] = {}
    info: dict[int, sqlite3.Row] = {}
    for r in rows:
        if _compatible(actor, r["kind"], r["country"]):
            hits[r["id"]] = hits.get(r["id"], 0) + 1
            info[r["id"]] = r
    if not hits:
        return None

    def rank(i: int) -> tuple[int, int, int, int]:
        r = info[i]
        return (int(bool(actor.country) and r["country"] == actor.country),
                int(r["norm"] == name), hits[i], -i)

    ordered = sorted(hits, key=rank, reverse=True)
    if len(ordered) > 1 and rank(ordered[0])[:3] == rank(ordered[1])[:3] and info[ordered[0]]["norm"] != name:
        return None
    return ordered[0]


def _resolve_person(conn: sqlite3.Connection, actor: Actor, name: str) -> int | None:
    if len(name.split()) >= 2:
        keys = sorted({name} | {k for k in map(normalise, actor.aliases) if len(k.split()) >= 2})
        found = _pick(actor, _exact(conn, keys), name)
        if found is not None:
            return found
    longer = [r for r in _suffix_persons(conn, name) if _compatible(actor, r["kind"], r["country"])]
    ids = sorted({r["id"] for r in longer})
    if len(ids) == 1:
        return ids[0]
    # Ambiguous or unknown: reuse the unresolved entry of exactly this name, if any.
    same = [r for r in _exact(conn, [name])
            if r["norm"] == name and _compatible(actor, r["kind"], r["country"])]
    return min((r["id"] for r in same), default=None)


def resolve(conn: sqlite3.Connection, actor: Actor) -> int | None:
    """The actor_base id this article actor refers to, or None when it is new."""
    name = normalise(actor.name)
    if not name:
        return None
    if actor.kind == "person":
        return _resolve_person(conn, actor, name)
    keys = sorted({name} | {k for k in map(normalise, actor.aliases) if k})
    rows = _exact(conn, keys)
    if actor.kind == "country" and actor.country:
        rows += _rows(conn, "SELECT id, norm, kind, country, norm AS hit FROM actor_base "
                            "WHERE kind = 'country' AND country = ?", [actor.country])
    return _pick(actor, rows, name)


def link(conn: sqlite3.Connection, actor: Actor, now: str) -> int:
    """Resolve or create the base entry for an article actor; add its names as aliases."""
    base = resolve(conn, actor)
    name = normalise(actor.name) or actor.name.casefold()
    if base is None:
        base = conn.execute(
            "INSERT INTO actor_base (name, norm, norm_rev, kind, country, code, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (actor.name, name, surname_key(name), actor.kind, actor.country, actor.code, now),
        ).lastrowid
        assert base is not None
    else:
        # Fill what the base entry does not know yet; never overwrite a stated value.
        conn.execute(
            "UPDATE actor_base SET country = COALESCE(country, ?), code = COALESCE(code, ?) "
            "WHERE id = ?", (actor.country, actor.code, base))
    add_aliases(conn, base, (actor.name, *actor.aliases))
    return base


def add_aliases(conn: sqlite3.Connection, base: int, names: Iterable[str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (actor, alias, norm) VALUES (?, ?, ?)",
        [(base, n, normalise(n)) for n in names if normalise(n)],
    )


def refresh(conn: sqlite3.Connection, bases: Iterable[int], rebuild_aliases: bool = False) -> None:
    """Rebuild the derived rows of these base actors from the article actors linked to them:
    roles (with first/last article date and count), and aliases when asked. An entry no
    article links to any more is removed."""
    for base in sorted(set(bases)):
        linked = _rows(conn, "SELECT name, aliases FROM article_actors WHERE actor = ?", [base])
        if not linked:
            conn.execute("DELETE FROM actor_base WHERE id = ?", (base,))
            continue
        if rebuild_aliases:
            import json

            conn.execute("DELETE FROM actor_aliases WHERE actor = ?", (base,))
            canonical = conn.execute("SELECT name FROM actor_base WHERE id = ?", (base,)).fetchone()
            names = [canonical["name"]]
            for row in linked:
                names += [row["name"], *json.loads(row["aliases"])]
            add_aliases(conn, base, names)
        conn.execute("DELETE FROM actor_roles WHERE actor = ?", (base,))
        conn.execute(
            "INSERT INTO actor_roles (actor, role, organization, country, first_seen, last_seen, count) "
            # One row per role whatever its case; MIN keeps the capitalised spelling.
            "SELECT aa.actor, MIN(aa.role), MIN(aa.organization), aa.country, MIN(ar.date), "
            "MAX(ar.date), COUNT(*) FROM article_actors aa JOIN articles ar ON ar.id = aa.article "
            "WHERE aa.actor = ? AND aa.role IS NOT NULL AND aa.role != '' "
            "GROUP BY lower(aa.role), lower(COALESCE(aa.organization, '')), aa.country",
            (base,),
        )
