"""documents.forms.CheckedFileForm: a wrong or too-big file is explained beside its field, the rest is kept."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from pathfinder.core.forms import GOVUKForm
from pathfinder.documents.forms import CheckedFileForm
from pathfinder.documents.kinds import KINDS
from pathfinder.documents.tests.samples import MZ_PROGRAM, docx

WORD = frozenset(k for k, v in KINDS.items() if v.group == "word")


class LetterForm(CheckedFileForm, GOVUKForm):
    checked_file_field = "letter"
    checked_file_kinds = WORD
    checked_file_hint = "The signed copy. "

    note = forms.CharField(required=False)
    letter = forms.FileField(required=False)


def test_the_hint_says_what_the_field_takes_and_how_big():
    assert LetterForm().fields["letter"].help_text.startswith("The signed copy. A Word document, up to ")


def test_a_file_of_the_wrong_kind_is_refused_beside_its_field_and_the_rest_kept():
    form = LetterForm(data={"note": "Kept"}, files={"letter": SimpleUploadedFile("letter.docx", MZ_PROGRAM)})
    assert not form.is_valid()
    assert list(form.errors) == ["letter"]
    assert form["note"].value() == "Kept"


def test_a_file_the_upload_handler_dropped_is_explained_as_too_big():
    form = LetterForm(data={"note": "Kept"}, refused_files={"letter"})
    assert not form.is_valid()
    assert form.errors["letter"] == [f"The selected file must be smaller than {form.fields['letter'].help_text.rsplit('up to ', 1)[1]}"]


def test_a_right_file_passes():
    form = LetterForm(data={}, files={"letter": SimpleUploadedFile("letter.docx", docx())})
    assert form.is_valid(), form.errors
