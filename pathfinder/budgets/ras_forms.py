"""Forms for the RAS (a version's details, a question and its answers, the bands and prices, publishing), the rate
card, the indicative budget and pricing a provision. Every message is in the GOV.UK pattern (core.forms).

Money boxes take what people type: "1200", "1,200.50", "£1,200" are read exactly as Decimal; "£12.5.0",
"1,20,0" and "twelve" get a message saying how to write it. Never float.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from pathfinder.budgets.models import PriceSource
from pathfinder.budgets.models_ras import RateUnit, Stream
from pathfinder.core.error_messages import error_name, error_subject
from pathfinder.core.forms import GOVUKDateField, GOVUKForm

MONEY = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")
NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")
MAX_OPTIONS = 6
MAX_BANDS = 8


class MoneyField(forms.CharField):
    """An amount in pounds and pence, thousands separators and a pound sign allowed; cleaned to Decimal."""

    def __init__(self, *args: Any, max_amount: Decimal = Decimal("99999999.99"), **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": False}))
        super().__init__(*args, **kwargs)
        self.max_amount = max_amount

    def clean(self, value: Any) -> Decimal | None:
        text = super().clean(value)
        text = (text or "").strip().removeprefix("£").strip()
        if not text:
            return None
        if not MONEY.match(text):
            raise forms.ValidationError(f"Enter {error_name(self)} as an amount in pounds, like 1,200.50")
        amount = Decimal(text.replace(",", ""))
        if amount > self.max_amount:
            raise forms.ValidationError(f"{error_subject(self)} must be {self.max_amount:,} or less")
        return amount


class QuantityField(forms.CharField):
    """A number of units (38, 1.5, 1,200): exact Decimal, never float."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": False}))
        super().__init__(*args, **kwargs)

    def clean(self, value: Any) -> Decimal | None:
        text = (super().clean(value) or "").strip()
        if not text:
            return None
        if not NUMBER.match(text):
            raise forms.ValidationError(f"{error_subject(self)} must be a number, like 38 or 1.5")
        try:
            number = Decimal(text.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            raise forms.ValidationError(f"{error_subject(self)} must be a number, like 38 or 1.5") from None
        if number > Decimal("999999.99"):
            raise forms.ValidationError(f"{error_subject(self)} must be 999,999 or less")
        return number


class _Versioned(GOVUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class RasDetailsForm(_Versioned):
    error_names = {"effective_from": "the day this version takes effect"}

    title = forms.CharField(label="Title", max_length=200, help_text="For example: Short breaks allocation 2027")
    what_changed = forms.CharField(
        label="What this version changes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="In plain English: families and staff read it",
    )
    agreed_with = forms.CharField(
        label="Agreed with",
        max_length=200,
        required=False,
        help_text="For health, the integrated care board that agreed the prices",
    )
    effective_from = GOVUKDateField(label="Takes effect from", required=False)


class RasQuestionForm(_Versioned):
    """A question, what in the assessment answers it, and up to six answers with their points."""

    text = forms.CharField(label="Question", max_length=300)
    help_text = forms.CharField(
        label="Which part of the assessment answers it",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example: section D of the plan; the social care assessment",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, MAX_OPTIONS + 1):
            self.fields[f"option_{n}_label"] = forms.CharField(label=f"Answer {n}", max_length=300, required=False)
            self.fields[f"option_{n}_points"] = forms.IntegerField(
                label=f"Points for answer {n}",
                min_value=0,
                max_value=999,
                required=False,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": False}),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        options = []
        for n in range(1, MAX_OPTIONS + 1):
            label, points = data.get(f"option_{n}_label"), data.get(f"option_{n}_points")
            if f"option_{n}_points" in self.errors or f"option_{n}_label" in self.errors:
                continue
            if label and points is None:
                self.add_error(f"option_{n}_points", f"Enter the points for answer {n}")
            elif points is not None and not label:
                self.add_error(f"option_{n}_label", f"Enter answer {n}, or remove its points")
            elif label:
                options.append((label, points))
        if not options and not any(k.startswith("option_") for k in self.errors):
            self.add_error("option_1_label", "Enter answer 1 and its points")
        data["options"] = options
        return data


class RasBandsForm(_Versioned):
    """Up to eight bands: a name, the lowest and highest points, and the yearly price."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, MAX_BANDS + 1):
            self.fields[f"band_{n}_name"] = forms.CharField(label=f"Name of band {n}", max_length=80, required=False)
            self.fields[f"band_{n}_min"] = forms.IntegerField(
                label=f"Lowest points in band {n}",
                min_value=0,
                max_value=9999,
                required=False,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": False}),
            )
            self.fields[f"band_{n}_max"] = forms.IntegerField(
                label=f"Highest points in band {n}",
                min_value=0,
                max_value=9999,
                required=False,
                help_text="Leave empty for the top band",
                widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": False}),
            )
            self.fields[f"band_{n}_price"] = MoneyField(label=f"Price of band {n} for a year", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        bands = []
        for n in range(1, MAX_BANDS + 1):
            keys = [f"band_{n}_{part}" for part in ("name", "min", "max", "price")]
            if any(k in self.errors for k in keys):
                continue
            name, low, high, price = (data.get(k) for k in keys)
            if not name and low is None and high is None and price is None:
                continue
            if not name:
                self.add_error(keys[0], f"Enter the name of band {n}")
            elif low is None:
                self.add_error(keys[1], f"Enter the lowest points in band {n}")
            elif high is not None and high < low:
                self.add_error(keys[2], f"The highest points in band {n} must be {low} or more")
            else:
                bands.append((name, low, high, price))
        if not bands and not self.errors:
            self.add_error("band_1_name", "Enter the name of band 1 and its points")
        data["bands"] = bands
        return data


class RasPublishForm(_Versioned):
    earlier_reason = forms.CharField(
        label="Why it takes effect before today",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only if it takes effect before today: for example, the prices agreed with the ICB from 1 April",
    )


class RateCardForm(GOVUKForm):
    error_names = {"effective_from": "the day the price takes effect", "stream": "the funding stream"}

    stream = forms.ChoiceField(label="Funding stream", choices=Stream.choices, widget=forms.RadioSelect)
    name = forms.CharField(label="Item", max_length=200, help_text="For example: Teaching assistant hour")
    unit = forms.ChoiceField(label="Price for", choices=RateUnit.choices)
    price = MoneyField(label="Price", help_text="In pounds, for example 18.50 or 1,200")
    effective_from = GOVUKDateField(label="Price from")


class IndicativeForm(_Versioned):
    """The stream's questionnaire: one set of radios per question, and a different amount with reasons (KM)."""

    error_names = {"reasons": "the reasons for the different amount"}
    system_id = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(
            ("required", "invalid"), "The questionnaire on this page was missing or changed. Open the page again"
        ),
    )
    amount = MoneyField(
        label="A different yearly amount",
        required=False,
        help_text="Only if the council sets a different amount from the RAS amount after checking it against the "
        "child's needs: the RAS is a starting point",
    )
    reasons = forms.CharField(
        label="Reasons for the different amount",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The family reads these in the letter: say which needs the RAS amount does not meet, or meets twice",
    )

    def __init__(self, *args: Any, questions: list[tuple[str, str, str, list[tuple[str, str]]]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        answers = {}
        for number, (qid, text, hint, options) in enumerate(questions, start=1):
            field = forms.ChoiceField(label=text, choices=options, widget=forms.RadioSelect, help_text=hint)
            field.error_name = f"an answer to question {number}"
            answers[f"q_{qid}"] = field
        # The questions first, then the different amount and its reasons.
        self.fields = {
            **{k: v for k, v in self.fields.items() if k in ("version", "system_id")},
            **answers,
            "amount": self.fields["amount"],
            "reasons": self.fields["reasons"],
        }

    def answers(self) -> dict[str, str]:
        return {name.removeprefix("q_"): value for name, value in self.cleaned_data.items() if name.startswith("q_")}


class ProvisionPriceForm(GOVUKForm):
    error_names = {"source": "where the price comes from", "stream": "the funding stream"}

    source = forms.ChoiceField(
        label="Where does the price come from?", choices=PriceSource.choices, widget=forms.RadioSelect
    )
    cost_option = forms.ChoiceField(label="Local Offer price", required=False)
    rate = forms.ChoiceField(label="Rate card price", required=False)
    unit_price = MoneyField(
        label="Price agreed for one unit", required=False, help_text="Only for a price agreed for this child"
    )
    units_per_year = QuantityField(label="Units a year", help_text="For example, 38 weeks or 76 sessions")
    stream = forms.ChoiceField(label="Paid from", choices=Stream.choices, widget=forms.RadioSelect)

    def __init__(self, *args: Any, cost_options: list[tuple[str, str]], rates: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["cost_option"].choices = [("", "Choose a Local Offer price"), *cost_options]
        self.fields["rate"].choices = [("", "Choose a rate card price"), *rates]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        source = data.get("source")
        needed = {
            PriceSource.LOCAL_OFFER: ("cost_option", "Select the Local Offer price"),
            PriceSource.RATE_CARD: ("rate", "Select the rate card price"),
            PriceSource.AGREED: ("unit_price", "Enter the price agreed for one unit"),
        }.get(source)
        if needed and not data.get(needed[0]) and needed[0] not in self.errors:
            self.add_error(needed[0], needed[1])
        if "units_per_year" not in self.errors and data.get("units_per_year") is None:
            self.add_error("units_per_year", "Enter the units a year")
        return data
