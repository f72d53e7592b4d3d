"""Near-duplicate articles: MinHash signatures over word shingles, banded for lookup.

The same story reprinted by many outlets (wire copy, small edits) is one story: the first
stored copy is processed, later copies are linked to it as extra sources of its events.

Signatures are MinHash (datasketch) over 4-word shingles of the article body with its
boilerplate blanked (``Article.nlp_text``). Lookup uses locality-sensitive hashing with the
bands stored as integer keys in an indexed table (``article_bands``), so a lookup is one
indexed query whatever the size of the store; a candidate is accepted when its estimated
Jaccard similarity reaches ``THRESHOLD`` (0.7: a 60-word story with a new opening credit and
one word changed scores about 0.8; two different stories on one topic score below 0.2).
With 32 bands of 4 rows, a pair at similarity 0.7 becomes a candidate with probability
0.9998, a pair at 0.3 with probability 0.23 (then rejected on its estimated similarity), a
pair of unrelated articles (0.02) practically never.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from dateline.records import Article

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 4
THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets for "the same story"
# Below this many shingles (about 40 words) one changed word moves the similarity by 0.1 or
# more: short texts ("officials met elders from district 4") are copies only when identical.
MIN_SHINGLES = 40
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    values: np.ndarray  # NUM_PERM uint64 MinHash values
    shingles: int

    def to_blob(self) -> bytes:
        return self.values.astype("<u8").tobytes()

    @classmethod
    def from_blob(cls, blob: bytes, shingles: int = 0) -> Signature:
        return cls(np.frombuffer(blob, dtype="<u8").astype(np.uint64), shingles)

    def similarity(self, other: Signature) -> float:
        return float(np.count_nonzero(self.values == other.values)) / NUM_PERM

    def band_keys(self) -> list[int]:
        """One signed 64-bit key per band (the band number is hashed in, so one column)."""
        keys = []
        for band in range(BANDS):
            chunk = self.values[band * ROWS:(band + 1) * ROWS].astype("<u8").tobytes()
            digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return keys


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # Building the permutations is the slow part of a MinHash: do it once, copy after.
    return MinHash(num_perm=NUM_PERM, seed=1)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(article: Article) -> Signature:
    """The MinHash signature of the article body (boilerplate blanked)."""
    grams = shingles(article.nlp_text)
    m = _template().copy()
    if grams:
        m.update_batch(sorted(grams))
    return Signature(np.asarray(m.hashvalues, dtype=np.uint64), len(grams))


@dataclass(frozen=True)
class Match:
    article_id: str  # Article.id of the original
    similarity: float


class PendingIndex:
    """Articles of the current run not yet stored (sent to the pipeline): an in-memory band
    index, so a copy that follows its original within one run is still found. Entries are
    dropped once stored (the store's own index finds them from then on)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._bands: dict[int, list[str]] = {}
        self._sigs: dict[str, Signature] = {}

    def add(self, article_id: str, sig: Signature) -> None:
        with self._lock:
            self._sigs[article_id] = sig
            for key in sig.band_keys():
                self._bands.setdefault(key, []).append(article_id)

    def signature(self, article_id: str) -> Signature | None:
        with self._lock:
            return self._sigs.get(article_id)

    def find(self, sig: Signature, exclude: str) -> Match | None:
        with self._lock:
            found = {a for k in sig.band_keys() for a in self._bands.get(k, ()) if a != exclude}
            return best({a: self._sigs[a] for a in found}, sig)

    def drop(self, article_id: str) -> None:
        with self._lock:
            sig = self._sigs.pop(article_id, None)
            if sig is None:
                return
            for key in sig.band_keys():
                ids = self._bands.get(key)
                if ids and article_id in ids:
                    ids.remove(article_id)
                    if not ids:
                        del self._bands[key]

    def __len__(self) -> int:
        return len(self._sigs)


def best(candidates: dict[str, Signature], sig: Signature) -> Match | None:
    """The most similar candidate at or above THRESHOLD (ties: the smallest id)."""
    scored = sorted((-sig.similarity(s), a) for a, s in candidates.items()
                    if _enough(sig, s))
    if scored and -scored[0][0] >= THRESHOLD:
        return Match(scored[0][1], -scored[0][0])
    return None


def _enough(a: Signature, b: Signature) -> bool:
    """Long enough for a fuzzy match, or identical."""
    return min(a.shingles, b.shingles) >= MIN_SHINGLES or bool(np.array_equal(a.values, b.values))
