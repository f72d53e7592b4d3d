"""Language of an article: a record's own field wins, else py3langid on a prefix of the text.

Dateline's lexicons and models are English-only, so other languages are skipped with a
recorded reason. Short texts and uncertain guesses are kept as English: name-heavy wire
sentences ("Zarif met Bakhtiar.") give the classifier nothing to go on, and wrongly dropping
an English article is worse than running the pipeline on a foreign one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline.errors import ArticleError

PREFIX_CHARS = 2000  # detection reads only this much: enough for a clear verdict, and fast
MIN_LETTERS = 40  # below this the classifier is not trusted
MIN_CONFIDENCE = 0.9  # normalised probability of the non-English guess needed to reject

_ENGLISH_NAMES = {"en", "eng", "english"}

# Fast path: English news prose is ~25% these words (other languages near 0%), so a text
# where they are frequent is English without running the classifier (~1-2 ms an article).
_ENGLISH_WORDS = frozenset((
    "the", "of", "and", "to", "that", "for", "with", "said", "has", "have", "from", "by", "which",
    "were", "are", "this", "at", "it", "its", "their", "his", "her", "be", "been", "would",
    "not", "he", "she", "they", "who", "was",
))
_WORD = re.compile(r"[^\W\d_]+")
QUICK_CHARS = 600
QUICK_MIN_WORDS = 20
QUICK_SHARE = 0.1


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def normalise_code(value: str) -> str:
    """'en-US', 'eng', 'English' -> 'en'; other values lower-cased up to a region suffix."""
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return "en" if code in _ENGLISH_NAMES else code


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0..1) of the start of the text."""
    lang, prob = _identifier().classify(text[:PREFIX_CHARS])
    return str(lang), float(prob)


def article_language(text: str, declared: str | None = None) -> str:
    """The article's language code; raise ArticleError when it is confidently not English."""
    if declared:
        code = normalise_code(declared)
        if code != "en":
            raise ArticleError(f"not English (language field: {declared.strip()})")
        return code
    words = _WORD.findall(text[:QUICK_CHARS].lower())
    if len(words) >= QUICK_MIN_WORDS and (
            sum(w in _ENGLISH_WORDS for w in words) >= QUICK_SHARE * len(words)):
        return "en"
    prefix = text[:PREFIX_CHARS]
    if sum(ch.isalpha() for ch in prefix) < MIN_LETTERS:
        return "en"
    lang, prob = detect(prefix)
    if lang != "en" and prob >= MIN_CONFIDENCE:
        raise ArticleError(f"not English (detected: {lang}, confidence {prob:.2f})")
    return "en"
