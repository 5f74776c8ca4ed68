"""Just enough PDF reading for tests (no PDF library is installed): inflate streams and decode shown text."""

from __future__ import annotations

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)(\r?)\nendstream", re.S)
_BFCHAR = re.compile(rb"beginbfchar\s*(.*?)\s*endbfchar", re.S)
_PAIR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
_TJ = re.compile(rb"\[(.*?)\]\s*TJ", re.S)
_HEX = re.compile(rb"<([0-9a-fA-F]+)>")


def inflated_streams(pdf: bytes) -> list[bytes]:
    out = []
    for match in _STREAM.finditer(pdf):
        data, carriage_return = match.group(1), match.group(2)
        # Compressed bytes can end in 0x0D, which the pattern would take for the "\r" of an end-of-line:
        # try the stream with it put back too (a test once failed only for PDFs whose bytes ended so).
        for candidate in (data, data + carriage_return) if carriage_return else (data,):
            try:
                out.append(zlib.decompress(candidate))
                break
            except zlib.error:
                continue
        else:
            out.append(data)
    return out


def contains(pdf: bytes, marker: bytes) -> bool:
    """The marker in the file itself or in any of its (compressed) streams, object streams included."""
    return marker in pdf or any(marker in s for s in inflated_streams(pdf))


def shown_text(pdf: bytes) -> list[str]:
    """The page text, decoded once with each font's ToUnicode map (one of them is the right one per run)."""
    streams = inflated_streams(pdf)
    maps = []
    for s in streams:
        for block in _BFCHAR.findall(s):
            maps.append({int(a, 16): chr(int(b, 16)) for a, b in _PAIR.findall(block)})
    runs = [tj for s in streams for tj in _TJ.findall(s)]
    texts = []
    for cmap in maps:
        decoded = []
        for run in runs:
            chars = []
            for hexes in _HEX.findall(run):
                chars.extend(cmap.get(int(hexes[i:i + 4], 16), "\ufffd") for i in range(0, len(hexes), 4))
            decoded.append("".join(chars))
        texts.append(" ".join(decoded))
    return texts
