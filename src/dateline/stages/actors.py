"""Actors: one canonical actor per real-world actor of an article, every mention linked.

Passes over an article (entities, one phrase-matcher run, one pass over noun chunks, and one
regular expression over the text for repeated names):

1. known actors: aliases, IGOs and imported dictionaries (``knowledge.actor_kb``), through a
   spaCy PhraseMatcher; context-bound aliases ("Islamic Republic" -> Iran) need their country
   named elsewhere in the article;
2. named entities: organisations and countries first, then people with their titles,
   appositions and possessive owners (``actor_roles``); surnames join the full name;
3. acronyms defined in parentheses ("Supreme National Security Council (SNSC)") and every later
   use of a name, surname, alias or acronym (also where the NER missed it);
4. noun chunks: generic agents ("Iraqi police", "the country's security forces"), nominals
   ("the minister", "the PUK official") and pronouns, resolved by ``coref``;
5. demonyms ("Iranian") as mentions of their country.

Nothing is taken from hidden boilerplate or from licence/copyright sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from dateline.knowledge.actor_kb import (
    ActorKB,
    KnownActor,
    ethnic_code,
    is_acronym,
    load_kb,
    phrase_key,
)
from dateline.knowledge.countries import (
    Country,
    country_by_code,
    country_of_capital,
    lookup_country,
)
from dateline.pipeline.stage import Stage
from dateline.records import ActorMention, Analysis
from dateline.stages import coref
from dateline.stages.actor_build import Draft, Registry, finalize
from dateline.stages.actor_roles import RoleInfo, apposition_after, title_before, title_head_of

_BOILER = re.compile(r"licen[cs]ed under|creative commons|all rights reserved|all content by|"
                     r"copyright\s+(?:©|\(c\)|\d{4})", re.IGNORECASE)
_ACRONYM_DEF = re.compile(r"\s*\(\s*([A-Z][A-Za-z]*[A-Z](?:\.[A-Z])*)\s*\)")
_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "PTY", "BUS", "MED",
            "EDU", "NGO", "IGO", "CVL", "REF", "SPY", "UAF", "LAB", "AGR", "HLH", "REL", "ELI"}
_SUBJ = ("nsubj", "nsubjpass")
# First words of organisation names that are no place even where a gazetteer has a town so
# named.
_NOT_PLACES = {"national", "federal", "state", "central", "supreme", "international", "united",
               "royal", "democratic", "republican", "socialist", "liberal", "labour", "labor",
               "people's", "popular", "islamic", "christian", "free", "independent", "general",
               "university", "world", "global", "american", "european", "african", "asian",
               "grand", "high", "civil", "public", "human", "red", "green", "justice",
               "freedom", "unity", "union", "progressive", "conservative", "new"}
_GENERIC_ORG_WORDS = {"party", "movement", "group", "militia", "front", "organization",
                      "organisation", "faction"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_NOMINAL_HEADS = coref.GROUP_HEADS | coref.COUNTRY_HEADS | coref.ORG_HEADS | {"ministry"}


# words that make a name an institution of a place ("Jakarta Post", "Ohio Department of
# Health"); without one, a place word opening a name is no evidence ("Falcon Heavy" is a rocket)
_INSTITUTION_WORDS = frozenset({
    "department", "ministry", "office", "authority", "agency", "commission", "committee",
    "council", "assembly", "parliament", "senate", "government", "court", "police", "patrol",
    "guard", "army", "service", "services", "university", "college", "school", "hospital",
    "institute", "museum", "bank", "exchange", "company", "corporation", "party", "union",
    "federation", "association", "chamber", "club", "airlines", "airways", "airport", "port",
    "times", "post", "herald", "tribune", "journal", "gazette", "daily", "news", "radio",
    "television", "observer", "chronicle", "press", "courier", "board", "district", "county",
    "state", "city", "municipality", "prefecture", "province"})


def _names_institution(words: list[str]) -> bool:
    return any(w.lower() in _INSTITUTION_WORDS for w in words[1:])


def _is_demonym(word: str) -> bool:
    c = lookup_country(word)
    return c is not None and word in c.demonyms


def _core_start(e: Any) -> int:
    """Where an entity starts without a leading "the" ("the Liberation Tigers")."""
    return e.start + 4 if e.text[:4].lower() == "the " else e.start


def is_subject(tok: Any) -> bool:
    """A grammatical subject, or a conjunct of one ("Saleh and Haddad met")."""
    return tok.dep_ in _SUBJ or (tok.dep_ == "conj" and tok.head.dep_ in _SUBJ)


def _region(known: KnownActor) -> str | None:
    code = known.code or ""
    if known.country and code.startswith(known.country) and len(code) >= 6 \
            and code[3:6] not in _SECTORS:
        return code[3:6]
    return None


class ActorStage(Stage):
    name = "actors"
    requires = ("doc", "sentences", "entities")
    provides = ("actors",)

    kb: ActorKB
    _matcher: Any = None
    _vocab: Any = None

    def setup(self) -> None:
        self.kb = load_kb(self.settings.dict_dir)
        self._gaz: Any = None
        self._place_memo: dict[tuple[str, bool], Country | None] = {}

    def place_country(self, name: str, major: bool = False) -> Country | None:
        """The country a place name is in ("Baghdad", "Hebron", "Trinidad"), for an agent tied
        to a place; the gazetteer (shared with the places stage) is loaded on first use."""
        key = (name, major)
        if key in self._place_memo:
            return self._place_memo[key]
        c = lookup_country(name) or country_of_capital(name)
        if c is None:
            if self._gaz is None:
                from dateline.knowledge.gazetteer import load_gazetteer

                self._gaz = load_gazetteer(self.settings.gazetteer)
            c = _gazetteer_country(self._gaz, name, major)
        if len(self._place_memo) > 50_000:
            self._place_memo.clear()
        self._place_memo[key] = c
        return c

    def _match(self, doc: Any) -> list[Any]:
        if self._matcher is None or self._vocab is not doc.vocab:
            import spacy
            from spacy.matcher import PhraseMatcher

            tokenizer = spacy.blank("en", vocab=doc.vocab).tokenizer
            self._matcher = PhraseMatcher(doc.vocab, attr="LOWER")
            self._matcher.add("KB", list(tokenizer.pipe(self.kb.phrases)))
            self._vocab = doc.vocab
        from spacy.util import filter_spans

        return filter_spans(self._matcher(doc, as_spans=True))

    def process(self, analysis: Analysis) -> Analysis:
        reader = _Reader(self.kb, analysis, self._match, self.place_country)
        return analysis.with_(self.name, actors=reader.run())


def _gazetteer_country(gaz: Any, name: str, major: bool = False) -> Country | None:
    """The country of the gazetteer's clear best reading of a name: the best prior must beat
    every reading in another country by a margin ("Gaza" is not decided, "Hebron" is).
    ``major``: only a region or a city of 100,000 or more ("Chamber" is no place here)."""
    from dateline.knowledge.gazetteer import fold
    from dateline.knowledge.geo_resolve import prior

    entries = gaz.lookup(name)
    if not entries:
        return None
    key = fold(name)
    scored = sorted(((prior(e, key), e) for e in entries if e.country), key=lambda x: (-x[0], -x[1].population))
    if not scored or scored[0][0] < 1.5:
        return None
    best = scored[0][1]
    rival = next(((p, e) for p, e in scored[1:] if e.country != best.country), None)
    if rival is not None and scored[0][0] - rival[0] < 0.3 and not (
            best.feature == rival[1].feature and best.population > 20 * rival[1].population):
        return None  # "Gaza"; but Florida (US) is not Florida (Uruguay)
    if major and not (best.feature in ("country", "admin1", "region")
                      or best.population >= 100_000):
        return None
    return country_by_code(best.country)


class _Reader:
    """The state of reading one article."""

    def __init__(self, kb: ActorKB, analysis: Analysis, match: Any,
                 place_country: Any = None) -> None:
        self.kb = kb
        self.place_country = place_country or (
            lambda name, major=False: lookup_country(name) or country_of_capital(name))
        self.a = analysis
        self.doc = analysis.doc
        self.text = analysis.article.text
        self.match = match
        self.reg = Registry()
        self.starts = [s.start for s in analysis.sentences]
        self.boiler = {s.index for s in analysis.sentences
                       if _BOILER.search(self.text, s.start, s.end)}
        self.org_spans: list[tuple[int, int]] = []
        self.named: set[str] = set()

    # -- helpers -------------------------------------------------------------------------
    def sent_of(self, char: int) -> int:
        return max(bisect_right(self.starts, char) - 1, 0)

    def skip(self, start: int, end: int) -> bool:
        if self.sent_of(start) in self.boiler:
            return True
        return any(s < end and start < e for s, e in self.a.article.hidden)

    def mention(self, draft: Draft, start: int, end: int, kind: str, conf: float = 1.0,
                subject: bool = False) -> None:
        draft.add(ActorMention(start, end, self.text[start:end], kind, conf), subject)

    def country_draft(self, c: Country) -> Draft:
        key = f"country:{c.iso3}"
        return self.reg.get(key) or self.reg.new(key, c.name, "country", country=c.iso3,
                                                  country_code=c.code)

    def known_draft(self, known: KnownActor, kind_hint: str = "organization") -> Draft:
        code = known.code_at(self.a.article.date)
        key = f"kb:{known.name}:{known.code}"
        draft = self.reg.get(key)
        if draft is not None:
            return draft
        if known.kind == "country" and known.country:
            c = country_by_code(known.country)
            if c is not None:  # "Islamic Republic" is a mention of the country actor Iran
                draft = self.country_draft(c)
                self.reg.alias(key, draft)
                return draft
        country = known.country
        kind = known.kind
        if not kind:  # imported dictionary entry: infer
            c = country_by_code(code[:3]) if code else None
            country = c.iso3 if c else (code[:3] if code and len(code) >= 3 else None)
            kind = "country" if code and len(code) == 3 else kind_hint
        c = country_by_code(country) if country else None
        if kind == "person":
            return self.reg.new(key, known.name, kind, country=country, code=code,
                                country_code=c.code if c else None,
                                sectors=list(known.sectors), tokens=tuple(known.name.split()))
        return self.reg.new(key, known.name, kind, country=country, code=code,
                            country_code=c.code if c else country, region=_region(known),
                            sectors=list(known.sectors) or
                            ([code[3:6]] if code and code[3:6] in _SECTORS else []))

    # -- passes --------------------------------------------------------------------------
    def run(self) -> tuple:
        ents = [e for e in self.a.entities if not self.skip(e.start, e.end)]
        for e in ents:
            if e.label in ("GPE", "NORP", "LOC"):
                c = lookup_country(e.text)
                if c is not None:
                    self.named.add(c.iso3)
        consumed = self.known_pass(ents)
        rest = [e for e in ents if not any(s <= _core_start(e) and e.end <= t for s, t in consumed)]
        for e in rest:
            # an ORG that is a country's official name ("Democratic People's Republic of Korea")
            if e.label == "ORG" and lookup_country(e.text) is None:
                self.organization(e)
            elif e.label in ("GPE", "LOC", "ORG"):
                self.place(e)
        for e in rest:
            if e.label == "PERSON":
                self.person(e)
        self.acronyms()
        self.repeats()
        for e in ents:
            if e.label == "NORP":
                c = lookup_country(e.text)
                if c is not None and not self.ethnic_minority(e, c):
                    self.mention(self.country_draft(c), e.start, e.end, "demonym", 0.9)
        self.chunks()
        self.person_countries()
        return finalize(self.reg)

    def ethnic_minority(self, e: Any, c: Country) -> bool:
        """"ethnic Albanians ... in Serbia": an ethnic group living in another country named in
        the sentence is that country's civilians (CVL), not the state its name evokes."""
        before = self.text[max(0, e.start - 8):e.start].strip().lower()
        if before != "ethnic" or not e.text.endswith("s"):
            return False
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            return False
        sent = span.sent
        for other in self.a.entities:
            if other.label != "GPE" or not (sent.start_char <= other.start < sent.end_char):
                continue
            home = lookup_country(other.text) or country_of_capital(other.text)
            if home is None or home.iso3 == c.iso3:
                continue
            start = e.start - 7
            key = f"ethnic:{home.iso3}:{c.iso3}"
            draft = self.reg.get(key) or self.reg.new(
                key, self.text[start:e.end], "agent", country=home.iso3,
                country_code=home.code, sectors=["CVL"], ethnic=ethnic_code(e.text))
            self.mention(draft, start, e.end, "name", 0.8)
            return True
        return False

    def known_pass(self, ents: list[Any]) -> list[tuple[int, int]]:
        consumed = []
        cores = []
        for e in ents:
            core = e.text
            start = e.start + (len(core) - len(re.sub(r"^the\s+", "", core, flags=re.IGNORECASE)))
            end = e.end - (len(core) - len(re.sub(r"(?:'s|’s)$", "", core)))
            cores.append((start, end, e))
        for span in self.match(self.doc):
            start, end = span.start_char, span.end_char
            if self.skip(start, end):
                continue
            known = self.kb.lookup(span.text)
            if known is None or (known.context and not set(known.context) & self.named):
                continue
            if known.kind == "none":  # "UTC", "COVID-19": the NER's, never an actor
                consumed.append((start, end))
                continue
            if known.kind == "person" and (not span.text[:1].isupper() or any(
                    e.label == "PERSON" and e.start <= start < e.end for e in ents)):
                continue  # "bush" in running text; a PERSON entity is read by person()
            if any(s <= start and end <= t and (s, t) != (start, end)
                   and not self._title_only(s, start) for s, t, _ in cores):
                continue  # part of a longer name ("Kurdistan" in "Patriotic Union of Kurdistan")
            person = any(e.label == "PERSON" and e.start <= start < e.end for e in ents)
            draft = self.known_draft(known, "person" if person else "organization")
            kind = "acronym" if is_acronym(span.text) else (
                "name" if phrase_key(span.text) == phrase_key(known.name) else "alias")
            self.mention(draft, start, end, kind, 1.0, span.root.dep_ in _SUBJ)
            if kind != "name":
                draft.aliases.append(span.text)
            if draft.kind in ("organization", "group", "region"):
                self.org_spans.append((start, end))
            if draft.kind == "country" and draft.country:
                self.named.add(draft.country)
            consumed.append((start, end))
            for s, t, e in cores:  # the whole entity is this actor ("the Iraqi Kurdistan Region")
                if s == start and t == end:
                    consumed.append((e.start, e.end))
        return consumed

    def _title_only(self, start: int, end: int) -> bool:
        """Whether the text before a match inside an entity is only title words
        ("President" in an entity "President Museveni")."""
        words = self.text[start:end].split()
        return bool(words) and all(self.kb.title(w) is not None or w.lower() in self.kb.title_words
                                   for w in words)

    def organization(self, e: Any) -> None:
        name = re.sub(r"^the\s+", "", e.text, flags=re.IGNORECASE)
        start = e.end - len(name)
        key = "org:" + phrase_key(name)
        draft = self.reg.get(key) or self.reg.get("acr:" + name)
        if draft is None:
            span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
            words = [t.text for t in span]
            sectors, _ = self.kb.sectors_of(words)
            country = None
            for t in span:
                country = country or lookup_country(t.text)
            i = span.start
            if country is None and i >= 2 and self.doc[i - 1].tag_ == "POS":
                country = lookup_country(self.doc[i - 2].text)
            draft = self.reg.new(key, name, "organization", sectors=list(sectors))
            known = self._known_core(name) if country is None else None
            if known is not None:  # "the Fatah Party" is Fatah
                country = country_by_code(known.country or "")
                draft.region = _region(known)
            if country is None and (sectors or _names_institution(words)):
                country = self._place_prefix(name)  # "Florida Highway Patrol", "Jakarta Post"
            if country is not None:
                draft.country, draft.country_code = country.iso3, country.code
        hit = _ACRONYM_DEF.match(self.text, e.end)
        if hit and is_acronym(hit.group(1)):  # "(OPCW)" names the same organisation from here on
            self.reg.alias("org:" + phrase_key(hit.group(1)), draft)
            self.reg.alias("acr:" + hit.group(1), draft)
        kind = "acronym" if is_acronym(name) and name != draft.name else "name"
        self.mention(draft, start, e.end, kind)
        self.org_spans.append((start, e.end))

    def _place_prefix(self, name: str) -> Country | None:
        """The country of a place an organisation's name starts with ("Texas Department of
        Public Safety", "New York Times"); generic first words ("National") are no place."""
        words = name.split()
        if len(words) < 2 or not words[0][:1].isupper() or words[0].lower() in _NOT_PLACES:
            return None
        for n in (2, 1):
            if len(words) > n and all(w[:1].isupper() for w in words[:n]):
                c = self.place_country(" ".join(words[:n]), major=True)
                if c is not None:
                    return c
        return None

    def _known_core(self, name: str) -> KnownActor | None:
        """The known actor an organisation's name is plus a generic word ("Fatah Party")."""
        words = name.split()
        if len(words) < 2 or words[-1].lower() not in _GENERIC_ORG_WORDS:
            return None
        known = self.kb.lookup(" ".join(words[:-1]))
        return known if known is not None and known.country else None

    def place(self, e: Any) -> None:
        c = lookup_country(e.text)
        if c is not None:
            span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
            core = re.sub(r"^the\s+|(?:'s|’s)$", "", e.text, flags=re.IGNORECASE)
            start = e.start + e.text.index(core)
            self.mention(self.country_draft(c), start, start + len(core), "name", 1.0,
                         span is not None and span.root.dep_ in _SUBJ)
            return
        c = country_of_capital(e.text, strict=False)
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        if c is not None and span is not None and span.root.dep_ in _SUBJ:
            key = f"agent:{c.iso3}::government"
            draft = self.reg.get(key) or self.reg.new(
                key, f"{c.demonyms[0] if c.demonyms else c.name} government", "agent", country=c.iso3, country_code=c.code,
                sectors=["GOV"])
            self.mention(draft, e.start, e.end, "metonym", 0.8, True)

    def _org_draft_at(self, span: tuple[int, int]) -> Draft | None:
        return self.reg.at(*span)

    def person(self, e: Any) -> None:
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            return
        while len(span) > 1 and (span[0].lower_ in self.kb.title_words
                                 or self.kb.title(span[0].lower_) is not None):
            span = span[1:]  # "Spokeswoman Maria Zakharova": the title is read by title_before
        tokens = tuple(t.text for t in span if not t.is_punct)
        if not tokens or self._ethnic_name(span):
            return
        draft = self._find_person(tokens)
        if draft is None:
            draft = self.reg.new("person:" + " ".join(tokens), " ".join(tokens), "person",
                                 tokens=tokens)
        elif len(tokens) > len(draft.tokens):
            draft.name, draft.tokens = " ".join(tokens), tokens
        sent_start = span.sent.start
        if sent_start > 0 and ")" in (self.doc[sent_start].text,
                                      self.doc[sent_start - 1].text):
            sent_start = self.doc[sent_start - 1].sent.start  # the parser split at "(SNSC)"
        info = title_before(span, sent_start, self.kb, self.org_spans)
        head = title_head_of(span, sent_start, self.kb, self.org_spans)
        if head is not None:
            self._apply(draft, head[0])
            self.mention(draft, head[1][0], head[1][1], "nominal", 0.95)
        if info is not None:
            self._apply(draft, info)
        app = apposition_after(span, self.kb, self.org_spans)
        if app is not None:
            self._apply(draft, app)
        self._known_facts(draft, tokens)
        start = info.start if info is not None and info.start >= 0 else span.start_char
        kind = "name" if tokens == draft.tokens else "surname"
        self.mention(draft, start, span.end_char, kind, 1.0, is_subject(span.root))

    def _ethnic_name(self, span: Any) -> bool:
        """A PERSON entity that is a people or a demonym: "Bosnian Serbs", "Hutu" in "Hutu
        rebels", "Ugandan" in "Ugandan opposition"; the noun chunks read those."""
        words = [t for t in span if not t.is_punct]
        if not words or not all(ethnic_code(t.text) is not None or _is_demonym(t.text)
                                for t in words):
            return False
        nxt = self.doc[span.end] if span.end < len(self.doc) else None
        return len(words) > 1 or words[0].text.endswith("s") or (
            nxt is not None and nxt.pos_ in ("NOUN", "ADJ"))

    def _known_facts(self, draft: Draft, tokens: tuple[str, ...]) -> None:
        """Country and sector of a well-known figure (``persons.tsv``) the text left out."""
        known = self.kb.lookup(" ".join(tokens))
        if (known is None or known.kind != "person") and len(tokens) == 1:
            return
        if known is None or known.kind != "person":
            known = self.kb.lookup(tokens[-1])
        if known is None or known.kind != "person":
            return
        code = known.code_at(self.a.article.date) or ""
        c = country_by_code(code[:3]) if len(code) >= 3 else None
        if c is None:  # an IGO official: "IGOUNO"
            if draft.country is None and draft.organization is None:
                draft.code = code or None
            return
        if draft.country is None:
            draft.country, draft.country_code = c.iso3, c.code
        if draft.country == c.iso3 and code[3:6]:
            draft.add_sectors([code[3:6]])

    def _find_person(self, tokens: tuple[str, ...]) -> Draft | None:
        best: Draft | None = None
        for d in self.reg.drafts:
            if d.kind != "person" or not d.tokens:
                continue
            n = min(len(d.tokens), len(tokens))
            if d.tokens[-n:] == tokens[-n:] and (n == len(tokens) or n == len(d.tokens)):
                best = d  # the latest created wins among namesakes
        return best

    def _apply(self, draft: Draft, info: RoleInfo) -> None:
        draft.role = draft.role or info.role
        draft.gender = draft.gender or info.gender
        org = self._org_draft_at(info.org_span) if info.org_span else None
        place = None
        if info.place is not None:
            place = self.known_draft(info.place)
        if org is None and place is not None and place.kind in ("organization", "group"):
            org, place = place, None
        if org is not None:
            draft.organization = draft.organization or org.key
            draft.add_sectors(org.sectors if org.sectors != ["IGO"] else [])
            if info.acronym:
                self.reg.alias("acr:" + info.acronym, org)
                org.aliases.append(info.acronym)
        country = info.country
        if country is not None and draft.country is None:
            draft.country, draft.country_code = country.iso3, country.code
        for src in (place, org):
            if src is not None and draft.country is None and src.country:
                draft.country, draft.country_code = src.country, src.country_code
            if src is not None and src.region and draft.region is None \
                    and draft.country == src.country:
                draft.region = src.region
            if src is not None and src.kind == "region" and src.code and draft.region is None:
                draft.region = _region(KnownActor(src.name, "region", src.code, src.country))
        draft.add_sectors(info.sectors)

    def acronyms(self) -> None:
        for d in list(self.reg.drafts):
            if d.kind not in ("organization", "group", "region", "agent"):
                continue
            for m in list(d.mentions):
                if m.kind not in ("name", "alias"):
                    continue
                hit = _ACRONYM_DEF.match(self.text, m.end)
                if hit and is_acronym(hit.group(1)):
                    acr = hit.group(1)
                    d.aliases.append(acr)
                    self.reg.alias("acr:" + acr, d)
                    self.mention(d, hit.start(1), hit.end(1), "acronym")

    def repeats(self) -> None:
        """Later uses of names, surnames and acronyms, also where the NER missed them."""
        forms: dict[str, list[Draft]] = {}
        for d in self.reg.drafts:
            names = list(d.aliases)
            if d.kind == "person" and len(d.tokens) >= 2:
                names += [d.tokens[-1], " ".join(d.tokens)]
                if len(d.tokens) >= 3:
                    names.append(" ".join(d.tokens[-2:]))
            elif d.kind in ("organization", "group") and d.name[:1].isupper():
                names.append(d.name)
            for n in names:
                if len(n) >= 3 and n[0].isupper() and lookup_country(n) is None:
                    forms.setdefault(n, []).append(d)
        if not forms:
            return
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
        spans = self.reg.mention_spans()
        for hit in pattern.finditer(self.a.article.nlp_text):
            start, end = hit.span()
            if self.skip(start, end):
                continue
            if any(s <= start and end <= t for s, t, _ in spans):
                continue
            cands = forms[hit.group()]
            draft = max(cands, key=lambda d: max((m.start for m in d.mentions if m.start < start),
                                                 default=-1))
            tok = self.doc.char_span(start, end, alignment_mode="expand")
            subject = tok is not None and tok.root.dep_ in _SUBJ
            kind = "acronym" if is_acronym(hit.group()) else (
                "name" if hit.group() == draft.name else "surname"
                if draft.kind == "person" else "alias")
            self.mention(draft, start, end, kind, 0.95 if len(cands) == 1 else 0.7, subject)

    def person_countries(self) -> None:
        """A titled person named without a country ("President Obama" where the table does
        not know him, "Defence Minister Pierre Joxe") takes the only country named in the
        sentence of their first mention, else the dateline's, else the article's only one."""
        by_sent: dict[int, set[str]] = {}
        article: set[str] = set()
        drafts: dict[str, Draft] = {}
        for d in self.reg.drafts:
            if d.kind == "country" and d.country:
                drafts[d.country] = d
                article.add(d.country)
                for m in d.mentions:
                    by_sent.setdefault(self.sent_of(m.start), set()).add(d.country)
        home = getattr(self, "home", None)
        for d in self.reg.drafts:
            if d.kind != "person" or d.country or d.code or d.organization or not d.sectors \
                    or not d.mentions:
                continue
            named = by_sent.get(self.sent_of(d.first), set())
            iso = next(iter(named)) if len(named) == 1 else (
                home.iso3 if home is not None else next(iter(article)) if len(article) == 1
                else None)
            if iso is not None:
                c = country_by_code(iso)
                d.country, d.country_code = iso, c.code if c is not None else iso

    # -- noun chunks: agents, nominals, pronouns -----------------------------------------
    def chunks(self) -> None:
        dateline = self.a.article.dateline
        self.home = None
        if dateline is not None:
            self.home = country_of_capital(dateline.place, strict=False) or \
                lookup_country(dateline.place)
        from dateline.stages.actor_chunks import read_chunk

        for chunk in self.doc.noun_chunks:
            if not self.skip(chunk.start_char, chunk.end_char):
                read_chunk(self, chunk)
