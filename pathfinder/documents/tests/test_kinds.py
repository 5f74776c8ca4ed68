"""Each kind Pathfinder accepts is recognised from its content; programs, scripts and pages are refused whatever
they are called (documents.kinds, documents.services.upload_check)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pathfinder.documents import kinds
from pathfinder.documents.kinds import ALL_KINDS, AUDIO_KINDS, IMAGE_KINDS, WRITTEN_KINDS, kind_of, type_message
from pathfinder.documents.services import upload_check
from pathfinder.documents.tests import samples

ALL_MESSAGE = "The selected file must be a PDF, Word document, image or audio file"


@pytest.mark.parametrize("name, content, kind", [
    ("report.pdf", samples.pdf(), "pdf"),
    ("report.docx", samples.docx(), "docx"),
    ("old report.doc", samples.ole2(word=True), "doc"),
    ("report.ODT", samples.odt(), "odt"),
    ("photo.jpg", samples.jpg(), "jpg"),
    ("drawing.png", samples.png(), "png"),
    ("wave.gif", samples.gif(), "gif"),
    ("picture.webp", samples.riff(b"WEBP"), "webp"),
    ("IMG_0001.HEIC", samples.iso_media(b"heic", b"mif1", b"heic"), "heic"),
    ("iphone.heic", samples.iso_media(b"mif1", b"heic"), "heic"),
    ("song.mp3", samples.mp3_id3(), "mp3"),
    ("raw.mp3", samples.mp3_frame(), "mp3"),
    ("memo.m4a", samples.iso_media(b"M4A ", b"M4A ", b"mp42", b"isom"), "m4a"),
    ("voice.wav", samples.riff(b"WAVE"), "wav"),
    ("voice.ogg", samples.ogg(), "ogg"),
])
def test_each_kind_is_recognised_from_its_content(name, content, kind):
    upload = SimpleUploadedFile(name, content)
    assert kind_of(upload) == kind
    assert upload.tell() == 0  # left ready to be stored
    assert upload_check(upload) == upload_check(SimpleUploadedFile("no-extension", content))  # the name is ignored


@pytest.mark.parametrize("content", [samples.pdf(), samples.png(), samples.riff(b"WAVE")])
def test_the_name_does_not_matter_only_the_content(content):
    assert upload_check(SimpleUploadedFile("misleading.exe", content)).kind == kind_of(SimpleUploadedFile("x", content))


@pytest.mark.parametrize("name, content", [
    ("report.pdf", samples.MZ_PROGRAM),          # a Windows program renamed .pdf
    ("photo.jpg", samples.ELF_PROGRAM),          # a Linux program renamed .jpg
    ("eicar.com", samples.EICAR),                # the EICAR test file
    ("eicar.pdf", samples.EICAR),                # ... renamed
    ("report.docx", samples.zip_of_a_program()),  # a zip, but not a Word document
    ("setup.doc", samples.ole2(word=False)),     # an OLE2 file (an installer or spreadsheet), not Word
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),  # the OLE2 magic alone
    ("run.sh", samples.SHELL_SCRIPT),
    ("page.html", samples.HTML_PAGE),
    ("notes.txt", b"plain text"),
    ("video.mp4", samples.iso_media(b"isom", b"isom", b"avc1")),  # a video is not a recording we accept
    ("aac.mp3", b"\xff\xf1\x50\x80" + b"\x00" * 32),  # ADTS AAC, not MPEG layer III
])
def test_anything_else_is_refused_by_its_content(name, content):
    check = upload_check(SimpleUploadedFile(name, content))
    assert check.kind == "" and check.problem == ALL_MESSAGE


def test_a_renamed_executable_is_refused_even_where_only_pdfs_are_accepted():
    check = upload_check(SimpleUploadedFile("plan.pdf", samples.MZ_PROGRAM), {"pdf"})
    assert check.problem == "The selected file must be a PDF"


def test_a_real_file_of_a_kind_this_place_does_not_take_is_refused():
    check = upload_check(SimpleUploadedFile("voice.ogg", samples.ogg()), WRITTEN_KINDS)
    assert check.problem == "The selected file must be a PDF or Word document"


def test_an_empty_file_is_refused():
    assert upload_check(SimpleUploadedFile("empty.pdf", b"")).problem == "The selected file is empty"


def test_the_stated_size_is_enforced(settings):
    settings.FILE_UPLOAD_MAX_SIZE = 1024
    assert upload_check(SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * 1019)).kind == "pdf"
    assert upload_check(SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * 1020)).problem == \
        "The selected file must be smaller than 1KB"


def test_the_default_limit_is_50mb(settings):
    assert settings.FILE_UPLOAD_MAX_SIZE == 50 * 1024 * 1024
    big = SimpleUploadedFile("big.pdf", b"%PDF-")
    big.size = 50 * 1024 * 1024 + 1  # the size Django reports; no need to hold 50MB in memory
    assert upload_check(big).problem == "The selected file must be smaller than 50MB"


@pytest.mark.parametrize("allowed, message", [
    (ALL_KINDS, ALL_MESSAGE),
    ({"pdf"}, "The selected file must be a PDF"),
    (IMAGE_KINDS, "The selected file must be an image"),
    (AUDIO_KINDS, "The selected file must be an audio file"),
    (WRITTEN_KINDS | IMAGE_KINDS, "The selected file must be a PDF, Word document or image"),
])
def test_the_message_names_what_the_field_takes(allowed, message):
    assert type_message(allowed) == message


def test_every_kind_has_a_content_type_and_a_label():
    for kind in kinds.KINDS.values():
        assert "/" in kind.content_type and kind.label and kind.extension
