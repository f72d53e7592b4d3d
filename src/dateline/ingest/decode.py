"""Bytes to text: UTF-8 first, a clean Windows-1252 fallback, binary files refused.

Decision (documented in the ingest package docstring): news archives are often saved in
Windows-1252/Latin-1. Bytes that are not valid UTF-8 are decoded as cp1252 only when that
decoding is clean (no undefined byte, no control characters, few non-ASCII characters), which
is what real Western-European text looks like; anything else is refused with the offending
byte and its offset so the user can re-save the file as UTF-8.
"""

from __future__ import annotations

import re

# Leading bytes of common binary formats that are never articles.
_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF", b"PK\x03\x04", b"\x1f\x8b",
    b"\x7fELF", b"SQLite format 3",
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ASCII = bytes(range(128))
_MAX_NON_ASCII_SHARE = 0.2  # above this, a "cp1252" decoding is probably not text


class DecodeError(ValueError):
    """The bytes are not usable text; the message says why and what to do."""


def is_binary(data: bytes) -> bool:
    """True for data with a NUL byte (and no UTF-16 byte-order mark) or a binary magic number."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return data.startswith(_MAGIC) or b"\x00" in data


def decode_bytes(data: bytes) -> str:
    """Decode file (or line) bytes; raise DecodeError with a user-actionable reason."""
    if is_binary(data):
        raise DecodeError("binary file, not an article")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(_not_utf8(data, exc, codec)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _cp1252(data)
        if text is None:
            raise DecodeError(_not_utf8(data, exc, "utf-8")) from None
        return text


def _cp1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text):
        return None
    non_ascii = len(data.translate(None, _ASCII))
    if non_ascii > _MAX_NON_ASCII_SHARE * max(1, len(data)):
        return None
    return text


def _not_utf8(data: bytes, exc: UnicodeDecodeError, codec: str) -> str:
    name = "UTF-16" if codec == "utf-16" else "UTF-8"
    byte = data[exc.start] if exc.start < len(data) else 0
    return f"not {name} text (byte 0x{byte:02x} at offset {exc.start}); re-save as UTF-8"
