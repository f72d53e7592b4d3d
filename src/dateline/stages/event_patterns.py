"""The event lexicon: verb and noun patterns that code a trigger with a CAMEO code.

Patterns are data: the packaged ``verb_patterns.yaml`` plus every ``*.yaml`` pattern file in
the settings' ``dict_dir`` (written by ``dateline dict import --format petrarch-verbs``, or by
hand). They are indexed by trigger lemma, so matching costs one dict lookup per token, and
the constraints of a pattern are only checked for tokens whose lemma has patterns.

A packaged phrase such as ``"impose sanction"`` means: the trigger ``impose`` (a verb) with
``sanction`` among its dependents (object, particle, preposition, the preposition's object,
their modifiers; not across clause boundaries). ``"a|b"`` accepts either word. Imported
(PETRARCH) patterns add ordered word slots ``before``/``after`` the trigger, matched in
sentence order, since that is how PETRARCH reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from dateline.errors import DatelineError
from dateline.knowledge import data_path

# Dependencies that open a new clause: a pattern's constraint words are not looked for there.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "csubj", "csubjpass", "parataxis", "conj",
                         "nsubj", "nsubjpass", "punct", "cc", "mark", "aux", "auxpass", "appos"})
FRAME_DEPTH = 3
# quantity and part heads that the frame looks through: in "suspended part of its aid
# programme" or "captured most of the town" the words after "of" count as the object's
PARTITIVE_HEADS = frozenset({
    "part", "parts", "portion", "share", "half", "third", "quarter", "bulk", "most", "much",
    "some", "all", "many", "rest", "remainder", "majority", "section", "piece", "number",
    "dozens", "hundreds", "thousands", "scores", "one", "two", "three", "several",
})


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    code: str
    lemma: str  # the trigger word: a lemma (packaged) or a lower-case form (imported)
    pos: str  # "verb" | "noun"
    needs: tuple[frozenset[str], ...] = ()  # each: alternatives, one must be in the trigger's frame
    before: tuple[frozenset[str], ...] = ()  # ordered slots before the trigger (imported)
    after: tuple[frozenset[str], ...] = ()  # ordered slots after the trigger (imported)
    reciprocal: str | None = None  # code of the reverse event target -> source ("032:033")
    flip: bool = False  # source and target swapped (PETRARCH "+ ... * ... $")
    compound: bool = False  # coordinated actors act on each other (PETRARCH "%")
    literal: bool = False  # code as written: no negation/intent/appeal recoding
    rank: int = 0  # priority of the file: imported dictionaries before the packaged lexicon

    @property
    def specificity(self) -> int:
        return len(self.needs) + len(self.before) + len(self.after)


class PatternIndex:
    """Patterns by (pos, trigger word), most specific first."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.by_key: dict[tuple[str, str], list[Pattern]] = {}
        for p in patterns:
            self.by_key.setdefault((p.pos, p.lemma), []).append(p)
        for key, plist in self.by_key.items():
            # a word an imported dictionary defines is coded by that dictionary alone
            top = min(p.rank for p in plist)
            self.by_key[key] = sorted((p for p in plist if p.rank == top), key=lambda p: -p.specificity)
        self.size = len(patterns)

    def candidates(self, token: Any) -> list[Pattern]:
        pos = "verb" if token.pos_ in ("VERB", "AUX") else "noun" if token.pos_ in ("NOUN", "PROPN") else ""
        if not pos:
            return []
        lemma = token.lemma_.lower()
        found = self.by_key.get((pos, lemma))
        if found is None and token.lower_ != lemma:
            found = self.by_key.get((pos, token.lower_))
        return found or []

    def match(self, token: Any) -> Pattern | None:
        """The first (highest-priority, most specific) pattern whose constraints hold."""
        cands = self.candidates(token)
        if not cands:
            return None
        frame: set[str] | None = None
        for p in cands:
            if p.needs:
                if frame is None:
                    frame = frame_words(token)
                if not all(alts & frame for alts in p.needs):
                    continue
            if p.after and not _ordered(p.after, _words(token.doc[token.i + 1: token.sent.end])):
                continue
            if p.before and not _ordered(p.before[::-1], _words(reversed(token.doc[token.sent.start: token.i]))):
                continue
            return p
        return None


def frame_words(token: Any) -> set[str]:
    """Lemmas and forms of the trigger's dependents, down to FRAME_DEPTH, within its clause."""
    words: set[str] = set()
    stack = [(c, 1) for c in token.children]
    while stack:
        t, depth = stack.pop()
        if t.dep_ in CLAUSE_DEPS:
            continue
        words.add(t.lemma_.lower())
        words.add(t.lower_)
        # "part of", "most of": the "of" phrase does not count as a level of its own
        step = 0 if _partitive_step(t) else 1
        if depth < FRAME_DEPTH or step == 0:
            stack.extend((c, depth + step) for c in t.children)
    return words


def _partitive_step(t: Any) -> bool:
    """A partitive head or its "of" (looked through by ``frame_words``)."""
    if t.lower_ == "of" and t.dep_ == "prep":
        return t.head.lower_ in PARTITIVE_HEADS
    return t.lower_ in PARTITIVE_HEADS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in t.children)


