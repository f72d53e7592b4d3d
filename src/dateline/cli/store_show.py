"""Terminal rendering for `dateline show` and `dateline actor`: wrapped article text with
actors and entities highlighted, then one section per layer."""

from __future__ import annotations

import re
import shutil
from typing import Any

import click

# click.style arguments per actor kind; entities no actor covers are underlined.
KIND_STYLE: dict[str, dict[str, Any]] = {
    "person": {"fg": "cyan", "bold": True},
    "organization": {"fg": "yellow", "bold": True},
    "group": {"fg": "magenta", "bold": True},
    "country": {"fg": "green", "bold": True},
    "region": {"fg": "green"},
}
OTHER_ACTOR = {"fg": "blue", "bold": True}
ENTITY = {"underline": True}
HIDDEN = {"dim": True}
_WORD = re.compile(r"\S+")


def width() -> int:
    return max(40, min(100, shutil.get_terminal_size((100, 24)).columns))


def _styles(art: dict[str, Any]) -> list[dict[str, Any] | None]:
    """The style of every character of the article text (None: plain)."""
    n = len(art["text"])
    styles: list[dict[str, Any] | None] = [None] * n
    for start, end in art["hidden"]:
        styles[start:end] = [HIDDEN] * (min(end, n) - start)
    for e in art["entities"]:
        styles[e["start"]:e["end"]] = [ENTITY] * (e["end"] - e["start"])
    for a in art["actors"]:
        style = KIND_STYLE.get(a["kind"], OTHER_ACTOR)
        for m in a["mentions"]:
            styles[m["start"]:m["end"]] = [style] * (m["end"] - m["start"])
    return styles


def highlighted_text(art: dict[str, Any], cols: int, indent: str = "  ") -> list[str]:
    """The article text wrapped to ``cols`` with per-character styles kept across wraps."""
    text, styles = art["text"], _styles(art)
    lines: list[str] = []
    offset = 0
    for para in text.split("\n"):
        words = [(m.start() + offset, m.end() + offset) for m in _WORD.finditer(para)]
        offset += len(para) + 1
        if not words:
            if lines and lines[-1] != "":
                lines.append("")
            continue
        line: list[tuple[int, int]] = []
        used = 0
        for w in words:
            size = w[1] - w[0]
            if line and used + 1 + size > cols - len(indent):
                lines.append(indent + " ".join(_render(text, styles, *x) for x in line))
                line, used = [], 0
            used += size + (1 if line else 0)
            line.append(w)
        lines.append(indent + " ".join(_render(text, styles, *x) for x in line))
    return lines


def _render(text: str, styles: list[dict[str, Any] | None], start: int, end: int) -> str:
    out, i = [], start
    while i < end:
        j = i
        while j < end and styles[j] is styles[i]:
            j += 1
        chunk = text[i:j]
        out.append(click.style(chunk, **styles[i]) if styles[i] else chunk)
        i = j
    return "".join(out)


