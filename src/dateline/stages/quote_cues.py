"""The cue lexicon of the quotes stage: which words introduce speech, and how.

Data: ``knowledge/data/quote_cues.tsv`` (cue, kind, frames); see the file's header. A user can
add a cue verb there without touching Python. ``load_cues(path)`` reads another file in the
same format.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline.errors import DatelineError
from dateline.knowledge import data_path

FRAMES = frozenset({"quote", "ccomp", "dobj", "object", "xcomp", "prep", "pobj",
                    "noun_that", "noun_pobj", "naming"})
KINDS = frozenset({"report", "belief"})


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str  # the verb lemma ("point" for "point out") or the first word of a phrase
    particle: str | None  # "out" for "point out"; "to" for "according to"
    kind: str  # report | belief
    frames: frozenset[str]


@dataclass(frozen=True)
class CueLexicon:
    by_lemma: dict[str, tuple[Cue, ...]]

    def lookup(self, lemma: str, particles: set[str] | frozenset[str] = frozenset()) -> Cue | None:
        """The cue for a verb lemma; a phrasal entry wins when its particle is present."""
        plain = None
        for cue in self.by_lemma.get(lemma.lower(), ()):
            if cue.particle is None:
                plain = cue
            elif cue.particle in particles:
                return cue
        return plain

    def candidates(self, lemma: str, particles: set[str] | frozenset[str] = frozenset()
                   ) -> list[Cue]:
        """Every entry that fits: phrasal entries whose particle is present, then the plain
        one ("called for" tries "call for", then "call")."""
        entries = self.by_lemma.get(lemma.lower(), ())
        phrasal = [c for c in entries if c.particle is not None and c.particle in particles]
        return phrasal + [c for c in entries if c.particle is None]


def load_cues(path: Path | None = None) -> CueLexicon:
    """Read a cue TSV; raises DatelineError with the line number on a malformed row."""
    path = path or data_path("quote_cues.tsv")
    by_lemma: dict[str, list[Cue]] = {}
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith(("#", "cue\t")):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise DatelineError(f"{path}:{n}: expected cue<TAB>kind<TAB>frames")
            phrase, kind, frames_text = (c.strip() for c in cols[:3])
            frames = frozenset(f.strip() for f in frames_text.split(",") if f.strip())
            if kind not in KINDS or not frames or not frames <= FRAMES:
                raise DatelineError(
                    f"{path}:{n}: kind must be one of {sorted(KINDS)} and frames of {sorted(FRAMES)}"
                )
            if phrase in seen:
                raise DatelineError(f"{path}:{n}: duplicate cue {phrase!r}")
            seen.add(phrase)
            words = phrase.lower().split()
            cue = Cue(words[0], words[1] if len(words) > 1 else None, kind, frames)
            by_lemma.setdefault(words[0], []).append(cue)
    return CueLexicon({k: tuple(v) for k, v in by_lemma.items()})


@lru_cache(maxsize=1)
def default_cues() -> CueLexicon:
    return load_cues()
