"""The event lexicon and the PETRARCH verb-dictionary import."""

from dateline.knowledge.cameo import cameo_codes
from dateline.knowledge.petrarch_verbs import import_verbs, parse_verbs
from dateline.stages.event_patterns import load_index

PETRARCH_SAMPLE = """
&TIESYN
+DIPLOMATIC
+TRADE

--- RESTORE  [050] ---
RESTORE
- * &TIESYN TIES [064]
- * RELATIONS [---]

--- ARRIVE  [032:033] ---
ARRIVE    # a comment
+TOUCH_DOWN {+TOUCHED_DOWN}
"""


def test_every_cameo_code_has_at_least_one_pattern():
    index = load_index()
    coded = {p.code for plist in index.by_key.values() for p in plist}
    assert set(cameo_codes()) <= coded


def test_noun_phrases_are_indexed_by_their_head():
    index = load_index()
    codes = {p.code for p in index.by_key[("noun", "cooperation")]}
    assert {"060", "061", "062"} <= codes
    assert any(p.code == "195" for p in index.by_key[("noun", "airstrike")])


def test_petrarch_blocks_synsets_and_reciprocal_codes_are_parsed():
    entries = parse_verbs(PETRARCH_SAMPLE)
    by_id = {e["id"]: e for e in entries}
    assert by_id["petrarch:RESTORE:restore:default"]["code"] == "050"
    ties = by_id["petrarch:RESTORE:restore:1"]
    assert ties["code"] == "064" and ties["after"] == [["diplomatic", "trade"], ["ties"]]
    assert by_id["petrarch:RESTORE:restore:2"]["code"] == "---"
    arrive = by_id["petrarch:ARRIVE:arrive:default"]
    assert arrive["code"] == "032" and arrive["reciprocal"] == "033"
    touch = by_id["petrarch:ARRIVE:touch:default"]
    assert touch["after"] == [["down"]]


def test_imported_verbs_take_priority_for_the_words_they_define(tmp_path):
    src = tmp_path / "my.verbs.txt"
    src.write_text(PETRARCH_SAMPLE, encoding="utf-8")
    assert import_verbs(src, tmp_path / "dicts") > 0
    index = load_index(tmp_path / "dicts")
    restore = index.by_key[("verb", "restore")]
    assert all(p.rank == 0 and p.literal for p in restore)
    assert restore[0].specificity >= restore[-1].specificity
    assert any(p.code == "040" for p in index.by_key[("verb", "meet")])  # packaged lexicon kept