def _clip(text: str | None, size: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _heading(title: str, count: int | None = None) -> str:
    label = f"{title} ({count})" if count is not None else title
    return "\n" + click.style(label, bold=True)


def render_article(art: dict[str, Any]) -> str:
    cols = width()
    out = [click.style(art["title"] or art["id"], bold=True),
           (f"id {art['id']} · date {art['date'] or '-'} · source {art['source'] or '-'}"
           f" · stages {art['stages'] or '-'}")]
    meta = [("url", art["url"]), ("origin", art["origin"]),
            ("dateline", art["dateline_text"] and f"{art['dateline_text']!r} → {art['dateline_place']}"),
            ("licence", art["license"]), ("attribution", art["attribution"]),
            ("sign-off", art["signoff_text"])]
    out += [f"{k}: {_clip(v, cols - len(k) - 2)}" for k, v in meta if v]
    legend = " ".join(click.style(k, **s) for k, s in (*KIND_STYLE.items(), ("entity", ENTITY)))
    out += [_heading("Text") + "  " + legend, *highlighted_text(art, cols)]

    out.append(_heading("Actors", len(art["actors"])))
    for a in art["actors"]:
        tags = " ".join(dict.fromkeys(x for x in (a["kind"], a["country"], a["code"]) if x))
        role = f" — {a['role']}" + (f", {a['organization']}" if a["organization"] else "") \
            if a["role"] else ""
        style = KIND_STYLE.get(a["kind"], OTHER_ACTOR)
        out.append(f"  {a['id']:>4} {click.style(a['name'], **style)} [{tags}]{role}"
                   f" · {len(a['mentions'])} mentions · actor #{a['base']}")
        seen = sorted({m["text"] for m in a["mentions"]} - {a["name"]})
        if seen:
            out.append("       as: " + _clip(", ".join(seen), cols - 11))

    out.append(_heading("Events", len(art["events"])))
    for e in art["events"]:
        flags = " ".join(x for x in ("NOT" if e["negated"] else "",
                                      e["modality"] if e["modality"] != "asserted" else "") if x)
        plover = "/".join(x for x in (e["plover_type"], e["plover_mode"], e["plover_context"]) if x)
        out.append(f"  {click.style(e['cameo'], bold=True):>4} {plover or '-'}  "
                   f"{e['source'] or '?'} ({e['source_code'] or '-'}) → "
                   f"{e['target'] or '?'} ({e['target_code'] or '-'})  “{e['trigger']}” {flags}")
        where = " · ".join(x for x in (e["date"] and f"date {e['date']}",
                                        e["place"] and f"place {e['place']}",
                                        f"conf {e['confidence']:.2f}", e["rule"]) if x)
        out.append(f"       {where}")
        out.append("       " + click.style(_clip(e["sentence"], cols - 7), dim=True))

    out.append(_heading("Quotes", len(art["quotes"])))
    for q in art["quotes"]:
        kind = "direct" if q["direct"] else "reported"
        out.append(f"  {q['speaker'] or '?'} ({kind}{', cue ' + repr(q['cue']) if q['cue'] else ''}):")
        content = q["content"].strip(" ,.\"'“”‘’")
        out.append(f"       “{_clip(content, cols - 9)}”")

    out.append(_heading("Times", len(art["times"])))
    out += [f"  {t['text']!r} → {t['value'] or '?'} ({t['type']}"
            f"{', ' + t['precision'] if t['precision'] else ''})" for t in art["times"]]
    out.append(_heading("Places", len(art["places"])))
    out += [f"  {p['text']!r} → {p['name']} ({p['feature']}, {p['country'] or '-'}"
            f"{', geonames ' + str(p['geonameid']) if p['geonameid'] else ''})" for p in art["places"]]
    return "\n".join(out)


def render_actor(actor: dict[str, Any]) -> str:
    cols = width()
    style = KIND_STYLE.get(actor["kind"], OTHER_ACTOR)
    out = [(f"#{actor['id']} {click.style(actor['name'], **style)} "
           f"[{' '.join(dict.fromkeys(x for x in (actor['kind'], actor['country'], actor['code']) if x))}]"),
           "aliases: " + _clip(", ".join(actor["aliases"]), cols - 9)]
    out.append(_heading("Roles over time", len(actor["roles"])))
    for r in actor["roles"]:
        org = f", {r['organization']}" if r["organization"] else ""
        out.append(f"  {r['first_seen'] or '?'} … {r['last_seen'] or '?'}  {r['role']}{org}"
                   f"{' (' + r['country'] + ')' if r['country'] else ''} · seen {r['count']}×")
    out.append(_heading("Articles", len(actor["articles"])))
    out += [f"  {a['date'] or '-':10} {a['id']}  {_clip(a['title'], cols - 40)}"
            f" · {a['mentions']} mentions" for a in actor["articles"][:50]]
    out.append(_heading("Events", len(actor["events"])))
    for e in actor["events"]:
        out.append(f"  {e['date'] or '-':10} {e['cameo']:>4} {e['plover_type'] or '-':10} "
                   f"{e['source'] or '?'} → {e['target'] or '?'}  “{e['trigger']}”  [{e['article']}]")
    return "\n".join(out)
