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

from dateline.knowledge.actor_kb import Agent, ethnic_code
from dateline.knowledge.countries import country_by_code, lookup_country
from dateline.stages import coref
from dateline.stages.actor_build import Draft
from dateline.stages.actor_roles import FORMER

if TYPE_CHECKING:
    from dateline.stages.actors import _Reader

_SUBJ = ("nsubj", "nsubjpass")
_DEFINITE = {"the", "this", "that"}
_POS = {"'s", "’s", "'", "’"}
_NOMINAL_HEADS = coref.GROUP_HEADS | coref.COUNTRY_HEADS | coref.ORG_HEADS | {"ministry"}
_AGENT_MODS = {"amod", "compound", "nmod", "poss", "det", "nummod", "case", "cc", "conj",
               "punct", "advmod", "quantmod"}


_COLLECTIVE_HEADS = frozenset({"group", "faction", "movement", "coalition", "camp", "force"})
# Heads that take the kind of actor from their modifier: "rebel leaders", "army officials".
_MEMBER_HEADS = frozenset({"leader", "leaders", "commander", "commanders", "member", "members",
                           "official", "officials", "spokesman", "spokesmen", "representative",
                           "representatives", "chief", "chiefs", "delegation", "delegates",
                           "candidate", "candidates", "supporters", "activists"})
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# Agent heads that a noun compound turns into something else ("market forces").
_COMPOUND_STOP_HEADS = frozenset({"force", "forces", "press", "media", "tank", "tanks"})


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
    """(token index, agent) for the agent words of the chunk, longer phrases first."""
    found: list[tuple[int, Agent]] = []
    doc = chunk.doc
    root = chunk.root
    for t in chunk:
        if t.i != root.i and t.dep_ not in ("conj", "nmod", "appos"):
            continue
        phrase = _phrase_agent(r, doc, t, chunk.start)
        if phrase is not None:
            found.append(phrase)
            continue
        one = r.kb.agent(t.lower_)
        if t.i == root.i and (t.lemma_.lower() in _COLLECTIVE_HEADS or t.lower_ in _MEMBER_HEADS):
            # "opposition groups", "rebel factions", "rebel leaders", "military officials":
            # the modifier names the kind of actor
            mod = next((c for c in t.children if c.dep_ in ("compound", "amod")
                        and r.kb.agent(c.lower_) is not None), None)
            if mod is not None:
                found.append((mod.i, r.kb.agent(mod.lower_)))
                continue
        if one is None:
            continue
        if t.i == root.i and t.lower_ in _COMPOUND_STOP_HEADS and any(
                c.dep_ == "compound" and c.pos_ == "NOUN" and r.kb.agent(c.lower_) is None
                for c in t.children):
            continue  # "market forces", "task force", "printing press"
        found.append((t.i, one))
    return found


_LAST_WORDS: dict[int, frozenset[str]] = {}


def _multiword_last(r: _Reader) -> frozenset[str]:
    """Last words of the multi-word agent phrases (built once per knowledge base)."""
    words = _LAST_WORDS.get(id(r.kb.agents))
    if words is None:
        words = frozenset(k.rsplit(" ", 1)[1] for k in r.kb.agents if " " in k)
        _LAST_WORDS.clear()
        _LAST_WORDS[id(r.kb.agents)] = words
    return words


def _phrase_agent(r: _Reader, doc: Any, t: Any, first: int) -> tuple[int, Agent] | None:
    """A three- or two-word agent ending at ``t``: "border patrol agents", "riot police"."""
    if t.lower_ not in _multiword_last(r):
        return None
    for n in (3, 2):
        start = t.i - n + 1
        if start < first:
            continue
        agent = r.kb.agent(" ".join(doc[i].lower_ for i in range(start, t.i + 1)))
        if agent is not None:
            return start, agent
    return None


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
    agents = _agents_in(r, chunk)
    if definite and last_pos < 0 and root.tag_ in ("NN", "NNP") and (
            head in r.kb.title_words or head in _NOMINAL_HEADS):
        if _nominal(r, chunk, mods):
            return
        if not agents and not any(lookup_country(t.text) is not None for t in mods):
            return  # an unresolved "the group" is nobody in particular
    if not agents and _ethnic_people(chunk):
        agents = [(root.i, _ETHNIC_PEOPLE)]  # "Iraqi Kurds", "Bosnian Serbs": civilians
    if not agents and body and _titled_office(r, chunk, body, owner):
        return
    if not agents or not body:
        return
    _agent(r, chunk, body, agents, owner)


