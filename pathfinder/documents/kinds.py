"""What a file really is, read from its first bytes: never from its name or the browser's word for it.

Why content, not the name: a Windows program renamed ``report.pdf``, a script, or the EICAR test file named
``.jpg`` passes a check by extension. Each kind here is recognised by the structure its format starts with
(a PDF's ``%PDF-``, a PNG's signature, a Word document's inner parts), and anything else is refused. This is not
virus scanning (``documents.clamav`` does that); it keeps out everything that is not a document, image or
recording a family or professional would send.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_STREAM = "WordDocument".encode("utf-16-le")  # the stream every Word 97-2003 file has (an .msi has none)
HEAD_BYTES = 64 * 1024
HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1"}
M4A_BRANDS = {b"M4A ", b"M4B "}


@dataclass(frozen=True)
class Kind:
    """A kind of file Pathfinder accepts: its code, the extension it is saved and downloaded with, its content
    type, how a page names it, and the group the "must be a ..." message uses."""

    code: str
    extension: str
    content_type: str
    label: str
    group: str


KINDS: dict[str, Kind] = {k.code: k for k in (
    Kind("pdf", "pdf", "application/pdf", "PDF", "pdf"),
    Kind("docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "Word document", "word"),
    Kind("doc", "doc", "application/msword", "Word document (97-2003)", "word"),
    Kind("odt", "odt", "application/vnd.oasis.opendocument.text", "OpenDocument text", "word"),
    Kind("jpg", "jpg", "image/jpeg", "JPEG image", "image"),
    Kind("png", "png", "image/png", "PNG image", "image"),
    Kind("gif", "gif", "image/gif", "GIF image", "image"),
    Kind("webp", "webp", "image/webp", "WebP image", "image"),
    Kind("heic", "heic", "image/heic", "HEIC image (iPhone photo)", "image"),
    Kind("mp3", "mp3", "audio/mpeg", "MP3 audio", "audio"),
    Kind("m4a", "m4a", "audio/mp4", "M4A audio", "audio"),
    Kind("wav", "wav", "audio/wav", "WAV audio", "audio"),
    Kind("ogg", "ogg", "audio/ogg", "Ogg audio", "audio"),
)}
ALL_KINDS = frozenset(KINDS)
WRITTEN_KINDS = frozenset({"pdf", "docx", "doc", "odt"})
IMAGE_KINDS = frozenset(k for k, v in KINDS.items() if v.group == "image")
AUDIO_KINDS = frozenset(k for k, v in KINDS.items() if v.group == "audio")
GROUP_WORDS = (("pdf", "a PDF"), ("word", "Word document"), ("image", "image"), ("audio", "audio file"))


def type_message(allowed_kinds) -> str:
    """The GOV.UK file upload error for a file of the wrong type, naming what this field accepts, e.g.
    "The selected file must be a PDF, Word document, image or audio file"."""
    groups = {KINDS[k].group for k in allowed_kinds}
    words = [word for group, word in GROUP_WORDS if group in groups]
    if words and words[0] != "a PDF":
        words[0] = ("an " if words[0][0] in "aeiou" else "a ") + words[0]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    return f"The selected file must be {listed}"


def _zip_kind(upload) -> str:
    """A Word (.docx) or OpenDocument (.odt) file is a zip whose inner parts say so. Read in place (a zip's
    directory is at its end), never loaded whole into memory."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype" and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                if DOCX_MAIN in archive.read("[Content_Types].xml"):
                    return "docx"
    except (zipfile.BadZipFile, KeyError, RuntimeError, ValueError, OSError, NotImplementedError, EOFError):
        return ""
    return ""


def _has_word_stream(upload) -> bool:
    """Whether an OLE2 file names a "WordDocument" stream, read in chunks that overlap by the name's length."""
    upload.seek(0)
    tail = b""
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        if WORD_STREAM in tail + chunk:
            return True
        tail = chunk[-len(WORD_STREAM):]
    return False


def _is_mp3(head: bytes) -> bool:
    if head.startswith(b"ID3"):
        return True
    # An MPEG audio frame header: 11 sync bits, then version (not "reserved") and layer III.
    return len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and (head[1] & 0x18) != 0x08 \
        and (head[1] & 0x06) == 0x02


def _iso_media_kind(head: bytes) -> str:
    """HEIC photos and M4A recordings are ISO media files: a box ``ftyp`` with a brand says which."""
    if head[4:8] != b"ftyp":
        return ""
    size = int.from_bytes(head[0:4], "big")
    brands = {head[8:12]} | {head[i:i + 4] for i in range(16, min(size, len(head), 256), 4)}
    if head[8:12] in HEIC_BRANDS or (head[8:12] not in M4A_BRANDS and brands & {b"heic", b"heix"}):
        return "heic"
    if brands & M4A_BRANDS:
        return "m4a"
    return ""


def kind_of(upload) -> str:
    """The kind code (see KINDS) the file's content shows, or "" if it is none Pathfinder accepts."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    kind = ""
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(upload)
    elif head.startswith(OLE2_MAGIC):
        kind = "doc" if _has_word_stream(upload) else ""
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpg"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head[:6] in (b"GIF87a", b"GIF89a"):
        kind = "gif"
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = "webp"
    elif head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        kind = "wav"
    elif head.startswith(b"OggS"):
        kind = "ogg"
    elif _is_mp3(head):
        kind = "mp3"
    else:
        kind = _iso_media_kind(head)
    upload.seek(0)
    return kind
