"""Structured advice: the needs an adviser saw, the outcomes they recommend and the provision (what, how much,
how often, by whom), as repeatable rows.

Why rows and not one text box: the caseworker adds the provision to the draft plan without retyping it
(plans.PlanProvision.from_advice). "Add another" posts the page back with one more empty row (GOV.UK "add
another" without JavaScript); empty rows are ignored.
"""

from __future__ import annotations

from django import forms
from django.forms import formset_factory
from django.forms.utils import ErrorDict

from pathfinder.core.forms import GOVUKForm

ROW_KINDS = ("need", "outcome", "provision")


class AdviceNeedForm(GOVUKForm):
    description = forms.CharField(label="What need did you see?", widget=forms.Textarea(attrs={"rows": 3}),
                                  required=False, help_text="For example, finds it hard to follow spoken instructions")


class AdviceOutcomeForm(GOVUKForm):
    description = forms.CharField(label="What outcome do you recommend?", widget=forms.Textarea(attrs={"rows": 3}),
                                  required=False,
                                  help_text="For example, by the end of Year 5 will follow a two-step instruction")


class AdviceProvisionForm(GOVUKForm):
    error_names = {"description": "what should be provided"}

    description = forms.CharField(label="What should be provided", widget=forms.Textarea(attrs={"rows": 3}),
                                  required=False)
    amount = forms.CharField(label="How much", max_length=120, required=False, help_text="For example, 30 minutes")
    frequency = forms.CharField(label="How often", max_length=120, required=False,
                                help_text="For example, twice a week")
    provided_by = forms.CharField(label="By whom", max_length=200, required=False,
                                  help_text="For example, a speech and language therapist")

    def clean(self) -> dict:
        data = super().clean()
        others = any((data.get(name) or "").strip() for name in ("amount", "frequency", "provided_by"))
        if others and not (data.get("description") or "").strip():
            self.add_error("description", "Enter what should be provided")
        return data


_FORMSETS = {
    "need": formset_factory(AdviceNeedForm, extra=0, min_num=1),
    "outcome": formset_factory(AdviceOutcomeForm, extra=0, min_num=1),
    "provision": formset_factory(AdviceProvisionForm, extra=0, min_num=1),
}
_NAMES = {"need": "Need", "outcome": "Outcome", "provision": "Provision"}


class StructuredAdvice:
    """The three sets of rows on the give-advice page, read from one POST."""

    def __init__(self, data=None) -> None:
        self.adding = None
        if data is not None and data.get("add") in ROW_KINDS:
            self.adding = data["add"]
            data = data.copy()
            key = f"{self.adding}-TOTAL_FORMS"
            data[key] = str(int(data.get(key) or 1) + 1)
        self.sets = {kind: factory(data, prefix=kind) for kind, factory in _FORMSETS.items()}

    def __getitem__(self, kind: str):
        return self.sets[kind]

    def quiet(self, form) -> None:
        """Show what was typed without complaining about it: the user asked for another row, not to send."""
        form._errors = ErrorDict()
        for formset in self.sets.values():
            formset._non_form_errors = formset.error_class()
            formset._errors = []
            for row in formset.forms:
                row._errors = ErrorDict()

    def is_valid(self, form) -> bool:
        """Check every row; a row's problem is also put at the top of the main form, so the error summary lists
        it (it links to the top of the page, and the row shows its own message)."""
        valid = True
        for kind, formset in self.sets.items():
            for number, row in enumerate(formset.forms, start=1):
                if not row.is_valid():
                    valid = False
                    for errors in row.errors.values():
                        form.add_error(None, f"{_NAMES[kind]} {number}: {errors[0]}")
        return valid

    def cleaned(self) -> dict[str, list]:
        """Filled rows only, as plain values for the service."""
        def text(row, name):
            return (row.cleaned_data.get(name) or "").strip()

        return {
            "needs": [t for row in self.sets["need"].forms if (t := text(row, "description"))],
            "outcomes": [t for row in self.sets["outcome"].forms if (t := text(row, "description"))],
            "provisions": [
                {name: text(row, name) for name in ("description", "amount", "frequency", "provided_by")}
                for row in self.sets["provision"].forms if text(row, "description")
            ],
        }
