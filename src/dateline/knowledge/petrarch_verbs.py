"""Import a PETRARCH (TABARI/PETRARCH2) verb dictionary as event patterns.

The dictionary format, as read here:

- ``--- NAME [code] ---`` opens a verb block with its default code (``---``: no event);
- the block's verbs follow, one a line: ``BAN {BANS BANNED}`` (irregular forms in braces),
  ``DOWNPLAY [014]`` (a verb-specific code), ``+CORDON_OFF`` / ``WIRE_+TAP`` (multi-word
  verbs; ``+`` marks the verb word, the others must stand next to it);
- ``- words * words [code]`` lines are patterns for every verb of the block: ``*`` is the
  verb, ``$`` the source, ``+`` the target, ``%`` coordinated actors acting on each other,
  ``^`` any word, ``&NAME`` a synset, ``_`` joins words; ``[032:033]`` also codes the
  reverse event target -> source with 033;
- ``&NAME`` followed by ``+WORD`` lines defines a synset; ``#`` starts a comment.

The result is written to ``<dict_dir>/events/<file stem>.yaml`` in the listed pattern form
that ``stages/event_patterns.py`` reads, with ``literal: true``: the codes are applied as the
dictionary gives them, without Dateline's modality recoding, as PETRARCH would.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from dateline.errors import InputError

_HEADER = re.compile(r"^---\s*(\S+?)_?\s*\[([^\]]*)\]\s*---")
_CODE = re.compile(r"\[([^\]]*)\]")
_MARKERS = frozenset({"*", "$", "+", "%", "^"})


def _strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    return line.split("#", 1)[0].rstrip()


def _words(text: str) -> list[str]:
    """'SUGGESTED_+ * DEMAND_&GENINT' -> ['suggested', '+', '*', 'demand', '&GENINT']."""
    out: list[str] = []
    for chunk in text.split():
        for part in re.split(r"_", chunk):
            if not part:
                continue
            if part.startswith("&"):
                out.append(part.upper())
                continue
            # markers glued to words ("+RST", "$X") become their own items
            while part and part[0] in "+$%^*":
                out.append(part[0])
                part = part[1:]
            if part:
                out.append(part.lower())
    return out


def parse_verbs(text: str) -> list[dict[str, Any]]:
    """The pattern entries of a PETRARCH verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[dict[str, Any]] = []
    current_syn: str | None = None
    block: dict[str, Any] | None = None
    for raw in text.splitlines():
        line = _strip_comment(raw).strip()
        if not line:
            current_syn = None
            continue
        header = _HEADER.match(line)
        if header:
            block = {"name": header.group(1), "code": header.group(2).strip(), "verbs": [], "patterns": []}
            blocks.append(block)
            current_syn = None
            continue
        if line.startswith("&") and not line.startswith("&&"):
            current_syn = line.split()[0].upper()
            synsets[current_syn] = []
            continue
        if current_syn is not None and line.startswith("+"):
            synsets[current_syn].append(line[1:].strip())
            continue
        if block is None:
            continue
        if line.startswith("-"):
            m = _CODE.search(line)
            if m:
                block["patterns"].append((line[1: m.start()].strip(), m.group(1).strip()))
            continue
        block["verbs"].append(line)
    entries: list[dict[str, Any]] = []
    for b in blocks:
        for verb_line in b["verbs"]:
            entries.extend(_block_entries(b, verb_line, synsets))
    return entries


def _expand(word: str, synsets: dict[str, list[str]], depth: int = 0) -> list[str]:
    if not word.startswith("&"):
        return [word]
    out: list[str] = []
    for member in synsets.get(word, []):
        if member.startswith("&") and depth < 3:
            out.extend(_expand(member.upper(), synsets, depth + 1))
        else:
            out.append(" ".join(w for w in _words(member) if w not in _MARKERS))
    return out or [word.lower()]


def _verb_forms(verb_line: str) -> tuple[list[tuple[str, list[str], list[str]]], str | None]:
    """[(verb word, words just before, words just after)] and a verb-specific code."""
    code = None
    m = _CODE.search(verb_line)
    if m:
        code = m.group(1).strip()
        verb_line = verb_line[: m.start()] + verb_line[m.end():]
    forms_text = ""
    brace = re.search(r"\{([^}]*)\}", verb_line)
    if brace:
        forms_text = brace.group(1)
        verb_line = verb_line[: brace.start()]
    forms = []
    for form in [verb_line.strip(), *forms_text.split()]:
        form = form.strip()
        if not form:
            continue
        words = [w for w in form.lstrip("+").split("_") if w]
        if not words:
            continue
        head = 0
        for i, w in enumerate(form.split("_")):
            if w.startswith("+") and i > 0:
                head = i
        words = [w.lstrip("+").lower() for w in form.split("_") if w.lstrip("+")]
        forms.append((words[head], words[:head], words[head + 1:]))
    return forms, code


def _block_entries(block: dict[str, Any], verb_line: str,
                   synsets: dict[str, list[str]]) -> list[dict[str, Any]]:
    forms, verb_code = _verb_forms(verb_line)
    default = verb_code or block["code"]
    out: list[dict[str, Any]] = []
    for verb, pre, post in forms:
        base = f"petrarch:{block['name']}:{verb}"
        out.append(_entry(f"{base}:default", default, verb, pre, post, [], []))
        for n, (pattern, code) in enumerate(block["patterns"], 1):
            words = _words(pattern)
            if "*" not in words:
                continue
            star = words.index("*")
            before, after = words[:star], words[star + 1:]
            entry = _entry(f"{base}:{n}", code, verb, pre, post,
                           [_expand(w, synsets) for w in before if w not in _MARKERS],
                           [_expand(w, synsets) for w in after if w not in _MARKERS])
            if "+" in before and "$" in after:
                entry["flip"] = True
            if "%" in words:
                entry["compound"] = True
            out.append(entry)
    return out


def _entry(pid: str, code: str, verb: str, pre: list[str], post: list[str],
           before: list[list[str]], after: list[list[str]]) -> dict[str, Any]:
    primary, _, reverse = code.partition(":")
    entry: dict[str, Any] = {"id": pid, "code": primary.strip() or "---", "verb": verb}
    if reverse.strip() and reverse.strip() != "---":
        entry["reciprocal"] = reverse.strip()
    slots_before = before + [[w] for w in pre]  # the verb's own words stand next to it
    slots_after = [[w] for w in post] + after
    if slots_before:
        entry["before"] = slots_before
    if slots_after:
        entry["after"] = slots_after
    return entry


def import_verbs(path: str | Path, dict_dir: str | Path) -> int:
    """Convert a PETRARCH verb dictionary into ``<dict_dir>/events/<stem>.yaml``; returns the
    number of patterns written."""
    src = Path(path)
    try:
        text = src.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read verb dictionary {src}: {exc}") from None
    entries = parse_verbs(text)
    if not entries:
        raise InputError(f"{src}: no PETRARCH verb blocks ('--- VERB [code] ---') found")
    out_dir = Path(dict_dir) / "events"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{src.stem.replace('.', '_')}.yaml"
    doc = {"source": str(src), "format": "petrarch-verbs", "literal": True, "patterns": entries}
    out.write_text("# Imported by `dateline dict import --format petrarch-verbs`; edit freely.\n"
                   + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120),
                   encoding="utf-8")
    return len(entries)
