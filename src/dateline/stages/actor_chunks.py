"""Noun chunks as actors: pronouns, nominal references and generic agents.

- pronouns (he/his/she/her) -> ``coref.resolve_pronoun``;
- "the country" inside a phrase ("the country's borders") -> the most recent country;
- definite nominals ("the minister", "the PUK official", "the terrorist group", "the ministry")
  -> ``coref.resolve_nominal``; "the ministry" after a minister becomes that ministry
  ("Interior Ministry" of the minister's country);
- generic agents ("Iraqi military", "the country's police and security forces", "protesters"):
  an agent actor with the sectors of ``agents.tsv`` and the country of a demonym, a country
  name or a possessive in front; without one, the country named nearest in the same sentence,
  else the dateline's country (lower confidence), else none. A demonym in front of an agent
  makes an agent actor ("Iranian forces" IRNMIL); the bare demonym is also linked to its country.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.knowledge.actor_kb import Agent
from dateline.knowledge.countries import country_of_capital, lookup_country
from dateline.stages import coref
from dateline.stages.actor_build import Draft

if TYPE_CHECKING:
    from dateline.stages.actors import _Reader

_SUBJ = ("nsubj", "nsubjpass")
_DEFINITE = {"the", "this", "that"}
_POS = {"'s", "’s", "'", "’"}
_NOMINAL_HEADS = coref.GROUP_HEADS | coref.COUNTRY_HEADS | coref.ORG_HEADS | {"ministry"}
_AGENT_MODS = {"amod", "compound", "nmod", "poss", "det", "nummod", "case", "cc", "conj",
               "punct", "advmod", "quantmod"}


_COLLECTIVE_HEADS = frozenset({"group", "faction", "movement", "coalition", "camp", "force"})


def _covered(r: _Reader, start: int, end: int) -> bool:
    return any(m.start <= start and end <= m.end for d in r.reg.drafts for m in d.mentions
               if m.kind not in ("demonym", "pronoun"))


def _pronouns(r: _Reader, chunk: Any) -> None:
    for t in chunk:
        if t.tag_ not in ("PRP", "PRP$") or t.lower_ not in coref.PRONOUN_GENDER:
            continue
        res = coref.resolve_pronoun(t.text, t.idx, r.sent_of(t.idx), r.reg, r.sent_of)
        if res is None:
            continue
        draft, conf = res
        r.mention(draft, t.idx, t.idx + len(t.text), "pronoun", conf, t.dep_ in _SUBJ)
        if draft.gender is None and conf >= 0.85:
            draft.gender = coref.PRONOUN_GENDER[t.lower_]


def _country_nominal(r: _Reader, chunk: Any) -> Draft | None:
    """'the country' used as a possessive inside the chunk."""
    doc = chunk.doc
    for t in chunk:
        if t.dep_ == "poss" and t.lower_ in coref.COUNTRY_HEADS and t.i > chunk.start \
                and doc[t.i - 1].lower_ == "the":
            start, end = doc[t.i - 1].idx, t.idx + len(t.text)
            res = coref.resolve_nominal(t.lower_, [], start, r.sent_of(start), r.reg, r.sent_of,
                                        r.kb.title_words, _iso3)
            if res is not None:
                r.mention(res[0], start, end, "nominal", res[1])
                return res[0]
    return None


def _iso3(text: str) -> str | None:
    c = lookup_country(text)
    return c.iso3 if c else None


def _agents_in(r: _Reader, chunk: Any) -> list[tuple[int, Agent]]:
    """(token index, agent) for the agent words of the chunk, two-word phrases first."""
    found: list[tuple[int, Agent]] = []
    doc = chunk.doc
    root = chunk.root
    for t in chunk:
        if t.i != root.i and t.dep_ not in ("conj", "nmod", "appos"):
            continue
        if t.i > chunk.start:
            two = r.kb.agent(f"{doc[t.i - 1].lower_} {t.lower_}")
            if two is not None:
                found.append((t.i - 1, two))
                continue
        one = r.kb.agent(t.lower_)
        if one is None and t.i == root.i and t.lemma_.lower() in _COLLECTIVE_HEADS:
            # "opposition groups", "rebel factions": the modifier names the kind of actor
            mod = next((c for c in t.children if c.dep_ in ("compound", "amod")
                        and r.kb.agent(c.lower_) is not None), None)
            if mod is not None:
                found.append((mod.i, r.kb.agent(mod.lower_)))
            continue
        if one is None:
            continue
        if t.i == root.i and any(c.dep_ == "compound" and c.pos_ == "NOUN"
                                 and r.kb.agent(c.lower_) is None for c in t.children):
            continue  # "market forces", "task force"
        found.append((t.i, one))
    return found


def _nominal(r: _Reader, chunk: Any, mods: list[Any]) -> bool:
    root = chunk.root
    head = root.lower_
    start, end = chunk.start_char, chunk.end_char
    sent = r.sent_of(start)
    if head == "ministry" and not mods:
        minister = coref.minister_before(start, sent, r.reg, r.sent_of)
        if minister is None:
            return False
        portfolio = " ".join(w for w in (minister.role or "").split()
                             if w.lower() not in ("minister", "deputy", "the"))
        key = f"ministry:{minister.country}:{portfolio.lower()}"
        draft = r.reg.get(key) or r.reg.new(
            key, f"{portfolio} Ministry".strip(), "organization", country=minister.country,
            country_code=minister.country_code, region=minister.region, sectors=["GOV"])
        r.mention(draft, start, end, "nominal", 0.7, root.dep_ in _SUBJ)
        return True
    modifiers = [coref.Modifier(t.text, t.idx, t.idx + len(t.text)) for t in mods]
    res = coref.resolve_nominal(head, modifiers, start, sent, r.reg, r.sent_of,
                                r.kb.title_words, _iso3)
    if res is None:
        return False
    r.mention(res[0], start, end, "nominal", res[1], root.dep_ in _SUBJ)
    return True


def read_chunk(r: _Reader, chunk: Any) -> None:
    _pronouns(r, chunk)
    root = chunk.root
    if root.tag_ in ("PRP", "PRP$", "WP", "WDT"):
        return
    owner = _country_nominal(r, chunk)
    if _covered(r, root.idx, root.idx + len(root.text)):
        return
    toks = list(chunk)
    definite = toks[0].lower_ in _DEFINITE
    last_pos = max((k for k, t in enumerate(toks) if t.text in _POS), default=-1)
    body = toks[max(last_pos + 1, 1 if definite else 0):]
    mods = [t for t in body if t.i < root.i and not t.is_punct]
    head = root.lower_
    if definite and last_pos < 0 and root.tag_ in ("NN", "NNP") and (
            head in r.kb.title_words or head in _NOMINAL_HEADS):
        countries = [t for t in mods if lookup_country(t.text) is not None]
        if _nominal(r, chunk, mods) or not countries:
            return
    agents = _agents_in(r, chunk)
    if not agents or not body:
        return
    _agent(r, chunk, body, agents, owner)


def _agent(r: _Reader, chunk: Any, body: list[Any], agents: list[tuple[int, Agent]],
           owner: Draft | None) -> None:
    first_agent = min(i for i, _ in agents)
    country = region = None
    conf = 1.0
    for t in chunk:
        if t.i >= first_agent:
            break
        group = r.reg.at(t.idx, t.idx + len(t.text), ("group", "organization"))
        if group is not None:  # "Islamic State militants", "Hamas gunmen": the group itself
            start = body[0].idx
            r.mention(group, start, chunk.end_char, "nominal", 0.9, chunk.root.dep_ in _SUBJ)
            return
        c = lookup_country(t.text) if t.text[:1].isupper() else None
        if c is not None:
            country, code = c.iso3, c.code
            break
        d = r.reg.at(t.idx, t.idx + len(t.text))
        if d is not None and d.country and d.kind in ("country", "region"):
            country, code, region = d.country, d.country_code, d.region
            break
        if d is not None and d.country and d.kind == "person":  # "the Bush administration"
            country, code = d.country, d.country_code
            break
    else:
        code = None
    if country is None:  # "demonstrators in Baghdad", "security forces in Guinea"
        country, code = _located_in(chunk.root)
    if country is None and owner is not None:
        country, code, region = owner.country, owner.country_code, owner.region
    if country is None:
        country, code, region = _context_country(r, chunk.start_char, agents[0][1])
        conf = 0.7 if country else 0.9
    sectors: list[str] = []
    for _, a in agents:
        for s in a.sectors:
            if s not in sectors:
                sectors.append(s)
    start = body[0].idx
    while body and body[0].lower_ in ("all", "some", "many", "several", "both"):
        body = body[1:]
    if body:
        start = body[0].idx
    end = chunk.end_char
    name = r.text[start:end]
    key = f"agent:{country}:{region}:{agents[0][1].phrase}"
    draft = r.reg.get(key) or r.reg.new(key, name, "agent", country=country, country_code=code,
                                        region=region, sectors=sectors)
    draft.add_sectors(sectors)
    r.mention(draft, start, end, "name", conf, chunk.root.dep_ in _SUBJ)


def _located_in(root: Any) -> tuple[str | None, str | None]:
    """The country of an "in <country or capital>" modifier of an agent's head noun."""
    for p in root.children:
        if p.dep_ != "prep" or p.lower_ != "in":
            continue
        for o in p.children:
            if o.dep_ != "pobj" or not o.text[:1].isupper():
                continue
            name = o.doc[o.left_edge.i:o.i + 1].text
            c = lookup_country(name) or country_of_capital(name)
            if c is not None:
                return c.iso3, c.code
    return None, None