_ETHNIC_PEOPLE = Agent("ethnic group", ("CVL",))


def _ethnic_people(chunk: Any) -> bool:
    """A plural ethnic group as the head: "Kurds", "Iraqi Kurds", "Bosnian Serbs", "ethnic
    Albanians" (a state's people, "Serbs" alone, is a mention of the state instead)."""
    root = chunk.root
    if ethnic_code(root.text) is None or not root.text.endswith("s"):
        return False
    if lookup_country(root.text) is None:
        return True
    return any(t.lower_ == "ethnic" or (t.text[:1].isupper() and lookup_country(t.text))
               for t in chunk if t.i < root.i)


def _titled_office(r: _Reader, chunk: Any, body: list[Any], owner: Draft | None) -> bool:
    """An office holder named by title and country only: "Montenegro's prime minister",
    "Cairo's security chief", "the Greek foreign minister" -> an (unnamed) person with the
    title's sector and that country. Needs a country in the phrase, never one from context."""
    root = chunk.root
    if root.lower_ not in r.kb.title_words and r.kb.title(root.lower_) is None:
        return False
    words = [t for t in body if not t.is_punct]
    title = None
    for n in (3, 2, 1):
        if len(words) >= n:
            title = r.kb.title(" ".join(t.text for t in words[-n:]))
            if title is not None and title.sectors:
                break
            title = None
    if title is None or words[-1].i != chunk.root.i:
        return False
    c = None
    former = False
    for t in chunk:
        if t.i >= words[-1].i:
            break
        former = former or t.lower_ in FORMER
        group = r.reg.at(t.idx, t.idx + len(t.text), ("group", "organization"))
        if group is not None and group.code and group.country is None:
            # "European Community foreign ministers": the organisation acts
            r.mention(group, body[0].idx, chunk.end_char, "nominal", 0.85,
                      chunk.root.dep_ in _SUBJ)
            return True
        if not t.text[:1].isupper() or c is not None:
            continue
        c = lookup_country(t.text)
        if c is None and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in _POS:
            c = r.place_country(t.text)  # "Cairo's security chief"
    country = c.iso3 if c is not None else (owner.country if owner is not None else None)
    code = c.code if c is not None else (owner.country_code if owner is not None else None)
    if country is None:
        return False
    role = " ".join(t.text for t in words if t.lower_ not in ("the", "a", "an")
                    and lookup_country(t.text) is None)
    sectors = ["ELI"] if former else list(title.sectors)
    key = f"office:{country}:{role.lower()}"
    draft = r.reg.get(key) or r.reg.new(key, r.text[body[0].idx:chunk.end_char], "person",
                                        country=country, country_code=code, role=role,
                                        sectors=sectors, gender=title.gender)
    r.mention(draft, body[0].idx, chunk.end_char, "nominal", 0.85, chunk.root.dep_ in _SUBJ)
    return True


