"""The caseworker's forms for a direct payment (PB Regs regs 5 to 11; CoP 9.119)."""

from __future__ import annotations

from django import forms

from pathfinder.budgets.agreement_documents import AGREEMENT_KINDS
from pathfinder.budgets.direct_payments import STOP_REASONS
from pathfinder.budgets.models_money import Holding, RecipientKind
from pathfinder.budgets.request_forms import VersionedForm
from pathfinder.core.forms import GOVUKDateField, GOVUKForm
from pathfinder.documents.forms import CheckedFileForm


class ProposeForm(GOVUKForm):
    error_names = {"recipient_kind": "who receives it", "recipient_name": "the recipient's name"}

    recipient_kind = forms.ChoiceField(
        label="Who receives the direct payment?", choices=RecipientKind.choices, widget=forms.RadioSelect
    )
    recipient_name = forms.CharField(label="Recipient's full name", max_length=200)


class DetailsForm(VersionedForm):
    error_names = {"holding": "how the money is held"}

    consent_given_on = GOVUKDateField(label="Date the recipient consented", required=False)
    will_use_appropriately = forms.BooleanField(
        required=False, label="The recipient will use it to secure the agreed provision (reg 6(a))"
    )
    acts_in_best_interests = forms.BooleanField(
        required=False,
        label="A nominee or representative will act in the child's or young person's best interests (reg 6(b))",
    )
    no_adverse_impact = forms.BooleanField(
        required=False, label="It will not harm other services for children and young people with plans (reg 6(c))"
    )
    efficient_use = forms.BooleanField(
        required=False, label="It is an efficient use of the council's resources (reg 6(d))"
    )
    on_school_premises = forms.BooleanField(
        required=False, label="Some of the provision is delivered on a school's or college's premises"
    )
    head_name = forms.CharField(label="Head teacher or principal who agreed", required=False, max_length=200)
    head_agreed_on = GOVUKDateField(label="Date the head teacher or principal agreed", required=False)
    holding = forms.ChoiceField(
        label="How will the money be held?", choices=Holding.choices, widget=forms.RadioSelect, required=False
    )
    prepaid_card_chosen = forms.BooleanField(required=False, label="The family chose a prepaid card themselves")
    third_party_name = forms.CharField(label="Name of the third party", required=False, max_length=200)


class SendForm(VersionedForm):
    sent_on = GOVUKDateField(label="Date the agreement is sent")


class AgreementDocumentForm(CheckedFileForm, VersionedForm):
    """The signed agreement as a file (documents.forms.CheckedFileForm checks it); the service stores it."""

    error_names = {"document": "the signed agreement"}
    checked_file_kinds = AGREEMENT_KINDS
    checked_file_hint = "A scan or photo of every signed page. "

    document = forms.FileField(
        label="Upload the signed agreement",
        error_messages={"required": "Select the signed agreement to upload"},
    )


class SignForm(AgreementDocumentForm):
    signed_on = GOVUKDateField(label="Date the agreement was signed")

    field_order = ["signed_on", "document"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].required = False
        self.fields["document"].label = "Upload the signed agreement (optional)"
        self.fields["document"].help_text += ". You can add it later: the page shows it as missing until you do."


class ReviewForm(VersionedForm):
    reviewed_on = GOVUKDateField(label="Date of the review")


class RefuseForm(VersionedForm):
    error_names = {"reasons": "the reasons for refusing"}

    reasons = forms.CharField(
        label="Reasons for refusing the direct payment",
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The family reads these words. They can ask for the decision to be reviewed.",
    )


class StopForm(VersionedForm):
    error_names = {"reason": "why it is stopping", "reasons": "the reasons"}

    reason = forms.ChoiceField(
        label="Why is the direct payment stopping?", widget=forms.RadioSelect, choices=list(STOP_REASONS.items())
    )
    reasons = forms.CharField(
        label="Reasons, in words the family will read", max_length=8000, widget=forms.Textarea(attrs={"rows": 5})
    )
