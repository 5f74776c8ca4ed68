"""The forms a caseworker fills in for appeals, orders and recommendations. The law's checks run in the services."""

from __future__ import annotations

from django import forms

from pathfinder.core.forms import GOVUKDateField, GOVUKForm
from pathfinder.tribunal.constants import ORDER_KIND_CHOICES, AppealOutcome, RecommendationArea

SECTION_CHOICES = [("B", "Section B: special educational needs"), ("F", "Section F: special educational provision"),
                   ("I", "Section I: the school or other institution named")]
YES_NO = [("yes", "Yes"), ("no", "No")]


class TribunalForm(GOVUKForm):
    """Every message in the GOV.UK pattern, from pathfinder.core."""


class VersionedForm(TribunalForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AppealForm(TribunalForm):
    error_names = {"decision": "the decision appealed", "sections": "the sections in dispute",
                   "reference": "the Tribunal's reference"}

    decision = forms.ChoiceField(label="Which decision is appealed?", widget=forms.RadioSelect)
    reference = forms.CharField(label="Tribunal reference", max_length=40,
                                help_text="As on the Tribunal's letter, for example EH123/26/00001")
    registered_on = GOVUKDateField(label="Date the Tribunal registered the appeal")
    notified_on = GOVUKDateField(label="Date the Tribunal sent the appeal to the council",
                                 help_text="The council's response is due from this day")
    grounds = forms.CharField(label="Grounds of appeal", widget=forms.Textarea(attrs={"rows": 5}),
                              help_text="What the family says is wrong with the decision")
    sections = forms.MultipleChoiceField(label="Which sections of the plan are in dispute?", required=False,
                                         choices=SECTION_CHOICES, widget=forms.CheckboxSelectMultiple,
                                         help_text="Only for an appeal about the contents of a plan")
    certificate_on = GOVUKDateField(label="Date of the mediation certificate", required=False,
                                    help_text="Not needed for an appeal about section I alone")

    def __init__(self, *args, decisions=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [(str(d.pk), str(d)) for d in decisions]


class ResponseForm(VersionedForm):
    sent_on = GOVUKDateField(label="Date the response was sent to the Tribunal")


class HearingForm(VersionedForm):
    hearing_on = GOVUKDateField(label="Date of the hearing")


class NotOpposeForm(VersionedForm):
    told_on = GOVUKDateField(label="Date the council told the Tribunal it will not oppose",
                             help_text="The council's duties are counted from this day")


class DecideForm(VersionedForm):
    error_names = {"outcome": "what the Tribunal decided"}

    outcome = forms.ChoiceField(label="What did the Tribunal decide?", widget=forms.RadioSelect, choices=[
        (AppealOutcome.DISMISSED, AppealOutcome.DISMISSED.label),
        (AppealOutcome.ALLOWED_IN_PART, AppealOutcome.ALLOWED_IN_PART.label),
        (AppealOutcome.ALLOWED, AppealOutcome.ALLOWED.label)])
    decided_on = GOVUKDateField(label="Date of the decision")


class WithdrawForm(VersionedForm):
    withdrawn_on = GOVUKDateField(label="Date the family withdrew the appeal")


class OrderForm(TribunalForm):
    error_names = {"kind": "what the Tribunal ordered"}

    kind = forms.ChoiceField(label="What did the Tribunal order?", widget=forms.RadioSelect,
                             choices=ORDER_KIND_CHOICES)
    made_on = GOVUKDateField(label="Date of the order")
    details = forms.CharField(label="What the order says", widget=forms.Textarea(attrs={"rows": 4}), required=False)
    provision = forms.CharField(
        label="Provision the order names", widget=forms.Textarea(attrs={"rows": 4}), required=False,
        help_text="One item a line, for example: 20 hours of speech and language therapy a term",
    )

    def clean_provision(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["provision"].splitlines() if line.strip()]


class DutyDoneForm(VersionedForm):
    done_on = GOVUKDateField(label="Date it was done")


class AssessmentDecisionForm(VersionedForm):
    error_names = {"decided_to_issue": "whether the council will issue a plan"}

    decided_to_issue = forms.ChoiceField(label="After the assessment, will the council issue a plan?",
                                         widget=forms.RadioSelect, choices=YES_NO)

    def clean_decided_to_issue(self) -> bool:
        return self.cleaned_data["decided_to_issue"] == "yes"


class OrderExceptionForm(VersionedForm):
    error_names = {"code": "the exception"}

    code = forms.ChoiceField(label="Which exception?", widget=forms.RadioSelect)
    period_start = GOVUKDateField(label="Start of the period")
    period_end = GOVUKDateField(label="End of the period")
    evidence = forms.CharField(label="What shows it happened", widget=forms.Textarea(attrs={"rows": 3}))
    causal_note = forms.CharField(label="How it made the time limit impractical", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}),
                                  help_text="Without this, the exception does not excuse a late duty")
    applies_to = forms.ChoiceField(label="Which duty is it claimed for?", required=False)

    def __init__(self, *args, codes=(), duties=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = list(codes)
        self.fields["applies_to"].choices = [("", "Every duty of this order"), *duties]


class DeliveredForm(VersionedForm):
    delivered_on = GOVUKDateField(label="Date delivery started")
    evidence = forms.CharField(label="What shows it is being delivered", widget=forms.Textarea(attrs={"rows": 3}))


class RecommendationForm(TribunalForm):
    error_names = {"area": "whether it is about health or social care"}

    area = forms.ChoiceField(label="What is it about?", widget=forms.RadioSelect, choices=RecommendationArea.choices)
    made_on = GOVUKDateField(label="Date of the recommendation")
    text = forms.CharField(label="The recommendation", widget=forms.Textarea(attrs={"rows": 4}))


class RecommendationResponseForm(VersionedForm):
    error_names = {"will_follow": "whether the recommendation will be followed"}

    responded_on = GOVUKDateField(label="Date of the response")
    will_follow = forms.ChoiceField(label="Will it be followed?", widget=forms.RadioSelect, choices=YES_NO)
    response = forms.CharField(label="The response", widget=forms.Textarea(attrs={"rows": 4}), required=False,
                               help_text="If it will not be followed, the reasons")

    def clean_will_follow(self) -> bool:
        return self.cleaned_data["will_follow"] == "yes"
