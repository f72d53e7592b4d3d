"""Typed records: the only things handed between stages.

Every extracted item carries ``start``/``end`` character offsets into the original
``Article.text`` (Python string indices, end exclusive), also where cleanup hid parts of
the text from the NLP stages: the NLP text has the same length as the original, with the
hidden regions blanked out, so offsets never need translating.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Dateline:
    """The wire-copy place line that opens an article ("TEHRAN –", "BAGHDAD, Nov 14 (Reuters) -")."""

    start: int
    end: int
    text: str
    place: str  # the place name as written, title-cased ("Tehran")
    date_text: str | None = None  # "Nov 14" when the dateline carries a date


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, with metadata and the regions hidden from the NLP stages."""

    id: str
    text: str  # exactly as given; all offsets refer to it
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date: dt.date | None = None  # publication date, the anchor for relative times
    language: str = "en"
    content_hash: str = ""
    dateline: Dateline | None = None
    license: str | None = None
    attribution: str | None = None
    signoff: Span | None = None
    hidden: tuple[tuple[int, int], ...] = ()  # (start, end) regions the NLP stages must not see
    origin: str = ""  # where it came from: "path/file.jsonl:12"

    @property
    def nlp_text(self) -> str:
        """The text the NLP stages read: same length as ``text``, hidden regions blanked."""
        if not self.hidden:
            return self.text
        chars = list(self.text)
        for start, end in self.hidden:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity as found by the NER (after the wire-copy corrections)."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, ...
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One place in the text that refers to an actor."""

    start: int
    end: int
    text: str
    kind: str = "name"  # name | surname | acronym | alias | nominal | pronoun | demonym
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world actor of an article, with all its mentions linked."""

    id: str  # article-local id: "A1", "A2", ...
    name: str  # canonical name
    kind: str  # person | organization | country | region | group | agent
    code: str | None = None  # CAMEO-style actor code: IRNGOV, IRQMIL, IGOUNO
    country: str | None = None  # ISO 3166-1 alpha-3
    sectors: tuple[str, ...] = ()  # CAMEO agent codes: GOV, MIL, ...
    role: str | None = None  # role text as written: "Foreign Minister"
    organization: str | None = None  # organization the role belongs to, when stated
    gender: str | None = None  # "m" | "f" when stated by a title or pronoun
    mentions: tuple[ActorMention, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventArg:
    """The source or target of an event: an actor mention."""

    start: int
    end: int
    text: str
    actor: str | None = None  # Actor.id
    code: str | None = None  # actor code at the time of the event


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None  # TIMEX3 value: 2016-11-14, 2016-08
    text: str
    start: int
    end: int
    precision: str | None = None  # day | month | year | ...
    basis: str = "governing"  # governing | sentence | article | dateline


@dataclass(frozen=True, slots=True)
class EventPlace:
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    start: int | None = None
    end: int | None = None
    basis: str = "governing"  # governing | sentence | dateline


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: one coded event mention in one sentence."""

    trigger: Span
    sentence: Span
    cameo: str
    goldstein: float | None
    quad_class: int | None
    source: EventArg | None = None
    target: EventArg | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted | intended | hypothetical | requested | reported
    date: EventDate | None = None
    place: EventPlace | None = None
    confidence: float = 0.5
    rule: str = ""  # the pattern or model that produced it, for explanations
    issue: str | None = None
    quote: int | None = None  # index into Analysis.quotes for statement events


@dataclass(frozen=True, slots=True)
class Quote:
    content: Span
    speaker: Span | None = None
    speaker_actor: str | None = None  # Actor.id
    cue: Span | None = None
    direct: bool = True
    content_spans: tuple[Span, ...] = ()  # fragments when interrupted by the attribution


@dataclass(frozen=True, slots=True)
class TimeRef:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value
    precision: str | None = None  # day | month | year | week | quarter | decade | ...
    anchored: bool = True  # False when relative and no reference date was known


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    feature: str = "city"  # city | country | region | continent | vague | ...
    confidence: float = 1.0
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An article that could not be processed, and why; recorded, never silently dropped."""

    origin: str  # file and line, or article id
    reason: str
    stage: str = "ingest"
    article_id: str | None = None


@dataclass(frozen=True)
class Analysis:
    """An article and the layers the stages have added so far.

    Stages return a new Analysis (``dataclasses.replace``); the fields they fill are the
    names they declare in ``provides``.
    """

    article: Article
    doc: Any = None  # spaCy Doc over article.nlp_text (not serialised)
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    times: tuple[TimeRef, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    done: tuple[str, ...] = field(default=())  # names of the stages that ran

    def with_(self, stage: str, **layers: Any) -> Analysis:
        return replace(self, done=self.done + (stage,), **layers)

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None


# What a stage may declare in requires/provides.
LAYERS = ("article", "doc", "sentences", "entities", "actors", "times", "places", "quotes", "events")
