"""Reported speech introduced by a noun: "his claim that the vote was rigged", "her
criticism of the ruling", "Trump's comments about Muslims".

The cue noun is in the lexicon with the frames ``noun_that`` (a that-clause complements it)
or ``noun_pobj`` (its prepositional object is the message). The speaker is the possessor as
written ("his", "Trump's"), else the subject of the verb the noun is the object of ("the
senator repeated the claim that ..."), else none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.stages.quote_speakers import subject_of

if TYPE_CHECKING:
    from dateline.stages.quote_indirect import IndirectFinder, Reported

_NOT_A_MESSAGE = frozenset({"PRON", "NUM", "DET"})


def noun_statement(finder: IndirectFinder, tok: Any) -> Reported | None:
    from dateline.stages.quote_indirect import particles_of

    for cue in finder.cues.candidates(tok.lemma_, particles_of(tok)):
        if "noun_pobj" in cue.frames and cue.particle is not None:
            content = _prep_object(tok, cue.particle)
        elif "noun_that" in cue.frames:
            content = _that_clause(tok)
        else:
            continue
        if content is None:
            continue
        fragments = finder._phrase(content)
        if not fragments:
            continue
        rep = finder._reported(tok, fragments, "noun", None)
        speaker = _noun_speaker(tok)
        finder._speaker(rep, speaker, (rep.start, rep.end))
        return rep
    return None


def _prep_object(tok: Any, particle: str) -> Any | None:
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == particle), None)
    if prep is None:
        return None
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None or obj.pos_ in _NOT_A_MESSAGE:
        return None
    return obj


def _that_clause(tok: Any) -> Any | None:
    """The complement clause of a noun ("the claim that ..."), not a relative clause
    ("the claim that he made", where "that" is an argument of the clause)."""
    for c in tok.rights:
        if c.dep_ not in ("acl", "ccomp", "appos") or c.pos_ not in ("VERB", "AUX"):
            continue
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return c
    return None


def _noun_speaker(tok: Any) -> Any | None:
    for c in tok.children:
        if c.dep_ == "poss":
            return c
    if tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
        return subject_of(tok.head)
    return None
