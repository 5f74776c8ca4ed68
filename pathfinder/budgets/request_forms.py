"""The forms to ask for a personal budget and to answer the request. The law's checks (reg 4 stage, reg 7
reasons) are in statutory.personal_budgets, run by the services in requests.py."""

from __future__ import annotations

from django import forms

from pathfinder.budgets.models import AskedBy, MadeThrough
from pathfinder.budgets.models_ras import Stream
from pathfinder.core.forms import GOVUKDateField, GOVUKForm

WISHES_HINT = "For example: the help you would like to choose, or who you would like to provide it"


class VersionedForm(GOVUKForm):
    """A form that changes a request: the version guards against two people saving at once."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class FamilyRequestForm(GOVUKForm):
    """The family asks, in the portal."""

    error_names = {"streams": "what the personal budget would be for", "wishes": "what you would like"}

    streams = forms.MultipleChoiceField(
        label="What would you like a personal budget for?",
        choices=Stream.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )
    wishes = forms.CharField(
        label="What would you like it to pay for?",
        required=False,
        help_text=WISHES_HINT,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
    )


class CaseworkerRequestForm(FamilyRequestForm):
    """The caseworker records a request made by letter, phone, email or at a meeting."""

    error_names = {**FamilyRequestForm.error_names, "asked_by": "who asked", "made_through": "how it was asked for"}

    asked_by = forms.ChoiceField(label="Who asked?", choices=AskedBy.choices, widget=forms.RadioSelect)
    made_through = forms.ChoiceField(
        label="How did they ask?", choices=MadeThrough.choices, widget=forms.RadioSelect, initial=MadeThrough.CASEWORKER
    )
    requested_on = GOVUKDateField(label="Date they asked")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["streams"].label = "What would they like a personal budget for?"
        self.fields["wishes"].label = "What would they like it to pay for?"


class RefuseForm(VersionedForm):
    error_names = {"reasons": "the reasons for refusing"}

    reasons = forms.CharField(
        label="Reasons for refusing",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=8000,
        help_text="The family reads these words. Say what could not be done and why.",
    )


class ReconsiderForm(VersionedForm):
    error_names = {"outcome": "what was decided", "change_decision": "whether the decision changes"}

    asked_on = GOVUKDateField(label="Date the family asked for the decision to be looked at again")
    change_decision = forms.ChoiceField(
        label="Does the council change its decision?",
        widget=forms.RadioSelect,
        choices=[("yes", "Yes: work on the personal budget again"), ("no", "No: the refusal stands")],
    )
    outcome = forms.CharField(
        label="What was decided and why", widget=forms.Textarea(attrs={"rows": 5}), max_length=8000
    )

    def clean_change_decision(self) -> bool:
        return self.cleaned_data["change_decision"] == "yes"


class WithdrawForm(VersionedForm):
    withdrawn_on = GOVUKDateField(label="Date the family said they no longer want a personal budget")


class NoticeForm(VersionedForm):
    sent_on = GOVUKDateField(label="Date the notice is sent")
