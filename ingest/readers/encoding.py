"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), GB18030/GBK, Big5 (Hong Kong and Taiwan);
anything else is an error.

The order matters. UTF-8 is tried before GB18030 because GB18030 accepts most byte soup (it would turn a UTF-8
file with one bad byte into plausible-looking mojibake); a file that is clearly UTF-8 up to a bad byte is reported
at that byte instead of being re-read as GB18030.
"""

from __future__ import annotations

import codecs

from kg.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: UTF-8 multi-byte characters decoded before the first bad byte that make the file UTF-8 beyond doubt
_UTF8_EVIDENCE = 3
_SNIFF = 4096
#: the share of double-byte characters whose second byte is ASCII-range (0x40-0x7E) above which a legacy Chinese file
#: is Big5: about 45% in Big5 text, 16% in traditional text encoded as GBK, near 0 in simplified GBK (GB2312's
#: characters all have second bytes from 0xA1)
_BIG5_LOW_TRAILS = 0.3


def decode_bytes(data: bytes, file: str) -> str:
    """Decode a file's bytes; raise :class:`kg.errors.DecodeError` naming the file and the first bad byte's offset."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, file, skip=len(bom))
    utf16 = _utf16_by_nuls(data[:_SNIFF])
    if utf16:
        return _strict(data, utf16, file, skip=0)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DecodeError("binary data, not text", file=file, offset=nul)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _not_utf8(data, exc, file)
    return _check_controls(text, data, file)


def _strict(data: bytes, encoding: str, file: str, skip: int) -> str:
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        what = "truncated" if exc.end >= len(data) - skip else "undecodable"
        raise DecodeError(f"{what} {encoding} text", file=file, offset=skip + exc.start, encoding=encoding) from exc
    return _check_controls(text, data, file)


def _utf16_by_nuls(head: bytes) -> str | None:
    """UTF-16 without BOM: the high byte of every ASCII character (spaces, digits, line ends) is NUL.

    Mostly-Latin text shows NULs at every other position; Chinese text shows fewer, but all on one side. Binary data
    has NULs on both sides, or decodes to control characters.
    """
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even_nuls = sum(1 for i in range(0, pairs * 2, 2) if head[i] == 0)
    odd_nuls = sum(1 for i in range(1, pairs * 2, 2) if head[i] == 0)
    if odd_nuls >= 0.6 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.6 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    if (odd_nuls >= 2 and even_nuls == 0) or (even_nuls >= 2 and odd_nuls == 0):
        encoding = "utf-16-le" if odd_nuls else "utf-16-be"
        try:
            sample = head[: pairs * 2].decode(encoding)
        except UnicodeDecodeError:
            return None
        printable = sum(1 for ch in sample if ch.isprintable() or ch in "\t\n\r")
        if printable >= 0.98 * len(sample):
            return encoding
    return None


def _not_utf8(data: bytes, exc: UnicodeDecodeError, file: str) -> str:
    prefix = data[: exc.start].decode("utf-8")
    multibyte = sum(1 for ch in prefix if ord(ch) > 0x7F)
    if exc.reason == "unexpected end of data" and exc.end >= len(data):
        raise DecodeError(
            "truncated UTF-8 text: the file ends inside a character", file=file, offset=exc.start
        ) from exc
    if multibyte >= _UTF8_EVIDENCE:
        raise DecodeError("undecodable byte in UTF-8 text", file=file, offset=exc.start) from exc
    if _low_trail_share(data) >= _BIG5_LOW_TRAILS:
        try:
            return _check_controls(data.decode("big5hkscs"), data, file)
        except UnicodeDecodeError:
            pass  # no Big5 after all: GB18030 below names the bad byte
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as gb_exc:
        raise DecodeError(
            "undecodable bytes: neither UTF-8, UTF-16, GB18030 nor Big5", file=file, offset=min(exc.start, gb_exc.start)
        ) from gb_exc
    return _check_controls(text, data, file)


def _low_trail_share(data: bytes) -> float:
    """Of the double-byte characters in ``data`` (read as a legacy Chinese encoding), the share whose second byte is
    in 0x40-0x7E."""
    pairs = low = 0
    i, end = 0, min(len(data), 64 * _SNIFF) - 1
    while i < end:
        if data[i] < 0x80:
            i += 1
            continue
        pairs += 1
        low += 0x40 <= data[i + 1] <= 0x7E
        i += 2
    return low / pairs if pairs else 0.0


def _check_controls(text: str, data: bytes, file: str) -> str:
    """Text full of control characters is binary data that happened to decode."""
    controls = [i for i, ch in enumerate(text[:_SNIFF]) if ord(ch) < 0x20 and ch not in "\t\n\r\f\v"]
    if len(controls) > max(2, len(text[:_SNIFF]) // 100):
        first = text[controls[0]]
        raise DecodeError("binary data, not text", file=file, offset=max(0, data.find(first.encode("ascii"))))
    return text
