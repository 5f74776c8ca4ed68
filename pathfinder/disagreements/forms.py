"""The forms for mediation steps and Ombudsman complaints. The law's checks run in the services (statutory)."""

from __future__ import annotations

from django import forms

from pathfinder.core.forms import GOVUKDateField, GOVUKForm
from pathfinder.disagreements.models_complaints import Finding
from pathfinder.organisations.models import Organisation, OrganisationKind

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes(value: str) -> bool:
    return value == "yes"


class DisagreementForm(GOVUKForm):
    """Every message in the GOV.UK pattern, from pathfinder.core."""


class MediationStartForm(DisagreementForm):
    error_names = {"mediation_service": "the mediation service"}

    adviser_contacted = GOVUKDateField(label="Date the family contacted the mediation adviser")
    mediation_service = forms.ModelChoiceField(
        label="Mediation service", required=False, empty_label="Not referred yet",
        queryset=Organisation.objects.filter(kind=OrganisationKind.MEDIATION).order_by("name"),
        help_text="Only the service you choose sees this mediation",
    )


class MediationStepForm(DisagreementForm):
    """One step: its date. ``on_label`` names the date for this step."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    on = GOVUKDateField(label="Date")

    def __init__(self, *args, on_label: str = "Date", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].label = on_label


class MediationInformedForm(MediationStepForm):
    error_names = {"issues": "what the family disagrees with", "health_in_issue": "whether health care is in issue"}

    issues = forms.CharField(label="What does the family disagree with?", widget=forms.Textarea(attrs={"rows": 4}))
    health_in_issue = forms.ChoiceField(label="Is health care provision part of the disagreement?", choices=YES_NO,
                                        widget=forms.RadioSelect)
    health_sought = forms.CharField(label="What health care provision is the family asking for?", required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}))

    def clean_health_in_issue(self) -> bool:
        return _yes(self.cleaned_data["health_in_issue"])

    def clean(self):
        data = super().clean()
        if data.get("health_in_issue") and not (data.get("health_sought") or "").strip():
            self.add_error("health_sought", "Enter the health care provision the family is asking for")
        return data


class MediationArrangeForm(MediationStepForm):
    error_names = {"mediation_service": "the mediation service"}

    mediation_service = forms.ModelChoiceField(
        label="Mediation service", required=False, empty_label="Keep as it is",
        queryset=Organisation.objects.filter(kind=OrganisationKind.MEDIATION).order_by("name"),
    )


class MediationAgreementForm(MediationStepForm):
    error_names = {"agreement_appealable": "whether the agreement could be appealed",
                   "council_party": "whether the council was a party"}

    agreement_appealable = forms.ChoiceField(
        label="Is the agreement about matters that could be appealed to the Tribunal?", choices=YES_NO,
        widget=forms.RadioSelect, help_text="It decides which time limits apply to doing what was agreed",
    )
    council_party = forms.ChoiceField(label="Was the council a party to the agreement?", choices=YES_NO,
                                      widget=forms.RadioSelect)
    agreement_summary = forms.CharField(label="What was agreed", widget=forms.Textarea(attrs={"rows": 4}))

    def clean_agreement_appealable(self) -> bool:
        return _yes(self.cleaned_data["agreement_appealable"])

    def clean_council_party(self) -> bool:
        return _yes(self.cleaned_data["council_party"])


class ComplaintForm(DisagreementForm):
    error_names = {"complaint": "what the complaint is about"}

    reference = forms.CharField(label="Ombudsman's reference", max_length=30, required=False)
    received_on = GOVUKDateField(label="Date the council heard of the complaint")
    complaint = forms.CharField(label="What is the complaint about?", widget=forms.Textarea(attrs={"rows": 4}))


class FindingForm(DisagreementForm):
    error_names = {"finding": "what the Ombudsman found"}

    version = forms.IntegerField(widget=forms.HiddenInput)
    finding = forms.ChoiceField(label="What did the Ombudsman find?", choices=Finding.choices,
                                widget=forms.RadioSelect)
    finding_on = GOVUKDateField(label="Date of the Ombudsman's decision")
    finding_summary = forms.CharField(label="What the Ombudsman said", required=False,
                                      widget=forms.Textarea(attrs={"rows": 4}))


class RemedyForm(DisagreementForm):
    description = forms.CharField(label="What must the council do?", max_length=300,
                                  help_text="For example: apologise, pay £500, review how plans are amended")
    due_on = GOVUKDateField(label="Date it must be done by")


class RemedyDoneForm(DisagreementForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    done_on = GOVUKDateField(label="Date it was done")
