"""Import PETRARCH/TABARI actor and agent dictionaries into Dateline's dictionary folder.

Actor dictionaries: an entry line ``PHRASE [CODE]`` (words joined by ``_`` or spaces, a
trailing ``_`` meaning "this exact word"), ``+SYNONYM`` lines, and code lines, indented or
not, with date bounds: ``[HOB <950601]`` (before), ``[HOBGOV 19950601-19990815]`` (between,
inclusive), ``[HOBREB >990816]`` (after); six-digit dates are YYMMDD (years < 30 are 20xx).
``#`` starts a comment, ``<!-- ... -->`` lines are comments, ``---`` codes mean "no actor".

Agent dictionaries: ``PHRASE {PLURAL} [~CODE]``, ``{}`` for no plural; ``~COP`` puts the
code after the country (IRQCOP), ``NGO~`` before; macros ``!NAME! = A, B`` expand inside
phrases (``!MINST!_OF_SILLY_WALKS``).

Output: ``actors-<name>.tsv`` / ``agents-<name>.tsv`` in ``dict_dir``, read by the actors
stage (``actor_kb.load_imported``). Verb dictionaries go to the events engineer's
``petrarch_verbs.import_verbs``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import InputError

_CODE = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_PLURAL = re.compile(r"\{([^}]*)\}")
_NO_ACTOR = {"---", "###", "+++", ""}


@dataclass
class _Entry:
    phrases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)  # code, start, end


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _phrase(raw: str) -> str:
    words = raw.strip().replace("_", " ").split()
    return " ".join(words).lower()


def _date(value: str) -> dt.date:
    value = value.strip()
    if len(value) == 6:
        year = int(value[:2])
        value = f"{2000 + year if year < 30 else 1900 + year}{value[2:]}"
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError as exc:
        raise ValueError(f"bad date {value!r}") from exc


def _code_block(block: str) -> tuple[str, str, str] | None:
    """'HOBGOV 19950601 - 19990815' -> (code, start, end) with ISO dates or ''."""
    block = block.strip()
    m = re.match(r"^([A-Za-z0-9/~-]*)\s*(.*)$", block)
    if m is None:
        return None
    code, bound = m.group(1).split("/")[0].upper(), m.group(2).replace(" ", "")
    if code in _NO_ACTOR or not re.fullmatch(r"[A-Z0-9]+", code):
        return None
    start = end = ""
    if bound.startswith("<"):
        end = (_date(bound[1:]) - dt.timedelta(days=1)).isoformat()
    elif bound.startswith(">"):
        start = (_date(bound[1:]) + dt.timedelta(days=1)).isoformat()
    elif "-" in bound:
        a, b = bound.split("-", 1)
        start, end = _date(a).isoformat(), _date(b).isoformat()
    elif bound:
        return None
    return code, start, end


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read dictionary {path}: {exc}") from None
    out = []
    in_comment = False
    for line in text.splitlines():
        stripped = line.strip()
        if in_comment:
            if "-->" in stripped:
                in_comment = False
            continue
        if stripped.startswith("<!"):
            in_comment = "-->" not in stripped and stripped.startswith("<!--") \
                and not stripped.endswith("-->")
            continue
        out.append(line)
    return out


def parse_actors(path: Path) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    for raw in _lines(path):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+") and current is not None:
            current.phrases.append(_phrase(stripped[1:]))
            continue
        if stripped.startswith("["):
            if current is not None:
                for block in _CODE.findall(stripped):
                    parsed = _code_block(block)
                    if parsed:
                        current.codes.append(parsed)
            continue
        head = _CODE.split(stripped, maxsplit=1)[0]
        current = _Entry(phrases=[_phrase(head)])
        entries.append(current)
        for block in _CODE.findall(stripped):
            parsed = _code_block(block)
            if parsed:
                current.codes.append(parsed)
    return [e for e in entries if e.phrases and e.phrases[0] and e.codes]


def parse_agents(path: Path) -> list[tuple[str, str, tuple[str, ...], str]]:
    """(phrase, plural, sectors, position) rows."""
    macros: dict[str, list[str]] = {}
    rows: list[tuple[str, str, tuple[str, ...], str]] = []
    for raw in _lines(path):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        m = _MACRO.match(line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        code = codes[0].replace(" ", "").upper()
        position = "prefix" if code.endswith("~") and not code.startswith("~") else "suffix"
        letters = code.strip("~")
        sectors = tuple(letters[i:i + 3] for i in range(0, len(letters), 3) if letters[i:i + 3])
        head = _CODE.split(line, maxsplit=1)[0]
        plural_m = _PLURAL.search(head)
        plural = "" if plural_m is None else (_phrase(plural_m.group(1)) or "-")
        phrase_raw = _PLURAL.sub("", head).strip()
        for expanded in _expand(phrase_raw, macros):
            rows.append((_phrase(expanded), plural, sectors, position))
    return rows


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z0-9_]+!", phrase)
    if m is None or m.group() not in macros:
        return [phrase]
    out = []
    for word in macros[m.group()]:
        out += _expand(phrase[:m.start()] + word + phrase[m.end():], macros)
    return out


def _name(path: Path) -> str:
    return re.sub(r"[^A-Za-z0-9.-]+", "-", path.stem).strip("-") or "dict"


def import_actors(path: str | Path, dict_dir: str | Path) -> int:
    """Convert a PETRARCH actor dictionary; returns the number of actors written."""
    path, out_dir = Path(path), Path(dict_dir)
    entries = parse_actors(path)
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / f"actors-{_name(path)}.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# converted from PETRARCH actors: " + path.name + "\n")
        fh.write("entry\tname\tphrase\tcode\tstart\tend\n")
        for n, e in enumerate(entries, 1):
            name = e.phrases[0].title()
            for p in dict.fromkeys(e.phrases):
                fh.write(f"{n}\t{name}\t{p}\t\t\t\n")
            for code, start, end in e.codes:
                fh.write(f"{n}\t{name}\t\t{code}\t{start}\t{end}\n")
    return len(entries)


def import_agents(path: str | Path, dict_dir: str | Path) -> int:
    """Convert a PETRARCH agent dictionary; returns the number of agent phrases written."""
    path, out_dir = Path(path), Path(dict_dir)
    rows = parse_agents(path)
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / f"agents-{_name(path)}.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# converted from PETRARCH agents: " + path.name + "\n")
        fh.write("phrase\tplural\tsectors\tposition\n")
        for phrase, plural, sectors, position in rows:
            fh.write(f"{phrase}\t{plural}\t{'|'.join(sectors)}\t{position}\n")
    return len(rows)


def import_file(path: str | Path, fmt: str, dict_dir: str | Path) -> int:
    if fmt == "petrarch-actors":
        return import_actors(path, dict_dir)
    if fmt == "petrarch-agents":
        return import_agents(path, dict_dir)
    if fmt == "petrarch-verbs":
        from dateline.knowledge.petrarch_verbs import import_verbs  # the events engineer's

        return import_verbs(path, dict_dir)
    raise InputError(f"unknown dictionary format {fmt!r}; use petrarch-actors, "
                     "petrarch-agents or petrarch-verbs")


def sniff_format(path: Path) -> str | None:
    name = path.name.lower()
    for kind in ("actors", "agents", "verbs"):
        if kind[:-1] in name:
            return f"petrarch-{kind}"
    return None


def import_dictionaries(folder: str | Path, dict_dir: str | Path) -> dict[str, int]:
    """Import every PETRARCH actor/agent/verb file of ``folder`` (kind from the file name)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"not a folder: {folder}")
    done: dict[str, int] = {}
    for path in sorted(folder.iterdir()):
        fmt = sniff_format(path) if path.is_file() else None
        if fmt is not None:
            done[path.name] = import_file(path, fmt, dict_dir)
    return done
