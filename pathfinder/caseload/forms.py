"""The administrator's upload form: which kind of file, whose ids, which team, and the file."""

from __future__ import annotations

from django import forms

from pathfinder.caseload.models import ImportFormat
from pathfinder.caseload.reading import max_file_size
from pathfinder.core.forms import GOVUKForm


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:,.0f} MB"


class CaseloadUploadForm(GOVUKForm):
    error_names = {"format": "what kind of file it is", "file": "the file"}

    format = forms.ChoiceField(
        label="What kind of file is it?", choices=ImportFormat.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of file it is"},
    )
    source_system = forms.CharField(
        label="Which system do the records come from?", max_length=60,
        help_text="For example the name of your old case management system. Importing again from the same system "
                  "updates the records instead of adding them twice",
        error_messages={"required": "Enter the system the records come from"},
    )
    team_name = forms.CharField(
        label="Team for children whose row names no team", max_length=120, required=False,
        help_text="Needed for an SEN2 return, which does not say which team works with each child. A new team is "
                  "made if there is none with this name",
    )
    file = forms.FileField(label="Upload the file", error_messages={"required": "Select the file to upload"})

    def __init__(self, *args, refused_files=frozenset(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.refused_files = set(refused_files)
        self.fields["file"].help_text = (
            "The SEN2 return as XML, or the caseload template's CSV files in one ZIP (or children.csv alone), "
            f"up to {_megabytes(max_file_size())}"
        )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("format") == ImportFormat.SEN2 and not (data.get("team_name") or "").strip():
            self.add_error("team_name", "Enter the team for the children in this SEN2 return: the return does not "
                                        "say which team works with each child")
        return data

    def clean_file(self):
        if "file" in self.refused_files:
            raise forms.ValidationError("The file is too big to upload here: import it with the import_caseload "
                                        "command instead (see the guide to migrating in)")
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > max_file_size():
            raise forms.ValidationError(f"The file must be smaller than {_megabytes(max_file_size())}")
        if upload is not None and not upload.name.lower().endswith((".xml", ".zip", ".csv")):
            raise forms.ValidationError("The file must be an SEN2 XML file, a ZIP of CSV files or a CSV file")
        return upload
