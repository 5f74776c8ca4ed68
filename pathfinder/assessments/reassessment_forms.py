"""Forms for a re-assessment: the request (reg 24(1)) and the decision, with refusal as too soon (reg 24(2))."""

from __future__ import annotations

from django import forms
from django.utils import timezone

import statutory
from pathfinder.assessments.forms import DecisionForm, RequestForm
from pathfinder.core.forms import GOVUKForm


class ReassessmentRequestForm(RequestForm):
    """Who asked for the re-assessment and when it arrived: the decision clock starts from the day it counts."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["request_source"].label = "Who asked for the re-assessment?"
        self.fields["request_source"].error_messages["required"] = "Select who asked for the re-assessment"


class ReassessmentDecisionForm(DecisionForm):
    """Whether the council will re-assess. A 'no' needs reasons, or the reg 24(2) ground (checked by the service
    against the date of the last assessment)."""

    too_soon = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, question="Will the council carry out a re-assessment?", **kwargs)
        window = statutory.rule_in_force("reassessment_refusal_window", timezone.localdate())
        self.fields["too_soon"].label = (
            f"We are refusing because the request came within {window.duration_text} of the last assessment"
        )
        self.fields["reasons"].help_text = (
            "Needed for a 'no', unless the request came too soon: they go in the letter to the family"
        )
        # Keep the order: decision, too soon, date, reasons, version.
        self.order_fields(["decision", "too_soon", "decided_on", "reasons", "version"])

    def clean(self) -> dict:
        data = GOVUKForm.clean(self)
        if data.get("decision") == "no" and not data.get("too_soon") and not (data.get("reasons") or "").strip():
            self.add_error("reasons", "Give the reasons for the decision: the family must be told them")
        if data.get("decision") == "yes" and data.get("too_soon"):
            self.add_error("too_soon", "Only a refusal can be because the request came too soon")
        return data
