"""Draft actors while an article is read, and their CAMEO-style codes.

A draft collects mentions; at the end drafts become frozen ``records.Actor`` in order of first
mention, with ids A1, A2, ...

Codes: country (CAMEO's country code, ISO3 unless CAMEO differs) + region (e.g. KRD for the
Kurdistan Region of Iraq) + the first sector: IRNGOV, IRQKRDMIL, USAGOV. A person whose
organisation has a known code (PUK: IRQKRDPTY) and no sector of their own takes that code.
An ethnic group takes CAMEO's lower-case ethnic code after the sector: "Iraqi Kurds" IRQCVLkur.
IGOs, transnational groups and dictionary entries carry their code as given (IGOUNO,
IMGMOSISI); a dictionary code may depend on the article date.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.records import Actor, ActorMention


@dataclass(slots=True)
class Draft:
    key: str
    name: str
    kind: str
    country: str | None = None  # ISO3
    country_code: str | None = None  # CAMEO country code (ISO3 unless CAMEO differs)
    region: str | None = None  # region code after the country: "KRD"
    sectors: list[str] = field(default_factory=list)
    role: str | None = None
    organization: str | None = None  # key of the organisation draft
    gender: str | None = None
    code: str | None = None  # fixed code from the knowledge base / dictionary
    aliases: list[str] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    subjects: set[int] = field(default_factory=set)  # starts of mentions that are subjects
    tokens: tuple[str, ...] = ()  # name tokens (persons)
    ethnic: str | None = None  # CAMEO ethnic code, lower case, after the sector: "kur"

    def add(self, mention: ActorMention, subject: bool = False) -> None:
        for m in self.mentions:
            if m.start == mention.start and m.end == mention.end:
                return
        self.mentions.append(mention)
        if subject:
            self.subjects.add(mention.start)

    def add_sectors(self, sectors: tuple[str, ...] | list[str]) -> None:
        for s in sectors:
            if s and s not in self.sectors:
                self.sectors.append(s)

    def covers(self, start: int, end: int) -> bool:
        return any(m.start <= start and end <= m.end for m in self.mentions)

    @property
    def first(self) -> int:
        return min((m.start for m in self.mentions), default=1 << 30)


class Registry:
    """The drafts of one article, with lookups by key and by position."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.by_key: dict[str, Draft] = {}

    def get(self, key: str) -> Draft | None:
        return self.by_key.get(key)

    def new(self, key: str, name: str, kind: str, **values: object) -> Draft:
        draft = Draft(key=key, name=name, kind=kind, **values)  # type: ignore[arg-type]
        self.drafts.append(draft)
        self.by_key[key] = draft
        return draft

    def alias(self, key: str, draft: Draft) -> None:
        self.by_key.setdefault(key, draft)

    def at(self, start: int, end: int, kinds: tuple[str, ...] = ()) -> Draft | None:
        """The draft with a mention exactly at (start, end), or else covering it."""
        best: Draft | None = None
        for d in self.drafts:
            if kinds and d.kind not in kinds:
                continue
            for m in d.mentions:
                if m.start == start and m.end == end:
                    return d
                if best is None and m.start <= start and end <= m.end and m.kind in ("name", "alias"):
                    best = d
        return best

    def mention_spans(self) -> list[tuple[int, int, Draft]]:
        return sorted(((m.start, m.end, d) for d in self.drafts for m in d.mentions),
                      key=lambda x: x[0])


def compose_code(draft: Draft, orgs: dict[str, Draft]) -> str | None:
    if draft.code:
        return draft.code
    org = orgs.get(draft.organization or "")
    if org is not None and org.code and org.country is None and draft.country is None:
        return org.code  # a transnational organisation's official: "UN envoy" -> IGOUNO
    code = (draft.country_code or "") + (draft.region or "") + \
        (draft.sectors[0] if draft.sectors else "")
    if draft.country_code and draft.ethnic:
        code += draft.ethnic
    return code or None


def finalize(reg: Registry) -> tuple[Actor, ...]:
    drafts = [d for d in reg.drafts if d.mentions]
    drafts.sort(key=lambda d: d.first)
    ids = {d.key: f"A{n}" for n, d in enumerate(drafts, 1)}
    by_key = {d.key: d for d in drafts}
    actors = []
    for d in drafts:
        org = by_key.get(d.organization or "")
        mentions = tuple(sorted(d.mentions, key=lambda m: (m.start, -m.end)))
        aliases = tuple(dict.fromkeys(a for a in d.aliases if a and a != d.name))
        actors.append(Actor(
            id=ids[d.key], name=d.name, kind=d.kind, code=compose_code(d, by_key),
            country=d.country, sectors=tuple(d.sectors), role=d.role,
            organization=org.name if org is not None else None, gender=d.gender,
            mentions=mentions, aliases=aliases,
        ))
    return tuple(actors)
