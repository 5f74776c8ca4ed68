from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone

import statutory
from pathfinder.accounts.choices import PersonChoiceField, people_in_role
from pathfinder.accounts.models import User
from pathfinder.accounts.roles import Role
from pathfinder.assessments.advice_documents import ADVICE_KINDS
from pathfinder.assessments.constants import (
    ADVICE_EXCEPTION_CODES,
    ASSESSMENT_EXCEPTION_CODES,
    ExceptionCode,
    ReceivedBy,
    RequestSource,
)
from pathfinder.core.forms import GOVUKDateField, GOVUKForm
from pathfinder.documents.forms import CheckedFileForm
from pathfinder.organisations.models import Organisation

YES_NO = [("yes", "Yes"), ("no", "No")]


class RequestForm(GOVUKForm):
    received_on = GOVUKDateField(
        label="When was the request received?", error_name="the date the request was received",
        help_text="The day it arrived. One that arrives on a weekend, a bank holiday or a day the council is "
        "closed, or after 5pm, counts as received on the next working day, and the clocks start then. "
        "For example, 27 3 2026",
    )
    arrived_after_hours = forms.BooleanField(label="It arrived after 5pm", required=False)
    received_by = forms.ChoiceField(label="How was it received?", choices=ReceivedBy.choices, widget=forms.RadioSelect,
                                    error_messages={"required": "Select how the request was received"})
    request_source = forms.ChoiceField(label="Who asked for the assessment?", choices=RequestSource.choices,
                                       widget=forms.RadioSelect)
    requester_name = forms.CharField(label="Name of the person or organisation who asked", max_length=200,
                                     required=False)
    request_summary = forms.CharField(label="What the request says", widget=forms.Textarea(attrs={"rows": 4}),
                                      required=False)
    caseworker = PersonChoiceField(label="Caseworker", queryset=User.objects.none(), required=False,
                                        empty_label="Not assigned yet")

    def __init__(self, *args, team=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        workers = people_in_role(Role.CASEWORKER)
        self.fields["caseworker"].queryset = workers.filter(team=team) if team is not None else workers


class DecisionForm(GOVUKForm):
    decision = forms.ChoiceField(widget=forms.RadioSelect, choices=YES_NO,
                                 error_messages={"required": "Select yes or no"})
    decided_on = GOVUKDateField(label="Date the decision was sent to the family")
    reasons = forms.CharField(
        label="Reasons", widget=forms.Textarea(attrs={"rows": 5}), required=False,
        help_text="Needed for a 'no': they go in the letter to the family",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, question: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].label = question
        if question.startswith("Will the council ") and question.endswith("?"):
            # GOV.UK yes/no pattern: "Select yes if the council will issue an EHC plan"
            answer = f"Select yes if the council will {question[len('Will the council '):-1]}"
            self.fields["decision"].error_messages.update(required=answer, invalid_choice=answer)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("decision") == "no" and not (data.get("reasons") or "").strip():
            self.add_error("reasons", "Give the reasons for the decision: the family must be told them")
        return data


class WithdrawForm(GOVUKForm):
    withdrawn_on = GOVUKDateField(label="Date the request was withdrawn")
    version = forms.IntegerField(widget=forms.HiddenInput)


class AdviceRequestForm(GOVUKForm):
    kind = forms.ChoiceField(label="What advice is needed?", widget=forms.RadioSelect,
                             help_text="SEND Regulations 2014, regulation 6(1)")
    organisation = forms.ModelChoiceField(
        label="Which organisation", queryset=Organisation.objects.none(), required=False,
        empty_label="Not an organisation in Pathfinder",
        help_text="The request goes to the organisation's queue, and its members see this child while it is involved",
    )
    adviser = PersonChoiceField(label="Adviser who uses Pathfinder", queryset=User.objects.none(),
                                     required=False, empty_label="Not in Pathfinder",
                                     help_text="They will see only this child, and only for this advice. With an "
                                     "organisation, one of its members: the request is given to them")
    adviser_name = forms.CharField(label="Adviser's name or role", max_length=200)
    adviser_organisation = forms.CharField(label="Organisation, if not in Pathfinder", max_length=200, required=False)
    requested_on = GOVUKDateField(label="Date the request for advice was sent")

    def __init__(self, *args, kinds: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds
        self.fields["adviser"].queryset = people_in_role(Role.ADVISER)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")


class AdviceReuseForm(GOVUKForm):
    error_names = {"adviser_name": "the name of the person who wrote it", "reuse_source": "the report and its date"}

    kind = forms.ChoiceField(label="Which advice is being reused?", widget=forms.RadioSelect)
    adviser_name = forms.CharField(label="Who wrote it", max_length=200)
    reuse_source = forms.CharField(label="Which report, and its date", max_length=200)
    summary = forms.CharField(label="Summary", widget=forms.Textarea(attrs={"rows": 4}), required=False)
    agreed_by_adviser = forms.BooleanField(label="The adviser agrees it is enough", required=False)
    agreed_by_council = forms.BooleanField(label="The council agrees it is enough", required=False)
    agreed_by_family = forms.BooleanField(label="The parent or young person agrees it is enough", required=False)

    def __init__(self, *args, kinds: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [k for k in kinds if k[0] != "a"]


class _DocumentForm(CheckedFileForm, GOVUKForm):
    """A form with an advice document (documents.forms.CheckedFileForm checks it); the service stores it."""

    checked_file_kinds = ADVICE_KINDS


class AdviceReceivedForm(_DocumentForm):
    received_on = GOVUKDateField(label="Date the advice was received")
    summary = forms.CharField(label="Summary of the advice", widget=forms.Textarea(attrs={"rows": 6}))
    document = forms.FileField(label="The advice document", required=False)


class AdviceCorrectionForm(_DocumentForm):
    reason = forms.CharField(label="What needs correcting", widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="For example, a wrong date, or a recommendation that was left out")
    summary = forms.CharField(label="Corrected summary of the advice", widget=forms.Textarea(attrs={"rows": 6}))
    document = forms.FileField(label="Corrected advice document", required=False)


class AdviceExceptionForm(GOVUKForm):
    code = forms.ChoiceField(label="Which exception applies to the adviser?", widget=forms.RadioSelect,
                             choices=[(c, ExceptionCode(c).label) for c in ADVICE_EXCEPTION_CODES])
    start = GOVUKDateField(label="Start of the period")
    end = GOVUKDateField(label="End of the period")
    note = forms.CharField(label="How it made the adviser's deadline impractical",
                           widget=forms.Textarea(attrs={"rows": 4}))


STEPS = (
    ("decision_to_assess", "Decision whether to assess"),
    ("decision_not_to_issue", "Decision not to issue a plan"),
    ("final_plan", "Final plan"),
)


def step_choices(on: date) -> list[tuple[str, str]]:
    """Steps with their periods read from the rule book in force ``on``: the form states no period itself."""
    return [("", "Every step of the assessment")] + [
        (code, f"{label} ({statutory.rule_in_force(code, on).duration_text})") for code, label in STEPS
    ]


class ExceptionForm(GOVUKForm):
    error_names = {"applies_to": "the step it affects"}

    code = forms.ChoiceField(label="Which exception applies?", widget=forms.RadioSelect,
                             choices=[(c, ExceptionCode(c).label) for c in ASSESSMENT_EXCEPTION_CODES])
    applies_to = forms.ChoiceField(label="Which step does it affect?", choices=(), required=False)
    period_start = GOVUKDateField(
        label="Start of the period",
        help_text="For a closure, the first day the setting was closed. For time away, the first day away.",
    )
    period_end = GOVUKDateField(
        label="End of the period",
        help_text="For a closure, the last day closed (it re-opens the next day). For time away, the last day away.",
    )
    evidence = forms.CharField(label="Evidence", widget=forms.Textarea(attrs={"rows": 4}),
                               help_text="What shows this happened")
    causal_note = forms.CharField(
        label="Why it made the deadline impractical", widget=forms.Textarea(attrs={"rows": 4}), required=False,
        help_text="An exception never moves a deadline. A late step counts as excused only when this explains "
        "how the exception caused the delay.",
    )
    family_told_on = GOVUKDateField(label="Date the family was told an exception applies", required=False,
                                    help_text="Code of Practice 9.42")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applies_to"].choices = step_choices(timezone.localdate())

    def clean(self) -> dict:
        data = super().clean()
        if data.get("period_start") and data.get("period_end") and data["period_end"] < data["period_start"]:
            self.add_error("period_end", "The end of the period must be the same as or after the start")
        return data
