"""The forms a caseworker fills in to cease a plan. The law's checks are in statutory.ceasing, run by the services."""

from __future__ import annotations

from django import forms

import statutory
from pathfinder.core.forms import GOVUKDateField, GOVUKForm

YES_NO = [("yes", "Yes"), ("no", "No")]


class CeaseForm(GOVUKForm):
    """Every message in the GOV.UK pattern, from pathfinder.core."""


class CessationVersionedForm(CeaseForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ProposeForm(CeaseForm):
    error_names = {"reason": "the reason the plan would end",
                   "in_education_or_training": "whether they are in education or training"}

    reason = forms.ChoiceField(
        label="Why would the plan end?", widget=forms.RadioSelect,
        choices=[(r.code, r.label) for r in statutory.CEASE_REASONS.values()],
    )
    proposed_on = GOVUKDateField(label="Date ceasing was proposed")
    in_education_or_training = forms.ChoiceField(
        label="Are they in education or training?", choices=YES_NO, widget=forms.RadioSelect,
        help_text="At a school, college or training provider, or on an apprenticeship",
    )
    reviewed_does_not_wish_to_return = forms.BooleanField(
        label="A review found the young person does not wish to return to education or training, or a return "
              "would not be appropriate", required=False,
        help_text="Only for a young person aged 18 or over who has left education or training",
    )

    def clean_in_education_or_training(self) -> bool:
        return self.cleaned_data["in_education_or_training"] == "yes"


class ConsultationForm(CessationVersionedForm):
    family_consulted_on = GOVUKDateField(label="Date the parent or young person was consulted")
    head_consulted_on = GOVUKDateField(label="Date the head or principal was consulted", required=False)
    views_received = forms.CharField(
        label="What did they say?", widget=forms.Textarea(attrs={"rows": 6}), required=False,
        help_text="Their views, in their words where you can",
    )


class DecideForm(CessationVersionedForm):
    decided_on = GOVUKDateField(label="Date the decision notice is sent")


class AppealForm(CessationVersionedForm):
    error_names = {"upheld": "what the Tribunal decided"}

    lodged_on = GOVUKDateField(label="Date the appeal was lodged")
    appeal_decided_on = GOVUKDateField(label="Date the Tribunal decided", required=False,
                                       help_text="Leave empty while the appeal waits for the Tribunal")
    upheld = forms.ChoiceField(
        label="What did the Tribunal decide?", widget=forms.RadioSelect, required=False,
        choices=[("upheld", "The plan must continue (appeal upheld)"),
                 ("dismissed", "The plan may cease (appeal dismissed)")],
    )

    def clean_upheld(self) -> bool | None:
        value = self.cleaned_data.get("upheld")
        return None if not value else value == "upheld"


class WithdrawForm(CessationVersionedForm):
    error_names = {"reason": "why the plan is being kept"}

    withdrawn_on = GOVUKDateField(label="Date the council decided to keep the plan")
    reason = forms.CharField(label="Why is the plan being kept?", widget=forms.Textarea(attrs={"rows": 4}))


class MediationCertificateForm(CessationVersionedForm):
    certificate_on = GOVUKDateField(label="Date the mediation certificate was issued")