def _context_country(r: _Reader, pos: int, agent: Agent
                     ) -> tuple[str | None, str | None, str | None]:
    """Country of an agent named without one: the country named nearest in the sentence, the
    country of the latest agent of the same kind (within three sentences), the dateline's
    country, or the only country the article names."""
    sent = r.sent_of(pos)
    best: tuple[int, Draft] | None = None
    recent: tuple[int, Draft] | None = None
    countries = set()
    for d in r.reg.drafts:
        if d.kind == "country":
            countries.add(d.key)
            for m in d.mentions:
                if r.sent_of(m.start) == sent and (best is None or abs(m.start - pos) < best[0]):
                    best = (abs(m.start - pos), d)
        elif d.kind == "agent" and d.country and set(d.sectors) & set(agent.sectors):
            last = max((m.start for m in d.mentions if m.start < pos), default=-1)
            if last >= 0 and sent - r.sent_of(last) <= 3 and (recent is None or last > recent[0]):
                recent = (last, d)
    for found in (best, recent):
        if found is not None:
            return found[1].country, found[1].country_code, found[1].region
    if r.home is not None:
        return r.home.iso3, r.home.code, None
    if len(countries) == 1:
        only = r.reg.get(countries.pop())
        if only is not None:
            return only.country, only.country_code, None
    return None, None, None
