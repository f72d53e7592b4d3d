"""Building blocks shared by the scorers: counts, span overlap, one-to-one matching,
and the per-record "what went wrong" notes that the report ranks into the worst records."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from dateline.errors import InputError

T = TypeVar("T")
U = TypeVar("U")

WORST_N = 20
TEXT_PREVIEW = 300


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines file; a broken line is a user error naming the line."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"file not found: {path}")
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None


@dataclass
class PRF:
    """True positives, number predicted, number in the gold: precision, recall, F1."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def metrics(self, prefix: str) -> dict[str, float]:
        return {f"{prefix}_p": self.precision, f"{prefix}_r": self.recall, f"{prefix}_f1": self.f1}


@dataclass
class Ratio:
    """A proportion (accuracy, pass rate) that stays 0.0 when nothing was counted."""

    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 0.0


@dataclass
class RecordNote:
    """What one record got wrong, for the list of worst records in the report."""

    id: str
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    error: str | None = None
    text: str = ""  # the start of the record's text, to read the case without the gold file

    @property
    def badness(self) -> int:
        return len(self.misses) + len(self.false_positives) + (1000 if self.error else 0)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "misses": self.misses,
                               "false_positives": self.false_positives}
        if self.error:
            out["error"] = self.error
        if self.text:
            out["text"] = self.text[:TEXT_PREVIEW] + ("…" if len(self.text) > TEXT_PREVIEW else "")
        return out


def worst(notes: Iterable[RecordNote], n: int = WORST_N) -> list[dict[str, Any]]:
    """The n records with the most misses + false positives (ties: input order)."""
    bad = [note for note in notes if note.badness]
    bad.sort(key=lambda note: -note.badness)
    return [note.as_dict() for note in bad[:n]]


# --- spans -------------------------------------------------------------------------------
Interval = tuple[int, int]


def overlap(a: Interval, b: Interval) -> int:
    """Characters shared by two [start, end) intervals."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def fragments_overlap(a: Sequence[Interval], b: Sequence[Interval]) -> int:
    """Characters shared by two sets of fragments (fragments within a set do not overlap)."""
    return sum(overlap(x, y) for x in a for y in b)


def span_of(item: dict[str, Any] | None) -> Interval | None:
    """(start, end) of a dict carrying integer offsets, else None."""
    if not item:
        return None
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return (start, end)
    return None


def span_text(text: str, span: Interval | None) -> str:
    return "" if span is None else text[span[0]:span[1]]


# --- matching ----------------------------------------------------------------------------
def match_greedy(gold: Sequence[T], pred: Sequence[U],
                 score: Callable[[T, U], float]) -> list[tuple[int, int]]:
    """One-to-one matching of gold and predicted items: pairs with a positive score, best
    first; each item used at most once. Returns (gold index, pred index) pairs."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = score(g, p)
            if s > 0:
                candidates.append((-s, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def match_max(gold: Sequence[T], pred: Sequence[U],
              same: Callable[[T, U], bool]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching under an equivalence-like test (augmenting paths):
    no gold item is matched twice and as many as possible are matched."""
    options = [[pi for pi, p in enumerate(pred) if same(g, p)] for g in gold]
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(gold)):
        augment(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())


@dataclass
class SetScore:
    """The scores of one (task, set): figures, counts, and what each record got wrong."""

    metrics: dict[str, float | None]
    counts: dict[str, int]
    notes: list[RecordNote]
    headline: tuple[str, ...]  # the figures shown in the table and checked against floors
    remarks: list[str] = field(default_factory=list)  # how it was scored, in words


def prediction_for(predictions: dict[str, dict[str, Any]], record_id: str) -> tuple[dict[str, Any], str | None]:
    """The predicted output for a record id ({} when missing or failed) and the error, if any."""
    pred = predictions.get(record_id)
    if pred is None:
        return {}, "no prediction for this record"
    if "error" in pred:
        return {}, str(pred["error"])
    return pred, None
