"""A form field for a file about a child, checked by what the file is (its content) and how big it is.

Why one mixin: every form that takes a document (advice, the signed direct payment agreement, the child's own
pictures and recordings, ...) must explain a wrong or too-big file beside the field, in the GOV.UK wording, and
keep everything else that was typed. The check is `documents.services.upload_check`; the service that stores
the file calls `documents.services.document_receive`. A domain's form says which field and which kinds:

    class AdviceReceivedForm(CheckedFileForm, GOVUKForm):
        checked_file_kinds = ADVICE_KINDS
        document = forms.FileField(label="The advice document", required=False)

The view passes ``refused_files`` (`documents.uploads.upload_refusals(request)`): the fields whose file the
upload handler dropped for being too big before the form saw it.
"""

from __future__ import annotations

from django import forms

from pathfinder.documents.kinds import ALL_KINDS, type_message
from pathfinder.documents.services import upload_check
from pathfinder.documents.uploads import max_upload_text, size_message


def allowed_files_text(kinds) -> str:
    """The hint under a file field, e.g. "A PDF, Word document or image, up to 50MB"."""
    what = type_message(kinds).removeprefix("The selected file must be ")
    return f"{what[0].upper()}{what[1:]}, up to {max_upload_text()}"


class CheckedFileForm:
    """Mixin (put it before the form class): the field named ``checked_file_field`` is checked by content and
    size, and its hint says what it takes (``checked_file_hint`` goes before that)."""

    checked_file_field = "document"
    checked_file_kinds = ALL_KINDS
    checked_file_hint = ""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cleaner = f"clean_{cls.checked_file_field}"
        if not hasattr(cls, cleaner):
            setattr(cls, cleaner, cls._clean_checked_file)

    def __init__(self, *args, refused_files=frozenset(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.refused_files = set(refused_files)
        field = self.fields[self.checked_file_field]
        field.help_text = f"{self.checked_file_hint}{allowed_files_text(self.checked_file_kinds)}"

    def _clean_checked_file(self):
        name = self.checked_file_field
        if name in self.refused_files:
            raise forms.ValidationError(size_message())
        upload = self.cleaned_data.get(name)
        if upload:
            check = upload_check(upload, self.checked_file_kinds)
            if check.problem:
                raise forms.ValidationError(check.problem)
        return upload