def _words(tokens: Any) -> list[tuple[str, str]]:
    return [(t.lower_, t.lemma_.lower()) for t in tokens]


def _ordered(slots: tuple[frozenset[str], ...], words: list[tuple[str, str]]) -> bool:
    """Every slot found in order (gaps allowed); a multi-word alternative must be contiguous."""
    pos = 0
    for alts in slots:
        hit = False
        while pos < len(words) and not hit:
            for alt in alts:
                parts = alt.split()
                seg = words[pos: pos + len(parts)]
                if len(seg) == len(parts) and all(p in w for p, w in zip(parts, seg, strict=True)):
                    pos += len(parts)
                    hit = True
                    break
            else:
                pos += 1
        if not hit:
            return False
    return True


def _alts(word: str) -> frozenset[str]:
    # "war_crime" stands for a compound; its head word is what the frame holds
    return frozenset(w.strip().lower().split("_")[-1] for w in word.split("|") if w.strip())


_NOUN_PREPS = frozenset({"of", "for", "from", "on", "over", "to", "with", "against", "between"})


def _head_first(words: list[str], pos: str) -> list[str]:
    """Trigger word first. A noun phrase's trigger is its head: the last word, or the word
    before its first preposition ("economic cooperation", "show of force"). A verb phrase
    that opens with a manner adverb has the verb as its trigger ("sexually abuse")."""
    if len(words) == 1:
        return words
    if pos == "verb":
        if words[0].endswith("ly") and "|" not in words[0]:
            return [words[1], words[0], *words[2:]]
        return words
    cut = next((i for i, w in enumerate(words) if w in _NOUN_PREPS and i > 0), len(words))
    head = cut - 1
    return [words[head]] + words[:head] + words[head + 1:]


def _slots(value: Any) -> tuple[frozenset[str], ...]:
    if not value:
        return ()
    return tuple(frozenset(s.lower() for s in ([v] if isinstance(v, str) else v)) for v in value)


def parse_packaged(data: dict[str, Any], origin: str, rank: int = 1) -> list[Pattern]:
    """The packaged form: {codes: {CODE: {verb: [phrases], noun: [phrases]}}}."""
    out = []
    for code, entry in (data.get("codes") or {}).items():
        code = str(code)
        for pos in ("verb", "noun"):
            for n, phrase in enumerate(entry.get(pos) or ()):
                words = _head_first(str(phrase).lower().split(), pos)
                if not words:
                    raise DatelineError(f"{origin}: empty {pos} phrase under {code}")
                # "mediation mission|effort": one pattern per alternative trigger word
                for lemma in sorted({w for w in words[0].split("|") if w}):
                    out.append(Pattern(
                        id=f"{code}:{pos}:{phrase}", code=code, lemma=lemma, pos=pos,
                        needs=tuple(_alts(w) for w in words[1:]), rank=rank,
                    ))
    return out


def parse_listed(data: dict[str, Any], origin: str, rank: int = 0) -> list[Pattern]:
    """The imported form: {literal: bool, patterns: [{id, code, verb|noun, needs, before, after,
    reciprocal, flip, compound}]}."""
    literal = bool(data.get("literal", False))
    out = []
    for n, entry in enumerate(data.get("patterns") or (), 1):
        pos = "noun" if "noun" in entry else "verb"
        lemma = entry.get(pos)
        if not lemma or "code" not in entry:
            raise DatelineError(f"{origin}: pattern {n} needs a code and a verb or noun")
        out.append(Pattern(
            id=str(entry.get("id", f"{origin}:{n}")), code=str(entry["code"]), lemma=str(lemma).lower(),
            pos=pos, needs=tuple(_alts(w) for w in entry.get("needs") or ()),
            before=_slots(entry.get("before")), after=_slots(entry.get("after")),
            reciprocal=str(entry["reciprocal"]) if entry.get("reciprocal") else None,
            flip=bool(entry.get("flip")), compound=bool(entry.get("compound")),
            literal=bool(entry.get("literal", literal)), rank=rank,
        ))
    return out


def load_file(path: Path, rank: int) -> list[Pattern]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise DatelineError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise DatelineError(f"{path}: expected a mapping with 'codes' or 'patterns'")
    if "patterns" in data:
        return parse_listed(data, str(path), rank)
    return parse_packaged(data, str(path), rank)


def load_index(dict_dir: str | Path | None = None) -> PatternIndex:
    """The packaged lexicon plus the pattern files in ``dict_dir/events`` (if any). A file
    that says ``exclusive: true`` replaces the packaged lexicon instead of extending it."""
    imported: list[Pattern] = []
    exclusive = False
    if dict_dir:
        folder = Path(dict_dir) / "events"
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                imported.extend(load_file(path, rank=0))
                exclusive = exclusive or _says_exclusive(path)
    packaged = [] if exclusive else load_file(data_path("verb_patterns.yaml"), rank=1)
    return PatternIndex(imported + packaged)


def _says_exclusive(path: Path) -> bool:
    with path.open(encoding="utf-8") as fh:
        head = [next(fh, "") for _ in range(12)]
    return any(line.strip() == "exclusive: true" for line in head)
