"""The manager's choice of a tracking sample; a family's subject access request recorded, extended, answered."""

from __future__ import annotations

from django import forms

from pathfinder.core.forms import GOVUKDateField, GOVUKForm
from pathfinder.disclosure.models import RequesterRelation
from pathfinder.disclosure.sampling import MAX_SAMPLE


class SampleForm(GOVUKForm):
    """Sent by GET, so a sample is a link the manager can keep and open again."""

    key = forms.CharField(
        label="Sample key", max_length=60, strip=True,
        help_text="Any words or numbers, for example the inspection's first day. The same key always gives the "
                  "same cases, so write it down for the inspectors.",
        error_messages={"required": "Enter a sample key", "max_length": "The sample key must be 60 characters or fewer"},
    )
    size = forms.IntegerField(
        label="How many cases", min_value=1, max_value=MAX_SAMPLE,
        help_text=f"From 1 to {MAX_SAMPLE}",
        error_messages={"required": "Enter how many cases to choose",
                        "invalid": "Enter how many cases as a number, like 20",
                        "min_value": "Choose at least 1 case",
                        "max_value": f"The most you can choose is {MAX_SAMPLE}"},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
    )


class RequestReceivedForm(GOVUKForm):
    """When the subject access request arrived, to show the last day to answer it (UK GDPR Art.12(3))."""

    received_on = GOVUKDateField(label="When did the request arrive?", help_text="For example, 27 3 2026",
                                 error_name="the date the request arrived")


class SubjectAccessRequestForm(GOVUKForm):
    """A request for the child's data as it arrived, recorded by the caseworker from the subject access page."""

    error_names = {"requester_name": "who asked", "relation": "their relation to the child"}

    requester_name = forms.CharField(label="Who asked?", max_length=200, help_text="Their full name")
    relation = forms.ChoiceField(label="Who are they?", choices=RequesterRelation.choices, widget=forms.RadioSelect,
                                 error_messages={"required": "Select their relation to the child"})
    received_on = GOVUKDateField(label="When did the request arrive?", error_name="the date the request arrived")
    identity_confirmed_on = GOVUKDateField(
        label="When did we receive proof of who is asking? (optional)", required=False,
        error_name="the date we received proof of who is asking",
        help_text="Only if we needed to ask for it: the time to answer then runs from that day. For example, 27 3 2026")


class SubjectAccessExtendForm(GOVUKForm):
    error_names = {"reason": "why we need longer"}

    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="Why do we need longer?", widget=forms.Textarea(attrs={"rows": 4}),
                             max_length=2000,
                             help_text="The request is complex, or they made several. We must tell them why.")
    on = GOVUKDateField(label="When did we tell them?", error_name="the date we told them")


class SubjectAccessAnswerForm(GOVUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    on = GOVUKDateField(label="When did we answer?", error_name="the date we answered")
    with_pack = forms.BooleanField(label="Produce the subject access pack (PDF) now to send with the answer",
                                   required=False)
