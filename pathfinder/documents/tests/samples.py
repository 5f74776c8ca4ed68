"""Small real files of each kind, built in the test (no binary fixtures in the repository), and things that
must be refused. The EICAR test string is put together from pieces so that this file is not itself flagged."""

from __future__ import annotations

import io
import struct
import zipfile

EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-" + b"ANTIVIRUS-TEST-FILE!" + b"$H+H*"
MZ_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"This program cannot be run in DOS mode"
ELF_PROGRAM = b"\x7fELF\x02\x01\x01" + b"\x00" * 57
SHELL_SCRIPT = b"#!/bin/sh\nrm -rf /\n"
HTML_PAGE = b"<!doctype html><script>alert(1)</script>"


def docx(padding: int = 0) -> bytes:
    """A minimal Word document; ``padding`` adds a stored picture of that many bytes (a big real document)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        if padding:
            z.writestr("word/media/image1.png", b"\0" * padding)
        z.writestr("[Content_Types].xml", '<Types><Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def zip_of_a_program() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("setup.exe", MZ_PROGRAM)
    return out.getvalue()


def ole2(*, word: bool) -> bytes:
    """An OLE2 compound file header and a directory sector naming its first stream: a Word 97-2003 document has
    a "WordDocument" stream; an installer (.msi) or a spreadsheet does not."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    name = ("WordDocument" if word else "Workbook").encode("utf-16-le") + b"\x00\x00"
    return header + name.ljust(64, b"\x00") + b"\x00" * 448


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0) + b"\0" * 4


def jpg() -> bytes:
    return b"\xff\xd8\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\xff\xd9"


def gif() -> bytes:
    return b"GIF89a" + struct.pack("<HH", 1, 1) + b"\x80\x00\x00" + b"\x00" * 6 + b";"


def riff(form: bytes) -> bytes:
    return b"RIFF" + struct.pack("<I", 36) + form + b"\x00" * 32


def iso_media(major: bytes, *compatible: bytes) -> bytes:
    body = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return struct.pack(">I", 8 + len(body)) + b"ftyp" + body + b"\x00" * 16


def mp3_id3() -> bytes:
    return b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 32


def mp3_frame() -> bytes:
    return b"\xff\xfb\x90\x64" + b"\x00" * 32


def ogg() -> bytes:
    return b"OggS\x00\x02" + b"\x00" * 20 + b"\x01vorbis"


def pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
