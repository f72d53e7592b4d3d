"""Quotation-mark pairs over a whole article text, before any parsing.

Handles curly and straight double quotes, the doubled apostrophe some papers use as a quote
mark (''like this''), guillemets, single quotes (nested or top level, told apart from
apostrophes by what stands on either side), and quotes that run over several paragraphs by
the wire convention: each paragraph reopens with a quote mark, only the last one closes.

Only top-level pairs are returned; nested quotes stay inside their outer quote's content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A doubled apostrophe or backticks act as one double mark; single characters otherwise.
_MARK = re.compile(r"''|``|[\"“”„«»‘’']")
_DOUBLE_OPEN = {"“", "„", "«", "``"}
_DOUBLE_CLOSE = {"”", "»"}
_DOUBLE_AMBIG = {'"', "''"}
_OPENERS_BEFORE = set("([{—–-/:") | {"\u2014", "\u2013"}


@dataclass(frozen=True, slots=True)
class RawQuote:
    """A top-level quotation, marks included: ``fragments`` are (start, end) per paragraph."""

    start: int
    end: int
    fragments: tuple[tuple[int, int], ...]
    double: bool = True  # False for a top-level single-quoted span
    closed: bool = True  # False when the closing mark was missing (closed at paragraph end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line run; a newline ends a paragraph."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        seg = m.group()
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if lead < len(seg):
            out.append((m.start() + lead, m.end() - trail))
    return out


def _direction(text: str, i: int, length: int) -> str:
    """'open', 'close' or 'either' for an ambiguous mark at i, from its neighbours."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + length] if i + length < len(text) else " "
    space_before = prev.isspace() or prev in _OPENERS_BEFORE or prev in "“‘\"'"
    space_after = nxt.isspace() or nxt in ".,;:!?)]}—–-…" or nxt in "”’\"'"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _single_kind(text: str, i: int, ch: str) -> str | None:
    """'open', 'close' or None (an apostrophe) for a single quote character at i."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch == "‘" or ch == "'":
        if (prev.isspace() or prev in _OPENERS_BEFORE or prev in "“\"") and nxt.isalpha():
            return "open"
        if ch == "‘":
            return None
    # ’ or ': a closing mark has no letter right after it (else: don’t, Iran’s)
    if not nxt.isalnum() and not prev.isspace():
        return "close"
    return None


def find_quotes(text: str) -> list[RawQuote]:
    """All top-level quotation-mark pairs of ``text``, in text order."""
    paras = paragraphs(text)
    quotes: list[RawQuote] = []
    # The open top-level double quote carried across paragraphs: (start, fragments so far).
    carry: tuple[int, list[tuple[int, int]]] | None = None
    for pi, (p_start, p_end) in enumerate(paras):
        stack: list[tuple[str, int]] = []  # ("d"|"s", position) of open marks
        frag_start = p_start
        if carry is not None:
            m = _MARK.match(text, p_start)
            if m and (m.group() in _DOUBLE_OPEN or m.group() in _DOUBLE_AMBIG):
                stack.append(("d", carry[0]))
                frag_start = p_start
                pos = m.end()
            else:  # the previous paragraph's quote never closed: end it there
                start, frags = carry
                quotes.append(RawQuote(start, frags[-1][1], tuple(frags), closed=False))
                carry = None
                pos = p_start
        else:
            pos = p_start
        for m in _MARK.finditer(text, pos, p_end):
            mark, i = m.group(), m.start()
            if mark in _DOUBLE_OPEN or mark in _DOUBLE_CLOSE or mark in _DOUBLE_AMBIG:
                has_open = any(kind == "d" for kind, _ in stack)
                if mark in _DOUBLE_OPEN:
                    direction = "open"
                elif mark in _DOUBLE_CLOSE:
                    direction = "close"
                else:
                    direction = _direction(text, i, len(mark))
                    if direction == "either":
                        direction = "close" if has_open else "open"
                if direction == "open" and has_open and mark in _DOUBLE_AMBIG:
                    direction = "close"  # a straight mark cannot nest in its own kind
                if direction == "open":
                    if has_open:  # a second curly opener: the first one was never closed
                        stack, carry = [], None
                    stack.append(("d", i))
                    if len(stack) == 1:
                        frag_start = i
                elif has_open:
                    while stack and stack[-1][0] != "d":
                        stack.pop()  # unclosed single quotes inside
                    _, open_at = stack.pop()
                    if not stack:
                        start = carry[0] if carry is not None else open_at
                        frags = (carry[1] if carry is not None else []) + [(frag_start, m.end())]
                        quotes.append(RawQuote(start, m.end(), tuple(frags)))
                        carry = None
            else:
                kind = _single_kind(text, i, mark)
                if kind == "open" and not (mark == "'" and stack and stack[-1][0] == "s"):
                    stack.append(("s", i))
                    if len(stack) == 1:
                        frag_start = i
                elif kind == "close" and stack and stack[-1][0] == "s":
                    _, open_at = stack.pop()
                    if not stack and carry is None:
                        quotes.append(RawQuote(open_at, m.end(), ((open_at, m.end()),),
                                               double=False))
        # paragraph end: an open double quote continues if the next paragraph reopens
        doubles = [p for kind, p in stack if kind == "d"]
        if doubles:
            start = carry[0] if carry is not None else doubles[0]
            frags = (carry[1] if carry is not None else []) + [(frag_start, p_end)]
            if pi + 1 < len(paras):
                carry = (start, frags)
            else:
                quotes.append(RawQuote(start, p_end, tuple(frags), closed=False))
                carry = None
        else:
            carry = None
    quotes.sort(key=lambda q: q.start)
    return quotes
