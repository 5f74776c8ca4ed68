"""The caseworker's forms for budget lines and funders' agreement. Money is read as exact pounds and pence:
"1,200.50", "£1200" and " 1200.5 " are all £1,200.50 / £1,200.00; anything else is refused with a message."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms

from pathfinder.budgets.models import Delivery, Funder
from pathfinder.budgets.models_ras import Stream
from pathfinder.budgets.request_forms import VersionedForm
from pathfinder.core.forms import GOVUKDateField

MONEY = re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$|^\d+(\.\d{1,2})?$")
MAX_MONEY = Decimal("99999999.99")


def parse_money(text: str) -> Decimal | None:
    """Pounds and pence as text to a Decimal, or None if it is not an amount of money (never a float)."""
    cleaned = (text or "").strip().removeprefix("£").strip()
    if not MONEY.match(cleaned):
        return None
    try:
        value = Decimal(cleaned.replace(",", "")).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None
    return value if value <= MAX_MONEY else None


class MoneyField(forms.CharField):
    """An amount in pounds, such as 1,200.50."""

    def __init__(self, *args, subject: str = "the amount", **kwargs) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}))
        super().__init__(*args, **kwargs)
        self.subject = subject

    def clean(self, value):
        text = super().clean(value)
        if text in (None, ""):
            return None
        amount = parse_money(text)
        if amount is None:
            raise forms.ValidationError(f"Enter {self.subject} in pounds, like 1,200.50")
        return amount


class LineForm(VersionedForm):
    error_names = {
        "provision": "the provision it pays for",
        "stream": "where the money comes from",
        "delivery": "how the money is held",
        "legal_basis": "the legal basis",
        "yearly_amount": "the amount a year",
        "icb_organisation": "the health organisation",
    }

    provision = forms.ChoiceField(label="Which provision in the plan does it pay for?", widget=forms.RadioSelect)
    stream = forms.ChoiceField(
        label="Which part of the budget is it?", choices=Stream.choices, widget=forms.RadioSelect
    )
    delivery = forms.ChoiceField(label="How is the money held?", choices=Delivery.choices, widget=forms.RadioSelect)
    legal_basis = forms.CharField(
        label="Legal basis", max_length=200, help_text="For example: CFA 2014 s.42; CSDPA 1970 s.2; NHS Act 2006 s.12A"
    )
    yearly_amount = MoneyField(label="Amount a year, in pounds", subject="the amount a year")
    council_share = MoneyField(label="Paid by the council, in pounds", required=False, subject="the council's share")
    school_share = MoneyField(
        label="Paid by the school or college, in pounds", required=False, subject="the school's or college's share"
    )
    icb_share = MoneyField(
        label="Paid by the integrated care board (NHS), in pounds",
        required=False,
        subject="the integrated care board's share",
    )
    icb_organisation = forms.ChoiceField(
        label="Which health organisation agrees the NHS share?",
        required=False,
        help_text="Its members can then agree it in Pathfinder. Leave empty to record their agreement yourself.",
    )
    cannot_separate = forms.BooleanField(
        label="The amount for this provision cannot be separated from a service the council buys for many "
        "children (block-commissioned)",
        required=False,
    )
    cannot_separate_reason = forms.CharField(
        label="Why it cannot be separated", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, provisions=(), organisations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provision"].choices = [(str(p.pk), f"{p.section}: {p.description}") for p in provisions]
        self.fields["icb_organisation"].choices = [("", "None: I will record their agreement")] + [
            (str(o.pk), o.name) for o in organisations
        ]

    def clean_provision(self) -> int:
        return int(self.cleaned_data["provision"])

    def shares(self) -> dict[str, Decimal]:
        data = self.cleaned_data
        return {
            Funder.COUNCIL: data.get("council_share"),
            Funder.SCHOOL: data.get("school_share"),
            Funder.ICB: data.get("icb_share"),
        }


class ShareAgreementForm(VersionedForm):
    error_names = {"funder": "who agreed", "agreed_by_name": "the name of the person who agreed"}

    funder = forms.ChoiceField(label="Whose agreement is it?", choices=Funder.choices, widget=forms.RadioSelect)
    agreed_by_name = forms.CharField(label="Name and role of the person who agreed", max_length=200)
    agreed_on = GOVUKDateField(label="Date they agreed")


class IcbAgreeForm(VersionedForm):
    """A member of the health organisation agrees the NHS share on their own page (their name is recorded)."""

    agreed_on = GOVUKDateField(label="Date you agree it")


class AgreeForm(VersionedForm):
    agreed_on = GOVUKDateField(label="Date the personal budget is agreed")
