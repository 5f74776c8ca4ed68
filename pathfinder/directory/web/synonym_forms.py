"""The form for one entry of the council's list of search words (synonyms, abbreviations, everyday phrases)."""

from __future__ import annotations

from django import forms

from pathfinder.core.forms import GOVUKForm
from pathfinder.directory.models import SynonymKind


class SearchSynonymForm(GOVUKForm):
    error_names = {"phrase": "what people type", "means": "what to look for as well"}

    phrase = forms.CharField(
        label="What people type", max_length=80,
        help_text="A word, abbreviation or short phrase, like SALT, respite or can't sleep",
        error_messages={"required": "Enter what people type",
                        "max_length": "What people type must be 80 characters or fewer"},
    )
    kind = forms.ChoiceField(label="What kind of word is it?", choices=SynonymKind.choices, widget=forms.RadioSelect,
                             error_messages={"required": "Select what kind of word this is"})
    means = forms.CharField(
        label="Also look for", max_length=300, required=False,
        help_text="Words or phrases services use, separated by commas, like speech and language therapy, "
                  "speech and language",
        error_messages={"max_length": "Also look for must be 300 characters or fewer"},
    )
    terms = forms.MultipleChoiceField(
        label="And services for these needs or kinds of support", required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, term_choices=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["terms"].choices = list(term_choices)

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("means") or "").strip() and not data.get("terms") and "means" not in self.errors:
            self.add_error("means", "Enter what to look for as well, or select a need or kind of support")
        return data
