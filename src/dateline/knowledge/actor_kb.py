"""Actor knowledge: titles and office words, generic agents, IGOs and aliases, as data files.

Packaged files (``knowledge/data``): ``titles.tsv``, ``agents.tsv``, ``igos.tsv``,
``aliases.tsv``, ``persons.tsv`` (well-known political figures with dated roles). Dictionaries a user imported with ``dateline dict import`` live in
``settings.dict_dir`` as ``actors-*.tsv`` / ``agents-*.tsv`` (written by
``petrarch_import``) and are read by :func:`load_kb` next to the packaged ones; an imported
entry wins over a packaged one with the same phrase.

Phrase keys: whitespace collapsed, a leading "the" and a trailing possessive removed,
case-folded - except all-capital acronyms ("UN", "IS", "PUK"), which match only as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dateline.knowledge import data_path

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def is_acronym(text: str) -> bool:
    bare = text.replace(".", "").replace(" ", "").replace("-", "")
    return 1 < len(bare) <= 8 and bare.isupper() and bare.isalpha()


def phrase_key(text: str) -> str:
    """The lookup key of a phrase (see the module docstring)."""
    text = _ARTICLE.sub("", _POSSESSIVE.sub("", " ".join(text.split()))).strip()
    if is_acronym(text):
        return "=" + text.replace(".", "").replace(" ", "")
    return text.casefold()


@dataclass(frozen=True, slots=True)
class Title:
    phrase: str
    sectors: tuple[str, ...]
    type: str  # title | office
    gender: str | None


@dataclass(frozen=True, slots=True)
class DatedCode:
    code: str
    start: dt.date | None = None  # inclusive
    end: dt.date | None = None  # inclusive


@dataclass(frozen=True, slots=True)
class KnownActor:
    """A named actor the knowledge base knows: alias table, IGO list or imported dictionary."""

    name: str
    kind: str  # person | organization | country | region | group | agent
    code: str | None
    country: str | None
    sectors: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # ISO3 codes; one must be named in the article
    dated: tuple[DatedCode, ...] = ()  # date-bounded codes (PETRARCH dictionaries)
    source: str = "aliases"

    def code_at(self, date: dt.date | None) -> str | None:
        """The code valid at ``date`` (bounded codes first, then the default code)."""
        if date is not None:
            for d in self.dated:
                if (d.start is None or d.start <= date) and (d.end is None or date <= d.end):
                    return d.code
        return self.code


@dataclass(frozen=True, slots=True)
class Agent:
    phrase: str  # singular, lower case
    sectors: tuple[str, ...]
    prefix: bool = False  # PETRARCH "NGO~": the code goes before the country


@dataclass(frozen=True)
class ActorKB:
    titles: dict[str, Title]
    agents: dict[str, Agent]  # every form (singular and plural), lower case
    known: dict[str, KnownActor]  # phrase_key -> actor
    title_words: frozenset[str] = field(default=frozenset())  # last words of title phrases
    max_title_len: int = 4
    phrases: tuple[str, ...] = ()  # every surface form of ``known``, for the phrase matcher

    def title(self, phrase: str) -> Title | None:
        return self.titles.get(" ".join(phrase.lower().split()))

    def agent(self, phrase: str) -> Agent | None:
        return self.agents.get(" ".join(phrase.lower().split()))

    def lookup(self, text: str) -> KnownActor | None:
        return self.known.get(phrase_key(text))

    def sectors_of(self, words: list[str]) -> tuple[tuple[str, ...], str | None]:
        """Sectors and gender named by role or organisation words.

        Office words ("police", "army", "party") decide over title words ("chief",
        "minister"); among titles the longest phrase wins ("police chief" over "chief").
        """
        lower = [w.lower() for w in words]
        best: tuple[int, int, Title] | None = None
        gender = None
        for i in range(len(lower)):
            for j in range(min(len(lower), i + self.max_title_len), i, -1):
                t = self.titles.get(" ".join(lower[i:j]))
                if t is None:
                    continue
                gender = gender or t.gender
                rank = (1 if t.type == "office" else 0, j - i)
                if t.sectors and (best is None or rank > best[:2]):
                    best = (*rank, t)
                break
        return (best[2].sectors if best else ()), gender


def _rows(path: Path) -> Iterable[dict[str, str]]:
    header: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            cols += [""] * (len(header) - len(cols))
            yield dict(zip(header, cols[: len(header)], strict=True))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip() and v.strip() != "-")


def _plural(phrase: str) -> str:
    if phrase.endswith(("s", "x", "ch", "sh")):
        return phrase + "es"
    if phrase.endswith("y") and phrase[-2:-1] not in "aeiou":
        return phrase[:-1] + "ies"
    return phrase + "s"


def _agent_forms(phrase: str, plural: str) -> list[str]:
    if plural == "-":
        return [phrase]
    return [phrase, plural or _plural(phrase)]


def _date(value: str, end: bool = False) -> dt.date | None:
    if not value:
        return None
    if len(value) == 4:  # a year: its first day, or its last for an end date
        return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
    return dt.date.fromisoformat(value)


def _persons(path: Path) -> Iterable[tuple[KnownActor, tuple[str, ...]]]:
    """Well-known figures: one actor per name, a dated code per role row; the code of the
    latest role is the default (an article dated outside every range keeps the country)."""
    by_name: dict[str, list[dict[str, str]]] = {}
    for r in _rows(path):
        by_name.setdefault(r["name"], []).append(r)
    for name, rows in by_name.items():
        dated = []
        for r in rows:
            code = r["country"] + r["sector"]
            dated.append(DatedCode(code, _date(r["start"]), _date(r["end"], end=True)))
        last = rows[-1]
        country = last["country"] if len(last["country"]) == 3 else None
        sectors = tuple(s for s in (last["sector"],) if s)
        aliases = tuple(dict.fromkeys(a for r in rows for a in _split(r["aliases"])))
        yield (KnownActor(name, "person", dated[-1].code, country, sectors,
                          dated=tuple(dated), source="persons"), (name, *aliases))


@lru_cache(maxsize=1)
def _packaged() -> tuple[dict[str, Title], dict[str, Agent], dict[str, KnownActor],
                        tuple[str, ...]]:
    titles = {}
    for r in _rows(data_path("titles.tsv")):
        sectors = tuple(s for s in _split(r["sectors"]) if s != "-")
        titles[r["phrase"].lower()] = Title(r["phrase"].lower(), sectors, r["type"] or "title",
                                            r["gender"] or None)
    agents: dict[str, Agent] = {}
    for r in _rows(data_path("agents.tsv")):
        agent = Agent(r["phrase"].lower(), _split(r["sectors"]))
        for form in _agent_forms(agent.phrase, r["plural"]):
            agents.setdefault(form, agent)
    known: dict[str, KnownActor] = {}
    phrases: list[str] = []
    for r in _rows(data_path("igos.tsv")):
        code = r["code"]
        actor = KnownActor(r["name"], "organization", code, None, (code[:3],), source="igos")
        for alias in (r["name"], *_split(r["aliases"])):
            known.setdefault(phrase_key(alias), actor)
            phrases.append(alias)
    for r in _rows(data_path("aliases.tsv")):
        actor = KnownActor(r["canonical"], r["kind"], r["code"] or None, r["country"] or None,
                           _split(r["sectors"]), _split(r["context"]))
        known.setdefault(phrase_key(r["alias"]), actor)
        phrases.append(r["alias"])
    for actor, names in _persons(data_path("persons.tsv")):
        for n in names:
            known.setdefault(phrase_key(n), actor)
            phrases.append(n)
    return titles, agents, known, tuple(phrases)


@lru_cache(maxsize=1)
def _ethnic_groups() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in _rows(data_path("ethnic_groups.tsv")):
        for name in _split(r["names"]):
            out.setdefault(name, r["code"])
    return out


def ethnic_code(word: str) -> str | None:
    """CAMEO's ethnic code of an ethnic group word as written ("Kurds" -> "kur"); names are
    matched case-sensitively, so "fur" or "karen" in running text are not groups."""
    return _ethnic_groups().get(word)


def load_imported(dict_dir: str | Path | None
                  ) -> tuple[dict[str, Agent], dict[str, KnownActor], list[str]]:
    """Agents and actors from the converted dictionaries in ``dict_dir`` (may not exist)."""
    agents: dict[str, Agent] = {}
    known: dict[str, KnownActor] = {}
    phrases: list[str] = []
    if not dict_dir or not Path(dict_dir).is_dir():
        return agents, known, phrases
    folder = Path(dict_dir)
    for path in sorted(folder.glob("agents-*.tsv")):
        for r in _rows(path):
            agent = Agent(r["phrase"].lower(), _split(r["sectors"]), r.get("position") == "prefix")
            for form in _agent_forms(agent.phrase, r.get("plural", "")):
                agents.setdefault(form, agent)
    # one actor may have several rows (synonyms, date-bounded codes): group by "entry"
    for path in sorted(folder.glob("actors-*.tsv")):
        by_entry: dict[str, list[dict[str, str]]] = {}
        for r in _rows(path):
            by_entry.setdefault(r["entry"], []).append(r)
        for entry, rows in by_entry.items():
            default = next((r["code"] for r in rows if r["code"] and not r["start"]
                            and not r["end"]), None)
            dated = tuple(DatedCode(r["code"], _date(r["start"]), _date(r["end"], end=True))
                          for r in rows if r["code"] and (r["start"] or r["end"]))
            names = {r["phrase"] for r in rows if r["phrase"]}
            name = rows[0]["name"] or entry
            actor = KnownActor(name, "", default, None, dated=dated, source=path.name)
            for phrase in sorted(names):
                known[phrase_key(phrase)] = actor
                phrases.append(phrase)
    return agents, known, phrases


def load_kb(dict_dir: str | Path | None = None) -> ActorKB:
    """The packaged knowledge plus the dictionaries imported into ``dict_dir``."""
    titles, agents, known, phrases = _packaged()
    imp_agents, imp_known, imp_phrases = load_imported(dict_dir)
    all_agents = {**agents, **imp_agents}
    all_known = {**known, **imp_known}
    words = frozenset(t.phrase.split()[-1] for t in titles.values() if t.type == "title")
    longest = max((len(t.phrase.split()) for t in titles.values()), default=1)
    return ActorKB(titles, all_agents, all_known, words, longest,
                   tuple(dict.fromkeys((*phrases, *imp_phrases))))
