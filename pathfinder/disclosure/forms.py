"""The manager's choice of a tracking sample: the key that fixes it and how many cases."""

from __future__ import annotations

from django import forms

from pathfinder.core.forms import GOVUKDateField, GOVUKForm
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
