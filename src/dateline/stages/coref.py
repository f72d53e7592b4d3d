"""Within-article coreference for actors, without a model.

Built on the parse and on what the actor drafts already know (roles, organisations, countries,
genders, which mentions were grammatical subjects):

- personal pronouns (he/him/his, she/her): persons mentioned in the same or the two previous
  sentences, gender-compatible; a subject mention counts more, a nearer sentence counts more.
  When the best two candidates score the same the pronoun stays unresolved.
- nominals: "the minister" -> the most recent person whose role has "minister"; "the PUK
  official" -> the most recent person of the PUK; "the Iranian interior minister" -> a person
  of Iran whose role has "interior" and "minister"; "the terrorist group" -> the most recent
  armed group; "the country" -> the most recent country; "the party"/"the council" -> the most
  recent organisation so named.

Confidence: 0.9 for a single candidate, lower when a choice was made among several.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dateline.stages.actor_build import Draft, Registry

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
GROUP_HEADS = {"group", "groups", "organization", "organisation", "militia", "movement",
               "militants", "insurgents", "rebels", "terrorists", "extremists", "jihadists"}
ARMED_SECTORS = {"INS", "REB", "SEP", "UAF", "MIL"}
# "the terrorist group" is not the army: these words exclude state forces (MIL)
HOSTILE = {"terrorist", "terror", "militant", "extremist", "jihadist", "insurgent", "rebel",
           "armed", "takfiri", "outlawed", "banned"}
COUNTRY_HEADS = {"country", "nation"}
ORG_HEADS = {"party", "council", "organization", "organisation", "agency", "body", "committee",
             "union", "front", "alliance", "bank", "company", "court", "parliament"}
_VAGUE = {"senior", "top", "former", "high-ranking", "visiting", "two", "other", "same", "said"}


@dataclass(frozen=True, slots=True)
class Modifier:
    text: str
    start: int
    end: int


def _last_before(draft: Draft, pos: int) -> int:
    return max((m.start for m in draft.mentions if m.end <= pos), default=-1)


def resolve_pronoun(word: str, pos: int, sent: int, reg: Registry,
                    sent_of: Callable[[int], int]) -> tuple[Draft, float] | None:
    gender = PRONOUN_GENDER.get(word.lower())
    if gender is None:
        return None
    scored: list[tuple[int, int, Draft]] = []
    for d in reg.drafts:
        if d.kind != "person" or (d.gender is not None and d.gender != gender):
            continue
        best = -1
        for m in d.mentions:
            if m.end > pos or m.kind == "pronoun":
                continue
            dist = sent - sent_of(m.start)
            if dist < 0 or dist > 2:
                continue
            score = 3 * (2 - dist) + (2 if m.start in d.subjects else 0) + 1
            best = max(best, score)
        if best > 0:
            scored.append((best, _last_before(d, pos), d))
    if not scored:
        return None
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    if len(scored) == 1:
        return scored[0][2], 0.9
    margin = scored[0][0] - scored[1][0]
    if margin <= 0:
        return None
    return scored[0][2], (0.85 if margin >= 3 else 0.65)


def _role_fits(d: Draft, head: str, words: list[str]) -> bool:
    role = (d.role or "").lower()
    if head in ("official", "officials", "leader", "envoy", "diplomat"):
        return bool(d.role or d.organization)
    if head not in role:
        return False
    return all(w in role for w in words)


def resolve_nominal(head: str, mods: list[Modifier], pos: int, sent: int, reg: Registry,
                    sent_of: Callable[[int], int], title_words: frozenset[str],
                    country_of: Callable[[str], str | None]) -> tuple[Draft, float] | None:
    """The actor a definite noun phrase refers to, or None."""
    head = head.lower()
    country = None
    org_keys: set[str] = set()
    words: list[str] = []
    for m in mods:
        iso3 = country_of(m.text)
        if iso3 is not None:
            country = iso3
            continue
        covering = reg.at(m.start, m.end)
        if covering is not None and covering.kind in ("organization", "group"):
            org_keys.add(covering.key)
            continue
        if m.text.lower() not in _VAGUE:
            words.append(m.text.lower())
    candidates: list[tuple[int, Draft]] = []
    for d in reg.drafts:
        last = _last_before(d, pos)
        if last < 0 or sent - sent_of(last) > 6:
            continue
        if country is not None and d.country not in (None, country):
            continue
        if head in title_words or head in ("officials",):
            if d.kind != "person":
                continue
            if org_keys and d.organization not in org_keys:
                continue
            if not _role_fits(d, head, [w for w in words if w not in title_words]):
                continue
        elif head in GROUP_HEADS:
            wanted = ARMED_SECTORS - {"MIL"} if set(words) & HOSTILE else ARMED_SECTORS
            if d.kind not in ("group", "organization") or not set(d.sectors) & wanted:
                continue
        elif head in COUNTRY_HEADS:
            if d.kind != "country" or sent - sent_of(last) > 3:
                continue
        elif head in ORG_HEADS:
            if d.kind != "organization" or head not in d.name.lower():
                continue
        else:
            return None
        candidates.append((last, d))
    if not candidates:
        return None
    candidates.sort(key=lambda x: x[0], reverse=True)
    return candidates[0][1], (0.85 if len(candidates) == 1 else 0.7)


def minister_before(pos: int, sent: int, reg: Registry,
                    sent_of: Callable[[int], int]) -> Draft | None:
    """The most recent minister within three sentences, for "the ministry"."""
    best: tuple[int, Draft] | None = None
    for d in reg.drafts:
        if d.kind != "person" or "minister" not in (d.role or "").lower():
            continue
        last = _last_before(d, pos)
        if last >= 0 and sent - sent_of(last) <= 3 and (best is None or last > best[0]):
            best = (last, d)
    return best[1] if best else None
