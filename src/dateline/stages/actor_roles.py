"""Titles and roles around a person's name, read off the parse.

Three shapes are handled:

- a title in front: "Iranian Foreign Minister Mohammad Javad Zarif", "Iran's Interior Minister
  Abdolreza Rahmani Fazli", "US Deputy Secretary of Energy Jeffrey Kupfer" (left scan over
  capitalised words, "of"/"for", one possessive and a parenthesised acronym);
- an apposition after: "Mala Bakhtiar, the chief of executive body of Patriotic Union of
  Kurdistan (PUK)";
- a name in apposition to a title: "Iran's foreign minister, Mohammad Javad Zarif".

The result says which characters belong to the title (so the mention can include it), the role
text, the country (demonym, country name or possessive owner), an organisation span inside the
role, and the sectors and gender the title words give.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.knowledge.actor_kb import ActorKB, KnownActor, is_acronym
from dateline.knowledge.countries import Country, lookup_country

_STOP_ENTS = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_POS = {"'s", "’s", "'", "’"}
_JOINERS = {"of", "for"}
# Lower-case words inside a title phrase that do not end it ("Lebanon's new president").
_TITLE_ADJ = frozenset({"new", "acting", "interim", "incoming", "outgoing", "then",
                        "newly-elected", "elected", "caretaker"})
# Words that make an office holder a former one: CAMEO codes former officials as elites (ELI).
FORMER = frozenset({"former", "ex", "ousted", "deposed", "exiled", "toppled", "overthrown"})
# Descriptive words that do not change who a role belongs to.
_ROLE_NOISE = {"the", "a", "an", "former", "then", "new", "acting", "top", "senior", "veteran"}


@dataclass(slots=True)
class RoleInfo:
    start: int  # char offset where the mention starts (title included)
    role: str | None = None
    country: Country | None = None
    place: KnownActor | None = None  # a region or known organisation owning the role
    owner_span: tuple[int, int] | None = None  # char span of the possessive owner / org
    org_span: tuple[int, int] | None = None  # char span of an organisation named in the role
    sectors: tuple[str, ...] = ()
    gender: str | None = None
    acronym: str | None = None  # "(SNSC)" inside the title: defines the organisation's acronym


def _capitalised(tok: Any) -> bool:
    return tok.is_title or (tok.is_upper and tok.is_alpha) or tok.text[:1].isupper()


def _scan_left(doc: Any, start: int, sent_start: int, kb: ActorKB) -> list[Any]:
    toks: list[Any] = []
    i = start - 1
    while i >= sent_start and len(toks) < 14:
        t = doc[i]
        if t.text in _POS and t.tag_ == "POS":
            toks.append(t)
        elif t.text == ")" and i - 2 >= sent_start and doc[i - 2].text == "(" \
                and is_acronym(doc[i - 1].text):
            toks.extend([t, doc[i - 1], doc[i - 2]])
            i -= 3
            continue
        elif t.text == "-" and toks and i > sent_start and _capitalised(doc[i - 1]):
            toks.append(t)  # "Secretary-General"
        elif t.is_punct or (t.ent_type_ in _STOP_ENTS and kb.title(t.lower_) is None):
            break
        elif t.lower_ in _JOINERS:
            toks.append(t)
        elif t.lower_ == "the":
            toks.append(t)
            break
        elif _capitalised(t) or t.lower_ in kb.title_words or kb.title(t.lower_) is not None \
                or (toks and kb.title(f"{t.lower_} {toks[-1].lower_}") is not None):
            if t.pos_ in ("VERB", "AUX", "PRON") and not _capitalised(t) and not toks:
                break
            toks.append(t)  # "prime" before "minister" is part of the title
        elif (t.lower_ in FORMER or t.lower_ in _TITLE_ADJ) and toks:
            toks.append(t)  # "former prime minister", "Lebanon's new president"
        else:
            break
        i -= 1
    toks.reverse()
    while toks and (toks[0].lower_ in _JOINERS or toks[0].lower_ == "the"
                    or toks[0].text in _POS):
        toks.pop(0)
    # a scan that stopped on a lowercase word left of "and"/"of" is not a title
    return toks


def _country_of(text: str, kb: ActorKB) -> tuple[Country | None, KnownActor | None]:
    country = lookup_country(text)
    if country is not None:
        return country, None
    known = kb.lookup(text)
    if known is not None and known.kind in ("region", "organization", "group", "country"):
        return None, known
    return None, None


def parse_title(tokens: list[Any], kb: ActorKB, org_spans: list[tuple[int, int]]) -> RoleInfo:
    """Read a title phrase (tokens in text order, without the name)."""
    info = RoleInfo(start=tokens[0].idx if tokens else -1)
    if not tokens:
        return info
    pos = max((k for k, t in enumerate(tokens) if t.text in _POS), default=-1)
    rest = tokens[pos + 1:]
    if pos > 0:
        owner = [t for t in tokens[:pos] if t.lower_ != "the"]
        if owner:
            text = " ".join(t.text for t in owner)
            info.country, info.place = _country_of(text, kb)
            info.owner_span = (owner[0].idx, owner[-1].idx + len(owner[-1].text))
    # leading demonyms / country names: "Iranian", "US", "North Korean"
    while rest:
        for n in (2, 1):
            if len(rest) >= n:
                text = " ".join(t.text for t in rest[:n])
                c = lookup_country(text)
                if c is not None:
                    info.country = info.country or c
                    rest = rest[n:]
                    break
                known = kb.lookup(text) if text[:1].isupper() and len(rest) > n else None
                if known is not None and not known.kind and known.code and len(known.code) == 3:
                    # an imported dictionary's country ("Bree Prime Minister ...")
                    info.place = info.place or known
                    rest = rest[n:]
                    break
        else:
            break
    words: list[Any] = []
    k = 0
    while k < len(rest):
        t = rest[k]
        if t.text == "(" and k + 2 < len(rest) and rest[k + 2].text == ")":
            info.acronym = rest[k + 1].text
            k += 3
            continue
        inside = next((s for s in org_spans if s[0] <= t.idx < s[1]), None)
        if inside is not None:
            info.org_span = info.org_span or inside
            k += 1
            continue
        words.append(t)
        k += 1
    while words and words[-1].lower_ in _JOINERS:
        words.pop()
    while words and words[0].lower_ in _JOINERS:
        words.pop(0)
    texts = _join_hyphens(words)
    info.sectors, info.gender = kb.sectors_of(texts)
    if info.sectors and any(w.lower().rstrip("-") in FORMER or w.lower().startswith("ex-")
                            for w in texts):
        info.sectors = ("ELI",)  # CAMEO: former office holders are elites
    has_title = any(w.lower().rstrip(".") in kb.title_words or w.lower() in kb.title_words
                    or kb.title(w) is not None for w in texts)
    if has_title:
        honorific = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir"}
        role_words = [w for w in texts if w.lower() not in honorific]
        while role_words and role_words[0].lower() in _ROLE_NOISE - {"former", "acting"}:
            role_words.pop(0)
        info.role = " ".join(role_words).replace(" - ", "-") or None
    elif info.org_span is None and info.country is None and info.place is None:
        info.start = -1  # capitalised words that are no title ("Back in August ...")
    if info.role is None:
        # no title in front ("Iran's SNSC Ali Shamkhani"): the mention stays the name
        info.start = -1
    return info


def _join_hyphens(words: list[Any]) -> list[str]:
    """Token texts with hyphenated words put back together ("Secretary-General")."""
    out: list[str] = []
    glue = False
    for t in words:
        if t.text == "-" and out:
            out[-1] += "-"
            glue = True
        elif glue:
            out[-1] += t.text
            glue = False
        else:
            out.append(t.text)
    return out


def title_before(ent: Any, sent_start: int, kb: ActorKB,
                 org_spans: list[tuple[int, int]]) -> RoleInfo | None:
    toks = _scan_left(ent.doc, ent.start, sent_start, kb)
    if not toks:
        return None
    info = parse_title(toks, kb, org_spans)
    if info.role is None and info.country is None and info.place is None \
            and info.org_span is None:
        return None
    return info


def apposition_after(ent: Any, kb: ActorKB, org_spans: list[tuple[int, int]]) -> RoleInfo | None:
    """'Mala Bakhtiar, the chief of ... (PUK)': the apposition of the name as a role."""
    root = ent.root
    for child in root.children:
        if child.dep_ != "appos" or child.i < ent.end:
            continue
        span = ent.doc[child.left_edge.i: child.right_edge.i + 1]
        if len(span) > 25:
            return None
        toks = [t for t in span if not (t.is_punct and t.text not in ("(", ")", "-"))
                or t.text in _POS]
        # the title words come before the first organisation / country after "of"/"at"
        cut = len(toks)
        for k, t in enumerate(toks):
            if t.lower_ in ("of", "at", "in", "for") and k + 1 < len(toks):
                nxt = toks[k + 1]
                if any(s[0] <= nxt.idx < s[1] for s in org_spans) or \
                        lookup_country(nxt.text) is not None:
                    cut = k
                    break
        info = parse_title(toks[:cut], kb, org_spans)
        if info.role is None:
            return None
        tail = toks[cut:]
        for t in tail:
            s = next((s for s in org_spans if s[0] <= t.idx < s[1]), None)
            if s is not None:
                info.org_span = info.org_span or s
            elif info.country is None:
                c = lookup_country(t.text)
                if c is not None:
                    info.country = c
        info.start = -1  # the mention stays the name; the apposition is linked separately
        return info
    return None


def title_head_of(ent: Any, sent_start: int, kb: ActorKB,
                  org_spans: list[tuple[int, int]]) -> tuple[RoleInfo, tuple[int, int]] | None:
    """'Iran's foreign minister, Mohammad Javad Zarif': the name is an apposition of a title."""
    root = ent.root
    head = root.head
    if root.dep_ != "appos" or head.i >= ent.start or head.lower_ not in kb.title_words:
        return None
    left = head.left_edge.i
    if left < sent_start:
        return None
    toks = [t for t in ent.doc[left: head.i + 1]]
    info = parse_title(toks, kb, org_spans)
    if info.role is None:
        return None
    first = next((t for t in toks if t.lower_ not in ("the", "a", "an")), toks[0])
    return info, (first.idx, head.idx + len(head.text))