def _agent(r: _Reader, chunk: Any, body: list[Any], agents: list[tuple[int, Agent]],
           owner: Draft | None) -> None:
    first_agent = min(i for i, _ in agents)
    country = region = code = None
    demonym = None  # the country an ethnic word would otherwise evoke ("ethnic Albanian")
    ethnic = None
    conf = 1.0
    for t in chunk:
        if t.i > first_agent or (t.i == first_agent and agents[0][1] is not _ETHNIC_PEOPLE):
            break
        eth = ethnic_code(t.text)
        c = lookup_country(t.text) if t.text[:1].isupper() else None
        before = t.doc[t.i - 1] if t.i > 0 else None
        if eth is not None and (c is None or (before is not None and (
                before.lower_ == "ethnic" or (country is not None and before.i >= chunk.start
                                              and lookup_country(before.text) is not None)))):
            ethnic = ethnic or eth  # "Kurdish", "Bosnian Serb", "ethnic Albanian"
            demonym = demonym or c
            continue
        if t.i >= first_agent or country is not None:
            continue
        group = r.reg.at(t.idx, t.idx + len(t.text), ("group", "organization"))
        if group is not None:  # "Islamic State militants", "Hamas gunmen": the group itself
            start = body[0].idx
            r.mention(group, start, chunk.end_char, "nominal", 0.9, chunk.root.dep_ in _SUBJ)
            return
        if c is not None:
            country, code = c.iso3, c.code
            continue
        d = r.reg.at(t.idx, t.idx + len(t.text))
        if d is not None and d.country and d.kind in ("country", "region"):
            country, code, region = d.country, d.country_code, d.region
            continue
        if d is not None and d.country and d.kind == "person":  # "the Bush administration"
            country, code = d.country, d.country_code
            continue
        if t.text[:1].isupper() and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in _POS:
            c = r.place_country(t.text)  # "Cairo's police"
            if c is not None:
                country, code = c.iso3, c.code
    if country is None and any(t.lower_ in ("its", "their") for t in chunk if t.i < first_agent):
        owner_draft = _clause_subject(r, chunk.root)  # "Syria offered its troops"
        if owner_draft is not None:
            country, code, region = owner_draft.country, owner_draft.country_code, \
                owner_draft.region
    if country is None:  # "activists from the Fatah party", "the parliament of Gondor"
        org = _member_of(r, chunk.root)
        if org is not None and org.country:
            country, code, region = org.country, org.country_code, org.region
    if country is None:  # "demonstrators in Baghdad", "a group based in Trinidad"
        country, code = _located_in(r, chunk.root)
    if country is None and owner is not None:
        country, code, region = owner.country, owner.country_code, owner.region
    if country is None and demonym is not None:
        # "ethnic Albanians" with no place: where they live is named in the sentence, else
        # they are taken to live in the state their name evokes
        other = _other_country(r, chunk, demonym.iso3)
        country, code = (other.iso3, other.code) if other is not None else \
            (demonym.iso3, demonym.code)
    if country is None:
        country, code, region = _context_country(r, chunk.start_char, agents[0][1])
        conf = 0.7 if country else 0.9
    sectors: list[str] = []
    for _, a in agents:
        for s in a.sectors:
            if s not in sectors:
                sectors.append(s)
    if set(sectors) & _STATE_SECTORS and any(t.lower_ in FORMER for t in chunk
                                             if t.i < first_agent):
        sectors = ["ELI"]  # "former security officials": CAMEO's elites
    start = body[0].idx
    while body and body[0].lower_ in ("all", "some", "many", "several", "both"):
        body = body[1:]
    if body:
        start = body[0].idx
    end = chunk.end_char
    name = r.text[start:end]
    key = f"agent:{country}:{region}:{ethnic}:{agents[0][1].phrase}"
    draft = r.reg.get(key) or r.reg.new(key, name, "agent", country=country, country_code=code,
                                        region=region, sectors=sectors, ethnic=ethnic)
    draft.add_sectors(sectors)
    r.mention(draft, start, end, "name", conf, chunk.root.dep_ in _SUBJ)


def _clause_subject(r: _Reader, tok: Any) -> Draft | None:
    """The country or organisation that is the subject of the clause ``tok`` is in, for
    "its"/"their" ("Syria has offered its troops", "Iran said its forces ...")."""
    verb = tok.head
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                     and c.i != tok.i), None)
        if subj is not None:
            span = subj.doc[subj.left_edge.i:subj.i + 1]
            d = r.reg.at(span.start_char, span.end_char) or \
                r.reg.at(subj.idx, subj.idx + len(subj.text))
            if d is not None and d.country and d.kind in ("country", "organization", "group"):
                return d
            return None
        if verb.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "prep", "pobj", "dobj") \
                or verb.head is verb:
            return None
        verb = verb.head
    return None


