"""Bytes to text: refuse binary files, honour a declared encoding, then try the common ones.

Scraped news arrives in every encoding. We try, in order: a byte-order mark, the encoding the file
declares (HTML meta charset, XML declaration, HTTP header), UTF-8, and then charset-normalizer's best
guess, accepted only when it reads as coherent text. Latin-1 is never used as a silent catch-all, because
it "decodes" any byte string, including a binary one, into garbage.

Two kinds of damage that scraped files often carry are repaired rather than refused: a few stray NUL
bytes in otherwise plain text (dropped), and a UTF-8 file with some Windows-1252 bytes pasted in (each
such byte read as Windows-1252, the rest as UTF-8).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BINARY_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}
_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13, 27}
_MAX_NUL_SHARE = 0.01
"""Text with more NUL bytes than this share is binary (or UTF-16 without a byte-order mark)."""
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_MAX_STRAY_SHARE = 0.02
"""A UTF-8 file may hold at most this share of bytes that are not UTF-8 to be read as mixed UTF-8/1252."""


class NotText(ValueError):
    """The bytes are not text in any encoding we accept; the message says why."""


def binary_kind(data: bytes) -> str | None:
    """A description of the binary format when `data` is not text, else None."""
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    head = data[:8192]
    if head.count(b"\x00") > _MAX_NUL_SHARE * len(head) and not _utf16_bom(head):
        return "binary data (it contains NUL bytes)"
    if head and sum(byte in _CONTROL for byte in head) / len(head) > 0.05:
        return "binary data (too many control characters)"
    return None


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML or XML document names for itself in its first few kilobytes."""
    match = _DECLARED.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). Raises NotText when no encoding gives readable text."""
    kind = binary_kind(data)
    if kind:
        raise NotText(f"not a text file: looks like {kind}")
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name), name
    data = data.replace(b"\x00", b"")
    tried = []
    for name in (declared or declared_encoding(data), "utf-8"):
        if not name or name in tried:
            continue
        tried.append(name)
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            continue
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed, "utf-8+windows-1252"
    guess = from_bytes(data[:200_000]).best()
    if guess is not None and guess.encoding and guess.chaos < 0.2:
        try:
            return data.decode(guess.encoding), guess.encoding
        except (LookupError, UnicodeDecodeError):
            tried.append(guess.encoding)
    raise NotText(f"not valid text in {', '.join(tried)} or any common encoding")


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 with a few Windows-1252 bytes pasted in, decoded each in its own encoding; None when the
    bytes are not mostly UTF-8 (then they are some other single-byte encoding, which is the guesser's job)."""
    if not _UTF8_MULTIBYTE.search(data):
        return None
    stray = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    if stray > _MAX_STRAY_SHARE * len(data):
        return None
    return data.decode("utf-8", errors=_WINDOWS_1252_FALLBACK)


def _windows_1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 could not decode, read as Windows-1252 (Latin-1 for the five
    bytes 1252 leaves undefined)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_byte_1252(byte) for byte in bad), error.end


def _byte_1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_WINDOWS_1252_FALLBACK = "newsgraph-windows-1252"
codecs.register_error(_WINDOWS_1252_FALLBACK, _windows_1252)


def _utf16_bom(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