def _member_of(r: _Reader, root: Any) -> Draft | None:
    """The organisation or country of "<members> of/from <organisation or country>"."""
    if root.lower_ not in _MEMBER_HEADS and r.kb.agent(root.lower_) is None:
        return None
    for p in root.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "from"):
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                for t in o.doc[o.left_edge.i:o.i + 1]:  # "the Hamas movement"
                    d = r.reg.at(t.idx, t.idx + len(t.text),
                                 ("organization", "group", "country"))
                    if d is not None:
                        return d
    return None


def _other_country(r: _Reader, chunk: Any, not_iso3: str) -> Any:
    """A country other than ``not_iso3`` named in the chunk's sentence (nearest first)."""
    sent = r.sent_of(chunk.start_char)
    best = None
    for d in r.reg.drafts:
        if d.kind != "country" or d.country == not_iso3 or not d.country:
            continue
        for m in d.mentions:
            if m.kind != "demonym" and r.sent_of(m.start) == sent:
                dist = abs(m.start - chunk.start_char)
                if best is None or dist < best[0]:
                    best = (dist, d.country)
    return country_by_code(best[1]) if best is not None else None


# Verbs of residence that tie a group to a place: "a group based in Trinidad".
_RESIDENCE = {"based", "operating", "living", "active", "located", "headquartered"}
_PLACE_NOUNS = {"city", "town", "village", "capital", "province", "region", "district",
                "camp", "area", "border", "jail", "prison"}


def _located_in(r: _Reader, root: Any) -> tuple[str | None, str | None]:
    """The country of an "in <place>" modifier of an agent's head noun, directly or through a
    verb of residence ("based in", "operating in")."""
    preps = [p for p in root.children if p.dep_ == "prep" and p.lower_ in ("in", "at")]
    for v in root.children:
        if v.dep_ == "acl" and v.lower_ in _RESIDENCE:
            preps += [p for p in v.children if p.dep_ == "prep" and p.lower_ in ("in", "from")]
    for p in preps:
        for o in p.children:
            if o.dep_ == "pobj" and (p.lower_ == "in" or o.lower_ in _PLACE_NOUNS):
                c = _place_of(r, o, 0)
                if c is not None:
                    return c.iso3, c.code
    return None, None


def _place_of(r: _Reader, o: Any, depth: int) -> Any:
    """The country a place phrase is in: "Baghdad", "the West Bank city of Hebron",
    "East Timor's capital Dili"."""
    if o.text[:1].isupper():
        whole = o.doc[o.left_edge.i:o.right_edge.i + 1]
        names = [o.doc[o.left_edge.i:o.i + 1]]
        if whole.end > o.i + 1 and all(t.text[:1].isupper() or t.lower_ in ("of", "and", "the")
                                       for t in whole):
            names.insert(0, whole)  # "the Islamic Republic of Mauritania" as a whole
        for name in names[:1]:
            while len(name) > 1 and not name[0].text[:1].isupper():
                name = name[1:]
            if "'s" not in name.text and "’s" not in name.text:
                c = r.place_country(name.text)
                if c is not None:
                    return c
    if depth > 1 or (o.text[:1].islower() and o.lower_ not in _PLACE_NOUNS):
        return None
    for ch in o.children:
        if ch.dep_ == "poss" and ch.text[:1].isupper():
            c = r.place_country(o.doc[ch.left_edge.i:ch.i + 1].text)
            if c is not None:
                return c
        if ch.dep_ in ("appos", "compound") and ch.text[:1].isupper():
            c = _place_of(r, ch, depth + 1)
            if c is not None:
                return c
        if ch.dep_ == "prep" and ch.lower_ in ("of", "in"):
            for g in ch.children:
                if g.dep_ == "pobj":
                    c = _place_of(r, g, depth + 1)
                    if c is not None:
                        return c
    return None


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
